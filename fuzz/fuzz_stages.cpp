// libFuzzer target: each extractor on its own, after only the stages it needs, so that a stage's rules are
// fuzzed without the layers the whole pipeline would give it (fuzz_pipeline runs them all together).
// The first byte of the input picks the stage; the rest is the text. Checks the invariants of
// fuzz/invariants.hpp and that a reused document gives the same annotations as a fresh one.
#include <quarry/quarry.hpp>

#include "invariants.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "quarry fuzz_stages: invariant broken: %s\n", what.c_str());
  std::abort();
}

// One pipeline per extractor: the tokenizer, what the extractor needs, and the extractor.
const std::array<quarry::any_pipeline, 6>& pipelines() {
  static const auto all = [] {
    std::array<quarry::any_pipeline, 6> p;
    p[0].add(quarry::tokenizer{}).add(quarry::locations{});
    p[1].add(quarry::tokenizer{}).add(quarry::actors{});
    p[2].add(quarry::tokenizer{}).add(quarry::quantities{});
    p[3].add(quarry::tokenizer{}).add(quarry::dates{});                                  // no anchor
    p[4].add(quarry::tokenizer{}).add(quarry::dates{quarry::calendar_date{2024, 2, 29}});  // leap day anchor
    p[5].add(quarry::tokenizer{}).add(quarry::actors{}).add(quarry::quotes{});
    return p;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& p = pipelines()[data[0] % pipelines().size()];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  static quarry::document reused;
  p(reused, text);
  if (auto e = quarry_fuzz::check_document(reused); !e.empty()) fail(e);
  const std::string json = quarry::to_json(reused);
  quarry::document fresh;
  p(fresh, text);
  if (quarry::to_json(fresh) != json) fail("a reused document gives a different result from a fresh one");
  return 0;
}
