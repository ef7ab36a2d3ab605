// quarry-extract's inputs: whole files, and JSON Lines read in large blocks and cut into lines on the
// reading thread (the JSON of each line is parsed later, on a worker).
#pragma once

#include <quarry/quarry.hpp>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace quarry_cli {

struct input_doc {
  std::string name;
  std::string text;
  std::optional<quarry::calendar_date> date;
  std::string error;  // set when the input could not be read or parsed; the document is then skipped
};

inline std::optional<quarry::calendar_date> parse_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  return quarry::calendar_date{y, m, d};
}

// Opens path for reading ("-" is standard input); on failure returns nullptr and sets error.
inline std::FILE* open_input(const std::string& path, std::string& error) {
  if (path == "-") return stdin;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = path + ": is a directory";
    return nullptr;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) error = path + ": cannot open: " + std::strerror(errno);
  return f;
}

// Reads a whole file; a directory, a missing or unreadable file gives an error message instead.
inline input_doc read_file(const std::string& path) {
  input_doc in;
  in.name = path == "-" ? "stdin" : path;
  std::FILE* f = open_input(path, in.error);
  if (!f) return in;
  // A regular file's size is known: one allocation, not a doubling string that briefly holds twice the
  // input (which decides the peak memory on a gigabyte file).
  if (f != stdin) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size <= quarry::document::max_size) in.text.reserve(static_cast<std::size_t>(size));
  }
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (in.text.size() + n > quarry::document::max_size) {
      in.error = path + ": larger than the 4 GiB limit of one document";
      break;
    }
    in.text.append(buf, n);
  }
  if (std::ferror(f)) in.error = path + ": read error: " + std::strerror(errno);
  if (f != stdin) std::fclose(f);
  return in;
}

// Cuts a stream into lines, reading it in 1 MiB blocks (getline on an istream cost 8% of a whole run).
// A line may be of any length; the last one needs no newline.
class line_reader {
 public:
  explicit line_reader(std::FILE* f) : f_(f) {}

  // The next line without its '\n', or false at the end of the stream (read errors: see failed()).
  bool next(std::string& line) {
    line.clear();
    for (;;) {
      if (pos_ < end_) {
        const char* start = buf_.data() + pos_;
        const void* nl = std::memchr(start, '\n', end_ - pos_);
        if (nl) {
          const std::size_t n = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
          line.append(start, n);
          pos_ += n + 1;
          return true;
        }
        line.append(start, end_ - pos_);
        pos_ = end_;
      }
      if (eof_) return !line.empty();
      refill();
      if (end_ == 0 && eof_ && line.empty()) return false;
    }
  }
  bool failed() const { return std::ferror(f_) != 0; }

 private:
  void refill() {
    buf_.resize(std::size_t{1} << 20);
    end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
    pos_ = 0;
    if (end_ < buf_.size()) eof_ = true;
  }

  std::FILE* f_;
  std::string buf_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
};

inline bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// One JSON Lines document: {"doc": NAME, "text": TEXT[, "date": "YYYY-MM-DD"]}. A bad line becomes an
// input_doc whose error names the file and line. where: the file's name as it is reported.
inline input_doc parse_jsonl_line(const std::string& line, const std::string& where, std::size_t line_no) {
  input_doc d;
  try {
    auto j = nlohmann::json::parse(line);
    if (!j.is_object()) throw std::runtime_error("expected an object with a string \"text\"");
    const auto text = j.find("text");
    if (text == j.end() || !text->is_string()) throw std::runtime_error("expected an object with a string \"text\"");
    d.text = std::move(text->get_ref<std::string&>());
    const auto name = j.find("doc");
    d.name = name != j.end() && name->is_string() ? name->get<std::string>() : where + ":" + std::to_string(line_no);
    if (const auto date = j.find("date"); date != j.end() && date->is_string()) {
      d.date = parse_date(date->get<std::string>());
      if (!d.date) throw std::runtime_error("\"date\" is not of the form YYYY-MM-DD");
    }
  } catch (const std::exception& e) {
    d = input_doc{};
    d.error = where + ":" + std::to_string(line_no) + ": bad JSON line: " + e.what();
  }
  return d;
}

}  // namespace quarry_cli
