// Tests for quarry/text/sentences.hpp: sentences and paragraphs as token ranges over news text, with
// abbreviations that continue a sentence, real ends after abbreviations, closing quotes and the line
// breaks of headlines, bylines and captions.
#include <quarry/text/sentences.hpp>

#include "split_sentences_helpers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using quarry::token;
using namespace quarry_test;

TEST_CASE("sentences: ranges cover every token once, in order, and nest in paragraphs") {
  const std::string_view text =
      "Kenya's central bank held rates at 10.5%. Inflation eased to 6.8% in March.\n\n"
      "Governor Njoroge said the shilling had stabilised. \xE2\x80\x9CWe are comfortable,\xE2\x80\x9D he said.";
  const auto r = split(text);
  REQUIRE(!r.sentences.empty());
  CHECK(r.sentences.front().first == 0);
  CHECK(r.sentences.back().last == r.tokens.size());
  for (std::size_t i = 1; i < r.sentences.size(); ++i) CHECK(r.sentences[i].first == r.sentences[i - 1].last);
  CHECK(r.paragraphs.size() == 2);
  CHECK(r.paragraphs.front().first == 0);
  CHECK(r.paragraphs.back().last == r.tokens.size());
  for (const auto& s : r.sentences) {
    bool inside = false;
    for (const auto& p : r.paragraphs) inside |= p.first <= s.first && s.last <= p.last;
    CHECK(inside);
  }
  for (std::size_t i = 0; i < r.tokens.size(); ++i) {
    bool starts = false;
    for (const auto& s : r.sentences) starts |= s.first == i;
    CHECK(r.tokens[i].has(quarry::sentence_start) == starts);
  }
  CHECK(r.sentences.size() == 4);
}

TEST_CASE("sentences: empty input gives no sentences and no paragraphs") {
  const auto r = split("");
  CHECK(r.sentences.empty());
  CHECK(r.paragraphs.empty());
  const auto blank = split(" \n\n \r\n");
  CHECK(blank.sentences.empty());
}

TEST_CASE("sentences: plain sentence ends at . ! and ?") {
  CHECK(sentences_of("The derby ended 2-2. Fans stayed on! Was it a penalty? Referees said no.") ==
        strings{"The derby ended 2-2.", "Fans stayed on!", "Was it a penalty?", "Referees said no."});
}

TEST_CASE("sentences: no break after an abbreviation that continues the sentence") {
  CHECK(sentences_of("U.S. troops left the base at dawn.") == strings{"U.S. troops left the base at dawn."});
  CHECK(sentences_of("Ms. Singh said the strikes were defensive.") ==
        strings{"Ms. Singh said the strikes were defensive."});
  CHECK(sentences_of("The vote is on Jan. 25 in the Senate.") == strings{"The vote is on Jan. 25 in the Senate."});
  CHECK(sentences_of("Lt. Col. Amara Diallo and Gen. Ortiz spoke to Dr. Mehta at No. 10 Downing St. on Monday.") ==
        strings{"Lt. Col. Amara Diallo and Gen. Ortiz spoke to Dr. Mehta at No. 10 Downing St. on Monday."});
  CHECK(sentences_of("Acme Inc. said profits rose 4% in the quarter.") ==
        strings{"Acme Inc. said profits rose 4% in the quarter."});
  CHECK(sentences_of("She moved to the U.S. in 2010 and later to the U.K. with her family.") ==
        strings{"She moved to the U.S. in 2010 and later to the U.K. with her family."});
  CHECK(sentences_of("Mr. and Mrs. Patel sued St. Mary's hospital.") ==
        strings{"Mr. and Mrs. Patel sued St. Mary's hospital."});
}

TEST_CASE("sentences: a break at a real sentence end even after an abbreviation") {
  CHECK(sentences_of("The summit was held in the U.S. The talks lasted two days.") ==
        strings{"The summit was held in the U.S.", "The talks lasted two days."});
  CHECK(sentences_of("He works for Globex Corp. The company declined to comment.") ==
        strings{"He works for Globex Corp.", "The company declined to comment."});
  CHECK(sentences_of("The polls closed at 8 p.m. Officials began counting.") ==
        strings{"The polls closed at 8 p.m.", "Officials began counting."});
  CHECK(sentences_of("The envoy flew to the U.K. \xE2\x80\x9CWe will talk,\xE2\x80\x9D he said.") ==
        strings{"The envoy flew to the U.K.", "\xE2\x80\x9CWe will talk,\xE2\x80\x9D he said."});
}

// LIMITATION: after "U.S." only a list of common sentence openers starts a new sentence, so a capitalised
// noun that opens the next sentence ("Negotiators") is read as part of a name ("U.S. Negotiators").
TEST_CASE("sentences: a capitalised noun after U.S. at a sentence end starts a new sentence" * doctest::may_fail()) {
  CHECK(sentences_of("The treaty was signed in the U.S. Negotiators flew home.") ==
        strings{"The treaty was signed in the U.S.", "Negotiators flew home."});
}

TEST_CASE("sentences: a break after a closing quote that ends a sentence") {
  CHECK(sentences_of("He said he was tired.\xE2\x80\x9D The game resumed.") ==
        strings{"He said he was tired.\xE2\x80\x9D", "The game resumed."});
  CHECK(sentences_of("\xE2\x80\x9CIs it over?\xE2\x80\x9D Nobody answered.") ==
        strings{"\xE2\x80\x9CIs it over?\xE2\x80\x9D", "Nobody answered."});
  CHECK(sentences_of("The judge asked: \"Why now?\" The defence had no answer.") ==
        strings{"The judge asked: \"Why now?\"", "The defence had no answer."});
  CHECK(sentences_of("She called it \xE2\x80\x98" "a disgrace.\xE2\x80\x99 Others agreed.") ==
        strings{"She called it \xE2\x80\x98" "a disgrace.\xE2\x80\x99", "Others agreed."});
}

TEST_CASE("sentences: no break inside a quote followed by its attribution") {
  CHECK(sentences_of("\xE2\x80\x9CIs it over?\xE2\x80\x9D she asked. Nobody knew.") ==
        strings{"\xE2\x80\x9CIs it over?\xE2\x80\x9D she asked.", "Nobody knew."});
  CHECK(sentences_of("\"We lost,\" the coach said. \"Next year.\"") ==
        strings{"\"We lost,\" the coach said.", "\"Next year.\""});
}

TEST_CASE("sentences: a break after a closing bracket that follows the period") {
  CHECK(sentences_of("Prices rose. (Analysts had expected a fall.) Then they fell.") ==
        strings{"Prices rose.", "(Analysts had expected a fall.)", "Then they fell."});
}

TEST_CASE("sentences: decimals, percentages and numbers do not end sentences, but a number can start one") {
  CHECK(sentences_of("The economy grew 2.1% in 2023. 2024 was weaker, at 1.4%.") ==
        strings{"The economy grew 2.1% in 2023.", "2024 was weaker, at 1.4%."});
  CHECK(sentences_of("The firm lost $3.2 billion. Its shares fell 12.5 percent.") ==
        strings{"The firm lost $3.2 billion.", "Its shares fell 12.5 percent."});
}

TEST_CASE("sentences: ellipses end a sentence only before a capital") {
  CHECK(sentences_of("The ceasefire held ... for now. Talks resume Monday.") ==
        strings{"The ceasefire held ... for now.", "Talks resume Monday."});
  CHECK(sentences_of("We waited\xE2\x80\xA6 Nothing came.") == strings{"We waited\xE2\x80\xA6", "Nothing came."});
}

TEST_CASE("sentences: a lower-case word after a period continues the sentence") {
  CHECK(sentences_of("The index fell 3 pct. on Monday.") == strings{"The index fell 3 pct. on Monday."});
}

TEST_CASE("sentences: line breaks end headlines, bylines, datelines and captions") {
  const std::string_view text =
      "Wildfire forces thousands to flee in Alberta\n"
      "By Maria Lopez and Tom Reed\n"
      "May 14, 2023\n"
      "\n"
      "EDMONTON (Reuters) \xE2\x80\x94 A wildfire spread on Friday. Crews were outnumbered.\n"
      "\n"
      "Photo: Firefighters near Drayton Valley on May 7 (Reuters/Jane Roe)\n"
      "\n"
      "The province declared an emergency.";
  CHECK(sentences_of(text) == strings{"Wildfire forces thousands to flee in Alberta", "By Maria Lopez and Tom Reed",
                                      "May 14, 2023",
                                      "EDMONTON (Reuters) \xE2\x80\x94 A wildfire spread on Friday.",
                                      "Crews were outnumbered.",
                                      "Photo: Firefighters near Drayton Valley on May 7 (Reuters/Jane Roe)",
                                      "The province declared an emergency."});
}

TEST_CASE("sentences: hard-wrapped prose inside a paragraph continues across the line break") {
  CHECK(sentences_of("Intro line.\n\nThe minister said the\nplan would proceed.") ==
        strings{"Intro line.", "The minister said the\nplan would proceed."});
  CHECK(sentences_of("Intro line.\r\n\r\nThe minister said the\r\nplan would proceed.") ==
        strings{"Intro line.", "The minister said the\r\nplan would proceed."});
}

TEST_CASE("sentences: hard-wrapped prose without any blank line is not cut at each line") {
  CHECK(sentences_of("The minister said the\nplan would proceed in\nthree stages.") ==
        strings{"The minister said the\nplan would proceed in\nthree stages."});
}

TEST_CASE("paragraphs: blank lines separate paragraphs, also with CRLF, CR and trailing spaces") {
  CHECK(paragraphs_of("First para. Still first.\n\nSecond para.\n \t\nThird.") ==
        strings{"First para. Still first.", "Second para.", "Third."});
  CHECK(paragraphs_of("One.\r\n\r\nTwo.\r\n\r\nThree.") == strings{"One.", "Two.", "Three."});
  CHECK(paragraphs_of("One.\r\rTwo.") == strings{"One.", "Two."});
}

TEST_CASE("paragraphs: without blank lines each line is a paragraph") {
  CHECK(paragraphs_of("HEADLINE\nFirst line of copy.\nSecond line of copy.") ==
        strings{"HEADLINE", "First line of copy.", "Second line of copy."});
}

TEST_CASE("sentences: invalid UTF-8 and NUL bytes inside a sentence do not break it") {
  const std::string text("Rescuers in Ica\xFF reached 40 people\0 on Sunday. Rain fell.", 57);
  REQUIRE(text.size() == 57);
  CHECK(sentences_of(text) == strings{std::string("Rescuers in Ica\xFF reached 40 people\0 on Sunday.", 46), "Rain fell."});
}
