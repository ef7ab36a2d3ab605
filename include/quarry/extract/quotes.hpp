// quarry/extract/quotes.hpp: direct quotations and who said them.
// Pairs quote marks inside paragraph bounds (so a stray mark never swallows the article), follows
// quotes that run over several paragraphs, then attributes each quote the way a reader does: the
// attribution next to it ("X said", "said X", "he added", "according to X"), the verb before it
// ("X said: ..."), the other quotes of its paragraph, and for a bare quote paragraph the speaker of
// the one before. Scare quotes and quoted names are kept with statement = false.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/lexicon/organizations.hpp"
#include "quarry/lexicon/quote_words.hpp"
#include "quarry/lexicon/speech_verbs.hpp"
#include "quarry/text/tokenize.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

inline constexpr std::uint32_t no_index = 0xFFFFFFFFu;

enum class mark_family : std::uint8_t { none, double_mark, single_mark };

// Which family a quote token belongs to, from its bytes.
[[nodiscard]] inline mark_family family_of(std::string_view t) noexcept {
  if (t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x9E" || t == "\xE2\x80\x9F" ||
      t == "\xC2\xAB" || t == "\xC2\xBB" || t == "''" || t == "``")
    return mark_family::double_mark;
  if (t == "'" || t == "\xE2\x80\x98" || t == "\xE2\x80\x99" || t == "\xE2\x80\x9A" || t == "\xE2\x80\x9B" ||
      t == "\xE2\x80\xB9" || t == "\xE2\x80\xBA")
    return mark_family::single_mark;
  return mark_family::none;
}

// A quotation found by pairing marks, before attribution.
struct raw_quote {
  std::uint32_t open = no_index;     // token of the opening mark (no_index for a missing opener)
  std::uint32_t close = no_index;    // token of the closing mark (no_index when a rule closed it)
  std::uint32_t first = 0;           // first token of the content
  std::uint32_t last = 0;            // one past the last token of the content
  std::uint32_t paragraph = 0;
  std::uint32_t chain_prev = no_index;  // the piece before, for a quote that runs over paragraphs
  span where;
  std::uint8_t depth = 0;            // 0 for an outermost quote
  bool closed_by_rule = false;
  bool orphan = false;               // a closing mark without opener: kept only when attributed
  bool continues = false;            // the quote goes on in the next paragraph
};

// Who said a quote, as found.
struct attribution {
  entity_id speaker = no_entity;
  span speaker_where;
  span cue;
  bool found = false;
};

// Scratch memory reused across documents by each thread, so steady-state extraction does not allocate.
struct quote_scratch {
  std::vector<std::uint32_t> tok_paragraph;
  std::vector<std::uint32_t> tok_sentence;
  std::vector<std::uint32_t> mention_start;  // per token: mention (sorted index) beginning there
  std::vector<std::uint32_t> mention_end;    // per token: mention (sorted index) ending there
  std::vector<std::uint32_t> order;          // actor mentions sorted by position
  std::vector<std::uint32_t> m_first, m_last;
  std::vector<raw_quote> raw;
  std::vector<attribution> attr;
  std::vector<std::uint32_t> next_attributed;
  std::vector<span> outer;                   // outermost quote contents, sorted, for "inside a quote"
  std::vector<std::int16_t> gender;          // per actor: > 0 he, < 0 she, from the pronouns near it
  std::vector<std::uint8_t> verb;            // per token: 0 not looked up yet, 1 not a speech verb, 2 one
};

class quote_finder {
 public:
  quote_finder(document& doc, const speech_verb_set& verbs, quote_scratch& s)
      : doc_(doc), text_(doc.text()), toks_(doc.tokens()), verbs_(verbs), s_(s) {}

  void run() {
    index_tokens();
    index_mentions();
    s_.raw.clear();
    const auto& paras = doc_.paragraphs();
    for (std::uint32_t p = 0; p < paras.size(); ++p) find_in_paragraph(p);
    s_.outer.clear();
    for (const auto& q : s_.raw) if (q.depth == 0) s_.outer.push_back(q.where);
    std::sort(s_.outer.begin(), s_.outer.end(), [](span a, span b) { return a.begin < b.begin; });
    learn_genders();
    attribute_all();
  }

 private:
  // ---------------- token helpers ----------------
  [[nodiscard]] std::uint32_t ntok() const noexcept { return static_cast<std::uint32_t>(toks_.size()); }
  [[nodiscard]] std::string_view txt(std::uint32_t i) const noexcept { return toks_[i].of(text_); }
  [[nodiscard]] bool is_word(std::uint32_t i) const noexcept { return toks_[i].kind == token_kind::word; }
  [[nodiscard]] bool is_punct(std::uint32_t i, std::string_view p) const noexcept {
    return toks_[i].kind == token_kind::punctuation && txt(i) == p;
  }
  [[nodiscard]] bool is_dash(std::uint32_t i) const noexcept {
    if (toks_[i].kind != token_kind::punctuation) return false;
    const std::string_view t = txt(i);
    return t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x95" || t == "\xE2\x80\x93";
  }
  // "went", "interjected", "shot back": a verb in the past, read from its form.
  [[nodiscard]] bool past_tense_like(std::uint32_t i) const noexcept {
    const std::string_view w = txt(i);
    return (w.size() > 4 && w.substr(w.size() - 2) == "ed") || w == "went" || w == "shot" || w == "wrote";
  }
  [[nodiscard]] bool is_terminal(std::uint32_t i) const noexcept {
    if (toks_[i].kind != token_kind::punctuation) return false;
    const auto t = txt(i);
    return t == "." || t == "!" || t == "?" || t == ";" || t == "..." || t == "\xE2\x80\xA6";
  }
  [[nodiscard]] bool is_lower_word(std::uint32_t i) const noexcept {
    return is_word(i) && !toks_[i].has(capitalized);
  }
  [[nodiscard]] bool is_cap_word(std::uint32_t i) const noexcept {
    return is_word(i) && toks_[i].has(capitalized) && !toks_[i].has(possessive);
  }
  // Looked up once per token and remembered: attribution looks back up to 120 tokens from every quote, so
  // on text dense with quote marks the same words were looked up again and again (a third of the time on
  // 256 KB of "\"a \"b"); on ordinary news most tokens are never asked at all.
  [[nodiscard]] bool is_verb(std::uint32_t i) const noexcept {
    std::uint8_t& known = s_.verb[i];
    if (known == 0) known = is_word(i) && verbs_.contains(txt(i)) ? 2 : 1;
    return known == 2;
  }
  [[nodiscard]] bool is_according_to(std::uint32_t i) const noexcept {
    return i + 1 < ntok() && is_word(i) && is_word(i + 1) && detail::iequals(txt(i), "according") &&
           detail::iequals(txt(i + 1), "to");
  }
  [[nodiscard]] std::uint32_t para_first(std::uint32_t p) const noexcept { return doc_.paragraphs()[p].first; }
  [[nodiscard]] std::uint32_t para_last(std::uint32_t p) const noexcept { return doc_.paragraphs()[p].last; }
  [[nodiscard]] std::uint32_t sent_first(std::uint32_t i) const noexcept {
    return doc_.sentences()[s_.tok_sentence[i]].first;
  }
  // The bytes of tokens [a, b_inclusive]; an empty span for no_index (an attribution without a cue word).
  [[nodiscard]] span tok_span(std::uint32_t a, std::uint32_t b_inclusive) const noexcept {
    if (a == no_index || b_inclusive == no_index) return {};
    return {toks_[a].begin, toks_[b_inclusive].end};
  }
  [[nodiscard]] bool inside_quote(offset_t pos) const noexcept {
    auto it = std::upper_bound(s_.outer.begin(), s_.outer.end(), pos,
                               [](offset_t p, span s) { return p < s.begin; });
    if (it == s_.outer.begin()) return false;
    --it;
    return pos >= it->begin && pos < it->end;
  }

  void index_tokens() {
    const std::uint32_t n = ntok();
    s_.tok_paragraph.assign(n, 0);
    s_.tok_sentence.assign(n, 0);
    const auto& paras = doc_.paragraphs();
    for (std::uint32_t p = 0; p < paras.size(); ++p) {
      for (std::uint32_t i = paras[p].first; i < paras[p].last && i < n; ++i) s_.tok_paragraph[i] = p;
    }
    const auto& sents = doc_.sentences();
    for (std::uint32_t k = 0; k < sents.size(); ++k) {
      for (std::uint32_t i = sents[k].first; i < sents[k].last && i < n; ++i) s_.tok_sentence[i] = k;
    }
    s_.verb.assign(n, 0);  // filled as is_verb asks
  }

  void index_mentions() {
    const auto& ms = doc_.actor_mentions();
    const std::uint32_t n = ntok();
    s_.mention_start.assign(n, no_index);
    s_.mention_end.assign(n, no_index);
    s_.order.resize(ms.size());
    for (std::uint32_t k = 0; k < ms.size(); ++k) s_.order[k] = k;
    std::stable_sort(s_.order.begin(), s_.order.end(),
                     [&ms](std::uint32_t a, std::uint32_t b) { return ms[a].where.begin < ms[b].where.begin; });
    s_.m_first.assign(ms.size(), no_index);
    s_.m_last.assign(ms.size(), no_index);
    for (std::uint32_t k = 0; k < s_.order.size(); ++k) {
      const span w = ms[s_.order[k]].where;
      if (w.empty()) continue;
      auto first = std::partition_point(toks_.begin(), toks_.end(), [&](const token& t) { return t.end <= w.begin; });
      auto last = std::partition_point(first, toks_.end(), [&](const token& t) { return t.begin < w.end; });
      if (first == last) continue;
      const auto f = static_cast<std::uint32_t>(first - toks_.begin());
      const auto l = static_cast<std::uint32_t>(last - toks_.begin()) - 1;
      s_.m_first[k] = f;
      s_.m_last[k] = l;
      if (s_.mention_start[f] == no_index) s_.mention_start[f] = k;
      s_.mention_end[l] = k;
    }
  }

  [[nodiscard]] const actor_mention& mention(std::uint32_t k) const { return doc_.actor_mentions()[s_.order[k]]; }
  [[nodiscard]] actor_kind kind_of(entity_id id) const noexcept {
    return id < doc_.actors().size() ? doc_.actors()[id].kind : actor_kind::person;
  }

  // Each person's grammatical gender as the text uses it: a he/his or she/her outside quotes, in the
  // same or the next sentence as the latest person named, votes for that person. "he said" then
  // never resolves to a woman named just before.
  void learn_genders() {
    s_.gender.assign(doc_.actors().size(), 0);
    entity_id last = no_entity;
    std::uint32_t last_sentence = 0;
    std::uint32_t next_mention = 0;
    for (std::uint32_t i = 0; i < ntok(); ++i) {
      while (next_mention < s_.order.size() &&
             (s_.m_first[next_mention] == no_index || s_.m_first[next_mention] < i))
        ++next_mention;
      if (next_mention < s_.order.size() && s_.m_first[next_mention] == i) {
        const actor_mention& am = mention(next_mention);
        if (am.actor < doc_.actors().size() && kind_of(am.actor) == actor_kind::person &&
            !inside_quote(am.where.begin)) {
          last = am.actor;
          last_sentence = s_.tok_sentence[i];
        }
        continue;
      }
      if (last == no_entity || !is_lower_or_cap_pronoun(i)) continue;
      if (s_.tok_sentence[i] > last_sentence + 1 || inside_quote(toks_[i].begin)) continue;
      const int g = pronoun_gender(txt(i));
      if (g != 0 && s_.gender[last] > -1000 && s_.gender[last] < 1000) s_.gender[last] = static_cast<std::int16_t>(s_.gender[last] + g);
    }
  }
  [[nodiscard]] bool is_lower_or_cap_pronoun(std::uint32_t i) const noexcept {
    return is_word(i) && txt(i).size() <= 7;
  }
  [[nodiscard]] static int pronoun_gender(std::string_view w) noexcept {
    constexpr auto male = make_word_list("he", "him", "himself", "his");
    constexpr auto female = make_word_list("her", "hers", "herself", "she");
    if (male.contains(w)) return 1;
    if (female.contains(w)) return -1;
    return 0;
  }
  // Whether a person fits a pronoun's gender (unknown genders fit both).
  [[nodiscard]] bool fits(entity_id id, int wanted) const noexcept {
    if (wanted == 0 || id >= s_.gender.size()) return true;
    return !((wanted > 0 && s_.gender[id] < 0) || (wanted < 0 && s_.gender[id] > 0));
  }

  // ---------------- pairing marks ----------------
  struct open_mark {
    std::uint32_t tok;
    mark_family family;
  };

  void emit(std::uint32_t open, std::uint32_t close, std::uint32_t first, std::uint32_t last, std::uint32_t p,
            std::size_t depth, bool by_rule) {
    if (first >= last) return;
    offset_t b = open != no_index ? toks_[open].end : toks_[first].begin;
    offset_t e = close != no_index ? toks_[close].begin : toks_[last - 1].end;
    while (b < e && (text_[b] == ' ' || text_[b] == '\t' || text_[b] == '\n' || text_[b] == '\r')) ++b;
    while (e > b && (text_[e - 1] == ' ' || text_[e - 1] == '\t' || text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
    if (b >= e) return;
    raw_quote q;
    q.open = open;
    q.close = close;
    q.first = first;
    q.last = last;
    q.paragraph = p;
    q.where = {b, e};
    q.depth = static_cast<std::uint8_t>(depth);
    q.closed_by_rule = by_rule;
    s_.raw.push_back(q);
  }

  // Whether the next paragraph opens with a mark of this family: then an unclosed quote goes on there.
  [[nodiscard]] bool next_paragraph_reopens(std::uint32_t p, mark_family f) const noexcept {
    if (p + 1 >= doc_.paragraphs().size()) return false;
    const std::uint32_t i = para_first(p + 1);
    if (i >= ntok() || !toks_[i].is_quote() || family_of(txt(i)) != f) return false;
    return toks_[i].kind != token_kind::close_quote || txt(i) == "\"" || txt(i) == "''";
  }

  void find_in_paragraph(std::uint32_t p) {
    const std::uint32_t f = para_first(p), l = std::min(para_last(p), ntok());
    std::array<open_mark, 4> stack{};
    std::size_t depth = 0;
    std::uint32_t after_last_mark = f;  // first token after the latest quote mark of the paragraph
    const std::uint32_t chain_from = pending_chain_;
    pending_chain_ = no_index;

    // Closes the marks above `level` by rule at token `at` (single ones are dropped: most are
    // apostrophes), and leaves `level` on top for the caller to close.
    auto close_from = [&](std::size_t level, std::uint32_t at) {
      for (std::size_t d = depth; d-- > level + 1;) {
        if (stack[d].family == mark_family::double_mark) emit(stack[d].tok, no_index, stack[d].tok + 1, at, p, d, true);
      }
      depth = level;
    };

    for (std::uint32_t i = f; i < l; ++i) {
      const token& t = toks_[i];
      if (!t.is_quote()) continue;
      const std::string_view mark = txt(i);
      const mark_family fam = family_of(mark);
      if (fam == mark_family::none) continue;
      std::size_t open_level = depth;  // level of the innermost open mark of this family
      for (std::size_t d = depth; d-- > 0;) {
        if (stack[d].family == fam) { open_level = d; break; }
      }
      const bool has_open = open_level < depth;
      const bool next_glued = i + 1 < l && !toks_[i + 1].has(space_before) &&
                              (toks_[i + 1].kind == token_kind::word || toks_[i + 1].kind == token_kind::number);
      const bool straight = mark == "\"" || mark == "'" || mark == "''";

      enum class role { open, close, orphan, ignore } r = role::ignore;
      if (fam == mark_family::double_mark) {
        if (straight) {
          // toggles inside a paragraph; a mark glued after a number is inches (5' 10")
          const bool after_number = !t.has(space_before) && i > f && toks_[i - 1].kind == token_kind::number;
          if (has_open) r = role::close;
          else if (i + 1 >= l) r = role::ignore;
          else if (t.kind != token_kind::close_quote || (next_glued && !after_number)) r = role::open;
          else r = role::orphan;
        } else if (t.kind == token_kind::open_quote) {
          const bool glued_before = !t.has(space_before) && i > f && toks_[i - 1].kind == token_kind::word;
          const bool space_after = i + 1 >= l || toks_[i + 1].has(space_before);
          r = (has_open && glued_before && space_after) ? role::close : role::open;
        } else {
          const bool glued_after_word = !t.has(space_before) && i > f && toks_[i - 1].kind == token_kind::word;
          if (has_open) r = role::close;
          else if (next_glued && !glued_after_word) r = role::open;  // ']”It has': a closing mark used to open
          else r = role::orphan;
        }
      } else {
        if (t.kind == token_kind::open_quote) r = role::open;
        else r = has_open ? role::close : role::ignore;
      }

      switch (r) {
        case role::open:
          if (has_open) {  // the same family again before a close: the older quote was never closed
            emit(stack[open_level].tok, no_index, stack[open_level].tok + 1, i, p, open_level, true);
            close_from(open_level, i);
          }
          if (depth < stack.size()) {
            stack[depth++] = {i, fam};
            if (depth == 1 && i == f && chain_from != no_index) chain_next_ = chain_from;
          }
          break;
        case role::close: {
          close_from(open_level, i);
          const std::size_t n0 = s_.raw.size();
          emit(stack[open_level].tok, i, stack[open_level].tok + 1, i, p, open_level, false);
          if (s_.raw.size() > n0 && open_level == 0 && stack[0].tok == f && chain_next_ != no_index) {
            s_.raw.back().chain_prev = chain_next_;
          }
          if (open_level == 0) chain_next_ = no_index;
          break;
        }
        case role::orphan:
          if (depth == 0 && i > after_last_mark) {
            const std::size_t n0 = s_.raw.size();
            emit(no_index, i, after_last_mark, i, p, 0, true);
            if (s_.raw.size() > n0) s_.raw.back().orphan = true;
          }
          break;
        case role::ignore:
          continue;
      }
      after_last_mark = i + 1;
    }

    // Marks left open at the paragraph's end.
    if (depth > 0) {
      for (std::size_t d = depth; d-- > 1;) {
        if (stack[d].family == mark_family::double_mark) emit(stack[d].tok, no_index, stack[d].tok + 1, l, p, d, true);
      }
      const bool goes_on = next_paragraph_reopens(p, stack[0].family);
      const std::size_t n0 = s_.raw.size();
      emit(stack[0].tok, no_index, stack[0].tok + 1, l, p, 0, !goes_on);
      if (s_.raw.size() > n0) {
        raw_quote& q = s_.raw.back();
        if (stack[0].tok == f && chain_next_ != no_index) q.chain_prev = chain_next_;
        q.continues = goes_on;
        if (goes_on) pending_chain_ = static_cast<std::uint32_t>(s_.raw.size() - 1);
      }
    }
    chain_next_ = no_index;
  }

  // ---------------- speakers ----------------
  // The token before a name once titles, capitalised words and determiners are skipped: tells a
  // subject ("..., Communications Minister Fahmi Fadzil said") from an object ("for Prime Minister X").
  [[nodiscard]] bool subject_like(std::uint32_t mfirst, std::uint32_t lo) const noexcept {
    std::uint32_t k = mfirst;
    for (int steps = 0; k > lo && steps < 6; ++steps) {
      const std::uint32_t j = k - 1;
      if (is_word(j) && non_subject_openers.contains(txt(j))) {
        // "as Mr. Sanders campaigned in Iowa", "while she waited": the subject of a subordinate clause
        return subordinators.contains(txt(j)) && verb_after_name(mfirst);
      }
      // "a Franck Muller watch": a name after an indefinite article modifies a noun
      if (is_word(j) && (detail::iequals(txt(j), "a") || detail::iequals(txt(j), "an"))) return false;
      if (is_cap_word(j) || (is_word(j) && description_openers.contains(txt(j)))) { k = j; continue; }
      // inside a relative clause ("The party, which suspended X, said") or after a preposition
      // further back ("the sister of North Korean leader X", "led by former President X")
      if (is_lower_word(j) && (detail::iequals(txt(j), "which") || detail::iequals(txt(j), "who") ||
                               detail::iequals(txt(j), "whom"))) {
        return false;
      }
      if ((is_lower_word(j) || toks_[j].has(possessive)) && !is_verb(j)) { k = j; continue; }
      break;
    }
    return true;
  }

  // Whether a verb follows the name (or pronoun) starting at token first: "Sanders campaigned", "she has".
  [[nodiscard]] bool verb_after_name(std::uint32_t first) const noexcept {
    const std::uint32_t m = s_.mention_start[first];
    const std::uint32_t next = (m != no_index ? s_.m_last[m] : first) + 1;
    return next < ntok() && is_lower_word(next) &&
           (past_tense_like(next) || is_verb(next) || verb_fillers.contains(txt(next)));
  }

  // A possessive after a mention: "X's office" speaks for X, "X's lawyer" does not.
  // Returns the last token of the phrase, or no_index when the possessed noun is not a voice of X.
  [[nodiscard]] std::uint32_t voice_after(std::uint32_t mlast, std::uint32_t hi) const noexcept {
    if (mlast + 1 >= hi || !toks_[mlast + 1].has(possessive)) return mlast;
    std::uint32_t k = mlast + 2;
    std::uint32_t last_voice = no_index;
    while (k < hi && k < mlast + 5 && is_word(k)) {
      if (voice_nouns.contains(txt(k))) last_voice = k;
      ++k;
    }
    return last_voice;
  }

  [[nodiscard]] attribution from_mention(std::uint32_t k, std::uint32_t hi, std::uint32_t cue_a,
                                         std::uint32_t cue_b) const {
    attribution a;
    const std::uint32_t f = s_.m_first[k], l = s_.m_last[k];
    const std::uint32_t v = voice_after(l, hi);
    if (v == no_index) {  // "Smith's lawyer said": someone unnamed speaks
      std::uint32_t e = l + 2;
      while (e + 1 < hi && is_word(e + 1) && !is_verb(e + 1)) ++e;
      a.speaker_where = tok_span(f, std::min(e, hi - 1));
    } else {
      a.speaker = mention(k).actor;
      a.speaker_where = v == l ? mention(k).where : tok_span(f, v);
    }
    a.cue = tok_span(cue_a, cue_b);
    a.found = true;
    return a;
  }

  // A description starting at token a ("the government spokesman", "a senior defense official"),
  // ending before punctuation, a relative pronoun, a verb or hi. Returns one past its last token.
  [[nodiscard]] std::uint32_t description_end(std::uint32_t a, std::uint32_t hi) const noexcept {
    std::uint32_t e = a + 1;
    while (e < hi && e < a + 9) {
      const token& t = toks_[e];
      if (t.kind != token_kind::word && t.kind != token_kind::number) break;
      if (is_verb(e) || detail::iequals(txt(e), "who") || detail::iequals(txt(e), "which") ||
          detail::iequals(txt(e), "that"))
        break;
      // "a federal judge in Texas on Monday blocked ...": places, times and verbs end it; "a
      // spokesman for the ministry" and "an official of the union" keep theirs
      const std::string_view w = txt(e);
      if (is_lower_word(e) && non_subject_openers.contains(w) && w != "for" && w != "of" && w != "at") break;
      if (is_lower_word(e) && !t.has(hyphenated) && w.size() > 4 && w.substr(w.size() - 2) == "ed") break;
      ++e;
    }
    return e;
  }

  // Resolves a description [a, e): definite ones point back to an actor, others stay as written.
  [[nodiscard]] attribution from_description(std::uint32_t a, std::uint32_t e, std::uint32_t cue_a,
                                             std::uint32_t cue_b) const {
    attribution r;
    r.found = true;
    r.speaker_where = tok_span(a, e - 1);
    r.cue = tok_span(cue_a, cue_b);
    // "a spokesman for Tesco": the organization speaks
    std::uint32_t head = e - 1;
    for (std::uint32_t k = a + 1; k < e; ++k) {
      if (is_word(k) && (detail::iequals(txt(k), "for") || detail::iequals(txt(k), "of"))) {
        head = k - 1;
        if (voice_nouns.contains(txt(head))) {
          for (std::uint32_t j = k + 1; j < e; ++j) {
            if (s_.mention_start[j] != no_index) { r.speaker = mention(s_.mention_start[j]).actor; return r; }
          }
        }
        break;
      }
    }
    if (!detail::iequals(txt(a), "the")) return r;
    const std::string_view h = txt(head);
    if (anonymous_heads.contains(h)) return r;
    if ((org_head_roles(h) & org_description)) {
      r.speaker = resolve_organization(a, h);
      return r;
    }
    r.speaker = resolve_person(a);
    return r;
  }

  // Capitalised words the actor table missed ("said Burrage"): kept as written.
  [[nodiscard]] attribution from_name_run(std::uint32_t a, std::uint32_t e, std::uint32_t cue_a,
                                          std::uint32_t cue_b) const {
    attribution r;
    r.found = true;
    r.speaker_where = tok_span(a, e - 1);
    r.cue = tok_span(cue_a, cue_b);
    return r;
  }

  [[nodiscard]] attribution from_pronoun(std::uint32_t k, std::uint32_t cue_a, std::uint32_t cue_b) const {
    attribution r;
    r.found = true;
    r.speaker_where = toks_[k].where();
    r.cue = tok_span(cue_a, cue_b);
    const std::string_view w = txt(k);
    if (detail::iequals(w, "he") || detail::iequals(w, "she")) {
      // "“A,” Smith said. “B,” he added": the speaker of the paragraph's previous quote
      const int gender = pronoun_gender(w);
      if (current_ != no_index) {
        const auto& q = s_.raw[current_];
        for (std::uint32_t j = current_; j-- > 0 && j + 8 > current_;) {
          if (s_.raw[j].paragraph != q.paragraph) break;
          if (s_.raw[j].depth == 0 && s_.attr[j].found && s_.attr[j].speaker != no_entity &&
              !speaker_pronouns.contains(doc_.text(s_.attr[j].speaker_where))) {
            // unless the pronoun's gender rules that speaker out or another person is named in between
            // ("“...,” said Adrian Mapp. Martha Allen criticized ... “...,” she said")
            if (fits(s_.attr[j].speaker, gender) && !person_named_between(s_.raw[j].where.end, toks_[k].begin)) {
              r.speaker = s_.attr[j].speaker;
              return r;
            }
            break;
          }
        }
      }
      r.speaker = resolve_person(k, gender);
    } else {
      // "“...,” they said" after a quote a collective description gave ("X's family described
      // her as “...”"): the same speakers
      if (detail::iequals(w, "they") && current_ != no_index) {
        const auto& q = s_.raw[current_];
        for (std::uint32_t j = current_; j-- > 0 && j + 6 > current_;) {
          if (q.paragraph - s_.raw[j].paragraph > 2) break;
          const auto& at = s_.attr[j];
          if (s_.raw[j].depth != 0 || !at.found) continue;
          if (at.speaker != no_entity && kind_of(at.speaker) == actor_kind::person) break;
          if (at.speaker != no_entity) continue;
          const std::string_view d = doc_.text(at.speaker_where);
          const std::string_view h = d.substr(d.rfind(' ') == std::string_view::npos ? 0 : d.rfind(' ') + 1);
          if (collective_heads.contains(h)) {
            r.speaker_where = at.speaker_where;
            return r;
          }
        }
      }
      r.speaker = resolve_organization(k, {});
    }
    return r;
  }

  // The subject after a verb at v: "said Burrage", "said the 36-year-old", "added Lopes, who...",
  // "said planetary geologist Rosaly Lopes of NASA".
  [[nodiscard]] attribution subject_after(std::uint32_t a, std::uint32_t hi, std::uint32_t cue_a,
                                          std::uint32_t cue_b) const {
    if (a >= hi) return {};
    if (is_word(a) && speaker_pronouns.contains(txt(a))) return from_pronoun(a, cue_a, cue_b);
    for (std::uint32_t k = a; k < hi && k < a + 5; ++k) {
      if (s_.mention_start[k] != no_index) {
        std::uint32_t m = s_.mention_start[k];
        // "the Arsenal manager Mikel Arteta": the organisation qualifies the person who speaks
        if (kind_of(mention(m).actor) != actor_kind::person) {
          // ("Pentagon spokesman Navy Capt. Jeff Davis": past another organisation too)
          for (std::uint32_t j = s_.m_last[m] + 1; j < hi && j < s_.m_last[m] + 7 && is_word(j); ++j) {
            const std::uint32_t m2 = s_.mention_start[j];
            if (m2 != no_index) {
              if (kind_of(mention(m2).actor) == actor_kind::person) { m = m2; break; }
              j = s_.m_last[m2];
            }
          }
        }
        // "said Clinton campaign manager Robby Mook", "said Clinton ally James Carville": a person
        // named before role words qualifies the person who speaks
        if (kind_of(mention(m).actor) == actor_kind::person) {
          for (std::uint32_t j = s_.m_last[m] + 1; j < hi && j < s_.m_last[m] + 5; ++j) {
            if (s_.mention_start[j] != no_index) {
              if (j > s_.m_last[m] + 1 && kind_of(mention(s_.mention_start[j]).actor) == actor_kind::person) {
                m = s_.mention_start[j];
              }
              break;
            }
            if (!is_lower_word(j) || is_verb(j) || non_subject_openers.contains(txt(j))) break;
          }
        }
        // "said Rubio's deputy campaign manager, Rich Beeson,": the person after the role
        if (s_.m_last[m] + 1 < hi && toks_[s_.m_last[m] + 1].has(possessive)) {
          for (std::uint32_t j = s_.m_last[m] + 2; j + 1 < hi && j < s_.m_last[m] + 8; ++j) {
            if (is_punct(j, ",")) {
              const std::uint32_t m2 = s_.mention_start[j + 1];
              if (m2 != no_index && kind_of(mention(m2).actor) == actor_kind::person) m = m2;
              break;
            }
            if (!is_word(j) || s_.mention_start[j] != no_index) break;
          }
        }
        return from_mention(m, hi, cue_a, cue_b);
      }
      if (!is_word(k)) break;
    }
    if (is_word(a) && description_openers.contains(txt(a))) {
      return from_description(a, description_end(a, hi), cue_a, cue_b);
    }
    if (is_cap_word(a)) {
      std::uint32_t e = a + 1;
      while (e < hi && e < a + 4 && is_cap_word(e)) ++e;
      return from_name_run(a, e, cue_a, cue_b);
    }
    return {};
  }

  // The subject before a verb at v, looking no further back than lo.
  [[nodiscard]] attribution subject_before(std::uint32_t lo, std::uint32_t v, std::uint32_t cue_a,
                                           std::uint32_t cue_b) const {
    if (v <= lo) return {};
    std::uint32_t k = v - 1;
    while (k > lo && is_lower_word(k) && verb_fillers.contains(txt(k))) --k;
    // "Rep. John Mica (R-Fla.) said": an aside in brackets between the subject and the verb
    if (k > lo && is_punct(k, ")")) {
      std::uint32_t b = k;
      while (b > lo && b + 8 > k && !is_punct(b, "(")) --b;
      if (is_punct(b, "(") && b > lo) k = b - 1;
    }
    // directly before the verb
    if (s_.mention_end[k] != no_index) {
      const std::uint32_t m = s_.mention_end[k];
      // "CBC Chairman G.K. Butterfield of North Carolina said": the place says where the person is from
      const std::uint32_t of = s_.m_first[m];
      if (of >= lo + 2 && kind_of(mention(m).actor) != actor_kind::person && is_word(of - 1) &&
          detail::iequals(txt(of - 1), "of") && s_.mention_end[of - 2] != no_index) {
        const std::uint32_t p = s_.mention_end[of - 2];
        if (s_.m_first[p] >= lo && kind_of(mention(p).actor) == actor_kind::person) return from_mention(p, v, cue_a, cue_b);
      }
      if (s_.m_first[m] >= lo) return from_mention(m, v, cue_a, cue_b);
    }
    if (is_word(k) && speaker_pronouns.contains(txt(k))) return from_pronoun(k, cue_a, cue_b);
    if (is_punct(k, ",")) {
      attribution a = subject_before_apposition(lo, k, cue_a, cue_b);
      if (a.found) return a;
    }
    if (is_word(k) && voice_nouns.contains(txt(k))) {  // "al-Sudani's office said"
      for (std::uint32_t j = k; j > lo && j + 4 > k; --j) {
        if (toks_[j].has(possessive) && s_.mention_end[j - 1] != no_index) {
          return from_mention(s_.mention_end[j - 1], v, cue_a, cue_b);
        }
      }
    }
    if ((is_word(k) || toks_[k].kind == token_kind::number) && !is_punct(k, ",")) {
      // a description ending right before the verb: walk back to its determiner
      for (std::uint32_t j = k + 1; j-- > lo && j + 6 > k;) {
        if (toks_[j].kind != token_kind::word && toks_[j].kind != token_kind::number) break;
        if (is_word(j) && description_openers.contains(txt(j))) return from_description(j, k + 1, cue_a, cue_b);
        if (s_.mention_end[j] != no_index) break;
      }
      if (is_cap_word(k)) {
        std::uint32_t b = k;
        while (b > lo && b + 3 > k && is_cap_word(b - 1)) --b;
        if (!(b == sent_first(k) && description_openers.contains(txt(b)))) return from_name_run(b, k + 1, cue_a, cue_b);
      }
    }
    // farther back: the nearest name that reads as a subject, else the nearest name
    std::uint32_t fallback = no_index;
    for (std::uint32_t j = k + 1; j-- > lo && j + 40 > k;) {
      if (toks_[j].is_quote() && inside_or_mark(j)) break;
      if (s_.mention_end[j] != no_index) {
        const std::uint32_t m = s_.mention_end[j];
        if (s_.m_first[m] < lo) break;
        // "Tad Devine, the senator's chief strategist, said": the possessive only says whom the
        // apposition's head serves; the subject is the name before the apposition
        const std::uint32_t named = name_before_apposition(m, lo);
        if (named != no_index) return from_mention(named, v, cue_a, cue_b);
        if (subject_like(s_.m_first[m], lo)) return from_mention(m, v, cue_a, cue_b);
        if (fallback == no_index) fallback = m;
        j = s_.m_first[m];
        continue;
      }
      if (is_word(j) && speaker_pronouns.contains(txt(j)) && !detail::iequals(txt(j), "it") &&
          subject_like(j, lo))
        return from_pronoun(j, cue_a, cue_b);
    }
    if (fallback != no_index) return from_mention(fallback, v, cue_a, cue_b);
    // "A federal judge in Texas blocked the rule, calling it ...": the sentence's opening description
    const std::uint32_t sf = std::max(sent_first(k), lo);
    if (sf < v && is_word(sf) && description_openers.contains(txt(sf))) {
      return from_description(sf, std::min(description_end(sf, v), v), cue_a, cue_b);
    }
    return {};
  }

  [[nodiscard]] bool inside_or_mark(std::uint32_t j) const noexcept { return toks_[j].is_quote(); }

  // "Melanne Verveer, who served as Clinton's chief of staff, told", "Mitch McConnell, R-Ky., said",
  // "Jeff Weaver, Sanders' campaign manager, said": the comma at k closes an apposition or a relative
  // clause; the subject is the person named right before the comma that opens it. Names the actor
  // table missed are kept as written.
  [[nodiscard]] attribution subject_before_apposition(std::uint32_t lo, std::uint32_t k, std::uint32_t cue_a,
                                                      std::uint32_t cue_b) const {
    std::uint32_t c = k;
    while (c > lo + 1 && c + 30 > k) {
      --c;
      if (toks_[c].is_quote() || is_terminal(c)) return {};
      if (is_punct(c, ",")) break;
    }
    if (c <= lo || !is_punct(c, ",") || c + 1 >= k) return {};
    // what the commas enclose must read as an apposition or a relative clause, not a clause of its own
    const std::uint32_t a = c + 1;
    const bool relative = is_word(a) && (detail::iequals(txt(a), "who") || detail::iequals(txt(a), "whose"));
    const bool described = is_word(a) && (description_openers.contains(txt(a)) || !is_verb(a));
    if (!relative && !described) return {};
    const std::uint32_t before = c - 1;
    const std::uint32_t m = s_.mention_end[before];
    if (m != no_index) {
      if (s_.m_first[m] < lo || kind_of(mention(m).actor) != actor_kind::person) return {};
      return from_mention(m, c, cue_a, cue_b);
    }
    if (relative && is_cap_word(before)) {
      std::uint32_t b = before;
      while (b > lo && b + 3 > before && is_cap_word(b - 1)) --b;
      return from_name_run(b, before + 1, cue_a, cue_b);
    }
    return {};
  }

  // The person mention before ", [the] M's ..." when mention m is a possessive that opens an apposition
  // ("Tad Devine, Sanders's chief strategist, said"); no_index otherwise.
  [[nodiscard]] std::uint32_t name_before_apposition(std::uint32_t m, std::uint32_t lo) const noexcept {
    const std::uint32_t l = s_.m_last[m];
    if (l + 1 >= ntok() || !toks_[l + 1].has(possessive)) return no_index;
    std::uint32_t b = s_.m_first[m];
    if (b > lo && is_word(b - 1) && detail::iequals(txt(b - 1), "the")) --b;
    if (b < lo + 2 || !is_punct(b - 1, ",")) return no_index;
    const std::uint32_t named = s_.mention_end[b - 2];
    if (named == no_index || s_.m_first[named] < lo || kind_of(mention(named).actor) != actor_kind::person) {
      return no_index;
    }
    return named;
  }

  // Whether a person outside quotes is named in [b, e) of the text.
  [[nodiscard]] bool person_named_between(offset_t b, offset_t e) const {
    const auto& ms = doc_.actor_mentions();
    auto it = std::partition_point(s_.order.begin(), s_.order.end(),
                                   [&](std::uint32_t m) { return ms[m].where.begin < b; });
    for (; it != s_.order.end() && ms[*it].where.begin < e; ++it) {
      const actor_mention& am = ms[*it];
      if (am.actor != no_entity && kind_of(am.actor) == actor_kind::person && !inside_quote(am.where.begin)) return true;
    }
    return false;
  }

  // The subject of the clause a participle cue hangs on ("Trump attacked Clinton over Libya, saying
  // “...”"): the first person or organization in [lo, v) that reads as a subject, or a pronoun
  // opening the clause. The nearest name is often the verb's object, never its speaker.
  [[nodiscard]] attribution clause_subject(std::uint32_t lo, std::uint32_t v, std::uint32_t cue) const {
    if (is_word(lo) && subordinators.contains(txt(lo))) {  // "Although X says ..., Y did ..., saying"
      std::uint32_t c = lo + 1;
      while (c < v && !is_punct(c, ",")) ++c;
      if (c + 1 >= v) return {};
      lo = c + 1;
    }
    for (std::uint32_t j = lo; j < v && j < lo + 40; ++j) {
      if (toks_[j].is_quote()) return {};
      if (s_.mention_start[j] != no_index) {
        const std::uint32_t m = s_.mention_start[j];
        const actor_mention& am = mention(m);
        if (am.actor != no_entity && subject_like(j, lo)) return from_mention(m, v, cue, cue);
        j = s_.m_last[m];
        continue;
      }
      if (is_word(j) && speaker_pronouns.contains(txt(j)) && !detail::iequals(txt(j), "it") && subject_like(j, lo)) {
        return from_pronoun(j, cue, cue);
      }
    }
    return {};
  }

  // A cue in -ing after a comma or a linking word ("..., saying", "before asking"), or a second verb of
  // its subject ("X supported Y and said"): the cue's speaker is the clause's subject.
  [[nodiscard]] bool participle_cue(std::uint32_t k, std::uint32_t lo) const noexcept {
    const std::string_view w = txt(k);
    if (k <= lo) return false;
    if (is_lower_word(k - 1) && detail::iequals(txt(k - 1), "and")) return true;
    if (w.size() < 5 || w.substr(w.size() - 3) != "ing") return false;
    if (is_punct(k - 1, ",")) return true;
    return is_lower_word(k - 1) && participle_links.contains(txt(k - 1));
  }

  // The most salient person before token `at`: sentence by sentence backwards, the first person
  // named as a subject outside quotes; else the nearest person named at all.
  [[nodiscard]] entity_id resolve_person(std::uint32_t at, int gender = 0) const {
    const auto& ms = doc_.actor_mentions();
    if (ms.empty() || at >= ntok()) return no_entity;
    // mentions are sorted: find the last one starting before `at`
    std::uint32_t hi = static_cast<std::uint32_t>(
        std::partition_point(s_.order.begin(), s_.order.end(),
                             [&](std::uint32_t m) { return ms[m].where.begin < toks_[at].begin; }) -
        s_.order.begin());
    entity_id nearest = no_entity;
    std::uint32_t k = hi;
    const std::uint32_t at_para = s_.tok_paragraph[at];
    int examined = 0;
    while (k > 0 && examined < 60) {
      // one sentence's mentions: [lo_k, k)
      const std::uint32_t last_tok = s_.m_first[k - 1];
      if (last_tok == no_index) { --k; continue; }
      const std::uint32_t sent = s_.tok_sentence[last_tok];
      if (at_para - s_.tok_paragraph[last_tok] > 8) break;
      std::uint32_t lo_k = k;
      while (lo_k > 0 && s_.m_first[lo_k - 1] != no_index && s_.tok_sentence[s_.m_first[lo_k - 1]] == sent) --lo_k;
      const std::uint32_t sfirst = doc_.sentences()[sent].first;
      // a subject whose gender the text confirms first, then one of unknown gender
      for (int pass = gender != 0 ? 0 : 1; pass < 2; ++pass) {
        for (std::uint32_t m = lo_k; m < k; ++m) {
          examined += pass;
          const actor_mention& am = mention(m);
          if (am.actor == no_entity || kind_of(am.actor) != actor_kind::person) continue;
          if (inside_quote(am.where.begin) || !fits(am.actor, gender)) continue;
          if (pass == 0 && s_.gender[am.actor] == 0) continue;
          const std::uint32_t f = s_.m_first[m];
          const bool possessive_modifier = s_.m_last[m] + 1 < ntok() && toks_[s_.m_last[m] + 1].has(possessive) &&
                                           voice_after(s_.m_last[m], ntok()) == no_index;
          if (subject_like(f, sfirst) && !possessive_modifier) return am.actor;
        }
      }
      for (std::uint32_t m = k; m-- > lo_k;) {
        const actor_mention& am = mention(m);
        if (nearest == no_entity && am.actor != no_entity && kind_of(am.actor) == actor_kind::person &&
            !inside_quote(am.where.begin) && fits(am.actor, gender))
          nearest = am.actor;
      }
      k = lo_k;
    }
    return nearest;
  }

  // The latest organization, group or country before token `at` outside quotes; with a head noun,
  // the latest whose canonical name holds it ("the coalition" -> "US-led military coalition").
  [[nodiscard]] entity_id resolve_organization(std::uint32_t at, std::string_view head) const {
    const auto& ms = doc_.actor_mentions();
    std::uint32_t k = static_cast<std::uint32_t>(
        std::partition_point(s_.order.begin(), s_.order.end(),
                             [&](std::uint32_t m) { return ms[m].where.begin < toks_[at].begin; }) -
        s_.order.begin());
    // the latest subject-like organization (or one whose name holds the head noun); failing that,
    // the organization named most often in the window ("the company" is the story's company)
    entity_id best = no_entity;
    int best_count = 0;
    std::array<std::pair<entity_id, int>, 16> counts{};
    std::size_t ncounts = 0;
    for (int n = 0; k > 0 && n < 40; ++n) {
      --k;
      const actor_mention& am = mention(k);
      if (am.actor == no_entity || am.actor >= doc_.actors().size()) continue;
      if (inside_quote(am.where.begin)) continue;
      const actor& a = doc_.actors()[am.actor];
      if (a.kind == actor_kind::person) continue;
      if (!head.empty() && contains_word(a.name, head)) return am.actor;
      const std::uint32_t f = s_.m_first[k];
      if (head.empty() && f != no_index && subject_like(f, sent_first(f))) return am.actor;
      std::size_t c = 0;
      while (c < ncounts && counts[c].first != am.actor) ++c;
      if (c == ncounts && ncounts < counts.size()) counts[ncounts++] = {am.actor, 0};
      if (!head.empty() && !(org_head_roles(head) & org_generic_description)) continue;
      if (c < ncounts && ++counts[c].second > best_count) {
        best_count = counts[c].second;
        best = am.actor;
      }
    }
    return best;
  }

  [[nodiscard]] static bool iequal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (detail::ascii_lower(a[i]) != detail::ascii_lower(b[i])) return false;
    }
    return true;
  }
  // Whether name holds w as a whole word, ignoring case.
  [[nodiscard]] static bool contains_word(std::string_view name, std::string_view w) noexcept {
    for (std::size_t i = 0; i + w.size() <= name.size(); ++i) {
      if ((i == 0 || name[i - 1] == ' ' || name[i - 1] == '-') &&
          (i + w.size() == name.size() || name[i + w.size()] == ' ') && iequal(name.substr(i, w.size()), w))
        return true;
    }
    return false;
  }

  // ---------------- attribution ----------------
  // "“...,” he said", "“...,” said Burrage", "“...,” General X, military spokesman, said in a statement".
  [[nodiscard]] attribution trailing(const raw_quote& q) const {
    if (q.close == no_index) return {};
    const std::uint32_t p = q.paragraph;
    const std::uint32_t hi = std::min(para_last(p), ntok());
    const std::uint32_t j = q.close + 1;
    if (j >= hi) return {};
    if (is_according_to(j)) return subject_after(j + 2, hi, j, j + 1);
    if (is_verb(j)) return subject_after(j + 1, hi, j, j);
    // "“...” ― Martha Aguilar": a name after a dash signs the quote (letters, readers' comments, epigraphs)
    if (j + 1 < hi && is_dash(j) && (s_.mention_start[j + 1] != no_index || is_cap_word(j + 1))) {
      attribution a = subject_after(j + 1, hi, no_index, no_index);
      if (a.found) return a;
    }
    // "“...?” Trump went on" / "“...,” Kelly interjected": a person named right after the quote and a
    // verb in the past that the lexicon lacks
    if (const std::uint32_t m = s_.mention_start[j]; m != no_index && kind_of(mention(m).actor) == actor_kind::person) {
      const std::uint32_t v = s_.m_last[m] + 1;
      if (v < hi && is_lower_word(v) && past_tense_like(v)) return from_mention(m, v, v, v);
    }
    if (j + 1 < hi && is_lower_word(j) && verb_fillers.contains(txt(j)) && is_verb(j + 1)) {
      return subject_after(j + 2, hi, j + 1, j + 1);
    }
    // the subject must open right here
    const bool opens = (is_word(j) && (speaker_pronouns.contains(txt(j)) || description_openers.contains(txt(j)))) ||
                       is_cap_word(j) || s_.mention_start[j] != no_index;
    bool mention_soon = false;
    for (std::uint32_t k = j; k < hi && k < j + 5 && !mention_soon; ++k) {
      if (s_.mention_start[k] != no_index) mention_soon = true;
      if (toks_[k].kind == token_kind::punctuation) break;
    }
    if (!opens && !mention_soon) return {};
    for (std::uint32_t k = j; k < hi && k < j + 22; ++k) {
      // a period before a comma or a bracket ends an abbreviation, not the sentence ("Joan Whitaker,
      // D-Ore., said", "Rep. John Mica (R-Fla.) said")
      const bool abbreviation_end = k + 1 < hi && (is_punct(k + 1, ",") || is_punct(k + 1, ")"));
      if (toks_[k].is_quote() || (is_terminal(k) && !abbreviation_end) || is_punct(k, ":")) break;
      if (is_according_to(k) && k > j && is_punct(k - 1, ",")) return subject_after(k + 2, hi, k, k + 1);
      if (is_verb(k)) return subject_before(j, k, k, k);
    }
    return {};
  }

  // "X said: “...”", "Malaska asked, “...”", "Rasool said the meetings aimed at a “timeline”",
  // "described by Sharon as “...”", "According to X, ... “...”".
  [[nodiscard]] attribution leading(const raw_quote& q) const {
    if (q.open == no_index) return {};
    const std::uint32_t o = q.open;
    std::uint32_t lo = std::max(sent_first(o), para_first(q.paragraph));
    // a colon or comma introducing the quote may sit in the sentence before when the splitter cut there
    for (std::uint32_t k = o; k > lo; --k) {
      if (toks_[k - 1].is_quote()) { lo = k; break; }
    }
    std::uint32_t according = no_index;
    for (std::uint32_t k = o; k-- > lo && k + 40 > o;) {
      if (is_according_to(k)) { according = k; break; }
      // "as X put it, “...”": put is a speech verb only with "it"
      const bool put_it = k + 1 < o && is_word(k) && detail::iequals(txt(k), "put") && detail::iequals(txt(k + 1), "it");
      if (is_verb(k) || put_it || (is_word(k) && evaluative_cues.contains(txt(k)))) {
        if (k + 1 < o && detail::iequals(txt(k + 1), "by")) {  // "praised by police for “...”"
          attribution a = subject_after(k + 2, o, k, k);
          if (a.found) return a;
          std::uint32_t e = k + 2;
          while (e < o && e < k + 6 && is_lower_word(e) && !non_subject_openers.contains(txt(e))) ++e;
          if (e > k + 2) return from_name_run(k + 2, e, k, k);
        }
        if (participle_cue(k, lo)) {
          attribution a = clause_subject(lo, k, k);
          if (a.found) return a;
        }
        attribution a = subject_before(lo, k, k, k);
        if (a.found) return a;
        if (k == lo || (k > lo && toks_[k - 1].kind == token_kind::punctuation)) {
          a = subject_after(k + 1, o, k, k);  // "Said Smith: “...”"
          if (a.found) return a;
        }
      }
    }
    if (according == no_index) {
      for (std::uint32_t k = lo; k + 1 < o && k < lo + 3; ++k) {
        if (is_according_to(k)) { according = k; break; }
      }
    }
    if (according != no_index) return subject_after(according + 2, o, according, according + 1);
    return labelled(o, lo);
  }

  // "Clinton: “...”", "Pew Research: “...”", "- Michael P. McDonald: “...”": a name and a colon label
  // the quote (headlines, transcripts, round-ups). No cue word.
  [[nodiscard]] attribution labelled(std::uint32_t o, std::uint32_t lo) const {
    if (o < 2 || o - 1 < lo || !is_punct(o - 1, ":")) return {};
    const std::uint32_t e = o - 2;
    if (const std::uint32_t m = s_.mention_end[e]; m != no_index) {
      if (mention(m).actor == no_entity) return {};
      return from_mention(m, o - 1, no_index, no_index);
    }
    if (!is_cap_word(e)) return {};
    std::uint32_t b = e;
    while (b > 0 && b + 3 > e && is_cap_word(b - 1)) --b;
    // only a label that opens its line, or follows a dash: "HEADLINE - Name:"
    if (b > 0 && !toks_[b].has(line_break_before) && !is_dash(b - 1)) return {};
    return from_name_run(b, e + 1, no_index, no_index);
  }

  // Reported speech before token `before` in [lo, before): the latest "X said", "according to X".
  [[nodiscard]] attribution reported(std::uint32_t lo, std::uint32_t before) const {
    for (std::uint32_t k = before; k-- > lo && k + 120 > before;) {
      if (!is_word(k)) continue;
      const bool according = is_according_to(k);
      if (!according && !is_verb(k)) continue;
      if (inside_quote(toks_[k].begin)) continue;
      if (according) {
        attribution a = subject_after(k + 2, before, k, k + 1);
        if (a.found) return a;
      }
      if (is_verb(k)) {
        const std::uint32_t s = std::max(sent_first(k), lo);
        attribution a = subject_before(s, k, k, k);
        if (a.found) return a;
      }
    }
    return {};
  }

  [[nodiscard]] bool starts_paragraph(const raw_quote& q) const noexcept {
    return q.open != no_index && q.open == para_first(q.paragraph);
  }

  [[nodiscard]] std::size_t words_in(const raw_quote& q) const noexcept {
    std::size_t n = 0;
    for (std::uint32_t k = q.first; k < q.last && k < ntok(); ++k) n += toks_[k].kind == token_kind::word || toks_[k].kind == token_kind::number;
    return n;
  }

  [[nodiscard]] bool all_capitalised(const raw_quote& q) const noexcept {
    bool any = false;
    for (std::uint32_t k = q.first; k < q.last && k < ntok(); ++k) {
      if (toks_[k].is_quote()) continue;
      if (toks_[k].kind == token_kind::word) {
        if (!toks_[k].has(capitalized) && !(txt(k) == "of" || txt(k) == "the" || txt(k) == "and")) return false;
        any = true;
      } else if (toks_[k].kind != token_kind::number) {
        return false;
      }
    }
    return any;
  }

  void attribute_all() {
    auto& raw = s_.raw;
    s_.attr.assign(raw.size(), attribution{});
    // 1. attributions next to the quote, in document order (pronouns may look at earlier quotes)
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
      current_ = i;
      const raw_quote& q = raw[i];
      if (q.depth > 0) continue;
      attribution a = trailing(q);
      if (!a.found && !q.orphan) a = leading(q);
      s_.attr[i] = a;
    }
    current_ = no_index;
    // 2. a quote over several paragraphs has one speaker: spread what one piece found
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
      if (raw[i].chain_prev == no_index || raw[i].continues) continue;
      // i ends a chain: collect its pieces backwards
      attribution found;
      for (std::uint32_t j = i; j != no_index; j = raw[j].chain_prev) {
        if (s_.attr[j].found) { found = s_.attr[j]; break; }
      }
      if (!found.found) continue;
      for (std::uint32_t j = i; j != no_index; j = raw[j].chain_prev) {
        if (!s_.attr[j].found) s_.attr[j] = found;
      }
    }
    // the next quote of the same paragraph with an attribution of its own (one backward pass)
    s_.next_attributed.assign(raw.size(), no_index);
    for (std::uint32_t i = static_cast<std::uint32_t>(raw.size()), next = no_index; i-- > 0;) {
      if (next != no_index && raw[next].paragraph != raw[i].paragraph) next = no_index;
      s_.next_attributed[i] = next;
      if (raw[i].depth == 0 && s_.attr[i].found && words_in(raw[i]) > 2) next = i;
    }
    // 3. the rest, in document order
    std::uint32_t prev_attributed = no_index;  // latest attributed quote of the current paragraph
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
      raw_quote& q = raw[i];
      if (prev_attributed != no_index && raw[prev_attributed].paragraph != q.paragraph) prev_attributed = no_index;
      if (q.depth > 0 || q.orphan) continue;
      if (s_.attr[i].found) {
        if (words_in(q) > 2) prev_attributed = i;
        continue;
      }
      attribution a;
      if (q.chain_prev != no_index && s_.attr[q.chain_prev].found) a = s_.attr[q.chain_prev];
      // another quote of the same paragraph: the one before, else the one after
      if (!a.found && prev_attributed != no_index) a = s_.attr[prev_attributed];
      if (!a.found && s_.next_attributed[i] != no_index) a = s_.attr[s_.next_attributed[i]];
      if (!a.found) a = reported(para_first(q.paragraph), q.open != no_index ? q.open : q.first);
      if (!a.found && starts_paragraph(q) && q.paragraph > 0) {
        // a bare quote paragraph: the previous paragraph's speaker, its reported speech, its subject
        const std::uint32_t pp = q.paragraph - 1;
        for (std::uint32_t j = i; !a.found && j-- > 0 && j + 64 > i && raw[j].paragraph >= pp;) {
          if (raw[j].paragraph == pp && raw[j].depth == 0 && s_.attr[j].found) a = s_.attr[j];
        }
        if (!a.found) a = reported(para_first(pp), std::min(para_last(pp), ntok()));
        if (!a.found) {
          const entity_id who = resolve_person(q.open);
          if (who != no_entity) {
            a.found = true;
            a.speaker = who;
          }
        }
      }
      s_.attr[i] = a;
      if (a.found && words_in(q) > 2) prev_attributed = i;
    }
    // 4. write the annotations
    auto& out = doc_.quotes();
    out.clear();
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
      const raw_quote& q = raw[i];
      const attribution& a = s_.attr[i];
      if (q.orphan && !a.found) continue;
      quote r;
      r.where = q.where;
      r.closed_by_rule = q.closed_by_rule;
      if (a.found) {
        r.speaker = a.speaker;
        r.speaker_where = a.speaker_where;
        r.cue = a.cue;
      }
      r.statement = is_statement(q, a);
      out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const quote& x, const quote& y) { return x.where.begin < y.where.begin; });
  }

  // Scare quotes and quoted names: short, unattributed, after "so-called", or a capitalised name.
  [[nodiscard]] bool is_statement(const raw_quote& q, const attribution& a) const {
    if (q.open != no_index && q.open > 0) {
      const std::uint32_t b = q.open - 1;
      if (is_word(b) && naming_cues.contains(txt(b))) return false;
    }
    const std::size_t words = words_in(q);
    if (q.chain_prev != no_index || q.continues) return true;
    if (words <= 5 && all_capitalised(q) && !starts_paragraph(q)) return false;
    if (words <= 1) return false;
    if (a.found && !a.cue.empty()) return true;
    if (starts_paragraph(q)) return true;
    return words >= 5;
  }

  document& doc_;
  std::string_view text_;
  const std::vector<token>& toks_;
  const speech_verb_set& verbs_;
  quote_scratch& s_;
  std::uint32_t pending_chain_ = no_index;  // quote of the previous paragraph that goes on
  std::uint32_t chain_next_ = no_index;     // that quote, while its next piece is being read
  std::uint32_t current_ = no_index;        // the quote being attributed (step 1)
};

}  // namespace detail

// The quote stage: fills doc.quotes(), sorted by position. Needs tokens and actors (speakers are
// actors). Immutable and cheap to copy; one instance serves many threads.
class quotes {
 public:
  static constexpr unsigned provides = layer::quotes;
  static constexpr unsigned needs = layer::tokens | layer::actors;

  // With the built-in speech verbs.
  quotes() : verbs_(speech_verb_set::builtin()) {}
  // With a user's speech verbs (e.g. the built-in ones plus a newsroom's own).
  explicit quotes(speech_verb_set verbs) : verbs_(std::make_shared<const speech_verb_set>(std::move(verbs))) {}
  // With speech verbs shared with the other stages (nullptr: the built-in ones).
  explicit quotes(std::shared_ptr<const speech_verb_set> verbs)
      : verbs_(verbs ? std::move(verbs) : speech_verb_set::builtin()) {}

  void operator()(document& doc) const {
    thread_local detail::quote_scratch scratch;
    detail::quote_finder(doc, *verbs_, scratch).run();
    doc.mark_done(layer::quotes);
  }

  [[nodiscard]] const speech_verb_set& speech_verbs() const noexcept { return *verbs_; }

 private:
  std::shared_ptr<const speech_verb_set> verbs_;
};

}  // namespace v0
}  // namespace quarry
