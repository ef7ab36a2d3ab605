// quarry/tagger/train.hpp: trains a tagger model from annotated text (averaged perceptron).
// Texts are tokenized by quarry's own tokenizer, so the model learns on the tokens it will see. Training
// is deterministic: the order of texts in each epoch comes from a fixed seed and a generator defined
// here (not std::shuffle, whose results differ between standard libraries).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/tagger/features.hpp"
#include "quarry/tagger/model.hpp"
#include "quarry/tagger/tagger.hpp"
#include "quarry/tokenizer.hpp"

namespace quarry {
inline namespace v0 {

// A name in a training text: byte offsets [begin, end) and its type.
struct annotated_name {
  std::uint32_t begin = 0, end = 0;
  name_type type = name_type::person;
};

struct annotated_text {
  std::string text;
  std::vector<annotated_name> names;
};

struct tagger_train_options {
  std::uint32_t bits = 19;       // 2^bits rows in the model's table
  std::uint64_t seed = 20030601;  // the order of texts in each epoch
  double prune = 0.05;            // averaged weights below this (in updates) are left out of the model
  bool all_words = true;          // learn from every word, not only the ones tagging looks at
};

class tagger_trainer {
 public:
  explicit tagger_trainer(tagger_train_options o = {})
      : o_(o), w_(tagger_model::labels << o.bits, 0), acc_(tagger_model::labels << o.bits, 0) {}

  // Adds a text; a name whose edges fall inside a token covers the tokens wholly inside it.
  // Returns how many of its names could not be placed on tokens.
  std::size_t add(const annotated_text& t) {
    item it;
    it.doc = document(t.text);
    tokenizer{}(it.doc);
    const auto& toks = it.doc.tokens();
    it.gold.assign(toks.size(), 0);
    std::size_t lost = 0;
    for (const auto& nm : t.names) {
      auto first = static_cast<std::uint32_t>(std::lower_bound(toks.begin(), toks.end(), nm.begin,
                                                               [](const token& k, std::uint32_t b) { return k.begin < b; }) - toks.begin());
      auto last = first;
      while (last < toks.size() && toks[last].end <= nm.end) ++last;
      if (last == first) {
        ++lost;
        continue;
      }
      if (last - first == 1) {
        it.gold[first] = detail::tag_label(3, nm.type);
      } else {
        it.gold[first] = detail::tag_label(0, nm.type);
        for (auto k = first + 1; k + 1 < last; ++k) it.gold[k] = detail::tag_label(1, nm.type);
        it.gold[last - 1] = detail::tag_label(2, nm.type);
      }
    }
    items_.push_back(std::move(it));
    return lost;
  }

  // One pass over the texts in this epoch's order; returns the tokens labelled wrong.
  std::size_t epoch() {
    std::vector<std::size_t> order(items_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::uint64_t state = o_.seed + 0x9E3779B97F4A7C15ull * (++epochs_);
    for (std::size_t k = order.size(); k > 1; --k) {  // Fisher-Yates with splitmix64
      state += 0x9E3779B97F4A7C15ull;
      const std::uint64_t r = detail::mix64(state);
      std::swap(order[k - 1], order[r % k]);
    }
    std::size_t wrong = 0;
    detail::tag_features f(*detail::tag_lexicons::builtin());
    f.score_all_words(o_.all_words);
    std::vector<std::uint8_t> labels;
    std::vector<std::int32_t> margins;
    const std::uint64_t mask = (std::uint64_t{1} << o_.bits) - 1;
    constexpr std::size_t L = tagger_model::labels;
    for (auto k : order) {
      item& it = items_[k];
      f.reset(it.doc);
      labels.assign(it.doc.tokens().size(), 0);
      margins.assign(it.doc.tokens().size(), 0);
      for (const auto& s : it.doc.sentences()) {
        detail::tag_sentence(
            f, s, labels.data(), margins.data(),
            [&](const std::uint64_t* feats, std::size_t n, std::int32_t* scores) {
              for (std::size_t j = 0; j < n; ++j) {
                const std::int32_t* r = w_.data() + (feats[j] & mask) * L;
                for (std::size_t l = 0; l < L; ++l) scores[l] += r[l];
              }
            },
            [&](std::uint32_t i, const std::uint64_t* feats, std::size_t n, std::uint8_t pick) {
              ++clock_;
              const std::uint8_t gold = it.gold[i];
              if (pick == gold) return pick;
              ++wrong;
              for (std::size_t j = 0; j < n; ++j) {
                const std::size_t row = (feats[j] & mask) * L;
                w_[row + gold] += 1;
                acc_[row + gold] += clock_;
                w_[row + pick] -= 1;
                acc_[row + pick] -= clock_;
              }
              return gold;
            });
      }
    }
    return wrong;
  }

  // The averaged weights, quantised: weights below prune (in updates) are dropped, the rest get one of
  // 127 magnitudes spaced evenly on a log scale.
  [[nodiscard]] tagger_model model() const {
    std::vector<double> avg(w_.size());
    const double c = static_cast<double>(clock_ == 0 ? 1 : clock_);
    std::vector<double> mags;
    for (std::size_t k = 0; k < w_.size(); ++k) {
      avg[k] = static_cast<double>(w_[k]) - static_cast<double>(acc_[k]) / c;
      if (std::fabs(avg[k]) >= o_.prune) mags.push_back(std::fabs(avg[k]));
    }
    tagger_model::codebook book{};
    std::vector<std::int8_t> q(w_.size(), 0);
    if (mags.empty()) return tagger_model(o_.bits, std::move(q), book);
    // codes on a log scale from prune to the largest weight: each is within a few percent of its weight
    const double top = *std::max_element(mags.begin(), mags.end());
    const double lo = o_.prune > 0 ? o_.prune : *std::min_element(mags.begin(), mags.end());
    const double step = std::log(std::max(top / lo, 1.0 + 1e-9)) / 126.0;
    const double unit = 1000000.0 / top;  // integer scale: the largest weight is 1,000,000
    for (std::size_t k = 1; k < 128; ++k) {
      book[k] = static_cast<std::int32_t>(std::max(1L, std::lround(lo * std::exp(step * static_cast<double>(k - 1)) * unit)));
    }
    for (std::size_t k = 0; k < w_.size(); ++k) {
      const double a = std::fabs(avg[k]);
      if (a < o_.prune || a == 0) continue;
      const long code = std::clamp(std::lround(std::log(a / lo) / step) + 1, 1L, 127L);
      q[k] = static_cast<std::int8_t>(avg[k] < 0 ? -code : code);
    }
    return tagger_model(o_.bits, std::move(q), book);
  }

  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }

 private:
  struct item {
    document doc;
    std::vector<std::uint8_t> gold;
  };
  tagger_train_options o_;
  std::vector<std::int32_t> w_;
  std::vector<std::int64_t> acc_;
  std::vector<item> items_;
  std::int64_t clock_ = 0;
  unsigned epochs_ = 0;
};

}  // namespace v0
}  // namespace quarry
