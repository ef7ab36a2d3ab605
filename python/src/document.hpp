// python/src/document.hpp: a quarry::document as Python sees it. The document borrows the bytes of the
// Python object it was made from (a str's UTF-8 form or a bytes object), which it holds a reference to;
// the findings become Python objects, with byte and character offsets, only when first asked for.
#pragma once

#include <quarry/quarry.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quarry_python {

namespace py = pybind11;

// What every finding has: its text and where it is, in bytes of the UTF-8 text and in characters (code
// points: indices into the Python str).
struct finding {
  std::string text;
  std::size_t begin = 0, end = 0;
  std::size_t char_begin = 0, char_end = 0;
};

struct actor_finding : finding {
  std::string name, kind;
  std::optional<std::string> title, country, role;
};

struct place_finding : finding {
  std::string name, kind;
  std::optional<std::string> country;
  std::optional<double> lat, lon;
  std::string role = "place";  // "in_name" inside an organization's name
};

struct quantity_finding : finding {
  std::optional<double> value, value_max;
  std::optional<std::string> object, approx, unit;
};

struct date_finding : finding {
  std::optional<std::string> value;
  bool relative = false;
};

struct quote_finding : finding {
  std::optional<std::string> speaker, speaker_text, cue;
  bool statement = true;
  bool closed_by_rule = false;
};

// The text of a Python str or bytes object, borrowed. Needs the GIL.
struct borrowed_text {
  py::object owner;
  std::string_view bytes;
  bool ascii = false;  // one byte per character: character offsets are byte offsets
};

[[nodiscard]] inline borrowed_text borrow_text(py::handle text) {
  borrowed_text t{py::reinterpret_borrow<py::object>(text), {}, false};
  if (PyUnicode_Check(text.ptr())) {
    Py_ssize_t n = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &n);  // cached in the str: no copy after the first
    if (!data) throw py::error_already_set();
    t.bytes = std::string_view(data, static_cast<std::size_t>(n));
    t.ascii = PyUnicode_IS_ASCII(text.ptr()) != 0;
  } else if (PyBytes_Check(text.ptr())) {
    t.bytes = std::string_view(PyBytes_AS_STRING(text.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(text.ptr())));
  } else {
    throw py::type_error("quarry: a text must be str or bytes, not " +
                         std::string(py::str(py::type::handle_of(text).attr("__name__"))));
  }
  return t;
}

// Character offsets of a set of byte offsets, found in one walk over the text. An invalid byte counts as
// one character, as quarry reads it (and as bytes.decode("utf-8", "replace") gives for valid UTF-8).
class char_offsets {
 public:
  char_offsets(std::string_view text, std::vector<std::size_t> bytes, bool identity)
      : bytes_(std::move(bytes)), identity_(identity) {
    if (identity_) return;
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    chars_.reserve(bytes_.size());
    std::size_t pos = 0, chars = 0;
    for (const std::size_t target : bytes_) {
      while (pos < target && pos < text.size()) {
        pos += quarry::decode_utf8(text, pos).length;
        ++chars;
      }
      chars_.push_back(chars);
    }
  }

  [[nodiscard]] std::size_t at(std::size_t byte) const {
    if (identity_) return byte;
    const auto it = std::lower_bound(bytes_.begin(), bytes_.end(), byte);
    return chars_[static_cast<std::size_t>(it - bytes_.begin())];
  }

 private:
  std::vector<std::size_t> bytes_, chars_;
  bool identity_;
};

[[nodiscard]] inline std::optional<std::string> non_empty(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

// Text as the JSON output prints it: bytes that are not UTF-8 become U+FFFD.
[[nodiscard]] inline std::string printable(std::string_view s) {
  return quarry::find_invalid_utf8(s) ? quarry::to_valid_utf8(s) : std::string(s);
}

class py_document {
 public:
  py_document(borrowed_text text, std::string name, std::optional<quarry::calendar_date> date)
      : text_(std::move(text)) {
    doc_.borrow(text_.bytes, std::move(name));
    doc_.set_date(date);
  }

  // Runs the pipeline; does not touch Python objects, so it runs without the GIL. The tokens are dropped
  // afterwards: Python never sees them, and they take about ten times the text's size.
  void extract(const quarry::any_pipeline& pipeline, unsigned kinds, std::size_t segment_bytes) {
    if (error_) return;
    try {
      quarry::run_segmented(pipeline, doc_, segment_bytes);
      quarry::keep_kinds(doc_, kinds);
      std::vector<quarry::token>().swap(doc_.tokens());
      std::vector<quarry::token_range>().swap(doc_.sentences());
      std::vector<quarry::token_range>().swap(doc_.paragraphs());
    } catch (...) {
      error_ = std::current_exception();
    }
  }
  // Marks the document as failed: check() rethrows error.
  void fail(std::exception_ptr error) { error_ = std::move(error); }
  // Rethrows what extraction threw, if anything.
  void check() const {
    if (error_) std::rethrow_exception(error_);
  }

  [[nodiscard]] const quarry::document& doc() const noexcept { return doc_; }
  [[nodiscard]] const py::object& text() const noexcept { return text_.owner; }

  [[nodiscard]] std::optional<std::string> date() const {
    if (!doc_.date()) return std::nullopt;
    return quarry::calendar::iso(*doc_.date());
  }

  [[nodiscard]] const std::vector<actor_finding>& actors() { return findings().actors; }
  [[nodiscard]] const std::vector<place_finding>& places() { return findings().places; }
  [[nodiscard]] const std::vector<quantity_finding>& quantities() { return findings().quantities; }
  [[nodiscard]] const std::vector<date_finding>& dates() { return findings().dates; }
  [[nodiscard]] const std::vector<quote_finding>& quotes() { return findings().quotes; }

 private:
  struct all_findings {
    std::vector<actor_finding> actors;
    std::vector<place_finding> places;
    std::vector<quantity_finding> quantities;
    std::vector<date_finding> dates;
    std::vector<quote_finding> quotes;
  };

  const all_findings& findings() {
    if (!findings_) findings_ = convert();
    return *findings_;
  }

  [[nodiscard]] all_findings convert() const {
    const quarry::document& d = doc_;
    std::vector<std::size_t> offsets;
    auto note = [&](quarry::span s) {
      offsets.push_back(s.begin);
      offsets.push_back(s.end);
    };
    for (const auto& m : d.actor_mentions()) note(m.where);
    for (const auto& m : d.place_mentions()) note(m.where);
    for (const auto& q : d.quantities()) note(q.where);
    for (const auto& m : d.dates()) note(m.where);
    for (const auto& q : d.quotes()) note(q.where);
    const char_offsets chars(d.text(), std::move(offsets), text_.ascii);
    auto base = [&](finding& f, quarry::span s) {
      f.text = printable(d.text(s));
      f.begin = s.begin;
      f.end = s.end;
      f.char_begin = chars.at(s.begin);
      f.char_end = chars.at(s.end);
    };

    all_findings out;
    for (const auto& m : d.actor_mentions()) {
      actor_finding f;
      base(f, m.where);
      if (m.actor < d.actors().size()) {
        const quarry::actor& a = d.actors()[m.actor];
        f.name = a.name;
        f.kind = quarry::to_string(a.kind);
        f.title = non_empty(a.title);
        f.country = non_empty(a.country);
        f.role = non_empty(a.role);
      }
      out.actors.push_back(std::move(f));
    }
    for (const auto& m : d.place_mentions()) {
      place_finding f;
      base(f, m.where);
      if (m.place < d.places().size()) {
        const quarry::place& p = d.places()[m.place];
        f.name = p.name;
        f.kind = quarry::to_string(p.kind);
        f.country = non_empty(p.country);
        f.lat = p.lat;
        f.lon = p.lon;
      }
      if (m.role == quarry::place_role::in_name) f.role = "in_name";
      out.places.push_back(std::move(f));
    }
    for (const auto& q : d.quantities()) {
      quantity_finding f;
      base(f, q.where);
      f.value = q.value;
      f.value_max = q.value_max;
      f.object = non_empty(printable(quarry::object_text(d, q)));
      f.approx = non_empty(quarry::to_string(q.approx));
      f.unit = non_empty(q.unit);
      out.quantities.push_back(std::move(f));
    }
    for (const auto& m : d.dates()) {
      date_finding f;
      base(f, m.where);
      f.value = non_empty(m.value);
      f.relative = m.relative;
      out.dates.push_back(std::move(f));
    }
    for (const auto& q : d.quotes()) {
      quote_finding f;
      base(f, q.where);
      f.speaker = non_empty(printable(d.speaker_of(q)));
      f.speaker_text = non_empty(printable(d.text(q.speaker_where)));
      f.cue = non_empty(printable(d.text(q.cue)));
      f.statement = q.statement;
      f.closed_by_rule = q.closed_by_rule;
      out.quotes.push_back(std::move(f));
    }
    return out;
  }

  borrowed_text text_;
  quarry::document doc_;
  std::exception_ptr error_;
  std::optional<all_findings> findings_;
};

}  // namespace quarry_python
