// quarry/text/utf8.hpp: UTF-8 decoding for the tokenizer and checking for strict mode.
// Decoding never reads past the end and reports each invalid byte as its own unit (length 1),
// so offsets stay exact on any input; checking is utfcpp's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <utf8.h>

#include "quarry/error.hpp"

namespace quarry {
inline namespace v0 {

// Code point returned for an invalid byte.
inline constexpr char32_t invalid_code_point = 0xFFFFFFFFu;

struct decoded {
  char32_t cp;         // the code point, or invalid_code_point
  std::uint8_t length; // bytes consumed: 1..4 (1 for an invalid byte)
};

// Decodes the code point at text[pos] (pos < text.size()). Rejects overlongs, surrogates,
// code points above U+10FFFF, truncated sequences and stray continuation bytes.
[[nodiscard]] inline decoded decode_utf8(std::string_view text, std::size_t pos) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t left = text.size() - pos;
  const unsigned c0 = s[0];
  if (c0 < 0x80) return {c0, 1};
  auto cont = [&](std::size_t i) { return i < left && (s[i] & 0xC0u) == 0x80u; };
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    if (cont(1)) return {static_cast<char32_t>(((c0 & 0x1Fu) << 6) | (s[1] & 0x3Fu)), 2};
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    if (cont(1) && cont(2)) {
      const char32_t cp = ((c0 & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
    }
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    if (cont(1) && cont(2) && cont(3)) {
      const char32_t cp = ((c0 & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
      if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
    }
  }
  return {invalid_code_point, 1};
}

// Offset of the first byte that is not valid UTF-8, or nothing when all of it is.
[[nodiscard]] inline std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto it = utf8::find_invalid(text.begin(), text.end());
  if (it == text.end()) return std::nullopt;
  return static_cast<std::size_t>(it - text.begin());
}

// Throws utf8_error naming the first bad byte's offset.
inline void check_utf8(std::string_view text) {
  if (auto bad = find_invalid_utf8(text)) {
    throw utf8_error(*bad, "invalid UTF-8 at byte offset " + std::to_string(*bad));
  }
}

// Copies text, replacing each invalid byte with U+FFFD: for printing, never for offsets.
[[nodiscard]] inline std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const decoded d = decode_utf8(text, i);
    if (d.cp == invalid_code_point) out += "\xEF\xBF\xBD";
    else out.append(text.data() + i, d.length);
    i += d.length;
  }
  return out;
}

}  // namespace v0
}  // namespace quarry
