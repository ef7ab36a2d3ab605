// quarry/extract/quantity_object.hpp: the name of what a quantity counts, as output writers print it.
// Apart from the quantities stage so that io/json.hpp and the Python module print a quantity without
// including the extractor.
#pragma once

#include <string_view>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/lexicon/currencies.hpp"

namespace quarry {
inline namespace v0 {

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
