// quarry/extract/patterns.hpp: the patterns stage, which adds what a user's rules (match/rules.hpp) find.
// Regex rules run on RE2 only: one RE2::Set pass over the text says which rules match somewhere, then only
// those rules look for their matches, so ten thousand rules cost about one pass. Token patterns are indexed
// by what their first token must be (a word, a lexeme class), so a token tries only the rules that can
// start at it. Everything is compiled in the constructor; the stage is immutable and shared by threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "quarry/annotation_kind.hpp"
#include "quarry/document.hpp"
#include "quarry/error.hpp"
#include "quarry/lexicon/lexeme_classes.hpp"
#include "quarry/match/patterns.hpp"
#include "quarry/match/rules.hpp"

namespace quarry {
inline namespace v0 {

// A match of a rule whose kind is the user's: written with the rule's id, and its canonical name if any.
struct rule_match {
  span where;
  std::string rule;
  std::string name;

  void write_fields(field_writer& w) const {
    w.text("rule", rule);
    if (!name.empty()) w.text("name", name);
  }
};

namespace detail {

// A token pattern as a small NFA: each element once, optional, or repeated (min copies, then optional
// copies up to max, or one starred copy for "many").
struct token_step {
  std::uint8_t test;  // index into the rule's tests
  enum class how : std::uint8_t { once, optional, star } mode;
};

struct compiled_rule {
  std::string id;
  std::string name;
  std::uint32_t kind = 0;  // index into compiled_rules::kinds; actors and locations have their own
  actor_kind actor = actor_kind::organization;
  place_kind place = place_kind::other;
  std::string country;
  std::vector<token_test> tests;   // a token pattern's elements
  std::vector<token_step> steps;   // empty for a regex rule
};

// Heterogeneous look-up of folded words by string_view.
struct rule_word_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct compiled_rules {
  static constexpr std::uint32_t actors_kind = 0xFFFFFFFEu;
  static constexpr std::uint32_t locations_kind = 0xFFFFFFFFu;
  static constexpr std::size_t max_steps = 63;  // the NFA's states and its accepting one fit in 64 bits

  std::vector<compiled_rule> rules;
  std::vector<std::string> kinds;  // the user kinds, in the order their first rule came

  // Regex rules: the set says which match; each then finds its matches.
  std::unique_ptr<RE2::Set> set;
  std::vector<std::unique_ptr<RE2>> regexes;  // by set index
  std::vector<std::uint32_t> regex_rule;      // set index -> rule

  // Token rules, by what their first token must be.
  std::unordered_map<std::string, std::vector<std::uint32_t>, rule_word_hash, std::equal_to<>> by_word;  // folded
  std::array<std::vector<std::uint32_t>, 16> by_class;
  std::vector<std::uint32_t> anywhere;  // a first element that is optional or tests nothing
};

[[nodiscard]] inline std::string fold_ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

[[noreturn]] inline void rule_failed(const rule_set& rules, std::size_t i, const std::string& why) {
  const auto& src = rules.source_of(i);
  throw lexicon_error(src.path, src.line, "rule '" + rules.rules()[i].id + "': " + why);
}

inline void compile_steps(compiled_rule& r, const rule_set& rules, std::size_t i) {
  if (r.tests.size() > compiled_rules::max_steps) rule_failed(rules, i, "a token pattern of more than 63 steps");
  for (std::size_t e = 0; e < r.tests.size(); ++e) {
    const token_test& t = r.tests[e];
    const auto at = static_cast<std::uint8_t>(e);
    if (t.max != token_test::many && t.max < t.min) rule_failed(rules, i, "a token test's max is below its min");
    for (std::uint8_t k = 0; k < t.min; ++k) r.steps.push_back({at, token_step::how::once});
    if (t.max == token_test::many) r.steps.push_back({at, token_step::how::star});
    else for (std::uint8_t k = t.min; k < t.max; ++k) r.steps.push_back({at, token_step::how::optional});
    if (r.steps.size() > compiled_rules::max_steps) break;
  }
  if (r.steps.size() > compiled_rules::max_steps) rule_failed(rules, i, "a token pattern of more than 63 steps");
  bool can_be_empty = true;
  for (const auto& s : r.steps) can_be_empty = can_be_empty && s.mode != token_step::how::once;
  if (can_be_empty) rule_failed(rules, i, "a token pattern that can match no token at all");
}

[[nodiscard]] inline std::shared_ptr<const compiled_rules> compile_rules(const rule_set& rules) {
  auto c = std::make_shared<compiled_rules>();
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(std::int64_t{256} << 20);  // the set's DFA: thousands of rules need more than the default
  c->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  RE2::Options one = options;
  one.set_max_mem(std::int64_t{8} << 20);

  for (std::size_t i = 0; i < rules.size(); ++i) {
    const rule& r = rules.rules()[i];
    compiled_rule out;
    out.id = r.id;
    out.name = r.name;
    out.country = r.country;
    if (r.kind == rule_kind_actors) {
      out.kind = compiled_rules::actors_kind;
      if (!r.type.empty()) {
        bool known = false;
        for (auto k : {actor_kind::person, actor_kind::organization, actor_kind::country, actor_kind::group}) {
          if (r.type == to_string(k)) { out.actor = k; known = true; }
        }
        if (!known) rule_failed(rules, i, "unknown actor type '" + r.type + "' (person, organization, country, group)");
      }
    } else if (r.kind == rule_kind_locations) {
      out.kind = compiled_rules::locations_kind;
      if (!r.type.empty()) {
        bool known = false;
        for (auto k : {place_kind::country, place_kind::city, place_kind::region, place_kind::facility, place_kind::other}) {
          if (r.type == to_string(k)) { out.place = k; known = true; }
        }
        if (!known) rule_failed(rules, i, "unknown place type '" + r.type + "' (country, city, region, facility, other)");
      }
    } else {
      for (auto builtin : builtin_kind_names) {
        if (r.kind == builtin) rule_failed(rules, i, "kind '" + r.kind + "' is built in; rules may add to actors and locations only");
      }
      if (!r.type.empty()) rule_failed(rules, i, "\"type\" is for actors and locations");
      const auto at = std::find(c->kinds.begin(), c->kinds.end(), r.kind);
      out.kind = static_cast<std::uint32_t>(at - c->kinds.begin());
      if (at == c->kinds.end()) c->kinds.push_back(r.kind);
    }
    const auto index = static_cast<std::uint32_t>(c->rules.size());
    if (!r.regex.empty()) {
      auto re = std::make_unique<RE2>(re2::StringPiece(r.regex.data(), r.regex.size()), one);
      if (!re->ok()) rule_failed(rules, i, "RE2 rejects the regex '" + r.regex + "': " + re->error());
      std::string why;
      if (c->set->Add(re2::StringPiece(r.regex.data(), r.regex.size()), &why) < 0) {
        rule_failed(rules, i, "RE2 rejects the regex '" + r.regex + "': " + why);
      }
      c->regexes.push_back(std::move(re));
      c->regex_rule.push_back(index);
    } else {
      out.tests = r.tokens;
      compile_steps(out, rules, i);
      const token_step& first = out.steps.front();
      const token_test& test = out.tests[first.test];
      if (first.mode != token_step::how::once) {
        c->anywhere.push_back(index);
      } else if (!test.text.empty() || !test.lower.empty()) {
        // a word the first token must be: its folded spelling is the key (the test itself decides the case)
        for (const auto& w : test.text.empty() ? test.lower : test.text) {
          auto& bucket = c->by_word[fold_ascii_lower(w)];
          if (bucket.empty() || bucket.back() != index) bucket.push_back(index);
        }
      } else if (!test.classes.empty()) {
        c->by_class[static_cast<std::size_t>(test.classes.front())].push_back(index);
      } else {
        c->anywhere.push_back(index);
      }
    }
    c->rules.push_back(std::move(out));
  }
  if (!c->regexes.empty() && !c->set->Compile()) {
    throw error("quarry::patterns: the set of " + std::to_string(c->regexes.size()) + " regex rules is too large for RE2");
  }
  return c;
}

struct found_match {
  span where;
  std::uint32_t rule;
};

}  // namespace detail

// The stage. Needs tokens (token patterns read them; matches of both kinds of rule are kept within the text
// as is). Adds to the user kinds its rules name (each kind is present, maybe empty, in every document it
// runs on), and to actors and locations: a rule's match there replaces the mentions it overlaps, and its
// entity is the one of the same canonical name and kind, or a new one.
class patterns {
 public:
  static constexpr unsigned needs = layer::tokens;
  static constexpr unsigned provides = 0;

  // Compiles the rules; a rule that cannot compile throws lexicon_error with its file and line.
  explicit patterns(const rule_set& rules, lexeme_classes classes = {})
      : rules_(detail::compile_rules(rules)), classes_(std::move(classes)) {}

  [[nodiscard]] std::size_t size() const noexcept { return rules_->rules.size(); }
  // The user kinds the rules name, in order.
  [[nodiscard]] const std::vector<std::string>& kinds() const noexcept { return rules_->kinds; }

  void operator()(document& doc) const {
    thread_local std::vector<detail::found_match> found;
    found.clear();
    find_regex(doc.text(), found);
    find_tokens(doc, found);
    std::sort(found.begin(), found.end(), [](const detail::found_match& a, const detail::found_match& b) {
      if (a.where.begin != b.where.begin) return a.where.begin < b.where.begin;
      if (a.where.end != b.where.end) return a.where.end > b.where.end;
      return a.rule < b.rule;
    });

    thread_local std::vector<std::vector<rule_match>*> lists;
    lists.clear();
    for (const auto& k : rules_->kinds) lists.push_back(&doc.annotations<rule_match>(k));
    thread_local std::vector<detail::found_match> entities;
    entities.clear();
    for (const auto& m : found) {
      const detail::compiled_rule& r = rules_->rules[m.rule];
      if (r.kind < lists.size()) lists[r.kind]->push_back({m.where, r.id, r.name});
      else entities.push_back(m);
    }
    if (!entities.empty()) add_entities(doc, entities);
  }

 private:
  void find_regex(std::string_view text, std::vector<detail::found_match>& found) const {
    const auto& c = *rules_;
    if (c.regexes.empty() || text.empty()) return;
    thread_local std::vector<int> hits;
    hits.clear();
    const re2::StringPiece all(text.data(), text.size());
    RE2::Set::ErrorInfo info{};
    if (!c.set->Match(all, &hits, &info) && info.kind != RE2::Set::kNoError) {
      // the set's DFA ran out of memory on this text: every rule looks for itself (slower, same result)
      hits.resize(c.regexes.size());
      for (std::size_t i = 0; i < hits.size(); ++i) hits[i] = static_cast<int>(i);
    }
    for (const int h : hits) {
      const RE2& re = *c.regexes[static_cast<std::size_t>(h)];
      const int groups = re.NumberOfCapturingGroups() > 0 ? 2 : 1;  // the first group is what a rule reports
      std::size_t from = 0;
      re2::StringPiece m[2];
      while (from <= text.size() && re.Match(all, from, text.size(), RE2::UNANCHORED, m, groups)) {
        const auto b = static_cast<std::size_t>(m[0].data() - text.data());
        const re2::StringPiece& reported = groups == 2 && m[1].data() != nullptr ? m[1] : m[0];
        if (!reported.empty()) {
          const auto rb = static_cast<std::size_t>(reported.data() - text.data());
          found.push_back({{static_cast<offset_t>(rb), static_cast<offset_t>(rb + reported.size())},
                           c.regex_rule[static_cast<std::size_t>(h)]});
        }
        from = m[0].empty() ? b + 1 : b + m[0].size();  // past an empty match, so the search moves on
      }
    }
  }

  [[nodiscard]] bool test_matches(const token_test& t, const token& tok, std::string_view word) const {
    if (!t.text.empty() && std::find(t.text.begin(), t.text.end(), word) == t.text.end()) return false;
    if (!t.lower.empty()) {
      bool any = false;
      for (const auto& w : t.lower) {
        if (w.size() != word.size()) continue;
        std::size_t k = 0;
        while (k < w.size() && detail::fold_ascii(word[k]) == w[k]) ++k;
        if (k == w.size()) { any = true; break; }
      }
      if (!any) return false;
    }
    for (const lexeme_class c : t.classes) {
      if (!classes_.has(c, tok, word)) return false;
    }
    return true;
  }

  // The end (one past the last token) of the longest match of rule r starting at token i, or i when none.
  // A match stays within its sentence.
  [[nodiscard]] std::size_t match_at(const detail::compiled_rule& r, const document& doc, std::size_t i) const {
    using how = detail::token_step::how;
    const auto& tokens = doc.tokens();
    const std::size_t n = r.steps.size();
    auto closure = [&](std::uint64_t s) {
      for (std::size_t k = 0; k < n; ++k) {  // skippable steps pass their state on
        if ((s >> k & 1u) && r.steps[k].mode != how::once) s |= std::uint64_t{1} << (k + 1);
      }
      return s;
    };
    std::uint64_t states = closure(1);
    std::size_t best = i;
    for (std::size_t j = i; j < tokens.size() && states != 0; ++j) {
      if (j > i && tokens[j].has(sentence_start)) break;
      const std::string_view word = doc.text(tokens[j]);
      std::uint64_t next = 0;
      for (std::size_t k = 0; k < n; ++k) {
        if (!(states >> k & 1u) || !test_matches(r.tests[r.steps[k].test], tokens[j], word)) continue;
        next |= std::uint64_t{1} << (r.steps[k].mode == how::star ? k : k + 1);
        if (r.steps[k].mode == how::star) next |= std::uint64_t{1} << (k + 1);
      }
      states = closure(next);
      if (states >> n & 1u) best = j + 1;
    }
    return best;
  }

  void find_tokens(const document& doc, std::vector<detail::found_match>& found) const {
    const auto& c = *rules_;
    if (c.by_word.empty() && c.anywhere.empty() &&
        std::all_of(c.by_class.begin(), c.by_class.end(), [](const auto& b) { return b.empty(); })) {
      return;
    }
    const auto& tokens = doc.tokens();
    thread_local std::vector<std::uint32_t> free_from;  // per rule: a rule's matches do not overlap
    free_from.assign(c.rules.size(), 0);
    std::array<char, 64> buf{};
    auto try_rule = [&](std::uint32_t r, std::size_t i) {
      if (free_from[r] > i) return;
      const std::size_t end = match_at(c.rules[r], doc, i);
      if (end == i) return;
      found.push_back({{tokens[i].begin, tokens[end - 1].end}, r});
      free_from[r] = static_cast<std::uint32_t>(end);
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const token& t = tokens[i];
      const std::string_view word = doc.text(t);
      if (!c.by_word.empty() && word.size() <= buf.size()) {
        for (std::size_t k = 0; k < word.size(); ++k) buf[k] = detail::fold_ascii(word[k]);
        const auto it = c.by_word.find(std::string_view(buf.data(), word.size()));
        if (it != c.by_word.end()) {
          for (const std::uint32_t r : it->second) try_rule(r, i);
        }
      }
      for (std::size_t k = 0; k < c.by_class.size(); ++k) {
        if (c.by_class[k].empty() || !classes_.has(static_cast<lexeme_class>(k), t, word)) continue;
        for (const std::uint32_t r : c.by_class[k]) try_rule(r, i);
      }
      for (const std::uint32_t r : c.anywhere) try_rule(r, i);
    }
  }

  // Rule matches of actors and locations: the longest (then the first) of overlapping ones wins, and
  // replaces the mentions it overlaps.
  void add_entities(document& doc, const std::vector<detail::found_match>& sorted) const {
    std::vector<detail::found_match> kept;
    offset_t end = 0;
    for (const auto& m : sorted) {  // sorted by begin, longest first
      if (!kept.empty() && m.where.begin < end) continue;
      kept.push_back(m);
      end = m.where.end;
    }
    auto overlaps_kept = [&](span s) {
      for (const auto& m : kept) {
        if (s.begin < m.where.end && m.where.begin < s.end) return true;
      }
      return false;
    };
    std::erase_if(doc.actor_mentions(), [&](const actor_mention& m) { return overlaps_kept(m.where); });
    std::erase_if(doc.place_mentions(), [&](const place_mention& m) { return overlaps_kept(m.where); });
    for (const auto& m : kept) {
      const detail::compiled_rule& r = rules_->rules[m.rule];
      const std::string name = r.name.empty() ? std::string(doc.text(m.where)) : r.name;
      if (r.kind == detail::compiled_rules::actors_kind) {
        auto& table = doc.actors();
        auto it = std::find_if(table.begin(), table.end(), [&](const actor& a) { return a.name == name && a.kind == r.actor; });
        if (it == table.end()) {
          table.push_back(actor{name, r.actor, {}, r.country, {}});
          it = table.end() - 1;
        }
        doc.actor_mentions().push_back({m.where, static_cast<entity_id>(it - table.begin())});
      } else {
        auto& table = doc.places();
        auto it = std::find_if(table.begin(), table.end(), [&](const place& p) { return p.name == name && p.kind == r.place; });
        if (it == table.end()) {
          table.push_back(place{name, r.place, r.country, std::nullopt, std::nullopt});
          it = table.end() - 1;
        }
        doc.place_mentions().push_back({m.where, static_cast<entity_id>(it - table.begin())});
      }
    }
    auto by_begin = [](const auto& a, const auto& b) { return a.where.begin < b.where.begin; };
    std::stable_sort(doc.actor_mentions().begin(), doc.actor_mentions().end(), by_begin);
    std::stable_sort(doc.place_mentions().begin(), doc.place_mentions().end(), by_begin);
  }

  std::shared_ptr<const detail::compiled_rules> rules_;
  lexeme_classes classes_;
};

}  // namespace v0
}  // namespace quarry
