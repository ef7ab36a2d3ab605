// quarry/document.hpp: one text and everything found in it.
// A document owns or borrows the text, and holds tokens, sentences, paragraphs, one vector per
// built-in annotation kind and a store per kind a user defines. clear() keeps the vectors' capacity, so a
// document reused across calls reaches a steady state where extraction allocates nothing new.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/annotation_kind.hpp"
#include "quarry/annotations.hpp"
#include "quarry/error.hpp"
#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

// A calendar date, the anchor that resolves relative dates ("last Saturday").
struct calendar_date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend constexpr bool operator==(calendar_date, calendar_date) noexcept = default;
};

// What a stage provides or needs, as a bit set (see pipeline.hpp).
namespace layer {
inline constexpr unsigned tokens = 1u << 0;
inline constexpr unsigned actors = 1u << 1;
inline constexpr unsigned places = 1u << 2;
inline constexpr unsigned quantities = 1u << 3;
inline constexpr unsigned dates = 1u << 4;
inline constexpr unsigned quotes = 1u << 5;
inline constexpr unsigned names = 1u << 6;  // the tagger's names (tagger/tagger.hpp)
}  // namespace layer

class document {
 public:
  // The largest text a document holds: offsets are 32-bit.
  static constexpr std::size_t max_size = std::numeric_limits<offset_t>::max() - 1;

  document() = default;
  // Copies the text, so the document stands alone.
  explicit document(std::string text, std::string name = {}) { assign(std::move(text), std::move(name)); }

  // Copies and moves keep text() pointing at the document's own copy when it owns the text.
  document(const document& o) : document() { *this = o; }
  document(document&& o) noexcept : document() { *this = std::move(o); }
  document& operator=(const document& o) {
    if (this == &o) return *this;
    copy_fields(o);
    owned_ = o.owned_;
    owns_ = o.owns_;
    text_ = owns_ ? std::string_view(owned_) : o.text_;
    return *this;
  }
  document& operator=(document&& o) noexcept {
    if (this == &o) return *this;
    move_fields(std::move(o));
    owns_ = o.owns_;
    owned_ = std::move(o.owned_);
    text_ = owns_ ? std::string_view(owned_) : o.text_;
    o.text_ = {};
    o.owns_ = false;
    return *this;
  }
  ~document() = default;

  // Takes the text by value (owned).
  void assign(std::string text, std::string name = {}) {
    check_size(text.size());
    clear();
    owned_ = std::move(text);
    owns_ = true;
    text_ = owned_;
    name_ = std::move(name);
  }
  // Borrows the text: the caller keeps it alive while the document is used. No copy.
  void borrow(std::string_view text, std::string name = {}) {
    check_size(text.size());
    clear();
    owned_.clear();
    owns_ = false;
    text_ = text;
    name_ = std::move(name);
  }

  // Forgets everything found, keeping the memory for the next text.
  void clear() noexcept {
    tokens_.clear();
    sentences_.clear();
    paragraphs_.clear();
    actors_.clear();
    actor_mentions_.clear();
    places_.clear();
    place_mentions_.clear();
    quantities_.clear();
    dates_.clear();
    quotes_.clear();
    tagged_names_.clear();
    for (auto& k : kinds_) k->clear();  // the stores stay, with their memory
    done_ = 0;
  }

  [[nodiscard]] std::string_view text() const noexcept { return text_; }
  [[nodiscard]] std::string_view text(span s) const noexcept { return s.of(text_); }
  [[nodiscard]] std::string_view text(const token& t) const noexcept { return t.of(text_); }
  template <class Annotation>
    requires requires(const Annotation& a) { a.where; }
  [[nodiscard]] std::string_view text(const Annotation& a) const noexcept {
    return a.where.of(text_);
  }

  // A name for the document (file name, JSON Lines "doc" field).
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }

  // The publication date, when known, resolves relative dates.
  [[nodiscard]] const std::optional<calendar_date>& date() const noexcept { return date_; }
  void set_date(std::optional<calendar_date> d) noexcept { date_ = d; }

  // Canonical name of an actor, or empty for no_entity.
  [[nodiscard]] std::string_view name_of(entity_id id) const noexcept {
    return id < actors_.size() ? std::string_view(actors_[id].name) : std::string_view();
  }
  // Who said a quote: the actor's canonical name, else the words at the attribution.
  [[nodiscard]] std::string_view speaker_of(const quote& q) const noexcept {
    return q.speaker != no_entity ? name_of(q.speaker) : text(q.speaker_where);
  }

  // Read access.
  [[nodiscard]] const std::vector<token>& tokens() const noexcept { return tokens_; }
  [[nodiscard]] const std::vector<token_range>& sentences() const noexcept { return sentences_; }
  [[nodiscard]] const std::vector<token_range>& paragraphs() const noexcept { return paragraphs_; }
  [[nodiscard]] const std::vector<actor>& actors() const noexcept { return actors_; }
  [[nodiscard]] const std::vector<actor_mention>& actor_mentions() const noexcept { return actor_mentions_; }
  [[nodiscard]] const std::vector<place>& places() const noexcept { return places_; }
  [[nodiscard]] const std::vector<place_mention>& place_mentions() const noexcept { return place_mentions_; }
  [[nodiscard]] const std::vector<quantity>& quantities() const noexcept { return quantities_; }
  [[nodiscard]] const std::vector<date_mention>& dates() const noexcept { return dates_; }
  [[nodiscard]] const std::vector<quote>& quotes() const noexcept { return quotes_; }
  [[nodiscard]] const std::vector<tagged_name>& tagged_names() const noexcept { return tagged_names_; }

  // Write access, for stages.
  [[nodiscard]] std::vector<token>& tokens() noexcept { return tokens_; }
  [[nodiscard]] std::vector<token_range>& sentences() noexcept { return sentences_; }
  [[nodiscard]] std::vector<token_range>& paragraphs() noexcept { return paragraphs_; }
  [[nodiscard]] std::vector<actor>& actors() noexcept { return actors_; }
  [[nodiscard]] std::vector<actor_mention>& actor_mentions() noexcept { return actor_mentions_; }
  [[nodiscard]] std::vector<place>& places() noexcept { return places_; }
  [[nodiscard]] std::vector<place_mention>& place_mentions() noexcept { return place_mentions_; }
  [[nodiscard]] std::vector<quantity>& quantities() noexcept { return quantities_; }
  [[nodiscard]] std::vector<date_mention>& dates() noexcept { return dates_; }
  [[nodiscard]] std::vector<quote>& quotes() noexcept { return quotes_; }
  [[nodiscard]] std::vector<tagged_name>& tagged_names() noexcept { return tagged_names_; }

  // Findings of kinds beyond the built-in ones (annotation_kind.hpp), one store per kind name, created on
  // first use. Throws usage_error when the name is a built-in kind's or is taken by another type.
  template <named_annotation_kind T>
  [[nodiscard]] std::vector<T>& annotations() {
    return annotations<T>(T::kind_name);
  }
  template <annotation_kind T>
  [[nodiscard]] std::vector<T>& annotations(std::string_view kind) {
    if (auto* store = find_store<T>(kind)) return store->items;
    for (auto builtin : builtin_kind_names) {
      if (kind == builtin) throw usage_error("quarry::document: '" + std::string(kind) + "' is a built-in kind");
    }
    if (kind.empty()) throw usage_error("quarry::document: a kind needs a name");
    auto store = std::make_unique<detail::typed_store<T>>(std::string(kind));
    auto& items = store->items;
    kinds_.push_back(std::move(store));
    return items;
  }
  // Read access: empty when no stage added the kind.
  template <named_annotation_kind T>
  [[nodiscard]] const std::vector<T>& annotations() const {
    return annotations<T>(T::kind_name);
  }
  template <annotation_kind T>
  [[nodiscard]] const std::vector<T>& annotations(std::string_view kind) const {
    static const std::vector<T> none;
    const auto* store = find_store<T>(kind);
    return store ? store->items : none;
  }
  // Every store of a kind beyond the built-in ones, in the order they were added: what the writers print.
  [[nodiscard]] const std::vector<std::unique_ptr<annotation_store>>& user_kinds() const noexcept { return kinds_; }
  // The store named like `like`, made empty of the same type when absent (for merging documents).
  [[nodiscard]] annotation_store& store_like(const annotation_store& like) {
    for (auto& k : kinds_) {
      if (k->name() == like.name()) {
        if (k->type() != like.type()) throw usage_error("quarry::document: kind '" + like.name() + "' holds another type");
        return *k;
      }
    }
    kinds_.push_back(like.empty_like());
    return *kinds_.back();
  }

  // Which layers have been produced (see quarry::layer); stages mark what they did.
  [[nodiscard]] unsigned done() const noexcept { return done_; }
  void mark_done(unsigned layers) noexcept { done_ |= layers; }

  // Index of the sentence holding token i (binary search); sentences().size() when none.
  [[nodiscard]] std::size_t sentence_of(std::uint32_t i) const noexcept {
    std::size_t lo = 0, hi = sentences_.size();
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (sentences_[mid].last <= i) lo = mid + 1; else hi = mid;
    }
    return lo < sentences_.size() && sentences_[lo].contains(i) ? lo : sentences_.size();
  }

 private:
  static void check_size(std::size_t n) {
    if (n > max_size) throw usage_error("quarry::document: text of " + std::to_string(n) +
                                        " bytes is over the 4 GiB limit of one document");
  }

  template <class Doc>
  void take_fields(Doc&& o) {
    name_ = std::forward<Doc>(o).name_;
    date_ = o.date_;
    tokens_ = std::forward<Doc>(o).tokens_;
    sentences_ = std::forward<Doc>(o).sentences_;
    paragraphs_ = std::forward<Doc>(o).paragraphs_;
    actors_ = std::forward<Doc>(o).actors_;
    actor_mentions_ = std::forward<Doc>(o).actor_mentions_;
    places_ = std::forward<Doc>(o).places_;
    place_mentions_ = std::forward<Doc>(o).place_mentions_;
    quantities_ = std::forward<Doc>(o).quantities_;
    dates_ = std::forward<Doc>(o).dates_;
    quotes_ = std::forward<Doc>(o).quotes_;
    tagged_names_ = std::forward<Doc>(o).tagged_names_;
    done_ = o.done_;
  }
  void copy_fields(const document& o) {
    take_fields(o);
    kinds_.clear();
    for (const auto& k : o.kinds_) kinds_.push_back(k->clone());
  }
  void move_fields(document&& o) noexcept {
    take_fields(std::move(o));
    kinds_ = std::move(o.kinds_);
  }

  template <annotation_kind T>
  [[nodiscard]] detail::typed_store<T>* find_store(std::string_view kind) const {
    for (const auto& k : kinds_) {
      if (k->name() != kind) continue;
      if (k->type() != &detail::kind_tag<T>) {
        throw usage_error("quarry::document: kind '" + std::string(kind) + "' holds another type");
      }
      return static_cast<detail::typed_store<T>*>(k.get());
    }
    return nullptr;
  }

  std::string owned_;
  bool owns_ = false;
  std::string_view text_;
  std::string name_;
  std::optional<calendar_date> date_;
  std::vector<token> tokens_;
  std::vector<token_range> sentences_;
  std::vector<token_range> paragraphs_;
  std::vector<actor> actors_;
  std::vector<actor_mention> actor_mentions_;
  std::vector<place> places_;
  std::vector<place_mention> place_mentions_;
  std::vector<quantity> quantities_;
  std::vector<date_mention> dates_;
  std::vector<quote> quotes_;
  std::vector<tagged_name> tagged_names_;
  std::vector<std::unique_ptr<annotation_store>> kinds_;
  unsigned done_ = 0;
};

}  // namespace v0
}  // namespace quarry
