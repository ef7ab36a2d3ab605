// Tests of run_segmented: a long text cut at paragraph breaks gives the same findings, with offsets
// into the whole text, as reading it whole.
#include <doctest/doctest.h>

#include <quarry/quarry.hpp>

#include <string>

namespace {

// A stage that marks every capitalised word as an organization mention, one entity per spelling:
// enough to check offsets and entity merging without depending on a real extractor's rules.
struct capitals_as_actors {
  static constexpr unsigned provides = quarry::layer::actors;
  static constexpr unsigned needs = quarry::layer::tokens;
  void operator()(quarry::document& doc) const {
    for (const auto& t : doc.tokens()) {
      if (!t.has(quarry::capitalized) || t.kind != quarry::token_kind::word) continue;
      const std::string name(doc.text(t));
      quarry::entity_id id = quarry::no_entity;
      for (std::size_t i = 0; i < doc.actors().size(); ++i) {
        if (doc.actors()[i].name == name) id = static_cast<quarry::entity_id>(i);
      }
      if (id == quarry::no_entity) {
        id = static_cast<quarry::entity_id>(doc.actors().size());
        doc.actors().push_back({name, quarry::actor_kind::organization, {}, {}, {}});
      }
      doc.actor_mentions().push_back({t.where(), id});
    }
    doc.mark_done(quarry::layer::actors);
  }
};

}  // namespace

TEST_CASE("segmented: a text cut into pieces keeps offsets into the whole text") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "The Harbour Board met in Oslo on day " + std::to_string(i) + ".\n\n";
  const auto p = quarry::make_pipeline(quarry::tokenizer{}, capitals_as_actors{});

  quarry::document whole{text};
  p(whole);
  quarry::document cut{text};
  quarry::run_segmented(p, cut, 1000);

  REQUIRE(cut.actor_mentions().size() == whole.actor_mentions().size());
  for (std::size_t i = 0; i < cut.actor_mentions().size(); ++i) {
    const auto& a = cut.actor_mentions()[i];
    const auto& b = whole.actor_mentions()[i];
    CHECK(a.where == b.where);
    CHECK(cut.name_of(a.actor) == whole.name_of(b.actor));
    CHECK(cut.text(a.where) == cut.name_of(a.actor));
  }
  // entities of the same name and kind merge across pieces
  CHECK(cut.actors().size() == whole.actors().size());
  CHECK(cut.tokens().empty());
  CHECK((cut.done() & quarry::layer::actors) != 0);
}

TEST_CASE("segmented: pieces end at a paragraph break, else a line break, else a space") {
  const std::string text = std::string(600, 'a') + "\n\n" + std::string(600, 'b');
  CHECK(quarry::detail::segment_end(text, 0, 1000) == 602);
  const std::string lines = std::string(600, 'a') + "\n" + std::string(600, 'b');
  CHECK(quarry::detail::segment_end(lines, 0, 1000) == 601);
  const std::string words = std::string(600, 'a') + " " + std::string(600, 'b');
  CHECK(quarry::detail::segment_end(words, 0, 1000) == 601);
  // no break at all: a cut on a UTF-8 boundary, never inside a character
  std::string euros;
  for (int i = 0; i < 500; ++i) euros += "\xE2\x82\xAC";  // €
  const std::size_t end = quarry::detail::segment_end(euros, 0, 1000);
  CHECK(end % 3 == 0);
  CHECK(end <= 1000);
}

TEST_CASE("segmented: a short text runs in one piece and keeps its tokens") {
  const auto p = quarry::make_pipeline(quarry::tokenizer{});
  quarry::document doc{std::string("Short text.")};
  quarry::run_segmented(p, doc, 1 << 20);
  CHECK(doc.tokens().size() == 3);
}
