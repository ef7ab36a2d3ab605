// Pattern rules at scale: compiling 10,000 rules (regex, token patterns, both), and the patterns stage's
// speed with them (bytes of text per second, one thread, on tokenized documents: the tokenizer is measured
// in bench_tokenize). The rules are a newsroom's lists: names of companies and vessels made of two words,
// and identifiers with digits, most of which never occur in the text.
#include <benchmark/benchmark.h>

#include <quarry/extract/patterns.hpp>
#include <quarry/tokenizer.hpp>

#include <cctype>
#include <cstdio>
#include <string>

#include "corpus.hpp"

namespace {

constexpr const char* first_parts[] = {
    "Vorkan", "Delphin", "Arcturus", "Belmont", "Cobalt", "Dunmore", "Eastgate", "Fairhaven", "Granite", "Harbor",
    "Ironwood", "Juniper", "Keystone", "Lakeshore", "Meridian", "Northstar", "Oakridge", "Pinnacle", "Quarryman",
    "Redwood", "Silverline", "Tidewater", "Upland", "Vanguard", "Westbrook", "Yellowstone", "Zenith", "Atlas",
    "Beacon", "Crescent", "Driftwood", "Evergreen", "Falcon", "Glacier", "Horizon", "Inland", "Jasper", "Kingfisher",
    "Lighthouse", "Mariner", "Nautilus", "Orion", "Pelican", "Quantum", "Riverside", "Summit", "Trident", "Unity",
    "Valiant", "Windward", "Apex", "Bluewater", "Cedar", "Dolphin", "Ember", "Frontier", "Gulfstream", "Highland",
    "Icefield", "Jetstream", "Kestrel", "Lodestar", "Monarch", "Neptune", "Osprey", "Prairie", "Quill", "Rampart",
    "Sequoia", "Tundra", "Umbra", "Vertex", "Wildrose", "Xenon", "Yarrow", "Zephyr", "Anchor", "Bastion", "Citadel",
    "Dynamo", "Equinox", "Fjord", "Gemini", "Halcyon", "Isthmus", "Javelin", "Kodiak", "Lantern", "Magellan",
    "Nimbus", "Obsidian", "Polaris", "Quasar", "Regent", "Sentinel", "Talon", "Ultramar", "Voyager", "Whitecap",
    "Yukon"};
constexpr const char* second_parts[] = {
    "Holdings", "Shipping", "Trading", "Maritime", "Capital", "Logistics", "Energy", "Minerals", "Partners",
    "Group", "Industries", "Ventures", "Resources", "Petroleum", "Metals", "Marine", "Freight", "Tankers",
    "Carriers", "Navigation", "Exports", "Imports", "Finance", "Investments", "Securities", "Systems",
    "Technologies", "Aviation", "Chemicals", "Agro", "Textiles", "Mining", "Steel", "Cement", "Foods",
    "Pharma", "Telecom", "Networks", "Media", "Construction", "Engineering", "Dynamics", "Solutions",
    "Services", "Enterprises", "Corporation", "Limited", "Company", "Associates", "Alliance", "Brokers",
    "Lines", "Ports", "Terminals", "Drilling", "Refining", "Gas", "Power", "Grid", "Solar", "Wind", "Nuclear",
    "Hydro", "Coal", "Uranium", "Lithium", "Copper", "Gold", "Silver", "Diamonds", "Timber", "Paper",
    "Plastics", "Rubber", "Glass", "Machinery", "Motors", "Rail", "Trucking", "Airlines", "Cargo",
    "Warehousing", "Packaging", "Printing", "Publishing", "Broadcasting", "Software", "Semiconductors",
    "Electronics", "Devices", "Instruments", "Optics", "Robotics", "Biotech", "Genomics", "Health",
    "Hospitals", "Insurance", "Bank", "Trust"};

std::string name_of(int i) { return std::string(first_parts[i % 100]) + " " + second_parts[(i / 100) % 100]; }

// n rules: half regex (a name, or an identifier with digits), half token patterns (a name's two words).
quarry::rule_set make_rules(int n, bool regex, bool tokens) {
  quarry::rule_set rules;
  for (int i = 0; i < n; ++i) {
    quarry::rule r;
    char id[32];
    std::snprintf(id, sizeof id, "r%05d", i);
    r.id = id;
    const bool as_regex = regex && (!tokens || i % 2 == 0);
    if (as_regex) {
      r.kind = i % 4 == 0 ? "sanctions" : "companies";
      r.regex = i % 4 == 0 ? "\\bSDN-" + std::to_string(10000 + i) + "\\b" : "\\b" + name_of(i) + "\\b";
    } else {
      r.kind = "vessels";
      const int k = i + 7;  // other names than the regex rules'
      r.tokens = {quarry::token_test{{}, {}, {}, 1, 1}, quarry::token_test{{}, {}, {}, 1, 1}};
      r.tokens[0].lower = {[&] { std::string w = first_parts[k % 100]; for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c))); return w; }()};
      r.tokens[1].text = {second_parts[(k / 100) % 100]};
    }
    rules.add(std::move(r));
  }
  return rules;
}

void rules_compile(benchmark::State& state, bool regex, bool tokens) {
  const quarry::rule_set rules = make_rules(static_cast<int>(state.range(0)), regex, tokens);
  for (auto _ : state) {
    const quarry::patterns stage{rules};
    benchmark::DoNotOptimize(stage.size());
  }
  state.counters["rules"] = static_cast<double>(rules.size());
}
BENCHMARK_CAPTURE(rules_compile, regex, true, false)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(rules_compile, tokens, false, true)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(rules_compile, mixed, true, true)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);

// The stage alone on a tokenized document; a few of the rules' names are planted in the text so the rules
// that match do their second pass.
void rules_match(benchmark::State& state, const std::string& base, bool regex, bool tokens) {
  static const quarry::patterns regex_stage{make_rules(10000, true, false)};
  static const quarry::patterns token_stage{make_rules(10000, false, true)};
  static const quarry::patterns mixed_stage{make_rules(10000, true, true)};
  const quarry::patterns& stage = regex && tokens ? mixed_stage : regex ? regex_stage : token_stage;
  const std::string text = base + "\n\nShares of " + name_of(3) + " and the tanker owner " + name_of(3 + 7) +
                           " fell after SDN-10004 was listed.\n";
  quarry::document doc(text);
  quarry::tokenizer{}(doc);
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& kind : stage.kinds()) doc.annotations<quarry::rule_match>(kind).clear();
    stage(doc);
    found = 0;
    for (const auto& k : doc.user_kinds()) found += k->size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["matches"] = static_cast<double>(found);
}

const bool registered = [] {
  quarry_bench::register_on_corpus("rules_match/regex_10000", [](benchmark::State& s, const std::string& t) { rules_match(s, t, true, false); });
  quarry_bench::register_on_corpus("rules_match/tokens_10000", [](benchmark::State& s, const std::string& t) { rules_match(s, t, false, true); });
  quarry_bench::register_on_corpus("rules_match/mixed_10000", [](benchmark::State& s, const std::string& t) { rules_match(s, t, true, true); });
  return true;
}();

}  // namespace
