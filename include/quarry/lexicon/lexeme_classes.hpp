// quarry/lexicon/lexeme_classes.hpp: which lexeme classes a token is of, for token patterns.
// The one place the patterns stage asks the lexicons about a word, so a richer vocabulary layer can answer
// instead by changing this class alone. Immutable after construction; copies share the lexicons.
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "quarry/lexicon/numbers.hpp"
#include "quarry/lexicon/people.hpp"
#include "quarry/match/rules.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

class lexeme_classes {
 public:
  lexeme_classes() : people_(people_lexicon::builtin()) {}
  explicit lexeme_classes(std::shared_ptr<const people_lexicon> people) : people_(std::move(people)) {}

  // Is the token t, whose text is word, of class c?
  [[nodiscard]] bool has(lexeme_class c, const token& t, std::string_view word) const noexcept {
    const bool is_word = t.kind == token_kind::word;
    switch (c) {
      case lexeme_class::first_name: return is_word && people_->first_name(word) != nullptr;
      case lexeme_class::title: return is_word && t.has(capitalized) && people_->title(word) != nullptr;
      case lexeme_class::honorific: return is_word && people_->honorific(word) != nullptr;
      case lexeme_class::number: return t.kind == token_kind::number || (is_word && number_word(word));
      case lexeme_class::capitalized: return is_word && t.has(quarry::capitalized);
      case lexeme_class::all_caps: return is_word && t.has(quarry::all_caps);
      case lexeme_class::lower: return is_word && !word.empty() && word[0] >= 'a' && word[0] <= 'z';
      case lexeme_class::word: return is_word;
      case lexeme_class::punct: return t.kind == token_kind::punctuation;
    }
    return false;
  }

 private:
  // "twelve", "Forty", "twenty-five"
  [[nodiscard]] static bool number_word(std::string_view w) noexcept {
    while (!w.empty()) {
      const auto dash = w.find('-');
      const std::string_view part = w.substr(0, dash);
      bool known = false;
      for (const auto& c : numbers::cardinals) {
        if (equal_ascii_folded(c.word, part)) known = true;
      }
      for (const auto& m : numbers::multipliers) {
        if (equal_ascii_folded(m.word, part)) known = true;
      }
      if (!known) return false;
      w.remove_prefix(dash == std::string_view::npos ? w.size() : dash + 1);
    }
    return true;
  }
  [[nodiscard]] static bool equal_ascii_folded(std::string_view lower, std::string_view s) noexcept {
    if (lower.size() != s.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] + 32) : s[i];
      if (c != lower[i]) return false;
    }
    return true;
  }

  std::shared_ptr<const people_lexicon> people_;
};

}  // namespace v0
}  // namespace quarry
