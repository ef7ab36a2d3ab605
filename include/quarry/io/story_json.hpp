// quarry/io/story_json.hpp: a story sheet as one JSON object (schema in docs/story.md). Texts are read
// from the documents the story was made from; begin and end index each document's own text.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/io/json.hpp"
#include "quarry/story/types.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

inline void json_indices(std::string& out, const std::vector<doc_index>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(v[i]);
  }
  out += ']';
}

inline void json_strings(std::string& out, const std::vector<std::string>& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ", ";
    json_string(out, v[i]);
  }
  out += ']';
}

// "document", "text", "begin", "end" of one source.
inline void json_source_fields(json_object_writer& w, std::string& out, std::span<const document> docs,
                               doc_index d, span where) {
  w.key("document");
  out += std::to_string(d);
  json_span_fields(w, out, docs[d], where);
}

// Writes "name": [items...], one item per line when pretty.
template <class Items, class Write>
void json_story_array(std::string& out, std::string_view name, const Items& items, bool pretty, Write write) {
  json_string(out, name);
  out += ": [";
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    if (pretty) out += "\n    ";
    else if (!first) out += ' ';
    first = false;
    write(item);
  }
  if (pretty && !first) out += "\n  ";
  out += ']';
}

}  // namespace detail

// Appends s, made from docs, to out as one JSON object.
inline void write_story_json(std::string& out, const story& s, std::span<const document> docs,
                             const json_options& options = {}) {
  using namespace detail;
  const bool pretty = options.pretty;
  const char* sep = pretty ? ",\n  " : ", ";
  out += pretty ? "{\n  " : "{";

  json_story_array(out, "documents", s.documents, pretty, [&](const story_document& d) {
    json_object_writer w(out);
    w.key("name"); json_string(out, d.name);
    w.key("date");
    if (d.date) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.date->year % 10000, d.date->month % 100, d.date->day % 100);
      json_string(out, buf);
    } else {
      out += "null";
    }
    w.key("bytes"); out += std::to_string(d.bytes);
    w.close();
  });
  out += sep;
  json_story_array(out, "actors", s.actors, pretty, [&](const story_actor& a) {
    json_object_writer w(out);
    w.key("name"); json_string(out, a.name);
    w.key("kind"); json_string(out, to_string(a.kind));
    w.key("country"); json_string_or_null(out, a.country);
    w.key("titles"); json_strings(out, a.titles);
    w.key("credit"); out += a.credit_only ? "true" : "false";
    w.key("documents"); json_indices(out, a.documents);
    w.key("mentions"); out += std::to_string(a.mentions);
    w.key("forms"); json_strings(out, a.forms);
    w.close();
  });
  out += sep;
  json_story_array(out, "places", s.places, pretty, [&](const story_place& p) {
    json_object_writer w(out);
    w.key("name"); json_string(out, p.name);
    w.key("kind"); json_string(out, to_string(p.kind));
    w.key("country"); json_string_or_null(out, p.country);
    w.key("lat"); json_optional(out, p.lat);
    w.key("lon"); json_optional(out, p.lon);
    w.key("documents"); json_indices(out, p.documents);
    w.key("mentions"); out += std::to_string(p.mentions);
    w.key("forms"); json_strings(out, p.forms);
    w.close();
  });
  out += sep;
  json_story_array(out, "quotes", s.quotes, pretty, [&](const story_speaker& sp) {
    json_object_writer w(out);
    w.key("speaker"); json_string(out, sp.speaker);
    w.key("actor");
    if (sp.actor == no_entity) out += "null"; else out += std::to_string(sp.actor);
    w.key("documents"); json_indices(out, sp.documents);
    w.key("quotes");
    out += '[';
    for (std::size_t i = 0; i < sp.statements.size(); ++i) {
      const story_statement& st = sp.statements[i];
      if (i > 0) out += ", ";
      json_object_writer q(out);
      json_source_fields(q, out, docs, st.sources[0].document, st.sources[0].where);
      q.key("documents"); json_indices(out, st.documents);
      q.key("also");
      out += '[';
      for (std::size_t k = 1; k < st.sources.size(); ++k) {
        if (k > 1) out += ", ";
        json_object_writer a(out);
        json_source_fields(a, out, docs, st.sources[k].document, st.sources[k].where);
        a.close();
      }
      out += ']';
      q.close();
    }
    out += ']';
    w.close();
  });
  out += sep;
  json_story_array(out, "figures", s.figures, pretty, [&](const story_figure& f) {
    json_object_writer w(out);
    w.key("object"); json_string(out, f.object);
    w.key("where"); json_string_or_null(out, f.where);
    w.key("status"); json_string(out, to_string(f.status));
    w.key("documents"); json_indices(out, f.documents);
    w.key("claims");
    out += '[';
    for (std::size_t i = 0; i < f.claims.size(); ++i) {
      const story_claim& c = f.claims[i];
      if (i > 0) out += ", ";
      json_object_writer cw(out);
      cw.key("document"); out += std::to_string(c.document);
      cw.key("value"); json_optional(out, c.value);
      cw.key("value_max"); json_optional(out, c.value_max);
      cw.key("approx"); json_string_or_null(out, to_string(c.approx));
      cw.key("unit"); json_string_or_null(out, c.unit);
      json_span_fields(cw, out, docs[c.document], c.where);
      cw.close();
    }
    out += ']';
    w.close();
  });
  out += sep;
  json_story_array(out, "timeline", s.timeline, pretty, [&](const story_date& d) {
    json_object_writer w(out);
    w.key("date"); json_string(out, d.date);
    w.key("documents"); json_indices(out, d.documents);
    w.key("mentions");
    out += '[';
    for (std::size_t i = 0; i < d.mentions.size(); ++i) {
      const story_dated& m = d.mentions[i];
      if (i > 0) out += ", ";
      json_object_writer mw(out);
      json_source_fields(mw, out, docs, m.document, m.where);
      mw.key("statement"); json_string(out, docs[m.document].text(m.sentence));
      mw.key("statement_begin"); out += std::to_string(m.sentence.begin);
      mw.key("statement_end"); out += std::to_string(m.sentence.end);
      mw.close();
    }
    out += ']';
    w.close();
  });
  out += pretty ? "\n}" : "}";
}

}  // namespace v0
}  // namespace quarry
