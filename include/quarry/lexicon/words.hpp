// quarry/lexicon/words.hpp: the one way words are folded and looked up in every lexicon, and the one
// reader of a user's lexicon file. Folding writes into a stack buffer and maps are searched with a
// string_view, so a look-up builds no std::string and allocates nothing.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// A hash of a folded word read eight bytes at a time: words are short, and std::hash's byte loop
// and the node-per-entry std::unordered_map were a tenth of the pipeline's time.
[[nodiscard]] inline std::uint64_t word_hash(std::string_view s) noexcept {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xC2B2AE3D27D4EB4Full);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, s.data() + i, 8);
    h = (h ^ x) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  std::uint64_t x = 0;
  if (i < s.size()) std::memcpy(&x, s.data() + i, s.size() - i);
  h = (h ^ x) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

// Folded word -> V in one flat open-addressing table (keys stored folded, looked up with a view):
// built once, then only read, so look-ups are const, allocation-free and thread-safe.
template <class V>
class word_map {
 public:
  // The value of key (already folded), inserted with value when absent; second: whether inserted.
  std::pair<V*, bool> emplace(std::string_view key, V value = V{}) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::uint64_t h = word_hash(key);
    std::size_t i = h & mask_;
    while (slots_[i].used) {
      if (slots_[i].hash == h && slots_[i].key == key) return {&slots_[i].value, false};
      i = (i + 1) & mask_;
    }
    slot& s = slots_[i];
    s.key.assign(key);
    s.value = std::move(value);
    s.hash = h;
    s.used = true;
    ++size_;
    if (key.size() > longest_) longest_ = key.size();
    return {&s.value, true};
  }
  V& operator[](std::string_view key) { return *emplace(key).first; }

  // The value of a folded key, or nullptr.
  [[nodiscard]] const V* get(std::string_view key) const noexcept {
    if (size_ == 0 || key.size() > longest_) return nullptr;
    const std::uint64_t h = word_hash(key);
    std::size_t i = h & mask_;
    while (slots_[i].used) {
      if (slots_[i].hash == h && slots_[i].key == key) return &slots_[i].value;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }
  [[nodiscard]] V* get(std::string_view key) noexcept {
    return const_cast<V*>(static_cast<const word_map&>(*this).get(key));
  }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return get(key) != nullptr; }

  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    if (cap > slots_.size()) rehash(cap);
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

 private:
  struct slot {
    std::string key;
    V value{};
    std::uint64_t hash = 0;
    bool used = false;
  };
  void rehash(std::size_t cap) {
    std::vector<slot> old = std::move(slots_);
    slots_.clear();
    slots_.resize(cap);
    mask_ = cap - 1;
    for (auto& s : old) {
      if (!s.used) continue;
      std::size_t i = s.hash & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }
  std::vector<slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::size_t longest_ = 0;
};

// A set of folded words.
class word_set {
 public:
  bool insert(std::string_view key) { return words_.emplace(key, true).second; }
  [[nodiscard]] bool contains(std::string_view key) const noexcept { return words_.contains(key); }
  [[nodiscard]] std::size_t size() const noexcept { return words_.size(); }
  [[nodiscard]] bool empty() const noexcept { return words_.empty(); }

 private:
  word_map<bool> words_;
};

// The value of w's folded form in m, or nullptr.
template <class V>
[[nodiscard]] const V* find_folded(const word_map<V>& m, std::string_view w,
                                   final_period period = final_period::drop) noexcept {
  fold_buffer buf{};
  const auto key = fold_word(w, buf, period);
  return key.empty() ? nullptr : m.get(key);
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
