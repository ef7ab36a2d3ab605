// libFuzzer target: the whole pipeline (every extractor quarry/quarry.hpp has) on any bytes, then JSON.
// Checks the invariants of fuzz/invariants.hpp on the document, that a reused document gives the same
// result as a fresh one, and that the JSON is valid UTF-8 that parses (nlohmann-json) with the offsets
// of the document.
#include <quarry/quarry.hpp>

#include <nlohmann/json.hpp>

#include "invariants.hpp"

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

const auto& pipeline() {
  static const auto p = quarry::make_pipeline(quarry::tokenizer{}
#if __has_include(<quarry/extract/locations.hpp>)
                                              , quarry::locations{}
#endif
#if __has_include(<quarry/extract/actors.hpp>)
                                              , quarry::actors{}
#endif
#if __has_include(<quarry/extract/quantities.hpp>)
                                              , quarry::quantities{}
#endif
#if __has_include(<quarry/extract/dates.hpp>)
                                              , quarry::dates{quarry::calendar_date{2024, 1, 27}}
#endif
#if __has_include(<quarry/extract/actors.hpp>) && __has_include(<quarry/extract/quotes.hpp>)
                                              , quarry::quotes{}
#endif
  );
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static quarry::document reused;
  pipeline()(reused, text);
  if (auto e = quarry_fuzz::check_document(reused); !e.empty()) fail(e);

  const std::string json = quarry::to_json(reused);
  const quarry::document fresh = pipeline()(text);
  if (quarry::to_json(fresh) != json) fail("a reused document gives a different result from a fresh one");

  if (quarry::find_invalid_utf8(json)) fail("JSON output is not valid UTF-8");
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(json);
  } catch (const std::exception& e) {
    fail(std::string("JSON output does not parse: ") + e.what());
  }
  if (parsed["quotes"].size() != reused.quotes().size()) fail("JSON quote count differs from the document's");
  for (const char* key : {"actors", "locations", "quantities", "dates", "quotes"}) {
    for (const auto& item : parsed[key]) {
      if (item["end"].get<std::size_t>() > size || item["begin"].get<std::size_t>() > item["end"].get<std::size_t>()) {
        fail(std::string("JSON ") + key + " offsets outside the input");
      }
    }
  }
  std::string report;
  quarry::write_report(report, reused);
  if (quarry::find_invalid_utf8(report)) fail("text report is not valid UTF-8");
  return 0;
}
