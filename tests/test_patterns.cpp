// Tests for quarry/match/patterns.hpp: RE2 patterns and pattern sets with a byte prefilter.
#include <quarry/match/patterns.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

TEST_CASE("patterns: a bad pattern is reported as a quarry error naming the pattern") {
  try {
    quarry::pattern p("(unclosed [group");
    FAIL("no exception");
  } catch (const quarry::pattern_error& e) {
    CHECK(std::string(e.what()).find("(unclosed [group") != std::string::npos);
    CHECK(e.pattern() == "(unclosed [group");
  }
  CHECK_THROWS_AS(quarry::pattern("a{2,1}"), quarry::error);
  quarry::pattern_set set;
  CHECK_THROWS_AS(set.add("*oops"), quarry::pattern_error);
}

TEST_CASE("patterns: every match of a facility pattern is found with byte offsets") {
  const quarry::pattern p(R"(\b[A-Z][a-z]+ (?:Air Base|Airport))");
  const std::string_view text = "Drones hit Ain Air Base at dawn; flights at Erbil Airport were halted.";
  std::vector<std::string> found;
  p.for_each(text, [&](quarry::span s) { found.emplace_back(s.of(text)); });
  REQUIRE(found.size() == 2);
  CHECK(found[0] == "Ain Air Base");
  CHECK(found[1] == "Erbil Airport");
}

TEST_CASE("patterns: the required literal is found in the pattern and skips texts without it") {
  CHECK(quarry::detail::required_literal_of(R"(\d+ miles (north|south) of)") == " miles ");
  CHECK(quarry::detail::required_literal_of("colou?r") == "colo");
  CHECK(quarry::detail::required_literal_of("cat|dog") == "");
  CHECK(quarry::detail::required_literal_of(R"(U\.S\.)") == "U.S.");
  const quarry::pattern p(R"(\d+ miles (north|south) of)");
  CHECK_FALSE(p.may_match("The striker scored twice in the second half."));
  CHECK(p.may_match("The town lies 40 miles north of the capital."));
  quarry::span s;
  CHECK(p.find("The town lies 40 miles north of the capital.", s));
  CHECK(s.begin == 14);
}

TEST_CASE("patterns: case-insensitive patterns fold the prefilter literal too") {
  const quarry::pattern p("province of", {.case_insensitive = true});
  CHECK(p.full_match("Province Of"));
  quarry::span s;
  CHECK(p.find("the PROVINCE OF Quebec", s));
  CHECK_FALSE(p.full_match("province"));
}

TEST_CASE("patterns: trigger bytes keep RE2 off texts that cannot match") {
  const quarry::pattern p(R"([0-9]+(?:\.[0-9]+)?%)", {.trigger_bytes = "%"});
  CHECK_FALSE(p.may_match("Inflation rose to 3.2 percent"));
  quarry::span s;
  REQUIRE(p.find("Inflation rose to 3.2% in March", s));
  CHECK(s.begin == 18);
  CHECK(s.end == 22);
}

TEST_CASE("patterns: a set says which of many patterns match") {
  quarry::pattern_set set;
  const auto base = set.add(R"(\bAir Base\b)");
  const auto port = set.add(R"(\b(?:sea)?port\b)");
  const auto camp = set.add(R"(\bCamp [A-Z])");
  set.compile();
  std::vector<int> hits;
  CHECK(set.match("Rockets struck Camp Victory and the Taji Air Base overnight.", hits));
  REQUIRE(hits.size() == 2);
  CHECK(hits[0] == static_cast<int>(base));
  CHECK(hits[1] == static_cast<int>(camp));
  CHECK_FALSE(set.match("Shares of the carmaker fell 4 percent.", hits));
  CHECK(hits.empty());
  CHECK(set.size() == 3);
  CHECK(set.pattern_at(port) == R"(\b(?:sea)?port\b)");
  CHECK_THROWS_AS(set.add("late"), quarry::pattern_error);
}
