// quarry/lexicon/speech_verbs.hpp: the verbs that attribute speech ("said", "told", "warned").
// A built-in list of inflected forms answers is_speech_verb() with a binary search and no allocation;
// speech_verb_set adds a user's own words (in code or from a file) on top of it. The quote extractor
// uses it to find attributions; the actor extractor may use it as "X said" evidence.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "quarry/error.hpp"
#include "quarry/lexicon/words.hpp"

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

// A speech verb a user may add: one word of ASCII letters (apostrophes and hyphens allowed) of at
// most 24 bytes, so "said," or "U.S." are refused rather than stored where no token can match them.
inline constexpr std::size_t max_speech_verb_size = 24;
[[nodiscard]] constexpr bool is_speech_verb_form(std::string_view w) noexcept {
  if (w.empty() || w.size() > max_speech_verb_size) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\'')) return false;
  }
  return true;
}

}  // namespace detail

// True when word, in any letter case, is one of the built-in speech-verb forms.
[[nodiscard]] constexpr bool is_speech_verb(std::string_view word) noexcept {
  detail::fold_buffer buf{};
  const std::string_view key = detail::fold_word(word, buf, detail::final_period::keep);
  if (key.empty()) return false;
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

  // The built-in verbs, built once and shared by every stage that reads speech verbs.
  [[nodiscard]] static const std::shared_ptr<const speech_verb_set>& builtin() {
    static const auto verbs = std::make_shared<const speech_verb_set>();
    return verbs;
  }

  // Only the given words, without the built-in list.
  [[nodiscard]] static speech_verb_set without_builtin() {
    speech_verb_set s;
    s.builtin_ = false;
    return s;
  }

  // Adds one word form. Throws usage_error when it is not a single word of ASCII letters
  // (apostrophes and hyphens allowed) of at most 24 bytes.
  speech_verb_set& add(std::string_view word) {
    if (!detail::is_speech_verb_form(word)) {
      throw usage_error("quarry::speech_verb_set: '" + std::string(word) +
                        "' is not a single word of letters of at most 24 bytes");
    }
    extra_.insert(detail::folded_copy(word));
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
    const std::string text = detail::read_lexicon_file(path, "speech-verb");
    detail::each_lexicon_line(text, [&](std::size_t number, std::string_view w) {
      while (!w.empty() && (w.back() == ' ' || w.back() == '\t')) w.remove_suffix(1);
      while (!w.empty() && (w.front() == ' ' || w.front() == '\t')) w.remove_prefix(1);
      if (!detail::is_speech_verb_form(w)) {
        throw lexicon_error(path, number, "expected one speech-verb form of ASCII letters, got '" +
                                              std::string(w) + "'");
      }
      extra_.insert(detail::folded_copy(w));
    });
    return *this;
  }

  // Whether word (any case) is a speech verb of this set.
  [[nodiscard]] bool contains(std::string_view word) const noexcept {
    if (builtin_ && is_speech_verb(word)) return true;
    if (extra_.empty()) return false;
    detail::fold_buffer buf{};
    const std::string_view key = detail::fold_word(word, buf, detail::final_period::keep);
    return !key.empty() && extra_.contains(key);
  }

  [[nodiscard]] bool has_builtin() const noexcept { return builtin_; }
  // Number of words added on top of the built-in list.
  [[nodiscard]] std::size_t extra_size() const noexcept { return extra_.size(); }

 private:
  detail::word_set extra_;
  bool builtin_ = true;
};

}  // namespace v0
}  // namespace quarry
