// quarry/text/sentences.hpp: paragraphs and sentences as token ranges, in one pass over the tokens.
// Paragraphs break at blank lines (or at every line break when a text has no blank line); sentences
// break after . ! ? … (and any closing quotes, brackets or citation marks) before a capital, a quote or
// a digit, after an abbreviation only when a sentence-opening word follows ("in the U.S. The talks"),
// at list items, and at line breaks that end headlines, captions and bylines; never inside a quotation
// or brackets that close in the same paragraph. The token patterns are in sentence_rules.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "quarry/text/sentence_rules.hpp"
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

// The splitter's state over one text: sentence starts are decided at the few tokens that can start a
// sentence (see split_sentences), in order. A quotation or brackets that close in the same paragraph hold
// their sentences in: the boundaries found inside are dropped at the close ("‘Well! How brave!’ thought
// Alice" is one sentence); one that never closes drops nothing, so a stray quote cannot swallow a paragraph.
class sentence_splitter {
 public:
  sentence_splitter(std::string_view text, std::vector<token>& toks, std::vector<token_range>& sentences,
                    bool hard_wrapped) noexcept
      : text_(text), toks_(toks), sentences_(sentences), hard_wrapped_(hard_wrapped) {}

  // Token i starts a paragraph (and so a sentence).
  void paragraph_at(std::uint32_t i) {
    start_sentence(i);
    open_ = 0;
    marker_ = {};
    enclose(i);
  }

  // Whether candidate i needs a closer look: most follow a comma or are a lower-case word after a number
  // or a quote, and end nothing. Inline, so that those cost no call.
  [[nodiscard]] bool worth_a_look(std::uint32_t i) const noexcept {
    const token& next = toks_[i];
    const token& prev = toks_[i - 1];
    if (next.has(line_break_before) || next.is_quote() || next.has(token_flag::bracket)) return true;
    if (prev.kind == token_kind::punctuation && prev.size() == 1) {
      const char c = text_[prev.begin];
      return c != ',' && c != ';' && c != ':';
    }
    return !(prev.kind == token_kind::word && !prev.has(abbreviation)) &&
           !(next.kind == token_kind::word && !next.has(capitalized));
  }

  // Token i may start a sentence: it does not follow a plain word on its line, or it is a quote or bracket.
  // The common cases are settled here; the rest in ends_before.
  void candidate(std::uint32_t i) {
    const token& next = toks_[i];
    const token& prev = toks_[i - 1];
    bool may_end = true;
    if (prev.kind == token_kind::punctuation && prev.size() == 1) {
      const char c = text_[prev.begin];
      // a list marker's number, letter or numeral is short: "12.", "b)", "iv)"; most stops follow longer words
      if (open_ == 0 && (c == '.' || c == ')') && i >= 2 && toks_[i - 2].size() <= 5) list_item_before(i);
      // no sentence ends after a comma, semicolon or colon on the same line
      may_end = next.has(line_break_before) || (c != ',' && c != ';' && c != ':');
    } else if (!next.has(line_break_before)) {
      // a quote or bracket after a plain word; a lower-case word after a number or a quote
      may_end = !(prev.kind == token_kind::word && !prev.has(abbreviation)) &&
                !(next.kind == token_kind::word && !next.has(capitalized));
    }
    if (may_end && ends_before(i)) {
      // a line break ends even a quotation: a headline or caption is not held in by a stray quote
      if (next.has(line_break_before)) open_ = 0;
      start_sentence(i);
    }
    if (next.is_quote() || next.has(token_flag::bracket)) enclose(i);
  }

  void first_token() { enclose(0); }

  void finish(std::uint32_t n) { sentences_.push_back({first_, n}); }

 private:
  void start_sentence(std::uint32_t i) {
    if (i <= first_) return;
    sentences_.push_back({first_, i});
    first_ = i;
  }

  // A boundary before p, which may lie before sentences already made (a list's first inline marker).
  void start_sentence_back(std::uint32_t p) {
    if (p > first_) { start_sentence(p); return; }
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), p,
                               [](std::uint32_t v, const token_range& r) { return v < r.first; });
    if (it == sentences_.begin()) return;
    auto prev = std::prev(it);
    if (prev->first == p || p >= prev->last) return;
    const token_range tail{p, prev->last};
    prev->last = p;
    sentences_.insert(std::next(prev), tail);
  }

  // Quotation marks (by family: double, single) and brackets, innermost last.
  struct enclosure {
    int kind;                 // quote_family, or 3 for a bracket
    std::size_t sentences;    // sentences_.size() when it opened
    std::uint32_t first;      // first_ then
  };

  void enclose(std::uint32_t i) {
    const token& t = toks_[i];
    int kind = 0;
    bool opens = false;
    if (t.is_quote()) {
      kind = quote_family(t, text_);
      if (kind == 0) return;
      opens = t.kind == token_kind::open_quote;  // an ambiguous one closes what is open ("to--" At this)
    } else if (t.has(token_flag::bracket)) {
      const char c = text_[t.begin];
      kind = 3;
      opens = c == '(' || c == '[';
    } else {
      return;
    }
    if (opens) {
      if (open_ < stack_.size()) stack_[open_++] = {kind, sentences_.size(), first_};
      return;
    }
    for (std::size_t k = open_; k-- > 0;) {
      if (stack_[k].kind != kind) continue;
      // closed: the sentences begun inside were no sentences of their own; their first tokens keep
      // sentence_start, which says to the extractors that a capital there tells nothing about a name
      if (sentences_.size() > stack_[k].sentences) {
        for (std::size_t r = stack_[k].sentences; r < sentences_.size(); ++r) {
          toks_[sentences_[r].last].flags |= sentence_start;
        }
        sentences_.resize(stack_[k].sentences);
        first_ = stack_[k].first;
      }
      open_ = k;
      return;
    }
  }

  // Inline list items: "a) here it is b) another": a marker that follows the one before it in the same
  // paragraph starts a sentence, and so does that one ("by 1) taking ... and 2) judging").
  void list_item_before(std::uint32_t i) {
    const list_marker m = marker_ending_at(text_, toks_, i - 1);
    if (!m) return;
    const bool at_start = m.first <= first_ || only_marker(text_, toks_, first_, m.first);
    if (!at_start) {
      // an inline "4." is a number ending a clause ("aged 4. His sister"), not a list item
      if (m.style == list_marker::dot && !m.letter && !m.roman) return;
      // a list in running text starts at 1, a or i ("rated it 3) fair or 4) good" is none)
      if (m.follows(marker_) && (marker_started_ || marker_.starts_list())) {
        if (!marker_started_) start_sentence_back(marker_.first);
        start_sentence(m.first);
      }
    }
    marker_started_ = at_start || (m.follows(marker_) && (marker_started_ || marker_.starts_list()));
    marker_ = m;
  }

  // Whether the text before token i (i > 0, same paragraph) ends a sentence.
  [[nodiscard]] bool ends_before(std::uint32_t i) const noexcept {
    const token& next = toks_[i];
    const token& prev = toks_[i - 1];
    if (!next.has(line_break_before) && prev.kind == token_kind::word && !prev.has(abbreviation)) return false;
    std::uint32_t j = i - 1;
    if (prev.kind == token_kind::number || is_one_char(prev, text_, ']')) {
      j = skip_citations(text_, toks_, i - 1);
      if (j != i - 1 && is_small_number(next, text_, 3)) return false;  // ".11 12": the marks go on
    }
    std::uint32_t closers = 0;
    while (j > 0 && closers < 4 && is_closer(toks_[j], text_)) { --j; ++closers; }
    const token& last = toks_[j];
    const std::string_view lt = last.of(text_);
    const bool starts_upper = next.has(capitalized) || next.kind == token_kind::number;
    const bool quote_opens = next.kind == token_kind::open_quote ||
                             (next.kind == token_kind::ambiguous_quote && next.has(space_before));
    const bool opens = quote_opens || is_one_char(next, text_, '(') || is_one_char(next, text_, '[');
    const bool terminal = last.kind == token_kind::punctuation && is_terminal_punct(lt);

    if (next.has(line_break_before)) {
      if (only_marker(text_, toks_, first_, i)) return false;  // "•\nItem", "1.\nItem"
      // headlines, captions and bylines end at the line; hard-wrapped prose continues in lower case,
      // unless the line opens a list item
      if (!hard_wrapped_) return starts_upper || opens || next.kind != token_kind::word || terminal;
      if (marker_starting_at(text_, toks_, i)) return true;
    }
    if (!next.has(space_before)) {
      // a stop with no space after it: "period．Does", "the world.Today"
      if (!terminal || closers > 0 || j != i - 1) return false;
      if (is_wide_terminal(lt)) return next.kind == token_kind::word || next.kind == token_kind::number || quote_opens;
      const token& w = toks_[j - (j > 0 ? 1 : 0)];
      return lt.size() == 1 && j > 0 && !last.has(space_before) && next.kind == token_kind::word && next.has(capitalized) &&
             !next.has(all_caps) && w.kind == token_kind::word && !w.has(abbreviation) && w.size() >= 2 &&
             text_[w.end - 1] >= 'a' && text_[w.end - 1] <= 'z';
    }
    if (terminal) {
      if (only_marker(text_, toks_, first_, i)) return false;  // "1. This", "• 9. Stop smoking"
      // an aside in brackets right after a quotation belongs to its sentence, unless another quotation
      // follows the aside: “...!” (Dinah was the cat.) “I hope ...” (pragmatic_segmenter's rule)
      if (toks_[i - 1].is_quote() && is_one_char(next, text_, '(')) return quotation_after_aside(text_, toks_, i);
      if (starts_upper || opens) return true;
      // "$5 was paid", "What do you see? - Posted" (not "voila! -- you have cake"), "Sentence. .. Next",
      // "Smith. a. here it is"
      if (next.kind == token_kind::symbol) return true;
      if (is_dash(next.of(text_)) || is_bullet(next, text_)) {
        return i + 1 < toks_.size() && (toks_[i + 1].has(capitalized) || toks_[i + 1].kind == token_kind::number);
      }
      if (next.kind == token_kind::punctuation && next.size() > 1 && is_terminal_punct(next.of(text_))) return true;
      return marker_starting_at(text_, toks_, i) ? true : false;
    }
    // speech broken off before its closing quote: "If you please, sir--" The Rabbit started
    if (closers > 0 && last.kind == token_kind::punctuation && is_dash(lt) && lt != "-") {
      return next.has(capitalized) && !next.has(all_caps);
    }
    if (last.has(abbreviation)) {
      if (only_marker(text_, toks_, first_, i)) return false;  // "Q. What is his name?"
      if (is_introducing_abbreviation(lt)) return false;
      // "Ms. Singh", "Jan. 25", "No. 10", "p. 55", "Rs. 3520" continue; "in the U.S. The talks" ends
      if (lt.size() > 1) {
        const auto kind = classify_abbreviation(lt.substr(0, lt.size() - 1));
        if (kind == abbrev_kind::title) return false;
        if (kind == abbrev_kind::month || kind == abbrev_kind::number_sign) {
          if (next.kind == token_kind::number) return false;
        }
      }
      // "at 6 p.m. Travelers who ..." ends; "at 6 p.m. Friday" goes on
      if (is_clock_abbreviation(lt) && j > 0 && toks_[j - 1].kind == token_kind::number &&
          next.kind == token_kind::word && next.has(capitalized) && !is_time_follower(next.of(text_))) {
        return true;
      }
      return is_sentence_opener(next.of(text_)) || (quote_opens && closers == 0);
    }
    return false;
  }

  std::string_view text_;
  std::vector<token>& toks_;
  std::vector<token_range>& sentences_;
  bool hard_wrapped_;
  std::uint32_t first_ = 0;             // first token of the sentence being read
  std::array<enclosure, 8> stack_{};    // open quotations and brackets
  std::size_t open_ = 0;                // how many
  list_marker marker_;            // the paragraph's latest list marker
  bool marker_started_ = false;   // whether a sentence starts at it
};

}  // namespace detail

// Fills sentences and paragraphs for tokens (made by tokenize over the same text) and sets the
// sentence_start and paragraph_start flags. sentence_start also marks where a sentence starts inside a
// quotation that its sentence holds ("Two fell. Four rose," he said.): a capital there is no name.
inline void split_sentences(std::string_view text, std::vector<token>& tokens,
                            std::vector<token_range>& sentences, std::vector<token_range>& paragraphs) {
  sentences.clear();
  paragraphs.clear();
  if (tokens.empty()) return;

  // Without a single blank line, each line is a paragraph (one paragraph per line feeds), unless the
  // text is hard-wrapped prose: then most lines go on in lower case, and only punctuation ends sentences.
  // A line that opens with a list marker ("ii)") is no sign of it.
  bool any_blank = false;
  for (std::size_t i = 1; i < tokens.size() && !any_blank; ++i) any_blank = tokens[i].has(paragraph_start);
  bool hard_wrapped = false;
  if (!any_blank) {
    std::size_t breaks = 0, lower_after = 0;
    const auto count = static_cast<std::uint32_t>(tokens.size());
    for (std::uint32_t i = 0; i < count; ++i) {
      const token& t = tokens[i];
      if (!t.has(line_break_before)) continue;
      ++breaks;
      // a line that goes on in lower case, or with a bracket after a line without a stop ("400 yd\n(365 m).")
      const bool goes_on = (t.kind == token_kind::word && !t.has(capitalized) && !detail::marker_starting_at(text, tokens, i)) ||
                           (i > 0 && tokens[i - 1].kind == token_kind::word && !tokens[i - 1].has(capitalized) &&
                            detail::bracket_goes_on(text, tokens, i));
      lower_after += goes_on;
    }
    hard_wrapped = breaks > 0 && lower_after * 3 >= breaks;
    if (!hard_wrapped) {
      for (auto& t : tokens) if (t.has(line_break_before)) t.flags |= paragraph_start;
    }
  }
  tokens[0].flags |= paragraph_start;

  const auto n = static_cast<std::uint32_t>(tokens.size());
  const token* toks = tokens.data();
  detail::sentence_splitter splitter(text, tokens, sentences, hard_wrapped);
  splitter.first_token();
  std::uint32_t paragraph_first = 0;
  // Most tokens follow a plain word on the same line and never start a sentence. Which ones do not is
  // found without a branch per token (a mispredicted branch per punctuation mark cost more than the
  // rest of the splitter), a block of indices at a time; only those are looked at closely. Quotes and
  // brackets are looked at too: they hold sentences in.
  constexpr std::uint32_t block = 256;
  std::array<std::uint32_t, block> candidates;
  for (std::uint32_t base = 1; base < n; base += block) {
    const std::uint32_t end = n - base > block ? base + block : n;
    std::uint32_t count = 0;
    // whether the token before follows a plain word, carried in a register: the store into candidates
    // could alias the tokens, so reading toks[i - 1] again would cost a load per token
    bool after_plain_word = toks[base - 1].kind == token_kind::word && !(toks[base - 1].flags & abbreviation);
    for (std::uint32_t i = base; i < end; ++i) {
      const token_kind kind = toks[i].kind;
      const std::uint16_t flags = toks[i].flags;
      candidates[count] = i;
      const bool quote = static_cast<unsigned>(kind) - static_cast<unsigned>(token_kind::open_quote) < 3u;
      const bool plain = !(flags & (paragraph_start | line_break_before | token_flag::bracket)) & after_plain_word & !quote;
      count += plain ? 0u : 1u;
      after_plain_word = (kind == token_kind::word) & !(flags & abbreviation);
    }
    for (std::uint32_t c = 0; c < count; ++c) {
      const std::uint32_t i = candidates[c];
      if (toks[i].has(paragraph_start)) {
        paragraphs.push_back({paragraph_first, i});
        paragraph_first = i;
        splitter.paragraph_at(i);
      } else if (splitter.worth_a_look(i)) {
        splitter.candidate(i);
      }
    }
  }
  paragraphs.push_back({paragraph_first, n});
  splitter.finish(n);
  for (const auto& s : sentences) tokens[s.first].flags |= sentence_start;
}

}  // namespace v0
}  // namespace quarry
