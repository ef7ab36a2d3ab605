// Tests for quarry/story/: many articles on one event read as one sheet. The stories are written here
// (an earthquake, a court case, a cup final, an election, a war), two or three outlets each, with
// spelling variants, people who share a surname, repeated quotes and figures that agree and differ; one
// case reads the five development articles on one story from ../shared when they are there.
#include <quarry/quarry.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct article {
  std::string name;
  std::string date;  // YYYY-MM-DD
  std::string text;
};

quarry::calendar_date date_of(const std::string& s) {
  return {std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
}

std::vector<quarry::document> extract(const std::vector<article>& articles) {
  static const auto pipeline = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                                     quarry::quantities{}, quarry::dates{}, quarry::quotes{});
  std::vector<quarry::document> docs;
  for (const article& a : articles) {
    docs.emplace_back(a.text, a.name);
    if (!a.date.empty()) docs.back().set_date(date_of(a.date));
    pipeline(docs.back());
  }
  return docs;
}

const quarry::story_actor* actor(const quarry::story& s, std::string_view name) {
  for (const auto& a : s.actors) if (a.name == name) return &a;
  return nullptr;
}

const quarry::story_figure* figure(const quarry::story& s, std::string_view object, std::string_view where) {
  for (const auto& f : s.figures) if (f.object == object && f.where == where) return &f;
  return nullptr;
}

const quarry::story_speaker* speaker(const quarry::story& s, std::string_view name) {
  for (const auto& q : s.quotes) if (q.speaker == name) return &q;
  return nullptr;
}

std::vector<quarry::doc_index> docs_of(std::initializer_list<quarry::doc_index> v) { return v; }

bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

const std::vector<article> quake = {
    {"quake-wire", "2025-03-09",
     "Earthquake kills dozens in southern Peru\n\n"
     "A magnitude 6.8 earthquake struck southern Peru on Saturday, killing at least 120 people and injuring 900 in "
     "Arequipa, officials said.\n\n"
     "Interior Minister Katerina Vargas said 40,000 residents had been moved to shelters. \xE2\x80\x9C"
     "We are sending every rescue team we have to the south,\xE2\x80\x9D Vargas told reporters in Lima.\n\n"
     "Photographer Luis Vargas, who reached the city on Sunday, said whole streets had collapsed."},
    {"quake-daily", "2025-03-10",
     "Peru counts the dead after Saturday's earthquake\n\n"
     "The earthquake that hit Peru on Saturday killed 135 people in Arequipa, the civil defence agency said on "
     "Sunday. About 900 people were injured.\n\n"
     "\xE2\x80\x9CWe are sending every rescue team we have to the south,\xE2\x80\x9D Interior Minister Katarina "
     "Vargas said.\n\n"
     "Some 40,000 residents spent the night in shelters."},
    {"quake-radio", "2025-03-10",
     "Rescuers search rubble in Arequipa\n\n"
     "Rescuers in Arequipa searched collapsed homes on Sunday after an earthquake killed 135 people.\n\n"
     "The quake damaged 3,000 homes, Interior Minister Katerina Vargas said on Sunday."},
};

const std::vector<article> court = {
    {"court-tribune", "2025-05-14",
     "Former treasurer convicted of fraud\n\n"
     "A federal jury in Chicago on Tuesday convicted former city treasurer Daniel Okafor of stealing $2.4 million "
     "from the city.\n\n"
     "\xE2\x80\x9CThe jury has spoken and the people of Chicago have been heard,\xE2\x80\x9D prosecutor Mark Ellis "
     "said outside the courthouse.\n\n"
     "Okafor's lawyer, Grace Okafor, his sister, said he would appeal."},
    {"court-sun", "2025-05-14",
     "Okafor guilty in city fraud case\n\n"
     "Jurors in Chicago found former treasurer Daniel Okafor guilty on Tuesday of taking $2.6 million in city "
     "funds.\n\n"
     "Prosecutor Mark Ellis said: \xE2\x80\x9CThe jury has spoken, and the people of Chicago have been "
     "heard.\xE2\x80\x9D\n\n"
     "The trial lasted three weeks and heard from 41 witnesses."},
};

const std::vector<article> cup_final = {
    {"match-post", "2025-06-01",
     "Rivera double wins the cup for Porto\n\n"
     "Porto beat Benfica 2-1 in the cup final in Lisbon on Saturday in front of 52,000 fans.\n\n"
     "Striker Jonathon Rivera scored both goals. \xE2\x80\x9CI dreamed of this night since I was a "
     "boy,\xE2\x80\x9D Rivera said.\n\n"
     "Club president Ana Rivera, no relation, lifted the trophy with the players."},
    {"match-herald", "2025-06-01",
     "Porto lift the cup\n\n"
     "Striker Jonathan Rivera scored twice as Porto won the cup final in Lisbon on Saturday, watched by 48,000 "
     "fans.\n\n"
     "\xE2\x80\x9CI dreamed of this night since I was a boy,\xE2\x80\x9D said Rivera, 24."},
};

const std::vector<article> election = {
    {"vote-one", "2025-10-06",
     "Mayor wins second term in Toronto\n\n"
     "Mayor Olivia Chen won a second term in Toronto on Sunday with 412,000 votes, election officials said.\n\n"
     "Turnout was 38 percent. \xE2\x80\x9CThis city chose to keep building,\xE2\x80\x9D Chen told supporters.\n\n"
     "Her rival, councillor David Chen, conceded before midnight."},
    {"vote-two", "2025-10-06",
     "Chen re-elected\n\n"
     "Olivia Chen was re-elected mayor of Toronto on Sunday with 412,000 votes. Turnout was 41 percent, officials "
     "said.\n\n"
     "Councillor David Chen, who is not related to the mayor, said he would stay on the council."},
    {"vote-three", "2025-10-07",
     "Toronto keeps its mayor\n\n"
     "Mayor Olivia Chen took 412,000 votes in Toronto on Sunday. \xE2\x80\x9CThis city chose to keep on "
     "building,\xE2\x80\x9D Chen said in her victory speech."},
};

const std::vector<article> war = {
    {"war-wire", "2024-02-02",
     "Talks on troops begin\n\n"
     "Washington has 2,500 soldiers in Iraq and some 900 in Syria, and its forces in Iraq and Syria have been "
     "attacked more than 150 times since October.\n\n"
     "The Higher Military Commission met in Baghdad on Thursday. \xE2\x80\x9CWe have been discussing this for "
     "months,\xE2\x80\x9D an official said."},
    {"war-daily", "2024-02-03",
     "US and Iraq talk\n\n"
     "About 2,500 US troops are deployed in Iraq. US and allied troops have been targeted more than 165 times in "
     "the Middle East since October.\n\n"
     "The HMC will meet again next week. \xE2\x80\x9CWe have been discussing this for months,\xE2\x80\x9D an "
     "official said."},
};

}  // namespace

TEST_CASE("story: spelling variants of one person are one actor with every form, title and document") {
  const auto docs = extract(quake);
  const quarry::story s = quarry::make_story(docs);
  const auto* vargas = actor(s, "Katerina Vargas");
  REQUIRE(vargas != nullptr);
  CHECK(vargas->kind == quarry::actor_kind::person);
  CHECK(vargas->documents == docs_of({0, 1, 2}));
  CHECK(has(vargas->forms, "Katarina Vargas"));
  CHECK(has(vargas->titles, "Interior Minister"));
  CHECK(vargas->mentions >= 4);
  CHECK(actor(s, "Katarina Vargas") == nullptr);
  // Each document's actor table points at the one story actor.
  for (quarry::doc_index d = 0; d < docs.size(); ++d) {
    for (quarry::entity_id id = 0; id < docs[d].actors().size(); ++id) {
      if (docs[d].actors()[id].name.ends_with("a Vargas")) CHECK(&s.actors[s.actor_of[d][id]] == vargas);
    }
  }

  const auto cup = extract(cup_final);
  const quarry::story c = quarry::make_story(cup);
  const auto* rivera = actor(c, "Jonathon Rivera");
  REQUIRE(rivera != nullptr);
  CHECK(rivera->documents == docs_of({0, 1}));
  CHECK(has(rivera->forms, "Jonathan Rivera"));
}

TEST_CASE("story: people who share a surname are never merged") {
  const quarry::story q = quarry::make_story(extract(quake));
  const auto* photographer = actor(q, "Luis Vargas");
  REQUIRE(photographer != nullptr);
  CHECK(photographer->documents == docs_of({0}));
  CHECK_FALSE(has(photographer->forms, "Katerina Vargas"));

  const quarry::story v = quarry::make_story(extract(election));
  const auto* mayor = actor(v, "Olivia Chen");
  const auto* rival = actor(v, "David Chen");
  REQUIRE(mayor != nullptr);
  REQUIRE(rival != nullptr);
  CHECK(mayor->documents == docs_of({0, 1, 2}));
  CHECK(rival->documents == docs_of({0, 1}));

  const quarry::story c = quarry::make_story(extract(court));
  REQUIRE(actor(c, "Daniel Okafor") != nullptr);
  REQUIRE(actor(c, "Grace Okafor") != nullptr);
  CHECK(actor(c, "Daniel Okafor")->documents == docs_of({0, 1}));
  CHECK(actor(c, "Grace Okafor")->documents == docs_of({0}));
  // The cup final's club president is not the striker either.
  const quarry::story m = quarry::make_story(extract(cup_final));
  REQUIRE(actor(m, "Ana Rivera") != nullptr);
  CHECK(actor(m, "Ana Rivera")->documents == docs_of({0}));
}

TEST_CASE("story: a variant first name needs agreeing titles or context, and never two in one document") {
  const std::vector<article> two = {
      {"a", "", "Coach Daniel Brandt said the team was tired. Brandt blamed the schedule."},
      {"b", "", "Goalkeeper Danial Brandt saved a penalty in the second half."},
      {"c", "", "Reporters asked Dan Brandt and Don Brandt about the match."},
  };
  const quarry::story s = quarry::make_story(extract(two));
  // Coach and goalkeeper: titles disagree, so the one-letter variant stays apart.
  REQUIRE(actor(s, "Daniel Brandt") != nullptr);
  CHECK(actor(s, "Daniel Brandt")->documents == docs_of({0}));
  REQUIRE(actor(s, "Danial Brandt") != nullptr);
  if (const auto* dan = actor(s, "Dan Brandt")) CHECK(dan->documents == docs_of({2}));
  if (const auto* don = actor(s, "Don Brandt")) CHECK_FALSE(has(don->forms, "Dan Brandt"));
}

TEST_CASE("story: a quote repeated by outlets is one statement with every document") {
  const auto docs = extract(quake);
  const quarry::story s = quarry::make_story(docs);
  const auto* vargas = speaker(s, "Katerina Vargas");
  REQUIRE(vargas != nullptr);
  REQUIRE(vargas->statements.size() == 1);
  const auto& st = vargas->statements[0];
  CHECK(st.documents == docs_of({0, 1}));
  REQUIRE(st.sources.size() == 2);
  for (const auto& src : st.sources) {
    CHECK(docs[src.document].text(src.where).starts_with("We are sending every rescue team"));
  }

  // Punctuation differs ("spoken and" / "spoken, and"); a word differs ("keep building" / "keep on building").
  const quarry::story c = quarry::make_story(extract(court));
  REQUIRE(speaker(c, "Mark Ellis") != nullptr);
  REQUIRE(speaker(c, "Mark Ellis")->statements.size() == 1);
  CHECK(speaker(c, "Mark Ellis")->statements[0].documents == docs_of({0, 1}));
  const auto vote_docs = extract(election);
  const quarry::story v = quarry::make_story(vote_docs);
  REQUIRE(speaker(v, "Olivia Chen") != nullptr);
  REQUIRE(speaker(v, "Olivia Chen")->statements.size() == 1);
  const auto& chen = speaker(v, "Olivia Chen")->statements[0];
  CHECK(chen.documents == docs_of({0, 2}));
  // The fullest wording leads.
  CHECK(vote_docs[chen.sources[0].document].text(chen.sources[0].where).find("keep on building") != std::string_view::npos);
}

TEST_CASE("story: unnamed speakers are kept per document, never merged across outlets") {
  const quarry::story s = quarry::make_story(extract(war));
  std::size_t officials = 0;
  for (const auto& sp : s.quotes) {
    if (sp.speaker != "an official") continue;
    ++officials;
    CHECK(sp.actor == quarry::no_entity);
    CHECK(sp.documents.size() == 1);
  }
  CHECK(officials == 2);
}

TEST_CASE("story: figures reported alike agree, figures reported differently differ, each claim kept") {
  const auto docs = extract(election);
  const quarry::story s = quarry::make_story(docs);
  const auto* votes = figure(s, "votes", "Toronto");
  REQUIRE(votes != nullptr);
  CHECK(votes->status == quarry::figure_status::agree);
  CHECK(votes->documents == docs_of({0, 1, 2}));
  for (const auto& c : votes->claims) {
    CHECK(c.value == 412000);
    CHECK(docs[c.document].text(c.where) == "412,000 votes");
  }
  const auto* turnout = figure(s, "percent", "");
  REQUIRE(turnout != nullptr);
  CHECK(turnout->status == quarry::figure_status::differ);

  const quarry::story m = quarry::make_story(extract(cup_final));
  const auto* fans = figure(m, "fans", "Lisbon");
  REQUIRE(fans != nullptr);
  CHECK(fans->status == quarry::figure_status::differ);
  REQUIRE(fans->claims.size() == 2);
  CHECK(fans->claims[0].value == 52000);
  CHECK(fans->claims[1].value == 48000);

  const quarry::story c = quarry::make_story(extract(court));
  const auto* money = figure(c, "money (USD)", "Chicago");
  REQUIRE(money != nullptr);
  CHECK(money->status == quarry::figure_status::differ);
  // Spans of time are not figures of the story.
  for (const auto& f : c.figures) CHECK(f.object != "weeks");
}

TEST_CASE("story: casualty words keep the dead and the injured apart, approximations kept per claim") {
  const quarry::story s = quarry::make_story(extract(quake));
  const auto* killed = figure(s, "people killed", "Arequipa");
  REQUIRE(killed != nullptr);
  CHECK(killed->status == quarry::figure_status::differ);
  REQUIRE(killed->claims.size() == 3);
  CHECK(killed->claims[0].approx == quarry::approximation::at_least);
  CHECK(killed->claims[0].value == 120);
  CHECK(killed->claims[1].value == 135);
  const auto* injured = figure(s, "people injured", "Arequipa");
  REQUIRE(injured != nullptr);
  CHECK(injured->status == quarry::figure_status::agree);
  CHECK(injured->documents == docs_of({0, 1}));
  const auto* homes = figure(s, "homes", "");
  REQUIRE(homes != nullptr);
  CHECK(homes->status == quarry::figure_status::single);
}

TEST_CASE("story: what a figure counts and where comes from its sentence") {
  const auto docs = extract(war);
  const quarry::story s = quarry::make_story(docs);
  // "2,500 soldiers" and "2,500 US troops" count one thing in one place.
  const auto* iraq = figure(s, "troops", "Iraq");
  REQUIRE(iraq != nullptr);
  CHECK(iraq->status == quarry::figure_status::agree);
  CHECK(iraq->documents == docs_of({0, 1}));
  // "and some 900 in Syria": the count takes the noun of the one before it.
  const auto* syria = figure(s, "troops", "Syria");
  REQUIRE(syria != nullptr);
  CHECK(syria->claims.size() == 1);
  // "attacked more than 150 times" in Iraq and Syria and "targeted more than 165 times in the Middle East".
  const auto* attacks = figure(s, "attacks", "Iraq and Syria");
  REQUIRE(attacks != nullptr);
  CHECK(attacks->status == quarry::figure_status::differ);
  CHECK(attacks->documents == docs_of({0, 1}));
  REQUIRE(attacks->claims.size() == 2);
  CHECK(attacks->claims[1].value == 165);
  CHECK(attacks->claims[1].approx == quarry::approximation::more_than);
}

TEST_CASE("story: organizations meet by folded names and acronyms; places by name and country") {
  // An acronym that one outlet's actor table holds alone joins the name whose initials it spells; documents
  // made by hand, as a stage of one's own would fill them.
  std::vector<quarry::document> made(2);
  made[0].assign("The Higher Military Commission met.", "a");
  made[1].assign("The HMC met again.", "b");
  made[0].actors().push_back({"Higher Military Commission", quarry::actor_kind::organization, {}, {}, {}});
  made[0].actor_mentions().push_back({{4, 30}, 0});
  made[1].actors().push_back({"HMC", quarry::actor_kind::organization, {}, {}, {}});
  made[1].actor_mentions().push_back({{4, 7}, 0});
  const quarry::story h = quarry::make_story(made);
  REQUIRE(h.actors.size() == 1);
  CHECK(h.actors[0].name == "Higher Military Commission");
  CHECK(h.actors[0].documents == docs_of({0, 1}));
  CHECK(has(h.actors[0].forms, "HMC"));

  const quarry::story s = quarry::make_story(extract(war));
  bool iraq = false;
  for (const auto& p : s.places) {
    if (p.name != "Iraq") continue;
    iraq = true;
    CHECK(p.country == "IQ");
    CHECK(p.documents == docs_of({0, 1}));
  }
  CHECK(iraq);
  CHECK(quarry::detail::entity_key("the U.S. military's") == quarry::detail::entity_key("US military"));
  CHECK(quarry::detail::entity_key("Iraqi security forces") == quarry::detail::entity_key("Iraqi Security Force"));
  CHECK(quarry::detail::parse_person("Mohamed al-Sudani").surname == "sudani");
  CHECK(quarry::detail::name_skeleton("Mohammed") == quarry::detail::name_skeleton("Mohamed"));
  CHECK(quarry::detail::name_skeleton("John") != quarry::detail::name_skeleton("Joan"));
}

TEST_CASE("story: the timeline resolves each document's relative dates with its own publication date") {
  const auto docs = extract(quake);
  const quarry::story s = quarry::make_story(docs);
  const auto saturday = std::find_if(s.timeline.begin(), s.timeline.end(),
                                     [](const quarry::story_date& d) { return d.date == "2025-03-08"; });
  REQUIRE(saturday != s.timeline.end());
  // Published on the 9th and the 10th, both outlets' "Saturday" is the 8th.
  CHECK(saturday->documents == docs_of({0, 1}));
  for (const auto& m : saturday->mentions) {
    const std::string_view sentence = docs[m.document].text(m.sentence);
    CHECK(sentence.find(docs[m.document].text(m.where)) != std::string_view::npos);
  }
  CHECK(std::is_sorted(s.timeline.begin(), s.timeline.end(),
                       [](const quarry::story_date& a, const quarry::story_date& b) { return a.date < b.date; }));
}

TEST_CASE("story: JSON holds every section with offsets exact in each document") {
  const auto docs = extract(war);
  const quarry::story s = quarry::make_story(docs);
  std::string out;
  quarry::write_story_json(out, s, docs, quarry::json_options{true});
  const auto j = nlohmann::json::parse(out);
  for (const char* key : {"documents", "actors", "places", "quotes", "figures", "timeline"}) CHECK(j.contains(key));
  CHECK(j["documents"].size() == 2);
  CHECK(j["documents"][1]["date"] == "2024-02-03");
  auto exact = [&](const nlohmann::json& x) {
    const auto& doc = docs.at(x["document"].get<std::size_t>());
    const auto b = x["begin"].get<std::size_t>();
    const auto e = x["end"].get<std::size_t>();
    CHECK(doc.text().substr(b, e - b) == x["text"].get<std::string>());
  };
  std::size_t checked = 0;
  for (const auto& f : j["figures"]) {
    CHECK((f["status"] == "agree" || f["status"] == "differ" || f["status"] == "single"));
    for (const auto& c : f["claims"]) { exact(c); ++checked; }
  }
  for (const auto& sp : j["quotes"]) {
    for (const auto& q : sp["quotes"]) {
      exact(q);
      for (const auto& a : q["also"]) exact(a);
      ++checked;
    }
  }
  for (const auto& d : j["timeline"]) for (const auto& m : d["mentions"]) { exact(m); ++checked; }
  CHECK(checked >= 8);
  CHECK(j["actors"][0]["documents"].is_array());
  CHECK(j["actors"][0]["forms"].is_array());
  // Compact JSON is one line.
  std::string compact;
  quarry::write_story_json(compact, s, docs);
  CHECK(compact.find('\n') == std::string::npos);
  CHECK(nlohmann::json::parse(compact) == j);
}

TEST_CASE("story: the text report names documents by number and marks figures") {
  const auto docs = extract(cup_final);
  const quarry::story s = quarry::make_story(docs);
  std::string out;
  quarry::write_story_report(out, s, docs);
  CHECK(out.rfind("== Story of 2 documents\n  [0] match-post", 0) == 0);
  CHECK(out.find("Jonathon Rivera (person, Striker) [0,1]") != std::string::npos);
  CHECK(out.find("fans in Lisbon: differ [0,1]") != std::string::npos);
  CHECK(out.find("\xE2\x80\x9C" "52,000 fans\xE2\x80\x9D") != std::string::npos);
}

TEST_CASE("story: no documents, empty documents and documents with only some layers") {
  CHECK(quarry::make_story({}).actors.empty());
  std::vector<quarry::document> docs(2);
  docs[1].assign("Only tokens here, 12 words or so.", "t");
  quarry::tokenizer{}(docs[1]);
  const quarry::story s = quarry::make_story(docs);
  CHECK(s.documents.size() == 2);
  CHECK(s.figures.empty());
  std::string out;
  quarry::write_story_json(out, s, docs);
  CHECK(nlohmann::json::parse(out).is_object());
  quarry::write_story_report(out, s, docs);
  // Quotes of fewer words than asked are left out.
  const auto q = extract(cup_final);
  CHECK(quarry::make_story(q, quarry::story_options{.min_quote_words = 20}).quotes.empty());
}

#ifdef QUARRY_DEV_CORPUS_DIR
TEST_CASE("story: the five development articles on one story") {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(QUARRY_DEV_CORPUS_DIR, ec)) {
    const auto name = e.path().filename().string();
    if (name.size() > 4 && name[0] == '0' && name.ends_with(".txt") && name < "005") paths.push_back(e.path());
  }
  if (paths.size() != 5) {
    MESSAGE("development articles not found; skipped");
    return;
  }
  std::sort(paths.begin(), paths.end());
  std::vector<article> articles;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    articles.push_back({p.filename().string(), "", text.str()});
  }
  const auto docs = extract(articles);
  const quarry::story s = quarry::make_story(docs);
  // Three spellings of the prime minister, one actor; the photographer of the same surname is not him.
  std::size_t sudani = 0;
  for (const auto& a : s.actors) {
    if (!a.name.ends_with("al-Sudani")) continue;
    ++sudani;
    CHECK(a.documents == docs_of({0, 1, 2}));
    CHECK(a.forms.size() >= 3);
    CHECK_FALSE(has(a.forms, "Thaier Al-Sudani"));
  }
  CHECK(sudani == 1);
  REQUIRE(actor(s, "Sabrina Singh") != nullptr);
  CHECK(has(actor(s, "Sabrina Singh")->forms, "Sabrin Singh"));
  const auto* troops = figure(s, "troops", "Iraq");
  REQUIRE(troops != nullptr);
  CHECK(troops->status == quarry::figure_status::agree);
  CHECK(troops->documents == docs_of({1, 2, 3, 4}));
  const auto* attacks = figure(s, "attacks", "Iraq and Syria");
  REQUIRE(attacks != nullptr);
  CHECK(attacks->status == quarry::figure_status::differ);
  CHECK(attacks->documents.size() == 3);
  const auto year = std::find_if(s.timeline.begin(), s.timeline.end(), [](const quarry::story_date& d) { return d.date == "2014"; });
  REQUIRE(year != s.timeline.end());
  CHECK(year->documents == docs_of({0, 1, 2, 3, 4}));
}

TEST_CASE("story: the README's report of the development articles is what the program prints") {
  namespace fs = std::filesystem;
  const fs::path dir = QUARRY_DEV_CORPUS_DIR;
  std::vector<article> articles;
  for (const char* name : {"000_46a689c0fcf01c9a.txt", "001_c2dbba2e2221da48.txt", "002_a92851d7e98dfb02.txt",
                           "003_acf6bfbec81c3eba.txt", "004_1934250a859a8e87.txt"}) {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) {
      MESSAGE("development articles not found; skipped");
      return;
    }
    std::stringstream text;
    text << in.rdbuf();
    articles.push_back({name, "", text.str()});
  }
  const auto docs = extract(articles);
  std::string report = "\n";
  quarry::write_story_report(report, quarry::make_story(docs), docs);
  std::ifstream readme(fs::path(QUARRY_SOURCE_DIR) / "README.md");
  std::stringstream all;
  all << readme.rdbuf();
  const std::string md = all.str();
  const auto begin = md.find("```\n== Story of 5 documents");
  REQUIRE(begin != std::string::npos);
  const auto end = md.find("```", begin + 3);
  std::istringstream block(md.substr(begin + 4, end - begin - 4));
  // The README leaves out the publishers' words (quotes, the text of figures, timeline sentences): each of
  // its lines outside the quotes starts a line of the report.
  bool quotes = false;
  std::size_t compared = 0;
  for (std::string line; std::getline(block, line);) {
    if (line.empty()) continue;
    if (line[0] != ' ') quotes = line == "Quotes:";
    if (quotes) continue;
    CHECK_MESSAGE(report.find("\n" + line) != std::string::npos, line);
    ++compared;
  }
  CHECK(compared > 80);
}
#endif

#ifdef QUARRY_CLI_PATH
TEST_CASE("story: quarry-extract --story reads files and JSON Lines and reports bad inputs") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("quarry_story_test_" + std::to_string(std::rand()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << cup_final[0].text;
  std::ofstream(dir / "b.txt") << cup_final[1].text;
  {
    std::ofstream jl(dir / "s.jsonl");
    for (const auto& a : cup_final) jl << nlohmann::json{{"doc", a.name}, {"date", a.date}, {"text", a.text}}.dump() << '\n';
  }
  auto run = [&](const std::string& args) {
    const std::string cmd = std::string("'") + QUARRY_CLI_PATH + "' " + args + " >'" + (dir / "out").string() +
                            "' 2>'" + (dir / "err").string() + "'";
    const int rc = std::system(cmd.c_str());
    std::stringstream out;
    out << std::ifstream(dir / "out").rdbuf();
    return std::pair{rc, out.str()};
  };
  const auto [rc_text, text] = run("--story --threads 2 '" + (dir / "a.txt").string() + "' '" + (dir / "b.txt").string() + "'");
  CHECK(rc_text == 0);
  CHECK(text.find("fans in Lisbon: differ [0,1]") != std::string::npos);
  const auto [rc_json, json] = run("--story --format json --jsonl-input '" + (dir / "s.jsonl").string() + "'");
  CHECK(rc_json == 0);
  const auto j = nlohmann::json::parse(json);
  CHECK(j["documents"][0]["name"] == "match-post");
  CHECK(j["documents"][0]["date"] == "2025-06-01");
  const auto [rc_bad, partial] = run("--story '" + (dir / "a.txt").string() + "' '" + (dir / "missing.txt").string() + "'");
  CHECK(rc_bad != 0);
  CHECK(partial.find("== Story of 1 documents") != std::string::npos);
  std::stringstream err;
  err << std::ifstream(dir / "err").rdbuf();
  CHECK(err.str().find("missing.txt") != std::string::npos);
  fs::remove_all(dir);
}
#endif
