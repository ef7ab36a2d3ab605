// quarry/extract/actors.hpp: the actor extractor stage (people, organizations, countries acting).
// Finds names by the evidence a reader uses (titles, honorifics, given names, role nouns, appositions,
// speech verbs, organization head nouns, known names and aliases, acronym definitions), then links
// every mention of one actor to one entity whose name is the fullest form in the document.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/lexicon/actor_words.hpp"
#include "quarry/lexicon/geography.hpp"
#include "quarry/lexicon/organizations.hpp"
#include "quarry/lexicon/people.hpp"
#include "quarry/lexicon/speech_verbs.hpp"
#include "quarry/match/token_trie.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// The per-process tables the stage reads: built once, then only read.
struct actor_tables {
  std::shared_ptr<const gazetteer> places = gazetteer::builtin();
  std::shared_ptr<const speech_verb_set> verbs = speech_verb_set::builtin();
  std::shared_ptr<const people_lexicon> people = people_lexicon::builtin();
  std::shared_ptr<const organization_lexicon> orgs = organization_lexicon::builtin();
  alias_table aliases = alias_table::with_builtin();
  word_map<std::string_view> demonyms;
  word_map<bool> agent_verbs;
  word_map<bool> non_name;
  word_map<bool> credit;
  word_map<bool> faith;

  actor_tables() {
    for (const auto& d : extra_demonyms) demonyms.emplace(d.word, d.country);
    for (auto w : detail::agent_verbs) agent_verbs.emplace(w, true);
    for (auto w : non_name_words) non_name.emplace(w, true);
    for (auto w : credit_words) credit.emplace(w, true);
    for (auto w : faith_words) faith.emplace(w, true);
  }

  template <class V>
  [[nodiscard]] static const V* find(const word_map<V>& m, std::string_view w) noexcept {
    return find_folded(m, w);
  }
  // The ISO code of a demonym ("Iraqi", "Iraqis", "South Korean", "U.S."), or nullopt.
  [[nodiscard]] std::optional<std::string_view> demonym(std::string_view w) const {
    if (auto d = places->find_demonym(w); !d.empty()) return d;
    if (auto* d = find(demonyms, w)) return *d;
    return std::nullopt;
  }
};

}  // namespace detail

// What the actors stage reads instead of its built-in data; unset members keep the built-in data.
struct actors_lexicons {
  std::optional<alias_table> aliases;                   // replaces the built-in table (start from with_builtin())
  std::shared_ptr<const gazetteer> places;              // demonyms ("Iraqi"), and places that act ("Washington said")
  std::shared_ptr<const speech_verb_set> speech_verbs;  // "X said" as evidence of a name
};

// Builds the actor table and mentions. Default-constructible; copies share the tables.
class actors {
 public:
  static constexpr unsigned provides = layer::actors;
  static constexpr unsigned needs = layer::tokens;

  actors() : tables_(default_tables()) {}
  // With extra aliases on top of the built-in ones (see alias_table::add_tsv).
  explicit actors(alias_table extra) {
    auto t = std::make_shared<detail::actor_tables>();
    t->aliases = std::move(extra);
    tables_ = std::move(t);
  }
  // With a user's aliases, gazetteer and speech verbs (the ones the other stages read).
  explicit actors(actors_lexicons lexicons) {
    auto t = std::make_shared<detail::actor_tables>();
    if (lexicons.aliases) t->aliases = std::move(*lexicons.aliases);
    if (lexicons.places) t->places = std::move(lexicons.places);
    if (lexicons.speech_verbs) t->verbs = std::move(lexicons.speech_verbs);
    tables_ = std::move(t);
  }

  void operator()(document& doc) const;

  [[nodiscard]] const detail::actor_tables& tables() const noexcept { return *tables_; }

 private:
  static std::shared_ptr<const detail::actor_tables> default_tables() {
    static const std::shared_ptr<const detail::actor_tables> t = std::make_shared<const detail::actor_tables>();
    return t;
  }
  std::shared_ptr<const detail::actor_tables> tables_;
};

namespace detail {

// One found name before entities are formed.
struct actor_candidate {
  std::uint32_t first = 0, last = 0;            // the mention's tokens [first, last)
  std::uint32_t name_first = 0, name_last = 0;  // the name's tokens inside it (honorifics left out)
  actor_kind kind = actor_kind::person;
  std::string canonical;  // set for aliases and definitions; else the name's text
  std::string title;
  std::string country;
  bool credit = false;
  bool strong = true;     // evidence of its own (not only a match to another name)
  bool tagged = false;    // found by the tagger alone: an actor the rules found takes it first
};

class actor_finder {
 public:
  actor_finder(const actor_tables& t, document& doc)
      : t_(t), doc_(doc), text_(doc.text()), toks_(doc.tokens()), n_(static_cast<std::uint32_t>(doc.tokens().size())) {}

  void run() {
    used_.assign(n_, 0);
    mark_places();
    mark_headlines();
    find_definitions();
    find_kind_lists();
    find_state_agents();
    find_role_employers();
    find_chunks();
    take_tagged_names();
    find_coordinated_people();
    find_state_bodies();
    form_entities();
    link_short_mentions();
    find_hyphen_parts();
    emit();
  }

 private:
  // ---- token tests -------------------------------------------------------------------------
  [[nodiscard]] std::string_view tx(std::uint32_t i) const noexcept { return toks_[i].of(text_); }
  [[nodiscard]] bool is_word(std::uint32_t i) const noexcept { return i < n_ && toks_[i].kind == token_kind::word; }
  [[nodiscard]] bool is_lower_word(std::uint32_t i) const noexcept {
    return is_word(i) && !toks_[i].has(capitalized) && !toks_[i].has(all_caps);
  }
  [[nodiscard]] bool is_punct(std::uint32_t i, std::string_view p) const noexcept {
    return i < n_ && toks_[i].kind == token_kind::punctuation && tx(i) == p;
  }
  [[nodiscard]] bool word_is(std::uint32_t i, std::string_view w) const noexcept {
    if (!is_word(i)) return false;
    auto s = tx(i);
    if (s.size() != w.size()) return false;
    for (std::size_t k = 0; k < s.size(); ++k) {
      char c = s[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != w[k]) return false;
    }
    return true;
  }
  // "al-Sudani", "el-Sisi", "bin-Salman": a particle joined to a capitalised name.
  [[nodiscard]] bool particle_name(std::uint32_t i) const noexcept {
    if (!is_word(i) || !toks_[i].has(hyphenated)) return false;
    auto s = tx(i);
    auto h = s.find('-');
    if (h == std::string_view::npos || h + 1 >= s.size()) return false;
    return t_.people->particle(s.substr(0, h)) && s[h + 1] >= 'A' && s[h + 1] <= 'Z';
  }
  // A word that may be part of a proper name.
  [[nodiscard]] bool name_word(std::uint32_t i) const noexcept {
    if (!is_word(i)) return false;
    const auto& tk = toks_[i];
    if (!tk.has(capitalized) && !tk.has(all_caps)) return particle_name(i);
    if (tk.has(hyphenated)) {
      // "U.S.-led", "Iranian-backed": a modifier, not a name
      auto s = tx(i);
      auto h = s.rfind('-');
      if (h != std::string_view::npos && h + 1 < s.size() && s[h + 1] >= 'a' && s[h + 1] <= 'z') {
        auto head = s.substr(0, s.find('-'));
        // "Min-ho", "Seo-yeon": a short lower-case tail after a capitalised syllable is a given name
        auto tail = s.substr(h + 1);
        const bool modifier_tail = tail.size() > 4 || tail == "led" || tail == "run" || tail == "born" ||
                                   tail == "made" || tail == "wide" || tail == "era" || tail == "like" ||
                                   tail == "free" || tail == "based" || tail == "owned" || tail == "ruled" ||
                                   tail == "held" || tail == "style" || tail == "area" || tail == "bred";
        const bool syllable = !modifier_tail && h == s.find('-') && !tk.has(all_caps) &&
                              s.find('.') == std::string_view::npos && head.size() >= 2 && head.size() <= 5 &&
                              head != "Anti" && head != "Pro" && head != "Non" && head != "Post" && head != "Pre" &&
                              head != "Ex" && head != "Co" && head != "Re" && head != "Mid" && head != "Self" &&
                              head != "Sub" && head != "Multi" && head != "Semi" && head != "Over" && head != "Off";
        if (!t_.people->particle(head) && !syllable) return false;
      }
    }
    return true;
  }
  [[nodiscard]] bool lower_particle(std::uint32_t i) const noexcept {
    return is_lower_word(i) && !toks_[i].has(hyphenated) && t_.people->particle(tx(i));
  }
  [[nodiscard]] bool sentence_start(std::uint32_t i) const noexcept {
    if (toks_[i].has(token_flag::sentence_start) || toks_[i].has(line_break_before)) return true;
    // after an opening quote at the start of a sentence
    return i > 0 && toks_[i - 1].is_quote() && toks_[i - 1].has(token_flag::sentence_start);
  }
  [[nodiscard]] bool non_name(std::uint32_t i) const noexcept { return actor_tables::find(t_.non_name, tx(i)) != nullptr; }
  [[nodiscard]] bool is_place(std::uint32_t i) const noexcept { return i < n_ && place_of_[i] != no_entity; }
  [[nodiscard]] const first_name_info* given(std::uint32_t i) const noexcept {
    if (is_place(i) || toks_[i].has(all_caps) || toks_[i].size() < 3) return nullptr;
    return t_.people->first_name(tx(i));
  }
  // A demonym of one or two words at i ("Iraqi", "South Korean", "Sri Lankan"): its length in
  // tokens (0 when none) and the country code.
  [[nodiscard]] std::pair<std::uint32_t, std::string_view> demonym_at(std::uint32_t i, std::uint32_t e) const {
    if (i >= e || !is_word(i)) return {0, {}};
    if (i + 1 < e && is_word(i + 1) && toks_[i].has(capitalized) && toks_[i + 1].has(capitalized) &&
        toks_[i + 1].begin == toks_[i].end + 1) {
      if (auto d = t_.places->find_demonym(text_.substr(toks_[i].begin, toks_[i + 1].end - toks_[i].begin)); !d.empty()) {
        return {2, d};
      }
    }
    if (auto d = t_.demonym(tx(i))) return {1, *d};
    return {0, {}};
  }
  [[nodiscard]] bool acronym(std::uint32_t i) const noexcept {
    return is_word(i) && toks_[i].has(all_caps) && !toks_[i].has(hyphenated);
  }
  [[nodiscard]] std::string_view span_text(std::uint32_t a, std::uint32_t b) const noexcept {
    if (a >= b) return {};
    return text_.substr(toks_[a].begin, toks_[b - 1].end - toks_[a].begin);
  }
  [[nodiscard]] bool free_range(std::uint32_t a, std::uint32_t b) const noexcept {
    for (auto k = a; k < b; ++k) {
      if (used_[k]) return false;
    }
    return true;
  }
  void take(std::uint32_t a, std::uint32_t b) noexcept {
    for (auto k = a; k < b; ++k) used_[k] = 1;
  }

  // ---- layout ------------------------------------------------------------------------------
  void mark_places() {
    place_of_.assign(n_, no_entity);
    if (!(doc_.done() & layer::places)) return;
    std::uint32_t k = 0;
    for (const auto& pm : doc_.place_mentions()) {
      if (pm.role == place_role::in_name) continue;  // part of an organization's name, which actors finds
      while (k < n_ && toks_[k].end <= pm.where.begin) ++k;
      for (auto j = k; j < n_ && toks_[j].begin < pm.where.end; ++j) place_of_[j] = pm.place;
    }
  }

  // Lines in title case ("US Negotiates With Iraq To Conclude...") give capitals no weight.
  void mark_headline_line(std::uint32_t a, std::uint32_t b) {
    int words = 0, caps = 0;
    for (auto k = a; k < b; ++k) {
      if (!is_word(k) || tx(k).size() < 4) continue;
      ++words;
      if (toks_[k].has(capitalized) || toks_[k].has(all_caps)) ++caps;
    }
    if (words >= 3 && caps * 4 >= words * 3) {
      for (auto k = a; k < b; ++k) headline_[k] = 1;
    }
  }
  void mark_headlines() {
    headline_.assign(n_, 0);
    std::uint32_t a = 0;
    for (std::uint32_t k = 1; k <= n_; ++k) {
      if (k == n_ || toks_[k].has(line_break_before)) {
        mark_headline_line(a, k);
        a = k;
      }
    }
  }

  // ---- candidates --------------------------------------------------------------------------
  void add(actor_candidate c) {
    take(c.first, c.last);
    if (c.canonical.empty()) c.canonical = std::string(span_text(c.name_first, c.name_last));
    cands_.push_back(std::move(c));
  }

  // Initials of an expansion, skipping joiners: "Institute of Strategic and International Studies"
  // -> "ISIS".
  [[nodiscard]] std::string initials(std::uint32_t a, std::uint32_t b) const {
    std::string s;
    for (auto k = a; k < b; ++k) {
      if (!is_word(k)) continue;
      auto w = tx(k);
      if (is_lower_word(k) && t_.orgs->joiner(w)) continue;
      if (toks_[k].has(all_caps) && w.size() <= 4 && w.find('.') == std::string_view::npos) {
        s += w;  // "U.S.-Iraq" style parts keep their letters
        continue;
      }
      char c = w[0];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      s += c;
      // hyphenated parts count too: "U.S.-Iraq" -> "UI"
      for (std::size_t h = w.find('-'); h != std::string_view::npos && h + 1 < w.size(); h = w.find('-', h + 1)) {
        char d = w[h + 1];
        if (d >= 'A' && d <= 'Z') s += d;
      }
    }
    return s;
  }
  [[nodiscard]] static std::string upper(std::string_view w) {
    std::string s;
    for (char c : w) {
      if (c == '.') continue;
      s += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    return s;
  }
  [[nodiscard]] static bool initials_match(const std::string& ini, const std::string& acr) {
    if (acr.size() < 2) return false;
    if (ini == acr) return true;
    // "Higher Military Commission" for HMC inside "U.S.-Iraq Higher Military Commission"
    return ini.size() > acr.size() && ini.compare(ini.size() - acr.size(), acr.size(), acr) == 0;
  }

  // "Name of Org (ACR)" and "Acr (Name of Org)": the acronym is that organization.
  void find_definitions() {
    for (std::uint32_t i = 0; i + 2 < n_; ++i) {
      if (!is_punct(i, "(")) continue;
      std::uint32_t close = i + 1;
      while (close < n_ && close < i + 12 && !is_punct(close, ")")) ++close;
      if (close >= n_ || !is_punct(close, ")")) continue;
      // (ACR) after a name
      // "(Africa CDC)": a word and an acronym
      const bool two = close == i + 3 && name_word(i + 1) && acronym(i + 2) && !acronym(i + 1);
      if ((close == i + 2 || two) && is_word(i + 1) && i > 0 && name_word(i - 1)) {
        std::string acr = upper(tx(i + 1));
        std::uint32_t a = i;
        while (a > 0 && !toks_[a].has(line_break_before) &&
               (name_word(a - 1) || (is_lower_word(a - 1) && t_.orgs->joiner(tx(a - 1)) && a >= 2 && name_word(a - 2)))) {
          --a;
        }
        // try the longest expansion whose initials end with the acronym
        bool found = false;
        for (std::uint32_t s = a; s < i && !two; ++s) {
          if (!name_word(s)) continue;
          auto ini = initials(s, i);
          if (ini == acr || initials_match(ini, acr)) {
            // the expansion starts where its initials begin to match
            std::uint32_t s2 = s;
            while (s2 < i && initials(s2, i).size() > acr.size()) ++s2;
            while (s2 < i && !name_word(s2)) ++s2;
            defs_.push_back({s2, i, i + 1, i + 2});
            found = true;
            break;
          }
        }
        // an acronym in another language ("Disaster and Emergency Management Authority (AFAD)")
        // or with a word ("(Africa CDC)") defines the organization before it when that has a head noun
        if (!found && (two || (acronym(i + 1) && acr.size() >= 2 && acr.size() <= 7))) {
          std::uint32_t head = i;
          for (auto k = a; k < i; ++k) {
            if (t_.orgs->head(tx(k))) head = k;
          }
          // leading places, demonyms and sentence words are no part of it ("Turkey's ...")
          while (a < head && (is_place(a) || non_name(a) || toks_[a].has(possessive) ||
                              (a + 1 < i && toks_[a + 1].has(possessive)))) {
            ++a;
          }
          if (head < i && a < head && a + 1 < i) defs_.push_back({a, i, i + 1, close});
        }
        continue;
      }
      // Acr (Expansion)
      if (i > 0 && is_word(i - 1) && (toks_[i - 1].has(capitalized) || toks_[i - 1].has(all_caps)) && close > i + 2) {
        std::string acr = upper(tx(i - 1));
        if (acr.size() >= 2 && acr.size() <= 8 && initials(i + 1, close) == acr && name_word(i + 1)) {
          defs_.push_back({i + 1, close, i - 1, i});
        }
      }
    }
    for (const auto& d : defs_) {
      std::string name(span_text(d.exp_first, d.exp_last));
      actor_candidate c;
      c.first = c.name_first = d.exp_first;
      c.last = c.name_last = d.exp_last;
      c.kind = actor_kind::organization;
      if (free_range(d.exp_first, d.exp_last)) {
        // the expansion may be a person's title phrase; an organization when it has a head noun or
        // stands in parentheses (a definition)
        add(c);
      }
      actor_candidate a;
      a.first = a.name_first = d.acr_first;
      a.last = a.name_last = d.acr_last;
      a.kind = actor_kind::organization;
      a.canonical = name;
      if (free_range(a.first, a.last)) add(a);
      if (d.acr_last == d.acr_first + 1) doc_acronyms_.push_back({folded_copy(tx(d.acr_first)), name});
    }
  }

  // "companies such as Petronas, Proton and others", "the militant group Kataib Hezbollah": names
  // that a noun for a kind of organization introduces.
  void find_kind_lists() {
    for (std::uint32_t i = 0; i + 1 < n_; ++i) {
      if (!(is_lower_word(i) || (is_word(i) && sentence_start(i) && !toks_[i].has(all_caps))) ||
          !t_.orgs->kind_noun(tx(i))) {
        continue;
      }
      std::uint32_t k = i + 1;
      bool list = false;
      if (word_is(k, "such") && word_is(k + 1, "as")) {
        k += 2;
        list = true;
      } else if (word_is(k, "including") || word_is(k, "like")) {
        k += 1;
        list = true;
      } else {
        // a singular noun right before a name, after an article, a demonym or a preposition: "the
        // militant group X", "Danish drugmaker X", "by state news agency X"
        auto w = tx(i);
        if (w.back() == 's') continue;
        std::uint32_t a = i;
        while (a > 0 && is_lower_word(a - 1) && a + 3 > i) {
          if (word_is(a - 1, "the") || word_is(a - 1, "a") || word_is(a - 1, "an")) break;
          if (word_is(a - 1, "by") || word_is(a - 1, "from") || word_is(a - 1, "at") || word_is(a - 1, "of")) break;
          --a;
        }
        const bool opener = a > 0 && (word_is(a - 1, "the") || word_is(a - 1, "a") || word_is(a - 1, "an") ||
                                      word_is(a - 1, "by") || word_is(a - 1, "from") || word_is(a - 1, "at") ||
                                      word_is(a - 1, "of") ||
                                      (toks_[a - 1].has(capitalized) && t_.demonym(tx(a - 1)) &&
                                       (a - 1 == 0 || !name_word(a - 2))));
        if (!opener) continue;
      }
      while (k < n_) {
        if (!name_word(k) || used_[k] || toks_[k].has(line_break_before)) break;
        std::uint32_t e = k + 1;
        while (e < n_ && e < k + 4 && name_word(e) && !used_[e] && !toks_[e].has(line_break_before)) ++e;
        if (t_.people->title(tx(k)) || (t_.people->first_name(tx(k)) && e - k >= 2)) break;
        if (!is_place(k)) {
          actor_candidate c;
          c.first = c.name_first = k;
          c.last = c.name_last = e;
          c.kind = actor_kind::organization;
          if (auto m = t_.aliases.longest_at(text_, toks_, k); m.target && m.last == e) c.canonical = m.target->name;
          add(c);
        }
        if (!list) break;
        k = e;
        if (is_punct(k, ",")) ++k;
        if (word_is(k, "and") || word_is(k, "or")) ++k;
      }
    }
  }

  // "a portfolio manager at Granite Peak Capital", "chief operating officer of Eurocourier": a role
  // noun then "at"/"of" and a capitalised run that is no person and no place is an organization.
  void find_role_employers() {
    for (std::uint32_t i = 0; i + 2 < n_; ++i) {
      if (!is_lower_word(i) || !t_.people->role(tx(i))) continue;
      if (!(word_is(i + 1, "at") || word_is(i + 1, "of"))) continue;
      const std::uint32_t k = i + 2;
      if (!name_word(k) || used_[k] || toks_[k].has(line_break_before) || headline_[k]) continue;
      std::uint32_t e = k + 1;
      while (e < n_ && e < k + 4 && name_word(e) && !used_[e] && !toks_[e].has(line_break_before)) ++e;
      if (e < n_ && name_word(e)) continue;  // a longer run is left to the other rules
      if (e < n_ && toks_[e].has(possessive)) continue;
      // "officer of European parcel firm X": a capitalised word before a noun is a modifier
      if (e < n_ && is_lower_word(e) && !(word_is(e, "and") || word_is(e, "which") || word_is(e, "who") ||
                                          word_is(e, "in") || word_is(e, "on") || word_is(e, "since") ||
                                          t_.verbs->contains(tx(e)))) {
        continue;
      }
      bool ok = true;
      for (auto j = k; j < e && ok; ++j) {
        if (is_place(j) || given(j) || t_.people->title(tx(j)) || non_name(j) || t_.demonym(tx(j)) ||
            t_.places->find_country(tx(j)) || t_.orgs->head(tx(j))) {
          ok = false;
        }
      }
      if (!ok) continue;
      actor_candidate c;
      c.first = c.name_first = k;
      c.last = c.name_last = e;
      c.kind = actor_kind::organization;
      if (auto m = t_.aliases.longest_at(text_, toks_, k); m.target && m.last == e) c.canonical = m.target->name;
      add(c);
    }
  }

  // "Stephen Doyle and Rajesh Mehta": a two- or three-word capitalised run joined by "and" to a
  // person is a person too.
  void find_coordinated_people() {
    const std::size_t n = cands_.size();
    for (std::size_t ci = 0; ci < n; ++ci) {
      if (cands_[ci].kind != actor_kind::person || cands_[ci].credit) continue;
      const std::uint32_t after = cands_[ci].last;
      if (after + 3 < n_ && (word_is(after, "and") || word_is(after, "or"))) {
        const std::uint32_t k = after + 1;
        std::uint32_t e = k;
        while (e < n_ && e < k + 4 && name_word(e) && !used_[e] && !toks_[e].has(all_caps)) ++e;
        if (e - k >= 2 && e - k <= 3 && !(e < n_ && name_word(e)) && plain_person_run(k, e)) {
          actor_candidate c;
          c.first = c.name_first = k;
          c.last = c.name_last = e;
          c.kind = actor_kind::person;
          add(c);
        }
      }
      const std::uint32_t before = cands_[ci].first;
      if (before >= 3 && word_is(before - 1, "and")) {
        std::uint32_t a = before - 1;
        while (a > 0 && a + 4 > before - 1 && name_word(a - 1) && !used_[a - 1] && !toks_[a - 1].has(all_caps)) --a;
        const std::uint32_t e = before - 1;
        if (e - a >= 2 && e - a <= 3 && !(a > 0 && name_word(a - 1)) && plain_person_run(a, e)) {
          actor_candidate c;
          c.first = c.name_first = a;
          c.last = c.name_last = e;
          c.kind = actor_kind::person;
          add(c);
        }
      }
    }
  }
  [[nodiscard]] bool plain_person_run(std::uint32_t a, std::uint32_t e) const {
    if (headline_[a] || sentence_start(a)) return false;
    for (auto k = a; k < e; ++k) {
      if (is_place(k) || non_name(k) || t_.demonym(tx(k)) || t_.people->title(tx(k)) || t_.orgs->head(tx(k)) ||
          t_.places->find_country(tx(k)) || t_.aliases.longest_at(text_, toks_, k).target) {
        return false;
      }
    }
    return true;
  }

  // "Washington said", "Beijing warned", "Moscow has denied": a country or a national capital named
  // right before a speech verb or a verb of acting is the state acting.
  void find_state_agents() {
    const auto& gz = *t_.places;
    for (std::uint32_t i = 0; i < n_; ++i) {
      if (used_[i] || !is_word(i) || !toks_[i].has(capitalized) || headline_[i]) continue;
      // No place name starts here (most capitalised words): one walk of the gazetteer's automaton over
      // the document's own tokens, with no allocation, instead of looking up every run as a string.
      if (!gz.names().longest_at(text_, toks_, i)) continue;
      std::uint32_t e = i + 1;
      while (e < n_ && e < i + 3 && is_word(e) && toks_[e].has(capitalized) && !used_[e]) ++e;
      // the longest run that is a country or a capital
      const geo_entry* hit = nullptr;
      for (; e > i; --e) {
        const auto name = span_text(i, e);
        for (const std::uint32_t id : gz.lookup(name)) {
          const auto& g = gz.entries()[id];
          if (g.kind == place_kind::country || (g.kind == place_kind::city && g.has(geo_capital))) { hit = &g; break; }
        }
        if (hit) break;
      }
      if (!hit) continue;
      // "Michael Jordan said": part of a longer name
      if (i > 0 && name_word(i - 1) && !sentence_start(i)) { i = e - 1; continue; }
      // "the United States said" keeps its article; "in Washington said" is a place
      if (i > 0 && is_lower_word(i - 1) && !word_is(i - 1, "the") && !word_is(i - 1, "and")) { i = e - 1; continue; }
      std::uint32_t v = e;
      if (v < n_ && toks_[v].has(possessive)) { i = e - 1; continue; }
      while (v < n_ && is_lower_word(v) && (word_is(v, "has") || word_is(v, "had") || word_is(v, "have") || word_is(v, "also") ||
                                            word_is(v, "will") || word_is(v, "would") || word_is(v, "later") || word_is(v, "quickly") ||
                                            word_is(v, "on") || word_is(v, "has") || word_is(v, "swiftly") || word_is(v, "is") ||
                                            word_is(v, "was") || word_is(v, "did"))) {
        if (word_is(v, "on")) break;
        ++v;
      }
      if (v >= n_ || !is_lower_word(v)) { i = e - 1; continue; }
      const bool aux = word_is(v, "has") || word_is(v, "had") || word_is(v, "is") || word_is(v, "was") || word_is(v, "will") ||
                       word_is(v, "would") || word_is(v, "could") || word_is(v, "should") || word_is(v, "may") ||
                       word_is(v, "might") || word_is(v, "can") || word_is(v, "did") || word_is(v, "does") || word_is(v, "must");
      if (!(t_.verbs->contains(tx(v)) || (actor_tables::find(t_.agent_verbs, tx(v)) && !aux))) { i = e - 1; continue; }
      actor_candidate c;
      c.first = c.name_first = i;
      c.last = c.name_last = e;
      c.kind = actor_kind::country;
      // a capital stands for its country: "Washington announced" is the United States acting
      const geo_entry* state = hit->kind == place_kind::country ? hit : gz.find_country(hit->country);
      c.canonical = state ? std::string(state->name) : std::string(span_text(i, e));
      c.country = std::string(hit->country);
      add(c);
      i = e - 1;
    }
  }

  // Walks the text chunk by chunk: maximal runs of name words in one line.
  void find_chunks() {
    std::uint32_t i = 0;
    while (i < n_) {
      if (used_[i] || !name_word(i)) {
        ++i;
        continue;
      }
      std::uint32_t e = i + 1;
      while (e < n_ && !used_[e] && !toks_[e].has(line_break_before) &&
             (name_word(e) || (lower_particle(e) && e + 1 < n_ && name_word(e + 1)))) {
        ++e;
      }
      chunk(i, e);
      i = std::max(e, i + 1);
    }
  }

  // Known names and aliases anywhere in a chunk, longest first, unless a given name stands right
  // before (so "Harrison Ford" stays a person).
  bool aliases_in(std::uint32_t b, std::uint32_t e) {
    bool any = false;
    for (std::uint32_t k = b; k < e; ++k) {
      if (used_[k]) continue;
      auto m = t_.aliases.longest_at(text_, toks_, k);
      if (!m.target || m.last > e + 8) continue;
      if (!free_range(m.first, m.last)) continue;
      if (k > b && !used_[k - 1]) {
        const auto* g = given(k - 1);
        if (g && !g->ambiguous && m.last - m.first == 1) continue;
      }
      // an acronym defined in this document means what the document says
      if (m.last == k + 1 && doc_acronym(tx(k))) continue;
      actor_candidate c;
      c.first = c.name_first = m.first;
      c.last = c.name_last = m.last;
      c.kind = m.target->kind;
      c.canonical = m.target->name;
      c.credit = credit_context(m.first, m.last);
      add(c);
      any = true;
      k = m.last - 1;
    }
    return any;
  }

  [[nodiscard]] const std::string* doc_acronym(std::string_view w) const {
    auto f = folded_copy(w);
    for (const auto& [a, name] : doc_acronyms_) {
      if (a == f) return &name;
    }
    return nullptr;
  }

  // "(Reporting by X; Editing by Y)", "Additional reporting from PA", "© Reuters", "(Reuters) -".
  [[nodiscard]] bool credit_context(std::uint32_t b, std::uint32_t e) const {
    if (b >= 1 && (word_is(b - 1, "by") || word_is(b - 1, "from"))) {
      if (b >= 2 && actor_tables::find(t_.credit, tx(b - 2))) return true;
    }
    if (b >= 1 && tx(b - 1) == "\xC2\xA9") return true;  // ©
    if (b >= 1 && word_is(b - 1, "copyright")) return true;
    // dateline: "WASHINGTON (Reuters) -"
    if (b >= 2 && is_punct(b - 1, "(") && e < n_ && is_punct(e, ")") && toks_[b - 2].has(all_caps)) return true;
    return false;
  }

  // Splits a chunk into title/honorific prefix and name, and decides what the name is.
  void chunk(std::uint32_t b, std::uint32_t e) {
    // a leading sentence-start word that never begins a name: "The", "But", "Meanwhile"
    while (b < e && non_name(b) && !t_.people->honorific(tx(b)) && !t_.people->title(tx(b))) ++b;
    if (b >= e) return;
    const bool in_headline = headline_[b] != 0;

    if (aliases_in(b, e)) {
      // what is left around the known names is looked at on its own
      std::uint32_t k = b;
      while (k < e) {
        if (used_[k]) {
          ++k;
          continue;
        }
        std::uint32_t f = k;
        while (f < e && !used_[f]) ++f;
        if (f - k >= 1 && !(f - k == 1 && (t_.demonym(tx(k)) || non_name(k))) && demonym_at(k, f).first != f - k) {
          plain_chunk(k, f, in_headline);
        }
        k = f;
      }
      return;
    }
    plain_chunk(b, e, in_headline);
  }

  void plain_chunk(std::uint32_t b, std::uint32_t e, bool in_headline) {
    while (b < e && non_name(b) && !t_.people->honorific(tx(b)) && !t_.people->title(tx(b))) ++b;
    if (b >= e) return;
    // 1. an organization by its head noun
    if (!in_headline && organization(b, e)) return;
    // 2. title, honorific and nationality prefixes
    std::uint32_t s = b;
    std::string country;
    std::uint32_t title_first = b, title_last = b;
    bool honorific = false, titled = false;
    std::uint32_t hon_first = e;
    if (auto [dl, dc] = demonym_at(s, e); dl > 0 && s + dl < e &&
        (t_.people->title(tx(s + dl)) || t_.people->nationality_noun(tx(s + dl)))) {
      country = std::string(dc);
      s += dl;
    }
    // titles: modifiers then a head, possibly several ("Detective Inspector", "Prime Minister")
    {
      std::uint32_t k = s, last_head = s;
      while (k < e) {
        const auto* ti = t_.people->title(tx(k));
        if (!ti) {
          // an organization-ish modifier inside a title: "Communications Minister"
          if (k + 1 < e && t_.people->title(tx(k + 1)) && t_.people->title(tx(k + 1))->head && !given(k)) {
            ++k;
            continue;
          }
          break;
        }
        ++k;
        if (ti->head) last_head = k;
      }
      if (last_head > s && last_head < e) {
        titled = true;
        title_last = last_head;
        s = last_head;
      }
    }
    if (!titled && s < e) {
      if (const auto* nn = t_.people->nationality_noun(tx(s)); nn && s + 1 < e) {
        country = std::string(nn->country);
        titled = true;
        title_last = s + 1;
        s = s + 1;
      }
    }
    while (s < e && t_.people->honorific(tx(s))) {
      if (hon_first == e) hon_first = s;
      honorific = true;
      ++s;
    }
    if (s >= e) return;
    std::uint32_t ne = e;
    // "Olivia Marsh KC", "John Smith Jr": letters after the name stay in the mention only
    while (ne > s + 1 && t_.people->post_nominal(tx(ne - 1)) && (toks_[ne - 1].has(all_caps) || tx(ne - 1).size() <= 3)) --ne;
    if (ne - s > 5) return;  // a run this long is a headline or a list, not one name
    // the name itself must look like one: no acronyms, no demonyms, no sentence words
    for (auto k = s; k < ne; ++k) {
      if (acronym(k) && tx(k).size() > 1 && !(honorific || titled)) return;
    }
    if (auto [dl, dc] = demonym_at(s, ne); dl > 0 && !(honorific || titled)) {
      // "Colombian Daniel Elahi Galan": the demonym gives the country
      if (ne - s < dl + 2 || !given(s + dl)) return;
      country = std::string(dc);
      s += dl;
    }

    actor_candidate c;
    c.first = titled ? (honorific ? hon_first : s) : (honorific ? hon_first : s);
    c.last = e;
    c.name_first = s;
    c.name_last = ne;
    c.kind = actor_kind::person;
    if (titled) c.title = std::string(span_text(title_first, title_last));
    c.country = country;
    if (c.first < s && !titled && !honorific) c.first = s;
    if (titled && country.empty()) {
      for (auto k = title_first; k < title_last; ++k) {
        if (auto d = t_.demonym(tx(k))) { c.country = std::string(*d); break; }
      }
    }

    if (titled || honorific) {
      if (in_headline && ne - s > 3) return;
      if (org_head_in(s, ne)) return;
      add(c);
      return;
    }
    if (in_headline && !credit_context(s, ne)) return;
    // 3. evidence around a bare name
    const std::uint32_t len = ne - s;
    const auto* g = given(s);
    const bool at_start = sentence_start(s);
    bool person = false;
    // names take no article: "the United States said" is no person
    const bool article = s > 0 && (word_is(s - 1, "the") || word_is(s - 1, "a") || word_is(s - 1, "an"));
    std::string title = role_before(s);
    if (g && len >= 2 && len <= 4 && (!g->ambiguous || !at_start) && !is_place(ne - 1) && !is_place(s)) person = true;
    if (!person && !title.empty() && len <= 4) person = true;
    if (!person && !article && len >= 2 && len <= 4 && !is_place(s) && apposition_after(ne)) person = true;
    if (!person && !article && len >= 2 && len <= 4 && !is_place(s) && speech_next_to(s, ne)) person = true;
    if (!person && len >= 3 && len <= 5) {
      // a given name inside the run: "Beatle George Harrison", "Rock star Ozzy" is found by its role
      for (auto k = s + 1; k + 1 < ne; ++k) {
        if (const auto* gk = given(k); gk && !gk->ambiguous && !is_place(ne - 1)) {
          person = true;
          break;
        }
      }
    }
    if (!person) {
      const bool cr = credit_context(s, ne);
      if (cr) {
        c.kind = (len >= 2 && t_.people->first_name(tx(s))) ? actor_kind::person : actor_kind::organization;
        c.credit = true;
        add(c);
      }
      return;
    }
    if (len == 1 && is_place(s)) return;
    if (org_head_in(s, ne)) return;
    // trim a leading word that is no name when a given name follows it: "Beatle George Harrison"
    if (!g && len >= 3 && title.empty()) {
      for (auto k = s + 1; k + 1 < ne; ++k) {
        if (const auto* gk = given(k); gk && !gk->ambiguous) {
          if (title.empty()) title = std::string(span_text(s, k));
          c.first = c.name_first = k;
          break;
        }
      }
    }
    c.title = title;
    c.credit = credit_context(c.name_first, ne);
    add(c);
  }

  [[nodiscard]] bool org_head_in(std::uint32_t b, std::uint32_t e) const noexcept {
    for (auto k = b; k < e; ++k) {
      if (t_.orgs->head(tx(k)) && !(k == b && e - b > 1 && t_.people->title(tx(k)))) return true;
    }
    return false;
  }

  // A role noun or kin noun right before the name: "planetary geologist Rosaly Lopes",
  // "his wife Sharon", "Anwar's daughter, Nurul Izzah". Returns the role phrase, or empty.
  [[nodiscard]] std::string role_before(std::uint32_t s) const {
    if (s == 0) return {};
    std::uint32_t k = s - 1;
    bool comma = false;
    if (is_punct(k, ",") && k > 0) {
      comma = true;
      --k;
    }
    if (!is_lower_word(k)) return {};
    const bool kin = t_.people->kin(tx(k)) != nullptr;
    if (!kin && !t_.people->role(tx(k))) return {};
    if (comma && !kin) return {};
    // the role phrase: lower-case modifiers before the noun ("planetary geologist", "study co-author")
    std::uint32_t a = k;
    while (a > 0 && a + 3 > k && !toks_[a].has(line_break_before) && !toks_[a].has(token_flag::sentence_start) &&
           (is_lower_word(a - 1) || name_word(a - 1)) && !actor_tables::find(t_.non_name, tx(a - 1))) {
      if (is_lower_word(a - 1)) {
        std::array<char, max_folded_word> buf{};
        auto f = fold_word(tx(a - 1), buf);
        if (f == "and" || f == "the" || f == "a" || f == "an" || f == "his" || f == "her" || f == "their" ||
            f == "of" || f == "by" || f == "with" || f == "to" || f == "said" || f == "told" || t_.verbs->contains(f)) {
          break;
        }
      }
      --a;
    }
    return std::string(span_text(a, k + 1));
  }

  // ", deputy spokesperson for ...", ", a European Space Agency research fellow", ", the U.S.
  // Secretary of Defense": an apposition whose noun is a role or title.
  [[nodiscard]] bool apposition_after(std::uint32_t ne) const {
    if (!is_punct(ne, ",")) return false;
    for (std::uint32_t k = ne + 1; k < n_ && k < ne + 8; ++k) {
      if (toks_[k].kind == token_kind::punctuation) return false;
      if (!is_word(k)) continue;
      if (is_lower_word(k) && (t_.people->role(tx(k)) || t_.people->kin(tx(k)))) return true;
      if (!is_lower_word(k)) {
        const auto* ti = t_.people->title(tx(k));
        if (ti && ti->head) return true;
      }
      if (is_lower_word(k) && (word_is(k, "who") || word_is(k, "which"))) return false;
    }
    return false;
  }

  // "Sabrina Singh said", "said Burrage", "Malaska asked".
  [[nodiscard]] bool speech_next_to(std::uint32_t s, std::uint32_t ne) const {
    if (ne < n_ && is_word(ne) && t_.verbs->contains(tx(ne))) return true;
    if (s > 0 && is_word(s - 1) && t_.verbs->contains(tx(s - 1)) && (ne >= n_ || toks_[ne].kind == token_kind::punctuation)) return true;
    return false;
  }

  // An organization named by a head noun: "Thames Valley Police", "Malaysia Airlines", "Ministry of
  // Defence", "U.S. Department of Defense", "Iraqi Security Force".
  bool organization(std::uint32_t b, std::uint32_t e) {
    std::uint32_t head = e;
    for (auto k = b; k < e; ++k) {
      if (t_.orgs->head(tx(k))) head = k;
    }
    if (head == e) return false;
    // a title phrase before a name is no organization: "Chief Cabinet Secretary Yoshimasa Hayashi",
    // "Police Commissioner Jane Doe" (a title word opens the run, a title head follows the org head)
    if (t_.people->title(tx(b))) {
      for (auto k = head + 1; k < e; ++k) {
        const auto* ti = t_.people->title(tx(k));
        if (ti && ti->head && k + 1 < e) return false;
      }
    }
    std::uint32_t last = e;
    // "of ..." complement: "Ministry of Foreign Affairs", "Institute of Strategic and International Studies"
    if (head == e - 1 && *t_.orgs->head(tx(head)) && e + 1 < n_ && (word_is(e, "of") || word_is(e, "for")) && name_word(e + 1)) {
      std::uint32_t k = e + 1;
      while (k < n_ && !used_[k] && !toks_[k].has(line_break_before)) {
        if (name_word(k)) {
          ++k;
          continue;
        }
        if (is_lower_word(k) && t_.orgs->joiner(tx(k)) && k + 1 < n_ && name_word(k + 1)) {
          // "Max Planck Institute for Astronomy in Heidelberg": a place after "in"/"at" is where it is
          if ((word_is(k, "in") || word_is(k, "at")) && (is_place(k + 1) || t_.places->find_country(tx(k + 1)))) break;
          ++k;
          continue;
        }
        break;
      }
      last = k;
    }
    // "Disaster and Emergency Management Authority": capitalised words joined by "and" before the
    // run belong to the name, unless they are a person, a place or a known name
    while (b >= 2 && (word_is(b - 1, "and") || tx(b - 1) == "&") && name_word(b - 2) && !used_[b - 2] &&
           !toks_[b - 1].has(line_break_before) && !toks_[b - 2].has(all_caps)) {
      std::uint32_t a = b - 2;
      while (a > 0 && a + 2 > b - 2 && name_word(a - 1) && !used_[a - 1] && !toks_[a].has(line_break_before)) --a;
      bool ok = !(a > 0 && name_word(a - 1));
      for (auto k = a; k < b - 1 && ok; ++k) {
        if (given(k) || is_place(k) || t_.demonym(tx(k)) || non_name(k) || t_.people->title(tx(k)) ||
            t_.places->find_country(tx(k)) || t_.aliases.longest_at(text_, toks_, k).target) {
          ok = false;
        }
      }
      if (!ok) break;
      b = a;
    }
    if (last - b < 2) return false;  // "Police" alone is no name
    // a person before the organization inside one run: "Sabrina Singh" + nothing; keep simple: a
    // given name at the start with no head right after means a person ("Paul Miller Police" never)
    std::uint32_t s = b;
    std::string country;
    if (auto d = t_.demonym(tx(s)); d && s + 1 < last) {
      bool generic = true;
      for (auto k = s + 1; k < last; ++k) {
        if (!t_.orgs->generic(tx(k)) && !t_.orgs->head(tx(k)) && !t_.orgs->joiner(tx(k))) generic = false;
      }
      // "Canadian Space Agency", "Brazilian Football Confederation": the demonym is part of the name
      // unless the article also names the body without it ("Iranian Quds Force" ... "the Quds Force")
      if (!generic && !named_without(s, last)) generic = true;
      if (!generic) {
        country = std::string(*d);
        ++s;
      }
    }
    if (last - s < 2 && !(last - s == 1 && head < e && last > e)) {
      if (last - s < 2) return false;
    }
    actor_candidate c;
    c.first = c.name_first = s;
    c.last = c.name_last = last;
    c.kind = actor_kind::organization;
    c.country = country;
    c.credit = credit_context(s, last);
    add(c);
    return true;
  }

  // Whether the name [s+1, last) also stands in the text without the word at s before it.
  [[nodiscard]] bool named_without(std::uint32_t s, std::uint32_t last) const {
    if (s + 1 >= last) return false;
    const auto rest = span_text(s + 1, last);
    if (t_.aliases.longest_at(text_, toks_, s + 1).target) return true;
    const auto lead = tx(s);
    for (std::size_t at = text_.find(rest); at != std::string_view::npos; at = text_.find(rest, at + 1)) {
      std::size_t p = at;
      while (p > 0 && text_[p - 1] == ' ') --p;
      if (p >= lead.size() && text_.substr(p - lead.size(), lead.size()) == lead) continue;
      return true;
    }
    return false;
  }

  // "the Iraqi government", "Iraqi security forces": a demonym and a state body.
  void find_state_bodies() {
    for (std::uint32_t i = 0; i + 1 < n_; ++i) {
      if (used_[i] || !is_word(i) || !toks_[i].has(capitalized)) continue;
      const auto d = t_.demonym(tx(i));
      if (!d || d->empty()) continue;
      std::uint32_t k = i + 1;
      if (used_[k] || !is_lower_word(k)) continue;
      const auto* second = t_.orgs->state_body(tx(k));
      if (!second) continue;
      std::uint32_t last = k + 1;
      if (!second->empty()) {
        if (!word_is(k + 1, *second) && !word_is(k + 1, std::string(*second).substr(0, second->size() - 1))) continue;
        last = k + 2;
      }
      if (!free_range(i, last)) continue;
      // "Iraqi military commission", "US military bases": a modifier, not the body itself
      if (last < n_ && is_lower_word(last) && !actor_tables::find(t_.non_name, tx(last)) &&
          !actor_tables::find(t_.agent_verbs, tx(last)) && !t_.verbs->contains(tx(last))) {
        continue;
      }
      actor_candidate c;
      c.first = c.name_first = i;
      c.last = c.name_last = last;
      c.kind = actor_kind::organization;
      c.country = std::string(*d);
      c.strong = false;  // named by what it is: joins a capitalised form when there is one
      add(c);
    }
  }

  // The tagger's people and organizations (tagger/tagger.hpp) where no rule found a name or a place:
  // companies with no cue word, people with no title or speech verb, clubs in results tables.
  void take_tagged_names() {
    if (!(doc_.done() & layer::names)) return;
    for (const auto& n : doc_.tagged_names()) {
      if (n.type != name_type::person && n.type != name_type::organization) continue;
      if (n.last > n_ || n.first >= n.last || !free_range(n.first, n.last)) continue;
      bool place = false;
      for (auto k = n.first; k < n.last; ++k) place |= is_place(k);
      if (place) continue;
      actor_candidate c;
      c.first = c.name_first = n.first;
      c.last = c.name_last = n.last;
      c.kind = n.type == name_type::person ? actor_kind::person : actor_kind::organization;
      // a title or honorific is the mention's, not the name's ("Communications Minister Fahmi Fadzil")
      if (c.kind == actor_kind::person) {
        while (c.name_first + 1 < c.name_last &&
               (t_.people->title(tx(c.name_first)) || t_.people->honorific(tx(c.name_first)))) {
          ++c.name_first;
        }
      }
      // one word that is no name ("Photo", "Meanwhile"), a credit line's word, a title without a name
      // ("the Pope"), a demonym or a word of faith ("Shiite", "God"): no actor on its own
      const bool single = c.name_last - c.name_first == 1;
      if (single && (non_name(c.name_first) || actor_tables::find(t_.credit, tx(c.name_first)) ||
                     t_.people->title(tx(c.name_first)) || t_.people->honorific(tx(c.name_first)) ||
                     t_.demonym(tx(c.name_first)) || actor_tables::find(t_.faith, tx(c.name_first)))) {
        continue;
      }
      // one word after "a"/"an" modifies what follows ("a VAR check", "an Apple spokesman"): a
      // name takes no indefinite article
      if (single && c.name_first > 0 && (word_is(c.name_first - 1, "a") || word_is(c.name_first - 1, "an"))) continue;
      // inside a name only joining words are in lower case, and it ends in a name word
      bool lower = !name_word(c.name_last - 1);
      for (auto k = c.name_first; k < c.name_last && !lower; ++k) lower = is_lower_word(k) && !t_.orgs->joiner(tx(k));
      if (lower) continue;
      // a name the model is not sure of, or where capitals say little (a title-case headline, a
      // sentence's first word), needs the same word capitalised in the body or, for a name of two
      // words or more, a given name
      const bool weak = n.margin < confident_margin || headline_[c.name_first] ||
                        (single && first_word(c.name_first) && n.margin < 3 * confident_margin);
      if (weak && !(given(c.name_first) && !single) && !capitalised_elsewhere(c.name_first)) continue;
      c.tagged = true;
      add(c);
    }
  }

  // Whether token i is its sentence's first word (after any dash, bullet or quote mark).
  [[nodiscard]] bool first_word(std::uint32_t i) const noexcept {
    while (i > 0 && !sentence_start(i) && !toks_[i].has(line_break_before) && !is_word(i - 1) &&
           toks_[i - 1].kind != token_kind::number) {
      --i;
    }
    return sentence_start(i) || toks_[i].has(line_break_before);
  }

  // Whether token i's word is capitalised inside a sentence of the body (not a headline line).
  [[nodiscard]] bool capitalised_elsewhere(std::uint32_t i) {
    if (!mid_caps_ready_) {
      mid_caps_ready_ = true;
      for (std::uint32_t k = 0; k < n_; ++k) {
        if (name_word(k) && !headline_[k] && !first_word(k)) mid_caps_.push_back(token_hash(tx(k), match_case::fold));
      }
      std::sort(mid_caps_.begin(), mid_caps_.end());
    }
    const std::uint64_t h = token_hash(tx(i), match_case::fold);
    return std::binary_search(mid_caps_.begin(), mid_caps_.end(), h);
  }

  // ---- entities ----------------------------------------------------------------------------
  struct entity {
    actor_kind kind;
    std::string name;
    std::vector<std::string> words;  // folded name words, for persons
    std::string key;                 // folded name, for organizations
    std::string title, country;
    bool credit_only = true;
    std::uint32_t first_token = 0;
    std::uint32_t full_first = 0xFFFFFFFFu;  // first mention with two or more name words
  };

  [[nodiscard]] std::vector<std::string> name_words(std::uint32_t a, std::uint32_t b) const {
    std::vector<std::string> w;
    for (auto k = a; k < b; ++k) {
      if (is_word(k)) w.push_back(folded_copy(tx(k)));
    }
    return w;
  }
  [[nodiscard]] static std::string org_key(std::string_view name) {
    auto f = folded_copy(name);
    if (f.rfind("the ", 0) == 0) f.erase(0, 4);
    std::string out;
    for (char c : f) {
      if (c == '.') continue;
      out += c;
    }
    if (!out.empty() && out.back() == 's') out.pop_back();
    return out;
  }
  // Whether short is a run of whole words at the end of long ("department of defense" in "us
  // department of defense").
  [[nodiscard]] static bool word_suffix(const std::string& shorter, const std::string& longer) {
    if (shorter.size() >= longer.size()) return false;
    return longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0 &&
           longer[longer.size() - shorter.size() - 1] == ' ';
  }

  std::uint32_t org_entity(const actor_candidate& c) {
    auto key = org_key(c.canonical);
    for (std::uint32_t k = 0; k < ents_.size(); ++k) {
      auto& en = ents_[k];
      if (en.kind != c.kind) continue;
      if (en.key == key || word_suffix(key, en.key) || (word_suffix(en.key, key) && c.strong)) {
        if (key.size() > en.key.size() && c.strong) {
          en.key = key;
          en.name = c.canonical;
        } else if (!c.strong && en.name.empty()) {
          en.name = c.canonical;
        }
        return k;
      }
    }
    entity en{c.kind, c.canonical, {}, key, {}, c.country, true, c.first};
    ents_.push_back(std::move(en));
    return static_cast<std::uint32_t>(ents_.size() - 1);
  }

  void form_entities() {
    std::vector<std::uint32_t> order(cands_.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    // persons with the longest names first, so short forms find their full names
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& x = cands_[a];
      const auto& y = cands_[b];
      if (x.strong != y.strong) return x.strong;
      if (x.tagged != y.tagged) return y.tagged;
      return (x.name_last - x.name_first) > (y.name_last - y.name_first);
    });
    cand_entity_.assign(cands_.size(), no_entity);
    for (auto ci : order) {
      auto& c = cands_[ci];
      std::uint32_t id = c.tagged ? entity_for_tagged(c) : no_entity;
      if (id != no_entity) {
        c.kind = ents_[id].kind;
      } else if (c.kind == actor_kind::person) {
        id = person_entity(c);
      } else {
        id = org_entity(c);
      }
      cand_entity_[ci] = id;
      auto& en = ents_[id];
      if (en.title.empty() && !c.title.empty()) en.title = c.title;
      if (en.country.empty() && !c.country.empty()) en.country = c.country;
      if (!c.credit) en.credit_only = false;
      en.first_token = std::min(en.first_token, c.first);
      if (c.kind == actor_kind::person && c.name_last - c.name_first >= 2) en.full_first = std::min(en.full_first, c.first);
    }
  }

  // What the document already says a tagger name is, whatever type the model gave it: a word of a
  // person's full name ("Burrage" after "Jodie Burrage", read as a club in a sports report) or the
  // acronym of a found organization ("HMC" after "Higher Military Commission (HMC)").
  std::uint32_t entity_for_tagged(const actor_candidate& c) const {
    if (c.name_last - c.name_first == 1 && acronym(c.name_first)) {
      if (auto id = org_by_acronym(upper(tx(c.name_first))); id != no_entity) return id;
    }
    const auto words = name_words(c.name_first, c.name_last);
    std::uint32_t best = no_entity;
    for (std::uint32_t k = 0; k < ents_.size(); ++k) {
      const auto& en = ents_[k];
      if (en.kind != actor_kind::person || en.credit_only) continue;
      if (en.words == words) return k;
      if (best == no_entity && words.size() < en.words.size() && contains_words(en.words, words)) best = k;
    }
    return best;
  }

  std::uint32_t person_entity(const actor_candidate& c) {
    auto words = name_words(c.name_first, c.name_last);
    // same name, or a longer name this one is part of
    std::uint32_t best = no_entity;
    for (std::uint32_t k = 0; k < ents_.size(); ++k) {
      const auto& en = ents_[k];
      if (en.kind != actor_kind::person) continue;
      if (en.words == words) return k;
      if (words.size() < en.words.size() && contains_words(en.words, words)) {
        if (best == no_entity) best = k;
      }
    }
    if (best != no_entity) return best;
    // an alias names its canonical person ("Bibi" -> "Benjamin Netanyahu")
    std::string name(span_text(c.name_first, c.name_last));
    if (!c.canonical.empty() && c.canonical != name) {
      name = c.canonical;
      words.clear();
      for (std::size_t a = 0; a < name.size();) {
        auto b = name.find(' ', a);
        if (b == std::string::npos) b = name.size();
        if (b > a) words.push_back(folded_copy(std::string_view(name).substr(a, b - a)));
        a = b + 1;
      }
      for (std::uint32_t k = 0; k < ents_.size(); ++k) {
        if (ents_[k].kind == actor_kind::person && ents_[k].words == words) return k;
      }
    }
    entity en{actor_kind::person, name, words, {}, {}, {}, true, c.first};
    ents_.push_back(std::move(en));
    return static_cast<std::uint32_t>(ents_.size() - 1);
  }
  [[nodiscard]] static bool contains_words(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
    if (shorter.size() == 1) {
      for (const auto& w : longer) {
        if (w == shorter[0]) return true;
      }
      return false;
    }
    return std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) != longer.end();
  }

  // Surnames, given names, acronyms and short forms that name an actor found elsewhere.
  void link_short_mentions() {
    for (std::uint32_t i = 0; i < n_; ++i) {
      if (used_[i] || !name_word(i)) continue;
      // an honorific before a known surname: "Ms. Singh", "Datuk Faiz"
      std::uint32_t s = i;
      while (s < n_ && !used_[s] && t_.people->honorific(tx(s)) && s + 1 < n_ && name_word(s + 1)) ++s;
      if (s >= n_ || used_[s]) {
        if (s > i) i = s - 1;  // a later start in this run stops at the same place (see below)
        continue;
      }
      auto w = folded_copy(tx(s));
      // organizations: acronyms of a found name, defined acronyms
      if (s == i && acronym(s)) {
        if (auto id = org_by_acronym(upper(tx(s))); id != no_entity) {
          extra_.push_back({s, s + 1, id});
          used_[s] = 1;
          continue;
        }
      }
      // two or three words: the tail of an organization's name ("Department of Defense" is covered
      // by the head rule; "Security Council" after "UN Security Council")
      auto id = person_by_word(w, s, s > i);
      if (id == no_entity) {
        // Every later start inside this run of honorifics reaches the same word with the same answer:
        // go on from that word, so that "Ms. Ms. Ms. ..." costs linear time, not quadratic.
        if (s > i) i = s - 1;
        continue;
      }
      if (s == i && sentence_start(s) && non_name(s)) continue;
      extra_.push_back({i, s + 1, id});
      for (auto k = i; k <= s; ++k) used_[k] = 1;
    }
  }

  [[nodiscard]] std::uint32_t org_by_acronym(const std::string& acr) const {
    if (acr.size() < 2) return no_entity;
    for (std::uint32_t k = 0; k < ents_.size(); ++k) {
      const auto& en = ents_[k];
      if (en.kind != actor_kind::organization) continue;
      auto ini = initials_of_name(en.name);
      if (ini.size() >= 2 && ini == acr) return k;
    }
    return no_entity;
  }
  [[nodiscard]] static std::string initials_of_name(std::string_view name) {
    std::string s;
    bool start = true;
    std::size_t word_begin = 0;
    for (std::size_t k = 0; k <= name.size(); ++k) {
      if (k == name.size() || name[k] == ' ') {
        auto w = name.substr(word_begin, k - word_begin);
        if (!w.empty()) {
          bool joiner = w == "of" || w == "and" || w == "for" || w == "the" || w == "&" || w == "on" || w == "in";
          if (!joiner) {
            char c = w[0];
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            s += c;
          }
        }
        word_begin = k + 1;
        start = true;
        continue;
      }
      (void)start;
    }
    return s;
  }

  // The person a single word names: a surname first (the last word), else a given name or, after an
  // honorific, any word of the name. Several candidates: the one mentioned last before i, else the
  // first one.
  [[nodiscard]] std::uint32_t person_by_word(const std::string& w, std::uint32_t i, bool after_honorific) const {
    std::uint32_t pick = no_entity;
    int pick_rank = 99;
    for (std::uint32_t k = 0; k < ents_.size(); ++k) {
      const auto& en = ents_[k];
      if (en.kind != actor_kind::person || en.credit_only || en.words.size() < 2) continue;
      int rank = 99;
      if (en.words.back() == w) rank = 0;
      else if (en.words.front() == w) rank = 1;
      else if (after_honorific && contains_words(en.words, {w})) rank = 2;
      if (rank == 99) continue;
      if (rank == 1) {
        const auto* g = t_.people->first_name(w);
        if (g && g->ambiguous && sentence_start(i)) continue;
      }
      // among equals: one whose full name came before i, the earliest introduced
      auto better = [&](const entity& x, const entity& y) {
        const bool xb = x.full_first < i, yb = y.full_first < i;
        if (xb != yb) return xb;
        return x.full_first < y.full_first;
      };
      if (rank < pick_rank || (rank == pick_rank && better(en, ents_[pick]))) {
        pick = k;
        pick_rank = rank;
      }
    }
    return pick;
  }

  // "the Israel-Hamas war": known names inside a hyphenated word.
  void find_hyphen_parts() {
    for (std::uint32_t i = 0; i < n_; ++i) {
      if (used_[i] || !is_word(i) || !toks_[i].has(hyphenated)) continue;
      auto w = tx(i);
      std::size_t a = 0;
      while (a < w.size()) {
        auto h = w.find('-', a);
        auto part = w.substr(a, h == std::string_view::npos ? std::string_view::npos : h - a);
        if (!part.empty() && part[0] >= 'A' && part[0] <= 'Z') {
          if (const auto* target = t_.aliases.word(part); target && target->kind != actor_kind::country) {
            actor_candidate c;
            c.first = c.name_first = i;
            c.last = c.name_last = i + 1;
            c.kind = target->kind;
            c.canonical = target->name;
            auto id = org_entity(c);
            ents_[id].credit_only = false;
            auto b = static_cast<offset_t>(toks_[i].begin + a);
            parts_.push_back({{b, static_cast<offset_t>(b + part.size())}, id});
          } else if (auto id = person_by_word(folded_copy(part), i, false); id != no_entity) {
            auto b = static_cast<offset_t>(toks_[i].begin + a);
            parts_.push_back({{b, static_cast<offset_t>(b + part.size())}, id});
          }
        }
        if (h == std::string_view::npos) break;
        a = h + 1;
      }
    }
  }

  // ---- output ------------------------------------------------------------------------------
  void emit() {
    auto& table = doc_.actors();
    auto& mentions = doc_.actor_mentions();
    table.clear();
    mentions.clear();
    std::vector<entity_id> remap(ents_.size(), no_entity);
    auto id_of = [&](std::uint32_t k) {
      if (remap[k] == no_entity) {
        const auto& en = ents_[k];
        actor a;
        a.name = en.name;
        a.kind = en.kind;
        a.title = en.title;
        a.country = en.country;
        if (en.credit_only) a.role = "credit";
        remap[k] = static_cast<entity_id>(table.size());
        table.push_back(std::move(a));
      }
      return remap[k];
    };
    // a person's fullest name: the longest form seen
    for (std::uint32_t c = 0; c < cands_.size(); ++c) {
      const auto& cd = cands_[c];
      mentions.push_back({{toks_[cd.first].begin, toks_[cd.last - 1].end}, cand_entity_[c]});
    }
    for (const auto& x : extra_) mentions.push_back({{toks_[x.first].begin, toks_[x.last - 1].end}, x.id});
    for (const auto& p : parts_) mentions.push_back({p.where, p.id});
    std::sort(mentions.begin(), mentions.end(), [](const actor_mention& a, const actor_mention& b) {
      return a.where.begin < b.where.begin;
    });
    for (auto& m : mentions) m.actor = id_of(m.actor);
    doc_.mark_done(layer::actors);
  }

  struct definition {
    std::uint32_t exp_first, exp_last, acr_first, acr_last;
  };
  struct short_mention {
    std::uint32_t first, last, id;
  };

  const actor_tables& t_;
  document& doc_;
  std::string_view text_;
  const std::vector<token>& toks_;
  std::uint32_t n_;
  std::vector<std::uint8_t> used_;
  std::vector<std::uint8_t> headline_;
  std::vector<std::uint64_t> mid_caps_;
  bool mid_caps_ready_ = false;
  std::vector<entity_id> place_of_;
  std::vector<actor_candidate> cands_;
  std::vector<std::uint32_t> cand_entity_;
  std::vector<definition> defs_;
  std::vector<std::pair<std::string, std::string>> doc_acronyms_;
  std::vector<entity> ents_;
  std::vector<short_mention> extra_;
  struct part_mention {
    span where;
    std::uint32_t id;
  };
  std::vector<part_mention> parts_;
};

}  // namespace detail

inline void actors::operator()(document& doc) const {
  detail::actor_finder f(*tables_, doc);
  f.run();
}

namespace detail {

// For speaker linking (quotes): the actor mention that overlaps byte span s, the one starting
// first when several do; nullptr when none. Binary search over the sorted mentions.
[[nodiscard]] inline const actor_mention* actor_mention_at(const document& doc, span s) noexcept {
  const auto& ms = doc.actor_mentions();
  auto it = std::lower_bound(ms.begin(), ms.end(), s.end, [](const actor_mention& m, offset_t end) {
    return m.where.begin < end;
  });
  // candidates start before s.end; walk back while they may still overlap
  const actor_mention* best = nullptr;
  for (auto k = it; k != ms.begin();) {
    --k;
    if (k->where.end > s.begin && k->where.begin < s.end) best = &*k;
    if (k->where.end + 64 < s.begin) break;  // mentions are short: nothing earlier reaches s
  }
  return best;
}

// For pronoun resolution (quotes): a person's gender when the text tells it, from an honorific in a
// mention ("Ms. Singh"), a role or kin noun right before one ("spokeswoman", "his wife") or a
// title ("Queen"), else from the given name; gender::unknown otherwise and for non-persons.
[[nodiscard]] inline gender actor_gender(const document& doc, entity_id id) {
  if (id >= doc.actors().size() || doc.actors()[id].kind != actor_kind::person) return gender::unknown;
  const auto& lex = *people_lexicon::builtin();
  const auto& toks = doc.tokens();
  const auto text = doc.text();
  auto token_at = [&](offset_t b) {
    return static_cast<std::size_t>(std::lower_bound(toks.begin(), toks.end(), b,
                                                     [](const token& t, offset_t x) { return t.begin < x; }) -
                                    toks.begin());
  };
  for (const auto& m : doc.actor_mentions()) {
    if (m.actor != id) continue;
    auto i = token_at(m.where.begin);
    if (i < toks.size()) {
      if (const auto* g = lex.honorific(toks[i].of(text)); g && *g != gender::unknown) return *g;
    }
    if (i > 0 && i - 1 < toks.size()) {
      auto w = toks[i - 1].of(text);
      if (const auto* g = lex.role(w); g && *g != gender::unknown) return *g;
      if (const auto* g = lex.kin(w); g && *g != gender::unknown) return *g;
      if (const auto* t = lex.title(w); t && t->g != gender::unknown) return t->g;
    }
  }
  const auto& name = doc.actors()[id].name;
  auto first = std::string_view(name).substr(0, name.find(' '));
  if (const auto* f = lex.first_name(first); f && !f->ambiguous) return f->g;
  return gender::unknown;
}

}  // namespace detail

}  // namespace v0
}  // namespace quarry
