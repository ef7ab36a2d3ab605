// Tests for quarry/lexicon/words.hpp: the one fold, the word maps and the lexicon-file reader.
#include <quarry/lexicon/organizations.hpp>
#include <quarry/lexicon/words.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using quarry::detail::final_period;

TEST_CASE("words: folding lower-cases ASCII, straightens curly apostrophes and drops a title's period") {
  quarry::detail::fold_buffer buf{};
  CHECK(quarry::detail::fold_word("Ms.", buf) == "ms");
  CHECK(quarry::detail::fold_word("U.S.", buf, final_period::keep) == "u.s.");
  CHECK(quarry::detail::fold_word("Dato\xE2\x80\x99", buf) == "dato'");
  CHECK(quarry::detail::fold_word("S\xC3\xA3O", buf) == "s\xC3\xA3o");  // bytes above ASCII are kept as they are
  CHECK(quarry::detail::fold_word(std::string(60, 'A'), buf).empty());  // longer than any lexicon word
  CHECK(quarry::detail::folded_copy(std::string(60, 'A')) == std::string(60, 'a'));
  static_assert(quarry::detail::org_head_roles("Ministry") & quarry::detail::org_name_head);
}

TEST_CASE("words: a word map is searched with the text's own view, in any case") {
  quarry::detail::word_map<int> m;
  m.emplace("spokeswoman", 1);
  CHECK(quarry::detail::find_folded(m, "Spokeswoman") != nullptr);
  CHECK(*quarry::detail::find_folded(m, "SPOKESWOMAN") == 1);
  CHECK(quarry::detail::find_folded(m, "spokesman") == nullptr);
}

TEST_CASE("words: one organization-head list answers each extractor's question") {
  using namespace quarry::detail;
  CHECK((org_head_roles("Ministry") & org_head_takes_of));        // "Ministry of Defence"
  CHECK((org_head_roles("company") & org_generic_description));  // "the company said"
  CHECK_FALSE((org_head_roles("coalition") & org_generic_description));
  CHECK((org_head_roles("coalition") & org_description));         // "the coalition said" names one
  CHECK((org_head_roles("bank") & org_place_after_of));          // "Bank of America"
  CHECK(org_head_roles("river") == 0);
}

TEST_CASE("words: the lexicon reader skips blank and comment lines and counts every line") {
  std::vector<std::pair<std::size_t, std::string>> lines;
  quarry::detail::each_lexicon_line("quipped\r\n\n  # a comment\n\t\nmused\nno newline at end",
                                    [&](std::size_t n, std::string_view l) { lines.emplace_back(n, std::string(l)); });
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == std::pair<std::size_t, std::string>{1, "quipped"});
  CHECK(lines[1] == std::pair<std::size_t, std::string>{5, "mused"});
  CHECK(lines[2] == std::pair<std::size_t, std::string>{6, "no newline at end"});
  CHECK_THROWS_AS((void)quarry::detail::read_lexicon_file("/nonexistent/verbs.txt", "speech-verb"), quarry::lexicon_error);
}
