// quarry/error.hpp: the one error style of the public API.
// Everything quarry throws derives from quarry::error, so callers can catch one type;
// subclasses carry where the problem is (byte offset, file and line).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace quarry {
inline namespace v0 {

class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Invalid UTF-8 met in strict mode; offset is the first bad byte.
class utf8_error : public error {
 public:
  utf8_error(std::size_t offset, const std::string& what) : error(what), offset_(offset) {}
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }

 private:
  std::size_t offset_;
};

// A bad line in a lexicon or pattern file: path and 1-based line number.
class lexicon_error : public error {
 public:
  lexicon_error(std::string path, std::size_t line, const std::string& what)
      : error(path + ":" + std::to_string(line) + ": " + what), path_(std::move(path)), line_(line) {}
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::size_t line() const noexcept { return line_; }

 private:
  std::string path_;
  std::size_t line_;
};

// A tagger model file that is missing, truncated or corrupt: path and the byte offset where reading failed.
class model_error : public error {
 public:
  model_error(std::string path, std::size_t offset, const std::string& what)
      : error(path + ": byte " + std::to_string(offset) + ": " + what), path_(std::move(path)), offset_(offset) {}
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }

 private:
  std::string path_;
  std::size_t offset_;
};

// A pipeline assembled at run time in an order that cannot work, or an input too large.
class usage_error : public error {
 public:
  using error::error;
};

}  // namespace v0
}  // namespace quarry
