// The locations stage's throughput (bytes of text per second, one thread), with the tokenizer.
#include <benchmark/benchmark.h>

#include <quarry/extract/locations.hpp>
#include <quarry/tokenizer.hpp>

#include "corpus.hpp"

namespace {

void tokenize_and_locate(benchmark::State& state, const std::string& text) {
  const quarry::tokenizer tok;
  const quarry::locations loc;
  quarry::document doc;
  for (auto _ : state) {
    doc.borrow(text);
    tok(doc);
    loc(doc);
    benchmark::DoNotOptimize(doc.place_mentions().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["mentions"] = static_cast<double>(doc.place_mentions().size());
}

const bool registered = [] {
  quarry_bench::register_on_corpus("tokenize+locations", tokenize_and_locate);
  return true;
}();

}  // namespace
