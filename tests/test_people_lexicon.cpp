// Tests for quarry/lexicon/people.hpp and quarry/lexicon/organizations.hpp: the words behind actors.
#include <doctest/doctest.h>

#include <string_view>
#include <vector>

#include "quarry/lexicon/organizations.hpp"
#include "quarry/lexicon/people.hpp"
#include "quarry/text/tokenize.hpp"

TEST_CASE("people lexicon: given names of many origins, with a gender hint") {
  const auto lex = quarry::people_lexicon::builtin();
  CHECK(lex->first_name_count() > 10000);
  for (std::string_view n : {"Sabrina", "Mohammed", "Yehia", "Qassem", "Grigor", "Corentin", "Radu", "Priya"}) {
    INFO(n);
    CHECK(lex->first_name(n) != nullptr);
  }
  REQUIRE(lex->first_name("Katie") != nullptr);
  CHECK(lex->first_name("Katie")->g == quarry::gender::female);
  REQUIRE(lex->first_name("DAVID") != nullptr);
  CHECK(lex->first_name("DAVID")->g == quarry::gender::male);
}

TEST_CASE("people lexicon: given names that are common words are marked ambiguous, dates are no names") {
  const auto lex = quarry::people_lexicon::builtin();
  const auto* will = lex->first_name("Will");
  REQUIRE(will != nullptr);
  CHECK(will->ambiguous);
  CHECK(lex->first_name("May") == nullptr);
  CHECK(lex->first_name("Saturday") == nullptr);
  CHECK(lex->first_name("Scientists") == nullptr);
}

TEST_CASE("people lexicon: honorifics, titles, roles and kin nouns") {
  const auto lex = quarry::people_lexicon::builtin();
  REQUIRE(lex->honorific("Ms.") != nullptr);
  CHECK(*lex->honorific("Ms.") == quarry::gender::female);
  CHECK(*lex->honorific("Mr") == quarry::gender::male);
  CHECK(lex->honorific("Datuk") != nullptr);
  REQUIRE(lex->title("Minister") != nullptr);
  CHECK(lex->title("Minister")->head);
  CHECK(lex->title("Prime")->modifier);
  CHECK_FALSE(lex->title("Prime")->head);
  CHECK(lex->title("Gen.")->head);
  CHECK(*lex->role("spokeswoman") == quarry::gender::female);
  CHECK(lex->role("geologist") != nullptr);
  CHECK(*lex->kin("wife") == quarry::gender::female);
  REQUIRE(lex->nationality_noun("Frenchman") != nullptr);
  CHECK(lex->nationality_noun("Frenchman")->country == "FR");
  CHECK(lex->particle("al"));
  CHECK(lex->particle("von"));
}

TEST_CASE("organization lexicon: head nouns and kind nouns") {
  const auto lex = quarry::organization_lexicon::builtin();
  REQUIRE(lex->head("Ministry") != nullptr);
  CHECK(*lex->head("Ministry"));        // takes "of ..."
  CHECK_FALSE(*lex->head("Airlines"));
  CHECK(lex->head("Inc.") != nullptr);
  CHECK(lex->head("Tuesday") == nullptr);
  CHECK(lex->kind_noun("companies"));
  CHECK(lex->generic("Security"));
}

TEST_CASE("alias table: acronyms match in capitals only, other aliases in any case") {
  auto t = quarry::alias_table::with_builtin();
  auto find = [&](std::string_view text) -> const quarry::alias_target* {
    std::vector<quarry::token> toks;
    quarry::tokenize(text, toks);
    auto m = t.longest_at(text, toks, 0);
    return m.target;
  };
  REQUIRE(find("ISIL fighters") != nullptr);
  CHECK(find("ISIL fighters")->name == "Islamic State");
  CHECK(find("daesh said")->name == "Islamic State");
  CHECK(find("Who knows") == nullptr);
  REQUIRE(find("Associated Press reported") != nullptr);
  CHECK(find("Associated Press reported")->name == "Associated Press");
  CHECK(t.word("Hamas") != nullptr);
}

TEST_CASE("alias table: a bad TSV line is reported with its path and line") {
  quarry::alias_table t;
  CHECK_THROWS_AS(t.add_tsv("/nonexistent/aliases.tsv"), quarry::lexicon_error);
  try {
    t.add_tsv(std::string(QUARRY_TEST_DATA_DIR) + "/actors_aliases_bad.tsv");
    FAIL("expected lexicon_error");
  } catch (const quarry::lexicon_error& e) {
    CHECK(e.line() == 3);
    CHECK(e.path().find("actors_aliases_bad.tsv") != std::string::npos);
  }
}
