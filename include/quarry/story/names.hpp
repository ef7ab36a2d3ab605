// quarry/story/names.hpp: the keys that let two outlets' spellings meet: folded entity names, a person's
// surname and first name, a consonant skeleton for transliterations ("Mohammed", "Mohamed" -> "mhmd"),
// and word stems for comparing titles and contexts. Internal to the story stage.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace quarry {
inline namespace v0 {
namespace detail {

[[nodiscard]] constexpr char story_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
[[nodiscard]] constexpr bool story_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Splits on spaces; the curly apostrophe becomes a straight one so "Al-Sudani’s" and "Al-Sudani's" agree.
[[nodiscard]] inline std::vector<std::string> story_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) { cur += '\''; i += 2; continue; }
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += story_lower(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

[[nodiscard]] inline std::string strip_possessive(std::string w) {
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("s'"))) w.resize(w.size() - (w.ends_with("'s") ? 2 : 1));
  return w;
}

// A folded name for entities other than people: case, dots, a leading "the", possessives and plurals
// do not count ("the U.S. military's" = "US military"; "Iraqi security forces" = "Iraqi Security Force").
[[nodiscard]] inline std::string entity_key(std::string_view name) {
  std::string key;
  auto words = story_words(name);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = strip_possessive(std::move(words[i]));
    std::erase(w, '.');
    if (w.empty() || (i == 0 && words.size() > 1 && w == "the")) continue;
    if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) w.pop_back();
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

// A person's name in parts: first name, middle names, surname; the Arabic article is not part of the
// surname ("al-Sudani" and "Al Sudani" -> "sudani").
struct person_name {
  std::string first;  // empty when only a surname is known
  std::vector<std::string> middle;
  std::string surname;
};

[[nodiscard]] inline person_name parse_person(std::string_view name) {
  std::vector<std::string> w = story_words(name);
  for (auto& x : w) { x = strip_possessive(std::move(x)); std::erase(x, '.'); }
  std::erase(w, std::string());
  person_name p;
  if (w.empty()) return p;
  // "Al Sudani": the article as a word of its own joins the surname.
  if (w.size() >= 2 && (w[w.size() - 2] == "al" || w[w.size() - 2] == "el")) {
    w[w.size() - 2] += "-" + w.back();
    w.pop_back();
  }
  std::string last = w.back();
  for (std::string_view article : {"al-", "el-", "al'", "el'"}) {
    if (last.size() > article.size() + 1 && last.starts_with(article)) { last.erase(0, article.size()); break; }
  }
  p.surname = last;
  if (w.size() >= 2) p.first = w.front();
  for (std::size_t i = 1; i + 1 < w.size(); ++i) p.middle.push_back(w[i]);
  return p;
}

// Letters without the vowels after the first, doubled letters once: transliterations of one name meet
// ("mohammed", "mohammad", "mohamed", "muhammad" -> "mhmd"; "sabrin", "sabrina" -> "sbrn").
[[nodiscard]] inline std::string name_skeleton(std::string_view word) {
  std::string out;
  for (const char raw : word) {
    const char c = story_lower(raw);
    if (!story_alpha(c)) continue;
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (!out.empty() && vowel) continue;
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

// At most one letter inserted, removed or replaced.
[[nodiscard]] inline bool within_one_edit(std::string_view a, std::string_view b) noexcept {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + (i < a.size())) == b.substr(i + (i < b.size()));
  return a.substr(i) == b.substr(i + 1);
}

// Two spellings of one first name: the same first letter and the same skeleton, or one edit apart in
// names of five letters or more ("Jonathon", "Jonathan"). "John" and "Joan" are not.
[[nodiscard]] inline bool first_name_variants(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.empty() || b.empty() || a.front() != b.front()) return false;
  if (name_skeleton(a) == name_skeleton(b)) return true;
  return std::min(a.size(), b.size()) >= 5 && within_one_edit(a, b);
}

// Words that say nothing about who someone is, left out of title and context comparisons.
inline constexpr std::array<std::string_view, 40> story_stop_stems = {
    "about", "accor", "added", "after", "again", "also",  "been",  "befor", "being", "could",
    "durin", "from",  "have",  "into",  "last",  "more",  "over",  "said",  "says",  "some",
    "such",  "than",  "that",  "their", "there", "these", "they",  "this",  "those", "told",
    "under", "until", "very",  "were",  "what",  "when",  "where", "which", "while", "with"};

// A crude stem (the first five letters) of a word of four letters or more, or empty for a word that
// does not count: "spokeswoman" and "spokesperson" meet at "spoke".
[[nodiscard]] inline std::string story_stem(std::string_view word) {
  std::string s;
  for (const char c : word) {
    if (!story_alpha(c)) {
      if (c == '-' || c == '\'') continue;
      return {};
    }
    s += story_lower(c);
  }
  if (s.size() < 4) return {};
  if (s.size() > 5) s.resize(5);
  if (std::find(story_stop_stems.begin(), story_stop_stems.end(), s) != story_stop_stems.end()) return {};
  return s;
}

// Sorted, distinct stems of the words of s.
[[nodiscard]] inline std::vector<std::string> story_stems(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& w : story_words(s)) {
    if (std::string st = story_stem(w); !st.empty()) out.push_back(std::move(st));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

[[nodiscard]] inline bool share_any(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j]) ++i; else ++j;
  }
  return false;
}

inline void merge_sorted(std::vector<std::string>& into, const std::vector<std::string>& more) {
  std::vector<std::string> out;
  out.reserve(into.size() + more.size());
  std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(out));
  into = std::move(out);
}

}  // namespace detail
}  // namespace v0
}  // namespace quarry
