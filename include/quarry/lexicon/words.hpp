// quarry/lexicon/words.hpp: the one way words are folded and looked up in every lexicon, and the one
// reader of a user's lexicon file. Folding writes into a stack buffer and maps are searched with a
// string_view, so a look-up builds no std::string and allocates nothing.
#pragma once

#include <array>
#include <cstddef>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "quarry/error.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// Words longer than this are never lexicon words; it bounds the stack buffer used for folding.
inline constexpr std::size_t max_folded_word = 48;
using fold_buffer = std::array<char, max_folded_word>;

// Whether to drop one final period: titles and honorifics are looked up without it ("Ms." -> "ms"),
// aliases and organization suffixes keep it ("U.S.", "Corp.").
enum class final_period : bool { keep, drop };

// Calls put(c) for each byte of w folded: ASCII letters in lower case, curly single quotes (U+2018,
// U+2019) as a straight apostrophe. Every fold in quarry goes through this loop.
template <class Put>
constexpr void fold_each(std::string_view w, Put&& put) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' && (w[i + 2] == '\x99' || w[i + 2] == '\x98')) {
      put('\'');
      i += 2;
      continue;
    }
    put(ascii_lower(c));
  }
}

// w folded into buf; an empty view when w folds to more than max_folded_word bytes.
[[nodiscard]] constexpr std::string_view fold_word(std::string_view w, fold_buffer& buf,
                                                   final_period period = final_period::drop) noexcept {
  if (period == final_period::drop && w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  std::size_t n = 0;
  bool overflow = false;
  fold_each(w, [&](char c) {
    if (n == buf.size()) overflow = true;
    else buf[n++] = c;
  });
  return overflow ? std::string_view() : std::string_view(buf.data(), n);
}

// w folded into a new string of any length (names compared across a document, not per token).
[[nodiscard]] inline std::string folded_copy(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  fold_each(w, [&](char c) { out += c; });
  return out;
}

// Hash and equality that let a std::string-keyed container be searched with a string_view.
struct word_hash {
  using is_transparent = void;
  [[nodiscard]] std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Folded word -> V. Look up with find_folded(), or find() with a key already folded.
template <class V>
using word_map = std::unordered_map<std::string, V, word_hash, std::equal_to<>>;
using word_set = std::unordered_set<std::string, word_hash, std::equal_to<>>;

// The value of w's folded form in m, or nullptr.
template <class Map>
[[nodiscard]] const typename Map::mapped_type* find_folded(const Map& m, std::string_view w,
                                                           final_period period = final_period::drop) noexcept {
  fold_buffer buf{};
  const auto key = fold_word(w, buf, period);
  if (key.empty()) return nullptr;
  const auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

// A small sorted constant list of folded words, searched by binary search (no hashing, no allocation).
template <std::size_t N>
struct word_list {
  std::array<std::string_view, N> words;

  [[nodiscard]] constexpr bool contains(std::string_view w) const noexcept {
    fold_buffer buf{};
    const auto key = fold_word(w, buf, final_period::keep);
    if (key.empty()) return false;
    std::size_t lo = 0, hi = N;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (words[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < N && words[lo] == key;
  }
  [[nodiscard]] constexpr bool sorted() const noexcept {
    for (std::size_t i = 1; i < N; ++i) {
      if (!(words[i - 1] < words[i])) return false;
    }
    return true;
  }
};

template <class... W>
constexpr auto make_word_list(W... w) {
  return word_list<sizeof...(W)>{{std::string_view(w)...}};
}

// Splits s at sep into views (empty pieces kept).
template <class F>
void split_each(std::string_view s, char sep, F&& f) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t p = s.find(sep, start);
    f(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
}

// The whole text of a user's lexicon file; lexicon_error naming the path (line 0) when it cannot be read.
[[nodiscard]] inline std::string read_lexicon_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw lexicon_error(path, 0, "cannot open the " + std::string(what) + " file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

// The one reader of a user's lexicon text: calls line(number, text) for each line that is not blank
// and not a comment ('#' as its first non-blank character), with a final '\r' removed. Loaders
// report a bad line as lexicon_error(source, number, why).
template <class F>
void each_lexicon_line(std::string_view text, F&& line) {
  std::size_t number = 0;
  split_each(text, '\n', [&](std::string_view l) {
    ++number;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    const std::size_t first = l.find_first_not_of(" \t");
    if (first == std::string_view::npos || l[first] == '#') return;
    line(number, l);
  });
}

}  // namespace detail
}  // namespace v0
}  // namespace quarry
