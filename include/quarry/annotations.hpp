// quarry/annotations.hpp: what the extractors find, as plain value types.
// Positions are byte spans into the document's text; actors and places are mentions that point
// into a per-document entity table, so every mention of one actor shares one canonical name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

// Index into a document's actor or place table.
using entity_id = std::uint32_t;
inline constexpr entity_id no_entity = 0xFFFFFFFFu;

enum class actor_kind : std::uint8_t { person, organization, country, group };
enum class place_kind : std::uint8_t { country, city, region, facility, other };
enum class approximation : std::uint8_t { none, about, more_than, less_than, at_least, nearly, up_to };

// One actor of a document: a person, organization, country acting as an agent, or group.
struct actor {
  std::string name;     // canonical: the fullest form in the document ("Sabrina Singh")
  actor_kind kind = actor_kind::person;
  std::string title;    // "Pentagon spokeswoman", "Prime Minister"; empty when none
  std::string country;  // ISO 3166-1 alpha-2, empty when unknown
  std::string role;     // "credit" for photo credits and bylines; empty otherwise
};

struct actor_mention {
  span where;
  entity_id actor = no_entity;
};

// One place of a document.
struct place {
  std::string name;
  place_kind kind = place_kind::other;
  std::string country;  // ISO 3166-1 alpha-2 of where it is, empty when none
  std::optional<double> lat;
  std::optional<double> lon;
};

// How a place is named: as a place ("in Ohio"), or inside an organization's name ("the Ohio Department
// of Development", "University of Texas"), where the organization is the actor and the place only says
// where it belongs; a geographic user may keep these, a reader of "where did it happen" skips them.
enum class place_role : std::uint8_t { place, in_name };

struct place_mention {
  span where;
  entity_id place = no_entity;
  place_role role = place_role::place;
};

// An amount: "about 2,500 U.S. troops" -> value 2500, object "troops", approx about.
struct quantity {
  span where;                       // the shortest span holding qualifier, number and head noun
  std::optional<double> value;      // none when vague ("scores of")
  std::optional<double> value_max;  // the upper bound of a range
  span object;                      // head noun of what is counted or measured; empty when none
  approximation approx = approximation::none;
  std::string unit;                 // "km", "percent", "USD"... for measures and money; empty for counts
};

// A date or year; value is ISO 8601 as far as the text gives it ("2024-01-27", "--01-25", "2014",
// "199X" for "the 1990s"). Relative expressions ("last Saturday") have relative = true and a value
// only when a document date resolves them.
struct date_mention {
  span where;
  std::string value;
  bool relative = false;
  bool duration = false;  // "two years ago": the amount "two years" is a quantity as well
};

// What the statistical tagger calls a name (CoNLL's four types).
enum class name_type : std::uint8_t { person, organization, location, misc };

// A name the tagger found: its span, its tokens [first, last) and how sure the model was (the smallest,
// over its tokens, of the chosen label's score minus the runner-up's, in thousandths of the model's
// largest weight). Below confident_margin a name needs other evidence before a stage takes it.
inline constexpr std::int32_t confident_margin = 20;
struct tagged_name {
  span where;
  std::uint32_t first = 0, last = 0;
  name_type type = name_type::person;
  std::int32_t margin = 0;
};

// A direct quotation: where is the content between the marks.
struct quote {
  span where;
  entity_id speaker = no_entity;  // into the actor table; no_entity when unnamed or unknown
  span speaker_where;             // the words at the attribution ("Ms. Singh", "she", "a U.S. official")
  span cue;                       // the speech verb ("said")
  bool statement = true;          // false for scare quotes and quoted names
  bool closed_by_rule = false;    // true when a paragraph rule, not a mark, ended it
};

[[nodiscard]] constexpr std::string_view to_string(actor_kind k) noexcept {
  switch (k) {
    case actor_kind::person: return "person";
    case actor_kind::organization: return "organization";
    case actor_kind::country: return "country";
    case actor_kind::group: return "group";
  }
  return "person";
}

[[nodiscard]] constexpr std::string_view to_string(place_kind k) noexcept {
  switch (k) {
    case place_kind::country: return "country";
    case place_kind::city: return "city";
    case place_kind::region: return "region";
    case place_kind::facility: return "facility";
    case place_kind::other: return "other";
  }
  return "other";
}

[[nodiscard]] constexpr std::string_view to_string(name_type t) noexcept {
  switch (t) {
    case name_type::person: return "PER";
    case name_type::organization: return "ORG";
    case name_type::location: return "LOC";
    case name_type::misc: return "MISC";
  }
  return "MISC";
}

// The schema's spelling; none gives an empty view (JSON null).
[[nodiscard]] constexpr std::string_view to_string(approximation a) noexcept {
  switch (a) {
    case approximation::none: return {};
    case approximation::about: return "about";
    case approximation::more_than: return "more than";
    case approximation::less_than: return "less than";
    case approximation::at_least: return "at least";
    case approximation::nearly: return "nearly";
    case approximation::up_to: return "up to";
  }
  return {};
}

}  // namespace v0
}  // namespace quarry
