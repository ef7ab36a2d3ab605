// quarry/story/timeline.hpp: the dated statements of a story in date order. Each date comes resolved by
// its own document's publication date (the dates stage does that); a date without a year takes the
// publication year, and dates that stayed unresolved ("last Saturday" with no publication date) are left out.
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/story/entities.hpp"
#include "quarry/story/types.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// The date as the timeline sorts it, or empty when it has no place there (no value, a time of day).
inline std::string timeline_value(const date_mention& d, const std::optional<calendar_date>& published) {
  if (d.value.empty() || d.value.front() == 'T') return {};
  std::string v = d.value;
  if (const auto t = v.find('T'); t != std::string::npos) v.resize(t);
  if (v.starts_with("--") && published) {
    char year[8];
    std::snprintf(year, sizeof year, "%04d", published->year % 10000);
    v = year + v.substr(1);
  }
  return v;
}

// Dates with a year first, in order ("2014" before "2014-01"), then dates without one by month and day.
inline bool timeline_before(const std::string& a, const std::string& b) {
  const bool ya = !a.starts_with("--");
  const bool yb = !b.starts_with("--");
  if (ya != yb) return ya;
  return a < b;
}

}  // namespace detail

// Collects the dated statements of docs into out.timeline.
inline void build_timeline(std::span<const document> docs, story& out) {
  using namespace detail;
  std::unordered_map<std::string, std::uint32_t> by_date;
  out.timeline.clear();
  for (doc_index d = 0; d < docs.size(); ++d) {
    const document& doc = docs[d];
    const auto& tokens = doc.tokens();
    for (const date_mention& m : doc.dates()) {
      std::string value = timeline_value(m, doc.date());
      if (value.empty()) continue;
      span sentence = m.where;
      const auto i = static_cast<std::uint32_t>(
          std::lower_bound(tokens.begin(), tokens.end(), m.where.begin, [](const token& t, offset_t b) { return t.begin < b; }) -
          tokens.begin());
      if (const std::size_t s = doc.sentence_of(i); s < doc.sentences().size()) {
        const token_range r = doc.sentences()[s];
        if (r.last > r.first) sentence = {tokens[r.first].begin, tokens[r.last - 1].end};
      }
      const auto [it, fresh] = by_date.try_emplace(value, static_cast<std::uint32_t>(out.timeline.size()));
      if (fresh) out.timeline.push_back({std::move(value), {}, {}});
      story_date& entry = out.timeline[it->second];
      add_distinct_doc(entry.documents, d);
      entry.mentions.push_back({d, m.where, sentence});
    }
  }
  std::stable_sort(out.timeline.begin(), out.timeline.end(),
                   [](const story_date& a, const story_date& b) { return timeline_before(a.date, b.date); });
}

}  // namespace v0
}  // namespace quarry
