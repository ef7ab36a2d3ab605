// Tests for quarry/text/sentence_rules.hpp through the splitter: abbreviations before a capital or a
// number, initials, list items, citation marks, ellipses, stops with no space after them, quotations and
// brackets that hold their sentences in, and lines without end punctuation.
#include <quarry/text/sentence_rules.hpp>

#include "split_sentences_helpers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using quarry::token;
using quarry::token_range;
using namespace quarry_test;

TEST_CASE("sentences: abbreviations before a number continue the sentence") {
  CHECK(sentences_of("The ruling is on p. 14 of the report. Lawyers read it twice.") ==
        strings{"The ruling is on p. 14 of the report.", "Lawyers read it twice."});
  CHECK(sentences_of("Farmers will be paid Rs. 4500 an acre. The scheme starts in May.") ==
        strings{"Farmers will be paid Rs. 4500 an acre.", "The scheme starts in May."});
  CHECK(sentences_of("Under Sec. 302 of the code, the charge carries a life term.") ==
        strings{"Under Sec. 302 of the code, the charge carries a life term."});
  // without a number after it, "sec." is a word that may end a sentence
  CHECK(sentences_of("The sprint took 9.8 sec. Then the rain came.") ==
        strings{"The sprint took 9.8 sec.", "Then the rain came."});
}

TEST_CASE("sentences: abbreviations that introduce, and names after a company, continue the sentence") {
  CHECK(sentences_of("Some lawmakers, e.g. Mr. Okafor, voted against the bill.") ==
        strings{"Some lawmakers, e.g. Mr. Okafor, voted against the bill."});
  CHECK(sentences_of("The deal with Halden Bros. (the brewer) closed on Friday.") ==
        strings{"The deal with Halden Bros. (the brewer) closed on Friday."});
  CHECK(sentences_of("It was Arsenal vs. Chelsea at the Emirates.") == strings{"It was Arsenal vs. Chelsea at the Emirates."});
}

TEST_CASE("sentences: a clock time ends a sentence before a capital that is no day, month or time zone") {
  CHECK(sentences_of("Polls close at 9 p.m. Voters queued for hours.") ==
        strings{"Polls close at 9 p.m.", "Voters queued for hours."});
  CHECK(sentences_of("The ferry left at 6 A.M. Passengers who missed it waited until 8 A.M. on the quay.") ==
        strings{"The ferry left at 6 A.M.", "Passengers who missed it waited until 8 A.M. on the quay."});
  CHECK(sentences_of("The talks resume at 10 a.m. Friday in Geneva.") ==
        strings{"The talks resume at 10 a.m. Friday in Geneva."});
  CHECK(sentences_of("The launch is set for 4 p.m. EST at the cape.") ==
        strings{"The launch is set for 4 p.m. EST at the cape."});
}

TEST_CASE("sentences: initials do not end a sentence") {
  CHECK(sentences_of("Judge Albert I. Mensah read the verdict. The court emptied.") ==
        strings{"Judge Albert I. Mensah read the verdict.", "The court emptied."});
  CHECK(sentences_of("The airport is named after John F. Kennedy.") ==
        strings{"The airport is named after John F. Kennedy."});
}

TEST_CASE("sentences: numbered, lettered and bulleted list items start their sentences") {
  CHECK(sentences_of("1. Register to vote early.") == strings{"1. Register to vote early."});
  CHECK(sentences_of("2.) Bring a photo ID.") == strings{"2.) Bring a photo ID."});
  CHECK(sentences_of("The guidance:\n\n\xE2\x80\xA2 4. Keep windows shut\n\xE2\x80\xA2 5. Stay indoors\n") ==
        strings{"The guidance:", "\xE2\x80\xA2 4. Keep windows shut", "\xE2\x80\xA2 5. Stay indoors"});
  CHECK(sentences_of("The plan has parts: a) tax cuts b) new roads c) more nurses") ==
        strings{"The plan has parts:", "a) tax cuts", "b) new roads", "c) more nurses"});
  CHECK(sentences_of("The board met in March. a. budget approved b. chair elected") ==
        strings{"The board met in March.", "a. budget approved", "b. chair elected"});
  CHECK(sentences_of("i) Water is rationed.\nii) Schools are shut.\niii) Buses run hourly.") ==
        strings{"i) Water is rationed.", "ii) Schools are shut.", "iii) Buses run hourly."});
  CHECK(sentences_of("The bill would (a) raise the levy and (b) cap fares.") ==
        strings{"The bill would", "(a) raise the levy and", "(b) cap fares."});
}

TEST_CASE("sentences: a question-and-answer transcript keeps Q. and A. with their lines") {
  CHECK(sentences_of("Q. Were you at the depot? A. I was there at noon.") ==
        strings{"Q. Were you at the depot?", "A. I was there at noon."});
}

TEST_CASE("sentences: numbers in running text are no list") {
  CHECK(sentences_of("Her son was 4. Her daughter was 5. Both were unhurt.") ==
        strings{"Her son was 4.", "Her daughter was 5.", "Both were unhurt."});
  CHECK(sentences_of("Drivers rated it 3) fair or 4) good.") == strings{"Drivers rated it 3) fair or 4) good."});
}

TEST_CASE("sentences: citation marks after a full stop stay with their sentence") {
  CHECK(sentences_of("The river flooded in 1953.[4] Thousands fled.") ==
        strings{"The river flooded in 1953.[4]", "Thousands fled."});
  CHECK(sentences_of("Exports doubled.[7][8] Imports fell.") == strings{"Exports doubled.[7][8]", "Imports fell."});
  CHECK(sentences_of("Turnout was the lowest on record (2019).12 Analysts blamed the weather.") ==
        strings{"Turnout was the lowest on record (2019).12", "Analysts blamed the weather."});
  CHECK(sentences_of("Rates rose sharply.3 14 Banks tightened lending.") ==
        strings{"Rates rose sharply.3 14", "Banks tightened lending."});
}

TEST_CASE("sentences: spaced ellipses end a sentence only before a capital") {
  CHECK(sentences_of("The talks stalled . . . The envoy flew home.") ==
        strings{"The talks stalled . . .", "The envoy flew home."});
  CHECK(sentences_of("The talks stalled . . . and the envoy flew home.") ==
        strings{"The talks stalled . . . and the envoy flew home."});
}

TEST_CASE("sentences: a stop with no space after it still ends a sentence") {
  CHECK(sentences_of("Markets rallied around the world.Today the central bank meets.") ==
        strings{"Markets rallied around the world.", "Today the central bank meets."});
  CHECK(sentences_of("The port reopened\xEF\xBC\x8E" "Ships queued\xEF\xBC\x8E") ==
        strings{"The port reopened\xEF\xBC\x8E", "Ships queued\xEF\xBC\x8E"});
  // no sentence ends inside an initialism, an address or a decimal
  CHECK(sentences_of("U.S.-led forces visited acme.com on 1.5 days.") ==
        strings{"U.S.-led forces visited acme.com on 1.5 days."});
}

TEST_CASE("sentences: a quotation that closes in its paragraph holds its sentences") {
  CHECK(sentences_of("\xE2\x80\x9CWe will rebuild. We will not leave,\xE2\x80\x9D the mayor said. Crews arrived.") ==
        strings{"\xE2\x80\x9CWe will rebuild. We will not leave,\xE2\x80\x9D the mayor said.", "Crews arrived."});
  CHECK(sentences_of("She told reporters: \"The dam held! Nobody was hurt.\" Then she left.") ==
        strings{"She told reporters: \"The dam held! Nobody was hurt.\"", "Then she left."});
  // a quotation inside another, and an elided "'til" that looks like an opening quote
  CHECK(sentences_of("\"They chanted 'Stay home! Stay safe!' 'til dawn. Police watched.\" he said.") ==
        strings{"\"They chanted 'Stay home! Stay safe!' 'til dawn. Police watched.\" he said."});
}

TEST_CASE("sentences: a quotation that never closes in its paragraph holds nothing") {
  CHECK(sentences_of("He said \xE2\x80\x9Cthe vote is rigged. Nobody believed him. Results came at dawn.") ==
        strings{"He said \xE2\x80\x9Cthe vote is rigged.", "Nobody believed him.", "Results came at dawn."});
  CHECK(sentences_of("\xE2\x80\x9CWe stay. We fight.\n\nThe army left. The town waited.") ==
        strings{"\xE2\x80\x9CWe stay.", "We fight.", "The army left.", "The town waited."});
}

TEST_CASE("sentences: a sentence inside a held quotation keeps its sentence_start flag") {
  const std::string_view text = "\"Prices rose. Wages fell,\" the minister said.";
  std::vector<token> toks;
  std::vector<token_range> sentences, paragraphs;
  quarry::tokenize(text, toks);
  quarry::split_sentences(text, toks, sentences, paragraphs);
  REQUIRE(sentences.size() == 1);
  for (const auto& t : toks) {
    if (t.of(text) == "Wages") CHECK(t.has(quarry::sentence_start));
    if (t.of(text) == "minister") CHECK(!t.has(quarry::sentence_start));
  }
}

TEST_CASE("sentences: brackets that close hold their sentences; an aside after a stop is its own") {
  CHECK(sentences_of("The count [Reuters tally. Updated hourly] rose.") ==
        strings{"The count [Reuters tally. Updated hourly] rose."});
  CHECK(sentences_of("Prices rose. (Analysts had expected a fall. They were wrong.) Then they fell.") ==
        strings{"Prices rose.", "(Analysts had expected a fall. They were wrong.)", "Then they fell."});
}

TEST_CASE("sentences: an aside after a quotation stays with it unless another quotation follows") {
  CHECK(sentences_of("The coach shouted, \"Run for it!\" (Nobody moved.)") ==
        strings{"The coach shouted, \"Run for it!\" (Nobody moved.)"});
  CHECK(sentences_of("\"We won!\" (The score was 3-1.) \"Next week we go again.\"") ==
        strings{"\"We won!\"", "(The score was 3-1.)", "\"Next week we go again.\""});
}

TEST_CASE("sentences: speech broken off by a dash ends before a capital") {
  CHECK(sentences_of("\"If the levee goes--\" The engineer stopped. \"We pray.\"") ==
        strings{"\"If the levee goes--\"", "The engineer stopped.", "\"We pray.\""});
  CHECK(sentences_of("\xE2\x80\x9CWe had no choice\xE2\x80\x94\xE2\x80\x9D she began, then wept.") ==
        strings{"\xE2\x80\x9CWe had no choice\xE2\x80\x94\xE2\x80\x9D she began, then wept."});
}

TEST_CASE("sentences: a dash, a sign or a lone ellipsis after a stop") {
  CHECK(sentences_of("Who pays? - Taxpayers, as always.") == strings{"Who pays?", "- Taxpayers, as always."});
  CHECK(sentences_of("And then -- who knew? -- it was over.") == strings{"And then -- who knew? -- it was over."});
  CHECK(sentences_of("It was sold. $4 million changed hands.") == strings{"It was sold.", "$4 million changed hands."});
}

TEST_CASE("sentences: headings and captions without end punctuation are their own sentences") {
  CHECK(sentences_of("Flood warning for the valley\n(Photo: county office)\nResidents were told to leave.") ==
        strings{"Flood warning for the valley", "(Photo: county office)", "Residents were told to leave."});
  // a bracket that goes on after a line without a stop, in hard-wrapped prose
  CHECK(sentences_of("The wall rose to 40 ft\n(12 m) before the\nflood reached it.") ==
        strings{"The wall rose to 40 ft\n(12 m) before the\nflood reached it."});
}

TEST_CASE("sentence_rules: list markers, citations and quote families") {
  const std::string_view text = "(iv) and 12.) and x. and 2024.";
  std::vector<token> toks;
  quarry::tokenize(text, toks);
  const auto m = quarry::detail::marker_starting_at(text, toks, 0);
  REQUIRE(m);
  CHECK(m.roman == 4);
  CHECK(m.style == quarry::detail::list_marker::parens);
  REQUIRE(toks[4].of(text) == "12");
  const auto n = quarry::detail::marker_starting_at(text, toks, 4);
  REQUIRE(n);
  CHECK(n.number == 12);
  CHECK(n.style == quarry::detail::list_marker::dot_paren);
  CHECK(!quarry::detail::marker_starting_at(text, toks, static_cast<std::uint32_t>(toks.size() - 2)));  // "2024."
  CHECK(quarry::detail::roman_value("xiv") == 14);
  CHECK(quarry::detail::roman_value("vx") == 0);
}
