// Name tagger throughput (bytes of text per second), one thread: the tagger after the tokenizer, and the
// command line's whole pipeline with and without the tagger, side by side in one run (the ratio is the
// figure to quote; the machine is shared).
#include <benchmark/benchmark.h>

#include <quarry/kinds.hpp>
#include <quarry/quarry.hpp>

#include "corpus.hpp"

namespace {

void tokenizer_and_tagger(benchmark::State& state, const std::string& text) {
  const auto p = quarry::make_pipeline(quarry::tokenizer{}, quarry::tagged_names{});
  quarry::document doc;
  for (auto _ : state) {
    p(doc, text);
    benchmark::DoNotOptimize(doc.tagged_names().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["names"] = static_cast<double>(doc.tagged_names().size());
}

void pipeline(benchmark::State& state, const std::string& text, bool with_tagger) {
  quarry::kinds_options o;
  if (with_tagger) o.model = quarry::builtin_tagger_model();
  const auto p = quarry::make_kinds_pipeline(quarry::all_kinds, std::move(o));
  quarry::document doc;
  for (auto _ : state) {
    p(doc, text);
    benchmark::DoNotOptimize(doc.actor_mentions().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

const bool registered = [] {
  quarry_bench::register_on_corpus("tagger", tokenizer_and_tagger);
  quarry_bench::register_on_corpus("pipeline_rules_only", [](benchmark::State& s, const std::string& t) { pipeline(s, t, false); });
  quarry_bench::register_on_corpus("pipeline_with_tagger", [](benchmark::State& s, const std::string& t) { pipeline(s, t, true); });
  return true;
}();

}  // namespace
