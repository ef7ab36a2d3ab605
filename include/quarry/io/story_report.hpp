// quarry/io/story_report.hpp: a story sheet as a plain-text report for people. Documents are numbered
// [0], [1], ...; everything after says which documents carry it. Findings of several documents come first.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/io/report.hpp"
#include "quarry/story/types.hpp"
#include "quarry/text/utf8.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

inline std::string doc_list(const std::vector<doc_index>& docs) {
  std::string out = "[";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(docs[i]);
  }
  return out + "]";
}

// At most max bytes of s, cut at a space and marked with an ellipsis.
inline std::string shorten(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = s.rfind(' ', max);
  if (cut == std::string_view::npos || cut < max / 2) cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(s.substr(0, cut)) + "\u2026";
}

inline std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace detail

// Appends a readable report of s, made from docs, to out.
inline void write_story_report(std::string& out, const story& s, std::span<const document> docs) {
  using detail::report_line;
  using detail::doc_list;
  report_line(out, "== Story of " + std::to_string(s.documents.size()) + " documents");
  for (std::size_t i = 0; i < s.documents.size(); ++i) {
    const story_document& d = s.documents[i];
    std::string line = "  [" + std::to_string(i) + "] " + (d.name.empty() ? std::string("(text)") : d.name) + " (" +
                       std::to_string(d.bytes) + " bytes";
    if (d.date) line += ", " + std::to_string(d.date->year) + "-" + (d.date->month < 10 ? "0" : "") +
                        std::to_string(d.date->month) + "-" + (d.date->day < 10 ? "0" : "") + std::to_string(d.date->day);
    report_line(out, line + ")");
  }
  if (!s.actors.empty()) {
    report_line(out, "Actors:");
    for (const story_actor& a : s.actors) {
      std::string line = "  " + a.name + " (" + std::string(to_string(a.kind));
      for (const auto& t : a.titles) line += ", " + t;
      if (a.credit_only) line += ", credit";
      line += ") " + doc_list(a.documents) + " x" + std::to_string(a.mentions);
      std::vector<std::string> other;
      for (const auto& f : a.forms) if (f != a.name) other.push_back(f);
      if (!other.empty()) {
        line += "; also";
        for (std::size_t i = 0; i < other.size(); ++i) line += (i == 0 ? " " : ", ") + other[i];
      }
      report_line(out, line);
    }
  }
  if (!s.places.empty()) {
    report_line(out, "Places:");
    for (const story_place& p : s.places) {
      std::string line = "  " + p.name + " (" + std::string(to_string(p.kind));
      if (!p.country.empty()) line += ", " + p.country;
      report_line(out, line + ") " + doc_list(p.documents) + " x" + std::to_string(p.mentions));
    }
  }
  if (!s.quotes.empty()) {
    report_line(out, "Quotes:");
    for (const story_speaker& sp : s.quotes) {
      report_line(out, "  " + sp.speaker + " " + doc_list(sp.documents) + ":");
      for (const story_statement& st : sp.statements) {
        const story_source& lead = st.sources[0];
        report_line(out, "    " + doc_list(st.documents) + " \u201C" +
                             detail::one_line(docs[lead.document].text(lead.where)) + "\u201D");
      }
    }
  }
  if (!s.figures.empty()) {
    report_line(out, "Figures:");
    for (const story_figure& f : s.figures) {
      std::string line = "  " + f.object + (f.where.empty() ? "" : " in " + f.where) + ": " + std::string(to_string(f.status));
      line += " " + doc_list(f.documents);
      report_line(out, line);
      for (const story_claim& c : f.claims) {
        std::string claim = "    [" + std::to_string(c.document) + "] ";
        if (const auto a = to_string(c.approx); !a.empty()) claim += std::string(a) + " ";
        claim += c.value ? detail::report_number(*c.value) : std::string("?");
        if (c.value_max) claim += " to " + detail::report_number(*c.value_max);
        if (!c.unit.empty()) claim += " " + c.unit;
        claim += "  \u201C" + detail::one_line(docs[c.document].text(c.where)) + "\u201D";
        report_line(out, claim);
      }
    }
  }
  if (!s.timeline.empty()) {
    report_line(out, "Timeline:");
    for (const story_date& d : s.timeline) {
      report_line(out, "  " + d.date + " " + doc_list(d.documents));
      for (const story_dated& m : d.mentions) {
        report_line(out, "    [" + std::to_string(m.document) + "] " +
                             detail::shorten(detail::one_line(docs[m.document].text(m.sentence)), 110));
      }
    }
  }
}

}  // namespace v0
}  // namespace quarry
