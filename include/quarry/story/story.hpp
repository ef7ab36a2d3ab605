// quarry/story/story.hpp: many documents on one event read as one story sheet: actors and places linked
// across documents, quotes by speaker, figures that agree or differ, a timeline. The documents come from
// a pipeline with the stages whose findings are wanted; a layer a document lacks leaves its part empty.
#pragma once

#include <span>

#include "quarry/document.hpp"
#include "quarry/story/entities.hpp"
#include "quarry/story/figures.hpp"
#include "quarry/story/statements.hpp"
#include "quarry/story/timeline.hpp"
#include "quarry/story/types.hpp"

namespace quarry {
inline namespace v0 {

// Links docs into one story. The result holds indices and spans into docs: keep them alive and in
// order while the story is used. Cost: near-linear in the number of mentions (see docs/story.md).
[[nodiscard]] inline story make_story(std::span<const document> docs, const story_options& options = {}) {
  story s;
  s.documents.reserve(docs.size());
  for (const document& d : docs) s.documents.push_back({d.name(), d.date(), d.text().size()});
  link_actors(docs, s);
  link_places(docs, s);
  group_quotes(docs, options, s);
  group_figures(docs, options, s);
  build_timeline(docs, s);
  return s;
}

}  // namespace v0
}  // namespace quarry
