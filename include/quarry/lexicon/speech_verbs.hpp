// quarry/lexicon/speech_verbs.hpp: the verbs that attribute speech ("said", "told", "warned").
// A built-in list of inflected forms answers is_speech_verb() with a binary search and no allocation;
// speech_verb_set adds a user's own words (in code or from a file) on top of it. The quote extractor
// uses it to find attributions; the actor extractor may use it as "X said" evidence.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <unordered_set>

#include "quarry/error.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// Lower-case inflected forms, sorted (checked at compile time below). Base forms are in because
// news uses them after auxiliaries and in the present tense ("he will say", "they say").
inline constexpr std::string_view builtin_speech_verbs[] = {
    "acknowledge", "acknowledged", "acknowledges", "acknowledging", "add", "added", "adding",
    "adds", "admit", "admits", "admitted", "advised", "affirm", "affirmed", "affirms", "agree",
    "agreed", "agrees", "alleges", "announce", "announced", "announces", "announcing", "answered",
    "argue", "argued", "argues", "arguing", "ask", "asked", "asking", "asks", "assert", "asserted",
    "asserts", "assure", "assured", "assures", "blogged", "boast", "boasted", "boasts", "cautioned",
    "cautions", "chanted", "cheered", "claim", "claimed", "claiming", "claims", "commented",
    "complain", "complained", "complains", "concede", "conceded", "concedes", "conceding",
    "conclude", "concluded", "concludes", "confess", "confessed", "confesses", "confirm",
    "confirmed", "confirms", "contend", "contended", "contends", "continued", "countered", "cried",
    "declare", "declared", "declares", "declaring", "demanded", "denied", "denies", "deny",
    "describe", "described", "describes", "emphasise", "emphasised", "emphasises", "emphasize",
    "emphasized", "emphasizes", "exclaimed", "exclaims", "explain", "explained", "explaining",
    "explains", "expressed", "insist", "insisted", "insisting", "insists", "joked", "lamented",
    "laughed", "maintain", "maintained", "maintains", "mentioned", "murmured", "mused", "noted",
    "noting", "observe", "observed", "observes", "pleaded", "pledge", "pledged", "pledges",
    "posted", "predict", "predicted", "predicts", "proclaim", "proclaimed", "promise", "promised",
    "promises", "protested", "quipped", "recalled", "recalls", "reckoned", "reckons", "recount",
    "recounted", "reiterate", "reiterated", "reiterates", "remarked", "repeated", "replied",
    "replies", "reported", "respond", "responded", "responds", "retorted", "reveal", "revealed",
    "reveals", "said", "say", "saying", "says", "scoffed", "shouted", "sighed", "snapped", "spoke",
    "stated", "stating", "stressed", "suggest", "suggested", "suggests", "tell", "telling", "tells",
    "testified", "testifies", "testify", "thundered", "told", "tweeted", "underlined",
    "urge", "urged", "urges", "vow", "vowed", "vows", "warn", "warned", "warns", "whispered",
    "wondered", "write", "writes", "writing", "wrote", "yelled",
};

inline constexpr bool builtin_speech_verbs_sorted = [] {
  for (std::size_t i = 1; i < std::size(builtin_speech_verbs); ++i) {
    if (!(builtin_speech_verbs[i - 1] < builtin_speech_verbs[i])) return false;
  }
  return true;
}();
static_assert(builtin_speech_verbs_sorted, "builtin_speech_verbs must stay sorted and unique");

// Words longer than this are never speech verbs; it bounds the stack buffer used for folding.
inline constexpr std::size_t max_speech_verb_size = 24;

// Folds ASCII letters to lower case into buf; false when w is too long or holds a non-letter
// other than an apostrophe or hyphen (so "said," or "U.S." never match).
[[nodiscard]] constexpr bool fold_speech_word(std::string_view w, std::array<char, max_speech_verb_size>& buf,
                                              std::size_t& n) noexcept {
  if (w.empty() || w.size() > buf.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
    buf[i] = c;
  }
  n = w.size();
  return true;
}

}  // namespace detail

// True when word, in any letter case, is one of the built-in speech-verb forms.
[[nodiscard]] constexpr bool is_speech_verb(std::string_view word) noexcept {
  std::array<char, detail::max_speech_verb_size> buf{};
  std::size_t n = 0;
  if (!detail::fold_speech_word(word, buf, n)) return false;
  const std::string_view key(buf.data(), n);
  const auto* first = std::begin(detail::builtin_speech_verbs);
  const auto* last = std::end(detail::builtin_speech_verbs);
  const auto* it = std::lower_bound(first, last, key);
  return it != last && *it == key;
}

// The built-in speech verbs plus a user's own. Build once, then share: contains() is const and
// thread-safe. Words are matched whole and case-insensitively; add each inflected form you need
// ("quip", "quipped"), or use add_verb() for regular verbs.
class speech_verb_set {
 public:
  // The built-in verbs.
  speech_verb_set() = default;

  // Only the given words, without the built-in list.
  [[nodiscard]] static speech_verb_set without_builtin() {
    speech_verb_set s;
    s.builtin_ = false;
    return s;
  }

  // Adds one word form. Throws usage_error when it is not a single word of ASCII letters
  // (apostrophes and hyphens allowed) of at most 24 bytes.
  speech_verb_set& add(std::string_view word) {
    std::array<char, detail::max_speech_verb_size> buf{};
    std::size_t n = 0;
    if (!detail::fold_speech_word(word, buf, n)) {
      throw usage_error("quarry::speech_verb_set: '" + std::string(word) +
                        "' is not a single word of letters of at most 24 bytes");
    }
    extra_.emplace(buf.data(), n);
    return *this;
  }

  // Adds a regular verb's forms: "grumble" -> grumble, grumbles, grumbled, grumbling.
  speech_verb_set& add_verb(std::string_view lemma) {
    add(lemma);
    std::string w(lemma);
    const bool e_end = !w.empty() && (w.back() == 'e' || w.back() == 'E');
    add(w + "s");
    add(e_end ? w + "d" : w + "ed");
    add(e_end ? w.substr(0, w.size() - 1) + "ing" : w + "ing");
    return *this;
  }

  // Adds the words of a UTF-8 text file: one word form per line; blank lines and lines starting
  // with '#' are skipped. Throws lexicon_error with the path and line for a bad line, and when the
  // file cannot be read.
  speech_verb_set& add_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw lexicon_error(path, 0, "cannot open speech-verb file");
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::string_view w(line);
      while (!w.empty() && (w.back() == '\r' || w.back() == ' ' || w.back() == '\t')) w.remove_suffix(1);
      while (!w.empty() && (w.front() == ' ' || w.front() == '\t')) w.remove_prefix(1);
      if (w.empty() || w.front() == '#') continue;
      std::array<char, detail::max_speech_verb_size> buf{};
      std::size_t n = 0;
      if (!detail::fold_speech_word(w, buf, n)) {
        throw lexicon_error(path, number, "expected one speech-verb form of ASCII letters, got '" +
                                              std::string(w) + "'");
      }
      extra_.emplace(buf.data(), n);
    }
    return *this;
  }

  // Whether word (any case) is a speech verb of this set.
  [[nodiscard]] bool contains(std::string_view word) const noexcept {
    if (builtin_ && is_speech_verb(word)) return true;
    if (extra_.empty()) return false;
    std::array<char, detail::max_speech_verb_size> buf{};
    std::size_t n = 0;
    if (!detail::fold_speech_word(word, buf, n)) return false;
    return extra_.find(std::string_view(buf.data(), n)) != extra_.end();
  }

  [[nodiscard]] bool has_builtin() const noexcept { return builtin_; }
  // Number of words added on top of the built-in list.
  [[nodiscard]] std::size_t extra_size() const noexcept { return extra_.size(); }

 private:
  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, hash, std::equal_to<>> extra_;
  bool builtin_ = true;
};

}  // namespace v0
}  // namespace quarry
