// quarry/match/json_line.hpp: a small JSON reader for the one-object-a-line files quarry loads (pattern
// rules). The library depends on no JSON library, and a rules file needs only objects, arrays, strings,
// numbers and literals; a syntax error says at which byte of the line it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quarry {
inline namespace v0 {
namespace detail {

// A member of an object is its own struct, not a std::pair: a pair needs json_value complete where the
// vector is declared, which libstdc++ checks under clang (a vector of an incomplete struct is allowed).
struct json_member;

struct json_value {
  enum class type : std::uint8_t { null, boolean, number, string, array, object };
  type t = type::null;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<json_value> items;     // array
  std::vector<json_member> members;  // object, in the order written

  [[nodiscard]] const json_value* find(std::string_view key) const noexcept;
};

struct json_member {
  std::string key;
  json_value value;
};

inline const json_value* json_value::find(std::string_view key) const noexcept {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

// Thrown by parse_json_line; caught and reported with the file and line by whoever reads the file.
struct json_syntax_error {
  std::string what;
};

class json_line_parser {
 public:
  explicit json_line_parser(std::string_view s) : s_(s) {}

  [[nodiscard]] json_value parse() {
    json_value v = value(0);
    skip_space();
    if (i_ != s_.size()) fail("text after the JSON value");
    return v;
  }

 private:
  static constexpr int max_depth = 32;

  [[noreturn]] void fail(const std::string& why) const {
    throw json_syntax_error{why + " at byte " + std::to_string(i_ + 1)};
  }
  void skip_space() noexcept {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }
  bool eat(char c) {
    skip_space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }

  json_value value(int depth) {
    if (depth > max_depth) fail("nesting too deep");
    skip_space();
    if (i_ >= s_.size()) fail("unexpected end of line");
    json_value v;
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      v.t = json_value::type::object;
      if (eat('}')) return v;
      do {
        skip_space();
        if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key in quotes");
        std::string key = string();
        expect(':');
        v.members.push_back(json_member{std::move(key), value(depth + 1)});
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      ++i_;
      v.t = json_value::type::array;
      if (eat(']')) return v;
      do v.items.push_back(value(depth + 1));
      while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.t = json_value::type::string;
      v.str = string();
    } else if (literal("true")) {
      v.t = json_value::type::boolean;
      v.b = true;
    } else if (literal("false")) {
      v.t = json_value::type::boolean;
    } else if (literal("null")) {
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      const std::size_t b = i_;
      while (i_ < s_.size() && std::string_view("+-.eE0123456789").find(s_[i_]) != std::string_view::npos) ++i_;
      const std::string digits(s_.substr(b, i_ - b));
      char* end = nullptr;
      v.t = json_value::type::number;
      v.num = std::strtod(digits.c_str(), &end);
      if (end != digits.c_str() + digits.size()) fail("bad number");
    } else {
      fail("unexpected character");
    }
    return v;
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::uint32_t hex4() {
    if (i_ + 4 > s_.size()) fail("short \\u escape");
    std::uint32_t cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
      else fail("bad \\u escape");
    }
    return cp;
  }

  std::string string() {
    ++i_;  // the opening quote
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) fail("unterminated string");
      const char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
            if (!literal("\\u")) fail("lone surrogate");
            const std::uint32_t low = hex4();
            if (low < 0xDC00 || low >= 0xE000) fail("lone surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp < 0xE000) {
            fail("lone surrogate");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail(std::string("bad escape '\\") + e + "'");
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
