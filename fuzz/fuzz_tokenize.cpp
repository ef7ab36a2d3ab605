// libFuzzer target: the tokenizer and sentence splitter on any bytes. Checks the invariants of
// fuzz/invariants.hpp, that strict mode throws exactly when the text is not valid UTF-8 and names the
// first bad byte, that strict and lenient modes agree on valid text, and that the U+FFFD copy is valid.
#include <quarry/text/sentences.hpp>
#include <quarry/text/tokenize.hpp>
#include <quarry/tokenizer.hpp>

#include "invariants.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "quarry fuzz_tokenize: invariant broken: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // One document reused across inputs, as a long-running service does.
  static quarry::document doc;
  doc.borrow(text);
  quarry::tokenizer{}(doc);
  if (auto e = quarry_fuzz::check_tokens(text, doc.tokens()); !e.empty()) fail(e);
  if (auto e = quarry_fuzz::check_ranges(doc); !e.empty()) fail(e);

  // Reuse must not change the result: a fresh tokenization gives the same tokens.
  std::vector<quarry::token> fresh;
  quarry::tokenize(text, fresh);
  if (fresh.size() != doc.tokens().size()) fail("a reused document gives a different token count");
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    if (fresh[i].begin != doc.tokens()[i].begin || fresh[i].end != doc.tokens()[i].end ||
        fresh[i].kind != doc.tokens()[i].kind) {
      fail("a reused document gives a different token #" + std::to_string(i));
    }
  }

  const auto bad = quarry::find_invalid_utf8(text);
  std::vector<quarry::token> strict;
  try {
    quarry::tokenize(text, strict, quarry::tokenize_options{.strict_utf8 = true});
    if (bad) fail("strict mode accepted invalid UTF-8 at offset " + std::to_string(*bad));
    if (strict.size() != fresh.size()) fail("strict and lenient modes disagree on valid UTF-8");
  } catch (const quarry::utf8_error& e) {
    if (!bad) fail("strict mode rejected valid UTF-8");
    if (e.offset() != *bad) fail("strict mode named offset " + std::to_string(e.offset()) + ", not " + std::to_string(*bad));
  }
  for (const auto& t : fresh) {
    if (t.kind == quarry::token_kind::invalid && !bad) fail("an invalid token in valid UTF-8");
  }

  if (quarry::find_invalid_utf8(quarry::to_valid_utf8(text))) fail("to_valid_utf8 left invalid UTF-8");
  return 0;
}
