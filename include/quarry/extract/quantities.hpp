// quarry/extract/quantities.hpp: amounts in news text, with value, range, counted object,
// approximation and unit ("about 2,500 U.S. troops", "£300m", "65 percent of the surface",
// "between 10 and 20 people", "thousands of troops" -> at least 1000). Years, dates and clock times
// are left to quarry::dates, whose finder runs here too so the two never claim the same words.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/extract/dates.hpp"
#include "quarry/extract/quantity_object.hpp"
#include "quarry/extract/quantity_measures.hpp"
#include "quarry/extract/quantity_reader.hpp"
#include "quarry/lexicon/numbers.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"
#include "quarry/lexicon/units.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

class quantity_finder : amount_reader {
 public:
  quantity_finder(const amount_tokens& t, const std::vector<std::uint8_t>& blocked, const quantity_options& o)
      : amount_reader(t, blocked, o) {}

  template <class Emit>
  void run(Emit&& emit) const {
    const std::size_t n = t_.size();
    std::size_t i = 0;
    while (i < n) {
      if (blocked_[i]) { ++i; continue; }
      amount_core c;
      if (!core_at(i, c)) { ++i; continue; }
      quantity q;
      std::size_t end = c.last;
      if (complete(c, q, end)) {
        emit(std::move(q));
        i = end > i ? end : i + 1;
      } else {
        i = std::max({end, c.last, i + 1});
      }
    }
  }

 private:
  // The label before a number makes it a name: "No. 10", "Court 12", "Boeing 737", "page 4".
  [[nodiscard]] bool labelled(const amount_core& c) const {
    const std::size_t i = c.first;
    if (c.word_number || c.currency >= 0 || i == 0 || t_.starts_sentence(i)) return false;
    const std::size_t p = i - 1;
    const token& pt = t_.tok(p);
    if (pt.kind == token_kind::symbol && t_.str(p) == "#") return true;
    if (pt.kind != token_kind::word || pt.has(possessive)) return false;
    if (t_.has(p, w_number_label) && !t_.has(p, w_stop | w_cue_end | w_period) ) return true;
    if (t_.is(p, "no") || t_.is(p, "no.") || t_.is(p, "nos")) return pt.has(capitalized) || t_.str(p).back() == '.';
    std::string_view ps = t_.str(p);
    bool inner_upper = false;  // "iPhone 15", "eBay 2"
    for (std::size_t k = 1; k < ps.size(); ++k) inner_upper |= ps[k] >= 'A' && ps[k] <= 'Z' && ps[k - 1] >= 'a' && ps[k - 1] <= 'z';
    if (!pt.has(capitalized) && !inner_upper) return false;
    if (t_.has(p, w_month | w_weekday | w_currency | w_cue_end | w_date_preposition | w_stop | w_determiner |
                      w_cardinal | w_vague))
      return false;
    // a capitalized first word of a sentence is a name only when no lexicon knows it ("Boeing 737 jets")
    if (t_.starts_sentence(p) && t_.info(p) != nullptr) return false;
    if (p > 0 && t_.tok(p - 1).is_quote()) return false;
    if (c.percent || t_.has(c.last, w_multiplier | w_percent) || (c.last < t_.size() && t_.str(c.last) == "%"))
      return false;
    std::string_view s = t_.str(i);
    if (s.find(',') != std::string_view::npos) return false;  // "2,500" is never a model number
    return true;
  }

  // Phone numbers and codes: digit groups separated only by spaces ("0845 8 505 505").
  [[nodiscard]] bool digit_run(const amount_core& c) const {
    if (c.word_number || c.currency >= 0 || c.last != c.first + 1) return false;  // "2 1/2" is one amount
    const std::size_t i = c.first;
    auto plain = [&](std::size_t k) {
      if (!t_.is_number(k)) return false;
      const auto n = numbers::parse_numeral(t_.str(k));
      return n.ok() && n.length == t_.str(k).size() && n.integral() && !n.grouped;
    };
    if (!plain(i)) return false;
    return (plain(i + 1) && !t_.glued(i + 1)) || (i > 0 && plain(i - 1) && !t_.glued(i));
  }

  // The approximation cue before token i, longest first; returns the first token of the cue.
  [[nodiscard]] std::size_t cue_before(std::size_t i, approximation& a) const {
    if (i == 0 || !t_.has(i - 1, w_cue_end) || t_.starts_sentence(i) ) return i;
    std::size_t best = i;
    for (const auto& cue : numbers::approximation_cues) {
      // match words of the phrase backwards from i-1
      std::string_view ph = cue.phrase;
      std::size_t k = i;
      bool hit = true;
      while (!ph.empty()) {
        const auto sp = ph.rfind(' ');
        std::string_view word = sp == std::string_view::npos ? ph : ph.substr(sp + 1);
        ph = sp == std::string_view::npos ? std::string_view() : ph.substr(0, sp);
        if (k == 0 || !t_.is(k - 1, word) || (!ph.empty() && t_.starts_sentence(k - 1))) { hit = false; break; }
        --k;
      }
      if (hit && k < best) {
        best = k;
        a = cue.approx;
      }
    }
    return best;
  }

  // Head noun of the phrase from token k: the last of the first run of plurals, else the last word
  // (when singular heads are allowed). Possessors ("Iraq’s territory") are skipped in "of" phrases.
  [[nodiscard]] std::size_t head_noun(std::size_t k, bool of_phrase, bool singular_ok, std::size_t& end) const {
    std::size_t run_first = k, last_word = npos_token, plural_head = npos_token;
    bool lower_seen = false;
    std::size_t words = 0;
    if (of_phrase)
      while (ok(k) && t_.is_word(k) && t_.has(k, w_determiner) && !t_.tok(k).has(all_caps)) ++k;
    run_first = k;
    for (; ok(k) && words < 5; ++k) {
      const token& tk = t_.tok(k);
      if (tk.has(possessive)) {
        if (!of_phrase) break;
        last_word = npos_token;
        plural_head = npos_token;
        lower_seen = false;
        continue;
      }
      if (tk.kind != token_kind::word) break;
      if (t_.has(k, w_stop) && !tk.has(all_caps)) break;
      if (t_.has(k, w_verb_past)) break;
      if (t_.has(k, w_month | w_weekday | w_relative_day) && tk.has(capitalized)) break;
      const bool cap = tk.has(capitalized) || tk.has(all_caps);
      if (cap && lower_seen) break;
      if (!cap) lower_seen = true;
      ++words;
      const bool pl = plural_like(k);
      if (pl) {
        plural_head = k;
        // compounds of plurals: "news outlets", "arms dealers"
        if (!plural_like(k + 1) || !ok(k + 1) || t_.has(k + 1, w_stop)) { last_word = k; ++k; break; }
        continue;
      }
      if (plural_head != npos_token) break;
      last_word = k;
      (void)run_first;
    }
    if (plural_head != npos_token) {
      end = plural_head + 1;
      return plural_head;
    }
    if (!singular_ok || last_word == npos_token) return npos_token;
    std::string_view s = t_.str(last_word);
    auto ends = [&](std::string_view suf) {
      return s.size() > suf.size() + 1 && s.substr(s.size() - suf.size()) == suf;
    };
    if (ends("ly") || ends("ed") || ends("ing")) return npos_token;
    end = last_word + 1;
    return last_word;
  }

  // A range whose bounds each carry the unit: "between 10 dollars and 20 dollars", "from 30 degrees
  // to 40 degrees", "2 g to about 7 g".
  void range_after_unit(amount_core& c, std::size_t& last, bool between) const {
    if (c.value_max || !c.value || !ok(last)) return;
    std::size_t j = last;
    const bool joiner = t_.is(j, "to") || t_.is(j, "-") || t_.is(j, "–") || t_.is(j, "—") || (between && t_.is(j, "and"));
    if (!joiner) return;
    ++j;
    if (t_.has(j, w_cue_end) && (t_.is(j, "about") || t_.is(j, "around") || t_.is(j, "approximately"))) ++j;
    if (t_.str(j) == "~") ++j;
    amount_core hi;
    if (!ok(j) || !core_at(j, hi) || !hi.value || hi.value_max || hi.fraction || hi.round || hi.vague) return;
    std::size_t e = hi.last;
    if (hi.unit_where.empty() && hi.currency < 0) unit_after(hi, e);
    const bool same = (c.currency >= 0 && (hi.currency == c.currency || (hi.currency < 0 && hi.unit.empty()))) ||
                      (c.currency < 0 && hi.currency < 0 && (hi.unit == c.unit || hi.unit.empty() ||
                                                             (c.unit == "deg" && hi.unit.substr(0, 3) == "deg")));
    if (!same || *hi.value <= *c.value) return;
    c.value_max = hi.value;
    if (!hi.unit.empty()) { c.unit = hi.unit; c.unit_where.end = hi.unit_where.end; }
    last = e;
  }

  [[nodiscard]] bool complete(amount_core& c, quantity& q, std::size_t& end) const {
    if (labelled(c) || digit_run(c)) return false;
    const std::size_t i = c.first;
    // numbers run together with others by ":" or "/" are ratios, times, dates or scores
    if (!c.word_number && ok(c.last) && t_.glued(c.last) &&
        (t_.is_punct(c.last, ':') || t_.is_punct(c.last, '/')))
      return false;
    if (!c.word_number && i > 0 && t_.glued(i) && (t_.is_punct(i - 1, ':') || t_.is_punct(i - 1, '/'))) return false;
    // list numbering: "1." or "2)" opening a paragraph
    if (!c.word_number && t_.tok(i).has(paragraph_start) && (t_.is_punct(c.last, '.') || t_.is_punct(c.last, ')')))
      return false;
    std::size_t last = c.last;  // one past the last token of the amount so far
    span object{};

    // a range: "10 to 20", "10-20", "between 10 and 20", "A$7.17 to A$8.24", "two or three"
    const bool between = i > 0 && (t_.is(i - 1, "between") || t_.is(i - 1, "from"));
    if (!c.value_max && c.value && !c.fraction && !c.round && ok(last)) {
      std::size_t j = last;
      const bool joiner = t_.is(j, "to") || t_.is(j, "-") || t_.is(j, "–") || t_.is(j, "—") ||
                          (between && t_.is(j, "and")) || (t_.is(j, "or") && c.word_number);
      if (joiner && ok(j + 1)) {
        amount_core hi;
        if (core_at(j + 1, hi) && hi.value && !hi.round && !hi.fraction && !hi.vague &&
            *hi.value > *c.value && (hi.currency == c.currency || c.currency >= 0 || hi.currency < 0)) {
          // "3 to 4 million": the multiplier after the second bound applies to both
          if (hi.word_number == c.word_number || !c.word_number) {
            double lo = *c.value;
            if (!hi.word_number && t_.has(hi.last - 1, w_multiplier) && !t_.has(last - 1, w_multiplier)) {
              const double m = t_.info(hi.last - 1)->value;
              if (lo * m < *hi.value) lo *= m;
            }
            c.value = lo;
            c.value_max = hi.value;
            if (hi.currency >= 0 && c.currency < 0) { c.currency = hi.currency; c.currency_where = hi.currency_where; }
            if (!hi.unit.empty()) { c.unit = hi.unit; c.unit_where = hi.unit_where; }
            if (hi.percent) c.percent = true;
            last = hi.last;
            c.last = last;
          }
        }
      }
    }
    // "a margin of 5 to 1", "won 3-1": a ratio or score, not an amount
    if (!c.value_max && c.value && !c.word_number && (t_.is(last, "to") || t_.is_punct(last, '-')) &&
        t_.is_number(last + 1)) {
      const auto n2 = numbers::parse_numeral(t_.str(last + 1));
      if (n2.ok() && n2.value <= *c.value) {
        end = last + 2;
        return false;
      }
    }
    // a "one" needs a counted noun and must not be the pronoun ("one of the", "a long one")
    if (c.bare_one) {
      if (i > 0 && !t_.starts_sentence(i) && (t_.has(i - 1, w_determiner) || t_.is(i - 1, "no"))) return false;
      if (t_.is(last, "of") || t_.is(last, "another") || t_.is(last, "day") || t_.is(last, "time") ||
          t_.is(last, "thing") || t_.is(last, "way") || t_.is(last, "side") || t_.is(last, "hand") ||
          t_.is(last, "point") || t_.is(last, "more") || t_.is(last, "other") || t_.is(last, "or"))
        return false;
    }

    // approximation before and after
    approximation a = c.approx;
    std::size_t first = i;
    if (between && c.value_max) first = i - 1;
    else if (approximation pre = approximation::none; (first = cue_before(i, pre)) != i) {
      if (a == approximation::none) a = pre;
    }
    // "over five years" spreads over a time; "for over two years" and "just over" compare
    if (a == approximation::more_than && first + 1 == i && t_.is(first, "over") && t_.has(last, w_period) &&
        !(first > 0 && t_.is(first - 1, "for")))
      a = approximation::none;

    // a share written "1 in 5 children", "one in three adults"
    if (c.value && !c.value_max && !c.fraction && t_.is(last, "in") && *c.value >= 1) {
      amount_core of;
      if (ok(last + 1) && core_at(last + 1, of) && of.value && *of.value > *c.value && of.currency < 0 &&
          of.unit.empty() && !of.round && !of.vague && !of.fraction && of.value_max == std::nullopt) {
        c.value = *c.value / *of.value;
        c.fraction = true;
        c.bare_one = false;
        last = of.last;
        std::size_t e = 0;
        if (std::size_t h = head_noun(last, false, false, e); h != npos_token) {
          q.where = t_.where(first, e);
          q.value = c.value;
          q.object = word_where(h);
          q.approx = a;
          end = e;
          return true;
        }
        end = last;
        return false;
      }
    }

    // percent, units, currencies written after the number
    if (!c.fraction && !c.round && !c.vague && ok(last)) {
      std::string_view s = t_.str(last);
      if (s == "%" || t_.has(last, w_percent)) {
        c.percent = true;
        object = word_where(last);
        ++last;
      } else if (t_.is(last, "per") && t_.is(last + 1, "cent")) {
        c.percent = true;
        object = t_.where(last, last + 2);
        last += 2;
      } else if (t_.is(last, "percentage") && (t_.is(last + 1, "points") || t_.is(last + 1, "point"))) {
        c.percent = true;
        object = t_.where(last, last + 2);
        last += 2;
      } else {
        unit_after(c, last);
        if (!c.unit.empty() || c.currency >= 0) {
          range_after_unit(c, last, between);
          if (between && c.value_max) first = i - 1;
          composite(c, last, between, [&](std::size_t k, amount_core& part) -> std::size_t {
            if (!ok(k) || !core_at(k, part) || !part.value || part.fraction || part.round || part.vague) return 0;
            std::size_t e = part.last;
            unit_after(part, e);
            return e;
          });
        }
      }
    }
    // trailing cues: "60 or more", "30 or so"
    if (t_.is(last, "or") && (t_.is(last + 1, "more") || t_.is(last + 1, "so") || t_.is(last + 1, "fewer") ||
                              t_.is(last + 1, "less"))) {
      if (a == approximation::none)
        a = t_.is(last + 1, "more") ? approximation::at_least
            : t_.is(last + 1, "so") ? approximation::about : approximation::up_to;
      last += 2;
    } else if (ok(last) && t_.str(last) == "+" && t_.glued(last)) {
      if (a == approximation::none) a = approximation::at_least;
      ++last;
    }
    end = last;

    // the counted object
    if (c.percent) {
      if (t_.is(last, "of")) {
        std::size_t e = 0;
        if (std::size_t h = head_noun(last + 1, true, true, e); h != npos_token) {
          object = word_where(h);
          end = e;
        }
      }
      c.unit = "percent";
    } else if (c.currency >= 0) {
      object = c.currency_where;
      c.unit = currencies[static_cast<std::size_t>(c.currency)].code;
    } else if (!c.unit_where.empty()) {
      object = c.unit_where;
      // "500 grams of strawberries", "3 cups of sugar": a measure names what it measures
      const unit_def* d = unit_of(c.unit);
      if (d && t_.is(last, "of") &&
          (d->kind == unit_kind::mass || d->kind == unit_kind::volume || d->kind == unit_kind::area ||
           d->kind == unit_kind::length)) {
        std::size_t e = 0;
        if (std::size_t h = head_noun(last + 1, true, true, e); h != npos_token) {
          object = word_where(h);
          end = e;
        }
      }
    } else if (c.fraction || c.round || (c.vague && t_.is(last, "of"))) {
      std::size_t k = last;
      if (t_.is(k, "of")) ++k;
      else if (!c.fraction && !c.vague) k = npos_token;
      if (k != npos_token) {
        std::size_t e = 0;
        if (std::size_t h = head_noun(k, true, true, e); h != npos_token) {
          object = word_where(h);
          end = e;
        } else if (c.fraction) {
          return false;
        }
      } else if (c.fraction) {
        return false;
      }
    } else {
      std::size_t e = 0;
      const bool singular = c.value && *c.value <= 1;
      if (std::size_t h = head_noun(last, false, singular, e); h != npos_token) {
        object = word_where(h);
        end = e;
      } else if (c.bare_one || c.vague) {
        return false;
      } else if (t_.is(last, "of") && c.value && *c.value > 1) {
        // "240 of the 543 seats", "three of the victims": the part takes the whole's noun
        std::size_t k = last + 1;
        if (t_.is(k, "the") || t_.is(k, "its") || t_.is(k, "their")) ++k;
        if (t_.is_number(k) || t_.word_number(k) > 0) ++k;
        if (std::size_t h2 = head_noun(k, false, false, e); h2 != npos_token) object = word_where(h2);
      }
    }
    if (c.vague && object.empty()) return false;

    // a number before an address word is a street number: "10 Downing Street"
    if (object.empty() && t_.capitalized(last) && t_.has(last + 1, w_street) && t_.capitalized(last + 1))
      return false;

    q.where = t_.where(first, end);
    if (t_.is_word(end - 1)) q.where.end = word_where(end - 1).end;
    if (!c.vague) q.value = c.value;
    q.value_max = c.value_max;
    q.object = object;
    q.approx = a;
    q.unit = std::string(c.unit);
    return true;
  }
};

}  // namespace detail

// The quantity stage.
class quantities {
 public:
  static constexpr unsigned provides = layer::quantities;
  static constexpr unsigned needs = layer::tokens;
  // Reads doc.dates() when the dates stage ran before it (years and dates are no amounts).

  quantities() : lex_(detail::amount_lexicon::shared()) {}
  explicit quantities(quantity_options o) : lex_(detail::amount_lexicon::shared()), options_(o) {}

  void operator()(document& doc) const {
    thread_local std::vector<const detail::word_info*> scratch;
    thread_local std::vector<std::uint8_t> blocked;
    detail::amount_tokens t(doc.text(), doc.tokens(), *lex_, scratch);
    blocked.assign(doc.tokens().size(), 0);
    // years, dates and times belong to the date layer; "two years ago" keeps its amount. The dates
    // stage's findings when it ran first (make_kinds_pipeline orders it so): finding them again
    // was a seventh of the pipeline's time.
    if (doc.done() & layer::dates) {
      const auto& toks = doc.tokens();
      for (const date_mention& d : doc.dates()) {
        if (d.duration) continue;
        auto k = static_cast<std::size_t>(std::partition_point(toks.begin(), toks.end(), [&](const token& x) {
                                            return x.end <= d.where.begin;
                                          }) - toks.begin());
        for (; k < toks.size() && toks[k].begin < d.where.end; ++k) blocked[k] = 1;
      }
    } else {
      detail::find_dates(t, doc.date(), [&](detail::found_date&& d) {
        if (d.duration) return;
        for (std::uint32_t k = d.first; k < d.last; ++k) blocked[k] = 1;
      });
    }
    detail::quantity_finder f(t, blocked, options_);
    auto& out = doc.quantities();
    f.run([&](quantity&& q) { out.push_back(std::move(q)); });
    doc.mark_done(layer::quantities);
  }

  [[nodiscard]] const quantity_options& options() const noexcept { return options_; }

 private:
  std::shared_ptr<const detail::amount_lexicon> lex_;
  quantity_options options_;
};

}  // namespace v0
}  // namespace quarry
