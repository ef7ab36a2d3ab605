// Tests for quarry/match/rules.hpp and quarry/extract/patterns.hpp: pattern rules from code and from JSON
// Lines, their errors with file and line, regex rules on RE2, token patterns with lexeme classes, rules that
// add actors and locations, and ten thousand rules at once.
#include <quarry/quarry.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

quarry::rule regex_rule(std::string id, std::string kind, std::string regex, std::string name = {}) {
  quarry::rule r;
  r.id = std::move(id);
  r.kind = std::move(kind);
  r.regex = std::move(regex);
  r.name = std::move(name);
  return r;
}

std::vector<std::string> texts_of(const quarry::document& doc, std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& m : doc.annotations<quarry::rule_match>(kind)) out.emplace_back(doc.text(m));
  return out;
}

// The message of the lexicon_error that f throws, or "" when it throws none.
template <class F>
std::string error_of(F&& f, std::string* path = nullptr, std::size_t* line = nullptr) {
  try {
    f();
  } catch (const quarry::lexicon_error& e) {
    if (path) *path = e.path();
    if (line) *line = e.line();
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("rules: a regex rule from code adds a kind of its own, written with its rule's id") {
  quarry::rule_set rules;
  rules.add(regex_rule("ticker", "tickers", R"(\$[A-Z]{2,5}\b)"));
  rules.add(regex_rule("case-number", "case_numbers", R"(\b\d{1,2}:\d{2}-cv-\d{3,5}\b)"));
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::patterns{rules});
  const quarry::document doc =
      extract("Shares of Nvidia ($NVDA) and Intel ($INTC) slid after the suit, filed as 1:24-cv-02817 in "
              "Manhattan, named both chip makers.");
  CHECK(texts_of(doc, "tickers") == std::vector<std::string>{"$NVDA", "$INTC"});
  CHECK(texts_of(doc, "case_numbers") == std::vector<std::string>{"1:24-cv-02817"});

  const auto j = nlohmann::json::parse(quarry::to_json(doc));
  CHECK(j["tickers"][0]["rule"] == "ticker");
  CHECK(j["tickers"][0]["text"] == "$NVDA");
  CHECK(!j["tickers"][0].contains("name"));  // the rule gives no canonical name
  CHECK(j["case_numbers"][0]["rule"] == "case-number");
}

TEST_CASE("rules: every kind the rules name is in the output, empty when nothing matched") {
  quarry::rule_set rules;
  rules.add(regex_rule("ticker", "tickers", R"(\$[A-Z]{2,5}\b)"));
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::patterns{rules});
  const quarry::document doc = extract("The central bank held rates at 5.25% on Wednesday.");
  CHECK(quarry::to_json(doc).find("\"tickers\": []") != std::string::npos);
}

TEST_CASE("rules: JSON Lines rules, with comments and blank lines, and a canonical name") {
  quarry::rule_set rules;
  rules.add_jsonl("# newsroom rules\n"
                  "\n"
                  R"({"id": "ecb", "kind": "institutions", "regex": "\\bECB\\b|European Central Bank", "name": "European Central Bank"})"
                  "\n"
                  R"({"kind": "hashtags", "regex": "#\\w+"})"
                  "\r\n",
                  "newsroom.jsonl");
  REQUIRE(rules.size() == 2);
  CHECK(rules.source_of(0).path == "newsroom.jsonl");
  CHECK(rules.source_of(0).line == 3);
  CHECK(rules.rules()[1].id == "hashtags");  // the id defaults to the kind
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::patterns{rules});
  const quarry::document doc =
      extract("The European Central Bank raised rates; ECB President Christine Lagarde spoke in Frankfurt. #ecb");
  const auto& found = doc.annotations<quarry::rule_match>("institutions");
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "European Central Bank");
  CHECK(doc.text(found[1]) == "ECB");
  CHECK(nlohmann::json::parse(quarry::to_json(doc))["institutions"][1]["name"] == "European Central Bank");
  CHECK(texts_of(doc, "hashtags") == std::vector<std::string>{"#ecb"});
}

TEST_CASE("rules: a bad line is an error naming the file and the line") {
  auto load = [](std::string text) {
    return [text] { quarry::rule_set().add_jsonl(text, "desk.jsonl"); };
  };
  std::string path;
  std::size_t line = 0;
  CHECK(error_of(load("{\"kind\": \"tickers\", \"regex\": \"x\"}\n{\"kind\": \"tickers\", \"regex\": }\n"), &path,
                 &line) == "desk.jsonl:2: unexpected character at byte 30");
  CHECK(path == "desk.jsonl");
  CHECK(line == 2);
  CHECK(error_of(load("{\"id\": \"t\", \"regex\": \"x\"}")) == "desk.jsonl:1: a rule needs a \"kind\"");
  CHECK(error_of(load("{\"kind\": \"t\"}")) == "desk.jsonl:1: a rule needs one of \"regex\" and \"pattern\"");
  CHECK(error_of(load("{\"kind\": \"t\", \"regex\": \"x\", \"pattern\": [{}]}")) ==
        "desk.jsonl:1: a rule needs one of \"regex\" and \"pattern\"");
  CHECK(error_of(load("{\"kind\": \"t\", \"regexp\": \"x\"}")).find("desk.jsonl:1: unknown key \"regexp\"") == 0);
  CHECK(error_of(load("{\"kind\": \"t\", \"pattern\": [{\"class\": \"surname\"}]}")).find("unknown class 'surname'") !=
        std::string::npos);
  CHECK(error_of(load("{\"kind\": \"t\", \"pattern\": [{\"op\": \"{2}\"}]}")).find("\"op\" must be") != std::string::npos);
  CHECK(error_of(load("[\"kind\", \"t\"]")) == "desk.jsonl:1: a rule must be a JSON object");
  CHECK(error_of(load("{\"kind\": \"t\", \"regex\": \"x\"} trailing")).find("text after the JSON value") != std::string::npos);
  CHECK(error_of(load("{\"kind\": \"t\", \"regex\": \"unterminated}")).find("unterminated string") != std::string::npos);
}

TEST_CASE("rules: a regex RE2 rejects, and a kind that is built in, fail when the stage is built, with file and line") {
  quarry::rule_set lookahead;
  lookahead.add_jsonl("{\"kind\": \"tickers\", \"regex\": \"\\\\$[A-Z]+\"}\n{\"id\": \"ahead\", \"kind\": \"tickers\", "
                      "\"regex\": \"\\\\$(?=[A-Z])\"}\n",
                      "rules.jsonl");
  const std::string why = error_of([&] { quarry::patterns p{lookahead}; });
  CHECK(why.find("rules.jsonl:2: rule 'ahead': RE2 rejects the regex '\\$(?=[A-Z])'") == 0);

  quarry::rule_set backref;
  backref.add(regex_rule("twice", "doubles", R"((\w+) \1)"));
  CHECK(error_of([&] { quarry::patterns p{backref}; }).find("code:1: rule 'twice': RE2 rejects") == 0);

  quarry::rule_set builtin;
  builtin.add(regex_rule("q", "quotes", "x"));
  CHECK(error_of([&] { quarry::patterns p{builtin}; }).find("kind 'quotes' is built in") != std::string::npos);

  quarry::rule_set type;
  type.add_jsonl(R"({"kind": "actors", "regex": "Acme", "type": "company"})", "t.jsonl");
  CHECK(error_of([&] { quarry::patterns p{type}; }).find("t.jsonl:1: rule 'actors': unknown actor type 'company'") == 0);
}

TEST_CASE("rules: an empty file gives a stage that adds nothing; a missing file is an error") {
  const auto dir = std::filesystem::temp_directory_path();
  const auto empty = dir / "quarry_rules_empty.jsonl";
  std::ofstream(empty).close();
  quarry::rule_set rules;
  rules.add_file(empty.string());
  CHECK(rules.empty());
  const quarry::patterns stage{rules};
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, stage);
  const quarry::document doc = extract("Police in Lagos said 12 people were arrested.");
  CHECK(doc.user_kinds().empty());
  std::filesystem::remove(empty);

  std::string path;
  CHECK(error_of([&] { quarry::rule_set().add_file((dir / "quarry_no_such_rules.jsonl").string()); }, &path)
            .find("cannot open the rules file") != std::string::npos);
  CHECK(path == (dir / "quarry_no_such_rules.jsonl").string());
}

TEST_CASE("rules: token patterns with lexeme classes, optional and repeated elements") {
  quarry::rule_set rules;
  rules.add_jsonl(
      // a title, a first name, then one or more capitalised words
      R"({"id": "titled", "kind": "officials", "pattern": [{"class": "title", "op": "+"}, {"class": "first_name"}, {"class": "capitalized", "op": "+"}]})"
      "\n"
      // "case No. 24-1187", "case 24-1187"
      R"({"id": "case", "kind": "cases", "pattern": [{"lower": "case"}, {"lower": ["no.", "no", "number"], "op": "?"}, {"class": "number"}]})"
      "\n"
      // a number word or digits, then "hostages"
      R"({"id": "hostages", "kind": "counts", "pattern": [{"class": "number"}, {"text": "hostages"}]})",
      "people.jsonl");
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::patterns{rules});
  const quarry::document doc = extract(
      "Prime Minister Mark Carney met Foreign Minister Anita Anand on Monday. The court heard case No. 24-1187 "
      "and case 25-0031 together. Mediators said twelve hostages and 4 hostages were freed; Minister of "
      "State said nothing.");
  CHECK(texts_of(doc, "officials") == std::vector<std::string>{"Prime Minister Mark Carney", "Foreign Minister Anita Anand"});
  CHECK(texts_of(doc, "cases") == std::vector<std::string>{"case No. 24-1187", "case 25-0031"});
  CHECK(texts_of(doc, "counts") == std::vector<std::string>{"twelve hostages", "4 hostages"});
}

TEST_CASE("rules: a token pattern matches within one sentence, and a rule's matches do not overlap") {
  quarry::rule_set rules;
  rules.add_jsonl(R"({"id": "caps", "kind": "runs", "pattern": [{"class": "capitalized", "op": "+"}]})", "r");
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::patterns{rules});
  const quarry::document doc = extract("Talks ended in Geneva. Negotiators left for New York City.");
  CHECK(texts_of(doc, "runs") == std::vector<std::string>{"Talks", "Geneva", "Negotiators", "New York City"});
}

TEST_CASE("rules: actor and location rules give canonical names and replace the mentions they overlap") {
  quarry::rule_set rules;
  rules.add_jsonl(
      R"({"id": "fed", "kind": "actors", "regex": "\\b(?i:the) Fed\\b|Federal Reserve", "name": "Federal Reserve", "type": "organization", "country": "US"})"
      "\n"
      R"({"id": "jay", "kind": "actors", "pattern": [{"text": "Jay"}, {"text": "Powell"}], "name": "Jerome Powell", "type": "person"})"
      "\n"
      R"({"id": "eccles", "kind": "locations", "pattern": [{"text": "Eccles"}, {"text": "Building"}], "type": "facility", "country": "US"})",
      "desk.jsonl");
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                             quarry::patterns{rules}, quarry::quotes{});
  const quarry::document doc = extract(
      "“Inflation is still too high,” Jay Powell said at the Eccles Building in Washington. The Fed held "
      "rates steady, and the Federal Reserve said it would watch prices.");
  std::vector<std::string> fed;
  for (const auto& m : doc.actor_mentions()) {
    if (doc.name_of(m.actor) == "Federal Reserve") fed.emplace_back(doc.text(m));
  }
  CHECK(fed == std::vector<std::string>{"The Fed", "Federal Reserve"});
  bool powell = false;
  for (const auto& m : doc.actor_mentions()) {
    if (doc.text(m) == "Jay Powell") {
      powell = true;
      CHECK(doc.name_of(m.actor) == "Jerome Powell");
      CHECK(doc.actors()[m.actor].kind == quarry::actor_kind::person);
    }
  }
  CHECK(powell);
  bool eccles = false;
  for (const auto& m : doc.place_mentions()) {
    if (doc.text(m) == "Eccles Building") {
      eccles = true;
      CHECK(doc.places()[m.place].name == "Eccles Building");
      CHECK(doc.places()[m.place].kind == quarry::place_kind::facility);
    }
  }
  CHECK(eccles);
  REQUIRE(!doc.quotes().empty());
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Jerome Powell");  // quotes, after the rules, read the rule's actor
  for (std::size_t i = 1; i < doc.actor_mentions().size(); ++i) {
    CHECK(doc.actor_mentions()[i - 1].where.begin <= doc.actor_mentions()[i].where.begin);
  }
}

TEST_CASE("rules: ten thousand regex and token rules compile and find exactly their own matches") {
  quarry::rule_set rules;
  for (int i = 0; i < 5000; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "%05d", i);
    rules.add(regex_rule(std::string("sanction-") + id, "sanctions", std::string("\\bSDN-") + id + "\\b"));
    quarry::rule t;
    t.id = std::string("vessel-") + id;
    t.kind = "vessels";
    t.tokens = {quarry::token_test{{}, {"mv"}, {}, 1, 1}, quarry::token_test{{}, {std::string("vessel") + id}, {}, 1, 1}};
    rules.add(std::move(t));
  }
  const quarry::patterns stage{rules};
  CHECK(stage.size() == 10000);
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, stage);
  const quarry::document doc = extract(
      "Treasury added SDN-04417 and SDN-00002 to its list, but not SDN-123456; the MV Vessel04417 and "
      "mv vessel00009 were seized, the MV Vessel5 was not.");
  CHECK(texts_of(doc, "sanctions") == std::vector<std::string>{"SDN-04417", "SDN-00002"});
  CHECK(doc.annotations<quarry::rule_match>("sanctions")[0].rule == "sanction-04417");
  CHECK(texts_of(doc, "vessels") == std::vector<std::string>{"MV Vessel04417", "mv vessel00009"});
}

TEST_CASE("rules: the kinds pipeline runs rules after actors and before quotes") {
  quarry::rule_set rules;
  rules.add(regex_rule("ticker", "tickers", R"(\$[A-Z]{2,5}\b)"));
  quarry::kinds_options options;
  options.rules.emplace(rules);
  const auto p = quarry::make_kinds_pipeline(quarry::all_kinds, std::move(options));
  const quarry::document doc = p("Apple ($AAPL) said on Monday it would buy back $110 billion of stock.");
  CHECK(texts_of(doc, "tickers") == std::vector<std::string>{"$AAPL"});
  CHECK(!doc.quantities().empty());
}

TEST_CASE("rules: a regex's first capturing group is what the rule reports") {
  quarry::rule_set rules;
  rules.add(regex_rule("dollar-amount", "amounts", R"(\$(\d+(?:\.\d+)?)\s?(?:bn|billion))"));
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::patterns{rules});
  const quarry::document doc = extract("The fund raised $4.5bn, after $2 billion last year.");
  CHECK(texts_of(doc, "amounts") == std::vector<std::string>{"4.5", "2"});
}

TEST_CASE("rules: e-mail addresses, web addresses, handles and hashtags are built-in pattern kinds, off by default") {
  constexpr std::string_view text =
      "Send tips to tips@newsroom.example.org or visit https://www.example.org/tips?ref=a1 (or www.example.com/x). "
      "The ministry (@MinHealth_NG) posted #COVID19 and #Évian updates, but not #1; mail press.office@gov.ng.";
  const auto off = quarry::make_kinds_pipeline(quarry::all_kinds)(text);
  CHECK(off.user_kinds().empty());

  const auto p = quarry::make_kinds_pipeline(quarry::parse_kinds("emails,urls,handles,hashtags"));
  const quarry::document doc = p(text);
  CHECK(texts_of(doc, "emails") == std::vector<std::string>{"tips@newsroom.example.org", "press.office@gov.ng"});
  CHECK(texts_of(doc, "urls") == std::vector<std::string>{"https://www.example.org/tips?ref=a1", "www.example.com/x"});
  CHECK(texts_of(doc, "handles") == std::vector<std::string>{"@MinHealth_NG"});
  CHECK(texts_of(doc, "hashtags") == std::vector<std::string>{"#COVID19", "#Évian"});
  CHECK(doc.annotations<quarry::rule_match>("emails")[0].rule == "email");
  CHECK(doc.actor_mentions().empty());  // only the kinds asked for ran
  CHECK_THROWS_AS((void)quarry::parse_kinds("actors,phones"), quarry::usage_error);
}
