// Tests for the name tagger (tagger/features.hpp, model.hpp, tagger.hpp, train.hpp): features on
// hand-made sentences, deterministic training on a tiny corpus, the model loader's errors, and the
// built-in model on names of many origins in sentences written for these tests.
#include <quarry/quarry.hpp>
#include <quarry/tagger/train.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

quarry::document tokenized(std::string_view text) {
  quarry::document doc{std::string(text)};
  quarry::tokenizer{}(doc);
  return doc;
}

std::uint32_t token_index(const quarry::document& doc, std::string_view word) {
  for (std::uint32_t i = 0; i < doc.tokens().size(); ++i) {
    if (doc.text(doc.tokens()[i]) == word) return i;
  }
  FAIL("no token " << word);
  return 0;
}

// The type the tagger gives the exact span text, or nothing.
std::optional<quarry::name_type> tagged_as(const quarry::document& doc, std::string_view name) {
  for (const auto& n : doc.tagged_names()) {
    if (doc.text(n.where) == name) return n.type;
  }
  return std::nullopt;
}

quarry::annotated_text annotate(std::string text, std::vector<std::pair<std::string_view, quarry::name_type>> names) {
  quarry::annotated_text t{std::move(text), {}};
  for (const auto& [name, type] : names) {
    const auto at = t.text.find(name);
    REQUIRE(at != std::string::npos);
    t.names.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + name.size()), type});
  }
  return t;
}

std::vector<quarry::annotated_text> tiny_corpus() {
  using quarry::name_type;
  return {
      annotate("Yesterday Amara Okafor met officials of Brightwell Holdings in Lagos.",
               {{"Amara Okafor", name_type::person}, {"Brightwell Holdings", name_type::organization}, {"Lagos", name_type::location}}),
      annotate("Later Tomas Lindqvist flew to Oslo for talks with Nordvik Energy.",
               {{"Tomas Lindqvist", name_type::person}, {"Oslo", name_type::location}, {"Nordvik Energy", name_type::organization}}),
      annotate("The Kestrel Cup final in Melbourne drew a crowd, Priya Raman said.",
               {{"Kestrel Cup", name_type::misc}, {"Melbourne", name_type::location}, {"Priya Raman", name_type::person}}),
  };
}

}  // namespace

TEST_CASE("tagger: features mark candidates, sentence context and lexicon classes") {
  const auto doc = tokenized("President Maria Gonzalez visited Nairobi with van Basten on Monday.\n\nSTOCKS RALLY IN TOKYO\n");
  quarry::detail::tag_features f(*quarry::detail::tag_lexicons::builtin());
  f.reset(doc);
  CHECK(f.candidate(token_index(doc, "Maria")));
  CHECK(f.candidate(token_index(doc, "Nairobi")));
  CHECK(f.candidate(token_index(doc, "van")));  // a particle before a capitalised word
  CHECK_FALSE(f.candidate(token_index(doc, "visited")));
  CHECK_FALSE(f.candidate(token_index(doc, "with")));
  using namespace quarry::detail;
  CHECK((f.info(token_index(doc, "Maria")).lex & (lex_first_name | lex_first_ambiguous)) != 0);
  CHECK((f.info(token_index(doc, "President")).lex & lex_title) != 0);
  CHECK((f.info(token_index(doc, "Nairobi")).lex & lex_place_start) != 0);
  CHECK((f.info(token_index(doc, "Nairobi")).lex & lex_city) != 0);
  CHECK((f.context(token_index(doc, "President")) & ctx_start) != 0);
  CHECK((f.context(token_index(doc, "TOKYO")) & ctx_headline) != 0);
  CHECK((f.context(token_index(doc, "Nairobi")) & ctx_headline) == 0);
  // the same word in another case has another exact hash but the same folded one
  CHECK(f.info(token_index(doc, "STOCKS")).exact != token_hash("Stocks", quarry::match_case::exact));
  CHECK(f.info(token_index(doc, "STOCKS")).folded == token_hash("stocks", quarry::match_case::fold));
  std::array<std::uint64_t, tag_features::max_features> feats{};
  const auto n = f.static_features(token_index(doc, "Gonzalez"), feats.data());
  CHECK(n > 20);
  CHECK(n <= tag_features::max_features);
}

TEST_CASE("tagger: BILOU transitions keep names well formed") {
  using namespace quarry::detail;
  const auto b_per = tag_label(0, quarry::name_type::person), i_per = tag_label(1, quarry::name_type::person);
  const auto l_per = tag_label(2, quarry::name_type::person), u_loc = tag_label(3, quarry::name_type::location);
  CHECK(tag_allowed(0, b_per));
  CHECK(tag_allowed(0, u_loc));
  CHECK_FALSE(tag_allowed(0, i_per));
  CHECK(tag_allowed(b_per, l_per));
  CHECK_FALSE(tag_allowed(b_per, 0));
  CHECK_FALSE(tag_allowed(b_per, tag_label(2, quarry::name_type::organization)));
  CHECK(tag_allowed(l_per, b_per));
}

TEST_CASE("tagger: training is deterministic and learns a tiny corpus") {
  auto train = [] {
    quarry::tagger_trainer t({.bits = 12});
    for (const auto& x : tiny_corpus()) CHECK(t.add(x) == 0);
    for (int e = 0; e < 6; ++e) t.epoch();
    return t.model();
  };
  const auto a = train(), b = train();
  CHECK(a.to_bytes() == b.to_bytes());
  const quarry::tagged_names tagger(std::make_shared<const quarry::tagger_model>(a));
  auto doc = tokenized("Yesterday Amara Okafor met officials of Brightwell Holdings in Lagos.");
  tagger(doc);
  CHECK(tagged_as(doc, "Amara Okafor") == quarry::name_type::person);
  CHECK(tagged_as(doc, "Brightwell Holdings") == quarry::name_type::organization);
  CHECK(tagged_as(doc, "Lagos") == quarry::name_type::location);
  // another seed gives another order, and the trainer says so in its bytes only through the weights
  quarry::tagger_trainer other({.bits = 12, .seed = 7});
  for (const auto& x : tiny_corpus()) other.add(x);
  other.epoch();
  CHECK(other.model().bits() == 12);
}

TEST_CASE("tagger: a model survives its file format and the loader refuses bad files") {
  quarry::tagger_trainer t({.bits = 10});
  for (const auto& x : tiny_corpus()) t.add(x);
  t.epoch();
  const auto m = t.model();
  const std::string bytes = m.to_bytes();
  const auto back = quarry::tagger_model::from_bytes(bytes, "mem");
  CHECK(back.weights() == m.weights());
  CHECK(back.magnitudes() == m.magnitudes());

  auto error_of = [](const std::string& b) -> std::string {
    try {
      (void)quarry::tagger_model::from_bytes(b, "bad.model");
    } catch (const quarry::model_error& e) {
      CHECK(e.path() == "bad.model");
      return e.what();
    }
    return "no error";
  };
  CHECK(error_of("") .find("truncated") != std::string::npos);
  CHECK(error_of(bytes.substr(0, 20)).find("truncated") != std::string::npos);
  CHECK(error_of(bytes.substr(0, bytes.size() - 5)).find("truncated") != std::string::npos);
  CHECK(error_of(bytes + "xyz").find("trailing") != std::string::npos);
  std::string flipped = bytes;
  flipped[flipped.size() - 3] = static_cast<char>(flipped[flipped.size() - 3] ^ 0x40);
  CHECK(error_of(flipped).find("corrupt") != std::string::npos);
  std::string magic = bytes;
  magic[0] = 'X';
  CHECK(error_of(magic).find("not a quarry tagger model") != std::string::npos);
  std::string version = bytes;
  version[8] = 9;
  CHECK(error_of(version).find("version") != std::string::npos);

  const auto missing = (std::filesystem::temp_directory_path() / "quarry_no_such_model.bin").string();
  CHECK_THROWS_AS((void)quarry::tagger_model::from_file(missing), quarry::model_error);
  const auto path = (std::filesystem::temp_directory_path() / ("quarry_tagger_test_" + std::to_string(::getpid()) + ".bin")).string();
  m.save(path);
  CHECK(quarry::tagger_model::from_file(path).weights() == m.weights());
  std::filesystem::remove(path);
}

TEST_CASE("tagger: the built-in model finds names of many origins") {
  struct expect {
    std::string_view text;
    std::vector<std::pair<std::string_view, quarry::name_type>> names;
  };
  using quarry::name_type;
  const std::vector<expect> cases = {
      // sport
      {"Striker Kwame Asante scored twice as Hearts of Oak beat Asante Kotoko 3-1 in Accra on Sunday.",
       {{"Kwame Asante", name_type::person}, {"Accra", name_type::location}}},
      {"New Zealand captain Tom Latham said the pitch in Christchurch would suit his bowlers.",
       {{"Tom Latham", name_type::person}, {"Christchurch", name_type::location}}},
      // business
      {"Shares of Toyota Motor Corp rose 2 percent in Tokyo after the carmaker raised its forecast.",
       {{"Toyota Motor Corp", name_type::organization}, {"Tokyo", name_type::location}}},
      {"Petrobras said on Tuesday it would sell three refineries in northern Brazil.",
       {{"Petrobras", name_type::organization}, {"Brazil", name_type::location}}},
      // courts
      {"A judge in Johannesburg ordered Thabo Mokoena to pay a fine, his lawyer Naledi Dlamini said.",
       {{"Johannesburg", name_type::location}, {"Thabo Mokoena", name_type::person}, {"Naledi Dlamini", name_type::person}}},
      // science
      {"Researchers at the University of Sao Paulo and Oxford University published the study on Monday.",
       {{"University of Sao Paulo", name_type::organization}, {"Oxford University", name_type::organization}}},
      // politics on every continent
      {"Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Beijing.",
       {{"Narendra Modi", name_type::person}, {"Xi Jinping", name_type::person}, {"Beijing", name_type::location}}},
      {"German Chancellor Olaf Scholz told the Bundestag that Berlin would send more aid to Ukraine.",
       {{"Olaf Scholz", name_type::person}, {"Ukraine", name_type::location}}},
      {"The Peruvian Congress voted to remove President Dina Boluarte, officials in Lima said.",
       {{"Dina Boluarte", name_type::person}, {"Lima", name_type::location}}},
      {"Australian Foreign Minister Penny Wong arrived in Canberra after talks in Jakarta.",
       {{"Penny Wong", name_type::person}, {"Canberra", name_type::location}, {"Jakarta", name_type::location}}},
  };
  const quarry::tagged_names tagger;
  std::size_t found = 0, total = 0;
  for (const auto& c : cases) {
    auto doc = tokenized(c.text);
    tagger(doc);
    for (const auto& [name, type] : c.names) {
      ++total;
      const auto got = tagged_as(doc, name);
      const auto& expected = name;  // CAPTURE's lambda cannot capture a structured binding under clang 14
      CAPTURE(c.text);
      CAPTURE(expected);
      if (got == type) ++found;
      else MESSAGE("missed or mistyped: " << name);
    }
  }
  // a statistical model is allowed a miss or two, not more
  CHECK(found * 10 >= total * 9);
}

TEST_CASE("tagger: actors and locations take the tagger's names beside their rules") {
  const std::string_view text =
      "Corvanta said it almost doubled its output in the first half. Shares of Corvanta rose in Frankfurt.\n";
  const auto rules = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{});
  const auto both = quarry::make_pipeline(quarry::tokenizer{}, quarry::tagged_names{}, quarry::locations{}, quarry::actors{});
  const auto a = rules(text), b = both(text);
  auto has_actor = [](const quarry::document& d, std::string_view name, quarry::actor_kind kind) {
    for (const auto& x : d.actors()) {
      if (x.name == name && x.kind == kind) return true;
    }
    return false;
  };
  CHECK((b.done() & quarry::layer::names) != 0);
  CHECK(has_actor(b, "Corvanta", quarry::actor_kind::organization));
  CHECK(b.actor_mentions().size() >= a.actor_mentions().size());
  // what the rules found is still there
  for (const auto& x : a.actors()) {
    CAPTURE(x.name);
    CHECK(has_actor(b, x.name, x.kind));
  }
  // a pipeline without the tagger leaves the names layer empty
  CHECK(a.tagged_names().empty());
}

TEST_CASE("tagger: a tagger name joins the actor the rules found, and a lone title, faith word or modifier is no actor") {
  const auto both = quarry::make_pipeline(quarry::tokenizer{}, quarry::tagged_names{}, quarry::locations{}, quarry::actors{});
  auto actor_names = [](const quarry::document& d) {
    std::vector<std::string> out;
    for (const auto& x : d.actors()) out.push_back(x.name);
    return out;
  };
  auto mentions_of = [](const quarry::document& d, std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : d.actor_mentions()) {
      if (d.text(m.where) == text) out.push_back(d.actors()[m.actor].name);
    }
    return out;
  };
  {
    // a surname in a results report, where the model may read a lone capitalised word as a club
    const auto doc = both(
        "Marta Kowalczyk of Poland beat the fourth seed 6-3 6-4 in Toronto on Tuesday. Kowalczyk meets the "
        "winner of the late match, and Kowalczyk said her serve had never felt better.\n");
    CAPTURE(doc.text());
    for (const auto& name : mentions_of(doc, "Kowalczyk")) CHECK(name == "Marta Kowalczyk");
  }
  {
    // an acronym the article defines names the body it defines, whatever the model calls it
    const auto doc = both(
        "The Joint Water Commission (JWC) met in Nairobi on Monday. Engineers told the JWC that two dams "
        "needed repairs, and the JWC said it would publish a report in June.\n");
    CAPTURE(doc.text());
    for (const auto& name : mentions_of(doc, "JWC")) CHECK(name == "Joint Water Commission");
  }
  {
    const auto doc = both(
        "Hundreds of Shiite pilgrims walked to the shrine in Karbala on Friday, and one of them said he would "
        "thank God for the rain. The referee asked for a VAR check before the goal stood in Lima.\n");
    CAPTURE(doc.text());
    const auto names = actor_names(doc);
    for (std::string_view no : {"Shiite", "God", "VAR"}) {
      CAPTURE(no);
      CHECK(std::find(names.begin(), names.end(), no) == names.end());
    }
  }
}

TEST_CASE("tagger: the stage is safe on empty and odd input") {
  const quarry::tagged_names tagger;
  for (std::string_view text : {"", "   ", "a", "A", "\n\nA B C D E F G H\n", "van", "de la"}) {
    auto doc = tokenized(text);
    CHECK_NOTHROW(tagger(doc));
    for (const auto& n : doc.tagged_names()) {
      CHECK(n.first < n.last);
      CHECK(n.last <= doc.tokens().size());
    }
  }
}
