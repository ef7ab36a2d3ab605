// quarry/tagger/features.hpp: what the name tagger sees of a token, as hashed features.
// Every feature is a 64-bit hash of (template, value) built from token_hash, with no string made per
// feature; the model maps hashes to rows of a fixed table. Word facts (shape, lexicon classes) are
// computed once per token and only for tokens near a candidate, which keeps the stage fast.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/lexicon/geography.hpp"
#include "quarry/lexicon/organizations.hpp"
#include "quarry/lexicon/people.hpp"
#include "quarry/lexicon/speech_verbs.hpp"
#include "quarry/match/token_trie.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// BILOU labels over PER, ORG, LOC, MISC: O, then B, I, L, U for each type in name_type's order.
inline constexpr std::size_t tag_label_count = 17;
[[nodiscard]] constexpr std::uint8_t tag_label(std::uint8_t part, name_type t) noexcept {
  return static_cast<std::uint8_t>(1 + 4 * static_cast<unsigned>(t) + part);  // part: 0 B, 1 I, 2 L, 3 U
}
[[nodiscard]] constexpr unsigned tag_part(std::uint8_t label) noexcept { return (label - 1u) % 4u; }
[[nodiscard]] constexpr name_type tag_type(std::uint8_t label) noexcept {
  return static_cast<name_type>((label - 1u) / 4u);
}
// Whether a name is open after this label (B or I), so the next token must continue it.
[[nodiscard]] constexpr bool tag_open(std::uint8_t label) noexcept {
  return label != 0 && tag_part(label) < 2;
}
// Whether label may follow prev: inside a name only I or L of its type, outside only O, B or U.
[[nodiscard]] constexpr bool tag_allowed(std::uint8_t prev, std::uint8_t label) noexcept {
  if (tag_open(prev)) return label != 0 && tag_type(label) == tag_type(prev) && (tag_part(label) == 1 || tag_part(label) == 2);
  return label == 0 || tag_part(label) == 0 || tag_part(label) == 3;
}

// Lexicon classes of a word, a bit set (features of the word and of its neighbours).
enum tag_lex : std::uint32_t {
  lex_first_name = 1u << 0,
  lex_first_ambiguous = 1u << 1,
  lex_title = 1u << 2,
  lex_honorific = 1u << 3,
  lex_org_head = 1u << 4,
  lex_org_kind = 1u << 5,
  lex_demonym = 1u << 6,
  lex_particle = 1u << 7,
  lex_place_start = 1u << 8,  // a gazetteer name starts here
  lex_place_inside = 1u << 9,  // inside a longer gazetteer name
  lex_country = 1u << 10,
  lex_city = 1u << 11,
  lex_region = 1u << 12,
  lex_common_place = 1u << 13,  // a place name that is also a common word ("Nice")
  lex_speech_verb = 1u << 14,
  lex_role = 1u << 15,
  lex_known_org = 1u << 16,  // a known organization or its alias ("NATO", "Reuters")
  lex_post_nominal = 1u << 17,
  lex_org_joiner = 1u << 18,
  lex_nationality = 1u << 19,
  lex_state_body = 1u << 20,
  lex_count = 21,
};

// The lexicons the features read: the built-in ones, built once and shared.
struct tag_lexicons {
  std::shared_ptr<const people_lexicon> people = people_lexicon::builtin();
  std::shared_ptr<const organization_lexicon> orgs = organization_lexicon::builtin();
  std::shared_ptr<const gazetteer> places = gazetteer::builtin();
  alias_table known_orgs = alias_table::with_builtin();

  [[nodiscard]] static std::shared_ptr<const tag_lexicons> builtin() {
    static const std::shared_ptr<const tag_lexicons> l = std::make_shared<const tag_lexicons>();
    return l;
  }
};

// Facts about one token, computed on first use.
struct tag_token_info {
  std::uint64_t exact = 0;   // token_hash, exact case
  std::uint64_t folded = 0;  // token_hash, folded
  std::uint64_t shape = 0;   // hash of the collapsed shape ("Xx", "X.X.", "d,d")
  std::uint32_t lex = 0;     // tag_lex bits
  bool ready = false;
};

// Feature templates (the first argument of feature()); the numbers are part of the model format.
enum tag_template : std::uint64_t {
  ft_bias = 1, ft_word, ft_folded, ft_shape, ft_prefix, ft_suffix, ft_prev_word, ft_next_word,
  ft_prev2_word, ft_next2_word, ft_prev_shape, ft_next_shape, ft_bigram_left, ft_bigram_right,
  ft_lex, ft_prev_lex, ft_next_lex, ft_context, ft_context_shape, ft_run, ft_label1, ft_label2,
  ft_label_word, ft_label_shape, ft_place_run, ft_prev2_lex, ft_next2_lex, ft_doc_lower,
};

[[nodiscard]] constexpr std::uint64_t feature(std::uint64_t tmpl, std::uint64_t value) noexcept {
  return mix64(value * 0x9E3779B97F4A7C15ull + tmpl * 0xD6E8FEB86659FD93ull);
}

// Sentence facts that change how capitals read: headlines in capitals, tables and lists.
enum tag_context : std::uint8_t { ctx_start = 1, ctx_headline = 2, ctx_table = 4 };

// Computes the features of a document's tokens. One per document (or per thread); not shared.
class tag_features {
 public:
  // The largest number of features of one token, label features included.
  static constexpr std::size_t max_features = 64;

  explicit tag_features(const tag_lexicons& lex) : lex_(lex) {}

  // Prepares for a document: tokens and sentences must be set.
  void reset(const document& doc) {
    text_ = doc.text();
    toks_ = std::span<const token>(doc.tokens());
    info_.assign(toks_.size(), tag_token_info{});
    context_.assign(toks_.size(), 0);
    place_lex_.assign(toks_.size(), 0);
    for (const auto& s : doc.sentences()) mark_sentence(s);
    mark_places();
    mark_lower_words();
  }

  // Whether the tagger looks at token i at all: a capitalised word or a particle before one;
  // anything else is outside a name unless a name is open before it (the decoder asks then too).
  [[nodiscard]] bool candidate(std::uint32_t i) noexcept {
    const token& t = toks_[i];
    if (t.kind != token_kind::word) return false;
    if (all_words_) return true;
    if (t.has(capitalized) || t.has(all_caps)) return true;
    if (i + 1 < toks_.size() && (toks_[i + 1].has(capitalized) || toks_[i + 1].has(all_caps))) {
      return (info(i).lex & lex_particle) != 0;
    }
    return false;
  }

  // Whether token i may continue an open name: a candidate, a number ("Schalke 04"), a joining word or
  // particle ("Bank of England", "Procter & Gamble", "Ludwig van Beethoven"). A name is opened only
  // when the next token may continue it, so "Xi Jinping in Beijing" cannot become one name.
  [[nodiscard]] bool can_continue(std::uint32_t i) noexcept {
    const token& t = toks_[i];
    if (t.kind == token_kind::number) return true;
    if (t.kind == token_kind::symbol) return t.of(text_) == "&";
    if (t.kind == token_kind::punctuation) return t.of(text_) == "." || t.of(text_) == "-";
    if (t.kind != token_kind::word) return t.kind == token_kind::close_quote || t.has(possessive);
    if (t.has(capitalized) || t.has(all_caps) || t.has(possessive)) return true;
    if (info(i).lex & lex_particle) return true;
    static constexpr std::string_view joiners[] = {"of", "and", "the", "for", "on", "de", "du", "des", "la", "le", "del", "y", "upon", "am", "-"};
    const std::string_view w = t.of(text_);
    for (auto j : joiners) {
      if (w == j) return true;
    }
    return false;
  }

  // Appends token i's label-free features to out; returns how many.
  std::size_t static_features(std::uint32_t i, std::uint64_t* out) noexcept {
    std::size_t n = 0;
    const auto& me = info(i);
    const std::string_view w = toks_[i].of(text_);
    out[n++] = feature(ft_bias, 0);
    out[n++] = feature(ft_word, me.exact);
    out[n++] = feature(ft_folded, me.folded);
    out[n++] = feature(ft_shape, me.shape);
    for (std::size_t k = 2; k <= 4 && k < w.size(); ++k) {
      out[n++] = feature(ft_prefix, token_hash(w.substr(0, k), match_case::exact) + k);
      out[n++] = feature(ft_suffix, token_hash(w.substr(w.size() - k), match_case::fold) + k);
    }
    const std::uint64_t none = 0x5151;
    const auto word_at = [&](std::int64_t k) { return k < 0 || k >= static_cast<std::int64_t>(toks_.size()) ? none : info(static_cast<std::uint32_t>(k)).folded; };
    const auto shape_at = [&](std::int64_t k) { return k < 0 || k >= static_cast<std::int64_t>(toks_.size()) ? none : info(static_cast<std::uint32_t>(k)).shape; };
    const auto lex_at = [&](std::int64_t k) { return k < 0 || k >= static_cast<std::int64_t>(toks_.size()) ? 0u : info(static_cast<std::uint32_t>(k)).lex; };
    const std::int64_t at = i;
    const std::uint64_t p1 = word_at(at - 1), n1 = word_at(at + 1);
    out[n++] = feature(ft_prev_word, p1);
    out[n++] = feature(ft_next_word, n1);
    out[n++] = feature(ft_prev2_word, word_at(at - 2));
    out[n++] = feature(ft_next2_word, word_at(at + 2));
    const std::uint64_t ps = shape_at(at - 1), ns = shape_at(at + 1);
    out[n++] = feature(ft_prev_shape, ps);
    out[n++] = feature(ft_next_shape, ns);
    out[n++] = feature(ft_bigram_left, p1 * 31 + me.folded);
    out[n++] = feature(ft_bigram_right, me.folded * 31 + n1);
    out[n++] = feature(ft_context_shape, (ps * 7 + me.shape) * 7 + ns);
    n = add_lex(ft_lex, me.lex, out, n);
    n = add_lex(ft_prev_lex, lex_at(at - 1), out, n);
    n = add_lex(ft_next_lex, lex_at(at + 1), out, n);
    n = add_lex(ft_prev2_lex, lex_at(at - 2) & (lex_title | lex_honorific | lex_first_name | lex_role), out, n);
    n = add_lex(ft_next2_lex, lex_at(at + 2) & (lex_org_head | lex_speech_verb | lex_country), out, n);
    out[n++] = feature(ft_context, context_[i]);
    const bool lower_elsewhere = (toks_[i].has(capitalized) || toks_[i].has(all_caps)) && seen_lower(me.folded);
    out[n++] = feature(ft_doc_lower, (lower_elsewhere ? 1u : 0u) | (std::uint64_t{context_[i]} << 1));
    out[n++] = feature(ft_context, (std::uint64_t{context_[i]} << 32) ^ me.shape);
    // where the token sits in its run of capitalised words
    const bool cap_before = i > 0 && is_cap(i - 1), cap_after = i + 1 < toks_.size() && is_cap(i + 1);
    out[n++] = feature(ft_run, (cap_before ? 1u : 0u) | (cap_after ? 2u : 0u) | (me.lex & lex_first_name ? 4u : 0u));
    return n;
  }

  // Appends the features of token i given the labels before it (prev, and prev2 before that).
  std::size_t label_features(std::uint32_t i, std::uint8_t prev, std::uint8_t prev2, std::uint64_t* out) noexcept {
    const auto& me = info(i);
    std::size_t n = 0;
    out[n++] = feature(ft_label1, prev);
    out[n++] = feature(ft_label2, prev * 32u + prev2);
    out[n++] = feature(ft_label_word, me.folded * 32u + prev);
    out[n++] = feature(ft_label_shape, me.shape * 32u + prev);
    return n;
  }

  [[nodiscard]] const tag_token_info& info(std::uint32_t i) noexcept {
    auto& in = info_[i];
    if (!in.ready) compute(i, in);
    return in;
  }
  [[nodiscard]] std::uint8_t context(std::uint32_t i) const noexcept { return context_[i]; }
  // Training scores every word, so the model also learns what common words look like (they are
  // outside names whatever their case); tagging skips them.
  void score_all_words(bool on) noexcept { all_words_ = on; }

 private:
  [[nodiscard]] bool is_cap(std::uint32_t i) const noexcept {
    return toks_[i].kind == token_kind::word && (toks_[i].has(capitalized) || toks_[i].has(all_caps));
  }

  static std::size_t add_lex(std::uint64_t tmpl, std::uint32_t bits, std::uint64_t* out, std::size_t n) noexcept {
    if (bits == 0) {
      out[n++] = feature(tmpl, 0x77);
      return n;
    }
    for (std::uint32_t b = 0; b < lex_count && n < max_features - 8; ++b) {
      if (bits & (1u << b)) out[n++] = feature(tmpl, b + 1);
    }
    return n;
  }

  void mark_sentence(const token_range& s) {
    if (s.empty()) return;
    std::size_t lower_letters = 0, lower_words = 0, words = 0;
    for (auto k = s.first; k < s.last; ++k) {
      const token& t = toks_[k];
      if (t.kind != token_kind::word) continue;
      ++words;
      const auto w = t.of(text_);
      bool lower = false;
      for (char c : w) {
        if (c >= 'a' && c <= 'z') {
          lower = true;
          ++lower_letters;
        }
      }
      if (lower && !t.has(capitalized) && w.size() >= 3) ++lower_words;
    }
    std::uint8_t ctx = 0;
    if (words > 0 && lower_letters == 0) ctx |= ctx_headline;
    if (lower_words < 2 || s.size() < 6) ctx |= ctx_table;
    for (auto k = s.first; k < s.last; ++k) context_[k] = ctx;
    context_[s.first] |= ctx_start;
  }

  // The words the document also writes in lower case: "While" opening a sentence is the word "while"
  // when the text has it elsewhere. An open-addressing set of folded hashes, no strings.
  void mark_lower_words() {
    std::size_t cap = 64;
    while (cap < toks_.size() * 2) cap *= 2;
    lower_.assign(cap, 0);
    for (const token& t : toks_) {
      if (t.kind != token_kind::word || t.has(capitalized) || t.has(all_caps)) continue;
      const std::uint64_t h = token_hash(t.of(text_), match_case::fold);
      for (std::size_t k = h & (cap - 1);; k = (k + 1) & (cap - 1)) {
        if (lower_[k] == h) break;
        if (lower_[k] == 0) {
          lower_[k] = h;
          break;
        }
      }
    }
  }
  [[nodiscard]] bool seen_lower(std::uint64_t folded) const noexcept {
    const std::size_t cap = lower_.size();
    for (std::size_t k = folded & (cap - 1);; k = (k + 1) & (cap - 1)) {
      if (lower_[k] == folded) return true;
      if (lower_[k] == 0) return false;
    }
  }

  // Gazetteer names, longest first, marked on their tokens before any token's features are read.
  void mark_places() noexcept {
    const auto& names = lex_.places->names();
    for (std::uint32_t i = 0; i < toks_.size(); ++i) {
      if (!is_cap(i) || !names.may_start(toks_[i].of(text_))) continue;
      const auto m = names.longest_at(text_, toks_, i);
      if (!m) continue;
      std::uint32_t bits = lex_place_start;
      const auto ids = lex_.places->candidates(*m.value);
      if (!ids.empty()) {
        const auto& e = lex_.places->entry(ids.front());
        if (e.kind == place_kind::country) bits |= lex_country;
        else if (e.kind == place_kind::city) bits |= lex_city;
        else if (e.kind == place_kind::region) bits |= lex_region;
        if (e.has(geo_common_word)) bits |= lex_common_place;
      }
      place_lex_[i] |= bits;
      for (auto k = m.first + 1; k < m.last; ++k) place_lex_[k] |= lex_place_inside;
      i = m.last - 1;
    }
  }

  void compute(std::uint32_t i, tag_token_info& in) noexcept {
    in.ready = true;
    const token& t = toks_[i];
    const std::string_view w = t.of(text_);
    in.exact = token_hash(w, match_case::exact);
    in.folded = token_hash(w, match_case::fold);
    in.shape = shape_of(w, t.kind);
    if (t.kind != token_kind::word) return;
    // the lexicon classes are the word's alone: looked up once per thread and remembered, since a
    // dozen hash-map look-ups per word cost the tagger as much as scoring it
    const std::uint64_t key = (in.exact ^ (std::uint64_t{w.size()} << 56) ^ static_cast<unsigned char>(w.back())) | 1u;
    std::size_t slot = key & (lex_memo_.size() - 1);
    for (; lex_memo_[slot].key != 0; slot = (slot + 1) & (lex_memo_.size() - 1)) {
      if (lex_memo_[slot].key == key) {
        in.lex = lex_memo_[slot].lex | place_lex_[i];
        return;
      }
    }
    const std::uint32_t lex = word_lex(t, w);
    if (2 * ++lex_memo_used_ > lex_memo_.size()) {
      std::fill(lex_memo_.begin(), lex_memo_.end(), lex_memo_entry{});
      lex_memo_used_ = 1;
      slot = key & (lex_memo_.size() - 1);
    }
    lex_memo_[slot] = {key, lex};
    in.lex = lex | place_lex_[i];
  }

  // The lexicon classes of a word, wherever it stands (gazetteer names are marked by position apart).
  [[nodiscard]] std::uint32_t word_lex(const token& t, std::string_view w) const noexcept {
    const bool cap = t.has(capitalized) || t.has(all_caps);
    const auto& people = *lex_.people;
    const auto& orgs = *lex_.orgs;
    std::uint32_t lex = 0;
    if (cap) {
      if (const auto* f = people.first_name(w)) lex |= f->ambiguous ? lex_first_ambiguous : lex_first_name;
      if (people.title(w)) lex |= lex_title;
      if (people.honorific(w)) lex |= lex_honorific;
      if (lex_.places->find_demonym(w).size() > 0) lex |= lex_demonym;
      if (lex_.known_orgs.word(w)) lex |= lex_known_org;
      if (orgs.state_body(w)) lex |= lex_state_body;
    } else {
      if (is_speech_verb(w)) lex |= lex_speech_verb;
      if (people.role(w)) lex |= lex_role;
      if (people.title(w)) lex |= lex_title;
      if (orgs.joiner(w)) lex |= lex_org_joiner;
    }
    if (people.particle(w)) lex |= lex_particle;
    if (orgs.head(w)) lex |= lex_org_head;
    if (orgs.kind_noun(w)) lex |= lex_org_kind;
    if (people.post_nominal(w)) lex |= lex_post_nominal;
    if (people.nationality_noun(w)) lex |= lex_nationality;
    return lex;
  }

  // The word's shape with runs collapsed: "Reuters" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d";
  // short words keep their length class so "AT" and "NATO" differ.
  [[nodiscard]] static std::uint64_t shape_of(std::string_view w, token_kind kind) noexcept {
    std::uint64_t h = 0x1234 + static_cast<std::uint64_t>(kind);
    char last = 0;
    for (char ch : w) {
      const auto c = static_cast<unsigned char>(ch);
      char s;
      if (c >= 'A' && c <= 'Z') s = 'X';
      else if (c >= 'a' && c <= 'z') s = 'x';
      else if (c >= '0' && c <= '9') s = 'd';
      else if (c >= 0x80) s = 'u';
      else s = static_cast<char>(c);
      if (s != last) h = h * 131 + static_cast<unsigned char>(s);
      last = s;
    }
    return h * 8 + std::min<std::size_t>(w.size(), 5);
  }

  const tag_lexicons& lex_;
  std::string_view text_;
  std::span<const token> toks_;
  std::vector<tag_token_info> info_;
  std::vector<std::uint8_t> context_;
  std::vector<std::uint32_t> place_lex_;
  std::vector<std::uint64_t> lower_;
  // word -> lexicon classes, an open-addressing table keyed by a hash of the word's exact bytes,
  // emptied when half full
  struct lex_memo_entry {
    std::uint64_t key = 0;
    std::uint32_t lex = 0;
  };
  std::vector<lex_memo_entry> lex_memo_ = std::vector<lex_memo_entry>(std::size_t{1} << 14);
  std::size_t lex_memo_used_ = 0;
  bool all_words_ = false;
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
