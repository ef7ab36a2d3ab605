// Tests for quarry/kinds.hpp: the pipeline of named kinds, and the user's lexicons it hands to every stage.
#include <quarry/kinds.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

bool has_actor(const quarry::document& doc, std::string_view name) {
  return std::any_of(doc.actors().begin(), doc.actors().end(), [&](const quarry::actor& a) { return a.name == name; });
}
bool has_place(const quarry::document& doc, std::string_view name) {
  return std::any_of(doc.places().begin(), doc.places().end(), [&](const quarry::place& p) { return p.name == name; });
}

}  // namespace

TEST_CASE("kinds: a user's speech verb reaches places, actors and quotes alike") {
  constexpr std::string_view text =
      "Moscow harrumphed at the plan on Tuesday. \xE2\x80\x9CWe will not move an inch,\xE2\x80\x9D Ana Ruiz harrumphed.";
  const auto builtin = quarry::make_kinds_pipeline(quarry::all_kinds)(text);
  // "harrumphed" is no built-in verb: Moscow stays a place, and the quote has no speaker.
  CHECK(has_place(builtin, "Moscow"));
  CHECK_FALSE(has_actor(builtin, "Russia"));

  quarry::kinds_options options;
  options.speech_verbs.emplace().add("harrumphed");
  const auto doc = quarry::make_kinds_pipeline(quarry::all_kinds, std::move(options))(text);
  CHECK(has_actor(doc, "Russia"));      // actors: the capital speaks for its country
  CHECK_FALSE(has_place(doc, "Moscow"));  // locations: a capital that speaks is no place named
  REQUIRE(doc.quotes().size() == 1);    // quotes: the verb attributes the quotation
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Ana Ruiz");
}

TEST_CASE("kinds: a user's gazetteer reaches actors as well as places") {
  constexpr std::string_view text =
      "The Ruritanian government rejected the offer, and Ruritanian troops stayed in Strelsau.";
  const auto builtin = quarry::make_kinds_pipeline(quarry::all_kinds)(text);
  CHECK_FALSE(has_place(builtin, "Strelsau"));
  CHECK_FALSE(has_actor(builtin, "Ruritanian government"));

  quarry::kinds_options options;
  options.places = std::make_shared<const quarry::gazetteer>(quarry::gazetteer::with_user_text(
      "Ruritania\tcountry\tRR\t45.1\t20.2\n"
      "Strelsau\tcity\tRR\t45.3\t20.5\t\t250000\n"
      "Ruritanian\tdemonym\tRR\n",
      "ruritania.tsv"));
  const auto doc = quarry::make_kinds_pipeline(quarry::all_kinds, std::move(options))(text);
  CHECK(has_place(doc, "Strelsau"));                 // locations: the user's city
  CHECK(has_actor(doc, "Ruritanian government"));    // actors: the user's demonym makes a state body
}

TEST_CASE("kinds: a user's alias names the actor the quote is attributed to") {
  quarry::kinds_options options;
  options.aliases = quarry::alias_table::with_builtin();
  options.aliases->add("MoSW", "Ministry of Silly Walks");
  const auto doc = quarry::make_kinds_pipeline(quarry::all_kinds, std::move(options))(
      "\xE2\x80\x9CThe new rules start in May,\xE2\x80\x9D MoSW said in a statement.");
  CHECK(has_actor(doc, "Ministry of Silly Walks"));
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Ministry of Silly Walks");
}

TEST_CASE("kinds: quantities read the dates the dates stage found, and find the same ones alone") {
  constexpr std::string_view text =
      "The plant, opened in 2019, laid off 340 workers two years ago and will hire 1,200 people by March 2026.";
  const auto both = quarry::make_kinds_pipeline(quarry::layer::quantities | quarry::layer::dates)(text);
  const auto alone = quarry::make_kinds_pipeline(quarry::layer::quantities)(text);
  auto values = [](const quarry::document& doc) {
    std::vector<std::string> v;
    for (const auto& q : doc.quantities()) v.emplace_back(doc.text(q));
    return v;
  };
  // years and dates are no amounts; "two years ago" is a date and an amount of time
  CHECK(values(both) == values(alone));
  CHECK(values(both) == std::vector<std::string>{"340 workers", "two years", "1,200 people"});
  CHECK_FALSE(both.dates().empty());
}

TEST_CASE("kinds: quotes are statements; quoted_terms are the scare quotes and titles, each when asked for") {
  constexpr std::string_view text =
      "The senator called the deal a \xE2\x80\x9Cgiveaway\xE2\x80\x9D on \xE2\x80\x9CMeet the Press\xE2\x80\x9D. "
      "\xE2\x80\x9CWe will block it in committee and on the floor,\xE2\x80\x9D Senator Ruth Okafor said.";
  const auto texts = [&](const quarry::document& doc) {
    std::vector<std::string> out;
    for (const auto& q : doc.quotes()) out.emplace_back(doc.text(q));
    return out;
  };
  const std::string said = "We will block it in committee and on the floor,";
  const auto quotes_only = quarry::make_kinds_pipeline(quarry::all_kinds);
  quarry::document doc = quotes_only(text);
  quarry::keep_kinds(doc, quarry::all_kinds);
  CHECK(texts(doc) == std::vector<std::string>{said});

  const unsigned both = quarry::parse_kinds("quotes,quoted_terms");
  doc = quarry::make_kinds_pipeline(both)(text);
  quarry::keep_kinds(doc, both);
  CHECK(texts(doc) == std::vector<std::string>{"giveaway", "Meet the Press", said});

  const unsigned terms = quarry::parse_kinds("quoted_terms");
  doc = quarry::make_kinds_pipeline(terms)(text);  // the quotes stage runs for them alone
  quarry::keep_kinds(doc, terms);
  CHECK(texts(doc) == std::vector<std::string>{"giveaway", "Meet the Press"});
}
