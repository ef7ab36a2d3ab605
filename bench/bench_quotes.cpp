// Quote extraction throughput (bytes of text per second, one thread): the quotes stage alone on a
// document already tokenized and with its actors found, and the whole pipeline from raw text.
#include <benchmark/benchmark.h>

#include <quarry/extract/actors.hpp>
#include <quarry/extract/quotes.hpp>
#include <quarry/pipeline.hpp>
#include <quarry/tokenizer.hpp>
#if __has_include(<quarry/extract/locations.hpp>)
#include <quarry/extract/locations.hpp>
#endif
#if __has_include(<quarry/extract/quantities.hpp>)
#include <quarry/extract/quantities.hpp>
#endif
#if __has_include(<quarry/extract/dates.hpp>)
#include <quarry/extract/dates.hpp>
#endif

#include "corpus.hpp"

namespace {

void quotes_stage(benchmark::State& state, const std::string& text) {
  quarry::document doc;
  doc.borrow(text);
  quarry::tokenizer{}(doc);
  quarry::actors{}(doc);
  const quarry::quotes stage;
  for (auto _ : state) {
    stage(doc);
    benchmark::DoNotOptimize(doc.quotes().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["quotes"] = static_cast<double>(doc.quotes().size());
}

auto whole_pipeline() {
  return quarry::make_pipeline(quarry::tokenizer{},
#if __has_include(<quarry/extract/locations.hpp>)
                               quarry::locations{},
#endif
                               quarry::actors{},
#if __has_include(<quarry/extract/quantities.hpp>)
                               quarry::quantities{},
#endif
#if __has_include(<quarry/extract/dates.hpp>)
                               quarry::dates{},
#endif
                               quarry::quotes{});
}

void pipeline_with_quotes(benchmark::State& state, const std::string& text) {
  const auto extract = whole_pipeline();
  quarry::document doc;
  for (auto _ : state) {
    extract(doc, text);
    benchmark::DoNotOptimize(doc.quotes().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["quotes"] = static_cast<double>(doc.quotes().size());
}

const bool registered = [] {
  quarry_bench::register_on_corpus("quotes", quotes_stage);
  quarry_bench::register_on_corpus("pipeline(all stages)", pipeline_with_quotes);
  return true;
}();

}  // namespace
