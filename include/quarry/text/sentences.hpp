// quarry/text/sentences.hpp: paragraphs and sentences as token ranges.
// Paragraphs break at blank lines (or at every line break when a text has no blank line); sentences
// break after . ! ? … (and any closing quotes or brackets) before a capital, a quote or a digit, after
// an abbreviation only when a sentence-opening word follows ("in the U.S. The talks"), and at line
// breaks that end headlines, captions and bylines.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "quarry/text/token.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// Capitalised words that open sentences far more often than they continue a name; they decide
// whether a period after "U.S." or "Inc." also ends the sentence. Sorted (checked below) for a binary
// search: this is asked after every abbreviation, and runs of initials ("A. B. C.") ask it for every token.
inline constexpr std::string_view sentence_openers[] = {
    "A", "About", "According", "After", "All", "Also", "Although", "Among", "An", "And", "As", "Asked", "At",
    "Because", "Before", "Both", "But", "By", "Despite", "Dr.", "During", "Each", "Earlier", "Elsewhere",
    "Even", "For", "From", "Further", "He", "Her", "Here", "His", "How", "However", "I", "If", "In",
    "Instead", "It", "Its", "Last", "Later", "Many", "Meanwhile", "More", "Most", "Mr.", "Mrs.", "Ms.", "My",
    "No", "Not", "Now", "Officials", "On", "One", "Only", "Or", "Other", "Our", "Over", "Police",
    "Separately", "Several", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then",
    "There", "These", "They", "This", "Those", "Three", "Thus", "To", "Two", "Under", "We", "What", "When",
    "Where", "While", "Who", "Why", "With", "Yet", "You"};
static_assert(std::is_sorted(std::begin(sentence_openers), std::end(sentence_openers)) &&
                  std::adjacent_find(std::begin(sentence_openers), std::end(sentence_openers)) == std::end(sentence_openers),
              "sentence_openers: sorted, each word once");

[[nodiscard]] constexpr bool is_sentence_opener(std::string_view w) noexcept {
  const auto* it = std::lower_bound(std::begin(sentence_openers), std::end(sentence_openers), w);
  return it != std::end(sentence_openers) && *it == w;
}

static_assert(is_sentence_opener("The") && is_sentence_opener("Elsewhere") && !is_sentence_opener("Ministry"));

[[nodiscard]] inline bool is_terminal_punct(std::string_view t) noexcept {
  if (t == "!" || t == "?" || t == "\xE2\x80\xA6") return true;  // … U+2026
  return !t.empty() && t.find_first_not_of('.') == std::string_view::npos;  // . .. ...
}

[[nodiscard]] inline bool is_closer(const token& t, std::string_view text) noexcept {
  if (t.kind == token_kind::close_quote || t.kind == token_kind::ambiguous_quote) return true;
  if (t.kind != token_kind::punctuation || t.size() != 1) return false;
  const char c = text[t.begin];
  return c == ')' || c == ']' || c == '}';
}

// Whether the text before token i (i > 0, same paragraph) ends a sentence.
[[nodiscard]] inline bool sentence_ends_before(std::string_view text, const std::vector<token>& toks,
                                               std::size_t i, bool hard_wrapped = false) noexcept {
  const token& next = toks[i];
  const token& prev = toks[i - 1];
  // most tokens follow a plain word on the same line: no sentence ends there
  if (!next.has(line_break_before) && prev.kind == token_kind::word && !prev.has(abbreviation)) return false;
  std::size_t j = i - 1;
  std::size_t closers = 0;
  while (j > 0 && closers < 4 && is_closer(toks[j], text)) { --j; ++closers; }
  const token& last = toks[j];
  const std::string_view lt = last.of(text);
  const bool starts_upper = next.has(capitalized) || next.kind == token_kind::number;
  const bool opens = next.kind == token_kind::open_quote ||
                     (next.kind == token_kind::ambiguous_quote && next.has(space_before)) ||
                     (next.kind == token_kind::punctuation && next.size() == 1 &&
                      (text[next.begin] == '(' || text[next.begin] == '['));

  if (next.has(line_break_before) && !hard_wrapped) {
    // headlines, captions and bylines end at the line; hard-wrapped prose continues in lower case
    return starts_upper || opens || next.kind != token_kind::word || is_terminal_punct(lt);
  }
  if (!next.has(space_before)) return false;
  if (last.kind == token_kind::punctuation && is_terminal_punct(lt)) return starts_upper || opens;
  if (last.has(abbreviation)) {
    // "Ms. Singh", "Jan. 25", "No. 10" continue; "in the U.S. The talks" ends
    if (lt.size() > 1) {
      const auto kind = classify_abbreviation(lt.substr(0, lt.size() - 1));
      if (kind == abbrev_kind::title) return false;
      if (kind == abbrev_kind::month || kind == abbrev_kind::number_sign) {
        if (next.kind == token_kind::number) return false;
      }
    }
    return is_sentence_opener(next.of(text)) || (opens && closers == 0);
  }
  return false;
}

}  // namespace detail

// Fills sentences and paragraphs for tokens (made by tokenize over the same text) and sets the
// sentence_start and paragraph_start flags.
inline void split_sentences(std::string_view text, std::vector<token>& tokens,
                            std::vector<token_range>& sentences, std::vector<token_range>& paragraphs) {
  sentences.clear();
  paragraphs.clear();
  if (tokens.empty()) return;

  // Without a single blank line, each line is a paragraph (one paragraph per line feeds), unless the
  // text is hard-wrapped prose: then most lines go on in lower case, and only punctuation ends sentences.
  bool any_blank = false;
  for (std::size_t i = 1; i < tokens.size() && !any_blank; ++i) any_blank = tokens[i].has(paragraph_start);
  bool hard_wrapped = false;
  if (!any_blank) {
    std::size_t breaks = 0, lower_after = 0;
    for (const auto& t : tokens) {
      if (!t.has(line_break_before)) continue;
      ++breaks;
      lower_after += t.kind == token_kind::word && !t.has(capitalized);
    }
    hard_wrapped = breaks > 0 && lower_after * 3 >= breaks;
    if (!hard_wrapped) {
      for (auto& t : tokens) if (t.has(line_break_before)) t.flags |= paragraph_start;
    }
  }
  tokens[0].flags |= paragraph_start;

  std::uint32_t sentence_first = 0;
  std::uint32_t paragraph_first = 0;
  const auto n = static_cast<std::uint32_t>(tokens.size());
  const token* toks = tokens.data();
  // Most tokens follow a plain word on the same line and never start a sentence. Which ones do not is
  // found without a branch per token (a mispredicted branch per punctuation mark cost more than the
  // rest of the splitter), a block of indices at a time; only those are looked at closely.
  constexpr std::uint32_t block = 256;
  std::array<std::uint32_t, block> candidates;
  for (std::uint32_t base = 1; base < n; base += block) {
    const std::uint32_t end = n - base > block ? base + block : n;
    std::uint32_t count = 0;
    for (std::uint32_t i = base; i < end; ++i) {
      candidates[count] = i;
      const bool plain = !(toks[i].flags & (paragraph_start | line_break_before)) &
                         (toks[i - 1].kind == token_kind::word) & !(toks[i - 1].flags & abbreviation);
      count += plain ? 0u : 1u;
    }
    for (std::uint32_t c = 0; c < count; ++c) {
      const std::uint32_t i = candidates[c];
      if (toks[i].has(paragraph_start)) {
        paragraphs.push_back({paragraph_first, i});
        sentences.push_back({sentence_first, i});
        paragraph_first = sentence_first = i;
      } else if (detail::sentence_ends_before(text, tokens, i, hard_wrapped)) {
        sentences.push_back({sentence_first, i});
        sentence_first = i;
      }
    }
  }
  paragraphs.push_back({paragraph_first, n});
  sentences.push_back({sentence_first, n});
  for (const auto& s : sentences) tokens[s.first].flags |= sentence_start;
}

}  // namespace v0
}  // namespace quarry
