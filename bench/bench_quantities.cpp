// Quantity and date extraction throughput (bytes of text per second), one thread: each stage alone
// on an already tokenized document, and tokenizer + quantities + dates together.
#include <benchmark/benchmark.h>

#include <quarry/extract/dates.hpp>
#include <quarry/extract/quantities.hpp>
#include <quarry/pipeline.hpp>
#include <quarry/tokenizer.hpp>

#include "corpus.hpp"

namespace {

// Runs one stage repeatedly on a tokenized document, clearing only what the stage writes.
template <class Stage, class Clear>
void stage_only(benchmark::State& state, const std::string& text, const Stage& stage, Clear clear) {
  quarry::document doc;
  doc.borrow(text);
  quarry::tokenizer{}(doc);
  std::size_t found = 0;
  for (auto _ : state) {
    clear(doc);
    stage(doc);
    found = doc.quantities().size() + doc.dates().size();
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["found"] = static_cast<double>(found);
}

void quantities_stage(benchmark::State& state, const std::string& text) {
  const quarry::quantities stage;
  stage_only(state, text, stage, [](quarry::document& d) { d.quantities().clear(); });
}

void dates_stage(benchmark::State& state, const std::string& text) {
  const quarry::dates stage(quarry::calendar_date{2024, 1, 28});
  stage_only(state, text, stage, [](quarry::document& d) { d.dates().clear(); });
}

void amounts_pipeline(benchmark::State& state, const std::string& text) {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::quantities{}, quarry::dates{});
  quarry::document doc;
  for (auto _ : state) {
    extract(doc, text);
    benchmark::DoNotOptimize(doc.quantities().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

const bool registered = [] {
  quarry_bench::register_on_corpus("quantities", quantities_stage);
  quarry_bench::register_on_corpus("dates", dates_stage);
  quarry_bench::register_on_corpus("tokenizer+quantities+dates", amounts_pipeline);
  return true;
}();

}  // namespace
