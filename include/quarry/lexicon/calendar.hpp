// quarry/lexicon/calendar.hpp: month and weekday names, the words of relative dates, and the
// proleptic Gregorian arithmetic that resolves "last Saturday" or "two years ago" against a
// document date. Plain constexpr data and functions; the date extractor builds its tables from them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "quarry/document.hpp"

namespace quarry {
inline namespace v0 {
namespace calendar {

struct named_number {
  std::string_view word;
  int number;
};

// Month names and the abbreviations news copy uses ("Jan.", "Sept", "Nov 22").
// "May", "March", "June" and "August" double as ordinary words or names; the extractor asks for
// more evidence before reading them as months (see ambiguous_month).
inline constexpr std::array<named_number, 12> months = {{
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
}};
inline constexpr std::array<named_number, 13> month_abbreviations = {{
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
    {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}, {"febr", 2},
}};

// Weekdays, ISO numbering: Monday = 1 ... Sunday = 7.
inline constexpr std::array<named_number, 7> weekdays = {{
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
    {"saturday", 6}, {"sunday", 7},
}};
inline constexpr std::array<named_number, 10> weekday_abbreviations = {{
    {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"thu", 4}, {"thur", 4}, {"thurs", 4},
    {"fri", 5}, {"sat", 6}, {"sun", 7},
}};

// Lengths of time that relative dates count in ("two weeks ago", "last month").
enum class period : std::uint8_t { none, second, minute, hour, day, week, weekend, fortnight, month,
                                    quarter, season, year, decade, century };

inline constexpr std::array<std::pair<std::string_view, period>, 28> period_words = {{
    {"second", period::second},   {"seconds", period::second},  {"minute", period::minute},
    {"minutes", period::minute},  {"hour", period::hour},       {"hours", period::hour},
    {"day", period::day},         {"days", period::day},        {"week", period::week},
    {"weeks", period::week},      {"weekend", period::weekend}, {"weekends", period::weekend},
    {"fortnight", period::fortnight}, {"fortnights", period::fortnight}, {"month", period::month},
    {"months", period::month},    {"quarter", period::quarter}, {"year", period::year},
    {"years", period::year},      {"decade", period::decade},   {"decades", period::decade},
    {"century", period::century}, {"centuries", period::century}, {"summer", period::season},
    {"winter", period::season},   {"spring", period::season},   {"autumn", period::season},
    {"fall", period::season},
}};

// Parts of a day that may follow a day name ("Sunday night", "Monday morning", "this morning").
inline constexpr std::array<std::string_view, 6> day_parts = {"morning", "afternoon", "evening",
                                                              "night", "overnight", "lunchtime"};

// Time zones that mark a clock time ("0400 GMT").
inline constexpr std::array<std::string_view, 22> time_zones = {
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
    "et", "pt", "ist", "jst", "aest", "aedt", "msk", "hkt", "sgt"};

[[nodiscard]] constexpr bool is_leap(int y) noexcept {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

[[nodiscard]] constexpr int days_in_month(int y, int m) noexcept {
  constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : (m >= 1 && m <= 12 ? d[m - 1] : 0);
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil), so day arithmetic is plain integers.
[[nodiscard]] constexpr long days_from_civil(calendar_date d) noexcept {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month > 2 ? d.month - 3 : d.month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

[[nodiscard]] constexpr calendar_date civil_from_days(long z) noexcept {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

// ISO weekday, Monday = 1 ... Sunday = 7.
[[nodiscard]] constexpr int weekday_of(calendar_date d) noexcept {
  const long z = days_from_civil(d);
  const long w = (z + 3) % 7;  // 1970-01-01 was a Thursday (ISO 4)
  return static_cast<int>((w < 0 ? w + 7 : w) + 1);
}

[[nodiscard]] constexpr calendar_date add_days(calendar_date d, long n) noexcept {
  return civil_from_days(days_from_civil(d) + n);
}

// Adds months, clamping the day to the target month's length.
[[nodiscard]] constexpr calendar_date add_months(calendar_date d, int n) noexcept {
  int m0 = d.year * 12 + (d.month - 1) + n;
  calendar_date r{m0 / 12, m0 % 12 + 1, d.day};
  if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
  return r;
}

// ISO 8601 week-numbering year and week of a date.
[[nodiscard]] constexpr std::pair<int, int> iso_week(calendar_date d) noexcept {
  const long z = days_from_civil(d);
  const long thursday = z - weekday_of(d) + 4;  // the week's Thursday decides its year
  const calendar_date t = civil_from_days(thursday);
  const long jan1 = days_from_civil({t.year, 1, 1});
  return {t.year, static_cast<int>((thursday - jan1) / 7 + 1)};
}

[[nodiscard]] constexpr bool valid(calendar_date d) noexcept {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

namespace detail {
inline void append_padded(std::string& out, int v, int width) {
  char buf[12];
  int n = 0;
  const bool neg = v < 0;
  unsigned u = static_cast<unsigned>(neg ? -v : v);
  do { buf[n++] = static_cast<char>('0' + u % 10); u /= 10; } while (u != 0);
  while (n < width) buf[n++] = '0';
  if (neg) out += '-';
  while (n > 0) out += buf[--n];
}
}  // namespace detail

// ISO 8601 forms, as far as the parts are known: "2024-01-27", "2024-01", "2024", "--01-25", "--10".
[[nodiscard]] inline std::string iso(int year, int month, int day) {
  std::string s;
  if (year != 0) {
    detail::append_padded(s, year, 4);
    if (month) { s += '-'; detail::append_padded(s, month, 2); }
    if (month && day) { s += '-'; detail::append_padded(s, day, 2); }
  } else if (month) {
    s += "--";
    detail::append_padded(s, month, 2);
    if (day) { s += '-'; detail::append_padded(s, day, 2); }
  }
  return s;
}
[[nodiscard]] inline std::string iso(calendar_date d) { return iso(d.year, d.month, d.day); }

// "2024-W04"
[[nodiscard]] inline std::string iso_week_string(calendar_date d) {
  auto [y, w] = iso_week(d);
  std::string s;
  detail::append_padded(s, y, 4);
  s += "-W";
  detail::append_padded(s, w, 2);
  return s;
}

}  // namespace calendar
}  // namespace v0
}  // namespace quarry
