// Tests for quarry/match/token_trie.hpp: multi-word phrase lookup over tokens.
#include <quarry/match/token_trie.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

struct found {
  std::string text;
  int value;
};

template <class V>
std::vector<found> all_matches(const quarry::phrase_matcher<V>& m, std::string_view text) {
  std::vector<quarry::token> toks;
  quarry::tokenize(text, toks);
  std::vector<found> out;
  m.for_each_match(text, toks, [&](const auto& hit) {
    const auto b = toks[hit.first].begin;
    const auto e = toks[hit.last - 1].end;
    out.push_back({std::string(text.substr(b, e - b)), static_cast<int>(*hit.value)});
  });
  return out;
}

}  // namespace

TEST_CASE("token trie: multi-word phrases match longest first, leftmost, without overlap") {
  quarry::phrase_matcher<int> m;
  m.add("New York", 1);
  m.add("New York City", 2);
  m.add("York", 3);
  m.add("New Delhi", 4);
  const auto hits = all_matches(m, "Flights from New York City to New Delhi resumed; York was quiet.");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].text == "New York City");
  CHECK(hits[0].value == 2);
  CHECK(hits[1].text == "New Delhi");
  CHECK(hits[2].text == "York");
  CHECK(m.size() == 4);
}

TEST_CASE("token trie: a prefix that is not itself a phrase falls back to a shorter match") {
  quarry::phrase_matcher<int> m;
  m.add("Gaza", 1);
  m.add("Gaza Strip border", 2);
  const auto hits = all_matches(m, "Aid trucks waited in Gaza Strip towns.");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].text == "Gaza");
  CHECK(hits[0].value == 1);
}

TEST_CASE("token trie: fold mode ignores ASCII case and curly apostrophes") {
  quarry::phrase_matcher<int> m;
  m.add("Cote d'Ivoire", 7);
  m.add("GAZA STRIP", 8);
  const auto hits = all_matches(m, "Exports from Cote d\u2019Ivoire rose while the Gaza Strip froze.");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].value == 7);
  CHECK(hits[1].text == "Gaza Strip");
}

TEST_CASE("token trie: exact mode tells the country US from the pronoun us") {
  quarry::phrase_matcher<int> m;
  m.add("US", 1, quarry::match_case::exact);
  m.add("U.S.", 1);
  const auto hits = all_matches(m, "The US envoy told us the U.S. would stay; \"Us?\" she asked.");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].text == "US");
  CHECK(hits[1].text == "U.S.");
}

TEST_CASE("token trie: exact wins over fold at equal length, the longer phrase wins otherwise") {
  quarry::phrase_matcher<int> m;
  m.add("china", 1);
  m.add("China", 2, quarry::match_case::exact);
  m.add("china town", 3);
  CHECK(all_matches(m, "China exports")[0].value == 2);
  CHECK(all_matches(m, "china exports")[0].value == 1);
  CHECK(all_matches(m, "China Town opened")[0].value == 3);
}

TEST_CASE("token trie: a trailing period is optional, inner periods are not") {
  quarry::phrase_matcher<int> m;
  m.add("St. Louis", 1);
  m.add("U.S.", 2);
  const auto hits = all_matches(m, "St Louis and St. Louis fans; let us go to the U.S. soon.");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].text == "St Louis");
  CHECK(hits[1].text == "St. Louis");
  CHECK(hits[2].text == "U.S.");
}

TEST_CASE("token trie: adding a phrase again replaces its value") {
  quarry::phrase_matcher<int> m;
  m.add("Victoria", 1);
  m.add("victoria", 5);
  CHECK(m.size() == 1);
  REQUIRE(m.find("VICTORIA") != nullptr);
  CHECK(*m.find("VICTORIA") == 5);
  CHECK(m.find("Victoria Falls") == nullptr);
  CHECK(m.find("") == nullptr);
}

TEST_CASE("token trie: longest_at reports token positions and stops at the span's end") {
  quarry::phrase_matcher<int> m;
  m.add("Bosnia and Herzegovina", 1);
  m.add("Bosnia", 2);
  const std::string_view text = "Bosnia and Herzegovina qualified.";
  std::vector<quarry::token> toks;
  quarry::tokenize(text, toks);
  auto hit = m.longest_at(text, toks, 0);
  REQUIRE(hit.value != nullptr);
  CHECK(hit.first == 0);
  CHECK(hit.last == 3);
  CHECK(*hit.value == 1);
  // a span cut after "and" only allows the one-word phrase
  hit = m.longest_at(text, std::span<const quarry::token>(toks).first(2), 0);
  REQUIRE(hit.value != nullptr);
  CHECK(hit.last == 1);
  CHECK(*hit.value == 2);
  CHECK(m.longest_at(text, toks, 1).value == nullptr);
  CHECK(m.longest_at(text, toks, 99).value == nullptr);
}

TEST_CASE("token trie: many phrases stay correct after the table grows") {
  quarry::phrase_matcher<int> m;
  for (int i = 0; i < 20000; ++i) m.add("Town " + std::to_string(i) + " Heights", i);
  CHECK(m.size() == 20000);
  for (int i : {0, 1, 999, 12345, 19999}) {
    const auto* v = m.find("town " + std::to_string(i) + " heights");
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(m.find("Town 20000 Heights") == nullptr);
  CHECK(m.memory_bytes() > 0);
  CHECK(m.may_start("Town"));
  CHECK_FALSE(m.may_start("Village"));
}

TEST_CASE("token trie: possessives and punctuation are tokens of their own") {
  quarry::phrase_matcher<int> m;
  m.add("Washington, D.C.", 1);
  m.add("Martha's Vineyard", 2);
  const auto hits = all_matches(m, "From Washington, D.C. to Martha\u2019s Vineyard.");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].value == 1);
  CHECK(hits[1].value == 2);
}
