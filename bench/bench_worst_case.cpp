// Worst-case throughput: the whole pipeline on crafted inputs (endless names, titles, honorifics,
// abbreviations, numbers, quote marks...) next to news text of the same size, one thread. Extraction
// must stay linear: every crafted input should run within 3x of news text's bytes/second. Each
// benchmark reports "vs_news", news text's time per byte over its own (1.0 = as fast as news, 0.33 =
// three times slower), with news measured by the "worst_case/news" benchmark in the same run.
#include <benchmark/benchmark.h>

#include <quarry/quarry.hpp>

#include "corpus.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace {

constexpr std::size_t input_bytes = 256 * 1024;

std::string repeat_to_size(std::string_view unit) {
  std::string s;
  s.reserve(input_bytes + unit.size());
  while (s.size() < input_bytes) s += unit;
  return s;
}

const auto& extract() {
  static const auto p = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                              quarry::quantities{}, quarry::dates{}, quarry::quotes{});
  return p;
}

double news_seconds_per_byte = 0;  // set by worst_case/news, which is registered (and so runs) first

void run(benchmark::State& state, const std::string& text, bool is_news) {
  quarry::document doc;
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    extract()(doc, text);
    benchmark::DoNotOptimize(doc.tokens().data());
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  const double bytes = static_cast<double>(state.iterations()) * static_cast<double>(text.size());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["actors"] = static_cast<double>(doc.actors().size());
  state.counters["quotes"] = static_cast<double>(doc.quotes().size());
  if (bytes <= 0) return;
  const double seconds_per_byte = elapsed.count() / bytes;
  if (is_news) news_seconds_per_byte = seconds_per_byte;
  if (news_seconds_per_byte > 0) state.counters["vs_news"] = news_seconds_per_byte / seconds_per_byte;
}

const bool registered = [] {
  benchmark::RegisterBenchmark("worst_case/news", [](benchmark::State& st) {
    static const std::string news = repeat_to_size(quarry_bench::joined_corpus());
    run(st, news, true);
  })->Unit(benchmark::kMillisecond);
  static const std::pair<const char*, std::string_view> inputs[] = {
      {"endless_name", "Abu Mahdi "},
      {"endless_title", "President "},
      {"capitalised_words", "Alpha Bravo Charlie Delta Echo "},
      {"headline_case", "Minister Says Talks With Rebels Will Resume Soon "},
      {"honorifics", "Ms. "},
      {"honorifics_and_titles", "Dr. Gen. "},
      {"titles_with_names", "Sen. Warren "},
      {"initials", "A. B. C. D. "},
      {"abbreviations", "U.S. "},
      {"months", "Jan. "},
      {"number_signs", "No. "},
      {"numbers", "12 "},
      {"quantities", "2,500 troops and "},
      {"ranges", "about 10 to 20 "},
      {"dates", "on Monday, Jan. 25, 2024, "},
      {"possessives", "Iraq's "},
      {"particles", "al-Sudani al-Muhandis "},
      {"places", "Baghdad, Iraq, "},
      {"speech_verbs", "said "},
      {"attribution_chains", "Mr. Smith said he said she said "},
      {"open_quotes", "\xE2\x80\x9C" "He said "},
      {"close_quotes", "\xE2\x80\x9D" " said Ms. Singh. "},
      {"straight_quotes", "\"a \"b 'c 'd "},
      {"quote_marks_only", "\"\xE2\x80\x9C\xE2\x80\x9D'"},
      {"digits_no_space", "1234567890"},
      {"letters_no_space", "abcdefghij"},
  };
  for (const auto& [name, unit] : inputs) {
    const std::string_view u = unit;
    benchmark::RegisterBenchmark((std::string("worst_case/") + name).c_str(), [u](benchmark::State& st) {
      const std::string text = repeat_to_size(u);
      run(st, text, false);
    })->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
