// Tests for quarry/extract/dates.hpp: calendar dates, years, weekdays, times and relative dates.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/error.hpp"
#include "quarry/extract/dates.hpp"
#include "quarry/lexicon/calendar.hpp"
#include "quarry/tokenizer.hpp"

namespace {

struct found {
  std::string text;
  std::string value;
  bool relative;
};

std::vector<found> dates_in(std::string_view text, std::optional<quarry::calendar_date> anchor = {}) {
  quarry::document doc{std::string(text)};
  doc.set_date(anchor);
  quarry::tokenizer{}(doc);
  quarry::dates{}(doc);
  std::vector<found> out;
  for (const auto& d : doc.dates()) out.push_back({std::string(doc.text(d)), d.value, d.relative});
  return out;
}

found only(std::string_view text, std::optional<quarry::calendar_date> anchor = {}) {
  auto all = dates_in(text, anchor);
  INFO("sentence: " << text);
  REQUIRE(all.size() == 1);
  return all[0];
}

constexpr quarry::calendar_date sunday_jan_28{2024, 1, 28};

}  // namespace

TEST_CASE("dates: month and day with and without a year") {
  auto d = only("The first round of talks opened on January 27, 2024 in the capital.");
  CHECK(d.text == "January 27, 2024");
  CHECK(d.value == "2024-01-27");
  CHECK_FALSE(d.relative);
  CHECK(only("Officials met on Jan. 25 to discuss the deal.").value == "--01-25");
  CHECK(only("The vote was held Dec. 4, 2023, after weeks of delay.").value == "2023-12-04");
  CHECK(only("Nairobi, Nov 22 — Traders protested the new levy.").value == "--11-22");
  CHECK(only("The attacks of October 7 shocked the region.").value == "--10-07");
  CHECK(only("Parliament rose on 7 October 2023 for the recess.").value == "2023-10-07");
  CHECK(only("Results are due on the 3rd of March.").value == "--03-03");
}

TEST_CASE("dates: months with years, modifiers and alone") {
  CHECK(only("The airstrike of January 2020 changed everything.").value == "2020-01");
  auto d = only("Attacks have surged since mid-October across the border.");
  CHECK(d.text == "mid-October");
  CHECK(d.value == "--10");
  CHECK(only("Harvests usually begin in September in the valley.").value == "--09");
  CHECK(only("The bill passed in early February after a long debate.").text == "early February");
  CHECK(dates_in("Theresa May spoke to reporters.").empty());
  CHECK(dates_in("Protesters may march to the ministry.").empty());
  CHECK(only("The plant will reopen in May, the firm said.").value == "--05");
  CHECK(dates_in("Jan Novak scored twice for the visitors.").empty());
}

TEST_CASE("dates: years, year ranges and decades") {
  CHECK(only("The coalition was formed in 2014 to fight the group.").value == "2014");
  auto two = dates_in("The probe studied the rings from 2004-2017 in detail.");
  REQUIRE(two.size() == 2);
  CHECK(two[0].text == "2004");
  CHECK(two[1].text == "2017");
  auto d = only("Growth was fastest in the 1990s, economists say.");
  CHECK(d.text == "the 1990s");
  CHECK(d.value == "199X");
  CHECK(only("US Open 2023 results are in.").value == "2023");
  CHECK(dates_in("The protest drew 2000 people to the square.").empty());
  CHECK(dates_in("The charity raised about 1500 pounds.").empty());
  CHECK(dates_in("The capacity is 2,014 seats.").empty());
}

TEST_CASE("dates: weekdays are relative and resolve against the document date") {
  auto d = only("Officials held talks in Baghdad on Saturday.");
  CHECK(d.text == "Saturday");
  CHECK(d.relative);
  CHECK(d.value.empty());
  CHECK(only("Officials held talks in Baghdad on Saturday.", sunday_jan_28).value == "2024-01-27");
  CHECK(only("The talks were first announced last Thursday.", sunday_jan_28).value == "2024-01-25");
  CHECK(only("The minister will visit Kyiv on Friday.", sunday_jan_28).value == "2024-02-02");
  CHECK(only("The team flies out next Monday.", sunday_jan_28).value == "2024-01-29");
  auto night = only("On Sunday night, the family was at a party.");
  CHECK(night.text == "Sunday night");
  CHECK(only("He said in Sunday’s statement that talks resumed.").text == "Sunday");
  CHECK(dates_in("She writes for the Sunday Times in London.").empty());
}

TEST_CASE("dates: relative expressions") {
  CHECK(only("The plan was first discussed last year.", sunday_jan_28).value == "2023");
  CHECK(only("In a statement last weekend, the premier spoke.", sunday_jan_28).value == "2024-W03-WE");
  CHECK(only("Organisers introduced the rule this year.", sunday_jan_28).value == "2024");
  CHECK(only("Sales fell last month in Spain.", sunday_jan_28).value == "2023-12");
  CHECK(only("Inflation rose last week in Ghana.", sunday_jan_28).value == "2024-W03");
  CHECK(only("The minister said today that fares would rise.", sunday_jan_28).value == "2024-01-28");
  CHECK(only("In Parliament yesterday, the premier defended the trip.", sunday_jan_28).value == "2024-01-27");
  CHECK(only("I watched the others this morning.", sunday_jan_28).value == "2024-01-28");
  auto d = only("The couple renewed their vows two years ago.", sunday_jan_28);
  CHECK(d.text == "two years ago");
  CHECK(d.value == "2022");
  CHECK(only("A drone attack killed three soldiers the following day.").text == "the following day");
  CHECK(only("She also won in straight sets the day prior.").text == "the day prior");
  CHECK(only("Earlier in the day, the champion won easily.").relative);
  // an amount of time before an event is a duration, not a date
  CHECK(dates_in("Troops returned three years later to help.").empty());
  CHECK(dates_in("It was the last day of the trial.").empty());
}

TEST_CASE("dates: clock times") {
  auto d = only("The burglary happened at 0400 GMT in the village.");
  CHECK(d.text == "0400 GMT");
  CHECK(d.value == "T04:00Z");
  CHECK(only("Polls close at 10:30 p.m. local time.").value == "T22:30");
  CHECK(only("The match starts at 3pm in Leeds.").value == "T15:00");
  CHECK(only("The curfew starts at midnight in the capital.").value == "T00:00");
}

TEST_CASE("dates: a full date after a weekday makes it absolute") {
  auto d = only("The ceasefire began on Saturday, January 27, 2024 at dawn.");
  CHECK(d.text == "Saturday, January 27, 2024");
  CHECK(d.value == "2024-01-27");
  CHECK_FALSE(d.relative);
}

TEST_CASE("dates: the stage's default date anchors documents without one") {
  quarry::document doc{std::string("Rain fell on Monday and yesterday.")};
  quarry::tokenizer{}(doc);
  quarry::dates{sunday_jan_28}(doc);
  REQUIRE(doc.dates().size() == 2);
  CHECK(doc.dates()[0].value == "2024-01-22");
  CHECK(doc.dates()[1].value == "2024-01-27");
  CHECK((doc.done() & quarry::layer::dates) != 0);
}

TEST_CASE("dates: ISO dates parse for the command line and bad ones throw") {
  CHECK(quarry::parse_iso_date("2024-01-28") == sunday_jan_28);
  CHECK_THROWS_AS((void)quarry::parse_iso_date("28/01/2024"), quarry::usage_error);
  CHECK_THROWS_AS((void)quarry::parse_iso_date("2024-02-30"), quarry::error);
}

TEST_CASE("dates: calendar arithmetic round-trips and knows weekdays") {
  using namespace quarry::calendar;
  CHECK(weekday_of({2024, 1, 28}) == 7);
  CHECK(weekday_of({2000, 1, 1}) == 6);
  CHECK(add_days({2024, 2, 28}, 1) == quarry::calendar_date{2024, 2, 29});
  CHECK(add_days({2023, 12, 31}, 1) == quarry::calendar_date{2024, 1, 1});
  CHECK(add_months({2024, 3, 31}, -1) == quarry::calendar_date{2024, 2, 29});
  CHECK(iso_week_string({2024, 1, 1}) == "2024-W01");
  CHECK(iso_week_string({2021, 1, 3}) == "2020-W53");
  CHECK(iso(0, 1, 25) == "--01-25");
  CHECK(iso(2020, 1, 0) == "2020-01");
}
