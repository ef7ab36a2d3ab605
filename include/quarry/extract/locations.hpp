// quarry/extract/locations.hpp: the locations stage: every mention of a named place (countries,
// cities, regions, facilities), each pointing to one place entity per document.
// Known names come from the gazetteer (one trie walk per capitalised token); facilities and
// divisions are also found by pattern ("al-Asad Air Base", "Anbar province") when no lexicon knows
// them. A name counts as a place only with the evidence a careful reader would want: people
// ("Michael Jordan", "Paris Hilton"), organizations ("Bank of America"), capitals used as actors
// ("Washington said") and common words ("Nice", "Police") are left out; ambiguous names ("Georgia")
// go to the candidate the rest of the document supports.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/lexicon/geography.hpp"
#include "quarry/lexicon/organizations.hpp"
#include "quarry/lexicon/people.hpp"
#include "quarry/lexicon/place_words.hpp"
#include "quarry/lexicon/speech_verbs.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

struct locations_options {
  // A single-word city below this population needs local evidence ("in X", "X, Country").
  std::uint32_t min_population_bare = 100000;
  // Cities are never taken below this population (the built-in table stops at 15,000).
  std::uint32_t min_population = 0;
  // Find facilities and divisions by pattern ("X Air Base", "X province") when no lexicon knows X.
  bool patterns = true;
  // The verbs that make a capital before them a state acting ("Washington said"), shared with the
  // actors and quotes stages; nullptr: the built-in speech verbs.
  std::shared_ptr<const speech_verb_set> speech_verbs;
};


class locations {
 public:
  static constexpr unsigned provides = layer::places;
  static constexpr unsigned needs = layer::tokens;

  locations() : locations(gazetteer::builtin()) {}
  explicit locations(std::shared_ptr<const gazetteer> places, locations_options options = {})
      : places_(places ? std::move(places) : gazetteer::builtin()),
        people_(people_lexicon::builtin()),
        verbs_(options.speech_verbs ? options.speech_verbs : speech_verb_set::builtin()),
        options_(std::move(options)) {}

  [[nodiscard]] const gazetteer& places() const noexcept { return *places_; }

  void operator()(document& doc) const {
    doc.places().clear();
    doc.place_mentions().clear();
    run state(*this, doc);
    state.find();
    state.resolve_and_emit();
    doc.mark_done(layer::places);
  }

 private:
  // A possible mention found in the first pass.
  struct raw_mention {
    std::uint32_t first = 0, last = 0;       // tokens of the mention
    std::uint32_t name_first = 0, name_last = 0;  // tokens of the name inside it
    std::span<const std::uint32_t> candidates;    // gazetteer ids; empty for a pattern-found place
    place_kind pattern_kind = place_kind::other;
    bool strong = false;        // local evidence: "in X", "X, Country", "X province", dateline
    bool region_cue = false;    // "X state", "state of X", "X province"
    bool person_like = false;   // rejected as a person's name: later bare uses go with it
    bool keep = true;
    bool in_name = false;       // dropped as a place because an organization's name holds it
    bool title_case = false;    // in a headline-case or all-caps line
    bool starts_sentence = false;
    std::string_view comma_country;  // "Paris, Texas": the country of the place after the comma
    std::string_view comma_admin1;   // "Alexandria, La.": the admin-1 code of the region after it
  };

  class run {
   public:
    run(const locations& self, document& doc)
        : self_(self), g_(*self.places_), doc_(doc), text_(doc.text()), toks_(doc.tokens()) {}

    void find() {
      for (const token_range& s : doc_.sentences()) find_in(s);
      if (doc_.done() & layer::names) take_tagged_names();
    }

    void resolve_and_emit();

   private:
    [[nodiscard]] std::string_view w(std::uint32_t i) const noexcept { return toks_[i].of(text_); }
    [[nodiscard]] bool is_word(std::uint32_t i) const noexcept { return toks_[i].kind == token_kind::word; }
    [[nodiscard]] bool cap(std::uint32_t i) const noexcept {
      return is_word(i) && (toks_[i].has(capitalized) || toks_[i].has(all_caps));
    }
    // "al-Asad", "el-Arish": a lower-case Arabic article joined to a capitalised name
    [[nodiscard]] bool article_name(std::uint32_t i) const noexcept {
      const std::string_view x = w(i);
      if (!is_word(i) || !toks_[i].has(hyphenated)) return false;
      const std::size_t h = x.find('-');
      return h >= 1 && h <= 3 && h + 1 < x.size() && x[h + 1] >= 'A' && x[h + 1] <= 'Z' &&
             x[0] >= 'a' && x[0] <= 'z';
    }
    [[nodiscard]] bool name_word(std::uint32_t i) const noexcept { return cap(i) || article_name(i); }

    // Is the sentence mostly capitalised words (a headline or an all-caps line)?
    [[nodiscard]] bool headline(const token_range& s) const noexcept {
      std::uint32_t words = 0, caps = 0;
      for (std::uint32_t i = s.first; i < s.last && i < s.first + 40; ++i) {
        if (!is_word(i)) continue;
        ++words;
        caps += cap(i) ? 1u : 0u;
      }
      return words >= 3 && caps * 10 >= words * 8;
    }

    // The facility or division head at token j: its length in tokens, 0 when none.
    [[nodiscard]] std::uint32_t head_at(std::uint32_t j, std::uint32_t end, place_kind& kind,
                                        bool capital_name) const noexcept {
      for (const auto& h : detail::facility_heads) {
        std::uint32_t k = 0;
        while (k < 3 && !h.words[k].empty()) {
          if (j + k >= end || !detail::iequals(w(j + k), h.words[k])) break;
          ++k;
        }
        if (k > 0 && (k == 3 || h.words[k].empty())) {
          // bare "base", "camp", "dam" need a capital: "the Taji base" is a base, "the base" not
          if (k == 1 && (h.words[0] == "base" || h.words[0] == "camp" || h.words[0] == "dam" ||
                         h.words[0] == "prison" || h.words[0] == "stadium" || h.words[0] == "refinery") &&
              !capital_name) {
            return 0;
          }
          kind = h.kind;
          return k;
        }
      }
      if (j < end && detail::in_word_set(w(j), detail::region_heads)) {
        kind = place_kind::region;
        return 1;
      }
      return 0;
    }

    void find_in(const token_range& s) {
      const bool title_case = headline(s);
      const std::span<const token> upto(toks_.data(), s.last);
      std::uint32_t i = s.first;
      while (i < s.last) {
        if (!name_word(i)) {
          ++i;
          continue;
        }
        if (const std::uint32_t next = try_at(s, upto, i, title_case); next > i) {
          i = next;
        } else {
          ++i;
        }
      }
    }

    // Returns the token after a mention found at i, or i when none.
    std::uint32_t try_at(const token_range& s, std::span<const token> upto, std::uint32_t i, bool title_case) {
      raw_mention r;
      const auto m = g_.names().longest_at(text_, upto, i);
      std::uint32_t name_last = i;
      // a demonym ("Brits", "Iraqis") is never a place, even when a town bears the name
      const bool demonym = (!m.value || m.last == i + 1) && !g_.find_demonym(w(i)).empty();
      if (m.value && cap(i) && case_ok(m.first, m.last, m.mode) && !demonym) {
        name_last = m.last;
        r.candidates = g_.candidates(*m.value);
      } else if (self_.options_.patterns) {
        // an unknown name: up to four name words, then a head
        std::uint32_t j = i;
        while (j < s.last && j - i < 4 && (name_word(j) || (j > i && detail::in_word_set(w(j), detail::function_words) &&
                                                          j + 1 < s.last && name_word(j + 1)))) {
          ++j;
        }
        name_last = j;
        if (name_last == i) return i;
      } else {
        return i;
      }
      // a facility or division head after the name
      place_kind head_kind = place_kind::other;
      const bool capital_head = name_last < s.last && cap(name_last);
      std::uint32_t hl = head_at(name_last, s.last, head_kind, capital_head || !r.candidates.empty());
      // a pattern name must not swallow the head's own first word ("Air" of "Air Base")
      if (r.candidates.empty() && hl == 0) {
        for (std::uint32_t j = i + 1; j < name_last && hl == 0; ++j) {
          place_kind k2 = place_kind::other;
          const std::uint32_t h2 = head_at(j, s.last, k2, true);
          if (h2 > 0 && j + h2 >= name_last) { name_last = j; hl = h2; head_kind = k2; }
        }
      }
      if (r.candidates.empty()) {
        if (hl == 0) return i;
        // a pattern place: its first word must be a name, not "The" or "Each"
        if (detail::in_word_set(w(i), detail::pattern_stop_words)) return i;
        if (demonym || (head_kind == place_kind::region && detail::in_word_set(w(i), detail::not_region_names))) return i;
        if (head_kind == place_kind::region && detail::iequals(w(name_last), "state") && !cap(name_last)) return i;
        if (i > s.first && cap(i - 1) && !toks_[i].has(sentence_start) && i - 1 != s.first) return i;
        if (title_case && head_kind == place_kind::region) return i;
        r.pattern_kind = head_kind;
      }
      // "Camp Victory", "Fort Bragg": a prefix head with a name after it
      r.first = i;
      r.name_first = i;
      r.name_last = name_last;
      r.last = name_last + hl;
      if (hl > 0) {
        r.strong = true;
        r.region_cue = head_kind == place_kind::region;
        if (!r.candidates.empty()) r.pattern_kind = head_kind;
        if (!r.candidates.empty() && head_kind == place_kind::region &&
            detail::iequals(w(name_last), "state") && !cap(name_last)) {
          r.pattern_kind = place_kind::region;  // "Washington state"
        }
      }
      judge(s, r, title_case);
      if (!r.keep && !r.person_like && !r.in_name) return i;
      raws_.push_back(r);
      return r.last;
    }

    // The tagger's names (tagger/tagger.hpp) beside the rules' mentions. A place it finds where the rules
    // found nothing is taken, with the gazetteer's entry when the name is one; a rule mention it confirms
    // gains its evidence; a rule mention with no local evidence that it reads as a person, organization
    // or other name ("Derbyshire" the county club, "Jordan" the player) is dropped.
    void take_tagged_names() {
      const auto& names = doc_.tagged_names();
      std::vector<raw_mention> added;
      std::size_t k = 0;
      for (const auto& n : names) {
        if (n.last > toks_.size() || n.first >= n.last) continue;
        while (k < raws_.size() && raws_[k].last <= n.first) ++k;
        bool overlap = false;
        for (auto j = k; j < raws_.size() && raws_[j].first < n.last; ++j) {
          overlap = true;
          raw_mention& r = raws_[j];
          if (n.type == name_type::location) {
            if (r.first == n.first && r.last == n.last) {
              r.strong = true;
              r.keep = true;
              r.person_like = false;
            }
          } else if (!r.strong && r.first >= n.first && r.last <= n.last && n.margin >= confident_margin) {
            r.keep = false;
            r.person_like = false;
          }
        }
        if (overlap || n.type != name_type::location) continue;
        // a person's title or given name first is a person, whatever the model thinks
        const std::string_view first_word = w(n.first);
        if (self_.people_->title(first_word) || self_.people_->honorific(first_word) ||
            (n.last - n.first > 1 && self_.people_->first_name(first_word) && !g_.names().may_start(first_word))) {
          continue;
        }
        raw_mention r;
        r.first = r.name_first = n.first;
        r.last = r.name_last = n.last;
        const auto si = doc_.sentence_of(n.first);
        r.title_case = si < doc_.sentences().size() && headline(doc_.sentences()[si]);
        const auto m = g_.names().longest_at(text_, toks_, n.first);
        if (m.value && m.last == n.last && g_.find_demonym(first_word).empty()) {
          // a known place: the rules' tests still apply (a person's surname elsewhere, a common word)
          r.candidates = g_.candidates(*m.value);
        } else if (n.margin >= confident_margin && !r.title_case) {
          r.strong = true;  // a place no gazetteer knows ("Edgbaston"), on the model's word alone
        } else {
          continue;
        }
        added.push_back(r);
      }
      if (added.empty()) return;
      raws_.insert(raws_.end(), added.begin(), added.end());
      std::stable_sort(raws_.begin(), raws_.end(), [](const raw_mention& a, const raw_mention& b) { return a.first < b.first; });
    }

    // Every word of a multi-word name is capitalised, apart from joining words ("Bosnia and Herzegovina").
    [[nodiscard]] bool case_ok(std::uint32_t first, std::uint32_t last, match_case mode) const noexcept {
      for (std::uint32_t k = first; k < last; ++k) {
        if (toks_[k].kind != token_kind::word) continue;
        if (!cap(k) && !detail::in_word_set(w(k), detail::function_words) && !toks_[k].has(possessive)) return false;
      }
      // a short all-caps word ("IT", "ME") only matches an exact-case entry ("US", "UK")
      if (mode == match_case::fold && last - first == 1 && toks_[first].has(all_caps) && toks_[first].size() <= 3) {
        return false;
      }
      return true;
    }

    // Local evidence and person/organization contexts for a lexicon name.
    void judge(const token_range& s, raw_mention& r, bool title_case) {
      const std::uint32_t a = r.name_first, b = r.name_last;
      const bool starts_sentence = a == s.first || (a > s.first && toks_[a - 1].is_quote() && a - 1 == s.first);
      // local evidence before the name: "in", "northern", "west of", "state of"
      std::uint32_t p = a;
      while (p > s.first && (w(p - 1) == "the" || w(p - 1) == "The")) --p;
      if (p > s.first) {
        const std::string_view prev = w(p - 1);
        if (detail::in_word_set(prev, detail::locative_words)) r.strong = true;
        if (detail::iequals(prev, "of") && p >= 2 + s.first) {
          const std::string_view before = w(p - 2);
          if (detail::in_word_set(before, detail::compass_words)) r.strong = true;
          if (detail::in_word_set(before, detail::geo_generics)) {
            r.strong = true;
            if (detail::in_word_set(before, std::array<std::string_view, 3>{"state", "province", "region"})) r.region_cue = true;
          }
          // "Bank of America", "University of Texas": the place is part of an organization's name
          if (cap(p - 2) && p - 2 != s.first && !self_.people_->title(before) &&
              ((detail::org_head_roles(before) & detail::org_place_after_of) || !detail::in_word_set(before, detail::geo_generics))) {
            if (!detail::in_word_set(before, detail::geo_generics) && !detail::in_word_set(before, detail::compass_words)) {
              r.keep = false;
              r.in_name = detail::org_head_roles(before) != 0;  // "University of Texas", "Bank of America"
              return;
            }
          }
        }
      }
      // after the name: ", Country", ", State" or "X state"
      if (b + 1 < s.last && w(b) == ",") {
        const auto m = g_.names().longest_at(text_, std::span<const token>(toks_.data(), s.last), b + 1);
        if (m.value && cap(b + 1)) {
          const auto c = g_.candidates(*m.value);
          const geo_entry& e = g_.entry(c.front());
          if (e.kind == place_kind::country || e.kind == place_kind::region) {
            r.strong = true;
            r.comma_country = e.country;
            if (e.kind == place_kind::region) r.comma_admin1 = e.admin1;
          }
        }
      }
      // a dateline: "WASHINGTON (Reuters) -", "PUTRAJAYA, Malaysia"
      if (toks_[a].has(all_caps) && (a == 0 || toks_[a].has(line_break_before) || toks_[a].has(paragraph_start)) && b < s.last) {
        const std::string_view nx = w(b);
        if (nx == "," || nx == "(" || nx == "-" || nx == "\u2014" || nx == "\u2013") r.strong = true;
      }
      if (r.candidates.empty()) return;  // a pattern place: its head is the evidence
      // "University of Texas", "Police of ...": a word that heads organizations' names, before "of", is one
      // (the towns called University or Police need other evidence)
      if (b - a == 1 && b + 1 < s.last && w(b) == "of" && cap(b + 1) &&
          (detail::org_head_roles(w(a)) & detail::org_name_head)) {
        r.keep = false;
        return;
      }
      // people: "Mr. Jordan", "President George Washington", "Michael Jordan"
      if (a > s.first) {
        const std::uint32_t q = a - 1;
        const std::string_view prev = w(q);
        if (self_.people_->honorific(prev) || (cap(q) && self_.people_->title(prev) && !r.strong)) {
          r.keep = false;
          r.person_like = self_.people_->honorific(prev) != nullptr;
          return;
        }
        // "Old Trafford", "Fort Worth Star": a capitalised word before the name that is neither a
        // sentence opener nor a compass word makes the name part of a longer one
        if (cap(q) && q != s.first && !toks_[q].has(all_caps) && !toks_[q].has(sentence_start) &&
            !detail::in_word_set(prev, detail::locative_words) &&
            !detail::in_word_set(prev, detail::compass_words) &&
            !detail::in_word_set(prev, std::array<std::string_view, 4>{"greater", "upper", "lower", "downtown"}) &&
            !self_.people_->first_name(prev)) {
          r.keep = false;
          return;
        }
        if (cap(q) && !toks_[q].has(all_caps)) {
          const auto* fn = self_.people_->first_name(prev);
          // an ambiguous given name ("Lily", "Will") counts only inside a sentence
          if (fn && (!fn->ambiguous || q != s.first) && !g_.names().may_start(prev)) {
            r.keep = false;
            r.person_like = true;
            return;
          }
        }
      }
      // a capitalised word after the name continues another name: "Paris Hilton", "Georgia Tech"
      if (b < s.last && r.last == b && cap(b) && !toks_[b].has(all_caps) && !title_case) {
        const std::string_view nx = w(b);
        const bool title = self_.people_->title(nx) != nullptr || self_.people_->honorific(nx) != nullptr;
        bool next_is_area = false;  // "Iraq Syria border" lists places; "Paris Hilton" does not
        if (const auto m2 = g_.names().longest_at(text_, std::span<const token>(toks_.data(), s.last), b); m2.value) {
          const geo_entry& e2 = g_.entry(g_.candidates(*m2.value).front());
          next_is_area = e2.kind == place_kind::country || e2.kind == place_kind::region;
        }
        if (!title && !next_is_area) {
          r.keep = false;
          r.in_name = organization_name_after(b, s.last);
          // "Jordan Peterson" makes later bare "Jordan"s people; "Malaysia Airlines" does not
          const auto* fn = self_.people_->first_name(w(a));
          r.person_like = b - a == 1 && fn != nullptr && g_.entry(r.candidates.front()).kind != place_kind::country;
          return;
        }
      }
      // a capital used as an actor: "Washington said", "Moscow has warned"
      if (b < s.last && r.last == b && is_word(b) && !r.strong) {
        const bool said = self_.verbs_->contains(w(b)) ||
                          (detail::in_word_set(w(b), detail::actor_auxiliaries) && b + 1 < s.last && self_.verbs_->contains(w(b + 1)));
        if (said) {
          const geo_entry& top = g_.entry(r.candidates.front());
          if (top.kind == place_kind::city) {
            r.keep = false;
            return;
          }
        }
      }
      r.title_case = title_case;
      r.starts_sentence = starts_sentence;
    }

    // Whether the capitalised words from token b on name an organization: "[Ohio] Department of
    // Development", "[Paris] Public Library", "[Richmond] Police". Lower-case joiners may sit between.
    [[nodiscard]] bool organization_name_after(std::uint32_t b, std::uint32_t end) const {
      for (std::uint32_t k = b; k < end && k < b + 6; ++k) {
        if (toks_[k].kind != token_kind::word) return false;
        if (!cap(k)) {
          if (!detail::in_word_set(w(k), detail::function_words)) return false;
          continue;
        }
        if (detail::org_head_roles(w(k)) & detail::org_name_head) return true;
        if (detail::iequals(w(k), "police") || detail::iequals(w(k), "senate") || detail::iequals(w(k), "house")) return true;
      }
      return false;
    }

    [[nodiscard]] bool first_name_conflict(const raw_mention& r) const {
      if (r.name_last - r.name_first != 1) return false;
      return self_.people_->first_name(w(r.name_first)) != nullptr;
    }

    // Would a careful reader take this entry as the place meant here?
    [[nodiscard]] bool accept(const geo_entry& e, const raw_mention& r) const {
      if (e.has(geo_user)) return true;
      const bool single = r.name_last - r.name_first == 1;
      if (e.has(geo_common_word) && single && !r.strong) return false;
      switch (e.kind) {
        case place_kind::country:
          return true;
        case place_kind::region:
          if (e.has(geo_curated) || e.has(geo_us_state)) return !r.title_case || !single || r.strong || !first_name_conflict(r);
          if (r.title_case) return r.strong;
          return !single || r.strong || r.region_cue || !first_name_conflict(r);
        case place_kind::facility:
        case place_kind::other:
          return !r.title_case || r.strong || !single;
        case place_kind::city: {
          const auto& o = self_.options_;
          if (e.population < o.min_population && !e.has(geo_capital) && !e.has(geo_curated)) return false;
          if (r.strong) return true;
          if (e.has(geo_capital) || e.population >= 1000000) return !first_name_conflict(r) || e.population >= 1000000;
          if (r.title_case) return false;
          if (!single) return true;
          if (first_name_conflict(r)) return false;
          return e.population >= o.min_population_bare;
        }
      }
      return false;
    }

    std::vector<raw_mention> raws_;
    const locations& self_;
    const gazetteer& g_;
    document& doc_;
    std::string_view text_;
    const std::vector<token>& toks_;
  };

  std::shared_ptr<const gazetteer> places_;
  std::shared_ptr<const people_lexicon> people_;
  std::shared_ptr<const speech_verb_set> verbs_;
  locations_options options_;
};

inline void locations::run::resolve_and_emit() {
  // 1. names seen as people ("Michael Jordan", "Mr. Jordan") are people elsewhere too, unless the
  //    text says place ("in Jordan")
  //    (Sets and maps below, not scans: a long document has many mentions and many names, and a scan
  //    per mention made this stage quadratic: 8 MB of news took 1.3 s, 16 MB 7.8 s.)
  std::unordered_set<std::string> person_names;
  for (const auto& r : raws_) {
    if (r.person_like) person_names.insert(detail::folded_copy(w(r.name_first)));
  }
  if (!person_names.empty()) {
    for (auto& r : raws_) {
      if (!r.keep || r.strong || r.candidates.empty() || r.name_last - r.name_first != 1) continue;
      if (person_names.contains(detail::folded_copy(w(r.name_first)))) r.keep = false;
    }
  }
  // 2. what the document is about: countries named, and places inside each country
  struct count { std::string_view iso; int countries = 0; int inside = 0; };
  std::vector<count> counts;
  auto bump = [&](std::string_view iso, bool is_country) {
    if (iso.empty()) return;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const count& c) { return c.iso == iso; });
    if (it == counts.end()) { counts.push_back({iso}); it = counts.end() - 1; }
    (is_country ? it->countries : it->inside) += 1;
  };
  for (const auto& r : raws_) {
    if (!r.keep || r.candidates.empty()) continue;
    const geo_entry& top = g_.entry(r.candidates.front());
    bool one_country = true;
    for (auto id : r.candidates) one_country &= g_.entry(id).country == top.country;
    // a clear favourite counts too (Savannah, US over the Ghanaian region)
    const bool clear = r.candidates.size() > 1 && top.kind != place_kind::country &&
                       gazetteer::prominence(top) >= gazetteer::prominence(g_.entry(r.candidates[1])) + 3;
    if (r.candidates.size() == 1 || one_country || clear) bump(top.country, top.kind == place_kind::country);
  }
  auto ctx = [&](std::string_view iso, bool is_country) {
    for (const auto& c : counts) {
      if (c.iso == iso) return is_country ? c.countries : c.inside;
    }
    return 0;
  };
  // 3. choose among candidates, then ask for the evidence the choice needs
  std::unordered_map<std::uint32_t, entity_id> entity_of_gid;  // gazetteer id -> place entity
  std::unordered_map<std::string, entity_id> entity_of_name;      // kind + folded name -> pattern place
  auto& places = doc_.places();
  auto entity_for_entry = [&](std::uint32_t gid) -> entity_id {
    const auto [it, fresh] = entity_of_gid.try_emplace(gid, static_cast<entity_id>(places.size()));
    if (!fresh) return it->second;
    const geo_entry& e = g_.entry(gid);
    place p;
    p.name = std::string(e.name);
    p.kind = e.kind;
    p.country = std::string(e.country);
    if (e.has_coordinates()) { p.lat = e.lat; p.lon = e.lon; }
    places.push_back(std::move(p));
    return it->second;
  };
  auto entity_for_name = [&](std::string_view name, place_kind kind, std::string_view country) -> entity_id {
    std::string key = detail::folded_copy(name);
    key += '\x1f';
    key += to_string(kind);
    const auto [it, fresh] = entity_of_name.try_emplace(std::move(key), static_cast<entity_id>(places.size()));
    if (!fresh) return it->second;
    place p;
    p.name = std::string(name);
    p.kind = kind;
    p.country = std::string(country);
    places.push_back(std::move(p));
    return it->second;
  };
  for (auto& r : raws_) {
    if (!r.keep && !(r.in_name && !r.candidates.empty())) continue;
    const span where{toks_[r.first].begin, toks_[r.last - 1].end};
    if (!r.keep) {  // inside an organization's name: the gazetteer's best reading, marked so
      std::uint32_t best = r.candidates.front();
      double best_score = -1e9;
      for (const auto id : r.candidates) {
        const geo_entry& e = g_.entry(id);
        const double sc = gazetteer::prominence(e) + 8.0 * std::min(ctx(e.country, false), 3);
        if (sc > best_score) { best_score = sc; best = id; }
      }
      doc_.place_mentions().push_back({where, entity_for_entry(best), place_role::in_name});
      continue;
    }
    if (r.candidates.empty()) {  // a place found by pattern alone
      const span name_span{toks_[r.name_first].begin, toks_[r.name_last - 1].end};
      const std::string_view name = r.pattern_kind == place_kind::region ? name_span.of(text_) : where.of(text_);
      doc_.place_mentions().push_back({where, entity_for_name(name, r.pattern_kind, {})});
      continue;
    }
    std::uint32_t best = r.candidates.front();
    double best_score = -1e9;
    for (const auto id : r.candidates) {
      const geo_entry& e = g_.entry(id);
      double sc = gazetteer::prominence(e);
      sc += 8.0 * std::min(ctx(e.country, false), 3) + 4.0 * std::min(ctx(e.country, true), 1);
      if (r.region_cue && e.kind == place_kind::region) sc += 40;
      if (!r.comma_country.empty() && e.country == r.comma_country) sc += 40;
      if (!r.comma_admin1.empty() && e.country == r.comma_country && e.admin1 == r.comma_admin1) sc += 40;
      if (sc > best_score) { best_score = sc; best = id; }
    }
    const geo_entry& e = g_.entry(best);
    if (!accept(e, r)) continue;
    if (r.pattern_kind == place_kind::facility && r.last > r.name_last) {
      // "Baghdad airport": a facility named after the place
      doc_.place_mentions().push_back({where, entity_for_name(where.of(text_), place_kind::facility, e.country)});
      continue;
    }
    if (r.pattern_kind == place_kind::region && e.kind != place_kind::region && e.kind != place_kind::country) {
      const span name_span{toks_[r.name_first].begin, toks_[r.name_last - 1].end};
      doc_.place_mentions().push_back({where, entity_for_name(name_span.of(text_), place_kind::region, e.country)});
      continue;
    }
    doc_.place_mentions().push_back({where, entity_for_entry(best)});
  }
}

}  // namespace v0
}  // namespace quarry
