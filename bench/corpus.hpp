// bench/corpus.hpp: the texts every benchmark runs on: the bundled sample article, and every .txt
// file in the folder named by the QUARRY_BENCH_CORPUS environment variable when it is set.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

namespace quarry_bench {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// name -> text, the sample first.
inline const std::vector<std::pair<std::string, std::string>>& corpus() {
  static const auto texts = [] {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("sample", read_text(std::filesystem::path(QUARRY_SAMPLE_DIR) / "sample.txt"));
    if (const char* dir = std::getenv("QUARRY_BENCH_CORPUS")) {
      std::vector<std::filesystem::path> files;
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) out.emplace_back(f.stem().string(), read_text(f));
    }
    return out;
  }();
  return texts;
}

// All corpus texts joined with blank lines: one larger text for steady-state throughput.
inline const std::string& joined_corpus() {
  static const std::string all = [] {
    std::string s;
    for (const auto& [name, text] : corpus()) { s += text; s += "\n\n"; }
    return s;
  }();
  return all;
}

// Registers fn(state, text) once for the joined corpus and once per corpus text.
template <class Fn>
void register_on_corpus(const std::string& name, Fn fn) {
  benchmark::RegisterBenchmark((name + "/all").c_str(), [fn](benchmark::State& st) { fn(st, joined_corpus()); });
  for (const auto& [doc, text] : corpus()) {
    const std::string* t = &text;
    benchmark::RegisterBenchmark((name + "/" + doc).c_str(), [fn, t](benchmark::State& st) { fn(st, *t); });
  }
}

}  // namespace quarry_bench
