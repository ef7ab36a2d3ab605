// Tests for quarry/extract/locations.hpp: place mentions and entities on news sentences of many topics.
#include <quarry/extract/locations.hpp>
#include <quarry/tokenizer.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct found {
  std::string text, name, kind, country;
  quarry::place_role role = quarry::place_role::place;
};

const quarry::locations& stage() {
  static const quarry::locations s{};
  return s;
}

std::vector<found> places_in(const std::string& text) {
  quarry::document doc(text);
  quarry::tokenizer{}(doc);
  stage()(doc);
  std::vector<found> out;
  for (const auto& m : doc.place_mentions()) {
    const auto& p = doc.places()[m.place];
    out.push_back({std::string(doc.text(m)), p.name, std::string(quarry::to_string(p.kind)), p.country, m.role});
  }
  return out;
}

const found* mention(const std::vector<found>& v, const std::string& text) {
  for (const auto& f : v) {
    if (f.text == text) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("locations: countries, cities and regions in a conflict report, with one entity per place") {
  const std::string text =
      "Rockets hit a base in western Iraq on Sunday, the U.S. military said. The United States has 2,500 "
      "troops in Iraq. Officials in Baghdad said the attack came from Syria. US envoys later flew to the Middle East.";
  quarry::document doc(text);
  quarry::tokenizer{}(doc);
  stage()(doc);
  CHECK((doc.done() & quarry::layer::places) != 0);
  std::vector<std::string> names;
  for (const auto& p : doc.places()) names.push_back(p.name);
  CHECK(names == std::vector<std::string>{"Iraq", "United States", "Baghdad", "Syria", "Middle East"});
  int us = 0;
  for (const auto& m : doc.place_mentions()) us += doc.places()[m.place].name == "United States";
  CHECK(us == 3);  // "U.S.", "United States" and "US" share one entity
  const auto& baghdad = doc.places()[2];
  CHECK(baghdad.kind == quarry::place_kind::city);
  CHECK(baghdad.country == "IQ");
  REQUIRE(baghdad.lat.has_value());
  CHECK(*baghdad.lat == doctest::Approx(33.34).epsilon(0.01));
  for (const auto& m : doc.place_mentions()) CHECK(doc.text(m) == text.substr(m.where.begin, m.where.size()));
}

TEST_CASE("locations: Georgia the US state vs the country, by what else the article names") {
  auto state = places_in("Voters in Atlanta lined up for hours. Georgia certified its results on Friday, and "
                         "officials in Savannah praised the count.");
  const auto* g = mention(state, "Georgia");
  REQUIRE(g != nullptr);
  CHECK(g->kind == "region");
  CHECK(g->country == "US");
  auto country = places_in("Protesters filled the streets of Tbilisi as Georgia's parliament debated the bill, "
                           "which critics compare to a law in Russia.");
  g = mention(country, "Georgia");
  REQUIRE(g != nullptr);
  CHECK(g->kind == "country");
  CHECK(g->country == "GE");
  auto cued = places_in("The company will build a battery plant in the state of Georgia, executives said.");
  g = mention(cued, "Georgia");
  REQUIRE(g != nullptr);
  CHECK(g->country == "US");
}

TEST_CASE("locations: Jordan the country vs Jordan the person") {
  auto sport = places_in("Michael Jordan won six titles with Chicago. Jordan said the team had never been better.");
  CHECK(mention(sport, "Jordan") == nullptr);
  auto news = places_in("Aid convoys crossed from Jordan into Syria on Tuesday.");
  const auto* j = mention(news, "Jordan");
  REQUIRE(j != nullptr);
  CHECK(j->country == "JO");
}

TEST_CASE("locations: a capital used as an actor is not a place mention") {
  auto v = places_in("Washington said the sanctions would stay. Moscow has warned of retaliation.");
  CHECK(mention(v, "Washington") == nullptr);
  CHECK(mention(v, "Moscow") == nullptr);
  auto w = places_in("The summit was held in Washington last week.");
  REQUIRE(mention(w, "Washington") != nullptr);
  CHECK(mention(w, "Washington")->country == "US");
}

TEST_CASE("locations: place names inside people's and organizations' names are not places named as places") {
  auto v = places_in("Paris Hilton attended the gala. Shares of Bank of America rose, while the University of "
                     "Texas announced new funding. The Washington Post reported the deal.");
  CHECK(mention(v, "Paris") == nullptr);  // a person's name holds no place at all
  // an organization's name does: reported, with the role that says so
  for (const char* name : {"America", "Texas", "Washington"}) {
    CAPTURE(std::string_view(name));
    REQUIRE(mention(v, name) != nullptr);
    CHECK(mention(v, name)->role == quarry::place_role::in_name);
  }
  CHECK(v.size() == 3);
}

TEST_CASE("locations: demonyms are not place mentions, but the lookup gives their country") {
  auto v = places_in("Iraqi forces and American advisers met Kurdish leaders. Many Brits and Iraqis watched.");
  CHECK(v.empty());
  CHECK(quarry::find_demonym("Iraqis") == "IQ");
}

TEST_CASE("locations: facilities and divisions are found by pattern when no lexicon knows them") {
  auto v = places_in("Drones targeted al-Asad Air Base and the Taji military base, officials in Anbar province said. "
                     "Flights at Baghdad airport resumed.");
  const auto* base = mention(v, "al-Asad Air Base");
  REQUIRE(base != nullptr);
  CHECK(base->kind == "facility");
  const auto* taji = mention(v, "Taji military base");
  REQUIRE(taji != nullptr);
  CHECK(taji->kind == "facility");
  const auto* anbar = mention(v, "Anbar province");
  REQUIRE(anbar != nullptr);
  CHECK(anbar->kind == "region");
  CHECK(anbar->name == "Anbar");
  const auto* airport = mention(v, "Baghdad airport");
  REQUIRE(airport != nullptr);
  CHECK(airport->kind == "facility");
  CHECK(airport->country == "IQ");
  auto nigeria = places_in("Gunmen attacked a village in Zamfara State, police said.");
  CHECK(mention(nigeria, "Zamfara State") != nullptr);
  auto org = places_in("The Islamic State claimed the attack.");
  CHECK(org.empty());
}

TEST_CASE("locations: relative locations keep their anchor") {
  auto v = places_in("The convoy was ambushed 70 miles west of Baghdad, near the town of Ramadi.");
  REQUIRE(mention(v, "Baghdad") != nullptr);
  REQUIRE(mention(v, "Ramadi") != nullptr);
  CHECK(mention(v, "Ramadi")->country == "IQ");
}

TEST_CASE("locations: common words and small towns need evidence before they count as places") {
  auto v = places_in("Police said the Split decision was Nice. Reading the report took hours.");
  CHECK(v.empty());
  auto w = places_in("The festival moved from Nice to Reading this year.");
  CHECK(mention(w, "Nice") != nullptr);
  CHECK(mention(w, "Reading") != nullptr);
}

TEST_CASE("locations: sport, business and science stories in other countries") {
  auto sport = places_in("Kenya's runners swept the podium in Berlin, while Brazil beat Argentina 2-1 in "
                         "Buenos Aires on Tuesday.");
  for (const char* n : {"Kenya", "Berlin", "Brazil", "Argentina", "Buenos Aires"}) {
    CAPTURE(n);
    CHECK(mention(sport, n) != nullptr);
  }
  auto business = places_in("The carmaker will open a plant near Chennai, India, and expand output in "
                            "South Korea and Vietnam.");
  REQUIRE(mention(business, "Chennai") != nullptr);
  CHECK(mention(business, "Chennai")->country == "IN");
  CHECK(mention(business, "South Korea") != nullptr);
  CHECK(mention(business, "Vietnam") != nullptr);
  auto disaster = places_in("A 6.8-magnitude earthquake struck Morocco's Atlas Mountains south of Marrakesh, "
                            "and aid arrived from Spain and the Gulf.");
  CHECK(mention(disaster, "Morocco") != nullptr);
  CHECK(mention(disaster, "Spain") != nullptr);
  CHECK(mention(disaster, "Gulf") != nullptr);
}

TEST_CASE("locations: courts and politics: old names and short forms resolve to one entity") {
  quarry::document doc(std::string("A court in Kiev ruled on Monday. Judges in Kyiv had delayed the case while Britain "
                                   "and the UK's allies watched."));
  quarry::tokenizer{}(doc);
  stage()(doc);
  std::vector<std::string> names;
  for (const auto& p : doc.places()) names.push_back(p.name);
  CHECK(names == std::vector<std::string>{"Kyiv", "United Kingdom"});
  CHECK(doc.place_mentions().size() == 4);
}

TEST_CASE("locations: a dateline in capitals is a place") {
  auto v = places_in("NAIROBI, Kenya (Reuters) - Floods displaced thousands of families this week.");
  REQUIRE(mention(v, "NAIROBI") != nullptr);
  CHECK(mention(v, "NAIROBI")->name == "Nairobi");
}

TEST_CASE("locations: a user gazetteer adds places the built-in one lacks") {
  auto g = std::make_shared<const quarry::gazetteer>(
      quarry::gazetteer::with_user_text("Camp Lemonnier\tfacility\tDJ\t11.55\t43.15\tLemonnier\n", "user.tsv"));
  const quarry::locations custom(g);
  quarry::document doc(std::string("Marines at Lemonnier prepared to deploy."));
  quarry::tokenizer{}(doc);
  custom(doc);
  REQUIRE(doc.place_mentions().size() == 1);
  CHECK(doc.places()[0].name == "Camp Lemonnier");
  CHECK(doc.places()[0].country == "DJ");
}

TEST_CASE("locations: a place name inside a longer capitalised name is not a place") {
  auto v = places_in("Manchester United beat Everton 2-1 at Old Trafford on Sunday, and fans in Southern "
                     "California watched on television.");
  CHECK(mention(v, "Trafford") == nullptr);
  CHECK(mention(v, "California") != nullptr);  // a compass word before a name is no longer name
}

TEST_CASE("locations: a disaster story in Libya: cities, countries and rescuers' origins") {
  auto v = places_in("Rescue teams from Egypt and Turkey arrived in Benghazi on Wednesday, and the government "
                     "in Tripoli declared three days of mourning, officials said.");
  for (const char* n : {"Egypt", "Turkey", "Benghazi", "Tripoli"}) {
    CAPTURE(n);
    REQUIRE(mention(v, n) != nullptr);
  }
  CHECK(mention(v, "Tripoli")->country == "LY");  // Libya's capital, not Tripoli, Lebanon
  CHECK(mention(v, "Benghazi")->country == "LY");
}

TEST_CASE("locations: AP state abbreviations are states, and the state after a comma picks the town") {
  quarry::document doc(std::string(
      "CHARLESTON, W.Va. (AP) - Flooding closed schools across the state. A crew from Alexandria, La., and "
      "volunteers from Wichita, Kan., arrived on Tuesday, while donations came from Calif. and N.C."));
  quarry::tokenizer{}(doc);
  stage()(doc);
  const auto place_of = [&](std::string_view text) -> const quarry::place* {
    for (const auto& m : doc.place_mentions()) {
      if (doc.text(m) == text) return &doc.places()[m.place];
    }
    return nullptr;
  };
  const auto* wv = place_of("W.Va.");
  REQUIRE(wv != nullptr);
  CHECK(wv->name == "West Virginia");
  const auto* charleston = place_of("CHARLESTON");
  REQUIRE(charleston != nullptr);
  REQUIRE(charleston->lat.has_value());
  CHECK(*charleston->lat == doctest::Approx(38.35).epsilon(0.01));  // West Virginia's, not South Carolina's (32.8)
  const auto* alexandria = place_of("Alexandria");
  REQUIRE(alexandria != nullptr);
  REQUIRE(alexandria->lon.has_value());
  CHECK(*alexandria->lon == doctest::Approx(-92.45).epsilon(0.01));  // Louisiana's, not Virginia's (-77.05)
  REQUIRE(place_of("Kan.") != nullptr);
  CHECK(place_of("Kan.")->name == "Kansas");
  REQUIRE(place_of("Calif.") != nullptr);
  CHECK(place_of("Calif.")->name == "California");
  REQUIRE(place_of("N.C.") != nullptr);
  CHECK(place_of("N.C.")->name == "North Carolina");
}

TEST_CASE("locations: states and provinces have a point inside them") {
  struct expected { const char* text; double lat_min, lat_max, lon_min, lon_max; };
  const expected regions[] = {
      {"Ohio", 38.4, 42.0, -84.9, -80.5},        {"Texas", 25.8, 36.5, -106.7, -93.5},
      {"British Columbia", 48.3, 60.0, -139.1, -114.0},     {"Queensland", -29.2, -10.0, 137.9, 153.6},
      {"West Virginia", 37.2, 40.7, -82.7, -77.7}};
  for (const auto& r : regions) {
    const std::string_view name = r.text;
    CAPTURE(name);
    quarry::document doc(std::string("Officials in ") + r.text + " said the new rules take effect next month.");
    quarry::tokenizer{}(doc);
    stage()(doc);
    REQUIRE(doc.places().size() == 1);
    const auto& p = doc.places()[0];
    CHECK(p.kind == quarry::place_kind::region);
    REQUIRE(p.lat.has_value());
    REQUIRE(p.lon.has_value());
    CHECK(*p.lat > r.lat_min);
    CHECK(*p.lat < r.lat_max);
    CHECK(*p.lon > r.lon_min);
    CHECK(*p.lon < r.lon_max);
  }
}

TEST_CASE("locations: a place inside an organization's name is reported with the role in_name") {
  quarry::document doc(std::string(
      "A spokesman for the University of Texas said the Ohio Department of Health had asked for data. "
      "Researchers in Ohio and Texas agreed."));
  quarry::tokenizer{}(doc);
  stage()(doc);
  std::vector<std::pair<std::string, quarry::place_role>> seen;
  for (const auto& m : doc.place_mentions()) seen.emplace_back(std::string(doc.text(m)), m.role);
  const std::vector<std::pair<std::string, quarry::place_role>> expected{
      {"Texas", quarry::place_role::in_name},
      {"Ohio", quarry::place_role::in_name},
      {"Ohio", quarry::place_role::place},
      {"Texas", quarry::place_role::place}};
  CHECK(seen == expected);
  // "University" before "of" heads an organization's name: not the Florida town of that name
  for (const auto& p : doc.places()) CHECK(p.name != "University");
}
