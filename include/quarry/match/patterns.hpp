// quarry/match/patterns.hpp: character patterns over text, by RE2 (linear time, no backtracking).
// A pattern or pattern_set is compiled once (a bad pattern throws pattern_error naming it) and is
// immutable afterwards, so it can be shared across threads. RE2 runs only where a cheap byte test
// says a match is possible: a literal every match must contain, or a set of trigger bytes.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "quarry/error.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

// A regular expression that RE2 rejected; what() names the pattern and RE2's reason.
class pattern_error : public error {
 public:
  pattern_error(std::string pattern, const std::string& why)
      : error("quarry: bad pattern '" + pattern + "': " + why), pattern_(std::move(pattern)) {}
  [[nodiscard]] const std::string& pattern() const noexcept { return pattern_; }

 private:
  std::string pattern_;
};

struct pattern_options {
  bool case_insensitive = false;
  // When not empty, a match must contain at least one of these bytes; text without any is skipped
  // without running RE2 (e.g. "0123456789" for number patterns, "@" for e-mail addresses).
  std::string_view trigger_bytes{};
  // When not empty, a literal every match contains (overrides the one found in the pattern).
  std::string_view required_literal{};
};

namespace detail {

// A 256-bit byte set for the trigger test.
struct byte_set {
  std::array<std::uint64_t, 4> bits{};
  void add(unsigned char c) noexcept { bits[c >> 6] |= std::uint64_t{1} << (c & 63); }
  [[nodiscard]] bool has(unsigned char c) const noexcept { return (bits[c >> 6] >> (c & 63)) & 1u; }
  [[nodiscard]] bool empty() const noexcept { return (bits[0] | bits[1] | bits[2] | bits[3]) == 0; }
  [[nodiscard]] bool any_in(std::string_view s) const noexcept {
    for (char c : s) {
      if (has(static_cast<unsigned char>(c))) return true;
    }
    return false;
  }
};

// The longest run of plain literal characters that every match of a regex must contain, or "" when
// the pattern gives none for sure. Conservative: only top-level characters of a pattern without a
// top-level '|' count, and a character made optional by ?, * or {0 ends the run without joining it.
[[nodiscard]] inline std::string required_literal_of(std::string_view re) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < re.size(); ++i) {  // any top-level alternation: no literal is sure
    const char c = re[i];
    if (c == '\\') { ++i; continue; }
    if (in_class) { if (c == ']') in_class = false; continue; }
    if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')') --depth;
    else if (c == '|' && depth == 0) return {};
  }
  std::string best, run;
  auto flush = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  depth = 0;
  in_class = false;
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    const char next = i + 1 < re.size() ? re[i + 1] : '\0';
    const bool optional_next = next == '?' || next == '*' || (next == '{' && i + 2 < re.size() && re[i + 2] == '0');
    if (in_class) { if (c == '\\') ++i; else if (c == ']') in_class = false; continue; }
    if (c == '[') { flush(); in_class = true; continue; }
    if (c == '(') { flush(); ++depth; continue; }
    if (c == ')') { flush(); --depth; continue; }
    if (depth != 0) continue;
    if (c == '\\') {
      // escaped punctuation is a literal; \d, \w, \b and friends are not
      if (i + 1 < re.size() && !((re[i + 1] >= 'a' && re[i + 1] <= 'z') || (re[i + 1] >= 'A' && re[i + 1] <= 'Z') ||
                                 (re[i + 1] >= '0' && re[i + 1] <= '9'))) {
        const char lit = re[i + 1];
        const char after = i + 2 < re.size() ? re[i + 2] : '\0';
        ++i;
        if (after == '?' || after == '*' || (after == '{' && i + 2 < re.size() && re[i + 2] == '0')) { flush(); continue; }
        run += lit;
        continue;
      }
      flush();
      ++i;
      continue;
    }
    if (std::string_view(".^$|?*+{}").find(c) != std::string_view::npos) { flush(); continue; }
    if (optional_next) { flush(); continue; }
    run += c;
  }
  flush();
  return best;
}

[[nodiscard]] inline char fold_ascii(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Does text contain lit (ASCII case-folded when fold)? A plain find for the exact case.
[[nodiscard]] inline bool contains_literal(std::string_view text, std::string_view lit, bool fold) noexcept {
  if (lit.empty()) return true;
  if (!fold) return text.find(lit) != std::string_view::npos;
  if (lit.size() > text.size()) return false;
  const char a = fold_ascii(lit[0]);
  for (std::size_t i = 0; i + lit.size() <= text.size(); ++i) {
    if (fold_ascii(text[i]) != a) continue;
    std::size_t k = 1;
    while (k < lit.size() && fold_ascii(text[i + k]) == fold_ascii(lit[k])) ++k;
    if (k == lit.size()) return true;
  }
  return false;
}

[[nodiscard]] inline RE2::Options re2_options(bool case_insensitive) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_case_sensitive(!case_insensitive);
  return o;
}

}  // namespace detail

// One compiled pattern. Copies share the compiled program.
class pattern {
 public:
  explicit pattern(std::string_view regex, const pattern_options& options = {})
      : re_(std::make_shared<const RE2>(re2::StringPiece(regex.data(), regex.size()),
                                        detail::re2_options(options.case_insensitive))),
        fold_(options.case_insensitive) {
    if (!re_->ok()) throw pattern_error(std::string(regex), re_->error());
    for (char c : options.trigger_bytes) triggers_.add(static_cast<unsigned char>(c));
    literal_ = options.required_literal.empty() ? detail::required_literal_of(regex)
                                                 : std::string(options.required_literal);
  }

  // The cheap test: false means no match is possible in text.
  [[nodiscard]] bool may_match(std::string_view text) const noexcept {
    if (!triggers_.empty() && !triggers_.any_in(text)) return false;
    return detail::contains_literal(text, literal_, fold_);
  }

  // The first match in text at or after byte from; false when none.
  bool find(std::string_view text, span& where, std::size_t from = 0) const {
    if (from > text.size() || !may_match(text.substr(from))) return false;
    re2::StringPiece m;
    if (!re_->Match(re2::StringPiece(text.data(), text.size()), from, text.size(), RE2::UNANCHORED, &m, 1)) {
      return false;
    }
    where.begin = static_cast<offset_t>(m.data() - text.data());
    where.end = static_cast<offset_t>(where.begin + m.size());
    return true;
  }

  // Does the whole of text match?
  [[nodiscard]] bool full_match(std::string_view text) const {
    if (!may_match(text)) return false;
    return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_BOTH, nullptr, 0);
  }

  // Every non-overlapping match, left to right: on_match(span). Empty matches are skipped.
  template <class F>
  void for_each(std::string_view text, F&& on_match) const {
    if (!may_match(text)) return;
    std::size_t from = 0;
    span where;
    while (from <= text.size() && find(text, where, from)) {
      if (where.empty()) {
        from = where.end + 1;
        continue;
      }
      on_match(where);
      from = where.end;
    }
  }

  [[nodiscard]] const std::string& required_literal() const noexcept { return literal_; }
  [[nodiscard]] const RE2& re2() const noexcept { return *re_; }

 private:
  std::shared_ptr<const RE2> re_;
  detail::byte_set triggers_;
  std::string literal_;
  bool fold_ = false;
};

// Many patterns tested in one pass (RE2::Set): which of them match somewhere in a text.
// add() them, then compile(); afterwards the set is immutable. Copies share the compiled set.
class pattern_set {
 public:
  explicit pattern_set(const pattern_options& options = {})
      : set_(std::make_shared<RE2::Set>(detail::re2_options(options.case_insensitive), RE2::UNANCHORED)) {
    for (char c : options.trigger_bytes) triggers_.add(static_cast<unsigned char>(c));
  }

  // Returns the pattern's index; throws pattern_error when RE2 rejects it or after compile().
  std::size_t add(std::string_view regex) {
    if (compiled_) throw pattern_error(std::string(regex), "added after compile()");
    std::string why;
    const int i = set_->Add(re2::StringPiece(regex.data(), regex.size()), &why);
    if (i < 0) throw pattern_error(std::string(regex), why);
    patterns_.emplace_back(regex);
    return static_cast<std::size_t>(i);
  }

  // Throws error when RE2 runs out of memory for the set.
  void compile() {
    if (compiled_) return;
    if (!set_->Compile()) throw error("quarry: pattern set of " + std::to_string(patterns_.size()) + " patterns failed to compile (out of memory)");
    compiled_ = true;
  }

  // Indices of the patterns that match in text, in increasing order, into out (cleared first).
  bool match(std::string_view text, std::vector<int>& out) const {
    out.clear();
    if (!compiled_) throw usage_error("quarry::pattern_set::match before compile()");
    if (patterns_.empty() || (!triggers_.empty() && !triggers_.any_in(text))) return false;
    const bool any = set_->Match(re2::StringPiece(text.data(), text.size()), &out);
    std::sort(out.begin(), out.end());
    return any;
  }

  [[nodiscard]] std::size_t size() const noexcept { return patterns_.size(); }
  [[nodiscard]] const std::string& pattern_at(std::size_t i) const { return patterns_.at(i); }

 private:
  std::shared_ptr<RE2::Set> set_;
  std::vector<std::string> patterns_;
  detail::byte_set triggers_;
  bool compiled_ = false;
};

}  // namespace v0
}  // namespace quarry
