// custom_stage: writing a stage of your own (docs/extending.md). A stage is any copyable type with
// `void operator()(quarry::document&) const`; it says what it needs and provides, and pipeline<>
// checks the order at compile time. Two stages here: one reads the actors and removes credits
// (bylines, photo credits), one adds a finding of its own kind to the document's quantities.
//   custom_stage [FILE]   (default: the bundled sample article)
#include <quarry/quarry.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// Removes the mentions of actors that are only credits ("Reporting by ...", "Photo: ..."), for
// users who count the people in the story.
struct drop_credits {
  static constexpr unsigned needs = quarry::layer::tokens | quarry::layer::actors;
  static constexpr unsigned provides = 0;

  void operator()(quarry::document& doc) const {
    const auto& table = doc.actors();
    std::erase_if(doc.actor_mentions(), [&](const quarry::actor_mention& m) {
      return m.actor < table.size() && table[m.actor].role == "credit";
    });
  }
};

// Reports every #hashtag as a quantity of one "hashtag", so it reaches the JSON output; a stage with
// settings takes them in its constructor and never changes them afterwards.
class hashtag_counts {
 public:
  static constexpr unsigned needs = quarry::layer::tokens;
  static constexpr unsigned provides = quarry::layer::quantities;

  explicit hashtag_counts(std::string unit = "hashtag") : unit_(std::move(unit)) {}

  void operator()(quarry::document& doc) const {
    for (const quarry::token& t : doc.tokens()) {
      if (t.kind != quarry::token_kind::hashtag) continue;
      quarry::quantity q;
      q.where = t.where();
      q.value = 1;
      q.unit = unit_;
      doc.quantities().push_back(q);
    }
    doc.mark_done(provides);
  }

 private:
  std::string unit_;
};

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : QUARRY_SAMPLE_DIR "/sample.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "custom_stage: cannot read " << path << '\n';
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str() + "\n#floods #Italy\n";

  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::actors{}, drop_credits{},
                                             hashtag_counts{});

  const quarry::document doc = extract(text);

  // The same stages, assembled at run time: the order is checked as each is added.
  quarry::any_pipeline configured;
  configured.add(quarry::tokenizer{}).add(quarry::actors{}).add(drop_credits{});
  const quarry::document same = configured(text);
  if (same.actor_mentions().size() != doc.actor_mentions().size()) {
    std::cerr << "custom_stage: the two pipelines disagree\n";
    return 1;
  }
  std::vector<quarry::entity_id> seen;
  for (const auto& m : doc.actor_mentions()) {
    if (std::find(seen.begin(), seen.end(), m.actor) != seen.end()) continue;
    seen.push_back(m.actor);
    std::cout << "actor: " << doc.name_of(m.actor) << '\n';
  }
  for (const auto& q : doc.quantities()) std::cout << "quantity: " << doc.text(q) << " " << q.unit << '\n';
}
