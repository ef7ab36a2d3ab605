// quarry/story/types.hpp: the story sheet, what many documents on one event say read as one.
// Every finding keeps its document's index and exact byte span, so the sheet refers to the documents it
// was made from (like a span) and is printed together with them (io/story_report.hpp, io/story_json.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"

namespace quarry {
inline namespace v0 {

// Index of a document in the sequence a story was made from.
using doc_index = std::uint32_t;

struct story_options {
  // Quotes shorter than this many words are left out (scare quotes and quoted names: "timeline").
  std::size_t min_quote_words = 3;
  // Two quotes of one speaker are one statement when this share of the shorter one's word pairs is in
  // the other (and the shorter has at least 4 words; shorter quotes must match word for word).
  double same_statement = 0.8;
  // A region with no country of its own ("Middle East") stands for the places within this distance.
  double region_radius_km = 3000;
};

struct story_document {
  std::string name;
  std::optional<calendar_date> date;
  std::size_t bytes = 0;
};

// One actor across documents.
struct story_actor {
  std::string name;                  // one canonical name: the fullest form, the most documents
  actor_kind kind = actor_kind::person;
  std::string country;               // ISO code when the documents give one
  std::vector<doc_index> documents;  // ascending
  std::uint32_t mentions = 0;
  std::vector<std::string> forms;    // distinct spellings seen, names and mentions, first seen first
  std::vector<std::string> titles;   // distinct titles seen
  bool credit_only = false;          // every document lists it only as a credit (photo, byline)
};

// One place across documents.
struct story_place {
  std::string name;
  place_kind kind = place_kind::other;
  std::string country;
  std::optional<double> lat;
  std::optional<double> lon;
  std::vector<doc_index> documents;
  std::uint32_t mentions = 0;
  std::vector<std::string> forms;
};

// Where one document carries a finding.
struct story_source {
  doc_index document = 0;
  span where;
};

// One statement, quoted by one or more documents (exactly or near-identically); sources[0] is the
// fullest wording.
struct story_statement {
  std::vector<story_source> sources;
  std::vector<doc_index> documents;
};

// The statements of one speaker. actor is the story actor's index, or no_entity for a speaker the
// documents do not name ("an official"): those are kept per document, never merged across them.
struct story_speaker {
  std::string speaker;
  entity_id actor = no_entity;
  std::vector<doc_index> documents;
  std::vector<story_statement> statements;
};

// One quantity as a document gives it.
struct story_claim {
  doc_index document = 0;
  span where;
  std::optional<double> value;
  std::optional<double> value_max;
  approximation approx = approximation::none;
  std::string unit;
};

enum class figure_status : std::uint8_t {
  agree,   // several documents, one value
  differ,  // several documents, more than one value
  single,  // only one document gives this figure
};

// The quantities of one thing counted in one place ("troops" in "Iraq").
struct story_figure {
  std::string object;                // "troops", "attacks", "people killed"
  std::string where;                 // "Iraq", "Iraq and Syria"; empty when the text gives none
  figure_status status = figure_status::single;
  std::vector<doc_index> documents;
  std::vector<story_claim> claims;   // in document order
};

// A date as one document gives it, with the sentence that dates.
struct story_dated {
  doc_index document = 0;
  span where;     // the date's words
  span sentence;  // the statement that holds it
};

// One date of the timeline. date is ISO 8601 as far as known ("2014", "2024-01-27"); a date without a
// year takes its document's publication year when known, else keeps the form "--MM-DD".
struct story_date {
  std::string date;
  std::vector<doc_index> documents;
  std::vector<story_dated> mentions;
};

struct story {
  std::vector<story_document> documents;
  std::vector<story_actor> actors;
  std::vector<story_place> places;
  std::vector<story_speaker> quotes;
  std::vector<story_figure> figures;
  std::vector<story_date> timeline;
  // For each document, its actor and place table mapped to story indices (no_entity when left out).
  std::vector<std::vector<entity_id>> actor_of;
  std::vector<std::vector<entity_id>> place_of;
};

[[nodiscard]] constexpr std::string_view to_string(figure_status s) noexcept {
  switch (s) {
    case figure_status::agree: return "agree";
    case figure_status::differ: return "differ";
    case figure_status::single: return "single";
  }
  return "single";
}

}  // namespace v0
}  // namespace quarry
