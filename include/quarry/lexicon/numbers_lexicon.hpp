// quarry/lexicon/numbers_lexicon.hpp: one case-folded hash table over every word the quantity and
// date extractors care about (number words, units, currencies, months, weekdays, cues, stop words),
// so classifying a token costs one hash and no allocation. Built once per process and shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/lexicon/calendar.hpp"
#include "quarry/lexicon/numbers.hpp"
#include "quarry/lexicon/units.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

[[nodiscard]] constexpr char fold_lower_ascii(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

[[nodiscard]] constexpr bool equal_folded(std::string_view folded_key, std::string_view s) noexcept {
  if (folded_key.size() != s.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (folded_key[i] != fold_lower_ascii(s[i])) return false;
  return true;
}

[[nodiscard]] constexpr std::uint64_t hash_folded(std::string_view s) noexcept {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(fold_lower_ascii(c));
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

// Open-addressing map from ASCII-case-folded words to V. Lookups fold on the fly: no copies.
template <class V>
class folded_map {
 public:
  explicit folded_map(std::size_t capacity_hint = 1024) {
    std::size_t n = 16;
    while (n < capacity_hint * 2) n <<= 1;
    slots_.resize(n);
    mask_ = n - 1;
  }

  // The value for key, default-constructed on first use; rehashes as needed (construction only).
  V& upsert(std::string_view key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t i = hash_folded(key) & mask_;
    while (slots_[i].used) {
      if (equal_folded(slots_[i].key, key)) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    slots_[i].used = true;
    slots_[i].key.reserve(key.size());
    for (char c : key) slots_[i].key += fold_lower_ascii(c);
    ++size_;
    return slots_[i].value;
  }

  [[nodiscard]] const V* find(std::string_view key) const noexcept {
    if (key.empty() || key.size() > max_key_) return nullptr;
    std::size_t i = hash_folded(key) & mask_;
    while (slots_[i].used) {
      if (equal_folded(slots_[i].key, key)) return &slots_[i].value;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }

  void finish() noexcept {
    max_key_ = 0;
    for (const auto& s : slots_)
      if (s.used && s.key.size() > max_key_) max_key_ = s.key.size();
  }

 private:
  struct slot {
    std::string key;
    V value{};
    bool used = false;
  };
  void grow() {
    std::vector<slot> old = std::move(slots_);
    slots_.clear();
    slots_.resize(old.size() * 2);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (auto& s : old)
      if (s.used) upsert(s.key) = std::move(s.value);
  }
  std::vector<slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::size_t max_key_ = 64;
};

// What a word can be; one word may be several things ("second": ordinal and unit of time).
enum word_bit : std::uint32_t {
  w_cardinal = 1u << 0,        // "three", "twenty"
  w_multiplier = 1u << 1,      // "million", "bn", "hundred"
  w_round_plural = 1u << 2,    // "thousands", "dozens"
  w_fraction = 1u << 3,        // "third", "half", "quarters"
  w_ordinal = 1u << 4,         // "first", "eighth"
  w_vague = 1u << 5,           // "several", "scores"
  w_dozen = 1u << 6,           // "dozen", "couple", "pair": a count that takes "a"
  w_unit = 1u << 7,            // "miles", "km", "years"
  w_currency = 1u << 8,        // "dollars", "euros", or a code "USD" / prefix "RM"
  w_percent = 1u << 9,         // "percent", "pc" ("per cent" is two words)
  w_stop = 1u << 10,           // ends a noun phrase: prepositions, verbs "is", "said", pronouns
  w_determiner = 1u << 11,     // "the", "its", "their": skipped before the head of "of" phrases
  w_month = 1u << 12,          // "January", "Jan"
  w_weekday = 1u << 13,        // "Saturday"
  w_period = 1u << 14,         // "day", "years", "weekend", "summer"
  w_day_part = 1u << 15,       // "morning", "night"
  w_time_zone = 1u << 16,      // "GMT"
  w_relative_day = 1u << 17,   // "today", "yesterday", "tomorrow", "tonight"
  w_date_modifier = 1u << 18,  // "last", "next", "this", "early", "late", "mid"
  w_number_label = 1u << 19,   // "No.", "page", "clause", "flight": the number is a name
  w_plural_noun = 1u << 20,    // plurals without -s: "people", "personnel", "police"
  w_am_pm = 1u << 21,          // "a.m.", "pm"
  w_cue_end = 1u << 22,        // last word of an approximation cue
  w_street = 1u << 23,         // "Street", "Road": a number before them is an address
  w_month_abbr = 1u << 24,     // "Jan", "Sept": needs a day or year beside it
  w_ambiguous_month = 1u << 25,  // "May", "March", "June", "August"
  w_date_preposition = 1u << 26,  // "in", "on", "since", "until", "by", "from", "before", "after"
  w_verb_past = 1u << 27,      // a few frequent verbs that follow a count subject ("died", "said")
  w_unit_after_of = 1u << 28,  // words measured "of": "percent", "share"
  w_currency_prefix = 1u << 29,  // written before the number: "RM", "Rs", "KSh", "USD"
};

struct word_info {
  std::uint32_t bits = 0;
  double value = 0;              // cardinal, multiplier, round plural, fraction or dozen value
  std::int16_t unit = -1;        // index into quarry::units
  std::int16_t currency = -1;    // index into quarry::currencies
  std::uint8_t month = 0;        // 1-12
  std::uint8_t weekday = 0;      // 1-7, Monday first
  calendar::period period = calendar::period::none;
  [[nodiscard]] constexpr bool is(std::uint32_t b) const noexcept { return (bits & b) != 0; }
};

// Prepositions, conjunctions, auxiliaries, pronouns and adverbs that end a noun phrase.
inline constexpr std::string_view stop_words =
    "of in on at to from by with without for into onto over under about around across against along "
    "among amid after before since until till during through throughout per via near off out up down "
    "inside outside within between behind beyond towards toward than as like upon despite including "
    "and or but nor so yet while whereas because if when where whether although though unless "
    "is are was were be been being am has have had having do does did will would shall should can "
    "could may might must i you he she it we they me him us them who whom whose which what that "
    "this these those there here ago later earlier apart each apiece too also already still now "
    "then not never ever again away back altogether respectively said says say told added according "
    "a an the his her its their our my your no any every some all both either neither another "
    "such most less fewer least only just even very quite rather about almost nearly";

inline constexpr std::string_view determiner_words =
    "the a an its their his her our my your this that these those some all both each every any "
    "which whose such";

inline constexpr std::string_view past_verbs =
    "died killed wounded injured arrested detained missing dead said says told added were was are is "
    "remain remained made built sold taken given held left found seen done gone known shown born paid "
    "spent lost won kept brought bought caught sent fled took gave came went got saw ran fell rose";

// Words before a number that make it a label, not an amount: "No. 10", "page 4", "Flight 370".
inline constexpr std::string_view number_labels =
    "no no. number nos num # page pages p pp clause article articles section sections paragraph "
    "chapter chapters verse line room flight route highway interstate gate platform exit terminal "
    "track episode volume vol issue level grade stage round game week district ward precinct version "
    "phase category class model size act scene bay lane pier apartment apt suite box block lot plot "
    "row seat item rule resolution amendment protocol hole lap heat match court pitch bus train "
    "channel code form schedule table figure fig annex appendix tier unit zone sector tranche "
    "series season part chapter step title top";

inline constexpr std::string_view plural_nouns =
    "people personnel police staff children men women cattle livestock feet teeth data media "
    "aircraft crew sheep fish deer offspring clergy infantry cavalry folk youth militia mice geese "
    "dice bacteria criteria phenomena alumni fungi cacti nuclei stimuli";

inline constexpr std::string_view street_words =
    "street st road rd avenue ave lane boulevard blvd drive way place square terrace crescent close "
    "court gardens parade row";

inline constexpr std::string_view date_prepositions =
    "in on since until till by from before after during through throughout of at to";

inline constexpr std::string_view date_modifiers =
    "last next this past coming early late mid earlier later following previous same";

template <class F>
constexpr void for_each_word(std::string_view list, F&& f) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    std::size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (j > i) f(list.substr(i, j - i));
    i = j;
  }
}

// The shared table and the approximation cues indexed by their last word.
class amount_lexicon {
 public:
  amount_lexicon() : words_(2048) {
    using namespace numbers;
    for (const auto& c : cardinals) add(c.word, w_cardinal).value = c.value;
    for (const auto& m : multipliers) add(m.word, w_multiplier).value = m.value;
    for (const auto& r : round_plurals) add(r.word, w_round_plural).value = r.value;
    for (const auto& f : fractions) add(f.word, w_fraction).value = f.value;
    for (auto o : ordinals) add(o, w_ordinal);
    for (auto v : vague_words) add(v, w_vague);
    add("dozen", w_dozen).value = 12;
    add("couple", w_dozen).value = 2;
    add("pair", w_dozen).value = 2;
    add("percent", w_percent | w_unit_after_of);
    add("pc", w_percent | w_unit_after_of);
    add("pct", w_percent | w_unit_after_of);
    for (std::size_t u = 0; u < units.size(); ++u)
      for_each_word(units[u].words, [&](std::string_view w) { add(w, w_unit).unit = static_cast<std::int16_t>(u); });
    for (std::size_t c = 0; c < currencies.size(); ++c) {
      for_each_word(currencies[c].words,
                    [&](std::string_view w) { add(w, w_currency).currency = static_cast<std::int16_t>(c); });
      for_each_word(currencies[c].prefixes, [&](std::string_view w) {
        if (w.size() >= 2 && w.back() != '$') add(w, w_currency | w_currency_prefix).currency = static_cast<std::int16_t>(c);
      });
    }
    for (const auto& m : calendar::months) add(m.word, w_month).month = static_cast<std::uint8_t>(m.number);
    for (const auto& m : calendar::month_abbreviations)
      add(m.word, w_month | w_month_abbr).month = static_cast<std::uint8_t>(m.number);
    for (auto m : {"may", "march", "june", "august"}) add(m, w_ambiguous_month);
    for (const auto& d : calendar::weekdays) add(d.word, w_weekday).weekday = static_cast<std::uint8_t>(d.number);
    for (const auto& p : calendar::period_words) add(p.first, w_period).period = p.second;
    for (auto p : calendar::day_parts) add(p, w_day_part);
    for (auto z : calendar::time_zones) add(z, w_time_zone);
    for (auto r : {"today", "yesterday", "tomorrow", "tonight"}) add(r, w_relative_day);
    for_each_word(date_modifiers, [&](std::string_view w) { add(w, w_date_modifier); });
    for_each_word(stop_words, [&](std::string_view w) { add(w, w_stop); });
    for_each_word(determiner_words, [&](std::string_view w) { add(w, w_determiner); });
    for_each_word(past_verbs, [&](std::string_view w) { add(w, w_verb_past); });
    for_each_word(number_labels, [&](std::string_view w) { add(w, w_number_label); });
    for_each_word(plural_nouns, [&](std::string_view w) { add(w, w_plural_noun); });
    for_each_word(street_words, [&](std::string_view w) { add(w, w_street); });
    for_each_word(date_prepositions, [&](std::string_view w) { add(w, w_date_preposition); });
    for (auto w : {"am", "a.m", "pm", "p.m"}) add(w, w_am_pm);
    for (const auto& c : approximation_cues) {
      std::string_view last = c.phrase.substr(c.phrase.rfind(' ') == std::string_view::npos ? 0 : c.phrase.rfind(' ') + 1);
      add(last, w_cue_end);
    }
    words_.finish();
  }

  // The word's entry; a trailing period is dropped when the word with it is unknown ("Jan.", "No.").
  [[nodiscard]] const word_info* find(std::string_view w) const noexcept {
    if (const word_info* i = words_.find(w)) return i;
    if (w.size() > 1 && w.back() == '.') return words_.find(w.substr(0, w.size() - 1));
    return nullptr;
  }
  [[nodiscard]] std::uint32_t bits(std::string_view w) const noexcept {
    const word_info* i = find(w);
    return i ? i->bits : 0u;
  }

  // One lexicon per process: stages hold it by shared_ptr so copying a stage copies a pointer.
  [[nodiscard]] static std::shared_ptr<const amount_lexicon> shared() {
    static const std::shared_ptr<const amount_lexicon> instance = std::make_shared<const amount_lexicon>();
    return instance;
  }

 private:
  word_info& add(std::string_view w, std::uint32_t bits) {
    word_info& i = words_.upsert(w);
    i.bits |= bits;
    return i;
  }
  folded_map<word_info> words_;
};

}  // namespace detail
}  // namespace v0
}  // namespace quarry
