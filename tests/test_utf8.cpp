// Tests for quarry/text/utf8.hpp: decoding that never reads past the end, strict checking that names the
// first bad byte, and the U+FFFD copy used for printing.
#include <quarry/text/utf8.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace std::string_view_literals;

TEST_CASE("utf8: ASCII and multi-byte code points decode with their lengths") {
  CHECK(quarry::decode_utf8("A", 0).cp == U'A');
  CHECK(quarry::decode_utf8("A", 0).length == 1);
  const std::string_view s = "S\xC3\xA3o Paulo \xE2\x80\x9C\xF0\x9F\x8C\x8D";  // São Paulo “🌍
  CHECK(quarry::decode_utf8(s, 1).cp == U'\u00E3');
  CHECK(quarry::decode_utf8(s, 1).length == 2);
  CHECK(quarry::decode_utf8(s, 11).cp == U'\u201C');
  CHECK(quarry::decode_utf8(s, 11).length == 3);
  CHECK(quarry::decode_utf8(s, 14).cp == U'\U0001F30D');
  CHECK(quarry::decode_utf8(s, 14).length == 4);
}

TEST_CASE("utf8: every class of invalid sequence decodes as one invalid byte") {
  struct bad_case {
    const char* what;
    std::string_view bytes;
  };
  const bad_case cases[] = {
      {"stray continuation byte", "\x80"sv},
      {"overlong slash (2 bytes)", "\xC0\xAF"sv},
      {"overlong NUL", "\xC0\x80"sv},
      {"overlong (3 bytes)", "\xE0\x80\xAF"sv},
      {"overlong (4 bytes)", "\xF0\x80\x80\xAF"sv},
      {"UTF-16 surrogate", "\xED\xA0\x80"sv},
      {"low surrogate", "\xED\xBF\xBF"sv},
      {"above U+10FFFF", "\xF4\x90\x80\x80"sv},
      {"5-byte lead", "\xF8\x88\x80\x80\x80"sv},
      {"0xFF", "\xFF"sv},
      {"truncated 2-byte at end", "\xC3"sv},
      {"truncated 3-byte at end", "\xE2\x80"sv},
      {"truncated 4-byte at end", "\xF0\x9F\x8C"sv},
      {"truncated 3-byte before ASCII", "\xE2\x80 x"sv},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto d = quarry::decode_utf8(c.bytes, 0);
    CHECK(d.cp == quarry::invalid_code_point);
    CHECK(d.length == 1);
  }
}

TEST_CASE("utf8: find_invalid_utf8 gives the offset of the first bad byte or nothing") {
  CHECK_FALSE(quarry::find_invalid_utf8("").has_value());
  CHECK_FALSE(quarry::find_invalid_utf8("Z\xC3\xBCrich, Espa\xC3\xB1" "a, \xE2\x80\x9CK\xC3\xB6ln\xE2\x80\x9D").has_value());
  CHECK(quarry::find_invalid_utf8("abc\xFF" "def\xFF").value() == 3);
  CHECK(quarry::find_invalid_utf8("Le Monde \xC3").value() == 9);             // truncated at the end
  CHECK(quarry::find_invalid_utf8("x\xED\xA0\x80y").value() == 1);            // surrogate
  CHECK(quarry::find_invalid_utf8("ab\xC0\xAF").value() == 2);                // overlong
  CHECK(quarry::find_invalid_utf8("\xE2\x80\x9Cok\x80").value() == 5);        // stray continuation
}

TEST_CASE("utf8: check_utf8 throws utf8_error carrying the first bad byte's offset") {
  CHECK_NOTHROW(quarry::check_utf8("Kyiv and Kharkiv, \xE2\x80\x9Cquiet\xE2\x80\x9D night"));
  CHECK_NOTHROW(quarry::check_utf8(""));
  const std::string text = "Prices in Ankara rose 4% \xE2\x80\x94 then \xC3(" "fell";
  try {
    quarry::check_utf8(text);
    FAIL("check_utf8 accepted invalid UTF-8");
  } catch (const quarry::utf8_error& e) {
    CHECK(e.offset() == text.find('\xC3'));
    CHECK(std::string(e.what()).find(std::to_string(text.find('\xC3'))) != std::string::npos);
  }
  // utf8_error is a quarry::error: callers can catch the one base type
  CHECK_THROWS_AS(quarry::check_utf8("\x80"), quarry::error);
}

TEST_CASE("utf8: to_valid_utf8 replaces each bad byte with U+FFFD and keeps valid text") {
  CHECK(quarry::to_valid_utf8("") == "");
  CHECK(quarry::to_valid_utf8("Bogot\xC3\xA1") == "Bogot\xC3\xA1");
  CHECK(quarry::to_valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(quarry::to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(quarry::to_valid_utf8("end\xE2\x80") == "end\xEF\xBF\xBD\xEF\xBF\xBD");
  // the result is always valid
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  CHECK_FALSE(quarry::find_invalid_utf8(quarry::to_valid_utf8(all)).has_value());
}

TEST_CASE("utf8: decoding at the last byte of a buffer never reads past it") {
  // A lead byte as the last byte of a view into a larger buffer: the bytes after it must be ignored.
  const std::string buffer = "ok \xE2\x80\x9D";  // ” complete in the buffer
  const std::string_view cut(buffer.data(), 4);   // but the view ends after its lead byte
  const auto d = quarry::decode_utf8(cut, 3);
  CHECK(d.cp == quarry::invalid_code_point);
  CHECK(d.length == 1);
}
