// quarry/match/token_trie.hpp: multi-word phrase lookup over token sequences.
// phrase_matcher is a trie whose edges are tokens, stored as one open-addressing table keyed by
// (node, 64-bit hash of the token's folded bytes), so a lookup hashes a token in place and probes once:
// no allocation, no scan. Built once with add(), immutable afterwards, safe to share across threads.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/text/token.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {

// fold: ASCII letters compare case-insensitively and the curly apostrophes ’ ‘ compare equal to '.
// exact: bytes compare as written ("US" the country, not the pronoun "us"), apostrophes still folded.
// In both modes a trailing period of a token is ignored, so "St. Louis" matches "St Louis" and
// "Jan." matches "Jan"; inner periods count, so "U.S." never matches "us".
enum class match_case : std::uint8_t { fold, exact };

namespace detail {

inline constexpr std::uint64_t fnv_offset = 0xcbf29ce484222325ull;
inline constexpr std::uint64_t fnv_prime = 0x100000001b3ull;

[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) noexcept {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// 64-bit hash of a token's bytes under a match_case; never 0 (0 marks an empty table slot).
// Bytes are folded and packed eight to a word, one multiply per word, so a short word costs a few
// cycles; the same function serves building and lookup, so folding rules live in one place.
[[nodiscard]] constexpr std::uint64_t token_hash(std::string_view w, match_case mode) noexcept {
  std::size_t n = w.size();
  if (n > 1 && w[n - 1] == '.') --n;
  const bool fold = mode == match_case::fold;
  std::uint64_t h = (fold ? fnv_offset : (fnv_offset ^ 0x5bd1e9955bd1e995ull));
  std::uint64_t chunk = 0;
  unsigned k = 0;
  std::size_t len = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 || static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      c = '\'';
      i += 2;
    } else if (fold) {
      c = static_cast<unsigned char>(c | (static_cast<unsigned>(c - 'A') < 26u ? 0x20u : 0u));
    }
    chunk |= static_cast<std::uint64_t>(c) << (8 * k);
    ++len;
    if (++k == 8) {
      h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
      h ^= h >> 32;
      chunk = 0;
      k = 0;
    }
  }
  h = (h ^ chunk ^ (static_cast<std::uint64_t>(len) << 56)) * 0x9E3779B97F4A7C15ull;
  h = mix64(h);
  return h == 0 ? 1 : h;
}

}  // namespace detail

template <class Value>
class phrase_matcher {
 public:
  // tokens [first, last) of the span given to the lookup; value points into the matcher.
  struct match {
    std::uint32_t first = 0, last = 0;
    const Value* value = nullptr;
    match_case mode = match_case::fold;  // which kind of phrase matched
    [[nodiscard]] explicit operator bool() const noexcept { return value != nullptr; }
  };

  phrase_matcher() { init_table(64); }

  // phrase is split into tokens by quarry::tokenize; a later add() of the same phrase (same mode)
  // replaces the value. An empty phrase is ignored.
  void add(std::string_view phrase, Value value, match_case mode = match_case::fold) {
    std::vector<token> toks;
    tokenize(phrase, toks);
    add_tokens(phrase, toks, std::move(value), mode);
  }

  // As add(), for a phrase already tokenized (tokens index into text).
  void add_tokens(std::string_view text, std::span<const token> toks, Value value,
                  match_case mode = match_case::fold) {
    if (toks.empty()) return;
    std::uint32_t node = mode == match_case::fold ? fold_root : exact_root;
    for (const token& t : toks) {
      const std::uint64_t h = detail::token_hash(t.of(text), mode);
      if (node == fold_root || node == exact_root) mark_start(h);
      node = child_or_insert(node, h);
    }
    std::uint32_t& slot = node_value_[node];
    if (slot == no_value) {
      slot = static_cast<std::uint32_t>(values_.size());
      values_.push_back(std::move(value));
    } else {
      values_[slot] = std::move(value);
    }
  }

  // Longest phrase (of either mode) starting at token i; value == nullptr when none. When a fold and
  // an exact phrase have the same length, the exact one wins. No allocation.
  [[nodiscard]] match longest_at(std::string_view text, std::span<const token> tokens,
                                 std::uint32_t i) const noexcept {
    match best{i, i, nullptr};
    if (i >= tokens.size()) return best;
    const std::string_view w0 = tokens[i].of(text);
    if (has_fold_) walk(text, tokens, i, fold_root, detail::token_hash(w0, match_case::fold), match_case::fold, best);
    if (has_exact_) walk(text, tokens, i, exact_root, detail::token_hash(w0, match_case::exact), match_case::exact, best);
    return best;
  }

  // Cheap test: can any phrase start with this token? (one hash, one bit test)
  [[nodiscard]] bool may_start(std::string_view word) const noexcept {
    return (has_fold_ && start_bit(detail::token_hash(word, match_case::fold))) ||
           (has_exact_ && start_bit(detail::token_hash(word, match_case::exact)));
  }

  // Every leftmost-longest, non-overlapping match, in order: on_match(const match&).
  template <class F>
  void for_each_match(std::string_view text, std::span<const token> tokens, F&& on_match) const {
    const auto n = static_cast<std::uint32_t>(tokens.size());
    std::uint32_t i = 0;
    while (i < n) {
      const match m = longest_at(text, tokens, i);
      if (m.value) {
        on_match(m);
        i = m.last;
      } else {
        ++i;
      }
    }
  }

  // Whole-phrase lookup (the phrase is tokenized, so this allocates: not for the hot path).
  [[nodiscard]] const Value* find(std::string_view phrase) const {
    std::vector<token> toks;
    tokenize(phrase, toks);
    const match m = longest_at(phrase, toks, 0);
    return m.value && m.last == toks.size() ? m.value : nullptr;
  }

  // Number of distinct phrases.
  [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }
  [[nodiscard]] bool empty() const noexcept { return values_.empty(); }
  // Trie nodes (roots included) and the bytes the automaton holds, for benchmarks and sizing.
  [[nodiscard]] std::size_t node_count() const noexcept { return node_value_.size(); }
  [[nodiscard]] std::size_t memory_bytes() const noexcept {
    return table_.capacity() * sizeof(slot) + node_value_.capacity() * sizeof(std::uint32_t) +
           start_bits_.capacity() * sizeof(std::uint64_t) + values_.capacity() * sizeof(Value);
  }
  // Visits every value (e.g. to index them); order is insertion order of distinct phrases.
  [[nodiscard]] const std::vector<Value>& values() const noexcept { return values_; }

 private:
  struct slot {
    std::uint64_t hash = 0;  // token hash; 0 = empty
    std::uint32_t parent = 0;
    std::uint32_t child = 0;
  };
  static constexpr std::uint32_t fold_root = 0, exact_root = 1;
  static constexpr std::uint32_t no_value = 0xFFFFFFFFu;
  static constexpr std::size_t start_bits_count = std::size_t{1} << 20;  // 128 KiB filter

  void init_table(std::size_t cap) {
    table_.assign(cap, slot{});
    mask_ = cap - 1;
    used_ = 0;
    node_value_.assign(2, no_value);
    start_bits_.assign(start_bits_count / 64, 0);
  }

  [[nodiscard]] static std::size_t slot_index(std::uint64_t h, std::uint32_t parent) noexcept {
    return static_cast<std::size_t>(h ^ (static_cast<std::uint64_t>(parent) * 0x9E3779B97F4A7C15ull) ^
                                    (static_cast<std::uint64_t>(parent) >> 7));
  }

  void mark_start(std::uint64_t h) noexcept {
    const std::size_t b = static_cast<std::size_t>(h >> 44) & (start_bits_count - 1);
    start_bits_[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  [[nodiscard]] bool start_bit(std::uint64_t h) const noexcept {
    const std::size_t b = static_cast<std::size_t>(h >> 44) & (start_bits_count - 1);
    return (start_bits_[b / 64] >> (b % 64)) & 1u;
  }

  [[nodiscard]] std::uint32_t child_of(std::uint32_t parent, std::uint64_t h) const noexcept {
    std::size_t i = slot_index(h, parent) & mask_;
    for (;;) {
      const slot& s = table_[i];
      if (s.hash == 0) return 0;
      if (s.hash == h && s.parent == parent) return s.child;
      i = (i + 1) & mask_;
    }
  }

  std::uint32_t child_or_insert(std::uint32_t parent, std::uint64_t h) {
    if (parent == fold_root) has_fold_ = true;
    if (parent == exact_root) has_exact_ = true;
    if (const std::uint32_t c = child_of(parent, h)) return c;
    if ((used_ + 1) * 4 > table_.size() * 3) grow();
    const auto child = static_cast<std::uint32_t>(node_value_.size());
    node_value_.push_back(no_value);
    place(slot{h, parent, child});
    ++used_;
    return child;
  }

  void place(const slot& s) noexcept {
    std::size_t i = slot_index(s.hash, s.parent) & mask_;
    while (table_[i].hash != 0) i = (i + 1) & mask_;
    table_[i] = s;
  }

  void grow() {
    std::vector<slot> old = std::move(table_);
    table_.assign(old.size() * 2, slot{});
    mask_ = table_.size() - 1;
    for (const slot& s : old) {
      if (s.hash != 0) place(s);
    }
  }

  void walk(std::string_view text, std::span<const token> tokens, std::uint32_t i, std::uint32_t root,
            std::uint64_t h0, match_case mode, match& best) const noexcept {
    if (!start_bit(h0)) return;
    std::uint32_t node = child_of(root, h0);
    std::uint32_t j = i;
    while (node != 0) {
      ++j;
      const std::uint32_t v = node_value_[node];
      if (v != no_value && (j > best.last || (j == best.last && mode == match_case::exact))) {
        best.first = i;
        best.last = j;
        best.value = &values_[v];
        best.mode = mode;
      }
      if (j >= tokens.size()) break;
      node = child_of(node, detail::token_hash(tokens[j].of(text), mode));
    }
  }

  std::vector<slot> table_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
  std::vector<std::uint32_t> node_value_;  // per node: index into values_, or no_value
  std::vector<Value> values_;
  std::vector<std::uint64_t> start_bits_;  // which first-token hashes start some phrase
  bool has_fold_ = false;
  bool has_exact_ = false;
};

}  // namespace v0
}  // namespace quarry
