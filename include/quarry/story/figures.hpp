// quarry/story/figures.hpp: the numbers of a story, grouped by what they count and where, and marked as
// agreeing or differing between documents. What is counted is the quantity's head noun in a few classes
// ("soldiers" are troops; "times" and "incidents" are attacks in a sentence about attacks), qualified by a
// casualty word nearby ("people killed"); where is the place the sentence puts it in ("in Iraq").
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/story/entities.hpp"
#include "quarry/story/types.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

inline std::string lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = story_lower(c);
  return out;
}

inline std::string singular(std::string w) {
  if (w.size() > 3 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us")) w.pop_back();
  return w;
}

[[nodiscard]] inline bool starts_with_any(std::string_view w, std::initializer_list<std::string_view> stems) {
  return std::any_of(stems.begin(), stems.end(), [&](std::string_view s) { return w.starts_with(s); });
}

// Nouns counted under one name: a class of the singular head noun, or the noun itself.
[[nodiscard]] inline std::string object_class(const std::string& noun) {
  const std::string one = singular(noun);
  if (one == "troop" || one == "soldier" || one == "serviceman" || one == "servicemen" || one == "personnel") {
    return "troops";
  }
  if (one == "attack" || one == "strike" || one == "assault" || one == "raid") return "attacks";
  if (one == "person" || one == "people") return "people";
  if (one == "death" || one == "fatality") return "people killed";
  return noun;
}

// "times", "incidents", "occasions" count the events the sentence names.
[[nodiscard]] inline bool is_event_counter(const std::string& noun) {
  const std::string one = singular(noun);
  return one == "time" || one == "incident" || one == "occasion";
}

[[nodiscard]] inline bool is_attack_word(std::string_view w) {
  return starts_with_any(w, {"attack", "target", "strike", "struck", "shell", "bomb", "raid", "assault"}) || w == "hit";
}

// The casualty word of a count of people: "killed", "injured", ...; empty when the word is none.
[[nodiscard]] inline std::string_view casualty_of(std::string_view w) {
  if (starts_with_any(w, {"kill", "dead", "died", "slain"})) return "killed";
  if (starts_with_any(w, {"injur", "wound", "hurt"})) return "injured";
  if (w == "missing") return "missing";
  if (starts_with_any(w, {"arrest", "detain"})) return "arrested";
  if (starts_with_any(w, {"evacuat", "displac"})) return "displaced";
  if (w == "rescued") return "rescued";
  return {};
}

// Spans of time ("three years later", "10 years since") place events rather than count them.
[[nodiscard]] inline bool is_time_span(std::string_view unit) {
  return unit == "s" || unit == "min" || unit == "h" || unit == "day" || unit == "week" || unit == "month" ||
         unit == "year" || unit == "decade" || unit == "century";
}

[[nodiscard]] inline bool is_locative(std::string_view w) {
  return w == "in" || w == "at" || w == "inside" || w == "across" || w == "near" || w == "to" ||
         w == "throughout" || w == "around";
}

[[nodiscard]] inline bool ends_where_scan(std::string_view w) {
  return w == "since" || w == "after" || w == "when" || w == "while" || w == "because" || w == "which" ||
         w == "who" || w == "that" || w == "but" || w == "although" || w == "though" || w == "before" ||
         w == "until" || w == "as";
}

[[nodiscard]] inline double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double rad = 3.14159265358979323846 / 180;
  const double dlat = (lat2 - lat1) * rad;
  const double dlon = (lon2 - lon1) * rad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

// One document's view for finding what a quantity counts and where.
class figure_reader {
 public:
  figure_reader(const document& doc, const std::vector<entity_id>& place_of) : doc_(doc) {
    words_.reserve(doc.tokens().size());
    for (const token& t : doc.tokens()) words_.push_back(t.kind == token_kind::word ? lower_copy(doc.text(t)) : std::string());
    for (const place_mention& m : doc.place_mentions()) {
      if (m.role == place_role::in_name) continue;
      if (m.place < place_of.size() && place_of[m.place] != no_entity) places_.emplace(m.where.begin, std::pair{m.where.end, place_of[m.place]});
    }
    for (const quantity& q : doc.quantities()) quantity_starts_.push_back(q.where.begin);
    std::sort(quantity_starts_.begin(), quantity_starts_.end());
  }

  [[nodiscard]] std::uint32_t token_at(offset_t begin) const {
    const auto& t = doc_.tokens();
    return static_cast<std::uint32_t>(
        std::lower_bound(t.begin(), t.end(), begin, [](const token& x, offset_t b) { return x.begin < b; }) - t.begin());
  }
  [[nodiscard]] token_range sentence_around(std::uint32_t i, std::uint32_t last) const {
    const std::size_t s = doc_.sentence_of(i);
    if (s < doc_.sentences().size()) return doc_.sentences()[s];
    return {i, last};
  }
  [[nodiscard]] const std::string& word(std::uint32_t i) const { return words_[i]; }

  // The casualty word nearest the quantity [first, last) within five tokens, in its sentence.
  [[nodiscard]] std::string_view casualty(std::uint32_t first, std::uint32_t last, token_range s) const {
    for (std::uint32_t d = 0; d <= 5; ++d) {
      if (last + d < s.last) if (auto c = casualty_of(words_[last + d]); !c.empty()) return c;
      if (first >= s.first + d + 1) if (auto c = casualty_of(words_[first - d - 1]); !c.empty()) return c;
    }
    return {};
  }

  [[nodiscard]] bool sentence_has_attack(token_range s) const {
    for (std::uint32_t k = s.first; k < s.last; ++k) if (is_attack_word(words_[k])) return true;
    return false;
  }

  // The places the sentence puts the quantity in: a run of places after a locative word ("in Iraq and
  // Syria"), just after the quantity, else the nearest such run before it. Story place indices, text order.
  [[nodiscard]] std::vector<entity_id> where(std::uint32_t first, std::uint32_t last, token_range s) const {
    std::vector<entity_id> run = scan(last, std::min<std::uint32_t>(s.last, last + 10), true);
    if (!run.empty()) return run;
    return scan(s.first, first, false);
  }

 private:
  // Whether the word before token k (skipping "the") makes a place at k a location.
  [[nodiscard]] int place_link(std::uint32_t k, std::uint32_t from) const {
    if (k == from) return 0;
    std::uint32_t p = k - 1;
    if (words_[p] == "the" && p > from) --p;
    if (is_locative(words_[p])) return 1;
    if (words_[p] == "and" || words_[p] == "or" || doc_.text(doc_.tokens()[p]) == ",") return 2;
    return 0;
  }

  [[nodiscard]] std::vector<entity_id> scan(std::uint32_t from, std::uint32_t to, bool after) const {
    const auto& tokens = doc_.tokens();
    std::vector<entity_id> run;
    std::uint32_t run_end = 0;  // the token after the run's last place
    for (std::uint32_t k = from; k < to; ++k) {
      const token& t = tokens[k];
      if (after) {
        if (k > from && std::binary_search(quantity_starts_.begin(), quantity_starts_.end(), t.begin)) break;
        if (ends_where_scan(words_[k])) break;
        if (t.kind == token_kind::punctuation && doc_.text(t) != "-" && doc_.text(t) != ",") break;
      }
      const auto it = places_.find(t.begin);
      if (it == places_.end()) continue;
      const int link = place_link(k, from);
      const bool continues = link == 2 && !run.empty() && k >= 2 && run_end + 1 == k;
      if (link == 1 || continues) {
        if (link == 1 && !run.empty()) {
          if (after) break;  // a second location is another clause's
          run.clear();       // before the quantity, the nearest run counts
        }
        if (std::find(run.begin(), run.end(), it->second.second) == run.end()) run.push_back(it->second.second);
        while (k + 1 < to && tokens[k + 1].begin < it->second.first) ++k;
        run_end = k + 1;
      } else if (after && !run.empty()) {
        break;
      }
    }
    return run;
  }

  const document& doc_;
  std::vector<std::string> words_;
  std::unordered_map<offset_t, std::pair<offset_t, entity_id>> places_;  // begin -> (end, story place)
  std::vector<offset_t> quantity_starts_;
};

struct figure_group {
  std::string object;
  std::vector<entity_id> where;  // text order of the first claim
  std::vector<entity_id> key;    // sorted
  std::vector<story_claim> claims;
  bool merged = false;
};

inline std::string where_label(const std::vector<entity_id>& where, const story& s) {
  std::string out;
  for (std::size_t i = 0; i < where.size(); ++i) {
    if (i > 0) out += i + 1 == where.size() ? " and " : ", ";
    out += s.places[where[i]].name;
  }
  return out;
}

// Whether every place of g lies within radius of the region r.
inline bool region_holds(const story_place& r, const figure_group& g, const story& s, double radius) {
  for (entity_id p : g.key) {
    const story_place& pl = s.places[p];
    if (!pl.lat || !pl.lon || distance_km(*r.lat, *r.lon, *pl.lat, *pl.lon) > radius) return false;
  }
  return !g.key.empty();
}

inline figure_status status_of(const std::vector<story_claim>& claims, std::size_t documents) {
  if (documents < 2) return figure_status::single;
  std::optional<std::pair<double, double>> first;
  for (const story_claim& c : claims) {
    if (!c.value) continue;
    const std::pair<double, double> v{*c.value, c.value_max.value_or(*c.value)};
    if (!first) first = v;
    else if (*first != v) return figure_status::differ;
  }
  return figure_status::agree;
}

}  // namespace detail

// Groups the quantities of docs into out.figures; needs out.places and out.place_of (link_places).
inline void group_figures(std::span<const document> docs, const story_options& options, story& out) {
  using namespace detail;
  std::vector<figure_group> groups;
  std::unordered_map<std::string, std::uint32_t> by_key;
  for (doc_index d = 0; d < docs.size(); ++d) {
    const document& doc = docs[d];
    if (doc.tokens().empty()) continue;
    const figure_reader reader(doc, d < out.place_of.size() ? out.place_of[d] : std::vector<entity_id>{});
    std::vector<const quantity*> qs;
    for (const quantity& q : doc.quantities()) qs.push_back(&q);
    std::stable_sort(qs.begin(), qs.end(), [](const quantity* a, const quantity* b) { return a->where.begin < b->where.begin; });
    std::string previous_object;  // for "2,500 troops in Iraq and 900 in Syria"
    std::string previous_unit;
    std::size_t previous_sentence = ~std::size_t{0};
    for (const quantity* q : qs) {
      if (!q->value || is_time_span(q->unit)) continue;
      const std::uint32_t first = reader.token_at(q->where.begin);
      std::uint32_t last = first;
      while (last < doc.tokens().size() && doc.tokens()[last].begin < q->where.end) ++last;
      if (first >= doc.tokens().size()) continue;
      const token_range s = reader.sentence_around(first, last);
      const std::size_t sentence = doc.sentence_of(first);
      std::string noun = lower_copy(doc.text(q->object));
      if (noun.empty() && sentence == previous_sentence && q->unit == previous_unit) noun = previous_object;
      if (noun.empty() || !story_alpha(noun.front())) noun = q->unit;
      if (noun.empty()) continue;
      // Money is counted in its currency: "USD" reads as "money (USD)".
      if (noun == q->unit && noun.size() == 3 && std::all_of(noun.begin(), noun.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        noun = "money (" + noun + ")";
      }
      previous_object = noun;
      previous_unit = q->unit;
      previous_sentence = sentence;

      std::string object = object_class(noun);
      if (is_event_counter(noun) && reader.sentence_has_attack(s)) object = "attacks";
      if (object != "people killed") {
        if (const std::string_view c = reader.casualty(first, last, s); !c.empty()) object += " " + std::string(c);
      }
      std::vector<entity_id> where = reader.where(first, last, s);
      std::vector<entity_id> key = where;
      std::sort(key.begin(), key.end());
      std::string k = object + '|';
      for (entity_id p : key) k += std::to_string(p) + ',';
      const auto [it, fresh] = by_key.try_emplace(std::move(k), static_cast<std::uint32_t>(groups.size()));
      if (fresh) groups.push_back({object, where, key, {}, false});
      groups[it->second].claims.push_back({d, q->where, q->value, q->value_max, q->approx, q->unit});
    }
  }

  // A region with no country ("the Middle East") joins the widest group of the same thing whose places
  // all lie in it; a figure with no place joins the only group of the same thing that has one.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_object;
  for (std::uint32_t i = 0; i < groups.size(); ++i) by_object[groups[i].object].push_back(i);
  auto merge_into = [&](std::uint32_t from, std::uint32_t into) {
    auto& c = groups[into].claims;
    c.insert(c.end(), groups[from].claims.begin(), groups[from].claims.end());
    groups[from].claims.clear();
    groups[from].merged = true;
  };
  for (auto& [object, members] : by_object) {
    for (std::uint32_t i : members) {
      const figure_group& g = groups[i];
      if (g.key.size() != 1) continue;
      const story_place& r = out.places[g.key[0]];
      if (r.kind != place_kind::region || !r.country.empty() || !r.lat || !r.lon) continue;
      std::uint32_t best = ~0u;
      for (std::uint32_t j : members) {
        if (j == i || groups[j].merged || !region_holds(r, groups[j], out, options.region_radius_km)) continue;
        if (best == ~0u || groups[j].key.size() > groups[best].key.size() ||
            (groups[j].key.size() == groups[best].key.size() && groups[j].claims.size() > groups[best].claims.size())) {
          best = j;
        }
      }
      if (best != ~0u) merge_into(i, best);
    }
    std::vector<std::uint32_t> placed;
    for (std::uint32_t j : members) if (!groups[j].merged && !groups[j].key.empty()) placed.push_back(j);
    if (placed.size() != 1) continue;
    for (std::uint32_t i : members) if (!groups[i].merged && groups[i].key.empty()) merge_into(i, placed[0]);
  }

  out.figures.clear();
  for (figure_group& g : groups) {
    if (g.merged) continue;
    std::stable_sort(g.claims.begin(), g.claims.end(), [](const story_claim& a, const story_claim& b) {
      return a.document != b.document ? a.document < b.document : a.where.begin < b.where.begin;
    });
    story_figure f;
    f.object = g.object;
    f.where = where_label(g.where, out);
    for (const story_claim& c : g.claims) add_distinct_doc(f.documents, c.document);
    f.status = status_of(g.claims, f.documents.size());
    f.claims = std::move(g.claims);
    out.figures.push_back(std::move(f));
  }
  std::stable_sort(out.figures.begin(), out.figures.end(), [](const story_figure& a, const story_figure& b) {
    return a.documents.size() > b.documents.size();
  });
}

}  // namespace v0
}  // namespace quarry
