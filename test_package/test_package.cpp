// A program outside quarry's tree, built against an installed quarry the way a user's is:
// find_package(quarry) or pkg-config, then extraction from a string and checks on the result.
// The same file is test_package/test_package.cpp (scripts/check-consumer.sh checks they agree).
#include <quarry/quarry.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
int failures = 0;
void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "consumer: FAILED: %s\n", what);
    ++failures;
  }
}
}  // namespace

int main() {
  // Every extractor the installed quarry has, in an order that satisfies their needs.
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                             quarry::quantities{}, quarry::dates{}, quarry::quotes{});

  const std::string_view text =
      "Italian Prime Minister Giorgia Meloni said in Rome on Tuesday that 3,000 people had left their homes. "
      "\xE2\x80\x9CWe will not leave these families alone,\xE2\x80\x9D she said.";
  const quarry::document doc = extract(text);

  std::printf("quarry %s: %zu tokens, %zu sentences\n", quarry::version_string, doc.tokens().size(),
              doc.sentences().size());
  check(std::string_view(quarry::version_string) == QUARRY_VERSION_STRING, "version_string matches the macro");
#ifdef QUARRY_FOUND_VERSION
  check(std::string_view(QUARRY_FOUND_VERSION) == quarry::version_string,
        "find_package(quarry) reports the headers' version");
#endif
  check(doc.text() == text, "the document holds the text");
  check(doc.tokens().size() > 20, "the text is tokenized");
  check(doc.sentences().size() == 2, "two sentences");
  check(!doc.tokens().empty() && doc.text(doc.tokens().front()) == "Italian", "first token");
  const std::string json = quarry::to_json(doc);
  check(json.find("\"quotes\"") != std::string::npos, "JSON output has the schema's fields");

  bool meloni = false;
  for (const auto& a : doc.actors()) {
    std::printf("actor: %s\n", a.name.c_str());
    meloni = meloni || a.name.find("Meloni") != std::string::npos;
  }
  check(meloni, "Giorgia Meloni is an actor");
  bool rome = false;
  for (const auto& p : doc.places()) {
    std::printf("place: %s\n", p.name.c_str());
    rome = rome || p.name == "Rome";
  }
  check(rome, "Rome is a place");

  if (failures == 0) std::printf("consumer: OK\n");
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
