// quarry/pipeline.hpp: stages and their composition.
// A stage is any immutable object callable as stage(document&) const. pipeline<S...> runs stages in
// order with no virtual calls and checks at compile time that each stage's needs are provided by
// the stages before it; any_pipeline does the same check at run time for pipelines built from flags.
#pragma once

#include <concepts>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/document.hpp"
#include "quarry/error.hpp"

namespace quarry {
inline namespace v0 {

// A stage reads and adds to a document. It must be safe to call from many threads at once,
// which is what a const call operator on an immutable object gives.
template <class S>
concept stage = std::is_object_v<S> && std::copy_constructible<S> &&
                requires(const S& s, document& d) { s(d); };

// What a stage provides and needs, from its optional static members
// `static constexpr unsigned provides = quarry::layer::...;` and `needs`.
template <class S>
inline constexpr unsigned provides_of = [] {
  if constexpr (requires { S::provides; }) return static_cast<unsigned>(S::provides);
  else return 0u;
}();

template <class S>
inline constexpr unsigned needs_of = [] {
  if constexpr (requires { S::needs; }) return static_cast<unsigned>(S::needs);
  else return 0u;
}();

[[nodiscard]] inline std::string describe_layers(unsigned layers) {
  static constexpr std::pair<unsigned, const char*> names[] = {
      {layer::tokens, "tokens"},         {layer::actors, "actors"}, {layer::places, "places"},
      {layer::quantities, "quantities"}, {layer::dates, "dates"},   {layer::quotes, "quotes"},
      {layer::names, "names"}};
  std::string out;
  for (const auto& [bit, name] : names) {
    if (layers & bit) {
      if (!out.empty()) out += ", ";
      out += name;
    }
  }
  return out;
}

namespace detail {

// Instantiated only when a stage's needs are unmet, so the compiler's message names the stage.
template <class Stage, unsigned Available>
struct stage_needs_are_met {
  static_assert((needs_of<Stage> & ~Available) == 0,
                "quarry::pipeline: this stage needs a layer that no earlier stage provides; put the "
                "stage that provides it first (quarry::tokenizer before everything, quarry::actors "
                "before quarry::quotes). The Stage and Available arguments above say which.");
  static constexpr bool value = true;
};

template <unsigned Available, class... Stages>
struct check_order : std::true_type {};

template <unsigned Available, class First, class... Rest>
struct check_order<Available, First, Rest...> {
  static constexpr bool value = stage_needs_are_met<First, Available>::value &&
                                check_order<Available | provides_of<First>, Rest...>::value;
};

}  // namespace detail

// A fixed sequence of stages. Built once, immutable, shareable across threads.
template <stage... Stages>
class pipeline {
  static_assert(detail::check_order<0u, Stages...>::value);

 public:
  static constexpr unsigned provides = (0u | ... | provides_of<Stages>);
  static constexpr unsigned needs = 0;

  explicit pipeline(Stages... stages) : stages_(std::move(stages)...) {}

  // Runs every stage on a document whose text is already set.
  void operator()(document& doc) const {
    std::apply([&doc](const auto&... s) { (s(doc), ...); }, stages_);
  }

  // Extracts from a copy of the text: the result stands alone.
  [[nodiscard]] document operator()(std::string_view text) const {
    document doc{std::string(text)};
    (*this)(doc);
    return doc;
  }

  // Reuses doc (and its memory) for text, which doc borrows: keep text alive while doc is read.
  void operator()(document& doc, std::string_view text) const {
    doc.borrow(text, doc.name());
    (*this)(doc);
  }

  template <std::size_t I>
  [[nodiscard]] const auto& get() const noexcept { return std::get<I>(stages_); }

 private:
  std::tuple<Stages...> stages_;
};

template <class... Stages>
  requires(stage<std::remove_cvref_t<Stages>> && ...)
[[nodiscard]] auto make_pipeline(Stages&&... stages) {
  return pipeline<std::remove_cvref_t<Stages>...>(std::forward<Stages>(stages)...);
}

// A pipeline assembled at run time (e.g. from command-line flags). One indirect call per stage
// per document; the order is checked when a stage is added.
class any_pipeline {
 public:
  any_pipeline() = default;

  // Appends a stage; throws usage_error when its needs are not provided by the stages before it.
  template <class S>
    requires stage<std::remove_cvref_t<S>>
  any_pipeline& add(S&& s_in) {
    using Stage = std::remove_cvref_t<S>;
    Stage s(std::forward<S>(s_in));
    constexpr unsigned needs = needs_of<Stage>;
    if ((needs & ~provides_) != 0) {
      throw usage_error("quarry::any_pipeline: a stage needs " + describe_layers(needs & ~provides_) +
                        ", which no earlier stage provides");
    }
    stages_.push_back(std::make_shared<const model<Stage>>(std::move(s)));
    provides_ |= provides_of<Stage>;
    return *this;
  }

  [[nodiscard]] unsigned provides() const noexcept { return provides_; }
  [[nodiscard]] std::size_t size() const noexcept { return stages_.size(); }

  void operator()(document& doc) const {
    for (const auto& s : stages_) s->run(doc);
  }
  [[nodiscard]] document operator()(std::string_view text) const {
    document doc{std::string(text)};
    (*this)(doc);
    return doc;
  }
  void operator()(document& doc, std::string_view text) const {
    doc.borrow(text, doc.name());
    (*this)(doc);
  }

 private:
  struct concept_t {
    virtual ~concept_t() = default;
    virtual void run(document& doc) const = 0;
  };
  template <class S>
  struct model final : concept_t {
    explicit model(S s) : stage(std::move(s)) {}
    void run(document& doc) const override { stage(doc); }
    S stage;
  };

  std::vector<std::shared_ptr<const concept_t>> stages_;
  unsigned provides_ = 0;
};

}  // namespace v0
}  // namespace quarry
