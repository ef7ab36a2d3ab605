// quarry/text/sentence_rules.hpp: the token patterns the sentence splitter asks about. List markers
// ("1.", "b)", "(iii)", "•"), citation marks after a full stop (".[3]", ".12"), quotation marks and
// brackets that hold sentences in, and the words that may follow "p.m." inside a sentence.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "quarry/text/token.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

[[nodiscard]] inline bool is_one_char(const token& t, std::string_view text, char c) noexcept {
  return t.kind == token_kind::punctuation && t.size() == 1 && text[t.begin] == c;
}

// . .. ... ! ? … and the full-width and ideographic stops 。 ． ！ ？
[[nodiscard]] inline bool is_terminal_punct(std::string_view t) noexcept {
  if (t.empty()) return false;
  if (t[0] == '.') return t.find_first_not_of('.') == std::string_view::npos;  // . .. ...
  if (t.size() == 1) return t[0] == '!' || t[0] == '?';
  if (t == "\xE2\x80\xA6") return true;  // … U+2026
  if (t == "\xE3\x80\x82" || t == "\xEF\xBC\x8E" || t == "\xEF\xBC\x81" || t == "\xEF\xBC\x9F" || t == "\xEF\xBD\xA1") {
    return true;  // 。 ． ！ ？ ｡
  }
  return false;
}

// A stop that needs no space after it to end a sentence (East Asian typography).
[[nodiscard]] inline bool is_wide_terminal(std::string_view t) noexcept {
  return t.size() == 3 && (t[0] == '\xE3' || t[0] == '\xEF') && is_terminal_punct(t);
}

[[nodiscard]] inline bool is_closer(const token& t, std::string_view text) noexcept {
  if (t.kind == token_kind::close_quote || t.kind == token_kind::ambiguous_quote) return true;
  if (t.kind != token_kind::punctuation || t.size() != 1) return false;
  const char c = text[t.begin];
  return c == ')' || c == ']' || c == '}';
}

// "-", "--", "–", "—": a dash; also a bullet when it opens a line.
[[nodiscard]] inline bool is_dash(std::string_view t) noexcept {
  return (!t.empty() && t.find_first_not_of('-') == std::string_view::npos) || t == "\xE2\x80\x93" ||
         t == "\xE2\x80\x94";
}

[[nodiscard]] inline bool is_bullet(const token& t, std::string_view text) noexcept {
  if (t.kind != token_kind::punctuation && t.kind != token_kind::symbol) return false;
  const std::string_view s = t.of(text);
  return s == "\xE2\x80\xA2" || s == "\xC2\xB7" || s == "\xE2\x96\xAA" || s == "\xE2\x97\xA6" || s == "*" ||
         s == "-" || s == "\xE2\x80\x93";  // • · ▪ ◦ * - –
}

// Which quotation marks a quote token belongs to: 1 double (" “ ” „ « »), 2 single (' ‘ ’ ‚ ‹ ›), 0 neither.
[[nodiscard]] inline int quote_family(const token& t, std::string_view text) noexcept {
  const auto c0 = static_cast<unsigned char>(text[t.begin]);
  if (c0 == '"') return 1;
  if (c0 == '\'') return 2;
  if (t.size() < 2) return 0;
  const auto c1 = static_cast<unsigned char>(text[t.begin + 1]);
  if (c0 == 0xC2) return (c1 == 0xAB || c1 == 0xBB) ? 1 : 0;
  if (c0 != 0xE2 || c1 != 0x80 || t.size() < 3) return 0;
  const auto c2 = static_cast<unsigned char>(text[t.begin + 2]);
  if (c2 >= 0x9C && c2 <= 0x9F) return 1;
  if ((c2 >= 0x98 && c2 <= 0x9B) || c2 == 0xB9 || c2 == 0xBA) return 2;
  return 0;
}

// Words that may follow "8 p.m." in the same sentence: days, months and time zones ("at 8 p.m. Friday").
inline constexpr std::string_view time_followers[] = {
    "AEDT", "AEST", "April", "August", "BST", "CDT", "CEST", "CET", "CST", "CT", "Central", "December", "EDT",
    "EST", "ET", "Eastern", "February", "Friday", "GMT", "HKT", "IST", "JST", "January", "July", "June", "MDT",
    "MST", "MT", "March", "May", "Monday", "Mountain", "November", "October", "PDT", "PST", "PT", "Pacific",
    "Saturday", "September", "Sunday", "Thursday", "Tuesday", "UTC", "Wednesday"};
static_assert(std::is_sorted(std::begin(time_followers), std::end(time_followers)), "time_followers: sorted");

[[nodiscard]] inline bool is_time_follower(std::string_view w) noexcept {
  return std::binary_search(std::begin(time_followers), std::end(time_followers), w);
}

// "a.m." / "p.m." in either case.
[[nodiscard]] inline bool is_clock_abbreviation(std::string_view t) noexcept {
  return t.size() == 4 && (t[0] == 'a' || t[0] == 'p' || t[0] == 'A' || t[0] == 'P') && t[1] == '.' &&
         (t[2] == 'm' || t[2] == 'M') && t[3] == '.';
}

// Abbreviations that introduce what follows and so never end a sentence: "e.g. Mr. Smith".
[[nodiscard]] inline bool is_introducing_abbreviation(std::string_view t) noexcept {
  return iequals(t, "e.g.") || iequals(t, "i.e.") || iequals(t, "vs.") || iequals(t, "viz.") || iequals(t, "cf.");
}

// A number of one to three digits and nothing else: a footnote mark or a list number.
[[nodiscard]] inline bool is_small_number(const token& t, std::string_view text, std::size_t max_digits) noexcept {
  if (t.kind != token_kind::number || t.size() > max_digits) return false;
  for (offset_t k = t.begin; k < t.end; ++k) {
    if (text[k] < '0' || text[k] > '9') return false;
  }
  return true;
}

// Roman numerals i..xx, as list markers use them.
[[nodiscard]] inline int roman_value(std::string_view w) noexcept {
  static constexpr std::string_view romans[] = {"i",   "ii",  "iii",  "iv",  "v",  "vi",  "vii",
                                                "viii", "ix", "x",    "xi",  "xii", "xiii", "xiv",
                                                "xv",  "xvi", "xvii", "xviii", "xix", "xx"};
  if (w.empty() || w.size() > 5 || w.find_first_not_of("ivxIVX") != std::string_view::npos) return 0;
  for (std::size_t k = 0; k < std::size(romans); ++k) {
    if (iequals(w, romans[k])) return static_cast<int>(k) + 1;
  }
  return 0;
}

// A list marker: "1." "2)" "1.)" "a." "b)" "(c)" "iv)" "(iii)", standing between white space.
struct list_marker {
  enum style_t : std::uint8_t { none, dot, paren, dot_paren, parens };
  std::uint32_t first = 0;  // its first token
  std::uint32_t end = 0;    // one past its last token
  style_t style = none;
  bool upper = false;
  std::uint8_t number = 0;  // 1-99 when it is a number
  std::uint8_t letter = 0;  // 1-26 when it is a single letter
  std::uint8_t roman = 0;   // 1-20 when it reads as a Roman numeral
  [[nodiscard]] explicit operator bool() const noexcept { return style != none; }

  [[nodiscard]] bool starts_list() const noexcept { return number == 1 || letter == 1 || roman == 1; }

  // Whether this marker comes next after prev in a list: "b)" after "a)", "iii." after "ii.".
  [[nodiscard]] bool follows(const list_marker& prev) const noexcept {
    if (!prev || prev.style != style) return false;
    if (number && prev.number && number == prev.number + 1) return true;
    if (letter && prev.letter && upper == prev.upper && letter == prev.letter + 1) return true;
    return roman && prev.roman && upper == prev.upper && roman == prev.roman + 1;
  }
};

// The list marker whose closing "." or ")" is token e, if there is one.
[[nodiscard]] inline list_marker marker_ending_at(std::string_view text, const std::vector<token>& toks,
                                                  std::uint32_t e) noexcept {
  list_marker m;
  const auto n = static_cast<std::uint32_t>(toks.size());
  if (e == 0 || e >= n) return m;
  const token& c = toks[e];
  if (c.kind != token_kind::punctuation || c.size() != 1 || c.has(space_before)) return m;
  if (e + 1 < n && !toks[e + 1].has(space_before)) return m;  // "1.5", "a.m" are no markers
  const char ch = text[c.begin];
  if (ch != '.' && ch != ')') return m;
  std::uint32_t v = e - 1;
  auto style = ch == '.' ? list_marker::dot : list_marker::paren;
  if (ch == ')' && v > 0 && is_one_char(toks[v], text, '.') && !toks[v].has(space_before)) {
    style = list_marker::dot_paren;  // "1.)"
    --v;
  }
  const token& x = toks[v];
  const std::string_view w = x.of(text);
  if (is_small_number(x, text, 2)) {
    m.number = static_cast<std::uint8_t>(w.size() == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0'));
  } else if (x.kind == token_kind::word && !x.has(abbreviation)) {
    const char l = w[0];
    if (w.size() == 1 && ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z'))) {
      m.upper = l <= 'Z';
      m.letter = static_cast<std::uint8_t>(ascii_lower(l) - 'a' + 1);
    }
    m.roman = static_cast<std::uint8_t>(roman_value(w));
    if (m.roman && !m.letter) m.upper = l == 'I' || l == 'V' || l == 'X';
    if (!m.letter && !m.roman) return m;
  } else {
    return m;
  }
  std::uint32_t first = v;
  if (style == list_marker::paren && v > 0 && is_one_char(toks[v - 1], text, '(') && !x.has(space_before)) {
    style = list_marker::parens;  // "(c)"
    first = v - 1;
  } else if (v > 0 && !x.has(space_before)) {
    return list_marker{};  // glued to what precedes it: "U2)", "f(x)."
  }
  m.first = first;
  m.end = e + 1;
  m.style = style;
  return m;
}

// The list marker that starts at token i, if there is one.
[[nodiscard]] inline list_marker marker_starting_at(std::string_view text, const std::vector<token>& toks,
                                                    std::uint32_t i) noexcept {
  for (std::uint32_t e = i + 1; e <= i + 2 && e < toks.size(); ++e) {
    const list_marker m = marker_ending_at(text, toks, e);
    if (m && m.first == i) return m;
  }
  return {};
}

// Whether tokens [first, end) are nothing but a list marker or bullets: "1.", "• 9.", "Q." of a Q-and-A.
[[nodiscard]] inline bool only_marker(std::string_view text, const std::vector<token>& toks, std::uint32_t first,
                                      std::uint32_t end) noexcept {
  if (end <= first || end - first > 5) return false;
  std::uint32_t k = first;
  while (k < end && is_bullet(toks[k], text)) ++k;
  if (k == end) return k > first;
  const token& t = toks[k];
  if (end - k == 1) {  // "Q." "A.": one capital letter and its period
    return t.kind == token_kind::word && t.has(abbreviation) && t.size() == 2 && text[t.begin] >= 'A' &&
           text[t.begin] <= 'Z';
  }
  const list_marker m = marker_ending_at(text, toks, end - 1);
  return m && m.first == k;
}

// Whether the line that token i opens with "(" goes on after the bracket closes ("(12 m) before the",
// "(365.8 m)."): then it continues the line before; a line that is only a bracket is a caption.
[[nodiscard]] inline bool bracket_goes_on(std::string_view text, const std::vector<token>& toks, std::uint32_t i) noexcept {
  if (!is_one_char(toks[i], text, '(')) return false;
  const auto n = static_cast<std::uint32_t>(toks.size());
  for (std::uint32_t k = i + 1; k < n && k < i + 32 && !toks[k].has(line_break_before); ++k) {
    if (is_one_char(toks[k], text, ')')) return k + 1 < n && !toks[k + 1].has(line_break_before);
  }
  return false;
}

// Whether the bracket that token i opens closes on its line and an opening quote follows it.
[[nodiscard]] inline bool quotation_after_aside(std::string_view text, const std::vector<token>& toks,
                                                std::uint32_t i) noexcept {
  const auto n = static_cast<std::uint32_t>(toks.size());
  for (std::uint32_t k = i + 1; k < n && k < i + 64 && !toks[k].has(line_break_before); ++k) {
    if (is_one_char(toks[k], text, '(')) return false;
    if (is_one_char(toks[k], text, ')')) {
      return k + 1 < n && toks[k + 1].kind == token_kind::open_quote && !toks[k + 1].has(line_break_before);
    }
  }
  return false;
}

// Footnote and citation marks after a full stop: "martyr.[1]", "large.[7][8]", "(1987).1", "consultation.11 12".
// Given the last token j before a possible boundary, returns the index of the full stop they follow, or j
// when there are none.
[[nodiscard]] inline std::uint32_t skip_citations(std::string_view text, const std::vector<token>& toks,
                                                  std::uint32_t j) noexcept {
  std::uint32_t k = j;
  bool any = false;
  while (k >= 3 && is_one_char(toks[k], text, ']') && !toks[k].has(space_before) &&
         is_small_number(toks[k - 1], text, 3) && !toks[k - 1].has(space_before) &&
         is_one_char(toks[k - 2], text, '[') && !toks[k - 2].has(space_before)) {
    k -= 3;
    any = true;
  }
  if (!any) {
    for (std::uint32_t count = 0; count < 3 && k > 0 && is_small_number(toks[k], text, 3); ++count, --k) {
      if (!toks[k].has(space_before)) {
        any = true;
        --k;
        break;
      }
    }
  }
  if (!any) return j;
  std::uint32_t t = k;
  while (t > 0 && is_closer(toks[t], text)) --t;
  return toks[t].kind == token_kind::punctuation && is_terminal_punct(toks[t].of(text)) ? k : j;
}

}  // namespace detail
}  // namespace v0
}  // namespace quarry
