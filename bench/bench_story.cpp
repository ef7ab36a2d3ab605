// Story linking (quarry::make_story) on N articles of one story, N = 10 to 1,000: the articles are
// written here from templates (people with spelling variants and shared surnames, repeated quotes,
// figures that agree and differ) and extracted once before timing; only the linking is timed. Bytes per
// second are of article text, so a flat rate across N means linking is linear in the articles.
#include <benchmark/benchmark.h>

#include <quarry/quarry.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {

// A fixed-seed generator, so every run links the same articles.
struct lcg {
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  std::uint32_t operator()(std::uint32_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % n);
  }
};

std::vector<quarry::document> story_articles(std::size_t n) {
  static const char* firsts[] = {"Katerina", "Katarina", "Jonathan", "Jonathon", "Mohammed", "Mohamed", "Olivia",
                                 "David", "Grace", "Daniel", "Luis", "Ana", "Mark", "Helen", "Samuel", "Rosa"};
  static const char* surnames[] = {"Vargas", "Rivera", "Chen", "Okafor", "Ellis", "Haddad", "Moreau", "Novak",
                                   "Tanaka", "Silva", "Kowalski", "Mensah", "Ibrahim", "Larsen", "Costa", "Petrov"};
  static const char* titles[] = {"Interior Minister", "Prime Minister", "spokeswoman", "Mayor", "General", "Coach"};
  static const char* cities[] = {"Lima", "Lisbon", "Toronto", "Chicago", "Baghdad", "Nairobi", "Manila", "Oslo"};
  static const char* statements[] = {
      "We are sending every rescue team we have to the south",
      "The jury has spoken and the people of this city have been heard",
      "This city chose to keep building and it will keep building",
      "We have been discussing this for months and the timing is not related",
      "Nobody will be left without a roof over their heads this winter",
      "The talks will continue next week in the capital with both delegations"};
  static const auto pipeline = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                                     quarry::quantities{}, quarry::dates{}, quarry::quotes{});
  lcg rng;
  std::vector<quarry::document> docs(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string text = "Officials report on the crisis\n\n";
    for (int p = 0; p < 4; ++p) {
      const std::string who = std::string(firsts[rng(16)]) + " " + surnames[rng(16)];
      const char* city = cities[rng(8)];
      text += std::string(titles[rng(6)]) + " " + who + " said on Saturday that " + std::to_string(100 + rng(4) * 5) +
              " people were killed and " + std::to_string(900 + rng(3) * 50) + " injured in " + city + ". ";
      text += "About " + std::to_string(2500 + rng(2) * 100) + " troops are deployed in " + city + ". ";
      text += "\xE2\x80\x9C" + std::string(statements[rng(6)]) + ",\xE2\x80\x9D " + who + " told reporters.\n\n";
    }
    docs[i].assign(std::move(text), "article-" + std::to_string(i));
    docs[i].set_date(quarry::calendar_date{2025, 3, 1 + static_cast<int>(i % 28)});
    pipeline(docs[i]);
  }
  return docs;
}

void story_link(benchmark::State& state) {
  const auto docs = story_articles(static_cast<std::size_t>(state.range(0)));
  std::int64_t bytes = 0;
  std::size_t mentions = 0;
  for (const auto& d : docs) {
    bytes += static_cast<std::int64_t>(d.text().size());
    mentions += d.actor_mentions().size() + d.place_mentions().size() + d.quantities().size() + d.quotes().size() +
                d.dates().size();
  }
  std::size_t actors = 0;
  for (auto _ : state) {
    const quarry::story s = quarry::make_story(docs);
    actors = s.actors.size();
    benchmark::DoNotOptimize(s.figures.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
  state.counters["articles"] = static_cast<double>(docs.size());
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["actors"] = static_cast<double>(actors);
  state.counters["us_per_article"] = benchmark::Counter(static_cast<double>(docs.size()) * 1e-6,
                                                        benchmark::Counter::kIsIterationInvariantRate |
                                                            benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(story_link)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
