// quarry/extract/date_found.hpp: one date as the finder reports it, before resolution: its tokens,
// its span, its value as far as the words give it, and what it needs from context to be resolved
// ("the quarter", "a year earlier": the date the text mentioned last).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "quarry/annotations.hpp"
#include "quarry/lexicon/calendar.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// How a date leans on the dates mentioned before it.
enum class date_ref : std::uint8_t {
  none,     // stands alone, or resolved against the publication date
  same,     // the period last mentioned at this unit: "the quarter", "that year", "the same day"
  shift,    // the date last mentioned moved by `shift` units: "a year earlier", "the following day"
  ago,      // resolved against the publication date, but "a year ago" after a quarter means that quarter
};

struct found_date {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  span where;                         // may be part of a token ("2004" in "2004-2017")
  std::string value;
  bool relative = false;
  bool duration = false;  // "two years ago": the amount "two years" is also a quantity
  date_ref ref = date_ref::none;
  calendar::period unit = calendar::period::none;  // of ref: the unit "same" or "shift" counts in
  int shift = 0;
};

// Records what a finder matched: tokens [first, last) of `t`, their span, and the value read from them.
template <class Tokens>
void finish_date(const Tokens& t, found_date& d, std::size_t first, std::size_t last, std::string value,
                 bool relative) {
  d.first = static_cast<std::uint32_t>(first);
  d.last = static_cast<std::uint32_t>(last);
  d.where = t.where(first, last);
  d.value = std::move(value);
  d.relative = relative;
}

}  // namespace detail
}  // namespace v0
}  // namespace quarry
