// pattern_rules: a user's own entities by rule (docs/extending.md). Rules come from code and from a JSON
// Lines file; a regex rule runs on RE2 over the text, a token pattern tests tokens (words, lexeme classes
// such as a first name or a title, optional and repeated elements). Each rule names its kind: a kind of the
// user's, which every output prints, or actors and locations with a canonical name.
//   pattern_rules [RULES.jsonl]   (default: examples/data/newsroom_rules.jsonl)
#include <quarry/quarry.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::string rules_path = argc > 1 ? argv[1] : QUARRY_SAMPLE_DIR "/newsroom_rules.jsonl";
  try {
    // Rules from a file (a bad line throws quarry::lexicon_error: "path:line: reason"), and one from code.
    quarry::rule_set rules;
    rules.add_file(rules_path);
    quarry::rule hashtag;
    hashtag.id = "hashtag";
    hashtag.kind = "hashtags";
    hashtag.regex = R"(#\w+)";
    rules.add(hashtag);

    // Compiled once (a regex RE2 rejects throws here, with the rule's file and line), after actors.
    const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                               quarry::patterns{rules});

    const quarry::document doc = extract(
        "Prime Minister Mark Carney said shares of Nvidia ($NVDA) would not be hit. The Fed cut rates, and "
        "a judge set case No. 24-1187 for trial. #markets");
    for (const std::string kind : {"tickers", "cases", "officials", "hashtags"}) {
      for (const quarry::rule_match& m : doc.annotations<quarry::rule_match>(kind)) {
        std::cout << kind << ": " << doc.text(m) << " (rule " << m.rule << ")\n";
      }
    }
    for (const auto& m : doc.actor_mentions()) std::cout << "actor: " << doc.text(m) << " -> " << doc.name_of(m.actor) << '\n';
  } catch (const quarry::error& e) {
    std::cerr << "pattern_rules: " << e.what() << '\n';
    return 2;
  }
}
