// quarry/extract/dates.hpp: calendar dates, years, weekdays, clock times and relative dates.
// Values are ISO 8601 as far as the text gives them ("Jan. 25" -> "--01-25", "January 2020" ->
// "2020-01", "the 1990s" -> "199X"); relative expressions ("last Saturday", "two years ago") are
// marked relative and resolved only when a document date (or the stage's default) anchors them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/extract/date_found.hpp"
#include "quarry/extract/date_periods.hpp"
#include "quarry/extract/date_resolve.hpp"
#include "quarry/lexicon/calendar.hpp"
#include "quarry/lexicon/numbers.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// A document's tokens with each word's lexicon entry looked up once; shared by the date and
// quantity extractors so both read the same words the same way.
class amount_tokens {
 public:
  amount_tokens(std::string_view text, const std::vector<token>& toks, const amount_lexicon& lex,
                std::vector<const word_info*>& scratch)
      : text_(text), toks_(toks), lex_(lex), info_(scratch) {
    info_.assign(toks.size(), nullptr);
    for (std::size_t i = 0; i < toks.size(); ++i)
      if (toks[i].kind == token_kind::word && !toks[i].has(possessive)) info_[i] = lex.find(toks[i].of(text));
  }

  [[nodiscard]] std::size_t size() const noexcept { return toks_.size(); }
  [[nodiscard]] const token& tok(std::size_t i) const noexcept { return toks_[i]; }
  [[nodiscard]] std::string_view str(std::size_t i) const noexcept {
    return i < toks_.size() ? toks_[i].of(text_) : std::string_view();
  }
  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] const amount_lexicon& lexicon() const noexcept { return lex_; }
  [[nodiscard]] const word_info* info(std::size_t i) const noexcept {
    return i < info_.size() ? info_[i] : nullptr;
  }
  [[nodiscard]] bool has(std::size_t i, std::uint32_t bits) const noexcept {
    const word_info* w = info(i);
    return w && (w->bits & bits) != 0;
  }
  // Case-insensitive comparison with a lower-case word.
  [[nodiscard]] bool is(std::size_t i, std::string_view lower) const noexcept {
    return i < toks_.size() && equal_folded(lower, str(i));
  }
  [[nodiscard]] bool is_number(std::size_t i) const noexcept {
    return i < toks_.size() && toks_[i].kind == token_kind::number;
  }
  [[nodiscard]] bool is_word(std::size_t i) const noexcept {
    return i < toks_.size() && toks_[i].kind == token_kind::word && !toks_[i].has(possessive);
  }
  [[nodiscard]] bool is_punct(std::size_t i, char c) const noexcept {
    return i < toks_.size() && toks_[i].kind == token_kind::punctuation && toks_[i].size() == 1 &&
           text_[toks_[i].begin] == c;
  }
  [[nodiscard]] bool capitalized(std::size_t i) const noexcept {
    return i < toks_.size() && toks_[i].has(token_flag::capitalized);
  }
  [[nodiscard]] bool starts_sentence(std::size_t i) const noexcept {
    return i < toks_.size() && (toks_[i].has(sentence_start) || toks_[i].has(paragraph_start));
  }
  // No white space between token i-1 and token i.
  [[nodiscard]] bool glued(std::size_t i) const noexcept {
    return i > 0 && i < toks_.size() && toks_[i].begin == toks_[i - 1].end;
  }
  // The word before i that a cue or label would be: i-1, or none at a sentence start.
  [[nodiscard]] bool prev_has(std::size_t i, std::uint32_t bits) const noexcept {
    return i > 0 && !starts_sentence(i) && has(i - 1, bits);
  }
  [[nodiscard]] span where(std::size_t first, std::size_t last) const noexcept {
    return {toks_[first].begin, toks_[last - 1].end};
  }

  // The value of a number word, including hyphenated compounds ("twenty-five"); 0 when none.
  [[nodiscard]] double word_number(std::size_t i) const noexcept {
    if (!is_word(i)) return 0;
    if (const word_info* w = info(i); w && w->is(w_cardinal)) return w->value;
    if (!toks_[i].has(hyphenated)) return 0;
    std::string_view s = str(i);
    const auto dash = s.find('-');
    const word_info* tens = lex_.find(s.substr(0, dash));
    const word_info* ones = lex_.find(s.substr(dash + 1));
    if (tens && ones && tens->is(w_cardinal) && ones->is(w_cardinal) && tens->value >= 20 &&
        static_cast<int>(tens->value) % 10 == 0 && ones->value >= 1 && ones->value <= 9)
      return tens->value + ones->value;
    return 0;
  }

 private:
  std::string_view text_;
  const std::vector<token>& toks_;
  const amount_lexicon& lex_;
  std::vector<const word_info*>& info_;
};

class date_finder {
 public:
  date_finder(const amount_tokens& t, std::optional<calendar_date> anchor) : t_(t), anchor_(anchor) {}

  // Calls emit(found_date&&) for each date, left to right, without overlaps.
  template <class Emit>
  void run(Emit&& emit) const {
    const std::size_t n = t_.size();
    std::size_t i = 0;
    while (i < n) {
      found_date d;
      if (match_at(i, d)) {
        const std::size_t next = d.last > i ? d.last : i + 1;
        emit(std::move(d));
        i = next;
      } else {
        ++i;
      }
    }
  }

  // A day of the month: "25", "7th", "25-26" (the first day of a range).
  [[nodiscard]] int day_at(std::size_t i) const noexcept {
    if (!t_.is_number(i)) return 0;
    std::string_view s = t_.str(i);
    const auto n = numbers::parse_numeral(s);
    if (!n.ok() || n.negative || !n.integral() || n.grouped || n.int_digits > 2 || n.value < 1 || n.value > 31)
      return 0;
    std::string_view rest = s.substr(n.length);
    if (!rest.empty() && !(rest == "st" || rest == "nd" || rest == "rd" || rest == "th" ||
                           (rest[0] == '-' && rest.size() <= 3)))
      return 0;
    return static_cast<int>(n.value);
  }

  // A four-digit year token: "2014", and the first year of "2004-2017" (length reports its bytes).
  [[nodiscard]] int year_at(std::size_t i, std::size_t* length = nullptr) const noexcept {
    if (!t_.is_number(i)) return 0;
    std::string_view s = t_.str(i);
    const auto n = numbers::parse_numeral(s);
    if (!n.ok() || n.negative || !n.integral() || n.grouped || n.leading_zero || n.int_digits != 4) return 0;
    if (n.value < 1000 || n.value > 2199) return 0;
    std::string_view rest = s.substr(n.length);
    if (!rest.empty() && rest[0] != '-') return 0;
    if (length) *length = n.length;
    return static_cast<int>(n.value);
  }

 private:
  const amount_tokens& t_;
  std::optional<calendar_date> anchor_;

  [[nodiscard]] bool match_at(std::size_t i, found_date& d) const {
    const token& tk = t_.tok(i);
    if (tk.kind == token_kind::number) return number_date(i, d);
    if (tk.kind != token_kind::word) return false;
    if (period_finder<amount_tokens>(t_, anchor_).match(i, d)) return true;
    const word_info* w = t_.info(i);
    if ((t_.is(i, "noon") || t_.is(i, "midnight")) && i > 0 &&
        (t_.is(i - 1, "at") || t_.is(i - 1, "by") || t_.is(i - 1, "until") || t_.is(i - 1, "before") ||
         t_.is(i - 1, "after") || t_.is(i - 1, "around") || t_.is(i - 1, "since"))) {
      finish_date(t_, d, i, i + 1, t_.is(i, "noon") ? "T12:00" : "T00:00", false);
      return true;
    }
    if (reference(i, d) || holiday(i, i, d)) return true;
    if (!w) return tk.has(hyphenated) && hyphen_date(i, d);
    if (t_.is(i, "the")) return the_relative(i, d);
    if (w->is(w_date_modifier) && modified(i, d)) return true;
    if (w->is(w_month) && month_date(i, i, d)) return true;
    if (w->is(w_weekday) && weekday_date(i, i, d)) return true;
    if (w->is(w_relative_day)) return relative_day(i, i, d);
    if ((t_.is(i, "a") || t_.is(i, "an") || w->is(w_cardinal)) && ago(i, d)) return true;
    if (w->is(w_period | w_month) || t_.is(i, "spring") || t_.is(i, "summer")) return season_year(i, d);
    return false;
  }

  // TimeML's references to the recent past and to the time ahead: "recently", "in recent years",
  // "in the coming weeks" (PAST_REF, FUTURE_REF). "now", "currently" and "the future" are not
  // reported, as the project's guidelines leave them out of dates (docs/dates.md).
  [[nodiscard]] bool reference(std::size_t i, found_date& d) const {
    if (t_.is(i, "recently") || t_.is(i, "lately")) {
      const std::size_t first = i > 0 && !t_.starts_sentence(i) && t_.is(i - 1, "more") ? i - 1 : i;
      finish_date(t_, d, first, i + 1, "PAST_REF", true);
      return true;
    }
    const bool recent = t_.is(i, "recent"), coming = t_.is(i, "coming");
    if (!(recent || coming) || i == 0 || t_.starts_sentence(i) ||
        !(t_.is(i - 1, "in") || t_.is(i - 1, "the") || t_.is(i - 1, "over")))
      return false;
    // a plural period: "recent days", "coming months"
    const std::string_view ws = t_.str(i + 1);
    if (!t_.has(i + 1, w_period) || ws.empty() || (ws.back() != 's' && ws.back() != 'S')) return false;
    finish_date(t_, d, i, i + 2, recent ? "PAST_REF" : "FUTURE_REF", true);
    return true;
  }

  // "New Year's" as one token or as "Year" and a split-off possessive ("'s", "’s"): the token after it, or 0.
  [[nodiscard]] std::size_t new_years_end(std::size_t i) const {
    if (!t_.is(i, "new") || !t_.capitalized(i + 1)) return 0;
    if (t_.is(i + 1, "year's") || t_.is(i + 1, "year\u2019s")) return i + 2;
    if (t_.is(i + 1, "year") && (t_.is(i + 2, "'s") || t_.is(i + 2, "\u2019s"))) return i + 3;
    return 0;
  }

  // Holidays with a fixed or a computed day: "Christmas Eve", "New Year's Day", "Thanksgiving" (the
  // fourth Thursday of November) and "Election Day" (the Tuesday after the first Monday of November),
  // both as the United States keeps them. The year is the nearest by tense, or as "last"/"next" say.
  [[nodiscard]] bool holiday(std::size_t start, std::size_t i, found_date& d) const {
    if (!t_.capitalized(i)) return false;
    int month = 0, day = 0;  // day 0: computed from the year
    std::size_t end = i + 1;
    const bool day_word = t_.is(i + 1, "day") && t_.capitalized(i + 1);
    if (t_.is(i, "christmas") && !(t_.capitalized(i + 1) && !day_word && !t_.is(i + 1, "eve"))) {
      month = 12;
      day = 25;
      if (t_.is(i + 1, "eve") && t_.capitalized(i + 1)) { day = 24; ++end; }
      else if (day_word) ++end;
    } else if (const std::size_t after = new_years_end(i); after != 0 && t_.capitalized(after) &&
               (t_.is(after, "day") || t_.is(after, "eve"))) {
      const bool eve = t_.is(after, "eve");
      month = eve ? 12 : 1;
      day = eve ? 31 : 1;
      end = after + 1;
    } else if (t_.is(i, "thanksgiving")) {
      month = 11;
      if (day_word) ++end;
    } else if (t_.is(i, "election") && day_word) {
      month = 11;
      ++end;
    } else {
      return false;
    }
    const bool thanksgiving = t_.is(i, "thanksgiving");
    auto day_in = [&](int year) {
      if (day) return day;
      // the first Thursday (ISO 4) or Monday (ISO 1) of November, then three weeks or one day on
      const int first = calendar::weekday_of({year, 11, 1});
      const int want = thanksgiving ? 4 : 1;
      const int first_match = 1 + (want - first + 7) % 7;
      return thanksgiving ? first_match + 21 : first_match + 1;
    };
    std::string value;
    if (anchor_) {
      const calendar_date a = *anchor_;
      int year = a.year;
      const calendar_date this_year{year, month, day_in(year)};
      const long from_anchor = calendar::days_from_civil(this_year) - calendar::days_from_civil(a);
      if (start != i && t_.is(start, "last")) year = from_anchor < 0 ? year : year - 1;
      else if (start != i && t_.is(start, "next")) year = from_anchor > 0 ? year : year + 1;
      else year = year_for(a, month, day_in(year), tense_near(t_, start, end));
      value = calendar::iso(year, month, day_in(year));
    } else if (day) {
      value = calendar::iso(0, month, day);
    }
    finish_date(t_, d, start, end, std::move(value), anchor_.has_value() || start != i);
    return true;
  }

  // "Month Day[, Year]", "Month Year", "Month", with "early/mid/late" or "last/next/this" before.
  [[nodiscard]] bool month_date(std::size_t start, std::size_t i, found_date& d) const {
    if (!t_.capitalized(i)) return false;
    const word_info* w = t_.info(i);
    const int month = w->month;
    std::size_t end = i + 1;
    int day = day_at(i + 1), year = 0;
    if (day) {
      end = i + 2;
      std::size_t j = end;
      if (t_.is_punct(j, ',')) ++j;
      if (int y = year_at(j); y && t_.str(j).find('-') == std::string_view::npos) { year = y; end = j + 1; }
    } else if (int y = year_at(i + 1); y && t_.str(i + 1).find('-') == std::string_view::npos) {
      year = y;
      end = i + 2;
    } else if (t_.is(i + 1, "of") && year_at(i + 2)) {
      year = year_at(i + 2);
      end = i + 3;
    }
    const bool modified = start != i;
    if (!day && !year && !modified) {
      if (w->is(w_month_abbr)) return false;
      if (w->is(w_ambiguous_month) && !t_.prev_has(i, w_date_preposition | w_date_modifier)) return false;
      // a name ("Theresa May"): a capitalized word before, not at a sentence start
      if (i > 0 && !t_.starts_sentence(i) && t_.capitalized(i - 1) && !t_.has(i - 1, w_date_preposition))
        return false;
    }
    if (w->is(w_month_abbr) && !day && !year) return false;
    // "early/mid/late October"
    std::size_t first = start;
    if (first == i && i > 0 && !t_.starts_sentence(i) &&
        (t_.is(i - 1, "early") || t_.is(i - 1, "late") || t_.is(i - 1, "mid") || t_.is(i - 1, "end")))
      first = i - 1;
    bool relative = false;
    int yr = year;
    if (modified) {
      relative = !year;
      if (anchor_ && !year) {
        const int am = anchor_->month;
        if (t_.is(start, "last")) yr = month < am ? anchor_->year : anchor_->year - 1;
        else if (t_.is(start, "next")) yr = month > am ? anchor_->year : anchor_->year + 1;
        else yr = anchor_->year;
      }
      if (!anchor_ && !year) {
        finish_date(t_, d, first, end, {}, true);
        return true;
      }
    }
    finish_date(t_, d, first, end, calendar::iso(yr, month, day), relative);
    return true;
  }

  // "Saturday", "last Thursday", "Sunday night", "Saturday, Jan. 27, 2024".
  [[nodiscard]] bool weekday_date(std::size_t start, std::size_t i, found_date& d) const {
    if (!t_.capitalized(i)) return false;
    const bool cued = start != i || t_.prev_has(i, w_date_preposition | w_date_modifier);
    // "Sunday Times", "Monday Night Football": a name when a capitalized word follows uncued
    if (!cued && t_.capitalized(i + 1) && !t_.starts_sentence(i + 1) && !t_.has(i + 1, w_month | w_day_part))
      return false;
    std::size_t end = i + 1;
    if (t_.has(end, w_day_part)) ++end;
    // a full date after it makes the mention absolute
    std::size_t j = end;
    if (t_.is_punct(j, ',')) ++j;
    if (found_date full; t_.has(j, w_month) && t_.capitalized(j) && day_at(j + 1) && month_date(j, j, full)) {
      finish_date(t_, d, start, full.last, std::move(full.value), false);
      return true;
    }
    if (int day = day_at(j); day && t_.has(j + 1, w_month) && t_.capitalized(j + 1)) {
      std::size_t k = j + 2;
      int year = year_at(k);
      const int month = t_.info(j + 1)->month;
      finish_date(t_, d, start, year ? k + 1 : k, calendar::iso(year, month, day), false);
      return true;
    }
    std::string value;
    if (anchor_) {
      const int want = t_.info(i)->weekday;
      const int have = calendar::weekday_of(*anchor_);
      long delta = 0;
      if (start != i && t_.is(start, "next")) {
        delta = (want - have + 7) % 7;
        if (delta == 0) delta = 7;
      } else if (start != i && t_.is(start, "last")) {
        delta = -((have - want + 7) % 7);
        if (delta == 0) delta = -7;
      } else if (start != i && t_.is(start, "this")) {
        delta = want - have;
      } else if (weekday_tense(start, end) == clause_tense::future) {
        delta = (want - have + 7) % 7;
      } else {
        delta = -((have - want + 7) % 7);
      }
      value = calendar::iso(calendar::add_days(*anchor_, delta));
    }
    finish_date(t_, d, start, end, std::move(value), true);
    return true;
  }

  // A weekday reads the words before it only: "said Friday that it would" is last Friday. One that
  // opens its sentence reads the clause after it ("On Tuesday, the league plans to"), and one told
  // as the day of a statement ("said on Friday") lies in the past, whatever the statement's tense.
  [[nodiscard]] clause_tense weekday_tense(std::size_t start, std::size_t end) const {
    std::size_t k = start;
    if (k > 0 && !t_.starts_sentence(k) && t_.has(k - 1, w_date_preposition)) --k;
    if (k > 0 && !t_.starts_sentence(k) && (t_.is(k - 1, "said") || t_.is(k - 1, "told")))
      return clause_tense::past;
    if (t_.starts_sentence(k)) {
      for (std::size_t j = end, steps = 0; j < t_.size() && steps < 8 && !t_.starts_sentence(j); ++j, ++steps)
        if (const clause_tense c = word_tense(t_, j); c != clause_tense::none) return c;
    }
    return tense_near(t_, start, end, 0);
  }

  // "today", "yesterday morning", "earlier today".
  [[nodiscard]] bool relative_day(std::size_t start, std::size_t i, found_date& d) const {
    std::size_t end = i + 1;
    if (t_.has(end, w_day_part) && !t_.is(i, "tonight")) ++end;
    std::string value;
    if (anchor_) {
      long delta = t_.is(i, "yesterday") ? -1 : t_.is(i, "tomorrow") ? 1 : 0;
      value = calendar::iso(calendar::add_days(*anchor_, delta));
    }
    finish_date(t_, d, start, end, std::move(value), true);
    return true;
  }

  // last/next/this/earlier/later + weekday, month, period or part of day.
  [[nodiscard]] bool modified(std::size_t i, found_date& d) const {
    const bool last = t_.is(i, "last"), next = t_.is(i, "next"), thiz = t_.is(i, "this");
    const bool earlier = t_.is(i, "earlier"), later = t_.is(i, "later");
    // "the last year", "a next step": a determiner before makes it something else
    if (i > 0 && !t_.starts_sentence(i) && t_.has(i - 1, w_determiner) && !t_.is(i - 1, "this")) return false;
    if (earlier || later) {
      if (t_.is(i + 1, "this") && t_.has(i + 2, w_period | w_day_part)) {
        found_date inner;
        if (!modified(i + 1, inner)) return false;
        finish_date(t_, d, i, inner.last, std::move(inner.value), true);
        return true;
      }
      if (t_.has(i + 1, w_relative_day)) return relative_day(i, i + 1, d);
      if (t_.is(i + 1, "in") && t_.is(i + 2, "the") && t_.has(i + 3, w_period) &&
          !t_.is(i + 3, "years") && !t_.is(i + 3, "days")) {
        // "later in the day": the day named last, else the publication date's
        using calendar::period;
        const period p = t_.info(i + 3)->period;
        std::string value;
        if (anchor_) {
          const calendar_date a = *anchor_;
          if (p == period::day) value = calendar::iso(a);
          else if (p == period::week) value = calendar::iso_week_string(a);
          else if (p == period::month) value = calendar::iso(a.year, a.month, 0);
          else if (p == period::year) value = std::to_string(a.year);
        }
        finish_date(t_, d, i, i + 4, std::move(value), true);
        if (p == period::day || p == period::month || p == period::year) {
          d.ref = date_ref::same;
          d.unit = p;
        }
        return true;
      }
      return false;
    }
    if (!(last || next || thiz)) return false;
    std::size_t j = i + 1;
    if (thiz && t_.is(j, "past")) ++j;  // "this past weekend"
    if (!thiz && holiday(i, j, d)) return true;
    const word_info* w = t_.info(j);
    if (!w) return false;
    if (w->is(w_weekday)) return weekday_date(i, j, d);
    if (w->is(w_month) && !w->is(w_month_abbr)) return month_date(i, j, d);
    const bool day_part = w->is(w_day_part);
    if (!day_part && !w->is(w_period)) return false;
    using calendar::period;
    const period p = w->period;
    if (!day_part && !(p == period::week || p == period::weekend || p == period::month ||
                       p == period::year || p == period::season || p == period::decade ||
                       p == period::quarter || p == period::century))
      return false;
    // plural periods ("last years") are not dates; "last night" but not "this night"
    std::string_view ws = t_.str(j);
    if (ws.back() == 's' || ws.back() == 'S') return false;
    if (day_part && next) return false;
    std::string value;
    if (anchor_) {
      const calendar_date a = *anchor_;
      const int dir = last ? -1 : next ? 1 : 0;
      if (day_part) {
        value = calendar::iso(last ? calendar::add_days(a, -1) : a);
      } else if (p == period::year) {
        value = calendar::iso(a.year + dir, 0, 0);
      } else if (p == period::month) {
        const calendar_date m = calendar::add_months({a.year, a.month, 1}, dir);
        value = calendar::iso(m.year, m.month, 0);
      } else if (p == period::week) {
        value = calendar::iso_week_string(calendar::add_days(a, 7L * dir));
      } else if (p == period::weekend) {
        value = weekend_value(calendar::add_days(a, 7L * dir));
      } else if (p == period::season) {
        value = season_value(a, ws, dir);
      } else if (p == period::decade) {
        std::string s = std::to_string((a.year / 10 + dir));
        value = s + "X";
      }
    }
    finish_date(t_, d, i, j + 1, std::move(value), true);
    return true;
  }

  // The weekend of the ISO week of `day`, as TimeML writes it: "2024-W03-WE".
  [[nodiscard]] static std::string weekend_value(calendar_date day) { return calendar::iso_week_string(day) + "-WE"; }

  // "over the weekend", "ahead of the weekend": the one just past, or the next in a future clause.
  [[nodiscard]] bool the_weekend(std::size_t i, found_date& d) const {
    if (!(t_.is(i + 1, "weekend") && i > 0 && !t_.starts_sentence(i) &&
          (t_.has(i - 1, w_date_preposition) || t_.is(i - 1, "over"))))
      return false;
    std::string value;
    if (anchor_) {
      // on a weekday, the weekend before it unless the clause is in the future (ISO weeks end on Sunday)
      const bool weekday = calendar::weekday_of(*anchor_) < 6;
      const bool future = (i >= 2 && t_.is(i - 2, "ahead")) || tense_near(t_, i, i + 2) == clause_tense::future;
      value = weekend_value(weekday && !future ? calendar::add_days(*anchor_, -7) : *anchor_);
    }
    finish_date(t_, d, i, i + 2, std::move(value), true);
    return true;
  }

  // "the summer", "the early spring": the latest such season begun by the publication date, or the next
  // in a future clause. Winter straddles two years, and "the fall" is more often a decline.
  [[nodiscard]] bool the_season(std::size_t i, found_date& d) const {
    std::size_t j = i + 1;
    if (t_.is(j, "early") || t_.is(j, "late")) ++j;
    if (!(t_.is(j, "summer") || t_.is(j, "spring") || t_.is(j, "autumn"))) return false;
    if (t_.is(j + 1, "of") || t_.is_number(j + 1) || t_.tok(j).has(possessive) || t_.capitalized(j)) return false;
    std::string value;
    if (anchor_) {
      const bool spring = t_.is(j, "spring"), summer = t_.is(j, "summer");
      const int start = spring ? 3 : summer ? 6 : 9;
      int year = anchor_->year;
      if (tense_near(t_, i, j + 1) == clause_tense::future) {
        if (start + 3 <= anchor_->month) ++year;
      } else if (start > anchor_->month) {
        --year;
      }
      value = std::to_string(year) + (spring ? "-SP" : summer ? "-SU" : "-FA");
    }
    finish_date(t_, d, i, j + 1, std::move(value), true);
    return true;
  }

  // "for the year", "the full year", "the current fiscal year": the year of the date named last, else the
  // publication year. "the year before" and "the year ended June 30" (a span) are left out.
  [[nodiscard]] bool the_year(std::size_t i, found_date& d) const {
    std::size_t j = i + 1;
    bool current = false;
    for (int k = 0; k < 2; ++k)
      if (t_.is(j, "full") || t_.is(j, "fiscal") || t_.is(j, "entire") || t_.is(j, "whole")) ++j;
      else if (t_.is(j, "current")) { current = true; ++j; }
    if (!t_.is(j, "year") || t_.tok(j).has(possessive) || t_.tok(j).has(hyphenated) || t_.capitalized(j)) return false;
    const std::size_t k = j + 1;
    if (t_.is(k, "before") || t_.is(k, "after") || t_.is(k, "earlier") || t_.is(k, "later") || t_.is(k, "ended") ||
        t_.is(k, "ending") || t_.is(k, "to") || t_.is(k, "of") || t_.is(k, "in") || t_.is(k, "that") ||
        t_.is(k, "when") || t_.is(k, "since") || t_.is(k, "through") || t_.is(k, "ago") || t_.is_number(k))
      return false;
    // "in 2014, the year the group took the city": a clause that defines the year, not a date of its own
    if (t_.is_word(k) && (t_.has(k, w_determiner) || t_.capitalized(k) || t_.is(k, "it") || t_.is(k, "he") ||
                          t_.is(k, "she") || t_.is(k, "they") || t_.is(k, "we") || t_.is(k, "i")))
      return false;
    finish_date(t_, d, i, k, anchor_ ? std::to_string(anchor_->year) : std::string(), true);
    if (!current) {
      d.ref = date_ref::same;
      d.unit = calendar::period::year;
    }
    return true;
  }

  // "last fall" -> "1997-FA": TimeML's season codes; "last" is the latest one that has ended, "next"
  // the first one that has not begun.
  [[nodiscard]] static std::string season_value(calendar_date a, std::string_view word, int dir) {
    const bool spring = equal_folded("spring", word), summer = equal_folded("summer", word);
    const bool winter = equal_folded("winter", word);
    const char* code = spring ? "-SP" : summer ? "-SU" : winter ? "-WI" : "-FA";
    const int start = spring ? 3 : summer ? 6 : winter ? 12 : 9;  // the month it begins
    int year = a.year;
    if (dir < 0 && start + 3 > a.month) --year;
    if (dir > 0 && start <= a.month) ++year;
    return std::to_string(year) + code;
  }

  // "the following day", "the next morning", "the day before", "the same day".
  [[nodiscard]] bool the_relative(std::size_t i, found_date& d) const {
    if (the_weekend(i, d) || the_season(i, d) || the_year(i, d)) return true;
    // "in the past": the time before the publication date, not "the past two years"
    if (t_.is(i + 1, "past") && i > 0 && t_.is(i - 1, "in") &&
        !(t_.is_number(i + 2) || t_.has(i + 2, w_period | w_cardinal) || t_.is(i + 2, "few") ||
          t_.is(i + 2, "several") || t_.is(i + 2, "couple") || t_.word_number(i + 2) > 0)) {
      finish_date(t_, d, i, i + 2, "PAST_REF", true);
      return true;
    }
    if (t_.is(i + 1, "following") || t_.is(i + 1, "next") || t_.is(i + 1, "previous") ||
        t_.is(i + 1, "same") || t_.is(i + 1, "preceding")) {
      const word_info* w = t_.info(i + 2);
      if (w && (w->is(w_day_part) || w->is(w_weekday) ||
                (w->is(w_period) && (w->period == calendar::period::day || w->period == calendar::period::week ||
                                     w->period == calendar::period::weekend || w->period == calendar::period::month ||
                                     w->period == calendar::period::year)))) {
        std::string_view ws = t_.str(i + 2);
        if (ws.back() == 's') return false;
        finish_date(t_, d, i, i + 3, {}, true);
        // "the following year", "the previous day", "the same day": from the date named last
        using calendar::period;
        const period unit = w->is(w_day_part) ? period::day : w->is(w_weekday) ? period::none : w->period;
        if (unit == period::day || unit == period::month || unit == period::year) {
          d.unit = unit;
          d.ref = t_.is(i + 1, "same") ? date_ref::same : date_ref::shift;
          d.shift = t_.is(i + 1, "previous") || t_.is(i + 1, "preceding") ? -1 : t_.is(i + 1, "same") ? 0 : 1;
        }
        return true;
      }
      return false;
    }
    // "the past year", "the past month": the one before the publication date's
    if (t_.is(i + 1, "past") && t_.has(i + 2, w_period) && !t_.is(i + 3, "few")) {
      using calendar::period;
      const period p = t_.info(i + 2)->period;
      std::string_view ws = t_.str(i + 2);
      if (ws.back() == 's' || !(p == period::year || p == period::month || p == period::week)) return false;
      std::string value;
      if (anchor_) {
        const calendar_date a = *anchor_;
        if (p == period::year) value = std::to_string(a.year - 1);
        else if (p == period::week) value = calendar::iso_week_string(calendar::add_days(a, -7));
        else {
          const calendar_date m = calendar::add_months({a.year, a.month, 1}, -1);
          value = calendar::iso(m.year, m.month, 0);
        }
      }
      finish_date(t_, d, i, i + 3, std::move(value), true);
      return true;
    }
    if (t_.is(i + 1, "day") && (t_.is(i + 2, "before") || t_.is(i + 2, "after") || t_.is(i + 2, "prior"))) {
      const std::size_t k = i + 3;
      const bool ends = k >= t_.size() || t_.tok(k).kind == token_kind::punctuation || t_.has(k, w_relative_day) ||
                        t_.is(k, "and") || t_.starts_sentence(k);
      if (!ends) return false;
      std::size_t end = t_.has(k, w_relative_day) ? k + 1 : k;
      finish_date(t_, d, i, end, {}, true);
      return true;
    }
    return false;
  }

  // "two years ago", "a week ago", "three days ago".
  [[nodiscard]] bool ago(std::size_t i, found_date& d) const {
    double n = 0;
    std::size_t j = i + 1;
    if (t_.is_number(i)) {
      const auto num = numbers::parse_numeral(t_.str(i));
      if (!num.ok() || num.length != t_.str(i).size()) return false;
      n = num.value;
    } else if (t_.is(i, "a") || t_.is(i, "an")) {
      n = 1;
      if (t_.is(j, "few") || t_.is(j, "couple")) { n = 0; ++j; if (t_.is(j, "of")) ++j; }
    } else {
      n = t_.word_number(i);
      if (n == 0) return false;
    }
    const word_info* w = t_.info(j);
    // "two days before," but not "seven years before the agency launched"
    const bool before = t_.is(j + 1, "before") && (j + 2 >= t_.size() || t_.tok(j + 2).kind == token_kind::punctuation);
    const bool back = t_.is(j + 1, "earlier") || before;
    // "three years later" is left out: news uses it for a span more often than for a date
    if (!w || !w->is(w_period) || !(t_.is(j + 1, "ago") || back)) return false;
    using calendar::period;
    std::string value;
    if (anchor_ && n > 0 && n == static_cast<long>(n)) {
      const long k = static_cast<long>(n);
      const calendar_date a = *anchor_;
      switch (w->period) {
        case period::day: value = calendar::iso(calendar::add_days(a, -k)); break;
        // TimeML gives "six weeks ago" the week, not a day of it
        case period::week: value = calendar::iso_week_string(calendar::add_days(a, -7 * k)); break;
        case period::fortnight: value = calendar::iso_week_string(calendar::add_days(a, -14 * k)); break;
        case period::month: {
          const calendar_date m = calendar::add_months({a.year, a.month, 1}, static_cast<int>(-k));
          value = calendar::iso(m.year, m.month, 0);
          break;
        }
        case period::year: value = calendar::iso(a.year - static_cast<int>(k), 0, 0); break;
        default: break;
      }
    }
    finish_date(t_, d, i, j + 2, std::move(value), true);
    d.duration = n > 0 && !t_.is(i, "a") && !t_.is(i, "an");
    // "a year earlier", "two days before": counted from the date the text named last
    d.ref = n <= 0 || n != static_cast<long>(n) ? date_ref::none : t_.is(j + 1, "ago") ? date_ref::ago : date_ref::shift;
    d.unit = w->period;
    d.shift = -static_cast<int>(n);
    return true;
  }

  // "mid-October", "mid-1990s", "late-2023".
  [[nodiscard]] bool hyphen_date(std::size_t i, found_date& d) const {
    std::string_view s = t_.str(i);
    const auto dash = s.find('-');
    if (dash == std::string_view::npos) return false;
    std::string_view head = s.substr(0, dash), rest = s.substr(dash + 1);
    if (!(equal_folded("mid", head) || equal_folded("early", head) || equal_folded("late", head))) return false;
    if (const word_info* w = t_.lexicon().find(rest); w && w->is(w_month) && !w->is(w_month_abbr)) {
      finish_date(t_, d, i, i + 1, calendar::iso(0, w->month, 0), false);
      return true;
    }
    const auto n = numbers::parse_numeral(rest);
    if (n.ok() && n.int_digits == 4 && n.integral() && !n.grouped && n.value >= 1000 && n.value < 2200) {
      std::string_view tail = rest.substr(n.length);
      std::string v = std::to_string(static_cast<int>(n.value));
      if (tail == "s") v = v.substr(0, 3) + "X";
      else if (!tail.empty()) return false;
      finish_date(t_, d, i, i + 1, std::move(v), false);
      return true;
    }
    return false;
  }

  // "summer 2023", "spring of 2022".
  [[nodiscard]] bool season_year(std::size_t i, found_date& d) const {
    const word_info* w = t_.info(i);
    if (!w || w->period != calendar::period::season) return false;
    std::size_t j = i + 1;
    if (t_.is(j, "of")) ++j;
    if (int y = year_at(j); y && t_.str(j).find('-') == std::string_view::npos) {
      std::size_t first = i;
      if (i > 0 && (t_.is(i - 1, "early") || t_.is(i - 1, "late"))) first = i - 1;
      finish_date(t_, d, first, j + 1, std::to_string(y), false);
      return true;
    }
    return false;
  }

  // Dates that start with digits: "25 January 2024", years, decades, clock times, "two years ago".
  [[nodiscard]] bool number_date(std::size_t i, found_date& d) const {
    std::string_view s = t_.str(i);
    const auto n = numbers::parse_numeral(s);
    if (!n.ok()) return false;
    std::string_view rest = s.substr(n.length);
    // Day Month [Year]: "25 January", "7th of October 2023"
    if (int day = day_at(i)) {
      std::size_t j = i + 1;
      if (t_.is(j, "of")) ++j;
      if (t_.has(j, w_month) && t_.capitalized(j)) {
        std::size_t end = j + 1;
        int year = 0;
        if (t_.is_punct(end, ',') && year_at(end + 1)) ++end;
        if (int y = year_at(end); y && t_.str(end).find('-') == std::string_view::npos) { year = y; ++end; }
        std::size_t first = i;
        if (i > 0 && t_.is(i - 1, "the") && j == i + 2) first = i - 1;
        finish_date(t_, d, first, end, calendar::iso(year, t_.info(j)->month, day), false);
        return true;
      }
    }
    if (ago(i, d)) return true;
    if (clock_time(i, n, rest, d)) return true;
    // centuries: "the 19th century" -> "18"
    if (n.integral() && !n.grouped && (rest == "th" || rest == "st" || rest == "nd" || rest == "rd") &&
        t_.is(i + 1, "century") && n.value >= 1 && n.value <= 22) {
      std::string v;
      calendar::detail::append_padded(v, static_cast<int>(n.value) - 1, 2);
      finish_date(t_, d, i, i + 2, std::move(v), false);
      return true;
    }
    // decades: "the 1990s" -> "199X"
    if (n.integral() && !n.grouped && !n.negative && n.int_digits == 4 && rest == "s" && n.value >= 1000 &&
        n.value < 2200 && static_cast<int>(n.value) % 10 == 0) {
      std::size_t first = i;
      if (i > 0 && t_.is(i - 1, "the") && !t_.starts_sentence(i)) first = i - 1;
      std::string v = std::to_string(static_cast<int>(n.value) / 10) + "X";
      finish_date(t_, d, first, i + 1, std::move(v), false);
      return true;
    }
    return year(i, d);
  }

  [[nodiscard]] bool clock_time(std::size_t i, const numbers::numeral& n, std::string_view rest,
                                found_date& d) const {
    if (n.negative || n.grouped) return false;
    int hh = -1, mm = 0;
    std::size_t end = i + 1;
    std::string_view suffix = rest;
    if (n.integral() && n.int_digits == 4 && (n.leading_zero || t_.has(i + 1, w_time_zone)) && rest.empty()) {
      // "0400 GMT", "1830 hours"
      const int v = static_cast<int>(n.value);
      if (v / 100 > 23 || v % 100 > 59) return false;
      const bool marked = t_.has(i + 1, w_time_zone) || t_.is(i + 1, "hours") || t_.is(i + 1, "hrs") ||
                          t_.is(i + 1, "local");
      if (!marked) return false;
      hh = v / 100;
      mm = v % 100;
    } else if (n.integral() && n.int_digits <= 2 && n.value <= 24 && rest.empty() && t_.is_punct(i + 1, ':') &&
               t_.glued(i + 1) && t_.is_number(i + 2) && t_.glued(i + 2)) {
      // "10:30", "10:30pm"
      std::string_view m = t_.str(i + 2);
      const auto mn = numbers::parse_numeral(m);
      if (!mn.ok() || !mn.integral() || mn.int_digits != 2 || mn.value > 59) return false;
      hh = static_cast<int>(n.value);
      mm = static_cast<int>(mn.value);
      suffix = m.substr(mn.length);
      end = i + 3;
      if (suffix.empty() && t_.has(end, w_am_pm) && (!t_.is(end, "am") || !t_.capitalized(end))) {
        suffix = t_.str(end);
        ++end;
      }
    } else if (n.int_digits <= 2 && n.value <= 12 && (n.integral() || n.frac_digits == 2)) {
      // "3pm", "10.30am", "3 p.m."
      const bool fused = equal_folded("am", rest) || equal_folded("pm", rest) || equal_folded("a.m.", rest) ||
                         equal_folded("p.m.", rest);
      if (!fused && !(rest.empty() && t_.has(i + 1, w_am_pm) && !t_.is(i + 1, "am")) &&
          !(rest.empty() && t_.is(i + 1, "am") && t_.glued(i + 1) == false && t_.has(i + 2, w_time_zone)))
        return false;
      hh = static_cast<int>(n.value);
      mm = static_cast<int>((n.value - hh) * 100 + 0.5);
      if (mm > 59) return false;
      if (rest.empty()) {
        suffix = t_.str(i + 1);
        end = i + 2;
      }
    } else {
      return false;
    }
    if (!suffix.empty()) {
      const bool pm = suffix[0] == 'p' || suffix[0] == 'P';
      const bool am = suffix[0] == 'a' || suffix[0] == 'A';
      if (!pm && !am) return false;
      if (pm && hh < 12) hh += 12;
      if (am && hh == 12) hh = 0;
    }
    bool utc = false;
    if (t_.has(end, w_time_zone)) {
      utc = t_.is(end, "gmt") || t_.is(end, "utc");
      ++end;
    } else if (t_.is(end, "hours") || t_.is(end, "hrs")) {
      ++end;
    }
    std::string v = "T";
    calendar::detail::append_padded(v, hh, 2);
    v += ':';
    calendar::detail::append_padded(v, mm, 2);
    if (utc) v += 'Z';
    finish_date(t_, d, i, end, std::move(v), false);
    return true;
  }

  // A year standing alone: "in 2014", "2004-2017", "US Open 2023"; not "2000 people" or "about 1500".
  [[nodiscard]] bool year(std::size_t i, found_date& d) const {
    std::size_t len = 0;
    const int y = year_at(i, &len);
    if (!y) return false;
    std::string_view s = t_.str(i);
    const bool after_prep = t_.prev_has(i, w_date_preposition);
    if (y < 1900 || y > 2099) {
      if (!after_prep) return false;
    }
    // an amount: currency or cue before, a counted noun or unit after
    if (i > 0) {
      const token& p = t_.tok(i - 1);
      if (p.kind == token_kind::symbol) return false;
      if (t_.has(i - 1, w_cue_end | w_number_label | w_currency) && !t_.has(i - 1, w_date_preposition) &&
          !t_.is(i - 1, "early") && !t_.is(i - 1, "late"))
        return false;
      if (t_.is(i - 1, "the") && t_.is(i + 1, "of")) return false;
    }
    if (len == s.size()) {
      const std::size_t k = i + 1;
      if (t_.is_number(k) && !t_.is_punct(k, ',')) return false;  // "1999 2000": a code or phone run
      if (t_.has(k, w_multiplier | w_unit | w_percent | w_currency | w_round_plural) ||
          t_.tok(k < t_.size() ? k : i).kind == token_kind::symbol) {
        if (k < t_.size() && (t_.has(k, w_multiplier | w_percent | w_currency) ||
                              t_.tok(k).kind == token_kind::symbol) && !t_.is_punct(k, ','))
          return false;
        if (t_.has(k, w_unit) && !t_.has(k, w_period)) return false;
      }
      // a plural noun after it counts ("2000 people"), unless "the 2024 elections"
      if (t_.is_word(k) && !t_.capitalized(k) && !t_.has(k, w_stop | w_period)) {
        std::string_view nx = t_.str(k);
        const bool plural = (nx.size() > 2 && nx.back() == 's' && nx[nx.size() - 2] != 's') || t_.has(k, w_plural_noun);
        // "the 2024 elections", "US Open 2023 results": a determiner or a name before makes it a year
        const bool det = i > 0 && (t_.has(i - 1, w_determiner) || t_.tok(i - 1).has(possessive) ||
                                   (t_.capitalized(i - 1) && !t_.starts_sentence(i - 1)));
        if (plural && !det) return false;
      }
      finish_date(t_, d, i, i + 1, std::to_string(y), false);
      return true;
    }
    // "2004-2017": two years, one mention each; "2023-24": a season, one mention
    std::string_view rest = s.substr(len + 1);
    const auto n2 = numbers::parse_numeral(rest);
    if (!n2.ok() || n2.length != rest.size() || !n2.integral()) return false;
    if (n2.int_digits == 4 && n2.value > y && n2.value < 2200) {
      finish_date(t_, d, i, i + 1, std::to_string(y), false);
      d.where = {t_.tok(i).begin, static_cast<offset_t>(t_.tok(i).begin + len)};
      return true;
    }
    if (n2.int_digits == 2 && static_cast<int>(n2.value) == (y + 1) % 100) {
      finish_date(t_, d, i, i + 1, std::to_string(y) + "/" + std::to_string(y + 1), false);
      return true;
    }
    return false;
  }
};

// The second year of "2004-2017", reported on its own.
[[nodiscard]] inline bool second_year(const amount_tokens& t, const found_date& first, found_date& d) {
  const token& tk = t.tok(first.first);
  if (first.where.end >= tk.end || first.last != first.first + 1) return false;
  d.first = first.first;
  d.last = first.last;
  d.where = {static_cast<offset_t>(first.where.end + 1), tk.end};
  d.value = std::string(d.where.of(t.text()));
  d.relative = false;
  return true;
}

// Runs the finder over a document's tokens; every date, in text order.
template <class Emit>
void find_dates(const amount_tokens& t, std::optional<calendar_date> anchor, Emit&& emit) {
  date_finder f(t, anchor);
  date_resolver<amount_tokens> resolve(t, anchor);
  f.run([&](found_date&& d) {
    resolve(d);
    found_date second;
    const bool two = second_year(t, d, second);
    emit(std::move(d));
    if (two) emit(std::move(second));
  });
}

}  // namespace detail

// The date stage. Relative dates resolve against the document's date when it has one, else
// against the date given here, else they stay unresolved (relative, empty value).
class dates {
 public:
  static constexpr unsigned provides = layer::dates;
  static constexpr unsigned needs = layer::tokens;

  dates() : lex_(detail::amount_lexicon::shared()) {}
  explicit dates(std::optional<calendar_date> default_date)
      : lex_(detail::amount_lexicon::shared()), default_date_(default_date) {}

  void operator()(document& doc) const {
    thread_local std::vector<const detail::word_info*> scratch;
    detail::amount_tokens t(doc.text(), doc.tokens(), *lex_, scratch);
    auto& out = doc.dates();
    const auto anchor = doc.date() ? doc.date() : default_date_;
    detail::find_dates(t, anchor, [&](detail::found_date&& d) {
      out.push_back(date_mention{d.where, std::move(d.value), d.relative, d.duration});
    });
    doc.mark_done(layer::dates);
  }

  [[nodiscard]] const std::optional<calendar_date>& default_date() const noexcept { return default_date_; }

 private:
  std::shared_ptr<const detail::amount_lexicon> lex_;
  std::optional<calendar_date> default_date_;
};

// Parses "2024-01-28" (the command line's --date); throws usage_error on anything else.
[[nodiscard]] inline calendar_date parse_iso_date(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (k >= s.size() || s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  calendar_date d{digits(0, 4), digits(5, 2), digits(8, 2)};
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || d.year < 0 || !calendar::valid(d))
    throw usage_error("quarry: a date must be written YYYY-MM-DD, got \"" + std::string(s) + "\"");
  return d;
}

}  // namespace v0
}  // namespace quarry
