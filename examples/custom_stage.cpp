// custom_stage: writing a stage of your own (docs/extending.md). A stage is any copyable type with
// `void operator()(quarry::document&) const`; it says what it needs and provides, and pipeline<>
// checks the order at compile time. Two stages here: one reads the actors and removes credits
// (bylines, photo credits), one adds findings of a kind of its own (hashtags), which every output prints.
//   custom_stage [FILE]   (default: the bundled sample article)
#include <quarry/quarry.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
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

// A kind of finding of our own: a hashtag and its tag. Its traits sit next to it (its name, the fields it
// writes), and with them it reaches the JSON output and the text report with no change to quarry.
struct hashtag {
  static constexpr std::string_view kind_name = "hashtags";
  quarry::span where;
  std::string tag;  // without the '#', folded to lower case: "#Floods" and "#floods" are one tag

  void write_fields(quarry::field_writer& w) const { w.text("tag", tag); }
};

// Adds every #hashtag; a stage with settings takes them in its constructor and never changes them afterwards.
class hashtags {
 public:
  static constexpr unsigned needs = quarry::layer::tokens;
  static constexpr unsigned provides = 0;

  explicit hashtags(std::size_t min_letters = 2) : min_letters_(min_letters) {}

  void operator()(quarry::document& doc) const {
    auto& found = doc.annotations<hashtag>();
    for (const quarry::token& t : doc.tokens()) {
      if (t.kind != quarry::token_kind::hashtag) continue;
      std::string tag(doc.text(t).substr(1));
      if (tag.size() < min_letters_) continue;
      for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      found.push_back({t.where(), std::move(tag)});
    }
  }

 private:
  std::size_t min_letters_;
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

  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::actors{}, drop_credits{}, hashtags{});

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
  for (const hashtag& h : doc.annotations<hashtag>()) std::cout << "hashtag: " << doc.text(h) << " " << h.tag << '\n';
  std::cout << quarry::to_json(doc) << '\n';  // ..., "hashtags": [{"text": "#floods", ..., "tag": "floods"}, ...]}
}
