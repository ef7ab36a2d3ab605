// quarry/extract/quantity_reader.hpp: the number part of an amount: digits with separators,
// fused multipliers and units ("1.5bn", "30ft", "3M"), fractions ("1/5", "2 1/2", "½", "half an
// hour", "two thirds", "one and a quarter"), negatives ("minus 5", "−2"), number words of any length
// ("seven hundred twenty-one thousand twelve", "three crore twelve lakh"), and currency prefixes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/extract/dates.hpp"
#include "quarry/extract/quantity_measures.hpp"
#include "quarry/lexicon/currencies.hpp"
#include "quarry/lexicon/numbers.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"
#include "quarry/lexicon/units.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

struct quantity_options {
  // Also report amounts without a number ("several strikes", "multiple missiles") with no value.
  // "scores of" is always reported (no value); round plurals ("thousands of") always give a lower bound.
  bool vague = false;
};

namespace detail {

// Reads the number at a token; the quantity finder completes it into an amount.
class amount_reader : protected measure_reader {
 public:
  amount_reader(const amount_tokens& t, const std::vector<std::uint8_t>& blocked, const quantity_options& o)
      : measure_reader(t, blocked), opt_(o) {}

 protected:
  const quantity_options& opt_;

  // A currency written before the number: "$", "£", "US$", "A$", "RM", "USD". Returns the index
  // into quarry::currencies or -1; symbol_last is the token after it.
  [[nodiscard]] int currency_prefix(std::size_t i, std::size_t& after) const noexcept {
    if (!ok(i)) return -1;
    std::string_view s = t_.str(i);
    if (is_symbol(i)) {
      for (std::size_t c = 0; c < currencies.size(); ++c) {
        bool hit = false;
        for_each_word(currencies[c].prefixes, [&](std::string_view p) { if (p == s) hit = true; });
        if (hit) { after = i + 1; return static_cast<int>(c); }
      }
      return -1;
    }
    // letters glued to "$": "US$", "A$", "NZ$", "HK$"
    if (t_.is_word(i) && is_symbol(i + 1) && t_.str(i + 1) == "$" && t_.glued(i + 1) && s.size() <= 3) {
      for (std::size_t c = 0; c < currencies.size(); ++c) {
        bool hit = false;
        for_each_word(currencies[c].prefixes, [&](std::string_view p) {
          if (p.size() == s.size() + 1 && p.back() == '$' && p.substr(0, s.size()) == s) hit = true;
        });
        if (hit) { after = i + 2; return static_cast<int>(c); }
      }
    }
    // a code or letter prefix standing before the number: "USD 5m", "RM 500", "Rs. 200"
    if (const word_info* w = t_.info(i); w && w->is(w_currency_prefix) && w->currency >= 0 && t_.tok(i).has(capitalized)) {
      after = i + 1;
      if (t_.is_punct(after, '.') && t_.glued(after)) ++after;  // "Rs. 500"
      return w->currency;
    }
    return -1;
  }

  // Applies a fused or following multiplier and the metres/million reading of "m".
  [[nodiscard]] bool numeral_core(std::size_t i, std::size_t from, amount_core& c) const {
    // parse over the text, not the token: "RM900,000" is tokenized "RM900" "," "000"
    const offset_t begin = t_.tok(i).begin + static_cast<offset_t>(from);
    const auto n = numbers::parse_numeral(t_.text().substr(begin));
    if (!n.ok()) return false;
    const offset_t stop = begin + static_cast<offset_t>(n.length);
    std::size_t li = i;
    while (stop > t_.tok(li).end && li + 1 < t_.size() && t_.glued(li + 1) && t_.tok(li + 1).begin < stop) ++li;
    if (stop > t_.tok(li).end) return false;
    i = li;
    std::string_view s = t_.text().substr(begin, t_.tok(li).end - begin);
    if (n.leading_zero && n.integral()) return false;            // "0845", "007": codes and phones
    if (n.integral() && !n.grouped && !n.dot_grouped && n.int_digits > 7) return false;  // ids
    std::string_view rest = s.substr(n.length);
    double v = n.value;
    // "1.000 people": a lone dot group of three before a counted noun is a thousands separator
    if (n.frac_digits == 3 && n.int_digits <= 3 && rest.empty() && !n.grouped && next_is_plural_noun(i + 1))
      v = std::round(v * 1000);
    c.value = v;
    c.last = i + 1;
    if (rest.empty()) {
      feet_and_inches(i, c);
      return true;
    }
    if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return false;  // ordinals
    if (rest == "s" || rest == "am" || rest == "pm" || rest == "a.m." || rest == "p.m.") return false;
    if (rest[0] == '-' || rest[0] == '+') return hyphen_tail(i, stop - t_.tok(i).begin, rest, c);
    // fused multiplier: "1.5bn", "£300m", "3.2m"
    const span rest_where{stop, static_cast<offset_t>(stop + rest.size())};
    if (rest == "m" || rest == "M") {
      c.ambiguous_m = true;
      c.m_value = v;
      c.unit = "m";
      c.unit_where = rest_where;
      return true;
    }
    for (const auto& m : numbers::fused_multipliers) {
      if (equal_folded(m.word, rest)) {
        c.value = v * m.value;
        return true;
      }
    }
    for (const auto& u : fused_units) {
      if (u.suffix == rest || (u.kind != unit_kind::temperature && equal_folded(u.suffix, rest))) {
        c.unit = u.code;
        c.unit_where = rest_where;
        return true;
      }
    }
    return false;  // "5G", "4x4", "3D": names and codes
  }

  // Heights: 5' 10" or 5′10″ -> 5.8333 ft.
  void feet_and_inches(std::size_t i, amount_core& c) const {
    auto mark = [&](std::size_t k, bool inch) {
      if (k >= t_.size() || !t_.glued(k)) return false;
      std::string_view s = t_.str(k);
      return inch ? (s == "\"" || s == "″" || s == "”") : (s == "'" || s == "′" || s == "’");
    };
    if (!mark(i + 1, false) || !t_.is_number(i + 2) || !mark(i + 3, true)) return;
    const auto in = numbers::parse_numeral(t_.str(i + 2));
    if (!in.ok() || in.length != t_.str(i + 2).size() || in.value >= 12) return;
    c.value = *c.value + in.value / 12;
    c.unit = "ft";
    c.unit_where = t_.tok(i + 1).where();
    c.last = i + 4;
  }

  // "10-20", "6-4", "10-year-old", "24-carat", "50-odd", "60-plus".
  [[nodiscard]] bool hyphen_tail(std::size_t i, std::size_t at, std::string_view rest, amount_core& c) const {
    if (rest == "+") { c.approx = approximation::at_least; return true; }
    std::string_view tail = rest.substr(1);
    const auto n2 = numbers::parse_numeral(tail);
    if (n2.ok() && !n2.negative) {
      std::string_view after = tail.substr(n2.length);
      const double lo = *c.value;
      if (n2.value <= lo) return false;                         // a score: "6-4", "2-2"
      if (n2.int_digits >= 4 && !n2.grouped && lo >= 100) return false;  // "555-1234"
      double hi = n2.value;
      if (!after.empty()) {
        // "5-10m", "10-20km"
        bool known = false;
        for (const auto& m : numbers::fused_multipliers)
          if (equal_folded(m.word, after) && after != "m") { hi *= m.value; c.value = lo * m.value; known = true; }
        for (const auto& u : fused_units)
          if (!known && u.suffix == after) {
            c.unit = u.code;
            c.unit_where = sub(i, at + 1 + n2.length, after.size());
            known = true;
          }
        if (!known) return false;
      }
      c.value_max = hi;
      return true;
    }
    // a word after the hyphen: the first part names what is counted ("three-set", "36-year-old")
    std::size_t wlen = 0;
    while (wlen < tail.size() && ((tail[wlen] >= 'a' && tail[wlen] <= 'z') || (tail[wlen] >= 'A' && tail[wlen] <= 'Z')))
      ++wlen;
    if (wlen == 0) return false;
    std::string_view word = tail.substr(0, wlen);
    if (equal_folded("odd", word)) { c.approx = approximation::about; return true; }
    if (equal_folded("plus", word)) { c.approx = approximation::at_least; return true; }
    if (const word_info* w = t_.lexicon().find(word)) {
      if (w->is(w_multiplier)) { c.value = *c.value * w->value; return true; }
      if (w->is(w_unit)) c.unit = units[static_cast<std::size_t>(w->unit)].code;
      if (w->is(w_stop | w_ordinal)) return false;
    }
    c.unit_where = sub(i, at + 1, wlen);
    return true;
  }

  [[nodiscard]] bool next_is_plural_noun(std::size_t k) const noexcept {
    if (!t_.is_word(k) || t_.has(k, w_stop | w_unit | w_currency)) return false;
    return plural_like(k);
  }

  [[nodiscard]] bool plural_like(std::size_t k) const noexcept {
    if (!t_.is_word(k)) return false;
    if (t_.has(k, w_plural_noun)) return true;
    std::string_view s = t_.str(k);
    if (s.size() < 3 || s.back() != 's' || t_.tok(k).has(all_caps)) return false;
    const char p = s[s.size() - 2];
    return p != 's' && p != 'u' && p != 'i' && p != '\'';
  }

  // "of", "of a" or "of an" before a unit ("three quarters of an hour", "a tenth of a gallon"):
  // the unit's token, else k.
  [[nodiscard]] std::size_t of_unit(std::size_t k) const noexcept {
    if (!t_.is(k, "of")) return k;
    std::size_t u = k + 1;
    if (t_.is(u, "a") || t_.is(u, "an")) ++u;
    return ok(u) && t_.is_word(u) && t_.has(u, w_unit) ? u : k;
  }

  // A fraction after a whole number, from "and" at token j: "and a half", "and three quarters",
  // "and quarter". Returns the tokens it takes (0 when none) and the fraction in add.
  [[nodiscard]] std::size_t and_fraction(std::size_t j, double& add) const noexcept {
    if (!t_.is(j, "and") || !ok(j + 1)) return 0;
    std::size_t k = j + 1;
    double count = 1;
    const bool article = t_.is(k, "a") || t_.is(k, "an");
    if (article) {
      ++k;
    } else if (const double v = t_.word_number(k); v > 0 && v < 10 && t_.has(k + 1, w_fraction)) {
      count = v;
      ++k;
    }
    const word_info* f = t_.info(k);
    if (!ok(k) || !f || !f->is(w_fraction) || t_.is(k, "halves")) return 0;
    // "and third", "and fifth" are ranks; "and a third", "and two fifths" are fractions
    if (f->is(w_ordinal) && k == j + 1) return 0;
    add = count * f->value;
    if (add >= 1) return 0;
    return k + 1 - j;
  }

  // A proper fraction in digits at token i: "1/5", "3/4" (cup), "1/2h". The caller decides from
  // the context whether it is not a date ("9/11") or a ratio; "24/7" and "1/2/2024" never are.
  [[nodiscard]] bool digit_fraction(std::size_t i, amount_core& c) const {
    if (!t_.is_number(i) || !t_.is_punct(i + 1, '/') || !t_.glued(i + 1) || !t_.glued(i + 2) ||
        !t_.is_number(i + 2) || !ok(i + 2))
      return false;
    if (i > 0 && t_.glued(i) && (t_.is_number(i - 1) || t_.is_punct(i - 1, '/') || t_.is_punct(i - 1, ':') ||
                                 t_.is_punct(i - 1, '.')))
      return false;
    const auto plain = [&](std::size_t k, bool whole) {
      const auto n = numbers::parse_numeral(t_.str(k));
      return n.ok() && n.integral() && !n.grouped && !n.dot_grouped && !n.negative && !n.leading_zero &&
                     n.value > 0 && (!whole || n.length == t_.str(k).size())
                 ? n.value
                 : 0.0;
    };
    const double num = plain(i, true);
    const double den = plain(i + 2, false);
    if (num == 0 || den == 0 || num >= den) return false;
    amount_core d;
    if (!numeral_core(i + 2, 0, d) || d.value_max || d.ambiguous_m || *d.value != den) return false;
    if (ok(d.last) && t_.glued(d.last) &&
        (t_.is_number(d.last) || t_.is_punct(d.last, '/') || t_.is_punct(d.last, '-') || t_.is_punct(d.last, ':')))
      return false;  // "1/2/2024"
    c.value = num / den;
    c.unit = d.unit;
    c.unit_where = d.unit_where;
    c.last = d.last;
    return true;
  }

  // Whether a digit fraction at [c.first, c.last) reads as one: with a unit, before "of", or alone
  // at the end of a phrase not after a date word ("on 7/10", "since 9/11", "the 9/11 attacks").
  [[nodiscard]] bool fraction_in_context(amount_core& c) const noexcept {
    if (!c.unit_where.empty()) return true;
    const std::size_t u = of_unit(c.last);
    if (u != c.last || (t_.is_word(c.last) && t_.has(c.last, w_unit) && ok(c.last))) {
      c.last = u;
      return true;
    }
    const std::size_t i = c.first;
    if (i > 0 && !t_.starts_sentence(i) && t_.has(i - 1, w_date_preposition | w_determiner | w_number_label))
      return false;
    if (t_.is(c.last, "of")) {
      c.fraction = true;
      return true;
    }
    return clause_end(c.last);
  }

  // A number written in words from token i: "three", "twenty-five", "two hundred and fifty",
  // "a dozen", "a third", "two-thirds", "half", "thousands", "tens of thousands".
  [[nodiscard]] bool words_core(std::size_t i, amount_core& c) const {
    const word_info* w = t_.info(i);
    std::string_view s = t_.str(i);
    c.word_number = true;
    // hyphenated: "two-thirds", "one-third", "three-set", "two-time", "twenty-five"
    if (!w && t_.tok(i).has(hyphenated)) {
      if (double v = t_.word_number(i)) {
        c.value = v;
        c.last = i + 1;
        return more_words(c);
      }
      const auto dash = s.find('-');
      const word_info* head = t_.lexicon().find(s.substr(0, dash));
      std::string_view tail = s.substr(dash + 1);
      // "half-litre", "quarter-mile": a fraction of one unit
      if (head && head->is(w_fraction) && (s.substr(0, dash) == "half" || s.substr(0, dash) == "quarter" ||
                                           s.substr(0, dash) == "Half" || s.substr(0, dash) == "Quarter")) {
        const word_info* tw = t_.lexicon().find(tail);
        if (!tw || !tw->is(w_unit) || tail.find('-') != std::string_view::npos) return false;
        c.value = head->value;
        c.unit = units[static_cast<std::size_t>(tw->unit)].code;
        c.unit_where = sub(i, dash + 1, tail.size());
        c.last = i + 1;
        return true;
      }
      if (!head || !head->is(w_cardinal)) return false;
      const auto dash2 = tail.find('-');
      std::string_view word = tail.substr(0, dash2);
      const word_info* tw = t_.lexicon().find(word);
      if (tw && tw->is(w_fraction) && !tw->is(w_period)) {
        if (dash2 != std::string_view::npos) return false;
        c.value = head->value * tw->value;
        c.fraction = true;
        c.last = i + 1;
        return true;
      }
      if (tw && (tw->is(w_ordinal | w_stop | w_cardinal))) return false;  // "twenty-first"
      if (head->value == 1 && !(tw && tw->is(w_unit))) return false;  // "one-off", "one-time"
      for (char ch : word)
        if (!((ch >= 'a' && ch <= 'z'))) return false;
      c.value = head->value;
      c.last = i + 1;
      if (tw && tw->is(w_unit)) c.unit = units[static_cast<std::size_t>(tw->unit)].code;
      c.unit_where = sub(i, dash + 1, word.size());
      return true;
    }
    if (!w) return false;
    // "a dozen", "a hundred", "a third of", "a million", "an estimated" is a cue, not a number
    if (t_.is(i, "a") || t_.is(i, "an")) {
      const word_info* nx = t_.info(i + 1);
      if (!nx || !ok(i + 1)) return false;
      if (nx->is(w_multiplier) || (nx->is(w_dozen) && t_.is(i + 1, "dozen"))) {
        c.value = nx->value;
        c.last = i + 2;
        return more_words(c);
      }
      if (one_unit_after_a(i)) {
        c.value = 1;
        c.last = i + 1;
        return true;
      }
      if (nx->is(w_fraction) && !t_.is(i + 1, "halves") && of_unit(i + 2) != i + 2) {
        c.value = nx->value;  // "a tenth of a gallon", "a quarter of an hour"
        c.last = of_unit(i + 2);
        return true;
      }
      if (nx->is(w_fraction) && !t_.is(i + 1, "halves") && t_.is(i + 2, "of")) {
        c.value = nx->value;
        c.fraction = true;
        c.last = i + 2;
        return true;
      }
      return false;
    }
    // a fraction of one unit: "fourth of a litre", "half hour", "quarter mile"
    if (w->is(w_fraction) && !t_.is(i, "halves") && !t_.has(i, w_unit)) {
      const bool prev_rank = i > 0 && !t_.starts_sentence(i) && t_.has(i - 1, w_ordinal);
      if (const std::size_t u = of_unit(i + 1); u != i + 1 && !prev_rank) {
        c.value = w->value;
        c.last = u;
        return true;
      }
      if ((t_.is(i, "half") || t_.is(i, "quarter")) && !prev_rank && ok(i + 1) && t_.is_word(i + 1) &&
          t_.has(i + 1, w_unit)) {
        c.value = w->value;
        c.last = i + 1;
        return true;
      }
    }
    if (t_.is(i, "half")) {
      // "half of the", "half the", "half a million", "half an hour"
      if (t_.is(i + 1, "a") || t_.is(i + 1, "an")) {
        const word_info* nx = t_.info(i + 2);
        if (nx && (nx->is(w_multiplier) || t_.is(i + 2, "dozen"))) {
          c.value = 0.5 * nx->value;
          c.last = i + 3;
          return true;
        }
        if (nx && nx->is(w_unit)) {
          c.value = 0.5;
          c.last = i + 2;
          return true;
        }
        return false;
      }
      if (t_.is(i + 1, "of") || t_.is(i + 1, "the") || t_.tok(i + 1 < t_.size() ? i + 1 : i).has(possessive) ||
          t_.is(i + 1, "its") || t_.is(i + 1, "their") || t_.is(i + 1, "his") || t_.is(i + 1, "her")) {
        c.value = 0.5;
        c.fraction = true;
        c.last = i + 1;
        return true;
      }
      return false;
    }
    if (w->is(w_round_plural)) {
      // "thousands of", "tens of thousands of", "hundreds of millions of"
      double v = w->value;
      std::size_t j = i + 1;
      if (t_.is(j, "of") && t_.has(j + 1, w_round_plural) && t_.info(j + 1)->value > v) {
        v *= t_.info(j + 1)->value;
        j += 2;
      }
      if (!t_.is(j, "of") && (t_.is(i, "tens") || t_.is(i, "dozens"))) return false;
      c.value = v;
      c.round = true;
      c.approx = approximation::at_least;
      c.last = j;
      return true;
    }
    if (w->is(w_vague)) {
      if (t_.is(i, "scores") ? !t_.is(i + 1, "of") && !t_.is(i + 1, "dead") && !t_.is(i + 1, "killed") &&
                                   !t_.is(i + 1, "injured") && !t_.is(i + 1, "were")
                             : !opt_.vague)
        return false;
      // "several hundred", "a few thousand": a multiplier gives a lower bound
      if (t_.has(i + 1, w_multiplier) && !t_.is(i + 1, "bn")) {
        c.value = t_.info(i + 1)->value;
        c.approx = approximation::at_least;
        c.last = i + 2;
        return true;
      }
      c.vague = true;
      c.last = i + 1;
      return true;
    }
    if (w->is(w_cardinal)) {
      c.value = w->value;
      c.last = i + 1;
      // "twenty five"
      if (w->value >= 20 && w->value <= 90 && t_.has(i + 1, w_cardinal) && t_.info(i + 1)->value < 10 &&
          t_.info(i + 1)->value > 0) {
        c.value = w->value + t_.info(i + 1)->value;
        c.last = i + 2;
      }
      if (w->value == 1 && c.last == i + 1) c.bare_one = true;
      const bool grew = more_words(c);
      if (c.last > i + 1) c.bare_one = false;
      return grew;
    }
    if (w->is(w_fraction) && !w->is(w_ordinal) && !t_.is(i, "quarter") && !t_.is(i, "half")) return false;
    return false;
  }

  // "a dollar", "an hour", "a kilogram": a or an as one before a unit, but not in a rate ("$3 a
  // gallon", "twice a day", "three meals a day") nor in idioms of ordinals and degrees.
  [[nodiscard]] bool one_unit_after_a(std::size_t i) const {
    const std::size_t u = i + 1;
    if (!ok(u) || !t_.is_word(u)) return false;
    const bool unit = t_.has(u, w_unit) && !t_.is(u, "second") && !t_.is(u, "degree") && !t_.is(u, "ton") &&
                      !t_.is(u, "tons") && !t_.is(u, "cup") && !t_.is(u, "foot");
    const bool money = !unit && t_.has(u, w_currency) && t_.str(u).size() >= 4 && !t_.tok(u).has(all_caps);
    if (!unit && !money) return false;
    if (i > 0 && !t_.starts_sentence(i)) {
      const std::size_t p = i - 1;
      if (t_.is_number(p) || t_.word_number(p) > 0 || t_.has(p, w_unit | w_currency | w_multiplier | w_percent) ||
          is_symbol(p) || t_.is(p, "per") || t_.is(p, "times") || t_.is(p, "once") || t_.is(p, "twice") ||
          t_.is(p, "thrice") || (plural_like(p) && !t_.has(p, w_stop | w_verb_past)))
        return false;
    }
    // a unit of time says "one" only after a preposition or verb of being ("for a month", "was an
    // hour") or before a closing word ("a day earlier"), not in "a day like today"
    if (unit && units[static_cast<std::size_t>(t_.info(u)->unit)].kind == unit_kind::time) {
      const bool before = i > 0 && !t_.starts_sentence(i) && t_.has(i - 1, w_stop | w_cue_end | w_verb_past);
      const bool after = clause_end(u + 1) || t_.is(u + 1, "earlier") || t_.is(u + 1, "later") || t_.is(u + 1, "ago");
      if (!before && !after) return false;
    }
    return true;
  }

  // "two hundred and fifty", "three million", "two dozen", "two and a half".
  [[nodiscard]] bool more_words(amount_core& c) const {
    double total = 0, current = *c.value;
    std::size_t j = c.last;
    for (;;) {
      if (!ok(j)) break;
      const word_info* w = t_.info(j);
      if (w && w->is(w_multiplier)) {
        if (w->value == 100) current *= 100;
        else { total += current * w->value; current = 0; }
        ++j;
        continue;
      }
      if (w && t_.is(j, "dozen")) { current *= 12; ++j; continue; }
      if (t_.is(j, "and") && current >= 100 && t_.has(j + 1, w_cardinal)) {
        double v = t_.info(j + 1)->value;
        j += 2;
        if (v >= 20 && t_.has(j, w_cardinal) && t_.info(j)->value < 10) { v += t_.info(j)->value; ++j; }
        current += v;
        continue;
      }
      if (double add = 0; const std::size_t n = and_fraction(j, add)) {
        current += add;
        j = of_unit(j + n);
        continue;
      }
      if (w && w->is(w_cardinal) && current >= 100 && static_cast<long>(current) % 100 == 0 && w->value < 100) {
        current += w->value;
        ++j;
        continue;
      }
      break;
    }
    // "three quarters of an hour", "two thirds of the vote": a count of a plural fraction
    if (const word_info* f = t_.info(j); f && total == 0 && current >= 1 && current < 10 && ok(j) &&
                                         f->is(w_fraction) && !t_.is(j, "halves") && t_.str(j).back() == 's') {
      if (const std::size_t u = of_unit(j + 1); u != j + 1) {
        current *= f->value;
        j = u;
      } else if (t_.is(j + 1, "of")) {
        current *= f->value;
        c.fraction = true;
        ++j;
      }
    }
    c.value = total + current;
    c.last = j;
    return true;
  }

  // Finds the number at token i; false when i does not start an amount.
  [[nodiscard]] bool core_at(std::size_t i, amount_core& c) const {
    c.first = i;
    const token& tk = t_.tok(i);
    std::size_t after = i;
    if (const int cur = currency_prefix(i, after); cur >= 0) {
      if (!ok(after) || !t_.is_number(after)) return false;
      if (!numeral_core(after, 0, c)) return false;
      c.currency = cur;
      c.currency_where = t_.where(i, after);
      money_multiplier(c);
      return true;
    }
    if (tk.kind == token_kind::number) {
      if (digit_fraction(i, c)) return fraction_in_context(c);
      if (!numeral_core(i, 0, c)) return false;
      if (c.ambiguous_m) resolve_m(c);
      whole_and_fraction(c);
      // "1.5 million barrels", "3 billion"
      if (c.unit_where.empty() && !c.value_max && ok(c.last) && t_.has(c.last, w_multiplier)) {
        c.value = *c.value * t_.info(c.last)->value;
        ++c.last;
      }
      return true;
    }
    if (tk.kind == token_kind::word) {
      // a currency prefix fused to the digits: "RM6.162", "Rs500"
      if (tk.has(has_digit)) {
        std::string_view s = t_.str(i);
        std::size_t k = 0;
        while (k < s.size() && ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z') || s[k] == '.')) ++k;
        if (k == 0 || k >= s.size() || s[k] < '0' || s[k] > '9') return false;
        const word_info* w = t_.lexicon().find(s.substr(0, k));
        if (!w || !w->is(w_currency_prefix) || w->currency < 0 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
        if (!numeral_core(i, k, c)) return false;
        c.currency = w->currency;
        c.currency_where = sub(i, 0, k);
        money_multiplier(c);
        return true;
      }
      return words_core(i, c);
    }
    return false;
  }

  // A whole number in digits followed by a fraction: "2 1/2 cups", "5 and a half minutes".
  void whole_and_fraction(amount_core& c) const {
    if (!c.unit_where.empty() || c.value_max || !c.value || *c.value != std::floor(*c.value) || *c.value < 0) return;
    amount_core part;
    part.first = c.last;
    if (ok(c.last) && !t_.glued(c.last) && digit_fraction(c.last, part)) {
      c.value = *c.value + *part.value;
      c.unit = part.unit;
      c.unit_where = part.unit_where;
      c.last = of_unit(part.last);
      return;
    }
    double add = 0;
    if (const std::size_t n = and_fraction(c.last, add)) {
      c.value = *c.value + add;
      c.last = of_unit(c.last + n);
    }
  }

  void money_multiplier(amount_core& c) const {
    if (c.ambiguous_m) {
      c.value = c.m_value * 1e6;
      c.ambiguous_m = false;
      c.unit = {};
      c.unit_where = {};
    }
    if (t_.has(c.last, w_multiplier) && ok(c.last)) {
      c.value = *c.value * t_.info(c.last)->value;
      ++c.last;
    }
  }

  // "10m": million before a counted noun or "of", metres otherwise ("jumped 30ft (10m)").
  void resolve_m(amount_core& c) const {
    const std::size_t k = c.last;
    const bool million = t_.is(k, "of") || next_is_plural_noun(k) ||
                         (t_.is_word(k) && !t_.has(k, w_stop) && !t_.capitalized(k) && c.m_value != std::floor(c.m_value) &&
                          !t_.is(k, "tall") && !t_.is(k, "high") && !t_.is(k, "long") && !t_.is(k, "deep") &&
                          !t_.is(k, "wide") && !t_.is(k, "away"));
    if (million) {
      c.value = c.m_value * 1e6;
      c.unit = {};
      c.unit_where = {};
      c.ambiguous_m = false;
    }
  }
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
