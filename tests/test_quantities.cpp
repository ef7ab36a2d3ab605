// Tests for quarry/extract/quantities.hpp: amounts in news sentences written for these tests.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/extract/dates.hpp"
#include "quarry/extract/quantities.hpp"
#include "quarry/pipeline.hpp"
#include "quarry/tokenizer.hpp"

namespace {

struct found {
  std::string text;
  std::optional<double> value;
  std::optional<double> value_max;
  std::string object;
  std::string approx;
  std::string unit;
};

std::vector<found> amounts(std::string_view text, quarry::quantity_options o = {}) {
  quarry::document doc{std::string(text)};
  quarry::tokenizer{}(doc);
  quarry::quantities{o}(doc);
  std::vector<found> out;
  for (const auto& q : doc.quantities())
    out.push_back({std::string(doc.text(q)), q.value, q.value_max, std::string(quarry::object_text(doc, q)),
                   std::string(quarry::to_string(q.approx)), q.unit});
  return out;
}

// The one amount whose text contains needle; fails the test when there is not exactly one.
found one(std::string_view text, std::string_view needle, quarry::quantity_options o = {}) {
  found hit;
  int n = 0;
  for (auto& f : amounts(text, o))
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

TEST_CASE("quantities: a count keeps its approximation and head noun") {
  auto q = one("Officials said about 2,500 U.S. troops remain in the country.", "2,500");
  CHECK(q.text == "about 2,500 U.S. troops");
  CHECK(q.value == 2500);
  CHECK(q.object == "troops");
  CHECK(q.approx == "about");

  q = one("Rebels fired 17 ballistic missiles at the port overnight.", "17");
  CHECK(q.object == "missiles");
  CHECK(q.approx.empty());

  q = one("A drone strike killed three US military personnel at the outpost.", "three");
  CHECK(q.value == 3);
  CHECK(q.object == "personnel");

  q = one("The aircraft has been refuelled more than 150 times since spring.", "150");
  CHECK(q.object == "times");
  CHECK(q.approx == "more than");
}

TEST_CASE("quantities: approximation cues map to the schema's kinds") {
  CHECK(one("An estimated 40,000 spectators filled the stadium.", "40,000").approx == "about");
  CHECK(one("Approximately 300 homes lost power.", "300").approx == "about");
  CHECK(one("Some 900 soldiers crossed the border.", "900").approx == "about");
  CHECK(one("Around 60 boats were moored there.", "60").approx == "about");
  CHECK(one("The militia launched over 60 attacks on the base.", "60").approx == "more than");
  CHECK(one("Upwards of 5,000 fans marched to the ground.", "5,000").approx == "more than");
  CHECK(one("Fewer than 100 voters turned out in the hamlet.", "100").approx == "less than");
  CHECK(one("The charity fed under 50 families last winter.", "50").approx == "less than");
  CHECK(one("Nearly 7,000 nurses walked out.", "7,000").approx == "nearly");
  CHECK(one("The blaze destroyed almost 80 houses.", "80").approx == "nearly");
  CHECK(one("At least 12 miners were trapped underground.", "12").approx == "at least");
  CHECK(one("The new law allows up to 30 days in detention.", "30").approx == "up to");
  CHECK(one("The match lasted just under three hours.", "three").approx == "less than");
  CHECK(one("He finished in just over two hours.", "two").approx == "more than");
}

TEST_CASE("quantities: number words, compounds and dozens are normalised") {
  CHECK(one("Twenty-five students sat the exam.", "Twenty-five").value == 25);
  CHECK(one("The club signed two hundred and fifty new members.", "hundred").value == 250);
  CHECK(one("Police seized a dozen rifles at the farm.", "dozen").value == 12);
  CHECK(one("The airline cancelled a hundred flights.", "hundred").value == 100);
  CHECK(one("Three thousand runners took part.", "thousand").value == 3000);
  auto q = one("The recall covers two and a half million cars.", "million");
  CHECK(q.value == 2500000);
  CHECK(q.object == "cars");
}

TEST_CASE("quantities: round plurals give a documented lower bound") {
  auto q = one("Thousands of US troops returned to the region.", "Thousands");
  CHECK(q.value == 1000);
  CHECK(q.approx == "at least");
  CHECK(q.object == "troops");
  q = one("Tens of thousands of workers went on strike in Seoul.", "Tens");
  CHECK(q.value == 10000);
  CHECK(q.object == "workers");
  q = one("Dozens of villagers were evacuated by helicopter.", "Dozens");
  CHECK(q.value == 12);
  CHECK(q.approx == "at least");
}

TEST_CASE("quantities: vague amounts have no value") {
  auto q = one("Scores of homes were flattened by the cyclone.", "Scores");
  CHECK_FALSE(q.value.has_value());
  CHECK(q.object == "homes");
  // "several" and "multiple" only when asked for
  CHECK(amounts("Several deadly strikes hit the town.").empty());
  quarry::quantity_options o;
  o.vague = true;
  q = one("Several deadly strikes hit the town.", "Several", o);
  CHECK_FALSE(q.value.has_value());
  CHECK(q.object == "strikes");
}

TEST_CASE("quantities: digits with separators and decimals") {
  CHECK(one("The fund now holds 1,000,000 shares.", "1,000,000").value == 1000000);
  CHECK(one("Inflation eased to 0.75 points in March.", "0.75").value == doctest::Approx(0.75));
  CHECK(one("The ministry hired 1.000 teachers this term.", "1.000").value == 1000);
  CHECK(one("The sample weighed 1.000 grams exactly.", "1.000").value == 1);
  CHECK(one("Europe's exporters shipped 1.000.000 tonnes of wheat.", "1.000.000").value == 1000000);
}

TEST_CASE("quantities: mixed forms with multipliers") {
  auto q = one("The census counted 3.2 million residents.", "3.2");
  CHECK(q.value == 3200000);
  CHECK(q.object == "residents");
  q = one("The group posted a loss of 1.5bn last quarter.", "1.5bn");
  CHECK(q.value == 1.5e9);
  q = one("Ministers approved $4.2 billion in aid for farmers.", "4.2");
  CHECK(q.value == 4.2e9);
  CHECK(q.unit == "USD");
  CHECK(q.object == "dollars");
  q = one("The club was sold for £300m to a US investor.", "300m");
  CHECK(q.value == 3e8);
  CHECK(q.unit == "GBP");
  CHECK(q.object == "pounds");
  q = one("Tickets cost €1,200 each for the final.", "1,200");
  CHECK(q.value == 1200);
  CHECK(q.unit == "EUR");
  q = one("A 3.2m audience watched the debate.", "3.2m");
  CHECK(q.value == 3200000);
}

TEST_CASE("quantities: money keeps the currency from symbol, code, prefix or word") {
  auto q = one("The minister said the jet cost RM6.162 million in total.", "RM6");
  CHECK(q.value == doctest::Approx(6162000));
  CHECK(q.object == "ringgit");
  CHECK(q.unit == "MYR");
  q = one("The savings came to nearly RM900,000 this year.", "RM900");
  CHECK(q.value == 900000);
  CHECK(q.approx == "nearly");
  q = one("Exporters earned US$5bn from coffee.", "5bn");
  CHECK(q.unit == "USD");
  CHECK(q.value == 5e9);
  q = one("The bank lent 300 million euros to the city.", "300");
  CHECK(q.value == 3e8);
  CHECK(q.object == "euros");
  q = one("Farmers were offered 50,000 rupees per acre.", "50,000");
  CHECK(q.unit == "INR");
  q = one("The fine was USD 2.5 million.", "2.5");
  CHECK(q.value == 2.5e6);
  CHECK(q.unit == "USD");
}

TEST_CASE("quantities: fractions and shares") {
  auto q = one("Militants once held nearly a third of the country's territory and more.", "third");
  CHECK(q.value == doctest::Approx(0.3333).epsilon(0.001));
  CHECK(q.object == "territory");
  CHECK(q.approx == "nearly");
  q = one("Half of the respondents opposed the tax.", "Half");
  CHECK(q.value == 0.5);
  CHECK(q.object == "respondents");
  q = one("Two-thirds of the lawmakers voted yes.", "Two-thirds");
  CHECK(q.value == doctest::Approx(2.0 / 3));
  CHECK(q.object == "lawmakers");
  CHECK(none_contains("He finished third in the final.", "third"));
}

TEST_CASE("quantities: percentages name what they are a share of, else percent") {
  auto q = one("Dunes cover 17 percent of the surface, the study found.", "17");
  CHECK(q.value == 17);
  CHECK(q.object == "surface");
  CHECK(q.unit == "percent");
  q = one("The party won 56 per cent of the vote in Lagos.", "56");
  CHECK(q.object == "vote");
  q = one("Exports fell 12% in the first quarter.", "12");
  CHECK(q.text == "12%");
  CHECK(q.object == "percent");
  q = one("Rates rose by 0.25 percentage points on Thursday.", "0.25");
  CHECK(q.object == "percentage points");
}

TEST_CASE("quantities: a range keeps both bounds") {
  auto q = one("Between 10 and 20 protesters were held overnight.", "10");
  CHECK(q.value == 10);
  CHECK(q.value_max == 20);
  CHECK(q.object == "protesters");
  q = one("Officials expect 10-20 people to be charged.", "10-20");
  CHECK(q.value == 10);
  CHECK(q.value_max == 20);
  CHECK(q.object == "people");
  q = one("Repairs will take one to two weeks.", "one");
  CHECK(q.value == 1);
  CHECK(q.value_max == 2);
  CHECK(q.object == "weeks");
  q = one("Analysts valued the shares at A$7.17 to A$8.24 each.", "7.17");
  CHECK(q.value == doctest::Approx(7.17));
  CHECK(q.value_max == doctest::Approx(8.24));
  CHECK(q.unit == "AUD");
  q = one("The storm could cost 3 to 4 billion dollars.", "3 to 4");
  CHECK(q.value == 3e9);
  CHECK(q.value_max == 4e9);
}

TEST_CASE("quantities: measures carry a unit") {
  auto q = one("Titan is about 3,200 miles across.", "3,200");
  CHECK(q.object == "miles");
  CHECK(q.unit == "mi");
  q = one("The convoy travelled 5,150 km in a week.", "5,150");
  CHECK(q.unit == "km");
  q = one("The intruder jumped 30ft (10m) from a window.", "30ft");
  CHECK(q.value == 30);
  CHECK(q.object == "ft");
  q = one("The intruder jumped 30ft (10m) from a window.", "10m");
  CHECK(q.value == 10);
  CHECK(q.object == "m");
  q = one("Temperatures fell to -5C in the capital.", "-5C");
  CHECK(q.value == -5);
  q = one("Gusts of 80 mph hit the coast.", "80");
  CHECK(q.text == "80 mph");
  q = one("The plant will add 500 megawatts to the grid.", "500");
  CHECK(q.unit == "MW");
  q = one("The cartel cut output by 1.5 million barrels a day.", "1.5");
  CHECK(q.value == 1.5e6);
  CHECK(q.object == "barrels");
}

TEST_CASE("quantities: durations are amounts of time") {
  auto q = one("The judge jailed him for eight years.", "eight");
  CHECK(q.object == "years");
  CHECK(q.unit == "year");
  q = one("Troops returned three years later to fight the insurgents.", "three");
  CHECK(q.text == "three years");
  CHECK(q.value == 3);
  q = one("The couple renewed their vows two years ago.", "two");
  CHECK(q.text == "two years");
}

TEST_CASE("quantities: compound adjectives count their noun") {
  auto q = one("She won a three-set victory in Paris.", "three-set");
  CHECK(q.value == 3);
  CHECK(q.object == "set");
  q = one("The 10-year-old boy was rescued.", "10-year-old");
  CHECK(q.value == 10);
  CHECK(q.object == "year");
  q = one("She wore a 24-carat ring.", "24-carat");
  CHECK(q.object == "carat");
}

TEST_CASE("quantities: ordinals, names, labels and codes are not amounts") {
  CHECK(amounts("The 101st Airborne Division deployed.").empty());
  CHECK(amounts("The airline grounded its Boeing 737 fleet.").empty());
  CHECK(amounts("Covid-19 cases fell before the G7 summit.").empty());
  CHECK(amounts("Call 0845 8 505 505 with information.").empty());
  CHECK(amounts("No. 10 said the statement under clause 12 stood.").empty());
  CHECK(amounts("The rule is set out on page 4 of the report.").empty());
  CHECK(amounts("He won his 200th match and finished 19th overall.").empty());
  CHECK(amounts("Out on Court 12, the seed advanced.").empty());
  CHECK(amounts("She lives at 10 Downing Street now.").empty());
  CHECK(amounts("She beat her rival 6-4, 6-0 in the opener.").empty());
  CHECK(amounts("Voters backed the plan by a margin of 5 to 1.").empty());
}

TEST_CASE("quantities: one as a pronoun or in \"one of the\" is not 1") {
  CHECK(amounts("He is one of the best players on tour.").empty());
  CHECK(amounts("It was a long one, and no one left early.").empty());
  auto q = one("One soldier was killed and two others were hurt.", "One");
  CHECK(q.value == 1);
  CHECK(q.object == "soldier");
}

TEST_CASE("quantities: years and dates are left to the date layer") {
  CHECK(amounts("The coalition was formed in 2014 and left in 2021.").empty());
  CHECK(amounts("The talks opened on January 27 and resumed on Jan. 25, 2024.").empty());
  CHECK(amounts("The blast happened at 0400 GMT on Monday.").empty());
  CHECK(amounts("Sales peaked in the 1990s.").empty());
  auto q = one("In 2019, 2000 people marched.", "2000");
  CHECK(q.object == "people");
}

TEST_CASE("quantities: spans and objects point into the text") {
  quarry::document doc{std::string("Rescuers pulled 14 survivors from the rubble in Gaziantep.")};
  quarry::tokenizer{}(doc);
  quarry::quantities{}(doc);
  REQUIRE(doc.quantities().size() == 1);
  const auto& q = doc.quantities()[0];
  CHECK(doc.text(q) == "14 survivors");
  CHECK(doc.text(q.object) == "survivors");
  CHECK((doc.done() & quarry::layer::quantities) != 0);
}

TEST_CASE("quantities: the stage composes in a pipeline and is reusable") {
  auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::quantities{}, quarry::dates{});
  quarry::document doc;
  extract(doc, "Nearly 400 firefighters battled the blaze on Saturday.");
  REQUIRE(doc.quantities().size() == 1);
  CHECK(doc.quantities()[0].value == 400);
  REQUIRE(doc.dates().size() == 1);
  extract(doc, "Six climbers were rescued.");
  REQUIRE(doc.quantities().size() == 1);
  CHECK(doc.quantities()[0].value == 6);
  CHECK(doc.dates().empty());
}

TEST_CASE("quantities: a share written \"1 in 5\" is a fraction of its noun") {
  auto q = one("Aid agencies say 1 in 5 children in the region go hungry.", "1 in 5");
  CHECK(q.value == doctest::Approx(0.2));
  CHECK(q.object == "children");
  q = one("One in three adults in Wales now cycles to work.", "One in three");
  CHECK(q.value == doctest::Approx(1.0 / 3));
  CHECK(q.object == "adults");
}

TEST_CASE("quantities: a part takes the noun of its whole") {
  auto q = one("The ruling party won 240 of the 543 seats in parliament.", "240");
  CHECK(q.value == 240);
  CHECK(q.object == "seats");
}

TEST_CASE("quantities: over a length of time spreads, for over compares") {
  auto q = one("The scheme will create 5,000 jobs over five years in the north.", "five");
  CHECK(q.approx.empty());
  CHECK(q.object == "years");
  q = one("The reporter has been detained for over two years in Tehran.", "two");
  CHECK(q.approx == "more than");
}

TEST_CASE("quantities: heights in feet and inches") {
  auto q = one("Police described the suspect as about 5' 10\" tall.", "5'");
  CHECK(q.value == doctest::Approx(5.8333).epsilon(0.001));
  CHECK(q.object == "ft");
  CHECK(q.approx == "about");
}

TEST_CASE("quantities: model names at a sentence start or in mixed case are labels") {
  CHECK(amounts("Boeing 737 jets were grounded after the incident.").empty());
  CHECK(amounts("Apple launched the iPhone 15 in Cupertino.").empty());
  auto q = one("Exactly 300 people were on board the ferry.", "300");
  CHECK(q.text == "Exactly 300 people");
  CHECK(q.approx.empty());
  CHECK(one("Perhaps 2,000 people joined the vigil.", "2,000").approx == "about");
}
