// quarry/lexicon/place_words.hpp: the words the place extractor reads around a name: words that say a
// place follows ("in", "near", "north of"), division and facility heads ("province", "Air Base"), and
// words that stop a name found by pattern. Small constant sets, searched without allocation.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "quarry/annotations.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// Small fixed word sets, looked up by folding into a stack buffer: no allocation.
template <std::size_t N>
[[nodiscard]] inline bool in_word_set(std::string_view w, const std::array<std::string_view, N>& set) noexcept {
  if (w.empty() || w.size() > 24) return false;
  std::array<char, 24> buf{};
  for (std::size_t i = 0; i < w.size(); ++i) buf[i] = ascii_lower(w[i]);
  const std::string_view key(buf.data(), w.size());
  for (auto s : set) {
    if (s == key) return true;
  }
  return false;
}

// Words before a name that say a place follows.
inline constexpr std::array<std::string_view, 30> locative_words = {
    "in", "at", "from", "to", "near", "outside", "across", "into", "inside", "throughout", "toward",
    "towards", "via", "around", "within", "through", "northern", "southern", "eastern", "western",
    "central", "northeastern", "northwestern", "southeastern", "southwestern", "visit", "visited",
    "between", "downtown", "rural"};
// Compass words of "70 miles west of Baghdad" and "north of the capital".
inline constexpr std::array<std::string_view, 12> compass_words = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts",
    "heart", "capital", "part"};
// Generic geographic nouns before "of": "the state of Georgia", "the city of Mosul".
inline constexpr std::array<std::string_view, 14> geo_generics = {
    "city", "state", "province", "republic", "kingdom", "region", "island", "islands", "county",
    "town", "village", "capital", "emirate", "governorate"};
// Words after a name that continue a title, so the name is still a place: "US President".
inline constexpr std::array<std::string_view, 8> function_words = {
    "of", "and", "the", "de", "del", "da", "al", "el"};
// Division heads after a name: "Anbar province", "Borno State".
inline constexpr std::array<std::string_view, 13> region_heads = {
    "province", "governorate", "region", "district", "county", "oblast", "prefecture", "state",
    "territory", "municipality", "canton", "emirate", "krai"};
// Words that start sentences and are never the first word of a place name found by pattern.
inline constexpr std::array<std::string_view, 24> pattern_stop_words = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "each", "every", "one", "another", "which", "what", "said", "new", "old", "main", "former"};
// Adjectives that take a division head in names that are no divisions: "Islamic State".
inline constexpr std::array<std::string_view, 16> not_region_names = {
    "islamic", "federal", "free", "independent", "sovereign", "united", "welfare", "police", "nation",
    "deep", "member", "secretary", "solid", "empire", "garden", "golden"};
// Verbs that follow a capital used as an actor: "Washington has warned", "Moscow will".
inline constexpr std::array<std::string_view, 9> actor_auxiliaries = {
    "has", "have", "had", "will", "would", "is", "was", "did", "does"};

// One facility head: the words after the name, and the kind it makes.
struct place_head {
  std::array<std::string_view, 3> words;
  place_kind kind;
};

inline constexpr std::array<place_head, 17> facility_heads = {{
    {{"air", "force", "base"}, place_kind::facility},
    {{"international", "airport", {}}, place_kind::facility},
    {{"naval", "air", "station"}, place_kind::facility},
    {{"air", "base", {}}, place_kind::facility},
    {{"naval", "base", {}}, place_kind::facility},
    {{"military", "base", {}}, place_kind::facility},
    {{"army", "base", {}}, place_kind::facility},
    {{"air", "station", {}}, place_kind::facility},
    {{"airbase", {}, {}}, place_kind::facility},
    {{"airport", {}, {}}, place_kind::facility},
    {{"airfield", {}, {}}, place_kind::facility},
    {{"base", {}, {}}, place_kind::facility},
    {{"stadium", {}, {}}, place_kind::facility},
    {{"prison", {}, {}}, place_kind::facility},
    {{"dam", {}, {}}, place_kind::facility},
    {{"refinery", {}, {}}, place_kind::facility},
    {{"camp", {}, {}}, place_kind::facility},
}};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
