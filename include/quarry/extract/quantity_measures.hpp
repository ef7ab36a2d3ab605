// quarry/extract/quantity_measures.hpp: what follows a number and makes it a measure or money:
// unit words and marks ("3 gal", "37°C", "5\"", "20€", "2 more minutes"), the currency a word names
// ("42 Kuwaiti dinars", "42 bucks"), the mass or money reading of "pounds", and composite amounts
// summed into one ("7 feet 10 inches", "$20 and 43 cents", "an hour and a half").
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/extract/dates.hpp"
#include "quarry/lexicon/currencies.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"
#include "quarry/lexicon/units.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {
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

// The units table entry of a code, or null.
[[nodiscard]] inline const unit_def* unit_of(std::string_view code) noexcept {
  const int u = unit_index(code);
  return u < 0 ? nullptr : &units[static_cast<std::size_t>(u)];
}

// Reads units and currencies after numbers; the quantity finder builds on it.
class measure_reader {
 public:
  measure_reader(const amount_tokens& t, const std::vector<std::uint8_t>& blocked) : t_(t), blocked_(blocked) {}

 protected:
  const amount_tokens& t_;
  const std::vector<std::uint8_t>& blocked_;

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
  // Nothing more of the phrase follows token k: the end, punctuation, a new sentence or a conjunction.
  [[nodiscard]] bool clause_end(std::size_t k) const noexcept {
    if (k >= t_.size() || t_.starts_sentence(k)) return true;
    const token_kind kind = t_.tok(k).kind;
    if (kind == token_kind::punctuation || kind == token_kind::close_quote) return true;
    return t_.is(k, "and") || t_.is(k, "or") || t_.is(k, "but");
  }

  // The currency a symbol names ("€", "$", "¢"), -1 when none.
  [[nodiscard]] static int symbol_currency(std::string_view s) noexcept {
    for (std::size_t c = 0; c < currencies.size(); ++c) {
      int hit = -1;
      for_each_word(currencies[c].prefixes, [&](std::string_view p) { if (p == s) hit = static_cast<int>(c); });
      if (hit >= 0) return hit;
    }
    return -1;
  }

  // The currency whose adjective is word ("Kuwaiti", "Qatari"), -1 when none.
  [[nodiscard]] static int adjective_currency(std::string_view word) noexcept {
    for (std::size_t c = 0; c < currencies.size(); ++c) {
      int hit = -1;
      for_each_word(currencies[c].adjectives, [&](std::string_view a) {
        if (equal_folded(a, word)) hit = static_cast<int>(c);
      });
      if (hit >= 0) return hit;
    }
    return -1;
  }

  [[nodiscard]] static bool minor_currency_word(std::string_view w) noexcept {
    bool hit = false;
    for_each_word(minor_currency_words, [&](std::string_view m) { hit = hit || equal_folded(m, w); });
    return hit;
  }

  // A currency word after a number; a capitalised one only when it cannot be a name ("20 Euros").
  [[nodiscard]] bool currency_word(std::size_t k) const noexcept {
    if (!t_.is_word(k) || !t_.has(k, w_currency)) return false;
    const token& tk = t_.tok(k);
    if (!tk.has(capitalized) || tk.has(all_caps)) return true;
    return tk.size() >= 4 && !t_.is(k, "rand") && !t_.is(k, "dong") && !t_.is(k, "lira");
  }

  // A closing quote mark right after a number inside no quotation: inches ("5\"", "5''").
  [[nodiscard]] std::size_t inch_mark(std::size_t k) const noexcept {
    if (!t_.glued(k)) return 0;
    std::string_view s = t_.str(k);
    std::size_t len = 0;
    if (s == "\"" || s == "″" || s == "”") len = 1;
    else if ((s == "'" || s == "’") && t_.glued(k + 1) && (t_.str(k + 1) == "'" || t_.str(k + 1) == "’")) len = 2;
    if (len == 0) return 0;
    for (std::size_t b = k; b-- > 0;) {  // an opening mark earlier in the sentence makes it a quote
      if (t_.tok(b).kind == token_kind::open_quote) return 0;
      if (t_.starts_sentence(b)) break;
    }
    return len;
  }

  // The scale after "degrees" or "°": "C", "F", "Celsius", "fahrenheit".
  void temperature_scale(amount_core& c, std::size_t& last) const {
    if (!ok(last)) return;
    std::string_view s = t_.str(last);
    std::string_view code;
    if (s == "C" || s == "C." || t_.is(last, "celsius") || t_.is(last, "centigrade")) code = "degC";
    else if (s == "F" || s == "F." || t_.is(last, "fahrenheit")) code = "degF";
    else if (t_.is(last, "kelvin")) code = "K";
    if (code.empty()) return;
    c.unit = code;
    c.unit_where.end = word_where(last).end;
    ++last;
  }

  // "2 degrees below zero": a temperature under zero.
  void below_zero(amount_core& c, std::size_t& last) const {
    if (t_.is(last, "below") && t_.is(last + 1, "zero") && c.value && *c.value > 0) {
      c.value = -*c.value;
      if (c.value_max) c.value_max = -*c.value_max;
      c.unit_where.end = t_.tok(last + 1).end;
      last += 2;
    }
  }

  // "pounds" weigh unless the amount is money: "six pounds of meat", "weighed 200 pounds".
  [[nodiscard]] bool pounds_of_mass(const amount_core& c, std::size_t k) const noexcept {
    if (!(t_.is(k, "pounds") || t_.is(k, "pound")) || c.currency >= 0 || !c.value || *c.value >= 1e5) return false;
    if (t_.is(k + 1, "of")) return true;
    for (std::size_t b = c.first, n = 0; b-- > 0 && n < 4; ++n) {
      if (t_.starts_sentence(b + 1) && n > 0) break;
      std::string_view w = t_.str(b);
      if (w.size() >= 5 && equal_folded("weigh", w.substr(0, 5))) return true;
    }
    return false;
  }

  void set_unit(amount_core& c, std::string_view code, span where) const {
    c.unit = code;
    c.unit_where = where;
  }

  // A unit or currency written after the number, from token last (advanced past it): "3,200 miles",
  // "3 gal", "5 in", "37 °C", "70 degrees F", "20€", "42 Kuwaiti dinars", "2 more minutes".
  void unit_after(amount_core& c, std::size_t& last) const {
    if (!ok(last)) return;
    std::string_view s = t_.str(last);
    if (is_symbol(last)) {
      if (s == "°" || s == "º") {
        if (!c.unit_where.empty() && c.unit != "deg") return;
        set_unit(c, "deg", t_.tok(last).where());
        ++last;
        temperature_scale(c, last);
        below_zero(c, last);
        return;
      }
      if (const int cur = symbol_currency(s); cur >= 0 && c.currency < 0 && (c.unit_where.empty() || c.ambiguous_m)) {
        money_after(c, cur, t_.tok(last).where());
        ++last;
      }
      return;
    }
    if (c.unit_where.empty() && !c.ambiguous_m) {
      if (const std::size_t marks = inch_mark(last)) {
        set_unit(c, "in", t_.where(last, last + marks));
        last += marks;
        return;
      }
      // "5 in", "above 5 in." : a unit only where no noun phrase follows
      if (t_.is(last, "in") && t_.str(last) == "in" && clause_end(last + 1) && !c.word_number) {
        set_unit(c, "in", t_.tok(last).where());
        ++last;
        return;
      }
      std::size_t u = last;
      // "2 more minutes", "two additional hours"
      if ((t_.is(u, "more") || t_.is(u, "extra") || t_.is(u, "additional") || t_.is(u, "fewer") ||
           t_.is(u, "less") || t_.is(u, "further")) &&
          t_.has(u + 1, w_unit) && ok(u + 1))
        ++u;
      if (t_.has(u, w_unit) && t_.is_word(u)) {
        const unit_def& d = units[static_cast<std::size_t>(t_.info(u)->unit)];
        set_unit(c, d.code, word_where(u));
        last = u + 1;
        if (d.kind == unit_kind::temperature) {
          if (d.code == "deg") temperature_scale(c, last);
          below_zero(c, last);
        }
        return;
      }
      // single letters only at the end of the phrase: "2 g.", "10 l", "3 h"
      if (t_.is_word(last) && s.size() == 1 && clause_end(last + 1) && !t_.tok(last).has(capitalized)) {
        std::string_view code = s == "g" ? "g" : s == "l" ? "l" : s == "h" ? "h" : std::string_view();
        if (!code.empty()) {
          set_unit(c, code, t_.tok(last).where());
          ++last;
          return;
        }
      }
      if (pounds_of_mass(c, last)) {
        set_unit(c, "lb", word_where(last));
        ++last;
        return;
      }
    }
    if (currency_word(last)) {
      money_after(c, t_.info(last)->currency, word_where(last));
      ++last;
    } else if (c.currency < 0 && t_.is_word(last) && currency_word(last + 1) && ok(last + 1)) {
      // "42 Kuwaiti dinars", "20 Malaysian ringgit"
      if (const int cur = adjective_currency(s); cur >= 0) {
        money_after(c, cur, t_.where(last, last + 1 + 1));
        last += 2;
      }
    } else if (t_.has(last, w_multiplier) && currency_word(last + 1) && c.currency < 0) {
      c.value = *c.value * t_.info(last)->value;
      money_after(c, t_.info(last + 1)->currency, t_.tok(last + 1).where());
      last += 2;
    }
  }

  void money_after(amount_core& c, int currency, span where) const {
    if (c.ambiguous_m) {  // "10m euros": million
      c.value = c.m_value * 1e6;
      c.ambiguous_m = false;
      c.unit = {};
      c.unit_where = {};
    }
    c.currency = currency;
    c.currency_where = where;
  }

  // The value of a plain number token for a composite's second part: "43", "43c" (with its suffix).
  [[nodiscard]] std::optional<double> small_number(std::size_t k, std::string_view& suffix) const {
    suffix = {};
    if (t_.is_number(k)) {
      std::string_view s = t_.str(k);
      const auto n = numbers::parse_numeral(s);
      if (!n.ok() || n.negative) return std::nullopt;
      suffix = s.substr(n.length);
      return n.value;
    }
    if (const double v = t_.word_number(k); v > 0) {
      if (t_.has(k + 1, w_cardinal) && v >= 20 && t_.info(k + 1)->value < 10) return std::nullopt;
      return v;
    }
    return std::nullopt;
  }

  // Sums the parts of a composite amount into c: "7 feet 10 inches", "2 years and 3 months",
  // "$20 and 43 cents", "20 ringgit 43", "1 hour thirty", "an hour and a half". read(k, part) reads a
  // whole amount at token k (number, unit) into part and returns the token after it, 0 when none.
  template <class Read>
  void composite(amount_core& c, std::size_t& last, bool in_range, Read&& read) const {
    if (!c.value || c.value_max) return;
    for (int parts = 0; parts < 4; ++parts) {
      std::size_t j = last;
      if (t_.is_punct(j, ',')) ++j;
      const bool joined = t_.is(j, "and");
      if (joined) {
        if (in_range) return;
        ++j;
      }
      if (!ok(j)) return;
      // "and a half", "and half"
      if (joined && (t_.is(j, "half") || (t_.is(j, "a") && t_.is(j + 1, "half")) ||
                     (t_.is(j, "an") && t_.is(j + 1, "half")))) {
        if (c.unit.empty() && c.currency < 0) return;
        c.value = *c.value + 0.5;
        last = t_.is(j, "half") ? j + 1 : j + 2;
        return;
      }
      if (c.currency >= 0) {
        if (!money_cents(c, j, last)) return;
        return;
      }
      const unit_def* big = unit_of(c.unit);
      if (!big || big->si == 0 || big->kind == unit_kind::temperature) return;
      amount_core part;
      const std::size_t after = read(j, part);
      if (after != 0 && part.value && !part.value_max && part.currency < 0 && !part.unit.empty()) {
        const unit_def* small = unit_of(part.unit);
        if (!small || small->kind != big->kind || small->si >= big->si) return;
        c.value = *c.value * (big->si / small->si) + *part.value;
        c.unit = small->code;
        c.unit_where = part.unit_where;  // the object is the unit the value is given in
        last = after;
        continue;
      }
      // "1 hour thirty", "2 hours and 10": the next smaller unit of time
      std::string_view suffix;
      if (big->kind == unit_kind::time && (big->code == "h" || big->code == "min") && ok(j)) {
        const auto v = small_number(j, suffix);
        if (v && suffix.empty() && *v < 60 && *v == std::floor(*v) && clause_end(j + 1)) {
          c.value = *c.value * 60 + *v;
          c.unit = big->code == "h" ? "min" : "s";
          last = j + 1;
        }
      }
      return;
    }
  }

  // "$20 and 43 cents", "20 dollars 43c", "20 ringgit and 43 sen", "3 GBP 1 pence", "$20 43".
  [[nodiscard]] bool money_cents(amount_core& c, std::size_t j, std::size_t& last) const {
    const std::string_view code = currencies[static_cast<std::size_t>(c.currency)].code;
    if (code == "cent" || code == "pence") return false;
    std::string_view suffix;
    const auto v = small_number(j, suffix);
    if (!v || *v >= 100 || *v != std::floor(*v)) return false;
    std::size_t end = j + 1;
    if (!suffix.empty()) {
      if (!minor_currency_word(suffix)) return false;
    } else if (t_.is_word(end) && minor_currency_word(t_.str(end)) && ok(end)) {
      ++end;
    } else if (!clause_end(end) || t_.is_number(j + 1)) {
      return false;
    }
    c.value = *c.value + *v / 100;
    last = end;
    return true;
  }
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
