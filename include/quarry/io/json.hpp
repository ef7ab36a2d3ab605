// quarry/io/json.hpp: a document's findings as JSON, in the shape of the evaluation schema
// (../shared/eval/OUTPUT_SCHEMA.md): one object with actors, locations, quantities, dates, quotes, then a
// list for each kind a user defined (annotation_kind.hpp).
// Text fields are the input's bytes at [begin, end); bytes that are not valid UTF-8 are written as
// U+FFFD so the output is always valid JSON, while begin/end still index the original input.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/extract/quantity_object.hpp"
#include "quarry/text/utf8.hpp"

namespace quarry {
inline namespace v0 {

struct json_options {
  bool pretty = false;      // one annotation per line, for people; false gives one line (JSON Lines)
  bool sentences = false;   // adds "sentences": [{"begin", "end"}], from the document's tokens
  bool paragraphs = false;  // adds "paragraphs" alike
  // "quotes" holds what someone said (statement = true); with this, "quoted_terms" adds the quoted words
  // that are no one's statement: scare quotes, titles, slogans, quoted names
  bool quoted_terms = false;
};

namespace detail {

inline void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const decoded d = decode_utf8(s, i);
      if (d.cp == invalid_code_point) out += "\xEF\xBF\xBD";
      else out.append(s.data() + i, d.length);
      i += d.length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

inline void json_number(std::string& out, double v) {
  if (!std::isfinite(v)) { out += "null"; return; }
  if (v == std::floor(v) && std::fabs(v) < 9.0e15) {
    out += std::to_string(static_cast<long long>(v));
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

inline void json_optional(std::string& out, const std::optional<double>& v) {
  if (v) json_number(out, *v); else out += "null";
}

inline void json_string_or_null(std::string& out, std::string_view s) {
  if (s.empty()) out += "null"; else json_string(out, s);
}

// Writes "key": with the separators of the chosen layout.
class json_object_writer {
 public:
  explicit json_object_writer(std::string& out) : out_(out) { out_ += '{'; }
  void key(std::string_view k) {
    if (!first_) out_ += ", ";
    first_ = false;
    json_string(out_, k);
    out_ += ": ";
  }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

inline void json_span_fields(json_object_writer& w, std::string& out, const document& doc, span where) {
  w.key("text"); json_string(out, doc.text(where));
  w.key("begin"); out += std::to_string(where.begin);
  w.key("end"); out += std::to_string(where.end);
}

// A user kind's fields as JSON members.
class json_field_writer final : public field_writer {
 public:
  json_field_writer(json_object_writer& w, std::string& out, const document& doc) : w_(w), out_(out), doc_(doc) {}
  void text(std::string_view key, std::string_view value) override { w_.key(key); json_string(out_, value); }
  void number(std::string_view key, std::optional<double> value) override { w_.key(key); json_optional(out_, value); }
  void boolean(std::string_view key, bool value) override { w_.key(key); out_ += value ? "true" : "false"; }
  void text_at(std::string_view key, span where) override {
    w_.key(key);
    json_string_or_null(out_, doc_.text(where));
  }

 private:
  json_object_writer& w_;
  std::string& out_;
  const document& doc_;
};

// 0, 1, ..., n - 1 for json_array (std::views::iota does not compile with clang 14 and libstdc++ 12).
struct index_range {
  struct iterator {
    std::size_t i;
    std::size_t operator*() const noexcept { return i; }
    iterator& operator++() noexcept {
      ++i;
      return *this;
    }
    bool operator!=(const iterator& other) const noexcept { return i != other.i; }
  };
  std::size_t n;
  [[nodiscard]] iterator begin() const noexcept { return {0}; }
  [[nodiscard]] iterator end() const noexcept { return {n}; }
};

// "name": [items kept by keep, each written by write], flushed after each item.
template <class Items, class Write, class Flush, class Keep>
void json_array(std::string& out, std::string_view name, const Items& items, const json_options& o, Write write,
                Flush& flush, Keep keep) {
  json_string(out, name);
  out += ": [";
  bool first = true;
  for (const auto& item : items) {
    if (!keep(item)) continue;
    if (!first) out += ',';
    if (o.pretty) out += "\n    ";
    else if (!first) out += ' ';
    first = false;
    write(item);
    flush(out);
  }
  if (o.pretty && !first) out += "\n  ";
  out += ']';
}

template <class Items, class Write, class Flush>
void json_array(std::string& out, std::string_view name, const Items& items, const json_options& o, Write write,
                Flush& flush) {
  json_array(out, name, items, o, write, flush, [](const auto&) { return true; });
}

// A sentence or paragraph as {"begin", "end"}: the bytes from its first token's start to its last token's end.
template <class Flush>
void json_token_ranges(std::string& out, std::string_view name, const document& doc,
                       const std::vector<token_range>& ranges, const json_options& o, Flush& flush) {
  json_array(out, name, ranges, o, [&](const token_range& r) {
    json_object_writer w(out);
    const bool known = !r.empty() && r.last <= doc.tokens().size();
    w.key("begin"); out += std::to_string(known ? doc.tokens()[r.first].begin : 0);
    w.key("end"); out += std::to_string(known ? doc.tokens()[r.last - 1].end : 0);
    w.close();
  }, flush);
}

// Writes doc as one JSON object to out; flush(out) is called after each item of an array, and may pass
// on and clear what out holds.
template <class Flush>
void write_json_with(std::string& out, const document& doc, const json_options& options, Flush& flush) {
  const char* sep = options.pretty ? ",\n  " : ", ";
  out += options.pretty ? "{\n  " : "{";
  json_string(out, "doc");
  out += ": ";
  json_string(out, doc.name());
  out += sep;

  json_array(out, "actors", doc.actor_mentions(), options, [&](const actor_mention& m) {
    json_object_writer w(out);
    json_span_fields(w, out, doc, m.where);
    if (m.actor < doc.actors().size()) {
      const actor& a = doc.actors()[m.actor];
      w.key("name"); json_string(out, a.name);
      w.key("kind"); json_string(out, to_string(a.kind));
      w.key("title"); json_string_or_null(out, a.title);
      w.key("country"); json_string_or_null(out, a.country);
      if (!a.role.empty()) { w.key("role"); json_string(out, a.role); }
    }
    w.close();
  }, flush);
  out += sep;

  json_array(out, "locations", doc.place_mentions(), options, [&](const place_mention& m) {
    json_object_writer w(out);
    json_span_fields(w, out, doc, m.where);
    if (m.place < doc.places().size()) {
      const place& p = doc.places()[m.place];
      w.key("name"); json_string(out, p.name);
      w.key("kind"); json_string(out, to_string(p.kind));
      w.key("country"); json_string_or_null(out, p.country);
      w.key("lat"); json_optional(out, p.lat);
      w.key("lon"); json_optional(out, p.lon);
    }
    if (m.role == place_role::in_name) { w.key("role"); json_string(out, "in_name"); }
    w.close();
  }, flush);
  out += sep;

  json_array(out, "quantities", doc.quantities(), options, [&](const quantity& q) {
    json_object_writer w(out);
    json_span_fields(w, out, doc, q.where);
    w.key("value"); json_optional(out, q.value);
    if (q.value_max) { w.key("value_max"); json_number(out, *q.value_max); }
    // money written with a symbol names its currency ("pounds"), "%" is "percent"
    w.key("object"); json_string_or_null(out, object_text(doc, q));
    w.key("approx"); json_string_or_null(out, to_string(q.approx));
    w.key("unit"); json_string_or_null(out, q.unit);
    w.close();
  }, flush);
  out += sep;

  json_array(out, "dates", doc.dates(), options, [&](const date_mention& d) {
    json_object_writer w(out);
    json_span_fields(w, out, doc, d.where);
    w.key("value"); json_string_or_null(out, d.value);
    w.key("relative"); out += d.relative ? "true" : "false";
    w.close();
  }, flush);
  out += sep;

  const auto write_quote = [&](const quote& q) {
    json_object_writer w(out);
    json_span_fields(w, out, doc, q.where);
    w.key("speaker"); json_string_or_null(out, doc.speaker_of(q));
    w.key("speaker_text"); json_string_or_null(out, doc.text(q.speaker_where));
    w.key("cue"); json_string_or_null(out, doc.text(q.cue));
    w.key("statement"); out += q.statement ? "true" : "false";
    w.key("closed_by_rule"); out += q.closed_by_rule ? "true" : "false";
    w.close();
  };
  json_array(out, "quotes", doc.quotes(), options, write_quote, flush, [](const quote& q) { return q.statement; });
  if (options.quoted_terms) {
    out += sep;
    json_array(out, "quoted_terms", doc.quotes(), options, write_quote, flush,
               [](const quote& q) { return !q.statement; });
  }
  if (options.sentences) {
    out += sep;
    json_token_ranges(out, "sentences", doc, doc.sentences(), options, flush);
  }
  if (options.paragraphs) {
    out += sep;
    json_token_ranges(out, "paragraphs", doc, doc.paragraphs(), options, flush);
  }

  // Kinds beyond the built-in ones, each a list under its name.
  for (const auto& kind : doc.user_kinds()) {
    out += sep;
    json_array(out, kind->name(), index_range{kind->size()}, options, [&](std::size_t i) {
      json_object_writer w(out);
      json_span_fields(w, out, doc, kind->where(i));
      json_field_writer fields(w, out, doc);
      kind->write_fields(i, fields);
      w.close();
    }, flush);
  }
  out += options.pretty ? "\n}" : "}";
}

}  // namespace detail

// Appends doc as one JSON object to out.
inline void write_json(std::string& out, const document& doc, const json_options& options = {}) {
  auto keep_all = [](std::string&) noexcept {};
  detail::write_json_with(out, doc, options, keep_all);
}

// Writes doc as one JSON object to sink, a callable taking std::string_view, in pieces of about
// chunk_bytes: the output of a document of any size then takes constant memory (quarry-extract writes a
// gigabyte input's JSON this way). The pieces joined are exactly what write_json gives.
template <class Sink>
void stream_json(Sink&& sink, const document& doc, const json_options& options = {},
                 std::size_t chunk_bytes = std::size_t{1} << 16) {
  std::string buffer;
  buffer.reserve(chunk_bytes + 4096);
  auto pass_on = [&](std::string& out) {
    if (out.size() >= chunk_bytes) {
      sink(std::string_view(out));
      out.clear();
    }
  };
  detail::write_json_with(buffer, doc, options, pass_on);
  if (!buffer.empty()) sink(std::string_view(buffer));
}

[[nodiscard]] inline std::string to_json(const document& doc, const json_options& options = {}) {
  std::string out;
  write_json(out, doc, options);
  return out;
}

}  // namespace v0
}  // namespace quarry
