// Tokenizer and sentence splitting throughput (bytes of text per second), one thread.
#include <benchmark/benchmark.h>

#include <quarry/text/sentences.hpp>
#include <quarry/text/tokenize.hpp>
#include <quarry/tokenizer.hpp>

#include "corpus.hpp"

namespace {

void tokens_only(benchmark::State& state, const std::string& text) {
  std::vector<quarry::token> tokens;
  for (auto _ : state) {
    quarry::tokenize(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}

void tokens_and_sentences(benchmark::State& state, const std::string& text) {
  quarry::document doc;
  const quarry::tokenizer stage;
  for (auto _ : state) {
    doc.borrow(text);
    stage(doc);
    benchmark::DoNotOptimize(doc.sentences().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["sentences"] = static_cast<double>(doc.sentences().size());
}

const bool registered = [] {
  quarry_bench::register_on_corpus("tokenize", tokens_only);
  quarry_bench::register_on_corpus("tokenize+sentences", tokens_and_sentences);
  return true;
}();

}  // namespace
