// quarry/segmented.hpp: runs a pipeline over a very long text piece by piece.
// Tokens take about 2.5 times the text's size, so a gigabyte input is cut at paragraph breaks into
// pieces of bounded size; what each piece finds is merged into one document with offsets into the
// whole text. Coreference (one canonical name per actor) does not cross pieces: entities of
// different pieces merge only when their canonical names and kinds are equal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "quarry/document.hpp"

namespace quarry {
inline namespace v0 {

namespace detail {

// Where to end a piece that starts at begin: the last blank line, else line break, else space
// before begin + max_bytes (in the window's second half), else the last UTF-8 boundary.
[[nodiscard]] inline std::size_t segment_end(std::string_view text, std::size_t begin, std::size_t max_bytes) {
  if (text.size() - begin <= max_bytes) return text.size();
  const std::size_t limit = begin + max_bytes;
  const std::size_t floor = begin + max_bytes / 2;
  const std::string_view window = text.substr(floor, limit - floor);
  for (std::string_view sep : {std::string_view("\n\n"), std::string_view("\n"), std::string_view(" ")}) {
    const std::size_t at = window.rfind(sep);
    if (at != std::string_view::npos) return floor + at + sep.size();
  }
  std::size_t end = limit;
  while (end > floor && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  return end;
}

inline span shifted(span s, std::size_t by) noexcept {
  if (s.empty() && s.begin == 0) return s;  // an absent span stays absent
  return {static_cast<offset_t>(s.begin + by), static_cast<offset_t>(s.end + by)};
}

}  // namespace detail

// Runs pipeline on doc's text in pieces of at most max_bytes (a single piece when the text fits)
// and merges the findings into doc. doc.tokens(), sentences() and paragraphs() are left empty when
// the text was cut, since no piece's tokens outlive it.
template <class Pipeline>
void run_segmented(const Pipeline& pipeline, document& doc, std::size_t max_bytes = std::size_t{32} << 20) {
  const std::string_view all = doc.text();
  if (all.size() <= max_bytes || max_bytes == 0) {
    pipeline(doc);
    return;
  }
  doc.clear();
  document piece;
  std::unordered_map<std::string, entity_id> actor_ids, place_ids;
  std::vector<entity_id> actor_map, place_map;
  unsigned done = 0;
  for (std::size_t begin = 0; begin < all.size();) {
    const std::size_t end = detail::segment_end(all, begin, max_bytes);
    piece.borrow(all.substr(begin, end - begin), doc.name());
    piece.set_date(doc.date());
    pipeline(piece);
    done |= piece.done();

    actor_map.assign(piece.actors().size(), no_entity);
    for (std::size_t i = 0; i < piece.actors().size(); ++i) {
      const actor& a = piece.actors()[i];
      const std::string key = a.name + '\x1f' + std::string(to_string(a.kind));
      auto [it, fresh] = actor_ids.try_emplace(key, static_cast<entity_id>(doc.actors().size()));
      if (fresh) doc.actors().push_back(a);
      actor_map[i] = it->second;
    }
    place_map.assign(piece.places().size(), no_entity);
    for (std::size_t i = 0; i < piece.places().size(); ++i) {
      const place& p = piece.places()[i];
      const std::string key = p.name + '\x1f' + std::string(to_string(p.kind)) + '\x1f' + p.country;
      auto [it, fresh] = place_ids.try_emplace(key, static_cast<entity_id>(doc.places().size()));
      if (fresh) doc.places().push_back(p);
      place_map[i] = it->second;
    }
    auto remap = [](const std::vector<entity_id>& map, entity_id id) {
      return id < map.size() ? map[id] : no_entity;
    };
    for (auto m : piece.actor_mentions()) {
      m.where = detail::shifted(m.where, begin);
      m.actor = remap(actor_map, m.actor);
      doc.actor_mentions().push_back(m);
    }
    for (auto m : piece.place_mentions()) {
      m.where = detail::shifted(m.where, begin);
      m.place = remap(place_map, m.place);
      doc.place_mentions().push_back(m);
    }
    for (auto q : piece.quantities()) {
      q.where = detail::shifted(q.where, begin);
      q.object = detail::shifted(q.object, begin);
      doc.quantities().push_back(std::move(q));
    }
    for (auto d : piece.dates()) {
      d.where = detail::shifted(d.where, begin);
      doc.dates().push_back(std::move(d));
    }
    for (auto q : piece.quotes()) {
      q.where = detail::shifted(q.where, begin);
      q.speaker_where = detail::shifted(q.speaker_where, begin);
      q.cue = detail::shifted(q.cue, begin);
      q.speaker = remap(actor_map, q.speaker);
      doc.quotes().push_back(q);
    }
    for (const auto& kind : piece.user_kinds()) doc.store_like(*kind).append_shifted(*kind, begin);
    begin = end;
  }
  doc.mark_done(done);
}

}  // namespace v0
}  // namespace quarry
