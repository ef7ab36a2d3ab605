// quarry/text/token.hpp: the token, the unit every extractor works on.
// A token is a small plain struct of byte offsets into the caller's text, a kind and flags;
// it owns nothing, so tokenizing allocates only the vector that holds the tokens.
#pragma once

#include <cstdint>
#include <string_view>

namespace quarry {
inline namespace v0 {

// Byte offset into a document's UTF-8 text. Documents are limited to 4 GiB - 1 bytes.
using offset_t = std::uint32_t;

// A half-open byte range [begin, end) of the document's text.
struct span {
  offset_t begin = 0;
  offset_t end = 0;
  [[nodiscard]] constexpr offset_t size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return begin == end; }
  [[nodiscard]] std::string_view of(std::string_view text) const noexcept {
    return text.substr(begin, end - begin);
  }
  friend constexpr bool operator==(span, span) noexcept = default;
};

enum class token_kind : std::uint8_t {
  word,             // letters, with inner hyphens, apostrophes and abbreviation dots
  number,           // starts with a digit: "2,500", "1.5", "3.2m", "1990s", "10-year-old", "101st"
  punctuation,      // . , ; : ! ? ( ) [ ] — – … ...
  open_quote,       // “ ‘ « „ and straight quotes that open
  close_quote,      // ” ’ » and straight quotes that close
  ambiguous_quote,  // a straight quote whose side the neighbours do not tell
  symbol,           // $ % € £ & + = # * / and other signs
  url,              // http://..., https://..., www....
  email,            // name@example.com
  handle,           // @name
  hashtag,          // #topic
  invalid,          // bytes that are not valid UTF-8, one token per run (lenient mode)
};

// Token flags, a bit set.
enum token_flag : std::uint16_t {
  capitalized = 1u << 0,      // first letter upper case
  all_caps = 1u << 1,         // two or more letters, all upper case ("NATO", "U.S.")
  has_digit = 1u << 2,        // holds at least one digit
  abbreviation = 1u << 3,     // ends in a period that belongs to it ("Ms.", "U.S.", "Jan.")
  hyphenated = 1u << 4,       // has an inner hyphen ("al-Sudani", "U.S.-led")
  sentence_start = 1u << 5,   // first token of a sentence, or of one inside a quotation that its sentence holds
  paragraph_start = 1u << 6,  // first token of a paragraph
  space_before = 1u << 7,     // white space precedes it
  line_break_before = 1u << 8,  // a line break precedes it
  possessive = 1u << 9,       // the split-off "’s" or "’" of a possessive
  non_ascii = 1u << 10,       // holds bytes above 0x7F
  bracket = 1u << 11,         // ( ) [ ]: lets the sentence splitter find brackets without reading the text
};

struct token {
  offset_t begin = 0;
  offset_t end = 0;
  token_kind kind = token_kind::word;
  std::uint16_t flags = 0;

  [[nodiscard]] constexpr bool has(token_flag f) const noexcept { return (flags & f) != 0; }
  [[nodiscard]] constexpr offset_t size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr quarry::span where() const noexcept { return {begin, end}; }
  [[nodiscard]] std::string_view of(std::string_view text) const noexcept {
    return text.substr(begin, end - begin);
  }
  [[nodiscard]] constexpr bool is_quote() const noexcept {
    return kind == token_kind::open_quote || kind == token_kind::close_quote ||
           kind == token_kind::ambiguous_quote;
  }
};

// A run of tokens [first, last): a sentence or a paragraph.
struct token_range {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  [[nodiscard]] constexpr std::uint32_t size() const noexcept { return last - first; }
  [[nodiscard]] constexpr bool empty() const noexcept { return first == last; }
  [[nodiscard]] constexpr bool contains(std::uint32_t i) const noexcept { return i >= first && i < last; }
};

}  // namespace v0
}  // namespace quarry
