// quarry/extract/quantities.hpp: amounts in news text, with value, range, counted object,
// approximation and unit ("about 2,500 U.S. troops", "£300m", "65 percent of the surface",
// "between 10 and 20 people", "thousands of troops" -> at least 1000). Years, dates and clock times
// are left to quarry::dates, whose finder runs here too so the two never claim the same words.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/extract/dates.hpp"
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

inline constexpr std::size_t npos_token = static_cast<std::size_t>(-1);

// The number part of an amount, before its object is looked for.
struct amount_core {
  std::size_t first = 0, last = 0;  // tokens [first, last) holding currency, number and multiplier
  std::optional<double> value;
  std::optional<double> value_max;
  approximation approx = approximation::none;
  int currency = -1;                // index into quarry::currencies
  span currency_where;              // the symbol, code or word that names the currency
  std::string_view unit;            // unit code for measures
  span unit_where;                  // the unit's words (or the fused suffix "ft" of "30ft")
  bool percent = false;
  bool fraction = false;            // a share: look for "of X"
  bool round = false;               // "thousands": lower bound, look for "of X"
  bool vague = false;
  bool bare_one = false;            // the word "one": needs a counted noun to be an amount
  bool word_number = false;         // written in words
  bool ambiguous_m = false;         // "10m": metres unless money or a counted noun says million
  double m_value = 0;               // the digits of an ambiguous "10m"
};

class quantity_finder {
 public:
  quantity_finder(const amount_tokens& t, const std::vector<std::uint8_t>& blocked, const quantity_options& o)
      : t_(t), blocked_(blocked), opt_(o) {}

  template <class Emit>
  void run(Emit&& emit) const {
    const std::size_t n = t_.size();
    std::size_t i = 0;
    while (i < n) {
      if (blocked_[i]) { ++i; continue; }
      amount_core c;
      if (!core_at(i, c)) { ++i; continue; }
      quantity q;
      std::size_t end = c.last;
      if (complete(c, q, end)) {
        emit(std::move(q));
        i = end > i ? end : i + 1;
      } else {
        i = std::max({end, c.last, i + 1});
      }
    }
  }

 private:
  const amount_tokens& t_;
  const std::vector<std::uint8_t>& blocked_;
  const quantity_options& opt_;

  [[nodiscard]] bool ok(std::size_t i) const noexcept { return i < t_.size() && !blocked_[i]; }
  [[nodiscard]] span sub(std::size_t i, std::size_t from, std::size_t len) const noexcept {
    const offset_t b = t_.tok(i).begin + static_cast<offset_t>(from);
    return {b, static_cast<offset_t>(b + len)};
  }
  // A word's span without the sentence's full stop that an abbreviation-like token took ("mph.").
  [[nodiscard]] span word_where(std::size_t k) const noexcept {
    span w = t_.tok(k).where();
    std::string_view s = t_.str(k);
    if (s.size() > 2 && s.back() == '.' && s.find('.') == s.size() - 1) --w.end;
    return w;
  }
  [[nodiscard]] bool is_symbol(std::size_t i) const noexcept {
    return i < t_.size() && t_.tok(i).kind == token_kind::symbol;
  }

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
      if (!head || !head->is(w_cardinal)) return false;
      std::string_view tail = s.substr(dash + 1);
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
      if (nx->is(w_fraction) && !t_.is(i + 1, "halves") && t_.is(i + 2, "of")) {
        c.value = nx->value;
        c.fraction = true;
        c.last = i + 2;
        return true;
      }
      return false;
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
      if (t_.is(j, "and") && t_.is(j + 1, "a") && t_.is(j + 2, "half")) { current += 0.5; j += 3; continue; }
      if (w && w->is(w_cardinal) && current >= 100 && static_cast<long>(current) % 100 == 0 && w->value < 100) {
        current += w->value;
        ++j;
        continue;
      }
      break;
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
      if (!numeral_core(i, 0, c)) return false;
      if (c.ambiguous_m) resolve_m(c);
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

  // The label before a number makes it a name: "No. 10", "Court 12", "Boeing 737", "page 4".
  [[nodiscard]] bool labelled(const amount_core& c) const {
    const std::size_t i = c.first;
    if (c.word_number || c.currency >= 0 || i == 0 || t_.starts_sentence(i)) return false;
    const std::size_t p = i - 1;
    const token& pt = t_.tok(p);
    if (pt.kind == token_kind::symbol && t_.str(p) == "#") return true;
    if (pt.kind != token_kind::word || pt.has(possessive)) return false;
    if (t_.has(p, w_number_label) && !t_.has(p, w_stop | w_cue_end | w_period) ) return true;
    if (t_.is(p, "no") || t_.is(p, "no.") || t_.is(p, "nos")) return pt.has(capitalized) || t_.str(p).back() == '.';
    std::string_view ps = t_.str(p);
    bool inner_upper = false;  // "iPhone 15", "eBay 2"
    for (std::size_t k = 1; k < ps.size(); ++k) inner_upper |= ps[k] >= 'A' && ps[k] <= 'Z' && ps[k - 1] >= 'a' && ps[k - 1] <= 'z';
    if (!pt.has(capitalized) && !inner_upper) return false;
    if (t_.has(p, w_month | w_weekday | w_currency | w_cue_end | w_date_preposition | w_stop | w_determiner |
                      w_cardinal | w_vague))
      return false;
    // a capitalized first word of a sentence is a name only when no lexicon knows it ("Boeing 737 jets")
    if (t_.starts_sentence(p) && t_.info(p) != nullptr) return false;
    if (p > 0 && t_.tok(p - 1).is_quote()) return false;
    if (c.percent || t_.has(c.last, w_multiplier | w_percent) || (c.last < t_.size() && t_.str(c.last) == "%"))
      return false;
    std::string_view s = t_.str(i);
    if (s.find(',') != std::string_view::npos) return false;  // "2,500" is never a model number
    return true;
  }

  // Phone numbers and codes: digit groups separated only by spaces ("0845 8 505 505").
  [[nodiscard]] bool digit_run(const amount_core& c) const {
    if (c.word_number || c.currency >= 0) return false;
    const std::size_t i = c.first;
    auto plain = [&](std::size_t k) {
      if (!t_.is_number(k)) return false;
      const auto n = numbers::parse_numeral(t_.str(k));
      return n.ok() && n.length == t_.str(k).size() && n.integral() && !n.grouped;
    };
    if (!plain(i)) return false;
    return (plain(i + 1) && !t_.glued(i + 1)) || (i > 0 && plain(i - 1) && !t_.glued(i));
  }

  // The approximation cue before token i, longest first; returns the first token of the cue.
  [[nodiscard]] std::size_t cue_before(std::size_t i, approximation& a) const {
    if (i == 0 || !t_.has(i - 1, w_cue_end) || t_.starts_sentence(i) ) return i;
    std::size_t best = i;
    for (const auto& cue : numbers::approximation_cues) {
      // match words of the phrase backwards from i-1
      std::string_view ph = cue.phrase;
      std::size_t k = i;
      bool hit = true;
      while (!ph.empty()) {
        const auto sp = ph.rfind(' ');
        std::string_view word = sp == std::string_view::npos ? ph : ph.substr(sp + 1);
        ph = sp == std::string_view::npos ? std::string_view() : ph.substr(0, sp);
        if (k == 0 || !t_.is(k - 1, word) || (!ph.empty() && t_.starts_sentence(k - 1))) { hit = false; break; }
        --k;
      }
      if (hit && k < best) {
        best = k;
        a = cue.approx;
      }
    }
    return best;
  }

  // Head noun of the phrase from token k: the last of the first run of plurals, else the last word
  // (when singular heads are allowed). Possessors ("Iraq’s territory") are skipped in "of" phrases.
  [[nodiscard]] std::size_t head_noun(std::size_t k, bool of_phrase, bool singular_ok, std::size_t& end) const {
    std::size_t run_first = k, last_word = npos_token, plural_head = npos_token;
    bool lower_seen = false;
    std::size_t words = 0;
    if (of_phrase)
      while (ok(k) && t_.is_word(k) && t_.has(k, w_determiner) && !t_.tok(k).has(all_caps)) ++k;
    run_first = k;
    for (; ok(k) && words < 5; ++k) {
      const token& tk = t_.tok(k);
      if (tk.has(possessive)) {
        if (!of_phrase) break;
        last_word = npos_token;
        plural_head = npos_token;
        lower_seen = false;
        continue;
      }
      if (tk.kind != token_kind::word) break;
      if (t_.has(k, w_stop) && !tk.has(all_caps)) break;
      if (t_.has(k, w_verb_past)) break;
      if (t_.has(k, w_month | w_weekday | w_relative_day) && tk.has(capitalized)) break;
      const bool cap = tk.has(capitalized) || tk.has(all_caps);
      if (cap && lower_seen) break;
      if (!cap) lower_seen = true;
      ++words;
      const bool pl = plural_like(k);
      if (pl) {
        plural_head = k;
        // compounds of plurals: "news outlets", "arms dealers"
        if (!plural_like(k + 1) || !ok(k + 1) || t_.has(k + 1, w_stop)) { last_word = k; ++k; break; }
        continue;
      }
      if (plural_head != npos_token) break;
      last_word = k;
      (void)run_first;
    }
    if (plural_head != npos_token) {
      end = plural_head + 1;
      return plural_head;
    }
    if (!singular_ok || last_word == npos_token) return npos_token;
    std::string_view s = t_.str(last_word);
    auto ends = [&](std::string_view suf) {
      return s.size() > suf.size() + 1 && s.substr(s.size() - suf.size()) == suf;
    };
    if (ends("ly") || ends("ed") || ends("ing")) return npos_token;
    end = last_word + 1;
    return last_word;
  }

  [[nodiscard]] bool complete(amount_core& c, quantity& q, std::size_t& end) const {
    if (labelled(c) || digit_run(c)) return false;
    const std::size_t i = c.first;
    // numbers run together with others by ":" or "/" are ratios, times, dates or scores
    if (!c.word_number && ok(c.last) && t_.glued(c.last) &&
        (t_.is_punct(c.last, ':') || t_.is_punct(c.last, '/')))
      return false;
    if (!c.word_number && i > 0 && t_.glued(i) && (t_.is_punct(i - 1, ':') || t_.is_punct(i - 1, '/'))) return false;
    // list numbering: "1." or "2)" opening a paragraph
    if (!c.word_number && t_.tok(i).has(paragraph_start) && (t_.is_punct(c.last, '.') || t_.is_punct(c.last, ')')))
      return false;
    std::size_t last = c.last;  // one past the last token of the amount so far
    span object{};

    // a range: "10 to 20", "10-20", "between 10 and 20", "A$7.17 to A$8.24", "two or three"
    const bool between = i > 0 && (t_.is(i - 1, "between") || t_.is(i - 1, "from"));
    if (!c.value_max && c.value && !c.fraction && !c.round && ok(last)) {
      std::size_t j = last;
      const bool joiner = t_.is(j, "to") || t_.is(j, "-") || t_.is(j, "–") || t_.is(j, "—") ||
                          (between && t_.is(j, "and")) || (t_.is(j, "or") && c.word_number);
      if (joiner && ok(j + 1)) {
        amount_core hi;
        if (core_at(j + 1, hi) && hi.value && !hi.round && !hi.fraction && !hi.vague &&
            *hi.value > *c.value && (hi.currency == c.currency || c.currency >= 0 || hi.currency < 0)) {
          // "3 to 4 million": the multiplier after the second bound applies to both
          if (hi.word_number == c.word_number || !c.word_number) {
            double lo = *c.value;
            if (!hi.word_number && t_.has(hi.last - 1, w_multiplier) && !t_.has(last - 1, w_multiplier)) {
              const double m = t_.info(hi.last - 1)->value;
              if (lo * m < *hi.value) lo *= m;
            }
            c.value = lo;
            c.value_max = hi.value;
            if (hi.currency >= 0 && c.currency < 0) { c.currency = hi.currency; c.currency_where = hi.currency_where; }
            if (!hi.unit.empty()) { c.unit = hi.unit; c.unit_where = hi.unit_where; }
            if (hi.percent) c.percent = true;
            last = hi.last;
            c.last = last;
          }
        }
      }
    }
    // "a margin of 5 to 1", "won 3-1": a ratio or score, not an amount
    if (!c.value_max && c.value && !c.word_number && (t_.is(last, "to") || t_.is_punct(last, '-')) &&
        t_.is_number(last + 1)) {
      const auto n2 = numbers::parse_numeral(t_.str(last + 1));
      if (n2.ok() && n2.value <= *c.value) {
        end = last + 2;
        return false;
      }
    }
    // a "one" needs a counted noun and must not be the pronoun ("one of the", "a long one")
    if (c.bare_one) {
      if (i > 0 && !t_.starts_sentence(i) && (t_.has(i - 1, w_determiner) || t_.is(i - 1, "no"))) return false;
      if (t_.is(last, "of") || t_.is(last, "another") || t_.is(last, "day") || t_.is(last, "time") ||
          t_.is(last, "thing") || t_.is(last, "way") || t_.is(last, "side") || t_.is(last, "hand") ||
          t_.is(last, "point") || t_.is(last, "more") || t_.is(last, "other") || t_.is(last, "or"))
        return false;
    }

    // approximation before and after
    approximation a = c.approx;
    std::size_t first = i;
    if (between && c.value_max) first = i - 1;
    else if (approximation pre = approximation::none; (first = cue_before(i, pre)) != i) {
      if (a == approximation::none) a = pre;
    }
    // "over five years" spreads over a time; "for over two years" and "just over" compare
    if (a == approximation::more_than && first + 1 == i && t_.is(first, "over") && t_.has(last, w_period) &&
        !(first > 0 && t_.is(first - 1, "for")))
      a = approximation::none;

    // a share written "1 in 5 children", "one in three adults"
    if (c.value && !c.value_max && !c.fraction && t_.is(last, "in") && *c.value >= 1) {
      amount_core of;
      if (ok(last + 1) && core_at(last + 1, of) && of.value && *of.value > *c.value && of.currency < 0 &&
          of.unit.empty() && !of.round && !of.vague && !of.fraction && of.value_max == std::nullopt) {
        c.value = *c.value / *of.value;
        c.fraction = true;
        c.bare_one = false;
        last = of.last;
        std::size_t e = 0;
        if (std::size_t h = head_noun(last, false, false, e); h != npos_token) {
          q.where = t_.where(first, e);
          q.value = c.value;
          q.object = word_where(h);
          q.approx = a;
          end = e;
          return true;
        }
        end = last;
        return false;
      }
    }

    // percent, units, currencies written after the number
    if (!c.fraction && !c.round && !c.vague && ok(last)) {
      std::string_view s = t_.str(last);
      if (s == "%" || t_.has(last, w_percent)) {
        c.percent = true;
        object = word_where(last);
        ++last;
      } else if (t_.is(last, "per") && t_.is(last + 1, "cent")) {
        c.percent = true;
        object = t_.where(last, last + 2);
        last += 2;
      } else if (t_.is(last, "percentage") && (t_.is(last + 1, "points") || t_.is(last + 1, "point"))) {
        c.percent = true;
        object = t_.where(last, last + 2);
        last += 2;
      } else if (c.unit_where.empty() && t_.has(last, w_unit) && !c.ambiguous_m &&
                 !(c.bare_one && t_.has(last, w_period) == false && false)) {
        const word_info* w = t_.info(last);
        c.unit = units[static_cast<std::size_t>(w->unit)].code;
        c.unit_where = word_where(last);
        ++last;
      } else if (t_.has(last, w_currency) && t_.is_word(last) &&
                 (!t_.tok(last).has(capitalized) || t_.tok(last).has(all_caps))) {
        c.currency = t_.info(last)->currency;
        c.currency_where = word_where(last);
        ++last;
      } else if (t_.has(last, w_multiplier) && t_.has(last + 1, w_currency) && c.currency < 0) {
        c.value = *c.value * t_.info(last)->value;
        c.currency = t_.info(last + 1)->currency;
        c.currency_where = t_.tok(last + 1).where();
        last += 2;
      }
    }
    // trailing cues: "60 or more", "30 or so"
    if (t_.is(last, "or") && (t_.is(last + 1, "more") || t_.is(last + 1, "so") || t_.is(last + 1, "fewer") ||
                              t_.is(last + 1, "less"))) {
      if (a == approximation::none)
        a = t_.is(last + 1, "more") ? approximation::at_least
            : t_.is(last + 1, "so") ? approximation::about : approximation::up_to;
      last += 2;
    } else if (ok(last) && t_.str(last) == "+" && t_.glued(last)) {
      if (a == approximation::none) a = approximation::at_least;
      ++last;
    }
    end = last;

    // the counted object
    if (c.percent) {
      if (t_.is(last, "of")) {
        std::size_t e = 0;
        if (std::size_t h = head_noun(last + 1, true, true, e); h != npos_token) {
          object = word_where(h);
          end = e;
        }
      }
      c.unit = "percent";
    } else if (c.currency >= 0) {
      object = c.currency_where;
      c.unit = currencies[static_cast<std::size_t>(c.currency)].code;
    } else if (!c.unit_where.empty()) {
      object = c.unit_where;
    } else if (c.fraction || c.round || (c.vague && t_.is(last, "of"))) {
      std::size_t k = last;
      if (t_.is(k, "of")) ++k;
      else if (!c.fraction && !c.vague) k = npos_token;
      if (k != npos_token) {
        std::size_t e = 0;
        if (std::size_t h = head_noun(k, true, true, e); h != npos_token) {
          object = word_where(h);
          end = e;
        } else if (c.fraction) {
          return false;
        }
      } else if (c.fraction) {
        return false;
      }
    } else {
      std::size_t e = 0;
      const bool singular = c.value && *c.value <= 1;
      if (std::size_t h = head_noun(last, false, singular, e); h != npos_token) {
        object = word_where(h);
        end = e;
      } else if (c.bare_one || c.vague) {
        return false;
      } else if (t_.is(last, "of") && c.value && *c.value > 1) {
        // "240 of the 543 seats", "three of the victims": the part takes the whole's noun
        std::size_t k = last + 1;
        if (t_.is(k, "the") || t_.is(k, "its") || t_.is(k, "their")) ++k;
        if (t_.is_number(k) || t_.word_number(k) > 0) ++k;
        if (std::size_t h2 = head_noun(k, false, false, e); h2 != npos_token) object = word_where(h2);
      }
    }
    if (c.vague && object.empty()) return false;

    // a number before an address word is a street number: "10 Downing Street"
    if (object.empty() && t_.capitalized(last) && t_.has(last + 1, w_street) && t_.capitalized(last + 1))
      return false;

    q.where = t_.where(first, end);
    if (t_.is_word(end - 1)) q.where.end = word_where(end - 1).end;
    if (!c.vague) q.value = c.value;
    q.value_max = c.value_max;
    q.object = object;
    q.approx = a;
    q.unit = std::string(c.unit);
    return true;
  }
};

}  // namespace detail

// The quantity stage.
class quantities {
 public:
  static constexpr unsigned provides = layer::quantities;
  static constexpr unsigned needs = layer::tokens;

  quantities() : lex_(detail::amount_lexicon::shared()) {}
  explicit quantities(quantity_options o) : lex_(detail::amount_lexicon::shared()), options_(o) {}

  void operator()(document& doc) const {
    thread_local std::vector<const detail::word_info*> scratch;
    thread_local std::vector<std::uint8_t> blocked;
    detail::amount_tokens t(doc.text(), doc.tokens(), *lex_, scratch);
    blocked.assign(doc.tokens().size(), 0);
    // years, dates and times belong to the date layer; "two years ago" keeps its amount
    detail::find_dates(t, doc.date(), [&](detail::found_date&& d) {
      if (d.duration) return;
      for (std::uint32_t k = d.first; k < d.last; ++k) blocked[k] = 1;
    });
    detail::quantity_finder f(t, blocked, options_);
    auto& out = doc.quantities();
    f.run([&](quantity&& q) { out.push_back(std::move(q)); });
    doc.mark_done(layer::quantities);
  }

  [[nodiscard]] const quantity_options& options() const noexcept { return options_; }

 private:
  std::shared_ptr<const detail::amount_lexicon> lex_;
  quantity_options options_;
};

// The counted object as a reader would name it: the object's words, or for money written with a
// symbol or code the currency's name ("£100,000" -> "pounds"), and "percent" for "%".
[[nodiscard]] inline std::string_view object_text(const document& doc, const quantity& q) {
  std::string_view s = doc.text(q.object);
  if (s.empty()) return s;
  const unsigned char c0 = static_cast<unsigned char>(s[0]);
  const bool lower_word = c0 >= 'a' && c0 <= 'z';
  const bool letter = lower_word || (c0 >= 'A' && c0 <= 'Z');
  if (!lower_word) {
    if (q.unit == "percent") return "percent";
    if (std::string_view name = currency_name(q.unit); !name.empty()) return name;
    if (!letter && !q.unit.empty()) return q.unit;  // 5' 10" -> ft
  }
  return s;
}

}  // namespace v0
}  // namespace quarry
