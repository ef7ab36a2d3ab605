// Tests for the forms of numbers quarry/extract/quantity_reader.hpp reads: fractions and mixed
// numbers, compound number words, scale words and letters, spoken decimals and negatives, in news
// sentences written for these tests.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/extract/quantities.hpp"
#include "quarry/tokenizer.hpp"

namespace {

struct found {
  std::string text;
  std::optional<double> value;
  std::optional<double> value_max;
  std::string object;
  std::string unit;
};

std::vector<found> amounts(std::string_view text) {
  quarry::document doc{std::string(text)};
  quarry::tokenizer{}(doc);
  quarry::quantities{}(doc);
  std::vector<found> out;
  for (const auto& q : doc.quantities())
    out.push_back({std::string(doc.text(q)), q.value, q.value_max, std::string(quarry::object_text(doc, q)), q.unit});
  return out;
}

// The one amount whose text contains needle; fails the test when there is not exactly one.
found one(std::string_view text, std::string_view needle) {
  found hit;
  int n = 0;
  for (auto& f : amounts(text))
    if (f.text.find(needle) != std::string::npos) { hit = f; ++n; }
  INFO("sentence: " << text << " | needle: " << needle);
  REQUIRE(n == 1);
  return hit;
}

bool none_contains(std::string_view text, std::string_view needle) {
  for (auto& f : amounts(text))
    if (f.text.find(needle) != std::string::npos) return false;
  return true;
}

}  // namespace

TEST_CASE("quantity forms: fractions in digits, alone, with a unit or mixed") {
  auto q = one("Rainfall in the valley was 3/4 inch above normal for the week.", "3/4");
  CHECK(q.value == doctest::Approx(0.75));
  CHECK(q.unit == "in");
  q = one("The recipe the chef shared calls for 2 1/2 cups of lentils.", "2 1/2");
  CHECK(q.value == doctest::Approx(2.5));
  CHECK(q.unit == "cup");
  CHECK(q.object == "lentils");
  q = one("Rescuers said the climbers had been missing for 1/2 hour.", "1/2");
  CHECK(q.value == doctest::Approx(0.5));
  CHECK(q.unit == "h");
  q = one("The board said turnout among members was 2/5.", "2/5");
  CHECK(q.value == doctest::Approx(0.4));
  // dates, anniversaries, ratios and scores written with a slash are not fractions
  CHECK(none_contains("Security at airports changed after 9/11 and never relaxed.", "9/11"));
  CHECK(none_contains("The store on the corner is open 24/7 for nurses.", "24/7"));
  CHECK(none_contains("The hearing on 7/10 was postponed.", "7/10"));
}

TEST_CASE("quantity forms: fractions in words of one unit or of a share") {
  auto q = one("Commuters waited half an hour for the first train after the storm.", "half");
  CHECK(q.value == doctest::Approx(0.5));
  CHECK(q.unit == "h");
  q = one("The striker was substituted after a half hour of play.", "half hour");
  CHECK(q.value == doctest::Approx(0.5));
  CHECK(q.unit == "h");
  q = one("Shoppers paid more for a half-litre bottle of olive oil.", "half-litre");
  CHECK(q.value == doctest::Approx(0.5));
  CHECK(q.unit == "l");
  q = one("The leak released a tenth of a gallon of coolant per minute.", "tenth");
  CHECK(q.value == doctest::Approx(0.1));
  CHECK(q.unit == "gal");
  q = one("Three quarters of the voters in the district backed the levy.", "quarters");
  CHECK(q.value == doctest::Approx(0.75));
  CHECK(q.object == "voters");
  q = one("The summit ran three quarters of an hour over schedule.", "quarters");
  CHECK(q.value == doctest::Approx(0.75));
  CHECK(q.unit == "h");
  // "quarters" alone in business news counts periods, not a share
  CHECK(one("The retailer has lost money for three quarters in a row.", "three").value == 3);
}

TEST_CASE("quantity forms: a whole number and a fraction") {
  auto q = one("The marathon leader was one and three quarters of an hour ahead.", "one and");
  CHECK(q.value == doctest::Approx(1.75));
  CHECK(q.unit == "h");
  q = one("The glacier retreated 5 and a half miles in two decades.", "5 and");
  CHECK(q.value == doctest::Approx(5.5));
  CHECK(q.unit == "mi");
  q = one("The lottery winner took home two and a quarter million dollars.", "two and");
  CHECK(q.value == doctest::Approx(2.25e6));
  CHECK(q.unit == "USD");
  q = one("Negotiators talked for two and quarter hours before the break.", "two and");
  CHECK(q.value == doctest::Approx(2.25));
  CHECK(q.unit == "h");
  // "and third" is a rank in a list, not a fraction
  CHECK(one("The team finished the season with one win and third place.", "one").value == 1);
}
