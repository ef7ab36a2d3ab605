// quarry/text/tokenize.hpp: splits UTF-8 news text into tokens with byte offsets, kinds and flags.
// One left-to-right pass over bytes with a class table for ASCII; non-ASCII is decoded only where it
// appears. Invalid UTF-8 never stops it: each run of bad bytes becomes one `invalid` token, so offsets
// stay exact (strict checking is check_utf8 in utf8.hpp, or tokenize_options::strict_utf8).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "quarry/text/token.hpp"
#include "quarry/text/utf8.hpp"

namespace quarry {
inline namespace v0 {

struct tokenize_options {
  // Throw utf8_error at the first invalid byte instead of emitting `invalid` tokens.
  bool strict_utf8 = false;
};

namespace detail {

// The word fast path is inlined into the main loop, and the general path kept out of line: otherwise
// g++ saves and restores six registers around every word for the rare call to the general path
// (9% of the tokenizer's instructions on news text, measured with callgrind). Both are #undef'd at the
// end of this header.
#if defined(__GNUC__)
#define QUARRY_DETAIL_HOT_INLINE [[gnu::always_inline]] inline
#define QUARRY_DETAIL_OUT_OF_LINE [[gnu::noinline]]
#else
#define QUARRY_DETAIL_HOT_INLINE inline
#define QUARRY_DETAIL_OUT_OF_LINE
#endif

// Classes of ASCII bytes; bytes >= 0x80 are decoded and classified by code point.
enum char_class : std::uint8_t {
  cc_space,    // space, tab, form feed, vertical tab, control bytes (NUL included)
  cc_newline,  // \n
  cc_cr,       // \r (CRLF counts as one line break)
  cc_lower,
  cc_upper,
  cc_digit,
  cc_punct,    // . , ; : ! ? ( ) [ ] { } - /
  cc_symbol,   // $ % & + = < > | ~ ^ * \ _ `
  cc_quote,    // "
  cc_apos,     // '
  cc_at,       // @
  cc_hash,     // #
  cc_high,     // >= 0x80
};

inline constexpr std::array<std::uint8_t, 256> ascii_classes = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = cc_high;
    if (c < 0x20 || c == 0x7F) k = cc_space;
    else if (c < 0x80) k = cc_symbol;
    t[static_cast<std::size_t>(c)] = k;
  }
  t[' '] = cc_space;
  t['\n'] = cc_newline;
  t['\r'] = cc_cr;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = cc_lower;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = cc_upper;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = cc_digit;
  for (char c : std::string_view(".,;:!?()[]{}-/")) t[static_cast<unsigned char>(c)] = cc_punct;
  t['"'] = cc_quote;
  t['\''] = cc_apos;
  t['@'] = cc_at;
  t['#'] = cc_hash;
  return t;
}();

// The bracket flag of a one-byte punctuation token: ( ) [ ].
inline constexpr std::array<std::uint16_t, 256> bracket_flags = [] {
  std::array<std::uint16_t, 256> t{};
  t['('] = t[')'] = t['['] = t[']'] = token_flag::bracket;
  return t;
}();

// Bits for the word loop's fast path over ASCII letters and digits.
enum : std::uint8_t { p_upper = 1, p_lower = 2, p_digit = 4, p_alnum = 8 };

inline constexpr std::array<std::uint8_t, 256> ascii_word_props = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = p_lower | p_alnum;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = p_upper | p_alnum;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = p_digit | p_alnum;
  return t;
}();

// What a non-ASCII code point is to the tokenizer.
enum class cp_class : std::uint8_t {
  letter_lower, letter_upper, letter_other, space, newline, hyphen, dash, ellipsis,
  open_quote, close_quote, apostrophe, punct, symbol, invalid
};

[[nodiscard]] constexpr bool is_upper_cp(char32_t c) noexcept {
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return (c & 1u) == 0;
  if (c >= 0x139 && c <= 0x148) return (c & 1u) == 1;
  if (c >= 0x14A && c <= 0x177) return (c & 1u) == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return (c & 1u) == 1;
  if (c >= 0x391 && c <= 0x3AB) return true;   // Greek capitals
  if (c >= 0x400 && c <= 0x42F) return true;   // Cyrillic capitals
  if (c >= 0x1E00 && c <= 0x1EFF) return (c & 1u) == 0;  // Latin Extended Additional
  return false;
}

[[nodiscard]] constexpr cp_class classify_cp(char32_t c) noexcept {
  if (c == invalid_code_point) return cp_class::invalid;
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF: case 0x200B:
      return cp_class::space;
    case 0x0085: case 0x2028: case 0x2029: return cp_class::newline;
    case 0x2010: case 0x2011: return cp_class::hyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: return cp_class::dash;
    case 0x2026: return cp_class::ellipsis;
    case 0x201C: case 0x2018: case 0x00AB: case 0x201E: case 0x201A: case 0x2039: case 0x201F:
      return cp_class::open_quote;
    case 0x201D: case 0x00BB: case 0x203A: return cp_class::close_quote;
    case 0x2019: case 0x02BC: return cp_class::apostrophe;
    case 0x00AA: case 0x00B5: case 0x00BA: case 0x200C: case 0x200D: return cp_class::letter_other;
    case 0x00A1: case 0x00BF: case 0x00B7: return cp_class::punct;
    default: break;
  }
  if (c < 0xA0) return cp_class::space;                    // C1 controls
  if (c < 0xC0) return cp_class::symbol;                   // Latin-1 signs: ¢ £ ¥ § © ° ±
  if (c == 0xD7 || c == 0xF7) return cp_class::symbol;     // × ÷
  if (c >= 0x2000 && c <= 0x200A) return cp_class::space;  // typographic spaces
  if (c >= 0x2016 && c <= 0x206F) return cp_class::punct;  // general punctuation: • † ‡ ′ ″
  if (c >= 0x2070 && c <= 0x209F) return cp_class::letter_other;  // super/subscripts
  if (c >= 0x20A0 && c <= 0x2BFF) return cp_class::symbol;  // currency, letterlike, arrows, maths
  if (c >= 0x3001 && c <= 0x303F) return cp_class::punct;
  if (c >= 0xFE00 && c <= 0xFE0F) return cp_class::letter_other;  // variation selectors
  if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65)) {
    return cp_class::punct;  // full-width and half-width punctuation: ． ！ ？ ｡
  }
  if (c >= 0x1F000 && c <= 0x1FAFF) return cp_class::symbol;  // emoji and pictographs
  return is_upper_cp(c) ? cp_class::letter_upper : cp_class::letter_lower;
}

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != b[i]) return false;
  }
  return true;
}

enum class abbrev_kind : std::uint8_t { none, title, other, month, number_sign };

// Up to 8 ASCII letters, lower-cased, packed big-end first so that packed keys sort like strings.
[[nodiscard]] constexpr std::uint64_t pack_lower(std::string_view w) noexcept {
  std::uint64_t k = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    k <<= 8;
    if (i < w.size()) k |= static_cast<unsigned char>(ascii_lower(w[i]));
  }
  return k;
}

struct abbrev_entry {
  std::uint64_t key;
  abbrev_kind kind;
};

inline constexpr auto abbreviations = [] {
  constexpr std::string_view titles[] = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm",
      "cmdr", "cdr", "rep", "reps", "sen", "sens", "gov", "govs", "pres", "rev", "hon", "fr", "supt",
      "insp", "det", "messrs", "mme", "mlle", "atty", "amb", "brig", "gens", "lieut", "cmdt", "sr",
      "jr", "st", "mt", "ft", "pte", "spc", "sgts", "pfc"};
  constexpr std::string_view others[] = {"inc", "corp", "ltd", "co", "plc", "llc", "bros", "vs", "etc",
                                         "dept", "univ", "assn", "est", "approx", "fig", "vol", "pp",
                                         "ave", "blvd", "rd", "al", "cf", "eg", "ie", "ca", "nos", "op",
                                         "ed", "eds", "govt", "intl", "natl", "mins", "hrs", "pts",
                                         "mph", "kph", "sq", "cu", "ext", "tel"};
  constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                         "sep", "sept", "oct", "nov", "dec"};
  // abbreviations only before a number: "No. 10", "p. 55", "Sec. 1262", "Rs. 3520" ("no." and "sec."
  // are also words that end sentences)
  constexpr std::string_view number_signs[] = {"no", "p", "sec", "art", "ch", "para", "rs"};
  std::array<abbrev_entry, std::size(titles) + std::size(others) + std::size(months) + std::size(number_signs)> t{};
  std::size_t n = 0;
  for (auto w : titles) t[n++] = {pack_lower(w), abbrev_kind::title};
  for (auto w : others) t[n++] = {pack_lower(w), abbrev_kind::other};
  for (auto w : months) t[n++] = {pack_lower(w), abbrev_kind::month};
  for (auto w : number_signs) t[n++] = {pack_lower(w), abbrev_kind::number_sign};
  for (std::size_t i = 1; i < t.size(); ++i) {  // insertion sort: constexpr-friendly
    for (std::size_t j = i; j > 0 && t[j].key < t[j - 1].key; --j) {
      const auto tmp = t[j]; t[j] = t[j - 1]; t[j - 1] = tmp;
    }
  }
  return t;
}();

// Abbreviations that keep their period. Titles always precede a name, so a sentence never ends
// after them; the others end a sentence when a sentence-opening word follows.
[[nodiscard]] constexpr abbrev_kind classify_abbreviation(std::string_view w) noexcept {
  if (w.empty() || w.size() > 6) return abbrev_kind::none;
  const std::uint64_t k = pack_lower(w);
  std::size_t lo = 0, hi = abbreviations.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (abbreviations[mid].key < k) lo = mid + 1; else hi = mid;
  }
  return lo < abbreviations.size() && abbreviations[lo].key == k ? abbreviations[lo].kind : abbrev_kind::none;
}

// The tokenizer's working state over one text.
class tokenizer_impl {
 public:
  tokenizer_impl(std::string_view text, std::vector<token>& out) noexcept
      : s_(text), n_(text.size()), out_(out) {}

  void run() {
    while (pos_ < n_) {
      const auto b = static_cast<unsigned char>(s_[pos_]);
      switch (static_cast<char_class>(ascii_classes[b])) {
        case cc_space:
          do ++pos_; while (pos_ < n_ && s_[pos_] == ' ');
          pending_ |= space_before;
          break;
        case cc_newline: line_break(1); break;
        case cc_cr: line_break(pos_ + 1 < n_ && s_[pos_ + 1] == '\n' ? 2 : 1); break;
        case cc_lower: case cc_upper: case cc_digit: word(); break;
        case cc_punct: punctuation(b); break;
        case cc_symbol:
          if (b == '`' && at(pos_ + 1) == '`') { emit(pos_, pos_ + 2, token_kind::open_quote); pos_ += 2; break; }
          emit(pos_, pos_ + 1, token_kind::symbol); ++pos_; break;
        case cc_quote: straight_quote(); break;
        case cc_apos:
          if (at(pos_ + 1) == '\'') double_apostrophe();
          else apostrophe_at_start(pos_, 1);
          break;
        case cc_at: handle_or_hashtag(token_kind::handle); break;
        case cc_hash: handle_or_hashtag(token_kind::hashtag); break;
        case cc_high: high_byte(); break;
      }
    }
  }

 private:
  // --- emitting ---
  void emit(std::size_t b, std::size_t e, token_kind k, std::uint16_t flags = 0) {
    token t;
    t.begin = static_cast<offset_t>(b);
    t.end = static_cast<offset_t>(e);
    t.kind = k;
    t.flags = static_cast<std::uint16_t>(flags | pending_);
    if (blank_line_) t.flags |= paragraph_start;
    pending_ = 0;
    blank_line_ = false;
    if (k == token_kind::open_quote && is_single_quote(b)) ++open_single_;
    if (k == token_kind::close_quote && is_single_quote(b) && open_single_ > 0) --open_single_;
    out_.push_back(t);
  }

  [[nodiscard]] bool is_single_quote(std::size_t b) const noexcept {
    const char c = s_[b];
    if (c == '\'') return at(b + 1) != '\'';  // '' is a double mark
    // ‘ U+2018 (E2 80 98) and ’ U+2019 (E2 80 99)
    return c == '\xE2' && b + 2 < n_ && s_[b + 1] == '\x80' && (s_[b + 2] == '\x98' || s_[b + 2] == '\x99');
  }

  void line_break(std::size_t len) {
    pos_ += len;
    if (pending_ & line_break_before) {
      // a second line break with only white space between: a blank line, a new paragraph
      blank_line_ = true;
      open_single_ = 0;
    }
    pending_ |= space_before | line_break_before;
  }

  // --- character tests ---
  [[nodiscard]] char at(std::size_t i) const noexcept { return i < n_ ? s_[i] : '\0'; }
  [[nodiscard]] std::uint8_t cls(std::size_t i) const noexcept {
    return i < n_ ? ascii_classes[static_cast<unsigned char>(s_[i])] : std::uint8_t{cc_space};
  }
  [[nodiscard]] bool is_alnum_at(std::size_t i) const noexcept {
    const auto c = cls(i);
    if (c == cc_lower || c == cc_upper || c == cc_digit) return true;
    if (c == cc_high) {
      const auto k = classify_cp(decode_utf8(s_, i).cp);
      return k == cp_class::letter_lower || k == cp_class::letter_upper || k == cp_class::letter_other;
    }
    return false;
  }
  [[nodiscard]] bool is_letter_at(std::size_t i) const noexcept {
    return cls(i) != cc_digit && is_alnum_at(i);
  }
  [[nodiscard]] bool is_digit_at(std::size_t i) const noexcept { return cls(i) == cc_digit; }
  [[nodiscard]] bool is_space_or_end(std::size_t i) const noexcept {
    if (i >= n_) return true;
    const auto c = cls(i);
    if (c == cc_space || c == cc_newline || c == cc_cr) return true;
    if (c == cc_high) {
      const auto k = classify_cp(decode_utf8(s_, i).cp);
      return k == cp_class::space || k == cp_class::newline;
    }
    return false;
  }
  // Which kind of character precedes i: for telling opening quotes from closing ones.
  [[nodiscard]] bool opens_after(std::size_t i) const noexcept {
    if (i == 0) return true;
    const char p = s_[i - 1];
    if (p == '(' || p == '[' || p == '{' || p == '-' || p == '/') return true;
    if (static_cast<unsigned char>(p) >= 0x80) {
      std::size_t j = i - 1;
      while (j > 0 && (static_cast<unsigned char>(s_[j]) & 0xC0u) == 0x80u && i - j < 4) --j;
      const auto k = classify_cp(decode_utf8(s_, j).cp);
      return k == cp_class::space || k == cp_class::newline || k == cp_class::dash ||
             k == cp_class::open_quote;
    }
    const auto c = ascii_classes[static_cast<unsigned char>(p)];
    return c == cc_space || c == cc_newline || c == cc_cr || p == '"';
  }

  // The end of the run of ASCII letters and digits from i; ORs their p_upper, p_lower and p_digit bits
  // into seen. Four bytes a step while four remain (one bound check for four); a byte that is not a
  // letter or digit has no bits, so OR-ing it in before the test is harmless.
  QUARRY_DETAIL_HOT_INLINE std::size_t alnum_run_end(std::size_t i, unsigned& seen) const noexcept {
    const auto* const text = reinterpret_cast<const unsigned char*>(s_.data());
    for (; i + 4 <= n_; i += 4) {
      const std::uint8_t p0 = ascii_word_props[text[i]];
      seen |= p0;
      if (!p0) return i;
      const std::uint8_t p1 = ascii_word_props[text[i + 1]];
      seen |= p1;
      if (!p1) return i + 1;
      const std::uint8_t p2 = ascii_word_props[text[i + 2]];
      seen |= p2;
      if (!p2) return i + 2;
      const std::uint8_t p3 = ascii_word_props[text[i + 3]];
      seen |= p3;
      if (!p3) return i + 3;
    }
    while (i < n_ && ascii_word_props[text[i]]) seen |= ascii_word_props[text[i++]];
    return i;
  }

  // --- words, numbers, abbreviations ---
  // Fast path: a run of ASCII letters and digits ended by white space or plain punctuation, which is
  // most of news text. Anything else (periods, hyphens, apostrophes, non-ASCII) takes word_general().
  QUARRY_DETAIL_HOT_INLINE void word() {
    const std::size_t start = pos_;
    unsigned seen = 0;
    const std::size_t i = alnum_run_end(start, seen);
    if (i < n_) {
      const char c = s_[i];
      const bool plain_end = c == ' ' || c == '\n' || c == '\r' || c == ';' || c == ')' || c == '!' ||
                             c == '?' || c == '"' || c == ']' || (c == ',' && !(seen & p_digit)) ||
                             (c == ':' && at(i + 1) != '/');
      if (!plain_end) { word_general(); return; }
    }
    const auto first = ascii_word_props[static_cast<unsigned char>(s_[start])];
    std::uint16_t flags = 0;
    if (first & p_upper) flags |= capitalized;
    if ((seen & (p_upper | p_lower)) == p_upper) {  // upper-case letters only: count them (rare)
      unsigned upper = 0;
      for (std::size_t k = start; k < i; ++k) upper += ascii_word_props[static_cast<unsigned char>(s_[k])] & p_upper;
      if (upper >= 2) flags |= all_caps;
    }
    if (seen & p_digit) flags |= has_digit;
    push(start, i, (first & p_digit) ? token_kind::number : token_kind::word, flags);
    pos_ = i;
    // the one space after most words, without a trip through the main loop's dispatch
    if (i < n_ && s_[i] == ' ') {
      pending_ = space_before;
      pos_ = i + 1;
    }
  }

  void push(std::size_t b, std::size_t e, token_kind k, std::uint16_t flags) {
    token t;
    t.begin = static_cast<offset_t>(b);
    t.end = static_cast<offset_t>(e);
    t.kind = k;
    t.flags = static_cast<std::uint16_t>(flags | pending_ | (blank_line_ ? paragraph_start : 0));
    pending_ = 0;
    blank_line_ = false;
    out_.push_back(t);
  }

  QUARRY_DETAIL_OUT_OF_LINE void word_general() {
    const std::size_t start = pos_;
    const std::size_t first_out = out_.size();
    std::size_t i = pos_;
    std::uint16_t flags = 0;
    int upper = 0, lower = 0;
    bool digit_first = cls(i) == cc_digit;
    bool non_ascii_seen = false;
    std::size_t segment_start = i;  // start of the current dot-separated segment (for "U.S.")
    int dotted_segments = 0;        // single-letter segments closed by a period so far

    unsigned seen = 0;  // p_lower | p_digit bits met on the fast path
    for (;;) {
      // fast path: ASCII letters and digits
      while (i < n_) {
        const std::uint8_t p = ascii_word_props[static_cast<unsigned char>(s_[i])];
        if (!(p & p_alnum)) break;
        upper += p & p_upper;
        seen |= p;
        ++i;
      }
      if (seen & p_digit) flags |= has_digit;
      if (seen & p_lower) lower += 1;  // only "any lower case" matters
      if (i >= n_ || s_[i] == ' ' || s_[i] == '\n') break;  // the common end of a word
      const auto c = cls(i);
      if (c == cc_high) {
        const decoded d = decode_utf8(s_, i);
        const cp_class k = classify_cp(d.cp);
        if (k == cp_class::letter_lower || k == cp_class::letter_other) {
          lower += k == cp_class::letter_lower; non_ascii_seen = true; i += d.length; continue;
        }
        if (k == cp_class::letter_upper) { ++upper; non_ascii_seen = true; i += d.length; continue; }
        if (k == cp_class::hyphen && is_alnum_at(i + d.length)) {
          flags |= hyphenated; non_ascii_seen = true; i += d.length; segment_start = i; continue;
        }
        if (k == cp_class::apostrophe) {
          if (apostrophe_in_word(start, i, d.length, flags, upper, lower, digit_first, non_ascii_seen)) return;
          non_ascii_seen = true; i += d.length; continue;
        }
        // "Trump‘s": a left single mark typed for the apostrophe of a possessive opens nothing
        if (d.cp == 0x2018 && (at(i + d.length) == 's' || at(i + d.length) == 'S') &&
            !is_alnum_at(i + d.length + 1) && i > start) {
          if (apostrophe_in_word(start, i, d.length, flags, upper, lower, digit_first, non_ascii_seen)) return;
        }
        break;
      }
      const char ch = s_[i];
      if (ch == '-' && is_alnum_at(i + 1)) { flags |= hyphenated; ++i; segment_start = i; continue; }
      if (ch == '\'') {
        // '' after a word closes a quotation written with two apostrophes (''...'')
        if (at(i + 1) == '\'') { finish_word(start, i, flags, upper, lower, digit_first, non_ascii_seen); return; }
        if (apostrophe_in_word(start, i, 1, flags, upper, lower, digit_first, non_ascii_seen)) return;
        ++i; continue;
      }
      if (ch == ',' && digit_first && is_digit_at(i - 1) && is_digit_at(i + 1) && is_digit_at(i + 2) &&
          is_digit_at(i + 3) && !is_digit_at(i + 4)) {
        i += 1; continue;  // thousands separator: 2,500 and 1,000,000
      }
      if (ch == '.') {
        if (is_digit_at(i - 1) && is_digit_at(i + 1)) { ++i; continue; }  // 1.5
        const std::size_t seg = i - segment_start;
        const bool one_letter = seg == 1 && is_letter_at(segment_start);
        // Initialisms: U.S., U.K., a.m., e.g. — single letters each closed by a period.
        if (one_letter && (dotted_segments > 0 || (is_letter_at(i + 1) && at(i + 2) == '.'))) {
          ++dotted_segments; ++i; segment_start = i;
          if (is_letter_at(i) && at(i + 1) == '.') continue;
          flags |= abbreviation;
          // "U.S.-led": a hyphen may carry on after the initialism
          if (at(i) == '-' && is_alnum_at(i + 1)) { flags |= hyphenated; ++i; segment_start = i; continue; }
          break;
        }
        if (!digit_first && (flags & hyphenated) == 0) {
          const std::string_view w = s_.substr(start, i - start);
          const abbrev_kind ak = classify_abbreviation(w);
          const bool initial = one_letter && upper == 1 && segment_start == start;  // "W. Bush"
          const bool www = iequals(w, "www") && is_alnum_at(i + 1);
          if (www) { url_from(start, first_out); return; }
          if ((ak != abbrev_kind::none && ak != abbrev_kind::number_sign) || initial ||
              (ak == abbrev_kind::number_sign && next_nonspace_is_digit(i + 1))) {
            ++i;
            flags |= abbreviation;
            break;
          }
        }
        break;
      }
      if (ch == ':' && at(i + 1) == '/' && at(i + 2) == '/' && !digit_first && i - start <= 8) {
        url_from(start, first_out);
        return;
      }
      if (ch == '@' && is_alnum_at(i + 1)) {
        if (email_from(start, i)) return;
        break;
      }
      if (ch == '&' && upper > 0 && lower == 0 && cls(i + 1) == cc_upper) { ++i; continue; }  // AT&T
      break;
    }
    finish_word(start, i, flags, upper, lower, digit_first, non_ascii_seen);
  }

  void finish_word(std::size_t start, std::size_t end, std::uint16_t flags, int upper, int lower,
                   bool digit_first, bool non_ascii_seen) {
    if (upper > 0 && is_upper_start(start)) flags |= capitalized;
    if (upper >= 2 && lower == 0) flags |= all_caps;
    if (upper == 1 && lower == 0 && (flags & abbreviation) && end - start <= 3) flags |= all_caps;  // "W."
    if (non_ascii_seen) flags |= token_flag::non_ascii;
    emit(start, end, digit_first ? token_kind::number : token_kind::word, flags);
    pos_ = end;
  }

  [[nodiscard]] bool is_upper_start(std::size_t i) const noexcept {
    const auto c = cls(i);
    if (c == cc_upper) return true;
    if (c == cc_high) return classify_cp(decode_utf8(s_, i).cp) == cp_class::letter_upper;
    return false;
  }

  [[nodiscard]] bool next_nonspace_is_digit(std::size_t i) const noexcept {
    while (i < n_ && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    return is_digit_at(i);
  }

  // An apostrophe at i inside or after a word. Returns true when it ended the word (and emitted
  // what follows it, if anything); false when it belongs to the word ("O’Brien", "don’t").
  bool apostrophe_in_word(std::size_t start, std::size_t i, std::size_t len, std::uint16_t flags, int upper,
                          int lower, bool digit_first, bool non_ascii_seen) {
    const std::size_t after = i + len;
    const bool s_follows = at(after) == 's' || at(after) == 'S';
    if (s_follows && !is_alnum_at(after + 1)) {
      // possessive "’s": the name is its own token
      finish_word(start, i, flags, upper, lower, digit_first, non_ascii_seen);
      emit(i, after + 1, token_kind::word, possessive | (len > 1 ? token_flag::non_ascii : 0));
      pos_ = after + 1;
      return true;
    }
    if (is_letter_at(after)) return false;
    // Nothing word-like follows: a plural possessive ("Iraqis’") unless a single quote is open.
    finish_word(start, i, flags, upper, lower, digit_first, non_ascii_seen);
    const char last = s_[i - 1];
    if ((last == 's' || last == 'S') && open_single_ == 0) {
      emit(i, after, token_kind::word, possessive | (len > 1 ? token_flag::non_ascii : 0));
    } else {
      emit(i, after, token_kind::close_quote);
    }
    pos_ = after;
    return true;
  }

  // ' or ’ not inside a word.
  void apostrophe_at_start(std::size_t i, std::size_t len) {
    const std::size_t after = i + len;
    // "’90s", "'em": an elided start that belongs to the next word
    if (is_digit_at(after) && is_digit_at(after + 1) && (at(after + 2) == 's' || !is_alnum_at(after + 2))) {
      emit(i, after, token_kind::word);  // the elision mark is its own token
      pos_ = after;
      return;
    }
    if (opens_after(i) && !is_space_or_end(after)) emit(i, after, token_kind::open_quote);
    else if (!opens_after(i)) emit(i, after, token_kind::close_quote);
    else emit(i, after, token_kind::ambiguous_quote);
    pos_ = after;
  }

  // '' written for a double quotation mark (archives and TeX-like feeds pair it with itself or with ``):
  // one token, opening or closing by its neighbours like a straight double quote.
  void double_apostrophe() {
    const std::size_t i = pos_;
    const bool before_opens = opens_after(i);
    token_kind k = token_kind::ambiguous_quote;
    if (before_opens && !is_space_or_end(i + 2)) k = token_kind::open_quote;
    else if (!before_opens) k = token_kind::close_quote;
    emit(i, i + 2, k);
    pos_ = i + 2;
  }

  void straight_quote() {
    const std::size_t i = pos_;
    const bool before_opens = opens_after(i);
    const bool after_space = is_space_or_end(i + 1);
    token_kind k = token_kind::ambiguous_quote;
    if (before_opens && !after_space) k = token_kind::open_quote;
    else if (!before_opens) k = token_kind::close_quote;
    emit(i, i + 1, k);
    ++pos_;
  }

  void punctuation(unsigned char b) {
    const std::size_t i = pos_;
    if (b == '.') {
      std::size_t e = i;
      while (e < n_ && s_[e] == '.') ++e;  // "..." is one ellipsis token
      emit(i, e, token_kind::punctuation);
      pos_ = e;
      return;
    }
    if (b == '-') {
      // negative number: "-5" after a space or bracket
      if (is_digit_at(i + 1) && opens_after(i)) {
        pos_ = i;
        number_with_sign();
        return;
      }
      std::size_t e = i;
      while (e < n_ && s_[e] == '-') ++e;  // "--" is one dash
      emit(i, e, token_kind::punctuation);
      pos_ = e;
      return;
    }
    emit(i, i + 1, token_kind::punctuation, bracket_flags[b]);
    ++pos_;
  }

  void number_with_sign() {
    const std::size_t sign = pos_;
    const std::uint16_t pending = pending_ | (blank_line_ ? paragraph_start : 0);
    pos_ = sign + 1;
    word_general();
    // The run after the sign may have become several tokens, or an e-mail that reached back over the
    // sign ("-1@un.org"): find the first token after the sign.
    std::size_t at = out_.size();
    while (at > 0 && out_[at - 1].begin > sign) --at;
    if (at > 0 && out_[at - 1].end > sign) return;  // already covered
    if (at < out_.size() && out_[at].kind == token_kind::number && out_[at].begin == sign + 1) {
      out_[at].begin = static_cast<offset_t>(sign);  // widen the number to take the sign
      return;
    }
    // Not a plain number ("-1’e@un.org" became a word and an e-mail): the sign is a token of its own,
    // so that no byte is left out, and it takes over the flags of the gap before it.
    constexpr std::uint16_t gap_flags = space_before | line_break_before | paragraph_start;
    token t;
    t.begin = static_cast<offset_t>(sign);
    t.end = static_cast<offset_t>(sign + 1);
    t.kind = token_kind::punctuation;
    t.flags = pending;
    if (at < out_.size()) {
      out_[at].flags &= static_cast<std::uint16_t>(~gap_flags);
    } else {
      pending_ = 0;
      blank_line_ = false;
    }
    out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(at), t);
  }

  void handle_or_hashtag(token_kind k) {
    const std::size_t i = pos_;
    std::size_t e = i + 1;
    // "#1" is a sign and a number; "#MeToo" and "@agency" are single tokens
    const bool starts_well = k == token_kind::hashtag ? is_letter_at(e) : (is_alnum_at(e) || at(e) == '_');
    if (starts_well) {
      while (e < n_ && (is_alnum_at(e) || s_[e] == '_')) {
        e += static_cast<unsigned char>(s_[e]) < 0x80 ? 1 : decode_utf8(s_, e).length;
      }
      emit(i, e, k);
    } else {
      emit(i, e, token_kind::symbol);
    }
    pos_ = e;
  }

  void high_byte() {
    const std::size_t i = pos_;
    const decoded d = decode_utf8(s_, i);
    switch (classify_cp(d.cp)) {
      case cp_class::letter_lower: case cp_class::letter_upper: case cp_class::letter_other:
        word(); return;
      case cp_class::space: pos_ += d.length; pending_ |= space_before; return;
      case cp_class::newline: line_break(d.length); return;
      case cp_class::hyphen: case cp_class::dash: case cp_class::punct:
        emit(i, i + d.length, token_kind::punctuation); break;
      case cp_class::ellipsis: emit(i, i + d.length, token_kind::punctuation); break;
      case cp_class::open_quote: emit(i, i + d.length, token_kind::open_quote); break;
      case cp_class::close_quote: emit(i, i + d.length, token_kind::close_quote); break;
      case cp_class::apostrophe: apostrophe_at_start(i, d.length); return;
      case cp_class::symbol: emit(i, i + d.length, token_kind::symbol, token_flag::non_ascii); break;
      case cp_class::invalid: {
        std::size_t e = i + 1;
        while (e < n_ && static_cast<unsigned char>(s_[e]) >= 0x80 && decode_utf8(s_, e).cp == invalid_code_point) ++e;
        emit(i, e, token_kind::invalid, token_flag::non_ascii);
        pos_ = e;
        return;
      }
    }
    pos_ = i + d.length;
  }

  // --- URLs and e-mail addresses: found when their marker is met, then the run is re-read whole ---
  [[nodiscard]] bool url_char_at(std::size_t i) const noexcept {
    return i < n_ && !is_space_or_end(i) && s_[i] != '"' && s_[i] != '<' && s_[i] != '>';
  }

  void url_from(std::size_t start, std::size_t first_out) {
    drop_tokens_from(first_out);
    std::size_t e = start;
    while (url_char_at(e)) e += static_cast<unsigned char>(s_[e]) < 0x80 ? 1 : decode_utf8(s_, e).length;
    // trailing sentence punctuation and closing marks are not part of the address
    while (e > start && std::string_view(".,;:!?)]}'").find(s_[e - 1]) != std::string_view::npos) --e;
    while (e >= start + 3 && static_cast<unsigned char>(s_[e - 3]) == 0xE2 && s_[e - 2] == '\x80' &&
           (s_[e - 1] == '\x9D' || s_[e - 1] == '\x99')) e -= 3;  // ” ’
    emit(start, e, token_kind::url);
    pos_ = e;
  }

  [[nodiscard]] static bool email_local_char(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '%' || c == '+' || c == '-';
  }

  // at is the '@' inside a word run. Bounded look-back keeps this linear on hostile input.
  // word_start is where the word run that reached the '@' began; its bytes before the local part
  // stay a word of their own, so no byte is ever left out of a token.
  bool email_from(std::size_t word_start, std::size_t at_pos) {
    std::size_t b = at_pos;
    while (b > 0 && at_pos - b < 64 && email_local_char(s_[b - 1])) --b;
    std::size_t e = at_pos + 1;
    std::size_t last_dot = 0;  // a domain needs a dot
    while (e < n_ && e - at_pos < 256 &&
           ((s_[e] >= 'a' && s_[e] <= 'z') || (s_[e] >= 'A' && s_[e] <= 'Z') || (s_[e] >= '0' && s_[e] <= '9') ||
            s_[e] == '-' || s_[e] == '.')) {
      ++e;
    }
    while (e > at_pos && (s_[e - 1] == '.' || s_[e - 1] == '-')) --e;  // "press@un.org." ends a sentence
    last_dot = s_.substr(at_pos + 1, e - at_pos - 1).rfind('.');
    if (last_dot == std::string_view::npos || b == at_pos) return false;
    // forget the tokens already emitted for the local part
    std::size_t keep = out_.size();
    while (keep > 0 && out_[keep - 1].begin >= b) --keep;
    if (keep > 0 && out_[keep - 1].end > b) b = out_[keep - 1].end;
    std::uint16_t flags = 0;
    if (keep < out_.size()) flags = out_[keep].flags & (space_before | line_break_before | paragraph_start);
    out_.resize(keep);
    if (b > word_start) {
      emit(word_start, b, token_kind::word);
      flags = 0;
    }
    emit(b, e, token_kind::email, flags);
    pos_ = e;
    return true;
  }

  void drop_tokens_from(std::size_t first_out) {
    if (first_out < out_.size()) {
      pending_ |= out_[first_out].flags & (space_before | line_break_before);
      if (out_[first_out].flags & paragraph_start) blank_line_ = true;
      out_.resize(first_out);
    }
  }

  std::string_view s_;
  std::size_t n_;
  std::vector<token>& out_;
  std::size_t pos_ = 0;
  std::uint16_t pending_ = 0;   // flags for the next token: space_before, line_break_before
  bool blank_line_ = false;     // a blank line was seen since the last token
  int open_single_ = 0;         // single quotes opened and not closed in this paragraph
};

}  // namespace detail

// Appends the tokens of text to out (cleared first). Flags set here: capitalized, all_caps, has_digit,
// abbreviation, hyphenated, space_before, line_break_before, possessive, token_flag::non_ascii, and
// paragraph_start after a blank line; sentence_start is set by split_sentences.
inline void tokenize(std::string_view text, std::vector<token>& out, const tokenize_options& options = {}) {
  if (options.strict_utf8) check_utf8(text);
  out.clear();
  if (out.capacity() < text.size() / 5) out.reserve(text.size() / 5);
  detail::tokenizer_impl(text, out).run();
}

}  // namespace v0
}  // namespace quarry

#undef QUARRY_DETAIL_HOT_INLINE
#undef QUARRY_DETAIL_OUT_OF_LINE
