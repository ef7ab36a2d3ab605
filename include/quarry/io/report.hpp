// quarry/io/report.hpp: a document's findings as a short plain-text report for people.
// Actors and places are listed once per entity with their mention count; quotes with their speaker;
// sentences and paragraphs, when asked for, with their byte offsets; then the findings of each kind a
// user defined, with their fields.
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/text/utf8.hpp"

namespace quarry {
inline namespace v0 {

namespace detail {
inline void report_line(std::string& out, std::string_view text) {
  out += to_valid_utf8(text);
  out += '\n';
}
// A sentence or paragraph on one line: "  [begin, end) words", its line breaks read as spaces.
inline void report_token_ranges(std::string& out, const char* heading, const document& doc,
                                const std::vector<token_range>& ranges) {
  if (ranges.empty()) return;
  report_line(out, heading);
  for (const token_range& r : ranges) {
    if (r.empty() || r.last > doc.tokens().size()) continue;
    const span where{doc.tokens()[r.first].begin, doc.tokens()[r.last - 1].end};
    std::string line = "  [" + std::to_string(where.begin) + ", " + std::to_string(where.end) + ") ";
    for (const char c : doc.text(where)) line += c == '\n' || c == '\r' ? ' ' : c;
    report_line(out, line);
  }
}
inline std::string report_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", v);  // 120000000, not 1.2e+08
  return buf;
}
// A user kind's fields as "key=value, ..." after the finding's text.
class report_field_writer final : public field_writer {
 public:
  explicit report_field_writer(const document& doc) : doc_(doc) {}
  void text(std::string_view key, std::string_view value) override { add(key, std::string(value)); }
  void number(std::string_view key, std::optional<double> value) override {
    add(key, value ? report_number(*value) : std::string("none"));
  }
  void boolean(std::string_view key, bool value) override { add(key, value ? "true" : "false"); }
  void text_at(std::string_view key, span where) override { add(key, std::string(doc_.text(where))); }
  std::string line;

 private:
  void add(std::string_view key, const std::string& value) {
    line += line.empty() ? "" : ", ";
    line.append(key);
    line += '=';
    line += value;
  }
  const document& doc_;
};

}  // namespace detail

struct report_options {
  bool sentences = false;   // lists the sentences
  bool paragraphs = false;  // lists the paragraphs
  bool quoted_terms = false;  // also lists quotes that are no statement (scare quotes, titles), so marked
};

// Appends a readable report of doc to out.
inline void write_report(std::string& out, const document& doc, const report_options& options = {}) {
  using detail::report_line;
  report_line(out, "== " + (doc.name().empty() ? std::string("(text)") : doc.name()) + " (" +
                       std::to_string(doc.text().size()) + " bytes, " + std::to_string(doc.sentences().size()) +
                       " sentences)");

  if (!doc.actors().empty()) {
    std::vector<int> count(doc.actors().size());
    for (const auto& m : doc.actor_mentions()) if (m.actor < count.size()) ++count[m.actor];
    report_line(out, "Actors:");
    for (std::size_t i = 0; i < doc.actors().size(); ++i) {
      const actor& a = doc.actors()[i];
      std::string line = "  " + a.name + " (" + std::string(to_string(a.kind));
      if (!a.title.empty()) line += ", " + a.title;
      if (!a.country.empty()) line += ", " + a.country;
      if (!a.role.empty()) line += ", " + a.role;
      line += ") x" + std::to_string(count[i]);
      report_line(out, line);
    }
  }
  if (!doc.places().empty()) {
    std::vector<int> count(doc.places().size());
    for (const auto& m : doc.place_mentions()) if (m.place < count.size()) ++count[m.place];
    report_line(out, "Places:");
    for (std::size_t i = 0; i < doc.places().size(); ++i) {
      const place& p = doc.places()[i];
      std::string line = "  " + p.name + " (" + std::string(to_string(p.kind));
      if (!p.country.empty()) line += ", " + p.country;
      if (p.lat && p.lon) line += ", " + detail::report_number(*p.lat) + " " + detail::report_number(*p.lon);
      line += ") x" + std::to_string(count[i]);
      report_line(out, line);
    }
  }
  if (!doc.quantities().empty()) {
    report_line(out, "Quantities:");
    for (const auto& q : doc.quantities()) {
      std::string line = "  " + std::string(doc.text(q)) + "  ->  ";
      const auto approx = to_string(q.approx);
      if (!approx.empty()) line += std::string(approx) + " ";
      line += q.value ? detail::report_number(*q.value) : std::string("(vague)");
      if (q.value_max) line += " to " + detail::report_number(*q.value_max);
      if (!q.unit.empty()) line += " " + q.unit;
      if (!q.object.empty()) line += " (" + std::string(doc.text(q.object)) + ")";
      report_line(out, line);
    }
  }
  if (!doc.dates().empty()) {
    report_line(out, "Dates:");
    for (const auto& d : doc.dates()) {
      std::string value = d.value.empty() ? std::string("(relative, no document date)") : d.value;
      if (d.relative && !d.value.empty()) value += " (relative)";
      report_line(out, "  " + std::string(doc.text(d)) + "  ->  " + value);
    }
  }
  const auto listed = [&](const quote& q) { return q.statement || options.quoted_terms; };
  if (std::any_of(doc.quotes().begin(), doc.quotes().end(), listed)) {
    report_line(out, "Quotes:");
    for (const auto& q : doc.quotes()) {
      if (!listed(q)) continue;
      const std::string_view who = doc.speaker_of(q);
      report_line(out, "  " + (who.empty() ? std::string("(unattributed)") : std::string(who)) +
                           (q.statement ? "" : " [not a statement]") + ": \u201C" + std::string(doc.text(q)) + "\u201D");
    }
  }
  if (options.sentences) detail::report_token_ranges(out, "Sentences:", doc, doc.sentences());
  if (options.paragraphs) detail::report_token_ranges(out, "Paragraphs:", doc, doc.paragraphs());
  // Kinds beyond the built-in ones: a section each, under the kind's name.
  for (const auto& kind : doc.user_kinds()) {
    if (kind->empty()) continue;
    report_line(out, kind->name() + ":");
    for (std::size_t i = 0; i < kind->size(); ++i) {
      detail::report_field_writer fields(doc);
      kind->write_fields(i, fields);
      std::string line = "  " + std::string(doc.text(kind->where(i)));
      if (!fields.line.empty()) line += "  (" + fields.line + ")";
      report_line(out, line);
    }
  }
}

}  // namespace v0
}  // namespace quarry
