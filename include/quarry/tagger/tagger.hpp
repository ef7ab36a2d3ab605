// quarry/tagger/tagger.hpp: the name tagger stage (people, organizations, places, other names).
// A linear model labels tokens left to right with BILOU tags, looking only at tokens that can begin a
// name (capitalised words, particles before them) and at the tokens after a name it has opened; the
// rest are outside a name without being scored. Its names go to document::tagged_names(), where the
// actors and locations stages take them as candidates beside their rules.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "quarry/annotations.hpp"
#include "quarry/document.hpp"
#include "quarry/tagger/builtin_model.hpp"
#include "quarry/tagger/features.hpp"
#include "quarry/tagger/model.hpp"

namespace quarry {
inline namespace v0 {
namespace detail {

// Labels one sentence greedily. score(feats, n, scores) adds the weights of n features to 17 scores.
// labels and margins have one slot per token of the document. observe(i, feats, n, pick) returns the
// label to keep: tagging keeps the pick; training (tagger/train.hpp) learns from it and keeps the
// right label, so that later tokens are never asked for a label the constraints rule out.
template <class Score, class Observe>
void tag_sentence(tag_features& f, token_range s, std::uint8_t* labels, std::int32_t* margins, Score&& score,
                  Observe&& observe) {
  std::array<std::uint64_t, tag_features::max_features> feats{};
  std::array<std::int32_t, tag_label_count> scores{};
  std::uint8_t prev = 0, prev2 = 0;
  for (auto i = s.first; i < s.last; ++i) {
    labels[i] = 0;
    margins[i] = 0;
    if (f.candidate(i) || tag_open(prev)) {
      std::size_t n = f.static_features(i, feats.data());
      n += f.label_features(i, prev, prev2, feats.data() + n);
      scores.fill(0);
      score(feats.data(), n, scores.data());
      const bool may_open = i + 1 < s.last && f.can_continue(i + 1);
      std::int32_t best = std::numeric_limits<std::int32_t>::min(), second = best;
      std::uint8_t pick = 0;
      for (std::uint8_t l = 0; l < tag_label_count; ++l) {
        if (!tag_allowed(prev, l) || (!may_open && tag_open(l))) continue;
        if (scores[l] > best) {
          second = best;
          best = scores[l];
          pick = l;
        } else if (scores[l] > second) {
          second = scores[l];
        }
      }
      margins[i] = second == std::numeric_limits<std::int32_t>::min() ? std::numeric_limits<std::int32_t>::max() : best - second;
      labels[i] = observe(i, feats.data(), n, pick);
    }
    prev2 = prev;
    prev = labels[i];
  }
}

// Names from BILOU labels: B I* L and U; a name left open (never in a decoded sentence) is dropped.
inline void names_from_labels(const document& doc, const std::uint8_t* labels, const std::int32_t* margins,
                              std::vector<tagged_name>& out) {
  const auto& toks = doc.tokens();
  const auto n = static_cast<std::uint32_t>(toks.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    if (labels[i] == 0) continue;
    const auto part = tag_part(labels[i]);
    if (part != 0 && part != 3) continue;
    std::uint32_t end = i + 1;
    std::int32_t margin = margins[i];
    if (part == 0) {
      while (end < n && labels[end] != 0 && tag_part(labels[end]) == 1) margin = std::min(margin, margins[end++]);
      if (end >= n || labels[end] == 0 || tag_part(labels[end]) != 2) continue;
      margin = std::min(margin, margins[end++]);
    }
    out.push_back({{toks[i].begin, toks[end - 1].end}, i, end, tag_type(labels[i]), margin});
    i = end - 1;
  }
}

// Sums the model's rows of n features into scores; the rows are fetched ahead of the sums.
inline void score_with(const tagger_model& m, const std::uint64_t* feats, std::size_t n, std::int32_t* scores) noexcept {
  std::array<const std::int8_t*, tag_features::max_features> rows{};
  for (std::size_t k = 0; k < n; ++k) {
    rows[k] = m.row(feats[k]);
    __builtin_prefetch(rows[k]);
  }
  const std::int32_t* v = m.values();
  for (std::size_t k = 0; k < n; ++k) {
    const std::int8_t* r = rows[k];
    for (std::size_t l = 0; l < tag_label_count; ++l) scores[l] += v[static_cast<std::uint8_t>(r[l])];
  }
}

}  // namespace detail

// The tagger stage. Default-constructed it uses the built-in model; copies share the model.
class tagged_names {
 public:
  static constexpr unsigned provides = layer::names;
  static constexpr unsigned needs = layer::tokens;

  tagged_names() : model_(builtin_tagger_model()) {}
  explicit tagged_names(std::shared_ptr<const tagger_model> model) : model_(std::move(model)) {
    if (!model_) throw usage_error("quarry::tagged_names: no model");
  }

  void operator()(document& doc) const {
    auto& out = doc.tagged_names();
    out.clear();
    thread_local detail::tag_features f(*detail::tag_lexicons::builtin());
    thread_local std::vector<std::uint8_t> labels;
    thread_local std::vector<std::int32_t> margins;
    f.reset(doc);
    labels.assign(doc.tokens().size(), 0);
    margins.assign(doc.tokens().size(), 0);
    const tagger_model& m = *model_;
    for (const auto& s : doc.sentences()) {
      detail::tag_sentence(
          f, s, labels.data(), margins.data(),
          [&m](const std::uint64_t* feats, std::size_t n, std::int32_t* scores) { detail::score_with(m, feats, n, scores); },
          [](std::uint32_t, const std::uint64_t*, std::size_t, std::uint8_t pick) { return pick; });
    }
    detail::names_from_labels(doc, labels.data(), margins.data(), out);
    const std::int64_t top = std::max(m.magnitudes().back(), 1);
    for (auto& n : out) n.margin = static_cast<std::int32_t>(std::min<std::int64_t>(std::int64_t{n.margin} * 1000 / top, 1000000));
    doc.mark_done(layer::names);
  }

  [[nodiscard]] const tagger_model& model() const noexcept { return *model_; }

 private:
  std::shared_ptr<const tagger_model> model_;
};

}  // namespace v0
}  // namespace quarry
