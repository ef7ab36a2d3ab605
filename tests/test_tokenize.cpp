// Tests for quarry/text/tokenize.hpp (and the flags split_sentences adds): byte offsets, kinds and flags
// of tokens on news text from many beats, and that bad input never breaks the offsets.
#include <quarry/text/sentences.hpp>
#include <quarry/text/tokenize.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

using namespace std::string_view_literals;
using quarry::token;
using quarry::token_kind;

namespace {

std::vector<token> tokens_of(std::string_view text) {
  std::vector<token> toks;
  std::vector<quarry::token_range> sentences, paragraphs;
  quarry::tokenize(text, toks);
  quarry::split_sentences(text, toks, sentences, paragraphs);
  return toks;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokens_of(text)) out.emplace_back(t.of(text));
  return out;
}

// The token whose text is exactly w (the n-th such), or nullptr.
const token* find(const std::vector<token>& toks, std::string_view text, std::string_view w, int n = 0) {
  for (const auto& t : toks) {
    if (t.of(text) == w && n-- == 0) return &t;
  }
  return nullptr;
}

bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

// What every tokenization must satisfy: offsets inside the text, non-empty, sorted, non-overlapping;
// on valid UTF-8 every boundary falls on a code point boundary; bytes between tokens are white space.
void check_invariants(std::string_view text, const std::vector<token>& toks) {
  const bool valid = !quarry::find_invalid_utf8(text).has_value();
  std::size_t prev_end = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const token& t = toks[i];
    CAPTURE(i);
    REQUIRE(t.begin < t.end);
    REQUIRE(t.end <= text.size());
    REQUIRE(t.begin >= prev_end);
    for (std::size_t b = prev_end; b < t.begin; ++b) {
      const auto c = static_cast<unsigned char>(text[b]);
      if (c < 0x80) REQUIRE((c <= 0x20 || c == 0x7F));  // only white space and controls are skipped
    }
    if (valid) {
      REQUIRE_FALSE(is_continuation(static_cast<unsigned char>(text[t.begin])));
      if (t.end < text.size()) REQUIRE_FALSE(is_continuation(static_cast<unsigned char>(text[t.end])));
    }
    prev_end = t.end;
  }
}

}  // namespace

// ---------------------------------------------------------------- offsets and kinds

TEST_CASE("tokenizer: tokens carry exact byte offsets, with multi-byte characters counted in bytes") {
  const std::string_view text = "Z\xC3\xBCrich \xE2\x80\x94 S\xC3\xA3o Paulo";  // Zürich — São Paulo
  const auto toks = tokens_of(text);
  REQUIRE(toks.size() == 4);
  CHECK(toks[0].begin == 0);
  CHECK(toks[0].end == 7);
  CHECK(toks[0].of(text) == "Z\xC3\xBCrich");
  CHECK(toks[1].of(text) == "\xE2\x80\x94");
  CHECK(toks[1].begin == 8);
  CHECK(toks[2].of(text) == "S\xC3\xA3o");
  CHECK(toks[3].of(text) == "Paulo");
  CHECK(toks[3].end == text.size());
  check_invariants(text, toks);
}

TEST_CASE("tokenizer: words, numbers, punctuation and symbols get their kinds") {
  const std::string_view text = "Shares of Tata Motors rose 4% to \xE2\x82\xB9" "812 & closed; analysts cheered!";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "Shares")->kind == token_kind::word);
  CHECK(find(toks, text, "4")->kind == token_kind::number);
  CHECK(find(toks, text, "%")->kind == token_kind::symbol);
  CHECK(find(toks, text, "\xE2\x82\xB9")->kind == token_kind::symbol);  // ₹
  CHECK(find(toks, text, "812")->kind == token_kind::number);
  CHECK(find(toks, text, "&")->kind == token_kind::symbol);
  CHECK(find(toks, text, ";")->kind == token_kind::punctuation);
  CHECK(find(toks, text, "!")->kind == token_kind::punctuation);
  check_invariants(text, toks);
}

TEST_CASE("tokenizer: currency signs $ \xE2\x82\xAC \xC2\xA3 and % are symbols split from their numbers") {
  const std::string_view text = "The deal is worth $4.2 billion, \xE2\x82\xAC" "3.1bn or \xC2\xA3" "2,700m, up 12% on 2022.";
  CHECK(words_of(text) == std::vector<std::string>{"The", "deal", "is", "worth", "$", "4.2", "billion", ",",
                                                   "\xE2\x82\xAC", "3.1bn", "or", "\xC2\xA3", "2,700m", ",", "up",
                                                   "12", "%", "on", "2022", "."});
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "$")->kind == token_kind::symbol);
  CHECK(find(toks, text, "\xE2\x82\xAC")->kind == token_kind::symbol);
  CHECK(find(toks, text, "\xC2\xA3")->kind == token_kind::symbol);
  CHECK(find(toks, text, "3.1bn")->kind == token_kind::number);
}

// ---------------------------------------------------------------- flags

TEST_CASE("tokenizer: capitalised and all-capitals flags") {
  const std::string_view text = "NATO and the UN met Erdo\xC4\x9F" "an in \xC3\x96sterreich on Tuesday with Ukraine's envoy";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "NATO")->has(quarry::all_caps));
  CHECK(find(toks, text, "NATO")->has(quarry::capitalized));
  CHECK(find(toks, text, "UN")->has(quarry::all_caps));
  CHECK_FALSE(find(toks, text, "and")->has(quarry::capitalized));
  CHECK(find(toks, text, "Erdo\xC4\x9F" "an")->has(quarry::capitalized));
  CHECK_FALSE(find(toks, text, "Erdo\xC4\x9F" "an")->has(quarry::all_caps));
  CHECK(find(toks, text, "\xC3\x96sterreich")->has(quarry::capitalized));  // non-ASCII capital
  CHECK(find(toks, text, "\xC3\x96sterreich")->has(quarry::non_ascii));
  CHECK(find(toks, text, "Tuesday")->has(quarry::capitalized));
  CHECK_FALSE(find(toks, text, "Tuesday")->has(quarry::all_caps));
}

TEST_CASE("tokenizer: a digit flag on anything holding a digit") {
  const std::string_view text = "The G7 and COP28 talks drew 190 nations";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "G7")->has(quarry::has_digit));
  CHECK(find(toks, text, "G7")->kind == token_kind::word);
  CHECK(find(toks, text, "COP28")->has(quarry::has_digit));
  CHECK(find(toks, text, "190")->has(quarry::has_digit));
  CHECK_FALSE(find(toks, text, "talks")->has(quarry::has_digit));
}

TEST_CASE("tokenizer: white space and line breaks before a token are flagged") {
  const std::string_view text = "Kabul (AP)\nTaliban officials said";
  const auto toks = tokens_of(text);
  CHECK_FALSE(find(toks, text, "AP")->has(quarry::space_before));
  CHECK(find(toks, text, "(")->has(quarry::space_before));
  CHECK(find(toks, text, "Taliban")->has(quarry::line_break_before));
  CHECK(find(toks, text, "officials")->has(quarry::space_before));
  CHECK_FALSE(find(toks, text, "officials")->has(quarry::line_break_before));
}

TEST_CASE("tokenizer: sentence start and paragraph start flags") {
  const std::string_view text =
      "The Bundestag voted on Friday. Lawmakers approved the budget.\n\nThe opposition walked out.";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "The")->has(quarry::sentence_start));
  CHECK(find(toks, text, "The")->has(quarry::paragraph_start));
  CHECK(find(toks, text, "Lawmakers")->has(quarry::sentence_start));
  CHECK_FALSE(find(toks, text, "Lawmakers")->has(quarry::paragraph_start));
  CHECK(find(toks, text, "The", 1)->has(quarry::sentence_start));
  CHECK(find(toks, text, "The", 1)->has(quarry::paragraph_start));
  CHECK_FALSE(find(toks, text, "voted")->has(quarry::sentence_start));
}

// ---------------------------------------------------------------- abbreviations

TEST_CASE("tokenizer: initialisms such as U.S. and U.K. are one abbreviation token") {
  const std::string_view text = "U.S. and U.K. envoys met U.N. staff at 9 a.m. on Monday.";
  const auto toks = tokens_of(text);
  for (auto w : {"U.S."sv, "U.K."sv, "U.N."sv, "a.m."sv}) {
    CAPTURE(w);
    const token* t = find(toks, text, w);
    REQUIRE(t != nullptr);
    CHECK(t->kind == token_kind::word);
    CHECK(t->has(quarry::abbreviation));
  }
  CHECK(find(toks, text, "U.S.")->has(quarry::all_caps));
  CHECK(words_of(text).back() == ".");
}

TEST_CASE("tokenizer: U.S.-led keeps the initialism and the hyphenated word in one token") {
  const std::string_view text = "A U.S.-led coalition and a U.N.-backed plan";
  const auto toks = tokens_of(text);
  const token* t = find(toks, text, "U.S.-led");
  REQUIRE(t != nullptr);
  CHECK(t->has(quarry::abbreviation));
  CHECK(t->has(quarry::hyphenated));
  CHECK(t->has(quarry::capitalized));
  CHECK(find(toks, text, "U.N.-backed") != nullptr);
}

TEST_CASE("tokenizer: titles, months, company suffixes and No. keep their period") {
  const std::string_view text =
      "On Jan. 25, Ms. Singh, Gen. Ortiz, Lt. Col. Abebe, Dr. Okafor and Sen. Warren visited Acme Inc. "
      "and Globex Corp. at No. 10 Downing St. in Sept. with Gov. Hochul and Prof. Tanaka.";
  const auto toks = tokens_of(text);
  for (auto w : {"Jan."sv, "Ms."sv, "Gen."sv, "Lt."sv, "Col."sv, "Dr."sv, "Sen."sv, "Inc."sv, "Corp."sv, "No."sv,
                 "St."sv, "Sept."sv, "Gov."sv, "Prof."sv}) {
    CAPTURE(w);
    const token* t = find(toks, text, w);
    REQUIRE(t != nullptr);
    CHECK(t->has(quarry::abbreviation));
    CHECK(t->kind == token_kind::word);
  }
  CHECK(find(toks, text, "25") != nullptr);
  CHECK(find(toks, text, "10")->kind == token_kind::number);
  check_invariants(text, toks);
}

TEST_CASE("tokenizer: a word before a sentence-final period is not an abbreviation") {
  const std::string_view text = "The match ended in a draw. No one scored. Fans left.";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "draw") != nullptr);
  CHECK_FALSE(find(toks, text, "draw")->has(quarry::abbreviation));
  // "No" followed by a word, not a digit, is not the number sign
  CHECK(find(toks, text, "No") != nullptr);
  CHECK(find(toks, text, "No.") == nullptr);
  CHECK(find(toks, text, "scored") != nullptr);
}

TEST_CASE("tokenizer: a middle initial keeps its period") {
  const std::string_view text = "George W. Bush and Michael J. Fox";
  const auto toks = tokens_of(text);
  REQUIRE(find(toks, text, "W.") != nullptr);
  CHECK(find(toks, text, "W.")->has(quarry::abbreviation));
  CHECK(find(toks, text, "J.") != nullptr);
}

// ---------------------------------------------------------------- numbers

TEST_CASE("tokenizer: numbers with separators, decimals, suffixes and hyphens are one token") {
  const std::string_view text =
      "About 2,500 troops, 1.5 million doses, 3.2m viewers, a 10-year-old girl, 1,000,000 barrels, "
      "the 1990s, the 101st Airborne, a 5.5-magnitude quake and a 3-2 win.";
  const auto toks = tokens_of(text);
  for (auto w : {"2,500"sv, "1.5"sv, "3.2m"sv, "10-year-old"sv, "1,000,000"sv, "1990s"sv, "101st"sv,
                 "5.5-magnitude"sv, "3-2"sv}) {
    CAPTURE(w);
    const token* t = find(toks, text, w);
    REQUIRE(t != nullptr);
    CHECK(t->kind == token_kind::number);
    CHECK(t->has(quarry::has_digit));
  }
  CHECK(find(toks, text, "10-year-old")->has(quarry::hyphenated));
  check_invariants(text, toks);
}

TEST_CASE("tokenizer: a comma after a number that is not a thousands separator is punctuation") {
  const std::string_view text = "In 2019, 12,5 and 1,23 were typos; 40, 50 and 60 were not.";
  CHECK(words_of(text) == std::vector<std::string>{"In", "2019", ",", "12", ",", "5", "and", "1", ",", "23", "were",
                                                   "typos", ";", "40", ",", "50", "and", "60", "were", "not", "."});
}

TEST_CASE("tokenizer: a sentence-final period after a number is its own token") {
  const std::string_view text = "The death toll rose to 1,204. Rescuers kept digging.";
  const auto toks = tokens_of(text);
  REQUIRE(find(toks, text, "1,204") != nullptr);
  CHECK(find(toks, text, ".") != nullptr);
}

TEST_CASE("tokenizer: a minus sign before a number belongs to it") {
  const std::string_view text = "Temperatures fell to -40 in Yakutsk";
  const auto toks = tokens_of(text);
  REQUIRE(find(toks, text, "-40") != nullptr);
  CHECK(find(toks, text, "-40")->kind == token_kind::number);
}

TEST_CASE("tokenizer: a minus sign before a run that is not a plain number keeps a token of its own") {
  // Found by fuzzing: "-1’e@…" is a word and an e-mail, so the sign cannot widen a number and was lost.
  const std::string_view text = "Scores: -1\xE2\x80\x99" "e@example.org and -1@example.org and -3rd.";
  const auto toks = tokens_of(text);
  check_invariants(text, toks);
  const token* sign = find(toks, text, "-");
  REQUIRE(sign != nullptr);
  CHECK(sign->kind == token_kind::punctuation);
  CHECK(sign->has(quarry::space_before));
  CHECK(find(toks, text, "-1@example.org") != nullptr);  // the address reaches back over the sign
}

// ---------------------------------------------------------------- names

TEST_CASE("tokenizer: names with particles and hyphens stay whole") {
  const std::string_view text =
      "Prime Minister Mohammed Shia al-Sudani mourned Abu Mahdi al-Muhandis; Jean-Pierre Lacroix and "
      "Conan O\xE2\x80\x99" "Brien and Sinead O'Connor attended.";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "al-Sudani") != nullptr);
  CHECK(find(toks, text, "al-Sudani")->has(quarry::hyphenated));
  CHECK(find(toks, text, "Abu") != nullptr);
  CHECK(find(toks, text, "Mahdi") != nullptr);
  CHECK(find(toks, text, "al-Muhandis") != nullptr);
  CHECK(find(toks, text, "Jean-Pierre") != nullptr);
  CHECK(find(toks, text, "Jean-Pierre")->has(quarry::capitalized));
  const token* obrien = find(toks, text, "O\xE2\x80\x99" "Brien");
  REQUIRE(obrien != nullptr);
  CHECK(obrien->has(quarry::capitalized));
  CHECK(obrien->kind == token_kind::word);
  CHECK(find(toks, text, "O'Connor") != nullptr);
  check_invariants(text, toks);
}

// ---------------------------------------------------------------- possessives

TEST_CASE("tokenizer: a possessive is split so the name is its own token") {
  const std::string_view text = "Iraq\xE2\x80\x99s parliament and Kenya's courts";
  const auto toks = tokens_of(text);
  CHECK(words_of(text) ==
        std::vector<std::string>{"Iraq", "\xE2\x80\x99s", "parliament", "and", "Kenya", "'s", "courts"});
  CHECK(find(toks, text, "Iraq")->has(quarry::capitalized));
  CHECK(find(toks, text, "\xE2\x80\x99s")->has(quarry::possessive));
  CHECK(find(toks, text, "'s")->has(quarry::possessive));
  CHECK_FALSE(find(toks, text, "Iraq")->has(quarry::possessive));
}

TEST_CASE("tokenizer: a plural possessive apostrophe is split from the name") {
  const std::string_view text = "Iraqis\xE2\x80\x99 anger grew as the Joneses' lawyer spoke";
  const auto toks = tokens_of(text);
  REQUIRE(find(toks, text, "Iraqis") != nullptr);
  CHECK(find(toks, text, "\xE2\x80\x99")->has(quarry::possessive));
  REQUIRE(find(toks, text, "Joneses") != nullptr);
  CHECK(find(toks, text, "'")->has(quarry::possessive));
}

TEST_CASE("tokenizer: a closing single quote after a plural is a quote when one is open") {
  const std::string_view text = "He called it \xE2\x80\x98" "a war of attrition for farmers\xE2\x80\x99 on Tuesday";
  const auto toks = tokens_of(text);
  const token* open = find(toks, text, "\xE2\x80\x98");
  REQUIRE(open != nullptr);
  CHECK(open->kind == token_kind::open_quote);
  REQUIRE(find(toks, text, "farmers") != nullptr);
  const token* close = find(toks, text, "\xE2\x80\x99");
  REQUIRE(close != nullptr);
  CHECK(close->kind == token_kind::close_quote);
  CHECK_FALSE(close->has(quarry::possessive));
}

// ---------------------------------------------------------------- quotes, dashes, ellipses

TEST_CASE("tokenizer: curly double and single quotes open and close") {
  const std::string_view text =
      "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said. \xE2\x80\x98Never again,\xE2\x80\x99 she added.";
  const auto toks = tokens_of(text);
  CHECK(toks.front().kind == token_kind::open_quote);
  CHECK(toks.front().of(text) == "\xE2\x80\x9C");
  CHECK(find(toks, text, "\xE2\x80\x9D")->kind == token_kind::close_quote);
  CHECK(find(toks, text, "\xE2\x80\x98")->kind == token_kind::open_quote);
  CHECK(find(toks, text, "\xE2\x80\x99")->kind == token_kind::close_quote);
  CHECK(find(toks, text, "\xE2\x80\x9D")->size() == 3);
  check_invariants(text, toks);
}

TEST_CASE("tokenizer: straight double quotes are told open or closed by their neighbours") {
  const std::string_view text = "The coach said: \"We were unlucky.\" Then he left \" alone";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "\"", 0)->kind == token_kind::open_quote);
  CHECK(find(toks, text, "\"", 1)->kind == token_kind::close_quote);
  CHECK(find(toks, text, "\"", 2)->kind == token_kind::ambiguous_quote);  // spaces on both sides
}

TEST_CASE("tokenizer: straight single quotes around a word open and close") {
  const std::string_view text = "Officials called the plan 'unworkable' on Friday";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "'", 0)->kind == token_kind::open_quote);
  CHECK(find(toks, text, "unworkable") != nullptr);
  CHECK(find(toks, text, "'", 1)->kind == token_kind::close_quote);
}

TEST_CASE("tokenizer: two apostrophes and two backquotes are one double quotation mark each") {
  const std::string_view text = "''We will appeal,'' the lawyer said. ``It is not over,'' she added of the Smiths' case.";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "''", 0)->kind == token_kind::open_quote);
  CHECK(find(toks, text, "''", 1)->kind == token_kind::close_quote);
  CHECK(find(toks, text, "``")->kind == token_kind::open_quote);
  CHECK(find(toks, text, "''", 2)->kind == token_kind::close_quote);
  CHECK(find(toks, text, "appeal") != nullptr);  // the word before '' keeps no apostrophe
  CHECK(find(toks, text, "over") != nullptr);
  CHECK(find(toks, text, "'")->kind == token_kind::word);  // the plural possessive is still one apostrophe
}

TEST_CASE("tokenizer: guillemets and low quotes are quotes") {
  const std::string_view text = "\xC2\xAB" "Basta\xC2\xBB, dit-il. \xE2\x80\x9E" "Genug\xE2\x80\x9C";
  const auto toks = tokens_of(text);
  CHECK(toks[0].kind == token_kind::open_quote);
  CHECK(find(toks, text, "\xC2\xBB")->kind == token_kind::close_quote);
  CHECK(find(toks, text, "\xE2\x80\x9E")->kind == token_kind::open_quote);
  CHECK(toks.back().is_quote());
}

TEST_CASE("tokenizer: em and en dashes are punctuation, also between numbers") {
  const std::string_view text = "The 2010\xE2\x80\x93" "2014 drought \xE2\x80\x94 the worst in decades \xE2\x80\x94 ended -- finally";
  const auto toks = tokens_of(text);
  CHECK(words_of(text) == std::vector<std::string>{"The", "2010", "\xE2\x80\x93", "2014", "drought", "\xE2\x80\x94",
                                                   "the", "worst", "in", "decades", "\xE2\x80\x94", "ended", "--",
                                                   "finally"});
  CHECK(find(toks, text, "\xE2\x80\x93")->kind == token_kind::punctuation);
  CHECK(find(toks, text, "\xE2\x80\x94")->kind == token_kind::punctuation);
  CHECK(find(toks, text, "--")->kind == token_kind::punctuation);
}

TEST_CASE("tokenizer: an ellipsis, as one character or three periods, is one token") {
  const std::string_view text = "We waited\xE2\x80\xA6 and waited... and then";
  const auto toks = tokens_of(text);
  CHECK(words_of(text) == std::vector<std::string>{"We", "waited", "\xE2\x80\xA6", "and", "waited", "...", "and", "then"});
  CHECK(find(toks, text, "...")->kind == token_kind::punctuation);
  CHECK(find(toks, text, "\xE2\x80\xA6")->kind == token_kind::punctuation);
}

// ---------------------------------------------------------------- URLs, e-mail, handles, hashtags

TEST_CASE("tokenizer: URLs are single tokens without trailing punctuation") {
  const std::string_view text =
      "Details at https://www.who.int/news/item/2023?lang=en&id=7, www.bbc.co.uk/news and "
      "(http://example.org/a_b). Done.";
  const auto toks = tokens_of(text);
  const token* a = find(toks, text, "https://www.who.int/news/item/2023?lang=en&id=7");
  REQUIRE(a != nullptr);
  CHECK(a->kind == token_kind::url);
  const token* b = find(toks, text, "www.bbc.co.uk/news");
  REQUIRE(b != nullptr);
  CHECK(b->kind == token_kind::url);
  const token* c = find(toks, text, "http://example.org/a_b");
  REQUIRE(c != nullptr);
  CHECK(c->kind == token_kind::url);
  check_invariants(text, toks);
}

TEST_CASE("tokenizer: an e-mail address is one token") {
  const std::string_view text = "Write to j.doe@newsroom.example.com or tips@example.org for details";
  const auto toks = tokens_of(text);
  const token* a = find(toks, text, "j.doe@newsroom.example.com");
  REQUIRE(a != nullptr);
  CHECK(a->kind == token_kind::email);
  const token* b = find(toks, text, "tips@example.org");
  REQUIRE(b != nullptr);
  CHECK(b->kind == token_kind::email);
}

TEST_CASE("tokenizer: an e-mail address at the end of a sentence is one token") {
  const std::string_view text = "Contact the agency at press@un.org. It replied.";
  const auto toks = tokens_of(text);
  const token* a = find(toks, text, "press@un.org");
  REQUIRE(a != nullptr);
  CHECK(a->kind == token_kind::email);
}

TEST_CASE("tokenizer: handles and hashtags are single tokens; #1 is a sign and a number") {
  const std::string_view text = "Follow @UNHCR_news and @AP for #COP28 and #MeToo updates; they ranked #1.";
  const auto toks = tokens_of(text);
  CHECK(find(toks, text, "@UNHCR_news")->kind == token_kind::handle);
  CHECK(find(toks, text, "@AP")->kind == token_kind::handle);
  CHECK(find(toks, text, "#COP28")->kind == token_kind::hashtag);
  CHECK(find(toks, text, "#MeToo")->kind == token_kind::hashtag);
  CHECK(find(toks, text, "#")->kind == token_kind::symbol);
  CHECK(find(toks, text, "1")->kind == token_kind::number);
}

// ---------------------------------------------------------------- bad input

TEST_CASE("tokenizer: empty and blank input give no tokens") {
  CHECK(tokens_of("").empty());
  CHECK(tokens_of("   \n\n\t  \r\n").empty());
  std::vector<token> toks{token{}};
  quarry::tokenize("", toks);
  CHECK(toks.empty());  // the output vector is cleared first
}

TEST_CASE("tokenizer: invalid UTF-8 never crashes and offsets stay exact") {
  const std::string text = "Lagos \xFF\xFE police \xC0\xAF said \xED\xA0\x80 12 \xE2\x80 were hurt \x80";
  const auto toks = tokens_of(text);
  check_invariants(text, toks);
  const token* police = find(toks, text, "police");
  REQUIRE(police != nullptr);
  CHECK(police->begin == text.find("police"));
  CHECK(find(toks, text, "12")->begin == text.find("12"));
  CHECK(find(toks, text, "hurt")->begin == text.find("hurt"));
  const token* bad = find(toks, text, "\xFF\xFE");
  REQUIRE(bad != nullptr);
  CHECK(bad->kind == token_kind::invalid);
  CHECK(toks.back().kind == token_kind::invalid);
  CHECK(toks.back().end == text.size());
}

TEST_CASE("tokenizer: invalid bytes inside a word do not shift the words after them") {
  const std::string text = "Mosc\xF0w and Kyi\xE2v talks";
  const auto toks = tokens_of(text);
  check_invariants(text, toks);
  CHECK(find(toks, text, "talks")->begin == text.find("talks"));
  CHECK(find(toks, text, "and")->begin == text.find("and"));
}

TEST_CASE("tokenizer: strict mode reports the first bad byte's offset") {
  const std::string text = "Storm hits Manila \xE2\x80\x94 thousands flee \xC3( homes \xFF";
  std::vector<token> toks;
  try {
    quarry::tokenize(text, toks, quarry::tokenize_options{.strict_utf8 = true});
    FAIL("strict mode accepted invalid UTF-8");
  } catch (const quarry::utf8_error& e) {
    CHECK(e.offset() == text.find('\xC3'));
  }
  CHECK_NOTHROW(quarry::tokenize("Storm hits Manila \xE2\x80\x94 thousands flee", toks,
                                 quarry::tokenize_options{.strict_utf8 = true}));
  CHECK(toks.size() == 6);
}

TEST_CASE("tokenizer: NUL bytes are skipped like white space and do not end the text") {
  const std::string text("Quake\0hits\0\0Chile 7.1", 21);
  const auto toks = tokens_of(text);
  check_invariants(text, toks);
  REQUIRE(toks.size() == 4);
  CHECK(toks[1].of(text) == "hits");
  CHECK(toks[3].of(text) == "7.1");
  CHECK(toks[3].end == text.size());
}

TEST_CASE("tokenizer: a byte-order mark and CRLF line ends do not become tokens") {
  const std::string text = "\xEF\xBB\xBFHeadline here\r\nBy Staff\r\n\r\nBody text.";
  const auto toks = tokens_of(text);
  check_invariants(text, toks);
  CHECK(toks.front().of(text) == "Headline");
  CHECK(find(toks, text, "By")->has(quarry::line_break_before));
  CHECK(find(toks, text, "Body")->has(quarry::paragraph_start));
}

TEST_CASE("tokenizer: every byte value, alone and in runs, keeps the invariants") {
  std::string all;
  for (int round = 0; round < 3; ++round) {
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    for (int b = 255; b >= 0; --b) { all += static_cast<char>(b); all += 'a'; }
  }
  check_invariants(all, tokens_of(all));
  for (int b = 0; b < 256; ++b) {
    const std::string one(1, static_cast<char>(b));
    check_invariants(one, tokens_of(one));
  }
}

TEST_CASE("tokenizer: a single 100 MB line of words is tokenized quickly with the right count") {
  // 100 MB with no line break: 10-byte words ("Reuters42 "), so 10 million tokens.
  const std::string_view unit = "Reuters42 ";
  constexpr std::size_t count = 10'000'000;
  std::string text;
  text.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) text.append(unit);
  REQUIRE(text.size() == 100'000'000);
  std::vector<token> toks;
  const auto t0 = std::chrono::steady_clock::now();
  quarry::tokenize(text, toks);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("100 MB tokenized in " << seconds << " s");
  CHECK(toks.size() == count);
  CHECK(toks.back().end == text.size() - 1);
  CHECK(toks[count / 2].begin == (count / 2) * unit.size());
  CHECK(seconds < 30.0);  // a generous ceiling for unoptimised and sanitized builds
}
