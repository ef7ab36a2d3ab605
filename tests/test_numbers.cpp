// Tests for quarry/lexicon/numbers.hpp, numbers_lexicon.hpp and units.hpp: numerals, number words,
// units and currencies as the extractors read them.
#include <doctest/doctest.h>

#include <string_view>

#include "quarry/lexicon/numbers.hpp"
#include "quarry/lexicon/numbers_lexicon.hpp"
#include "quarry/lexicon/units.hpp"

using quarry::numbers::parse_numeral;

TEST_CASE("numbers: numerals with thousands separators and decimals") {
  auto n = parse_numeral("2,500");
  CHECK(n.value == 2500);
  CHECK(n.grouped);
  CHECK(n.length == 5);
  CHECK(parse_numeral("1,000,000").value == 1000000);
  n = parse_numeral("0.75");
  CHECK(n.value == doctest::Approx(0.75));
  CHECK(n.frac_digits == 2);
  CHECK_FALSE(n.leading_zero);
}

TEST_CASE("numbers: the digits stop where a suffix starts") {
  auto n = parse_numeral("3.2m");
  CHECK(n.value == doctest::Approx(3.2));
  CHECK(n.length == 3);
  n = parse_numeral("1.5bn");
  CHECK(n.length == 3);
  n = parse_numeral("10-20");
  CHECK(n.value == 10);
  CHECK(n.length == 2);
  n = parse_numeral("101st");
  CHECK(n.value == 101);
  CHECK(n.length == 3);
}

TEST_CASE("numbers: a comma not followed by three digits ends the number") {
  auto n = parse_numeral("12,5");
  CHECK(n.value == 12);
  CHECK(n.length == 2);
  n = parse_numeral("1,0000");
  CHECK(n.value == 1);
}

TEST_CASE("numbers: continental dot groups and signs") {
  auto n = parse_numeral("1.000.000");
  CHECK(n.value == 1000000);
  CHECK(n.dot_grouped);
  n = parse_numeral("1.000");
  CHECK(n.value == 1);  // one group alone is read as decimals; the extractor decides from context
  CHECK(n.frac_digits == 3);
  n = parse_numeral("-5");
  CHECK(n.value == -5);
  CHECK(n.negative);
  CHECK(parse_numeral("0845").leading_zero);
  CHECK_FALSE(parse_numeral("abc").ok());
}

TEST_CASE("numbers: the lexicon knows number words, multipliers and fractions case-insensitively") {
  auto lex = quarry::detail::amount_lexicon::shared();
  using namespace quarry::detail;
  const word_info* w = lex->find("Twelve");
  REQUIRE(w);
  CHECK(w->is(w_cardinal));
  CHECK(w->value == 12);
  CHECK(lex->find("BILLION")->value == 1e9);
  CHECK(lex->find("thirds")->is(w_fraction));
  CHECK(lex->find("third")->is(w_ordinal));
  CHECK(lex->find("thousands")->is(w_round_plural));
  CHECK(lex->find("Jan.")->month == 1);
  CHECK(lex->find("Saturday")->weekday == 6);
  CHECK(lex->find("No.")->is(w_number_label));
  CHECK(lex->find("kilometres")->is(w_unit));
  CHECK(lex->find("ringgit")->is(w_currency));
  CHECK(lex->find("zyxw") == nullptr);
  // shared: one table per process
  CHECK(lex.get() == quarry::detail::amount_lexicon::shared().get());
}

TEST_CASE("numbers: currencies have codes and names") {
  CHECK(quarry::currency_name("GBP") == "pounds");
  CHECK(quarry::currency_name("MYR") == "ringgit");
  CHECK(quarry::currency_name("USD") == "dollars");
  CHECK(quarry::currency_name("XYZ").empty());
}
