// Shared by the sentence splitter's tests (test_sentences.cpp, test_sentences_rules.cpp): a text split
// into tokens, sentences and paragraphs, the ranges read back as their words, and doctest printing a list
// of sentences one per line so that a failed check shows where the boundary went.
#pragma once

#include <quarry/text/sentences.hpp>
#include <quarry/text/tokenize.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace quarry_test {

using strings = std::vector<std::string>;

struct split_result {
  std::vector<quarry::token> tokens;
  std::vector<quarry::token_range> sentences;
  std::vector<quarry::token_range> paragraphs;
};

inline split_result split(std::string_view text) {
  split_result r;
  quarry::tokenize(text, r.tokens);
  quarry::split_sentences(text, r.tokens, r.sentences, r.paragraphs);
  return r;
}

// Each range as the text from its first token's start to its last token's end.
inline strings texts_of(std::string_view text, const std::vector<quarry::token>& toks,
                        const std::vector<quarry::token_range>& ranges) {
  strings out;
  for (const auto& r : ranges) {
    REQUIRE(!r.empty());
    out.emplace_back(text.substr(toks[r.first].begin, toks[r.last - 1].end - toks[r.first].begin));
  }
  return out;
}

inline strings sentences_of(std::string_view text) {
  const auto r = split(text);
  return texts_of(text, r.tokens, r.sentences);
}

inline strings paragraphs_of(std::string_view text) {
  const auto r = split(text);
  return texts_of(text, r.tokens, r.paragraphs);
}

}  // namespace quarry_test

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const auto& s : v) out += "\n  [" + s + "]";
    out += "\n}";
    return String(out.c_str());
  }
};
}  // namespace doctest
