// Actor extraction throughput (bytes of text per second), one thread: the actors stage after the
// tokenizer, and the whole pipeline with actors on (every extractor whose header exists).
#include <benchmark/benchmark.h>

#include <quarry/quarry.hpp>

#include "corpus.hpp"

namespace {

void tokenizer_and_actors(benchmark::State& state, const std::string& text) {
  const auto p = quarry::make_pipeline(quarry::tokenizer{}, quarry::actors{});
  quarry::document doc;
  for (auto _ : state) {
    p(doc, text);
    benchmark::DoNotOptimize(doc.actor_mentions().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["actors"] = static_cast<double>(doc.actors().size());
  state.counters["mentions"] = static_cast<double>(doc.actor_mentions().size());
}

// The command line's pipeline: every stage that has landed, in the order the CLI runs them.
quarry::any_pipeline whole_pipeline() {
  quarry::any_pipeline p;
  p.add(quarry::tokenizer{});
#if __has_include(<quarry/extract/locations.hpp>)
  p.add(quarry::locations{});
#endif
  p.add(quarry::actors{});
#if __has_include(<quarry/extract/quantities.hpp>)
  p.add(quarry::quantities{});
#endif
#if __has_include(<quarry/extract/dates.hpp>)
  p.add(quarry::dates{});
#endif
#if __has_include(<quarry/extract/quotes.hpp>)
  p.add(quarry::quotes{});
#endif
  return p;
}

void whole_pipeline_with_actors(benchmark::State& state, const std::string& text) {
  const auto p = whole_pipeline();
  quarry::document doc;
  for (auto _ : state) {
    p(doc, text);
    benchmark::DoNotOptimize(doc.actor_mentions().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["stages"] = static_cast<double>(p.size());
}

const bool registered = [] {
  quarry_bench::register_on_corpus("actors", tokenizer_and_actors);
  quarry_bench::register_on_corpus("pipeline_with_actors", whole_pipeline_with_actors);
  return true;
}();

}  // namespace
