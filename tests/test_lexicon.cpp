// Tests for quarry/lexicon/geography.hpp: the built-in gazetteer, its lookups and user TSV files.
#include <quarry/lexicon/geography.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#ifndef QUARRY_TEST_DATA_DIR
#define QUARRY_TEST_DATA_DIR "tests/data"
#endif

namespace {

const quarry::geo_entry& first_place(std::string_view name) {
  const auto& g = *quarry::gazetteer::builtin();
  const auto c = g.lookup(name);
  REQUIRE_MESSAGE(!c.empty(), name);
  return g.entry(c.front());
}

}  // namespace

TEST_CASE("lexicon: every common short form of a country names the same country") {
  for (const char* n : {"United States", "U.S.", "US", "USA", "America", "United States of America"}) {
    CAPTURE(n);
    const auto* c = quarry::find_country(n);
    REQUIRE(c != nullptr);
    CHECK(c->name == "United States");
    CHECK(c->country == "US");
  }
  for (const char* n : {"UK", "U.K.", "Britain", "Great Britain", "United Kingdom"}) {
    CAPTURE(n);
    REQUIRE(quarry::find_country(n) != nullptr);
    CHECK(quarry::find_country(n)->country == "GB");
  }
  CHECK(quarry::find_country("Burma")->country == "MM");
  CHECK(quarry::find_country("Ivory Coast")->country == "CI");
  CHECK(quarry::find_country("Cote d'Ivoire")->country == "CI");
  CHECK(quarry::find_country("South Korea")->country == "KR");
  CHECK(quarry::find_country("IQ")->name == "Iraq");
  CHECK(quarry::find_country("us") == nullptr);  // the pronoun
  CHECK(quarry::find_country("Atlantis") == nullptr);
}

TEST_CASE("lexicon: all ISO countries are there with codes and coordinates") {
  const auto& g = *quarry::gazetteer::builtin();
  int countries = 0;
  for (const auto& e : g.entries()) {
    if (e.kind == quarry::place_kind::country && !e.has(quarry::geo_constituent)) {
      ++countries;
      CHECK(e.country.size() == 2);
    }
  }
  CHECK(countries >= 245);
  const auto* fr = quarry::find_country("France");
  REQUIRE(fr != nullptr);
  CHECK(fr->has_coordinates());
}

TEST_CASE("lexicon: demonyms give their country, in singular and plural, any case") {
  CHECK(quarry::find_demonym("Iraqi") == "IQ");
  CHECK(quarry::find_demonym("Iraqis") == "IQ");
  CHECK(quarry::find_demonym("American") == "US");
  CHECK(quarry::find_demonym("Americans") == "US");
  CHECK(quarry::find_demonym("FRENCH") == "FR");
  CHECK(quarry::find_demonym("Chinese") == "CN");
  CHECK(quarry::find_demonym("Britons") == "GB");
  CHECK(quarry::find_demonym("Filipinos") == "PH");
  CHECK(quarry::find_demonym("Scottish") == "GB");
  CHECK(quarry::find_demonym("Baghdad").empty());
  CHECK(quarry::find_demonym("").empty());
}

TEST_CASE("lexicon: cities carry country, coordinates and population; common alternate names join them") {
  const auto& baghdad = first_place("Baghdad");
  CHECK(baghdad.kind == quarry::place_kind::city);
  CHECK(baghdad.country == "IQ");
  CHECK(baghdad.lat == doctest::Approx(33.34).epsilon(0.01));
  CHECK(baghdad.has(quarry::geo_capital));
  CHECK(first_place("Kiev").name == "Kyiv");
  CHECK(first_place("Bombay").name == "Mumbai");
  CHECK(first_place("Sao Paulo").name == "São Paulo");  // the ASCII spelling finds the city
  CHECK(first_place("Paris").country == "FR");          // the largest first: Paris, France before Paris, Texas
  CHECK(first_place("Nice").has(quarry::geo_common_word));
}

TEST_CASE("lexicon: US states and well-known regions are known, ambiguous names keep every candidate") {
  const auto& g = *quarry::gazetteer::builtin();
  const auto georgia = g.lookup("Georgia");
  REQUIRE(georgia.size() >= 2);
  bool country = false, state = false;
  for (auto id : georgia) {
    country |= g.entry(id).kind == quarry::place_kind::country && g.entry(id).country == "GE";
    state |= g.entry(id).has(quarry::geo_us_state);
  }
  CHECK(country);
  CHECK(state);
  for (const char* r : {"Middle East", "Gaza Strip", "West Bank", "Kurdistan", "Sahel", "Balkans", "Texas", "Anbar"}) {
    CAPTURE(r);
    CHECK(first_place(r).kind == quarry::place_kind::region);
  }
  CHECK(first_place("Gaza").name == "Gaza Strip");
  CHECK(first_place("England").kind == quarry::place_kind::country);
  CHECK(first_place("England").country == "GB");
}

TEST_CASE("lexicon: a user TSV file adds places and demonyms and overrides built-in names") {
  quarry::gazetteer_options opts;
  opts.files.push_back(QUARRY_TEST_DATA_DIR "/lexicon/places.tsv");
  const quarry::gazetteer g(opts);
  const auto victoria = g.lookup("Victoria");
  REQUIRE(victoria.size() == 1);  // the user's Victoria replaces the built-in ones
  CHECK(g.entry(victoria[0]).country == "CA");
  CHECK(g.entry(victoria[0]).population == 92141);
  const auto camp = g.lookup("Lemonnier");
  REQUIRE(camp.size() == 1);
  CHECK(g.entry(camp[0]).name == "Camp Lemonnier");
  CHECK(g.entry(camp[0]).kind == quarry::place_kind::facility);
  CHECK(g.find_demonym("Ruritanian") == "RU");
  CHECK(g.find_country("Iraq") != nullptr);  // built-in data is still there
}

TEST_CASE("lexicon: a bad user line is reported with its file and line number") {
  try {
    (void)quarry::gazetteer::with_user_text("Kandor\tcity\t\n# fine so far\nGotham\tcity\tUSA\n", "user.tsv", false);
    FAIL("no exception");
  } catch (const quarry::lexicon_error& e) {
    CHECK(e.line() == 3);
    CHECK(e.path() == "user.tsv");
    CHECK(std::string(e.what()).find("USA") != std::string::npos);
  }
  CHECK_THROWS_AS((void)quarry::gazetteer::with_user_text("Metropolis\tplanet\n", "u.tsv", false), quarry::lexicon_error);
  CHECK_THROWS_AS((void)quarry::gazetteer::with_user_text("Metropolis\tcity\tUS\t91\t0\n", "u.tsv", false), quarry::lexicon_error);
  CHECK_THROWS_AS((void)quarry::gazetteer::with_user_text("Metropolis\tcity\tUS\t1\t2\t\tmany\n", "u.tsv", false), quarry::lexicon_error);
  quarry::gazetteer_options opts;
  opts.builtin = false;
  opts.files.push_back(QUARRY_TEST_DATA_DIR "/lexicon/bad_kind.tsv");
  try {
    quarry::gazetteer g(opts);
    FAIL("no exception");
  } catch (const quarry::lexicon_error& e) {
    CHECK(e.line() == 2);  // the unknown kind "planet"
    CHECK(std::string(e.what()).find("bad_kind.tsv:2") != std::string::npos);
  }
  opts.files = {"/nonexistent/places.tsv"};
  CHECK_THROWS_AS(quarry::gazetteer{opts}, quarry::lexicon_error);
}
