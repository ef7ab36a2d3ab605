// Tests for quarry/document.hpp: owned and borrowed text, copies and moves that keep text() valid,
// reuse without new allocations, and the lookups stages and printers use.
#include <quarry/document.hpp>
#include <quarry/tokenizer.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

quarry::document tokenized(std::string text) {
  quarry::document doc(std::move(text));
  quarry::tokenizer{}(doc);
  return doc;
}

}  // namespace

TEST_CASE("document: an owning document copies the text and stands alone") {
  std::string source = "Floods displaced 40,000 people in Sylhet, Bangladesh.";
  quarry::document doc(source, "sylhet.txt");
  CHECK(doc.text() == source);
  CHECK(doc.text().data() != source.data());
  CHECK(doc.name() == "sylhet.txt");
  source.assign(source.size(), 'x');  // the caller's buffer changes; the document's copy does not
  CHECK(doc.text() == "Floods displaced 40,000 people in Sylhet, Bangladesh.");
}

TEST_CASE("document: a borrowing document points into the caller's text without a copy") {
  const std::string source = "The Reserve Bank of Australia held its cash rate at 4.35%.";
  quarry::document doc;
  doc.borrow(source, "rba");
  CHECK(doc.text().data() == source.data());
  CHECK(doc.text().size() == source.size());
  CHECK(doc.name() == "rba");
}

TEST_CASE("document: copies and moves of an owning document keep text() pointing at their own copy") {
  // Short texts live inside std::string (small-string optimisation), where a stale view would dangle.
  for (std::string text : {std::string("Oslo wins."), std::string(500, 'a') + " long text"}) {
    CAPTURE(text.size());
    auto original = std::make_unique<quarry::document>(text, "n");
    quarry::tokenizer{}(*original);
    quarry::document copy(*original);
    quarry::document assigned;
    assigned = *original;
    quarry::document moved_from_copy(copy);
    quarry::document moved(std::move(moved_from_copy));
    quarry::document move_assigned;
    move_assigned = quarry::document(*original);
    const auto tokens = original->tokens().size();
    original.reset();  // nothing may point into the destroyed original
    for (quarry::document* d : {&copy, &assigned, &moved, &move_assigned}) {
      CHECK(d->text() == text);
      CHECK(d->name() == "n");
      CHECK(d->tokens().size() == tokens);
      CHECK(d->text(d->tokens().front()) == text.substr(0, text.find(' ')));
    }
  }
}

TEST_CASE("document: copies of a borrowing document still borrow the caller's text") {
  const std::string source = "Chile's senate approved the pension reform.";
  quarry::document doc;
  doc.borrow(source);
  quarry::document copy(doc);
  quarry::document moved(std::move(doc));
  CHECK(copy.text().data() == source.data());
  CHECK(moved.text().data() == source.data());
}

TEST_CASE("document: self-assignment leaves the document intact") {
  quarry::document doc = tokenized("Self assignment in Lisbon.");
  const auto n = doc.tokens().size();
  quarry::document& alias = doc;
  doc = alias;
  CHECK(doc.text() == "Self assignment in Lisbon.");
  CHECK(doc.tokens().size() == n);
  doc = std::move(alias);
  CHECK(doc.text() == "Self assignment in Lisbon.");
}

TEST_CASE("document: clear forgets findings but keeps capacity for reuse") {
  quarry::document doc = tokenized("Wildfires burned 12,000 hectares near Patras on Sunday, officials said.");
  doc.actors().push_back({"Patras fire service", quarry::actor_kind::organization, "", "GR", ""});
  doc.actor_mentions().push_back({{0, 9}, 0});
  doc.mark_done(quarry::layer::actors);
  const auto capacity = doc.tokens().capacity();
  REQUIRE(!doc.tokens().empty());
  doc.clear();
  CHECK(doc.tokens().empty());
  CHECK(doc.sentences().empty());
  CHECK(doc.paragraphs().empty());
  CHECK(doc.actors().empty());
  CHECK(doc.actor_mentions().empty());
  CHECK(doc.done() == 0);
  CHECK(doc.tokens().capacity() == capacity);
}

TEST_CASE("document: reused for a second text, it gives the same result as a fresh one without growing") {
  const std::string first = "Brazil's central bank cut the Selic rate by 50 basis points to 11.75% on Wednesday.";
  const std::string second = "Lula welcomed the cut. Markets rose.";
  quarry::document doc;
  doc.borrow(first);
  quarry::tokenizer{}(doc);
  const auto capacity = doc.tokens().capacity();
  const auto* storage = doc.tokens().data();
  doc.borrow(second);
  CHECK(doc.tokens().empty());  // borrow starts afresh
  quarry::tokenizer{}(doc);
  const quarry::document fresh = tokenized(second);
  REQUIRE(doc.tokens().size() == fresh.tokens().size());
  for (std::size_t i = 0; i < fresh.tokens().size(); ++i) {
    CHECK(doc.tokens()[i].begin == fresh.tokens()[i].begin);
    CHECK(doc.tokens()[i].end == fresh.tokens()[i].end);
    CHECK(doc.tokens()[i].kind == fresh.tokens()[i].kind);
    CHECK(doc.tokens()[i].flags == fresh.tokens()[i].flags);
  }
  CHECK(doc.sentences().size() == 2);
  CHECK(doc.tokens().capacity() == capacity);
  CHECK(doc.tokens().data() == storage);  // the same memory, no reallocation
}

TEST_CASE("document: assign replaces an owned text and its findings") {
  quarry::document doc = tokenized("First text.");
  doc.assign("Second, longer text about Nairobi.", "b");
  CHECK(doc.text() == "Second, longer text about Nairobi.");
  CHECK(doc.name() == "b");
  CHECK(doc.tokens().empty());
  CHECK(doc.done() == 0);
}

TEST_CASE("document: a text over the 4 GiB offset limit is refused with usage_error") {
  const std::string small = "x";
  quarry::document doc;
  // Only the size is looked at: nothing is read past the real buffer.
  const std::string_view huge(small.data(), quarry::document::max_size + 1);
  CHECK_THROWS_AS(doc.borrow(huge), quarry::usage_error);
  CHECK_THROWS_AS(doc.borrow(huge), quarry::error);
}

TEST_CASE("document: text of tokens, spans and annotations") {
  quarry::document doc = tokenized("Ms. Singh spoke in Baghdad.");
  CHECK(doc.text(doc.tokens()[0]) == "Ms.");
  CHECK(doc.text(quarry::span{4, 9}) == "Singh");
  quarry::place_mention m{{19, 26}, 0};
  CHECK(doc.text(m) == "Baghdad");
  quarry::quote q;
  q.where = {0, 3};
  CHECK(doc.text(q) == "Ms.");
}

TEST_CASE("document: name_of and speaker_of resolve entities and fall back to the attribution words") {
  quarry::document doc("\xE2\x80\x9CWe are ready,\xE2\x80\x9D a senior official said. \xE2\x80\x9CSo are we,\xE2\x80\x9D Ms. Singh said.");
  doc.actors().push_back({"Sabrina Singh", quarry::actor_kind::person, "Pentagon spokeswoman", "US", ""});
  CHECK(doc.name_of(0) == "Sabrina Singh");
  CHECK(doc.name_of(1).empty());
  CHECK(doc.name_of(quarry::no_entity).empty());
  const std::string_view t = doc.text();
  quarry::quote unnamed;
  unnamed.speaker_where = {static_cast<quarry::offset_t>(t.find("a senior")),
                           static_cast<quarry::offset_t>(t.find(" said"))};
  CHECK(doc.speaker_of(unnamed) == "a senior official");
  quarry::quote named;
  named.speaker = 0;
  named.speaker_where = {static_cast<quarry::offset_t>(t.find("Ms.")), static_cast<quarry::offset_t>(t.find("Ms.") + 9)};
  CHECK(doc.speaker_of(named) == "Sabrina Singh");
}

TEST_CASE("document: sentence_of finds the sentence holding a token") {
  quarry::document doc = tokenized("Quake hits Chile. Buildings sway. No deaths reported.");
  REQUIRE(doc.sentences().size() == 3);
  CHECK(doc.sentence_of(0) == 0);
  CHECK(doc.sentence_of(3) == 0);  // the period
  CHECK(doc.sentence_of(4) == 1);
  CHECK(doc.sentence_of(static_cast<std::uint32_t>(doc.tokens().size() - 1)) == 2);
  CHECK(doc.sentence_of(static_cast<std::uint32_t>(doc.tokens().size())) == doc.sentences().size());
  quarry::document empty;
  CHECK(empty.sentence_of(0) == 0);
}

TEST_CASE("document: date and done layers") {
  quarry::document doc("text");
  CHECK_FALSE(doc.date().has_value());
  doc.set_date(quarry::calendar_date{2024, 1, 27});
  CHECK(doc.date() == quarry::calendar_date{2024, 1, 27});
  CHECK(doc.done() == 0);
  quarry::tokenizer{}(doc);
  CHECK((doc.done() & quarry::layer::tokens) != 0);
  doc.mark_done(quarry::layer::quotes);
  CHECK((doc.done() & quarry::layer::quotes) != 0);
}
