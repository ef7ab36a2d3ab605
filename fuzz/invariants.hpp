// fuzz/invariants.hpp: what every tokenization and every extraction must satisfy on any input, shared by
// the libFuzzer targets (fuzz/fuzz_*.cpp) and tests/test_hostile_input.cpp. Each check returns an empty
// string when the invariant holds, else a description of the first violation.
#pragma once

#include <quarry/document.hpp>
#include <quarry/text/utf8.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quarry_fuzz {

namespace detail {

inline bool is_continuation(std::string_view text, std::size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u;
}

inline std::string where(const char* what, std::size_t index, quarry::span s) {
  return std::string(what) + " #" + std::to_string(index) + " [" + std::to_string(s.begin) + ", " +
         std::to_string(s.end) + ")";
}

// A span inside the text with begin <= end; on valid UTF-8 its ends fall on code point boundaries.
inline std::string check_span(std::string_view text, bool valid_utf8, const char* what, std::size_t index,
                              quarry::span s) {
  if (s.begin > s.end) return where(what, index, s) + ": begin after end";
  if (s.end > text.size()) return where(what, index, s) + ": past the end of the text (" + std::to_string(text.size()) + ")";
  if (valid_utf8 && (is_continuation(text, s.begin) || is_continuation(text, s.end))) {
    return where(what, index, s) + ": not on a UTF-8 boundary";
  }
  return {};
}

inline std::string check_finite(const char* what, std::size_t index, const std::optional<double>& v) {
  if (v && !std::isfinite(*v)) return std::string(what) + " #" + std::to_string(index) + ": value not finite";
  return {};
}

template <class Items, class Where>
std::string check_sorted(const char* what, const Items& items, Where where_of) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    if (where_of(items[i]).begin < where_of(items[i - 1]).begin) {
      return std::string(what) + " #" + std::to_string(i) + ": not sorted by position";
    }
  }
  return {};
}

}  // namespace detail

// Tokens: non-empty, inside the text, sorted and non-overlapping, on UTF-8 boundaries where the text is valid
// UTF-8; the bytes between tokens are white space or control bytes only.
inline std::string check_tokens(std::string_view text, const std::vector<quarry::token>& tokens) {
  const bool valid = !quarry::find_invalid_utf8(text).has_value();
  std::size_t prev_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const quarry::token& t = tokens[i];
    if (t.begin >= t.end) return detail::where("token", i, t.where()) + ": empty or reversed";
    if (auto e = detail::check_span(text, valid, "token", i, t.where()); !e.empty()) return e;
    if (t.begin < prev_end) return detail::where("token", i, t.where()) + ": overlaps or precedes the token before";
    for (std::size_t b = prev_end; b < t.begin; ++b) {
      const auto c = static_cast<unsigned char>(text[b]);
      if (c < 0x80 && c > 0x20 && c != 0x7F) {
        return "byte " + std::to_string(b) + " ('" + std::string(1, static_cast<char>(c)) + "') is in no token";
      }
    }
    prev_end = t.end;
  }
  for (std::size_t b = prev_end; b < text.size(); ++b) {
    const auto c = static_cast<unsigned char>(text[b]);
    if (c < 0x80 && c > 0x20 && c != 0x7F) return "byte " + std::to_string(b) + " after the last token is in no token";
  }
  return {};
}

// Sentences and paragraphs: each a contiguous, non-empty run of tokens; together they cover every token once,
// in order; every sentence lies inside one paragraph; the sentence_start flag marks the first tokens, and
// otherwise only tokens after a quote or bracket in their sentence (a sentence held inside a quotation).
inline std::string check_ranges(const quarry::document& doc) {
  const auto n = doc.tokens().size();
  for (const auto* ranges : {&doc.sentences(), &doc.paragraphs()}) {
    const char* what = ranges == &doc.sentences() ? "sentence" : "paragraph";
    if (n == 0) {
      if (!ranges->empty()) return std::string(what) + "s without tokens";
      continue;
    }
    std::uint32_t expect = 0;
    for (std::size_t i = 0; i < ranges->size(); ++i) {
      const auto& r = (*ranges)[i];
      if (r.first != expect || r.last <= r.first || r.last > n) {
        return std::string(what) + " #" + std::to_string(i) + " [" + std::to_string(r.first) + ", " +
               std::to_string(r.last) + "): not contiguous, empty or past the tokens";
      }
      expect = r.last;
    }
    if (expect != n) return std::string(what) + "s do not cover every token";
  }
  std::size_t p = 0;
  for (std::size_t i = 0; i < doc.sentences().size(); ++i) {
    const auto& s = doc.sentences()[i];
    while (p < doc.paragraphs().size() && doc.paragraphs()[p].last <= s.first) ++p;
    if (p == doc.paragraphs().size() || s.first < doc.paragraphs()[p].first || s.last > doc.paragraphs()[p].last) {
      return "sentence #" + std::to_string(i) + " crosses a paragraph boundary";
    }
    if (!doc.tokens()[s.first].has(quarry::sentence_start)) return "sentence #" + std::to_string(i) + ": first token not flagged";
  }
  const auto& toks = doc.tokens();
  for (std::size_t i = 0; i < doc.sentences().size(); ++i) {
    const auto& s = doc.sentences()[i];
    bool enclosed = false;
    for (std::uint32_t k = s.first + 1; k < s.last; ++k) {
      const auto& prev = toks[k - 1];
      const std::string_view pt = prev.of(doc.text());
      enclosed = enclosed || prev.is_quote() || pt == "(" || pt == "[";
      if (toks[k].has(quarry::sentence_start) && !enclosed) {
        return "sentence #" + std::to_string(i) + ": token " + std::to_string(k) + " flagged outside a quotation";
      }
    }
  }
  return {};
}

// Annotations: spans inside the text and on UTF-8 boundaries where it is valid; each vector sorted by position;
// every mention points to an existing entity; every quote's speaker is an existing actor or no_entity; numbers
// finite.
inline std::string check_annotations(const quarry::document& doc) {
  const std::string_view text = doc.text();
  const bool valid = !quarry::find_invalid_utf8(text).has_value();
  using detail::check_span;
  const auto& am = doc.actor_mentions();
  for (std::size_t i = 0; i < am.size(); ++i) {
    if (auto e = check_span(text, valid, "actor mention", i, am[i].where); !e.empty()) return e;
    if (am[i].actor >= doc.actors().size()) return "actor mention #" + std::to_string(i) + ": no such actor";
  }
  const auto& pm = doc.place_mentions();
  for (std::size_t i = 0; i < pm.size(); ++i) {
    if (auto e = check_span(text, valid, "place mention", i, pm[i].where); !e.empty()) return e;
    if (pm[i].place >= doc.places().size()) return "place mention #" + std::to_string(i) + ": no such place";
  }
  for (std::size_t i = 0; i < doc.places().size(); ++i) {
    if (auto e = detail::check_finite("place lat", i, doc.places()[i].lat); !e.empty()) return e;
    if (auto e = detail::check_finite("place lon", i, doc.places()[i].lon); !e.empty()) return e;
  }
  const auto& qs = doc.quantities();
  for (std::size_t i = 0; i < qs.size(); ++i) {
    if (auto e = check_span(text, valid, "quantity", i, qs[i].where); !e.empty()) return e;
    if (auto e = check_span(text, valid, "quantity object", i, qs[i].object); !e.empty()) return e;
    if (auto e = detail::check_finite("quantity value", i, qs[i].value); !e.empty()) return e;
    if (auto e = detail::check_finite("quantity value_max", i, qs[i].value_max); !e.empty()) return e;
  }
  const auto& ds = doc.dates();
  for (std::size_t i = 0; i < ds.size(); ++i) {
    if (auto e = check_span(text, valid, "date", i, ds[i].where); !e.empty()) return e;
  }
  const auto& quotes = doc.quotes();
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    if (auto e = check_span(text, valid, "quote", i, quotes[i].where); !e.empty()) return e;
    if (auto e = check_span(text, valid, "quote speaker", i, quotes[i].speaker_where); !e.empty()) return e;
    if (auto e = check_span(text, valid, "quote cue", i, quotes[i].cue); !e.empty()) return e;
    if (quotes[i].speaker != quarry::no_entity && quotes[i].speaker >= doc.actors().size()) {
      return "quote #" + std::to_string(i) + ": speaker is no actor";
    }
  }
  auto by_where = [](const auto& a) { return a.where; };
  if (auto e = detail::check_sorted("actor mention", am, by_where); !e.empty()) return e;
  if (auto e = detail::check_sorted("place mention", pm, by_where); !e.empty()) return e;
  if (auto e = detail::check_sorted("quantity", qs, by_where); !e.empty()) return e;
  if (auto e = detail::check_sorted("date", ds, by_where); !e.empty()) return e;
  if (auto e = detail::check_sorted("quote", quotes, by_where); !e.empty()) return e;
  return {};
}

// Everything about a document the pipeline filled.
inline std::string check_document(const quarry::document& doc) {
  if (auto e = check_tokens(doc.text(), doc.tokens()); !e.empty()) return e;
  if (auto e = check_ranges(doc); !e.empty()) return e;
  return check_annotations(doc);
}

}  // namespace quarry_fuzz
