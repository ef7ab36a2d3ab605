// Tests for the TimeML side of quarry's dates (date_periods.hpp, date_resolve.hpp): values resolved
// against the publication date, quarters and halves, and dates that lean on the date named before.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/extract/dates.hpp"
#include "quarry/tokenizer.hpp"

namespace {

struct found {
  std::string text;
  std::string value;
};

std::vector<found> dates_in(std::string_view text, std::optional<quarry::calendar_date> anchor) {
  quarry::document doc{std::string(text)};
  doc.set_date(anchor);
  quarry::tokenizer{}(doc);
  quarry::dates{}(doc);
  std::vector<found> out;
  for (const auto& d : doc.dates()) out.push_back({std::string(doc.text(d)), d.value});
  return out;
}

found only(std::string_view text, std::optional<quarry::calendar_date> anchor) {
  auto all = dates_in(text, anchor);
  INFO("sentence: " << text);
  REQUIRE(all.size() == 1);
  return all[0];
}

constexpr quarry::calendar_date nov_2_1989{1989, 11, 2};    // a Thursday
constexpr quarry::calendar_date jan_6_2000{2000, 1, 6};     // a Thursday, days after a year end
constexpr quarry::calendar_date mar_1_2024{2024, 3, 1};     // a Friday, the day after a leap day
constexpr quarry::calendar_date dec_30_2025{2025, 12, 30};  // a Tuesday, days before a year end

}  // namespace

TEST_CASE("dates, TimeML: a month or day without a year takes the publication year, or the nearest") {
  CHECK(only("The board met on Oct. 12 to weigh the offer.", nov_2_1989).value == "1989-10-12");
  // close ahead stays in the year even in a past-tense clause ("payable", "expire" name a deadline)
  CHECK(only("The dividend is payable Dec. 15 to holders of record.", nov_2_1989).value == "1989-12-15");
  CHECK(only("The warrants expire Nov. 21, the company said.", nov_2_1989).value == "1989-11-21");
  // across a year end: a January deadline in a December article is next year's
  CHECK(only("The ministry said the rules take effect Jan. 3.", dec_30_2025).value == "2026-01-03");
  CHECK(only("The court must rule by Jan. 14, lawyers said.", jan_6_2000).value == "2000-01-14");
  // a December event told in the past tense in a January article is last year's
  CHECK(only("The plant was shut on Dec. 20 after the spill.", jan_6_2000).value == "1999-12-20");
  CHECK(only("Prices fell sharply in August, traders said.", jan_6_2000).value == "1999-08");
  // a leap day resolves into a leap year only
  CHECK(only("Voters went to the polls on Feb. 29.", mar_1_2024).value == "2024-02-29");
  CHECK(only("The filing deadline will fall in July.", mar_1_2024).value == "2024-07");
  // without a publication date the value stays as far as the text gives it
  CHECK(only("The board met on Oct. 12 to weigh the offer.", std::nullopt).value == "--10-12");
}

TEST_CASE("dates, TimeML: weekdays follow the tense of their clause") {
  CHECK(only("The union said Friday that talks had failed.", jan_6_2000).value == "1999-12-31");
  CHECK(only("Protesters planned a march downtown on Saturday.", jan_6_2000).value == "2000-01-08");
  CHECK(only("The hearing was postponed until Tuesday morning.", jan_6_2000).value == "2000-01-11");
  CHECK(only("The envoy could arrive as early as Monday.", dec_30_2025).value == "2026-01-05");
  CHECK(only("Rescuers found the climbers on Sunday.", dec_30_2025).value == "2025-12-28");
}

TEST_CASE("dates, TimeML: quarters, halves and fiscal years") {
  auto q = only("Net income fell 12% in the third quarter of 1990.", nov_2_1989);
  CHECK(q.text == "the third quarter of 1990");
  CHECK(q.value == "1990-Q3");
  auto adj = only("The company posted third-quarter profit of $4 million.", nov_2_1989);
  CHECK(adj.text == "third-quarter");
  CHECK(adj.value == "1989-Q3");
  // a quarter that has not begun by the publication date is last year's
  CHECK(only("Sales rose in the fourth quarter, the retailer said.", {{1990, 2, 14}}).value == "1989-Q4");
  CHECK(only("Sales rose in the fourth quarter, the retailer said.", nov_2_1989).value == "1989-Q4");
  CHECK(only("Margins improved in the first half of 1989.", nov_2_1989).value == "1989-H1");
  CHECK(only("Revenue grew in the first two quarters of 1990.", nov_2_1989).value == "1990-H1");
  CHECK(only("The loss narrowed in this year's second quarter.", nov_2_1989).value == "1989-Q2");
  auto f = only("The utility expects higher earnings in fiscal 1990.", nov_2_1989);
  CHECK(f.text == "fiscal 1990");
  CHECK(f.value == "1990");
  // halves of a game, quarters of a city and shares are not dates
  CHECK(dates_in("He scored twice in the first half of the match.", nov_2_1989).empty());
  CHECK(dates_in("A quarter of the votes were spoiled.", nov_2_1989).empty());
  CHECK(dates_in("Cafes line the Latin Quarter in Paris.", nov_2_1989).empty());
}

TEST_CASE("dates, TimeML: periods that point back at the date named before") {
  const auto v = dates_in(
      "Profit rose 8% in the second quarter. Revenue in the quarter climbed, and the year-earlier "
      "quarter had a loss. A year ago, the firm was losing money.",
      nov_2_1989);
  REQUIRE(v.size() == 4);
  CHECK(v[0].value == "1989-Q2");
  CHECK(v[1].text == "the quarter");
  CHECK(v[1].value == "1989-Q2");
  CHECK(v[2].text == "the year-earlier quarter");
  CHECK(v[2].value == "1988-Q2");
  CHECK(v[3].text == "A year ago");
  CHECK(v[3].value == "1988-Q2");
  // a day before a named date, across a year end
  const auto d = dates_in("The ship sailed on Jan. 1, 2000. A day earlier, the crew had boarded.", jan_6_2000);
  REQUIRE(d.size() == 2);
  CHECK(d[1].text == "A day earlier");
  CHECK(d[1].value == "1999-12-31");
  // with nothing named before, "a year earlier" counts from the publication date
  CHECK(only("A year earlier, the plant employed 300 people.", mar_1_2024).value == "2023");
  CHECK(only("The quarter brought record sales, the chain said.", nov_2_1989).value == "1989-Q3");
  // "before" followed by a clause is a conjunction, not a date
  CHECK(dates_in("The map was drawn seven years before the probe is set to land.", mar_1_2024).empty());
}

TEST_CASE("dates, TimeML: seasons, the past year and the day after a named date") {
  CHECK(only("Exports slumped last fall, the ministry said.", {{1998, 10, 20}}).value == "1997-FA");
  CHECK(only("Exports slumped last fall, the ministry said.", {{1998, 12, 20}}).value == "1998-FA");
  CHECK(only("The dam will be finished next spring.", {{2025, 12, 30}}).value == "2026-SP");
  CHECK(only("Rents rose this summer across the city.", mar_1_2024).value == "2024-SU");
  CHECK(only("Prices doubled over the past year in the capital.", jan_6_2000).value == "1999");
  const auto d = dates_in("The strike began on Feb. 28, 2024. The following day, talks resumed.", mar_1_2024);
  REQUIRE(d.size() == 2);
  CHECK(d[1].text == "The following day");
  CHECK(d[1].value == "2024-02-29");
  // "a year earlier" after a quarter reads the quarter, not the day the quarter ended
  const auto q = dates_in("In the third quarter, ended Sept. 30, profit rose. A year earlier, it fell.", nov_2_1989);
  REQUIRE(q.size() == 3);
  CHECK(q[2].value == "1988-Q3");
  // a weekday reads only the words before it: the clause after belongs to the reported speech
  CHECK(only("The minister said Friday that he would resign.", jan_6_2000).value == "1999-12-31");
}

TEST_CASE("dates, TimeML: the tense of a clause, read past passives, nouns and speech verbs") {
  // "to be completed" is passive: the clause looks ahead ("expect"), so Dec. 15 is this year's
  CHECK(only("The brokers expect the sale to be completed by Dec. 15.", {{1989, 10, 31}}).value == "1989-12-15");
  CHECK(only("The summit will be held on April 24, officials said.", {{1999, 2, 10}}).value == "1999-04-24");
  // "the plan" is a noun, not a plan for the future: the bank announced it in August
  CHECK(only("The bank announced the plan Aug. 21, after a long review.", {{1989, 10, 27}}).value ==
        "1989-08-21");
  // irregular past forms and "since" put the month behind the publication date
  CHECK(only("The fund bought the stake in February for $25 million.", {{1989, 10, 30}}).value == "1989-02");
  CHECK(only("Police have hunted him since the Oct. 23 shooting.", {{1999, 5, 6}}).value == "1998-10-23");
  // no tense at all: a month up to about eight months back is this year's, a near one ahead next year's
  CHECK(only("The company's shares hit a low of $29 in March.", {{1989, 10, 30}}).value == "1989-03");
  CHECK(only("The credit line runs through January under the accord.", {{1989, 10, 30}}).value == "1990-01");
  // "payable" and "effective" name a date to come
  CHECK(only("The company declared a dividend payable Dec. 15.", {{1989, 10, 26}}).value == "1989-12-15");
  CHECK(only("The board created a new office, effective Feb. 1.", {{1989, 10, 26}}).value == "1990-02-01");
}

TEST_CASE("dates, TimeML: weekdays after a speech verb and at the start of a sentence") {
  // the day a statement was made lies behind the publication date, whatever the statement says
  CHECK(only("\"We will cut jobs,\" the chairman said Friday.", {{1989, 10, 30}}).value == "1989-10-27");
  CHECK(only("\"Talks will resume,\" the envoy said on Monday.", {{1998, 3, 5}}).value == "1998-03-02");
  // a weekday that opens its sentence reads the clause after it
  CHECK(only("On Tuesday, the league plans to vote on the new rules.", {{1998, 10, 26}}).value == "1998-10-27");
  CHECK(only("Until Thursday, investigators had not named a suspect.", {{1999, 5, 7}}).value == "1999-05-06");
}

TEST_CASE("dates, TimeML: references to the recent past and the time ahead") {
  CHECK(only("The mill recently cut 200 jobs.", nov_2_1989).value == "PAST_REF");
  auto more = only("More recently, the regulator fined two banks.", jan_6_2000);
  CHECK(more.text == "More recently");
  CHECK(more.value == "PAST_REF");
  auto years = only("Flooding has worsened in recent years along the coast.", mar_1_2024);
  CHECK(years.text == "recent years");
  CHECK(years.value == "PAST_REF");
  auto past = only("Such raids were rare in the past, residents said.", dec_30_2025);
  CHECK(past.text == "the past");
  CHECK(past.value == "PAST_REF");
  auto coming = only("Aid convoys are expected in the coming days.", dec_30_2025);
  CHECK(coming.text == "coming days");
  CHECK(coming.value == "FUTURE_REF");
  // "the past two months" is a span; "now", "currently" and "the future" are not reported
  CHECK(dates_in("Sales fell in the past two months.", nov_2_1989).empty());
  CHECK(dates_in("The plant is now closed and currently has no buyer.", nov_2_1989).empty());
  CHECK(dates_in("Nobody can predict the future of the market.", nov_2_1989).empty());
}

TEST_CASE("dates, TimeML: weeks and weekends") {
  // "six weeks ago" is a week; across a year end the ISO week belongs to the year before
  CHECK(only("The boat capsized six weeks ago off the coast.", jan_6_2000).value == "1999-W47");
  CHECK(only("The bill passed two weeks ago in the Senate.", {{2021, 1, 12}}).value == "2020-W53");
  // "over the weekend": the one before a weekday's publication, the coming one in a future clause
  CHECK(only("Officials met over the weekend to discuss the strike.", {{1990, 8, 13}}).value == "1990-W32-WE");
  CHECK(only("Traders squared positions ahead of the weekend.", {{1989, 10, 27}}).value == "1989-W43-WE");
  CHECK(only("The talks will continue over the weekend.", {{1989, 10, 27}}).value == "1989-W43-WE");
  CHECK(only("Crowds gathered over the weekend, the police said.", {{2024, 3, 3}}).value == "2024-W09-WE");
  CHECK(only("The stadium was full last weekend.", mar_1_2024).value == "2024-W08-WE");
}

TEST_CASE("dates, TimeML: the year, the summer, later in the day") {
  CHECK(only("Profit for the full year rose 8%.", nov_2_1989).value == "1989");
  CHECK(only("The firm expects higher sales in the current fiscal year.", nov_2_1989).value == "1989");
  // "the year" after a named year is that year
  const auto y = dates_in("The mine opened in 1985. For the year, it lost money.", nov_2_1989);
  REQUIRE(y.size() == 2);
  CHECK(y[1].value == "1985");
  CHECK(dates_in("Profit rose from the year before.", nov_2_1989).empty());
  CHECK(dates_in("She was named Person of the Year.", nov_2_1989).empty());
  CHECK(only("The alliance was formed in 2014, the year the rebels took the city.", nov_2_1989).value == "2014");
  CHECK(only("Demand stayed weak over the summer.", nov_2_1989).value == "1989-SU");
  CHECK(only("Orders rose from the early summer lows.", {{1990, 2, 1}}).value == "1989-SU");
  CHECK(only("The minister arrived in the capital later in the day.", mar_1_2024).value == "2024-03-01");
  const auto day = dates_in("The vote was held on Feb. 28. Later in the day, crowds gathered.", mar_1_2024);
  REQUIRE(day.size() == 2);
  CHECK(day[1].value == "2024-02-28");
  CHECK(dates_in("The fall in prices hurt farmers.", nov_2_1989).empty());
}

TEST_CASE("dates, TimeML: holidays") {
  CHECK(only("The boy was rescued on Thanksgiving Day.", jan_6_2000).value == "1999-11-25");
  CHECK(only("Shoppers crowded the malls last Thanksgiving.", {{2000, 2, 10}}).value == "1999-11-25");
  CHECK(only("Turnout will be high on Election Day.", {{1998, 10, 26}}).value == "1998-11-03");
  CHECK(only("The ceasefire held through Christmas Eve.", jan_6_2000).value == "1999-12-24");
  CHECK(only("The law takes effect on New Year's Day.", dec_30_2025).value == "2026-01-01");
  CHECK(only("The shops close on Christmas Day.", std::nullopt).value == "--12-25");
  CHECK(dates_in("Flights to Christmas Island were cancelled.", jan_6_2000).empty());
}
