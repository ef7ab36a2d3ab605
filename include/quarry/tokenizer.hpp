// quarry/tokenizer.hpp: the first stage of every pipeline.
// Fills a document's tokens, sentences and paragraphs (text/tokenize.hpp, text/sentences.hpp).
#pragma once

#include "quarry/document.hpp"
#include "quarry/text/sentences.hpp"
#include "quarry/text/tokenize.hpp"

namespace quarry {
inline namespace v0 {

class tokenizer {
 public:
  static constexpr unsigned provides = layer::tokens;
  static constexpr unsigned needs = 0;

  tokenizer() = default;
  explicit tokenizer(tokenize_options options) noexcept : options_(options) {}

  // Throws utf8_error in strict mode when the text is not valid UTF-8.
  void operator()(document& doc) const {
    tokenize(doc.text(), doc.tokens(), options_);
    split_sentences(doc.text(), doc.tokens(), doc.sentences(), doc.paragraphs());
    doc.mark_done(layer::tokens);
  }

  [[nodiscard]] const tokenize_options& options() const noexcept { return options_; }

 private:
  tokenize_options options_;
};

}  // namespace v0
}  // namespace quarry
