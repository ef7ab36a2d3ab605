// quarry/story/entities.hpp: one entry per real actor and place across documents. Entities meet by
// hashed keys, never by comparing all pairs: a folded name for organizations, countries and places; a
// person's full name, then, within the block of one surname and first initial, spelling variants of the
// first name when nothing says they are different people (a title that disagrees, one outlet naming both).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/story/names.hpp"
#include "quarry/story/types.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

class story_union_find {
 public:
  explicit story_union_find(std::size_t n) : parent_(n) {
    for (std::size_t i = 0; i < n; ++i) parent_[i] = static_cast<std::uint32_t>(i);
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The lower index stays the root, so the first record seen names the group.
  std::uint32_t unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return a;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    return a;
  }

 private:
  std::vector<std::uint32_t> parent_;
};

// One document's entity, with what the linking needs.
struct entity_record {
  doc_index doc = 0;
  entity_id local = 0;
  std::uint32_t mentions = 0;
  std::vector<std::string> forms;  // the name, then each distinct mention text
};

inline void add_distinct(std::vector<std::string>& v, std::string_view s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

inline void add_distinct_doc(std::vector<doc_index>& v, doc_index d) {
  const auto it = std::lower_bound(v.begin(), v.end(), d);
  if (it == v.end() || *it != d) v.insert(it, d);
}

// The records of one kind of entity: each entity of each document with at least one mention, or marked
// in keep (a quoted speaker whose mentions a stage removed).
template <class Entity, class Mention>
std::vector<entity_record> collect_records(std::span<const document> docs,
                                           const std::vector<Entity>& (document::*table)() const,
                                           const std::vector<Mention>& (document::*mentions)() const,
                                           entity_id Mention::*target, bool with_speakers) {
  std::vector<entity_record> out;
  for (doc_index d = 0; d < docs.size(); ++d) {
    const document& doc = docs[d];
    const auto& entities = (doc.*table)();
    std::vector<std::uint32_t> slot(entities.size(), ~0u);
    auto record_of = [&](entity_id id) -> entity_record& {
      if (slot[id] == ~0u) {
        slot[id] = static_cast<std::uint32_t>(out.size());
        entity_record r;
        r.doc = d;
        r.local = id;
        r.forms.push_back(entities[id].name);
        out.push_back(std::move(r));
      }
      return out[slot[id]];
    };
    for (const Mention& m : (doc.*mentions)()) {
      if constexpr (std::is_same_v<Mention, place_mention>) {
        if (m.role == place_role::in_name) continue;  // the story's places are places named as places
      }
      const entity_id id = m.*target;
      if (id >= entities.size()) continue;
      entity_record& r = record_of(id);
      ++r.mentions;
      add_distinct(r.forms, doc.text(m.where));
    }
    if (with_speakers) {
      for (const quote& q : doc.quotes()) {
        if (q.speaker < entities.size()) record_of(q.speaker);
      }
    }
  }
  return out;
}

// What a person group knows while it is linked.
struct person_group {
  person_name name;
  std::vector<doc_index> docs;
  std::vector<std::string> title_stems;
  std::vector<std::string> context_stems;
  bool credit_only = true;
};

// Stems of the words near each mention of actor id (same sentence, six tokens either side) and of its
// title: what an outlet says about someone, to tell two spellings of one person from two people.
inline std::vector<std::string> person_context(const document& doc, entity_id id) {
  std::vector<std::string> out;
  const auto& tokens = doc.tokens();
  for (const actor_mention& m : doc.actor_mentions()) {
    if (m.actor != id) continue;
    const auto first = std::lower_bound(tokens.begin(), tokens.end(), m.where.begin,
                                        [](const token& t, offset_t b) { return t.begin < b; });
    if (first == tokens.end()) continue;
    auto i = static_cast<std::uint32_t>(first - tokens.begin());
    std::uint32_t last = i;
    while (last < tokens.size() && tokens[last].end <= m.where.end) ++last;
    const std::size_t s = doc.sentence_of(i);
    const std::uint32_t lo = s < doc.sentences().size() ? doc.sentences()[s].first : i;
    const std::uint32_t hi = s < doc.sentences().size() ? doc.sentences()[s].last : last;
    const std::uint32_t from = i > lo + 6 ? i - 6 : lo;
    const std::uint32_t to = std::min<std::uint32_t>(hi, last + 6);
    for (std::uint32_t k = from; k < to; ++k) {
      if (k >= i && k < last) continue;
      if (tokens[k].kind != token_kind::word) continue;
      if (std::string st = story_stem(doc.text(tokens[k])); !st.empty()) out.push_back(std::move(st));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

[[nodiscard]] inline bool titles_conflict(const person_group& a, const person_group& b) {
  return !a.title_stems.empty() && !b.title_stems.empty() && !share_any(a.title_stems, b.title_stems);
}

[[nodiscard]] inline bool share_document(const person_group& a, const person_group& b) {
  for (std::size_t i = 0, j = 0; i < a.docs.size() && j < b.docs.size();) {
    if (a.docs[i] == b.docs[j]) return true;
    if (a.docs[i] < b.docs[j]) ++i; else ++j;
  }
  return false;
}

inline void absorb(person_group& into, const person_group& from) {
  for (doc_index d : from.docs) add_distinct_doc(into.docs, d);
  merge_sorted(into.title_stems, from.title_stems);
  merge_sorted(into.context_stems, from.context_stems);
  into.credit_only = into.credit_only && from.credit_only;
  if (from.name.middle.size() > into.name.middle.size()) into.name.middle = from.name.middle;
  if (into.name.first.empty()) into.name.first = from.name.first;
}

// Middle names agree when one side has none, or each is the other or its initial.
[[nodiscard]] inline bool middles_agree(const person_name& a, const person_name& b) {
  if (a.middle.empty() || b.middle.empty()) return true;
  if (a.middle.size() != b.middle.size()) return false;
  for (std::size_t i = 0; i < a.middle.size(); ++i) {
    const std::string& x = a.middle[i];
    const std::string& y = b.middle[i];
    if (x == y || first_name_variants(x, y)) continue;
    if ((x.size() == 1 || y.size() == 1) && x.front() == y.front()) continue;
    return false;
  }
  return true;
}

// Links the people of one block (one surname and first initial, groups as roots in uf). A full name
// spelt alike is one person; a variant spelling joins when the outlets never print both, the titles do
// not disagree and either the titles or the words around the mentions have something in common.
inline void link_person_block(const std::vector<std::uint32_t>& roots, std::vector<person_group>& groups,
                              story_union_find& uf) {
  for (std::size_t i = 0; i < roots.size(); ++i) {
    for (std::size_t j = i + 1; j < roots.size(); ++j) {
      const std::uint32_t a = uf.find(roots[i]);
      const std::uint32_t b = uf.find(roots[j]);
      if (a == b) continue;
      const person_group& ga = groups[a];
      const person_group& gb = groups[b];
      if (ga.name.first.empty() || gb.name.first.empty()) continue;  // surname only: linked afterwards
      if (!middles_agree(ga.name, gb.name)) continue;
      bool same = ga.name.first == gb.name.first;
      if (!same) {
        same = first_name_variants(ga.name.first, gb.name.first) && !share_document(ga, gb) &&
               !titles_conflict(ga, gb) &&
               (share_any(ga.title_stems, gb.title_stems) || share_any(ga.context_stems, gb.context_stems));
      }
      if (!same) continue;
      const std::uint32_t root = uf.unite(a, b);
      absorb(groups[root], groups[root == a ? b : a]);
    }
  }
}

// The group's name: the fullest form (most words), then the one more documents use, then more mentions.
template <class Records, class NameOf>
std::string choose_name(const Records& members, NameOf name_of) {
  struct tally { std::string name; std::size_t words; std::vector<doc_index> docs; std::uint32_t mentions; };
  std::vector<tally> seen;
  for (const entity_record* r : members) {
    const std::string_view n = name_of(*r);
    auto it = std::find_if(seen.begin(), seen.end(), [&](const tally& t) { return t.name == n; });
    if (it == seen.end()) {
      seen.push_back({std::string(n), story_words(n).size(), {}, 0});
      it = seen.end() - 1;
    }
    add_distinct_doc(it->docs, r->doc);
    it->mentions += r->mentions;
  }
  const auto best = std::min_element(seen.begin(), seen.end(), [](const tally& x, const tally& y) {
    if (x.words != y.words) return x.words > y.words;
    if (x.docs.size() != y.docs.size()) return x.docs.size() > y.docs.size();
    return x.mentions > y.mentions;
  });
  return best == seen.end() ? std::string() : best->name;
}

// Groups of records by root, in the order of each group's first record.
inline std::vector<std::vector<const entity_record*>> groups_of(const std::vector<entity_record>& records,
                                                                story_union_find& uf) {
  std::vector<std::vector<const entity_record*>> groups;
  std::vector<std::uint32_t> slot(records.size(), ~0u);
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const std::uint32_t root = uf.find(i);
    if (slot[root] == ~0u) {
      slot[root] = static_cast<std::uint32_t>(groups.size());
      groups.emplace_back();
    }
    groups[slot[root]].push_back(&records[i]);
  }
  return groups;
}

// Most documents first, then most mentions; ties keep the order of first appearance. Returns the old
// index of each new position.
template <class Entity>
std::vector<std::uint32_t> order_entities(std::vector<Entity>& v) {
  std::vector<std::uint32_t> order(v.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (v[a].documents.size() != v[b].documents.size()) return v[a].documents.size() > v[b].documents.size();
    return v[a].mentions > v[b].mentions;
  });
  std::vector<Entity> sorted;
  sorted.reserve(v.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(v[i]));
  v = std::move(sorted);
  return order;
}

// Initials of a name of several capitalised words ("Higher Military Commission" -> "HMC").
[[nodiscard]] inline std::string initials_of(std::string_view name) {
  std::string out;
  std::size_t words = 0;
  bool start = true;
  for (const char c : name) {
    if (c == ' ' || c == '-') { start = true; continue; }
    if (start) {
      ++words;
      if (c >= 'A' && c <= 'Z') out += c;
    }
    start = false;
  }
  return words >= 2 && out.size() >= 2 ? out : std::string();
}

[[nodiscard]] inline bool is_acronym(std::string_view name) {
  if (name.size() < 2 || name.size() > 8) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace detail

// Links the actors of docs into out.actors and fills out.actor_of.
inline void link_actors(std::span<const document> docs, story& out) {
  using namespace detail;
  const std::vector<entity_record> records =
      collect_records(docs, &document::actors, &document::actor_mentions, &actor_mention::actor, true);
  auto actor_of_record = [&](const entity_record& r) -> const actor& { return docs[r.doc].actors()[r.local]; };
  story_union_find uf(records.size());

  // Everyone but people: one folded name; an acronym joins the one name whose initials it spells.
  std::unordered_map<std::string, std::uint32_t> by_key;
  std::unordered_map<std::string, std::uint32_t> by_initials;  // ~0u: several names share the initials
  std::vector<person_group> people(records.size());
  std::unordered_map<std::string, std::uint32_t> by_full_name;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const actor& a = actor_of_record(records[i]);
    if (a.kind != actor_kind::person) {
      const auto [it, fresh] = by_key.try_emplace(entity_key(a.name), i);
      if (!fresh) uf.unite(it->second, i);
      if (std::string ini = initials_of(a.name); !ini.empty()) {
        const auto [jt, new_initials] = by_initials.try_emplace(std::move(ini), i);
        if (!new_initials && uf.find(jt->second) != uf.find(i)) jt->second = ~0u;
      }
      continue;
    }
    person_group& g = people[i];
    g.name = parse_person(a.name);
    g.docs = {records[i].doc};
    g.title_stems = story_stems(a.title);
    g.context_stems = person_context(docs[records[i].doc], records[i].local);
    merge_sorted(g.context_stems, g.title_stems);
    g.credit_only = a.role == "credit";
    std::string full = g.name.first;
    for (const auto& m : g.name.middle) full += ' ' + m;
    full += ' ' + g.name.surname;
    const auto [it, fresh] = by_full_name.try_emplace(std::move(full), i);
    if (!fresh) {
      const std::uint32_t root = uf.unite(it->second, i);
      absorb(people[root], people[root == i ? it->second : i]);
    }
  }
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const actor& a = actor_of_record(records[i]);
    if (a.kind == actor_kind::person || !is_acronym(a.name)) continue;
    const auto it = by_initials.find(a.name);
    if (it != by_initials.end() && it->second != ~0u) uf.unite(it->second, i);
  }

  // People: blocks of one surname and first initial, compared within the block only.
  std::unordered_map<std::string, std::vector<std::uint32_t>> blocks;
  std::unordered_map<std::string, std::vector<std::uint32_t>> surname_only;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    if (actor_of_record(records[i]).kind != actor_kind::person || uf.find(i) != i) continue;
    const person_name& n = people[i].name;
    if (n.first.empty()) surname_only[n.surname].push_back(i);
    else blocks[n.surname + ' ' + n.first.front()].push_back(i);
  }
  for (const auto& [key, roots] : blocks) link_person_block(roots, people, uf);
  // A surname alone ("Rasool said") is the one person of that surname, when there is exactly one that is
  // not only a credit and whose title does not disagree.
  if (!surname_only.empty()) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> full_by_surname;
    for (const auto& [key, roots] : blocks) {
      for (std::uint32_t r : roots) {
        const std::uint32_t root = uf.find(r);
        auto& v = full_by_surname[people[root].name.surname];
        if (!people[root].credit_only && std::find(v.begin(), v.end(), root) == v.end()) v.push_back(root);
      }
    }
    for (const auto& [surname, lone] : surname_only) {
      const auto it = full_by_surname.find(surname);
      if (it == full_by_surname.end() || it->second.size() != 1) continue;
      for (std::uint32_t r : lone) {
        if (!titles_conflict(people[it->second.front()], people[r])) uf.unite(it->second.front(), r);
      }
    }
  }

  // One story actor per group.
  const auto groups = groups_of(records, uf);
  out.actors.clear();
  out.actor_of.assign(docs.size(), {});
  for (doc_index d = 0; d < docs.size(); ++d) out.actor_of[d].assign(docs[d].actors().size(), no_entity);
  for (const auto& members : groups) {
    story_actor sa;
    sa.name = choose_name(members, [&](const entity_record& r) -> std::string_view { return actor_of_record(r).name; });
    std::uint32_t kind_votes[4] = {};
    sa.credit_only = true;
    for (const entity_record* r : members) {
      const actor& a = actor_of_record(*r);
      kind_votes[static_cast<int>(a.kind)] += r->mentions + 1;
      add_distinct_doc(sa.documents, r->doc);
      sa.mentions += r->mentions;
      for (const auto& f : r->forms) add_distinct(sa.forms, f);
      add_distinct(sa.titles, a.title);
      if (sa.country.empty()) sa.country = a.country;
      sa.credit_only = sa.credit_only && a.role == "credit";
      out.actor_of[r->doc][r->local] = static_cast<entity_id>(out.actors.size());
    }
    sa.kind = static_cast<actor_kind>(std::max_element(std::begin(kind_votes), std::end(kind_votes)) - std::begin(kind_votes));
    out.actors.push_back(std::move(sa));
  }
  const auto order = order_entities(out.actors);
  std::vector<entity_id> new_index(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) new_index[order[i]] = i;
  for (auto& table : out.actor_of) for (auto& id : table) if (id != no_entity) id = new_index[id];
}

// Links the places of docs into out.places and fills out.place_of: one folded name in one country.
inline void link_places(std::span<const document> docs, story& out) {
  using namespace detail;
  const std::vector<entity_record> records =
      collect_records(docs, &document::places, &document::place_mentions, &place_mention::place, false);
  auto place_of_record = [&](const entity_record& r) -> const place& { return docs[r.doc].places()[r.local]; };
  story_union_find uf(records.size());
  std::unordered_map<std::string, std::uint32_t> by_key;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const place& p = place_of_record(records[i]);
    const auto [it, fresh] = by_key.try_emplace(entity_key(p.name) + '|' + p.country, i);
    if (!fresh) uf.unite(it->second, i);
  }
  out.places.clear();
  out.place_of.assign(docs.size(), {});
  for (doc_index d = 0; d < docs.size(); ++d) out.place_of[d].assign(docs[d].places().size(), no_entity);
  for (const auto& members : groups_of(records, uf)) {
    story_place sp;
    sp.name = choose_name(members, [&](const entity_record& r) -> std::string_view { return place_of_record(r).name; });
    for (const entity_record* r : members) {
      const place& p = place_of_record(*r);
      if (sp.documents.empty()) {
        sp.kind = p.kind;
        sp.country = p.country;
      }
      if (!sp.lat && p.lat && p.lon) {
        sp.lat = p.lat;
        sp.lon = p.lon;
      }
      add_distinct_doc(sp.documents, r->doc);
      sp.mentions += r->mentions;
      for (const auto& f : r->forms) add_distinct(sp.forms, f);
      out.place_of[r->doc][r->local] = static_cast<entity_id>(out.places.size());
    }
    out.places.push_back(std::move(sp));
  }
  const auto order = order_entities(out.places);
  std::vector<entity_id> new_index(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) new_index[order[i]] = i;
  for (auto& table : out.place_of) for (auto& id : table) if (id != no_entity) id = new_index[id];
}

}  // namespace v0
}  // namespace quarry
