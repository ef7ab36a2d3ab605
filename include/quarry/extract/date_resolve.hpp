// quarry/extract/date_resolve.hpp: what a date's words leave open, filled in from its context:
// the tense of the clause around it (which side of the publication date "Friday" or "Aug. 2" lies
// on), and the dates mentioned before it ("the quarter", "a year earlier", "the following day").
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "quarry/document.hpp"
#include "quarry/extract/date_found.hpp"
#include "quarry/lexicon/calendar.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

enum class clause_tense : std::uint8_t { none, past, future };

// Words that put what follows them in the future ("will meet", "planned to leave on Thursday",
// "postponed until Tuesday"), sorted for binary search.
inline constexpr std::string_view future_cues[] = {
    "'ll",      "coming",   "could",     "due",       "effective", "expect",   "expected", "expects",
    "going",    "intends",  "may",       "might",     "next",      "payable",  "plan",     "planned",
    "planning", "plans",    "ready",     "schedule",  "scheduled", "shall",    "should",   "soon",
    "tomorrow", "until",    "upcoming",  "will",      "would",     "’ll",
};
// Past forms that end in neither -ed nor -d, and words that place a clause in the past ("since
// Oct. 23"). "said" and "told" are left out: they report speech, and the speech has its own tense.
inline constexpr std::string_view past_cues[] = {
    "ago",     "arose",  "ate",     "became", "began",   "bought", "broke",  "brought", "built",
    "came",    "caught", "chose",   "did",    "died",    "drew",   "drove",  "earlier", "fell",
    "felt",    "fled",   "flew",    "fought", "found",   "gave",   "grew",   "had",     "heard",
    "held",    "knew",   "last",    "led",    "left",    "lost",   "made",   "meant",   "met",
    "paid",    "ran",    "rose",    "sank",   "saw",     "sent",   "shot",   "since",   "slid",
    "sold",    "spent",  "spoke",   "stood",  "struck",  "swore",  "taught", "thought", "threw",
    "took",    "was",    "went",    "were",   "withdrew", "won",   "wrote",  "yesterday",
};
// A future cue that is also a noun ("the plan", "its schedule") is no cue after a determiner.
inline constexpr std::string_view cue_nouns[] = {"plan", "plans", "schedule"};
// Forms of "be": a participle after one is passive ("is expected", "was completed"), and its tense is
// the verb's, read further back.
inline constexpr std::string_view be_forms[] = {"am", "are", "be", "been", "being", "is"};

static_assert(std::is_sorted(std::begin(future_cues), std::end(future_cues)));
static_assert(std::is_sorted(std::begin(past_cues), std::end(past_cues)));
static_assert(std::is_sorted(std::begin(cue_nouns), std::end(cue_nouns)));
static_assert(std::is_sorted(std::begin(be_forms), std::end(be_forms)));

[[nodiscard]] inline bool in_sorted(std::string_view word, const std::string_view* first,
                                    const std::string_view* last) noexcept {
  std::string lower;
  for (char c : word) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  while (first < last) {
    const std::string_view* mid = first + (last - first) / 2;
    if (*mid < lower) first = mid + 1;
    else if (lower < *mid) last = mid;
    else return true;
  }
  return false;
}

// The tense of one word, as a cue; none for most words.
template <class Tokens>
[[nodiscard]] clause_tense word_tense(const Tokens& t, std::size_t k) {
  if (!t.is_word(k)) return clause_tense::none;
  const std::string_view s = t.str(k);
  if (in_sorted(s, std::begin(future_cues), std::end(future_cues))) {
    const bool noun = k > 0 && t.has(k - 1, w_determiner) && in_sorted(s, std::begin(cue_nouns), std::end(cue_nouns));
    return noun ? clause_tense::none : clause_tense::future;
  }
  // a participle after "is", "be" or "been" is passive: "is expected", "to be completed by Dec. 15"
  const bool passive = k > 0 && t.is_word(k - 1) && in_sorted(t.str(k - 1), std::begin(be_forms), std::end(be_forms));
  if (in_sorted(s, std::begin(past_cues), std::end(past_cues)))
    return passive ? clause_tense::none : clause_tense::past;
  // a lower-case -ed word of five letters or more: "announced", "reported" (not "red", "bed")
  if (s.size() >= 5 && s.ends_with("ed") && !t.capitalized(k) && !passive) return clause_tense::past;
  return clause_tense::none;
}

// The tense of the clause around tokens [first, last): the nearest cue before them in the sentence,
// else the nearest of the `ahead` words after. "as early as Tuesday" speaks of the future.
template <class Tokens>
[[nodiscard]] clause_tense tense_near(const Tokens& t, std::size_t first, std::size_t last, std::size_t ahead = 8) {
  if (first >= 3 && t.is(first - 1, "as") && (t.is(first - 2, "early") || t.is(first - 2, "soon")))
    return clause_tense::future;
  for (std::size_t k = first, steps = 0; k > 0 && steps < 14 && !t.starts_sentence(k); --k, ++steps)
    if (const clause_tense c = word_tense(t, k - 1); c != clause_tense::none) return c;
  for (std::size_t k = last, steps = 0; k < t.size() && steps < ahead && !t.starts_sentence(k); ++k, ++steps)
    if (const clause_tense c = word_tense(t, k); c != clause_tense::none) return c;
  return clause_tense::none;
}

// A resolved value taken apart: "1989-Q3", "1998-08-07", "1990-H1", "1989-10", "1989".
struct date_point {
  int year = 0, month = 0, day = 0, quarter = 0, half = 0;

  [[nodiscard]] static std::optional<date_point> parse(std::string_view v) {
    auto num = [&](std::size_t at, std::size_t n) {
      int x = 0;
      for (std::size_t k = at; k < at + n; ++k) {
        if (k >= v.size() || v[k] < '0' || v[k] > '9') return -1;
        x = x * 10 + (v[k] - '0');
      }
      return x;
    };
    date_point p;
    p.year = num(0, 4);
    if (p.year < 0) return std::nullopt;
    if (v.size() == 4) return p;
    if (v.size() == 7 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H')) {
      const int n = num(6, 1);
      if (n < 1 || n > (v[5] == 'Q' ? 4 : 2)) return std::nullopt;
      (v[5] == 'Q' ? p.quarter : p.half) = n;
      return p;
    }
    if (v.size() >= 7 && v[4] == '-') {
      p.month = num(5, 2);
      if (p.month < 1 || p.month > 12) return std::nullopt;
      if (v.size() == 7) return p;
      if (v.size() == 10 && v[7] == '-' && (p.day = num(8, 2)) >= 1 &&
          p.day <= calendar::days_in_month(p.year, p.month))
        return p;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::string str() const {
    if (quarter || half) {
      std::string s;
      calendar::detail::append_padded(s, year, 4);
      s += quarter ? "-Q" : "-H";
      s += static_cast<char>('0' + (quarter ? quarter : half));
      return s;
    }
    return calendar::iso(year, month, day);
  }
};

// "Q3 1989" as TimeML writes it; the year may be unknown ("XXXX-Q3").
[[nodiscard]] inline std::string quarter_value(int year, int q, char kind = 'Q') {
  std::string s;
  if (year) calendar::detail::append_padded(s, year, 4);
  else s = "XXXX";
  s += '-';
  s += kind;
  s += static_cast<char>('0' + q);
  return s;
}

// The year of a month or a quarter the text names without one, from the publication date: the
// nearest such month, unless the clause's tense puts it more than a month on the other side ("was
// signed on Dec. 2" in a November article is last year's; "will expire in March" next year's).
// Tense alone is weak evidence ("payable Dec. 15", "must be returned by Jan. 14"), so a date
// close to the publication date stays in its year. With no tense, news reports what has happened
// more than what will: a month up to about eight months back is this year's ("in March" in an
// October article), and only one within about four months ahead is next year's ("in January").
[[nodiscard]] inline int year_for(calendar_date anchor, int month, int day, clause_tense tense) {
  const int ahead = (month - anchor.month) * 31 + (day ? day - anchor.day : 0);  // days, roughly
  if ((ahead > 183 && tense != clause_tense::future) || (ahead > 45 && tense == clause_tense::past))
    return anchor.year - 1;
  if ((ahead < -245 && tense == clause_tense::none) || (ahead < -61 && tense == clause_tense::future))
    return anchor.year + 1;
  return anchor.year;
}

// Fills what the finder left to context, one date at a time in text order: a yearless month or day
// takes its year from the publication date; "the quarter" or "a year earlier" reads the date the
// text mentioned last (at most `reach` tokens before).
template <class Tokens>
class date_resolver {
 public:
  date_resolver(const Tokens& t, std::optional<calendar_date> anchor) : t_(t), anchor_(anchor) {}

  void operator()(found_date& d) {
    if (anchor_ && d.value.size() >= 4 && d.value[0] == '-' && d.value[1] == '-') add_year(d);
    bool moved = false;
    switch (d.ref) {
      case date_ref::same: same(d); break;
      case date_ref::shift: shifted(d); break;
      case date_ref::ago:
        // "a year ago" after "the third quarter": the same quarter a year before the publication year
        if (anchor_ && d.unit == calendar::period::year && recent_period(d)) {
          date_point p = *last_period_;
          p.year = anchor_->year + d.shift;
          d.value = p.str();
          moved = true;
        }
        break;
      case date_ref::none: break;
    }
    // only a date the text names, or one counted from the publication date, becomes the one a later
    // "the quarter" or "a year earlier" reads ("a year earlier" itself does not move the story's time)
    if (d.ref != date_ref::none && !(d.ref == date_ref::ago && !moved)) return;
    if (auto p = date_point::parse(d.value)) {
      last_ = p;
      last_token_ = d.last;
      if (p->quarter || p->half) {
        last_period_ = p;
        last_period_token_ = d.last;
      }
    }
  }

 private:
  static constexpr std::size_t reach = 400;  // tokens: about two paragraphs of news text
  const Tokens& t_;
  std::optional<calendar_date> anchor_;
  std::optional<date_point> last_, last_period_;  // any date; the last quarter or half
  std::size_t last_token_ = 0, last_period_token_ = 0;

  [[nodiscard]] bool recent(const found_date& d) const noexcept {
    return last_ && d.first >= last_token_ && d.first - last_token_ <= reach;
  }
  [[nodiscard]] bool recent_period(const found_date& d) const noexcept {
    return last_period_ && d.first >= last_period_token_ && d.first - last_period_token_ <= reach;
  }
  // The date a reference reads: the last quarter for one counted in quarters ("the quarter") or in
  // years after a quarter ("the year-earlier period", "a year earlier"), else the last date.
  [[nodiscard]] std::optional<date_point> base(const found_date& d) const {
    using calendar::period;
    if ((d.unit == period::quarter || d.unit == period::year) && recent_period(d)) return last_period_;
    if (d.unit == period::quarter || !recent(d)) return std::nullopt;
    return last_;
  }

  void add_year(found_date& d) {
    const std::string_view v = d.value;
    const int month = (v[2] - '0') * 10 + (v[3] - '0');
    const int day = v.size() == 7 ? (v[5] - '0') * 10 + (v[6] - '0') : 0;
    if (month < 1 || month > 12) return;
    const int year = year_for(*anchor_, month, day, tense_near(t_, d.first, d.last));
    if (day && day > calendar::days_in_month(year, month)) return;  // Feb. 29 of a common year
    d.value = calendar::iso(year, month, day);
    d.relative = true;
  }

  void same(found_date& d) {
    const auto b = base(d);
    if (!b) return;
    date_point p = *b;
    using calendar::period;
    if (d.unit == period::quarter && !p.quarter) return;
    if (d.unit == period::year) p = date_point{p.year};
    if (d.unit == period::month) {
      if (!p.month) return;
      p.day = 0;
    }
    if (d.unit == period::day && !p.day) return;
    if (d.shift) p.year = d.shift;  // "the 1988 quarter": the quarter last named, in 1988
    d.value = p.str();
    d.relative = true;
  }

  void shifted(found_date& d) {
    const auto b = base(d);
    if (!b) return;
    date_point p = *b;
    using calendar::period;
    switch (d.unit) {
      case period::year:
        p.year += d.shift;
        if (p.day > calendar::days_in_month(p.year, p.month)) p.day = calendar::days_in_month(p.year, p.month);
        break;
      case period::month: {
        if (!p.month) return;
        const calendar_date m = calendar::add_months({p.year, p.month, 1}, d.shift);
        p = date_point{m.year, m.month};
        break;
      }
      case period::day: {
        if (!p.day) return;
        const calendar_date m = calendar::add_days({p.year, p.month, p.day}, d.shift);
        p = date_point{m.year, m.month, m.day};
        break;
      }
      case period::quarter: {
        if (!p.quarter) return;
        const int q = p.year * 4 + (p.quarter - 1) + d.shift;
        p.year = q / 4;
        p.quarter = q % 4 + 1;
        break;
      }
      default: return;
    }
    d.value = p.str();
    d.relative = true;
  }
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
