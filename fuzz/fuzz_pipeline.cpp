// libFuzzer target: the extractors on any bytes. The first byte of the input picks what runs on the rest:
// the whole pipeline (every extractor, then JSON, checked hardest), or one extractor alone after only the
// stages it needs, so that a stage's rules are also fuzzed without the layers the others would give it.
// Checks the invariants of fuzz/invariants.hpp on the document and that a reused document gives the same
// result as a fresh one; for the whole pipeline also that the JSON is valid UTF-8 that parses
// (nlohmann-json) with the offsets of the document, and that the text report is valid UTF-8.
// (One target rather than one per extractor: each target is a full sanitized build in CI's budget.)
#include <quarry/quarry.hpp>

#include <nlohmann/json.hpp>

#include "invariants.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "quarry fuzz_pipeline: invariant broken: %s\n", what.c_str());
  std::abort();
}

const auto& whole_pipeline() {
  static const auto p = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                              quarry::quantities{}, quarry::dates{quarry::calendar_date{2024, 1, 27}},
                                              quarry::quotes{});
  return p;
}

// One pipeline per extractor: the tokenizer, what the extractor needs, and the extractor.
const std::array<quarry::any_pipeline, 5>& single_stages() {
  static const auto all = [] {
    std::array<quarry::any_pipeline, 5> p;
    p[0].add(quarry::tokenizer{}).add(quarry::locations{});
    p[1].add(quarry::tokenizer{}).add(quarry::actors{});
    p[2].add(quarry::tokenizer{}).add(quarry::quantities{});
    p[3].add(quarry::tokenizer{}).add(quarry::dates{});  // no anchor: relative dates stay relative
    p[4].add(quarry::tokenizer{}).add(quarry::actors{}).add(quarry::quotes{});
    return p;
  }();
  return all;
}

void check_whole(std::string_view text) {
  static quarry::document reused;
  whole_pipeline()(reused, text);
  if (auto e = quarry_fuzz::check_document(reused); !e.empty()) fail(e);

  const quarry::json_options all_quotes{.quoted_terms = true};  // statements and quoted terms: every quote
  const std::string json = quarry::to_json(reused, all_quotes);
  const quarry::document fresh = whole_pipeline()(text);
  if (quarry::to_json(fresh, all_quotes) != json) fail("a reused document gives a different result from a fresh one");

  if (quarry::find_invalid_utf8(json)) fail("JSON output is not valid UTF-8");
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(json);
  } catch (const std::exception& e) {
    fail(std::string("JSON output does not parse: ") + e.what());
  }
  const auto statements = static_cast<std::size_t>(std::count_if(
      reused.quotes().begin(), reused.quotes().end(), [](const quarry::quote& q) { return q.statement; }));
  if (parsed["quotes"].size() != statements ||
      parsed["quotes"].size() + parsed["quoted_terms"].size() != reused.quotes().size()) {
    fail("JSON quote count differs from the document's");
  }
  for (const char* key : {"actors", "locations", "quantities", "dates", "quotes", "quoted_terms"}) {
    for (const auto& item : parsed[key]) {
      if (item["end"].get<std::size_t>() > text.size() ||
          item["begin"].get<std::size_t>() > item["end"].get<std::size_t>()) {
        fail(std::string("JSON ") + key + " offsets outside the input");
      }
    }
  }
  std::string report;
  quarry::write_report(report, reused);
  if (quarry::find_invalid_utf8(report)) fail("text report is not valid UTF-8");
}

void check_single(const quarry::any_pipeline& p, std::string_view text) {
  static quarry::document reused;
  p(reused, text);
  if (auto e = quarry_fuzz::check_document(reused); !e.empty()) fail(e);
  quarry::document fresh;
  p(fresh, text);
  if (quarry::to_json(fresh) != quarry::to_json(reused)) fail("a reused document gives a different result from a fresh one");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Three eighths of the inputs go through the whole pipeline, the rest through one extractor each.
  const unsigned pick = data[0] % 8u;
  if (pick < 3) {
    check_whole(text);
  } else {
    check_single(single_stages()[pick - 3], text);
  }
  return 0;
}
