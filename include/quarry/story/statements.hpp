// quarry/story/statements.hpp: who said what where. Quotes are grouped by the story actor who said them;
// one statement quoted by several outlets, word for word or nearly, is shown once with every document
// that carries it. Statements meet through hashed word pairs, not by comparing every two quotes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/story/entities.hpp"
#include "quarry/story/types.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// The folded words of a quote: letters and digits (and letters beyond ASCII); punctuation, including
// the typographic marks of U+2000-U+206F (curly quotes, dashes, the ellipsis), separates words.
inline std::vector<std::string> quote_words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u == 0xE2 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xFE) == 0x80) {
      flush();
      i += 2;
    } else if (story_alpha(c) || (c >= '0' && c <= '9') || u >= 0x80) {
      cur += story_lower(c);
    } else if (c != '\'') {
      flush();
    }
  }
  flush();
  return out;
}

// Hashes of the distinct word pairs of a quote (its one word, when it has one).
inline std::vector<std::size_t> word_pairs(const std::vector<std::string>& words) {
  std::vector<std::size_t> out;
  const std::hash<std::string> h;
  if (words.size() == 1) out.push_back(h(words[0]));
  for (std::size_t i = 0; i + 1 < words.size(); ++i) out.push_back(h(words[i]) * 31 + h(words[i + 1]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A word pair found in more statements than this says nothing ("of the"): it is not indexed further.
inline constexpr std::size_t max_pair_postings = 32;

// The statements of one speaker while they are grouped.
struct statement_index {
  std::vector<story_statement> statements;
  std::vector<std::vector<std::string>> words;       // of each statement's fullest wording
  std::vector<std::vector<std::size_t>> pairs;
  std::unordered_map<std::size_t, std::vector<std::uint32_t>> postings;

  // The statement this quote repeats, or statements.size().
  std::uint32_t find(const std::vector<std::string>& w, const std::vector<std::size_t>& p, double share) const {
    std::unordered_map<std::uint32_t, std::uint32_t> hits;
    for (std::size_t pair : p) {
      if (const auto it = postings.find(pair); it != postings.end()) for (std::uint32_t s : it->second) ++hits[s];
    }
    std::uint32_t best = static_cast<std::uint32_t>(statements.size());
    double best_share = 0;
    for (const auto& [s, n] : hits) {
      const std::size_t shorter = std::min(p.size(), pairs[s].size());
      const std::size_t shorter_words = std::min(w.size(), words[s].size());
      const double got = static_cast<double>(n) / static_cast<double>(shorter);
      // Short quotes must match word for word: four words in common says little.
      const bool same = shorter_words >= 4 ? got >= share : w == words[s];
      if (same && (got > best_share || (got == best_share && s < best))) {
        best = s;
        best_share = got;
      }
    }
    return best;
  }

  void add(story_source src, std::vector<std::string> w, std::vector<std::size_t> p) {
    const auto id = static_cast<std::uint32_t>(statements.size());
    for (std::size_t pair : p) {
      auto& list = postings[pair];
      if (list.size() < max_pair_postings) list.push_back(id);
    }
    story_statement st;
    st.sources.push_back(src);
    st.documents.push_back(src.document);
    statements.push_back(std::move(st));
    words.push_back(std::move(w));
    pairs.push_back(std::move(p));
  }
};

}  // namespace detail

// Groups the statements of docs by speaker into out.quotes; needs out.actors and out.actor_of
// (link_actors). Quotes that are not statements, or shorter than options.min_quote_words, are left out.
inline void group_quotes(std::span<const document> docs, const story_options& options, story& out) {
  using namespace detail;
  std::vector<statement_index> speakers;
  std::vector<story_speaker> heads;
  std::unordered_map<std::string, std::uint32_t> by_key;
  for (doc_index d = 0; d < docs.size(); ++d) {
    const document& doc = docs[d];
    for (const quote& q : doc.quotes()) {
      if (!q.statement) continue;
      std::vector<std::string> w = quote_words(doc.text(q));
      if (w.size() < options.min_quote_words || w.empty()) continue;
      entity_id who = no_entity;
      if (q.speaker != no_entity && d < out.actor_of.size() && q.speaker < out.actor_of[d].size()) {
        who = out.actor_of[d][q.speaker];
      }
      // A speaker the text does not name ("the official") is someone of this document only.
      std::string key;
      std::string label;
      if (who != no_entity) {
        key = "a" + std::to_string(who);
        label = out.actors[who].name;
      } else {
        label = std::string(doc.text(q.speaker_where));
        key = "d" + std::to_string(d) + ":" + entity_key(label);
        if (label.empty()) label = "(unattributed)";
      }
      const auto [it, fresh] = by_key.try_emplace(key, static_cast<std::uint32_t>(speakers.size()));
      if (fresh) {
        speakers.emplace_back();
        story_speaker head;
        head.speaker = std::move(label);
        head.actor = who;
        heads.push_back(std::move(head));
      }
      statement_index& index = speakers[it->second];
      add_distinct_doc(heads[it->second].documents, d);
      std::vector<std::size_t> p = word_pairs(w);
      const story_source src{d, q.where};
      const std::uint32_t s = index.find(w, p, options.same_statement);
      if (s == index.statements.size()) {
        index.add(src, std::move(w), std::move(p));
        continue;
      }
      story_statement& st = index.statements[s];
      add_distinct_doc(st.documents, d);
      // The fullest wording leads.
      if (w.size() > index.words[s].size()) {
        st.sources.insert(st.sources.begin(), src);
        index.words[s] = std::move(w);
      } else {
        st.sources.push_back(src);
      }
    }
  }
  out.quotes.clear();
  for (std::size_t i = 0; i < heads.size(); ++i) {
    heads[i].statements = std::move(speakers[i].statements);
    out.quotes.push_back(std::move(heads[i]));
  }
  // Speakers quoted by the most documents first, then the most statements.
  std::stable_sort(out.quotes.begin(), out.quotes.end(), [](const story_speaker& a, const story_speaker& b) {
    if (a.documents.size() != b.documents.size()) return a.documents.size() > b.documents.size();
    return a.statements.size() > b.statements.size();
  });
}

}  // namespace v0
}  // namespace quarry
