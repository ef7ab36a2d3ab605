// quarry/kinds.hpp: a pipeline for the kinds of finding a caller names ("actors,dates"), built the way
// quarry-extract's --kinds and the Python module's Pipeline(kinds=...) build it, so both give the same output.
// Stages a kind needs run even when the kind is not asked for (locations for actors, actors for quotes);
// keep_kinds removes what they leave behind. Pattern rules, when given, add the kinds they name.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/error.hpp"
#include "quarry/extract/actors.hpp"
#include "quarry/extract/dates.hpp"
#include "quarry/extract/locations.hpp"
#include "quarry/extract/patterns.hpp"
#include "quarry/match/builtin_rules.hpp"
#include "quarry/extract/quantities.hpp"
#include "quarry/extract/quotes.hpp"
#include "quarry/pipeline.hpp"
#include "quarry/tagger/tagger.hpp"
#include "quarry/tokenizer.hpp"

namespace quarry {
inline namespace v0 {

// Kinds that are only written out: the tokenizer, the first stage of every pipeline, finds them, so they
// need no stage; their bits lie above every quarry::layer bit.
namespace output_kind {
inline constexpr unsigned sentences = 1u << 16;
inline constexpr unsigned paragraphs = 1u << 17;
// Quoted words that are no one's statement (scare quotes, titles, slogans): the quotes stage finds them
// with the statements; "quotes" lists only statements unless this is asked for too.
inline constexpr unsigned quoted_terms = 1u << 22;
}  // namespace output_kind

// The built-in pattern kinds (match/builtin_rules.hpp), each a bit above the layers' and output kinds':
// off unless named.
namespace pattern_kind {
inline constexpr unsigned emails = 1u << 18;
inline constexpr unsigned urls = 1u << 19;
inline constexpr unsigned handles = 1u << 20;
inline constexpr unsigned hashtags = 1u << 21;
}  // namespace pattern_kind

// The kinds' names, as in the output schema; each is a quarry::layer, output_kind or pattern_kind bit.
inline constexpr std::pair<std::string_view, unsigned> kind_names[] = {
    {"actors", layer::actors},         {"locations", layer::places},         {"quantities", layer::quantities},
    {"dates", layer::dates},           {"quotes", layer::quotes},            {"sentences", output_kind::sentences},
    {"paragraphs", output_kind::paragraphs}, {"emails", pattern_kind::emails}, {"urls", pattern_kind::urls},
    {"handles", pattern_kind::handles}, {"hashtags", pattern_kind::hashtags},
    {"quoted_terms", output_kind::quoted_terms}};
// What is extracted when no kinds are named: the findings; sentences, paragraphs and the pattern kinds
// only when asked for.
inline constexpr unsigned all_kinds = layer::actors | layer::places | layer::quantities | layer::dates | layer::quotes;
inline constexpr unsigned all_pattern_kinds =
    pattern_kind::emails | pattern_kind::urls | pattern_kind::handles | pattern_kind::hashtags;

// "actors,locations" -> the layer bits; empty names between commas are skipped. Throws usage_error naming
// an unknown kind.
[[nodiscard]] inline unsigned parse_kind(std::string_view name) {
  for (const auto& [known, bit] : kind_names) {
    if (name == known) return bit;
  }
  std::string known;
  for (const auto& [n, bit] : kind_names) known += (known.empty() ? "" : ", ") + std::string(n);
  throw usage_error("unknown kind '" + std::string(name) + "' (known: " + known + ")");
}

[[nodiscard]] inline unsigned parse_kinds(std::string_view list) {
  unsigned kinds = 0;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    if (!name.empty()) kinds |= parse_kind(name);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  return kinds;
}

// What the stages use instead of their built-in data; unset members keep the built-in data.
struct kinds_options {
  tokenize_options tokenize;
  std::shared_ptr<const gazetteer> places;      // the places of locations and actors (demonyms, places acting)
  std::optional<alias_table> aliases;           // replaces the actors stage's table (start from with_builtin())
  std::optional<speech_verb_set> speech_verbs;  // the verbs of quotes, and of actors and places acting ("X said")
  std::shared_ptr<const tagger_model> model;    // the name tagger's model; none: the rules alone
  std::optional<patterns> rules;                // pattern rules (extract/patterns.hpp), run after actors
};

[[nodiscard]] inline any_pipeline make_kinds_pipeline(unsigned kinds, kinds_options options = {}) {
  // One gazetteer and one set of speech verbs for every stage that reads them: a user's place or verb
  // reaches actors and locations as it reaches quotes.
  std::shared_ptr<const speech_verb_set> verbs =
      options.speech_verbs ? std::make_shared<const speech_verb_set>(std::move(*options.speech_verbs)) : nullptr;
  if (kinds & output_kind::quoted_terms) kinds |= layer::quotes;  // found by the quotes stage
  any_pipeline p;
  p.add(tokenizer{options.tokenize});
  if (options.model && (kinds & (layer::places | layer::actors | layer::quotes))) p.add(tagged_names{options.model});
  if (kinds & (layer::places | layer::actors | layer::quotes)) {
    locations_options where;
    where.speech_verbs = verbs;
    p.add(locations{options.places, std::move(where)});
  }
  if (kinds & (layer::actors | layer::quotes)) {
    p.add(actors{actors_lexicons{std::move(options.aliases), options.places, verbs}});
  }
  // After actors, whose mentions an actor rule replaces, and before quotes, which read the actors.
  if (options.rules) p.add(std::move(*options.rules));
  if (kinds & layer::dates) p.add(dates{});
  if (kinds & layer::quantities) p.add(quantities{});  // after dates: it reads what they found
  if (kinds & layer::quotes) p.add(quotes{verbs});
  if (kinds & all_pattern_kinds) {
    rule_set builtin;
    for (const auto& [name, bit] : kind_names) {
      if (bit & all_pattern_kinds & kinds) builtin.add(builtin_pattern_rule(name));
    }
    p.add(patterns{builtin});
  }
  return p;
}

// Removes what a stage run for another's sake found, when its own kind was not asked for.
inline void keep_kinds(document& doc, unsigned kinds) {
  if (!(kinds & layer::places)) {
    doc.place_mentions().clear();
    doc.places().clear();
  }
  if (!(kinds & layer::actors)) doc.actor_mentions().clear();
  // "quotes" are statements, "quoted_terms" the other quoted words: each only when asked for
  const bool statements = (kinds & layer::quotes) != 0, terms = (kinds & output_kind::quoted_terms) != 0;
  if (!statements || !terms) {
    std::erase_if(doc.quotes(), [&](const quote& q) { return q.statement ? !statements : !terms; });
  }
}

}  // namespace v0
}  // namespace quarry
