// Phrase matching throughput with the full built-in gazetteer loaded (bytes of text per second, one
// thread), alone and with the tokenizer; plus the automaton's build time and memory.
#include <benchmark/benchmark.h>

#include <quarry/lexicon/geography.hpp>
#include <quarry/match/token_trie.hpp>
#include <quarry/text/tokenize.hpp>

#include <chrono>

#include "corpus.hpp"

namespace {

// Every capitalised token asks the trie, as the locations stage does.
void match_capitalised(benchmark::State& state, const std::string& text) {
  const auto g = quarry::gazetteer::builtin();
  std::vector<quarry::token> tokens;
  quarry::tokenize(text, tokens);
  std::size_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    const auto n = static_cast<std::uint32_t>(tokens.size());
    for (std::uint32_t i = 0; i < n;) {
      if (!tokens[i].has(quarry::capitalized)) { ++i; continue; }
      const auto m = g->names().longest_at(text, tokens, i);
      if (m.value) { ++hits; i = m.last; } else { ++i; }
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["matches"] = static_cast<double>(hits);
}

// Every token, leftmost-longest: the worst case for a user's case-folded lexicon.
void match_every_token(benchmark::State& state, const std::string& text) {
  const auto g = quarry::gazetteer::builtin();
  std::vector<quarry::token> tokens;
  quarry::tokenize(text, tokens);
  for (auto _ : state) {
    std::size_t hits = 0;
    g->names().for_each_match(text, tokens, [&](const auto&) { ++hits; });
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void tokenize_and_match(benchmark::State& state, const std::string& text) {
  const auto g = quarry::gazetteer::builtin();
  std::vector<quarry::token> tokens;
  for (auto _ : state) {
    quarry::tokenize(text, tokens);
    std::size_t hits = 0;
    const auto n = static_cast<std::uint32_t>(tokens.size());
    for (std::uint32_t i = 0; i < n;) {
      if (!tokens[i].has(quarry::capitalized)) { ++i; continue; }
      const auto m = g->names().longest_at(text, tokens, i);
      if (m.value) { ++hits; i = m.last; } else { ++i; }
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

// Parsing the built-in tables and building the trie, as the first use of the gazetteer does.
void gazetteer_build(benchmark::State& state) {
  std::size_t bytes = 0, phrases = 0, nodes = 0;
  for (auto _ : state) {
    const quarry::gazetteer g;
    bytes = g.memory_bytes();
    phrases = g.names().size();
    nodes = g.names().node_count();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["memory_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["phrases"] = static_cast<double>(phrases);
  state.counters["trie_nodes"] = static_cast<double>(nodes);
}
BENCHMARK(gazetteer_build)->Unit(benchmark::kMillisecond)->Iterations(3);

const bool registered = [] {
  quarry_bench::register_on_corpus("match/capitalised", match_capitalised);
  quarry_bench::register_on_corpus("match/every_token", match_every_token);
  quarry_bench::register_on_corpus("tokenize+match", tokenize_and_match);
  return true;
}();

}  // namespace
