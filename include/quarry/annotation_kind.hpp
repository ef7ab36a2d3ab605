// quarry/annotation_kind.hpp: kinds of finding that are not built into quarry (a user's stage's, a rule's).
// A kind is a plain type with a span `where`; its traits sit next to it: a name, the members that are
// spans (shifted when a long text is cut into pieces) and the fields it writes. The document keeps one
// annotation_store per kind, and the JSON writer and the text report print every store, so a new kind
// reaches every output format without an edit to quarry.
#pragma once

#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "quarry/text/token.hpp"

namespace quarry {
inline namespace v0 {

// Where a kind's own fields go (beyond the text, begin and end every finding has). io/json.hpp writes
// them as JSON members, io/report.hpp as "key=value" after the text.
class field_writer {
 public:
  virtual void text(std::string_view key, std::string_view value) = 0;
  virtual void number(std::string_view key, std::optional<double> value) = 0;
  virtual void boolean(std::string_view key, bool value) = 0;
  // The document's text at where (null in JSON when where is empty).
  virtual void text_at(std::string_view key, span where) = 0;

 protected:
  field_writer() = default;
  field_writer(const field_writer&) = default;
  field_writer& operator=(const field_writer&) = default;
  ~field_writer() = default;
};

// A kind of annotation: copyable, with `span where`. Optional traits, as members of the type:
//   static constexpr std::string_view kind_name = "hashtags";  // the key in JSON; else name it at use
//   static constexpr auto span_members() { return std::tuple{&T::where, &T::object}; }  // default: where alone
//   void write_fields(quarry::field_writer& w) const;        // default: no fields of its own
template <class T>
concept annotation_kind = std::copyable<T> && requires(const T& a) {
  { a.where } -> std::convertible_to<span>;
};

template <class T>
concept named_annotation_kind = annotation_kind<T> && requires {
  { T::kind_name } -> std::convertible_to<std::string_view>;
};

// The built-in kinds' names, which a user kind may not take (they are JSON keys of every document).
inline constexpr std::string_view builtin_kind_names[] = {"doc", "actors", "locations", "quantities", "dates", "quotes"};

namespace detail {

// One address per kind type, in every translation unit: how a store checks that it holds the asked type.
template <class T>
inline constexpr char kind_tag = 0;

template <class T>
[[nodiscard]] constexpr auto span_members_of() {
  if constexpr (requires { T::span_members(); }) return T::span_members();
  else return std::tuple{&T::where};
}

[[nodiscard]] inline span shifted_span(span s, std::size_t by) noexcept {
  if (s.empty() && s.begin == 0) return s;  // an absent span stays absent
  return {static_cast<offset_t>(s.begin + by), static_cast<offset_t>(s.end + by)};
}

}  // namespace detail

// The findings of one kind in one document, seen without their type: what the writers and the document's
// copy, clear and merge need.
class annotation_store {
 public:
  virtual ~annotation_store() = default;
  annotation_store(const annotation_store&) = delete;
  annotation_store& operator=(const annotation_store&) = delete;

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] virtual std::size_t size() const noexcept = 0;
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] virtual span where(std::size_t i) const noexcept = 0;
  virtual void write_fields(std::size_t i, field_writer& w) const = 0;

  virtual void clear() noexcept = 0;
  [[nodiscard]] virtual std::unique_ptr<annotation_store> clone() const = 0;
  [[nodiscard]] virtual std::unique_ptr<annotation_store> empty_like() const = 0;
  // Appends from's findings (a store of the same kind) with every span moved by `by` bytes.
  virtual void append_shifted(const annotation_store& from, std::size_t by) = 0;

  [[nodiscard]] const void* type() const noexcept { return type_; }

 protected:
  annotation_store(std::string name, const void* type) : name_(std::move(name)), type_(type) {}

 private:
  std::string name_;
  const void* type_;
};

namespace detail {

template <annotation_kind T>
class typed_store final : public annotation_store {
 public:
  explicit typed_store(std::string name) : annotation_store(std::move(name), &kind_tag<T>) {}

  [[nodiscard]] std::size_t size() const noexcept override { return items.size(); }
  [[nodiscard]] span where(std::size_t i) const noexcept override { return items[i].where; }
  void write_fields(std::size_t i, field_writer& w) const override {
    if constexpr (requires(const T& a) { a.write_fields(w); }) items[i].write_fields(w);
  }
  void clear() noexcept override { items.clear(); }
  [[nodiscard]] std::unique_ptr<annotation_store> clone() const override {
    auto copy = std::make_unique<typed_store>(name());
    copy->items = items;
    return copy;
  }
  [[nodiscard]] std::unique_ptr<annotation_store> empty_like() const override {
    return std::make_unique<typed_store>(name());
  }
  void append_shifted(const annotation_store& from, std::size_t by) override {
    for (T item : static_cast<const typed_store&>(from).items) {
      std::apply([&](auto... member) { ((item.*member = shifted_span(item.*member, by)), ...); },
                 span_members_of<T>());
      items.push_back(std::move(item));
    }
  }

  std::vector<T> items;
};

}  // namespace detail

}  // namespace v0
}  // namespace quarry
