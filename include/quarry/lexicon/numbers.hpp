// quarry/lexicon/numbers.hpp: how English news writes numbers.
// Number words ("three", "twenty-five", "a dozen"), multipliers ("million", "bn"), round plurals
// ("thousands of"), fractions ("a third", "two-thirds"), ordinals (never amounts), vague amounts,
// the approximation cues before a number ("an estimated", "more than", "up to"), and the parser of
// written numerals ("2,500", "1.5", "3.2m", "-5", "1.000.000") that reports what follows the digits.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "quarry/annotations.hpp"

namespace quarry {
inline namespace v0 {
namespace numbers {

struct word_value {
  std::string_view word;
  double value;
};

inline constexpr std::array<word_value, 28> cardinals = {{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},
}};

// Multiply what precedes: "3.2 million", "two hundred", "RM4.5 million", "$1.5bn".
inline constexpr std::array<word_value, 16> multipliers = {{
    {"hundred", 1e2},  {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
    {"bn", 1e9},       {"mn", 1e6},       {"mln", 1e6},     {"tn", 1e12},     {"trn", 1e12},
    {"lakh", 1e5},     {"crore", 1e7},    {"lakhs", 1e5},   {"crores", 1e7},
    {"lac", 1e5},      {"lacs", 1e5},
}};

// Suffixes fused to digits that multiply: "1.5bn", "£300m", "3.2m" (m is read as million only when
// money or a counted noun says so; otherwise metres, see units.hpp).
inline constexpr std::array<word_value, 8> fused_multipliers = {{
    {"k", 1e3}, {"m", 1e6}, {"bn", 1e9}, {"b", 1e9}, {"mn", 1e6}, {"mln", 1e6}, {"tn", 1e12}, {"trn", 1e12},
}};

// "thousands of US troops": a round plural gives its unit as a documented lower bound (approx
// at least), as the gold guidelines do for "thousands" -> 1000.
inline constexpr std::array<word_value, 9> round_plurals = {{
    {"tens", 10},        {"dozens", 12},        {"hundreds", 100}, {"thousands", 1e3},
    {"millions", 1e6},   {"billions", 1e9},     {"trillions", 1e12}, {"lakhs", 1e5},
    {"crores", 1e7},
}};

// Fractions, read as shares: "a third of", "two-thirds", "half of", "three-quarters".
inline constexpr std::array<word_value, 22> fractions = {{
    {"half", 0.5},        {"halves", 0.5},       {"third", 1.0 / 3},   {"thirds", 1.0 / 3},
    {"quarter", 0.25},    {"quarters", 0.25},    {"fourth", 0.25},     {"fourths", 0.25},
    {"fifth", 0.2},       {"fifths", 0.2},       {"sixth", 1.0 / 6},   {"sixths", 1.0 / 6},
    {"seventh", 1.0 / 7}, {"sevenths", 1.0 / 7}, {"eighth", 0.125},    {"eighths", 0.125},
    {"ninth", 1.0 / 9},   {"ninths", 1.0 / 9},   {"tenth", 0.1},       {"tenths", 0.1},
    {"hundredth", 0.01},  {"hundredths", 0.01},
}};

// Ordinals are ranks, never amounts ("the first round", "his 200th match", "101st Airborne").
inline constexpr std::array<std::string_view, 34> ordinals = {
    "first",     "second",     "third",       "fourth",     "fifth",      "sixth",    "seventh",
    "eighth",    "ninth",      "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth",  "seventeenth", "eighteenth", "nineteenth", "twentieth",  "thirtieth",
    "fortieth",  "fiftieth",   "sixtieth",    "seventieth", "eightieth",  "ninetieth",  "hundredth",
    "thousandth", "millionth", "billionth",   "last",       "penultimate", "nth"};

// Amounts without a number. Reported with no value only when quantity_options::vague is set.
inline constexpr std::array<std::string_view, 7> vague_words = {
    "several", "multiple", "numerous", "scores", "countless", "many", "myriad"};

// Approximation cues, written before the number; the longest match wins.
struct cue {
  std::string_view phrase;  // lower-case words separated by one space
  approximation approx;
};
inline constexpr std::array<cue, 74> approximation_cues = {{
    {"about", approximation::about},           {"approximately", approximation::about},
    {"approx", approximation::about},          {"around", approximation::about},
    {"roughly", approximation::about},         {"some", approximation::about},
    {"an estimated", approximation::about},    {"estimated", approximation::about},
    {"circa", approximation::about},           {"nearly", approximation::nearly},
    {"almost", approximation::nearly},         {"close to", approximation::nearly},
    {"closer to", approximation::nearly},      {"just shy of", approximation::nearly},
    {"not quite", approximation::nearly},      {"more than", approximation::more_than},
    {"over", approximation::more_than},        {"above", approximation::more_than},
    {"upwards of", approximation::more_than},  {"upward of", approximation::more_than},
    {"in excess of", approximation::more_than}, {"just over", approximation::more_than},
    {"well over", approximation::more_than},   {"just above", approximation::more_than},
    {"well above", approximation::more_than},  {"a little over", approximation::more_than},
    {"slightly more than", approximation::more_than}, {"far more than", approximation::more_than},
    {"much more than", approximation::more_than}, {"well more than", approximation::more_than},
    {"just more than", approximation::more_than}, {"less than", approximation::less_than},
    {"fewer than", approximation::less_than},  {"under", approximation::less_than},
    {"below", approximation::less_than},       {"just under", approximation::less_than},
    {"just below", approximation::less_than},  {"just less than", approximation::less_than},
    {"slightly less than", approximation::less_than}, {"well under", approximation::less_than},
    {"well below", approximation::less_than},  {"at least", approximation::at_least},
    {"no fewer than", approximation::at_least}, {"no less than", approximation::at_least},
    {"a minimum of", approximation::at_least}, {"not less than", approximation::at_least},
    {"up to", approximation::up_to},           {"as many as", approximation::up_to},
    {"as much as", approximation::up_to},      {"as high as", approximation::up_to},
    {"at most", approximation::up_to},         {"no more than", approximation::up_to},
    {"not more than", approximation::up_to},   {"a maximum of", approximation::up_to},
    {"only", approximation::none},             {"just", approximation::none},
    {"a mere", approximation::none},           {"exactly", approximation::none},
    {"precisely", approximation::none},        {"barely", approximation::none},
    {"fully", approximation::none},            {"another", approximation::none},
    {"perhaps", approximation::about},         {"maybe", approximation::about},
    {"possibly", approximation::about},        {"an additional", approximation::none},
    {"exceeding", approximation::more_than},   {"higher than", approximation::more_than},
    {"greater than", approximation::more_than}, {"lower than", approximation::less_than},
    {"smaller than", approximation::less_than}, {"not exceeding", approximation::up_to},
    {"at the most", approximation::up_to},     {"at the least", approximation::at_least},
}};

// Cues written after the number: "60 or more", "50-odd", "100-plus", "30 or so".
inline constexpr std::array<cue, 6> trailing_cues = {{
    {"or more", approximation::at_least}, {"plus", approximation::at_least},
    {"or so", approximation::about},       {"odd", approximation::about},
    {"or fewer", approximation::up_to},    {"or less", approximation::up_to},
}};

// A numeral's digits and what follows them in the same token.
struct numeral {
  double value = 0;
  std::size_t length = 0;       // bytes of sign, digits, separators and decimals
  int int_digits = 0;           // digits before the decimal point (separators excluded)
  int frac_digits = 0;          // digits after it
  bool negative = false;
  bool grouped = false;         // has thousands separators: "2,500"
  bool dot_grouped = false;     // "1.000.000": dots as thousands separators (continental style)
  bool leading_zero = false;    // "0400", "0845": clock times, phone or code numbers, not amounts
  [[nodiscard]] bool ok() const noexcept { return length != 0; }
  [[nodiscard]] bool integral() const noexcept { return frac_digits == 0; }
};

// Parses the numeral at the start of s. Commas are thousands separators only in groups of three
// ("1,000,000"); a dot is a decimal point unless it repeats in groups of three ("1.000.000").
[[nodiscard]] constexpr numeral parse_numeral(std::string_view s) noexcept {
  numeral n;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    n.negative = s[i] == '-';
    ++i;
  }
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (!digit(i)) return n;
  if (s[i] == '0' && digit(i + 1)) n.leading_zero = true;
  double v = 0;
  std::size_t digits_in_group = 0;
  for (;;) {
    while (digit(i)) {
      v = v * 10 + (s[i] - '0');
      ++n.int_digits;
      ++digits_in_group;
      ++i;
    }
    // a comma followed by exactly three digits (and no fourth) continues the integer part
    if (i < s.size() && s[i] == ',' && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) &&
        digits_in_group <= 3) {
      n.grouped = true;
      digits_in_group = 0;
      ++i;
      continue;
    }
    break;
  }
  // continental thousands "1.000.000": two or more dot groups of three digits each
  if (!n.grouped && i < s.size() && s[i] == '.' && n.int_digits <= 3) {
    std::size_t k = i;
    int groups = 0;
    double w = v;
    while (k < s.size() && s[k] == '.' && digit(k + 1) && digit(k + 2) && digit(k + 3) && !digit(k + 4)) {
      w = w * 1000 + (s[k + 1] - '0') * 100 + (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
      k += 4;
      ++groups;
    }
    if (groups >= 2) {
      n.dot_grouped = true;
      n.int_digits += 3 * groups;
      n.value = n.negative ? -w : w;
      n.length = k;
      return n;
    }
  }
  if (i < s.size() && s[i] == '.' && digit(i + 1)) {
    ++i;
    double scale = 0.1;
    while (digit(i)) {
      v += (s[i] - '0') * scale;
      scale /= 10;
      ++n.frac_digits;
      ++i;
    }
  }
  n.value = n.negative ? -v : v;
  n.length = i;
  return n;
}

}  // namespace numbers
}  // namespace v0
}  // namespace quarry
