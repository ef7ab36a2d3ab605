// custom_lexicon: teaching quarry a newsroom's own words at run time, without rebuilding it.
// Aliases (nicknames, acronyms, other names of an actor) come from a TSV file and from code; speech
// verbs the built-in list lacks are added so quotes find their speakers through them. Lexicons are
// built once, before the pipeline, and shared read-only by every thread that runs it.
// Places come from a TSV file too (name, kind, country, lat, lon, aliases): a town the built-in
// gazetteer does not know.
//   custom_lexicon [ALIASES.tsv [PLACES.tsv]]   (default: examples/data/custom_aliases.tsv, custom_places.tsv)
#include <quarry/quarry.hpp>

#include <iostream>
#include <memory>
#include <string>

int main(int argc, char** argv) {
  const std::string aliases_path = argc > 1 ? argv[1] : QUARRY_SAMPLE_DIR "/custom_aliases.tsv";
  const std::string places_path = argc > 2 ? argv[2] : QUARRY_SAMPLE_DIR "/custom_places.tsv";
  try {
    // The built-in aliases, then a file's (alias<TAB>canonical name[<TAB>kind]), then one from code.
    quarry::alias_table aliases = quarry::alias_table::with_builtin();
    aliases.add_tsv(aliases_path);
    aliases.add("the Walks ministry", "Ministry of Silly Walks", quarry::actor_kind::organization);

    // The built-in speech verbs and two of our own word forms.
    quarry::speech_verb_set verbs;
    verbs.add("harrumphed").add("harrumphs");

    // The built-in places and a file's (name<TAB>kind<TAB>country<TAB>lat<TAB>lon<TAB>aliases).
    quarry::gazetteer_options places;
    places.files.push_back(places_path);
    auto gazetteer = std::make_shared<const quarry::gazetteer>(places);

    const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{gazetteer},
                                               quarry::actors{std::move(aliases)},
                                               quarry::quotes{std::move(verbs)});
    const quarry::document doc = extract(
        "\xE2\x80\x9CNot on my watch,\xE2\x80\x9D Mayor Ana Ruiz harrumphed on Sunday in Little Wobbling. "
        "The Silly Walks ministry said MoSW would publish new rules for Wobbling.");

    for (const auto& a : doc.actors()) std::cout << "actor: " << a.name << " (" << to_string(a.kind) << ")\n";
    for (const auto& p : doc.places()) std::cout << "place: " << p.name << " (" << to_string(p.kind) << ", " << p.country << ")\n";
    for (const auto& q : doc.quotes()) {
      std::cout << "quote: " << doc.speaker_of(q) << " " << doc.text(q.cue) << ": " << doc.text(q) << '\n';
    }
  } catch (const quarry::lexicon_error& e) {  // a bad line names its file and line
    std::cerr << "custom_lexicon: " << e.what() << '\n';
    return 1;
  }
}
