// quarry/extract/date_periods.hpp: quarters, halves and fiscal years, the periods business news
// reports in: "the third quarter of 1990" (1990-Q3), "third-quarter" (the quarter before the
// publication date), "the first half" (H1), "fiscal 1989", and the ones that point back at a
// period the text named: "the quarter", "the latest period", "the year-earlier quarter".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "quarry/document.hpp"
#include "quarry/extract/date_found.hpp"
#include "quarry/extract/date_resolve.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// 1-4 for "first" ... "fourth" and "1st" ... "4th"; "last" is the last half (2, with halves only).
[[nodiscard]] inline int period_ordinal(std::string_view s) noexcept {
  constexpr std::string_view words[] = {"first", "second", "third", "fourth"};
  constexpr std::string_view digits[] = {"1st", "2nd", "3rd", "4th"};
  for (int k = 0; k < 4; ++k)
    if (equal_folded(words[k], s) || equal_folded(digits[k], s)) return k + 1;
  return 0;
}

[[nodiscard]] inline int plain_year(std::string_view s) noexcept {
  if (s.size() != 4) return 0;
  int y = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  return y >= 1900 && y <= 2099 ? y : 0;
}

template <class Tokens>
class period_finder {
 public:
  period_finder(const Tokens& t, std::optional<calendar_date> anchor) : t_(t), anchor_(anchor) {}

  [[nodiscard]] bool match(std::size_t i, found_date& d) const {
    if (!t_.is_word(i)) return false;
    if (t_.is(i, "fiscal") && !t_.is(i + 1, "year")) {
      if (const int y = plain_year(t_.str(i + 1)); y && t_.is_number(i + 1)) {
        finish_date(t_, d, i, i + 2, std::to_string(y), false);
        return true;
      }
    }
    std::size_t j = i;
    bool det = false, current = false, year_back = false;
    int year = 0, year_shift = 0;
    if (t_.is(j, "the") || t_.is(j, "its") || t_.is(j, "their") || t_.is(j, "that")) {
      det = true;
      ++j;
    } else if (t_.is(j, "this") && !t_.is(j + 1, "year")) {
      det = current = true;
      ++j;
    }
    // "this year's", "last year's", "next year's"
    if ((t_.is(j, "this") || t_.is(j, "last") || t_.is(j, "next")) && t_.is(j + 1, "year") &&
        j + 2 < t_.size() && t_.tok(j + 2).has(possessive)) {
      year_shift = t_.is(j, "last") ? -1 : t_.is(j, "next") ? 1 : 0;
      year = anchor_ ? anchor_->year + year_shift : 0;
      det = true;
      j += 3;
    }
    for (int k = 0; k < 3; ++k, ++j) {  // modifiers before the head
      if (t_.is(j, "latest") || t_.is(j, "comparable") || t_.is(j, "corresponding") || t_.is(j, "same") ||
          t_.is(j, "fiscal") || t_.is(j, "recent") || t_.is(j, "just-ended"))
        continue;
      if (t_.is(j, "current")) { current = true; continue; }
      if (t_.is(j, "year-ago") || t_.is(j, "year-earlier")) { year_back = true; continue; }
      if (det && !year && t_.is_number(j) && plain_year(t_.str(j))) { year = plain_year(t_.str(j)); continue; }
      break;
    }
    // the head: "third quarter", "third-quarter", "first half", "quarter", "period"
    std::size_t head = j, first = i;
    int ordinal = 0;
    char kind = 'Q';
    std::string_view hs = t_.str(j);
    if (const auto dash = hs.find('-'); dash != std::string_view::npos && t_.tok(j).has(hyphenated)) {
      const std::string_view tail = hs.substr(dash + 1);
      ordinal = period_ordinal(hs.substr(0, dash));
      if (!ordinal || !(equal_folded("quarter", tail) || equal_folded("half", tail))) return year_alone(i, d);
      kind = equal_folded("half", tail) ? 'H' : 'Q';
      first = head;  // "third-quarter profit": the adjective alone
    } else if (const int o = period_ordinal(hs); o || t_.is(j, "last")) {
      ordinal = o ? o : 2;
      ++head;
      if (t_.is(head, "quarter")) kind = 'Q';
      else if (t_.is(head, "half") && ordinal <= 2) kind = 'H';
      else if (t_.is(head, "two") && t_.is(head + 1, "quarters") && ordinal == 1) { kind = 'H'; ++head; }
      else return year_alone(i, d);
      if (!o && kind == 'Q') return false;  // "the last quarter" is a span of time
    } else if (t_.is(j, "quarter") || t_.is(j, "period")) {
      if (!det && !year_back) return false;
      if (t_.is(j, "period") && !(year || year_back || current || j > i + 1)) return false;
      if (t_.capitalized(j) && !t_.starts_sentence(j)) return false;  // "the Latin Quarter"
    } else {
      return year_alone(i, d);
    }
    std::size_t end = head + 1;
    // "of 1990", "of fiscal 1990", "a year ago", "last year"
    if (t_.is(end, "of")) {
      std::size_t k = end + 1;
      if (t_.is(k, "fiscal")) ++k;
      if (const int y = t_.is_number(k) ? plain_year(t_.str(k)) : 0) { year = y; end = k + 1; }
      else if (ordinal) return false;  // "the first half of the game"
    } else if (t_.is(end, "a") && t_.is(end + 1, "year") && (t_.is(end + 2, "ago") || t_.is(end + 2, "earlier"))) {
      year_back = true;
      end += 3;
    } else if (t_.is(end, "last") && t_.is(end + 1, "year")) {
      year_back = true;
      end += 2;
    }
    if (ordinal) {
      int y = year;
      if (!y && anchor_) {
        const int start = kind == 'Q' ? 3 * ordinal - 2 : 6 * ordinal - 5;
        y = year_for(*anchor_, start, 1, tense_near(t_, first, end));
        if (y > anchor_->year) y = anchor_->year;  // a quarter the text names is this year's or an earlier one
      }
      if (y && year_back) --y;
      finish_date(t_, d, first, end, quarter_value(y, ordinal, kind), year == 0);
      return true;
    }
    // "the quarter", "the year-ago period": the quarter the text named last
    finish_date(t_, d, first, end, fallback_quarter(current, year_back), true);
    d.unit = calendar::period::quarter;
    if (year_back) {
      d.ref = date_ref::shift;
      d.unit = calendar::period::year;
      d.shift = -1;
    } else {
      d.ref = date_ref::same;
      d.shift = year;  // "the 1988 period": the quarter named last, in 1988
      if (year) d.value = std::to_string(year);
    }
    return true;
  }

 private:
  const Tokens& t_;
  std::optional<calendar_date> anchor_;

  // "year-earlier results": a year before the period the text named last.
  [[nodiscard]] bool year_alone(std::size_t i, found_date& d) const {
    if (!(t_.is(i, "year-earlier") || t_.is(i, "year-ago"))) return false;
    finish_date(t_, d, i, i + 1, fallback_quarter(false, true), true);
    d.ref = date_ref::shift;
    d.unit = calendar::period::year;
    d.shift = -1;
    return true;
  }

  // Before any period is named: the quarter of the publication date ("this quarter") or the last one
  // before it, which news reports on; a year earlier for "the year-ago quarter".
  [[nodiscard]] std::string fallback_quarter(bool current, bool year_back) const {
    if (!anchor_) return {};
    int q = anchor_->year * 4 + (anchor_->month - 1) / 3 - (current ? 0 : 1) - (year_back ? 4 : 0);
    return quarter_value(q / 4, q % 4 + 1);
  }
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
