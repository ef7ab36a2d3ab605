// Tests for quarry/extract/quotes.hpp: quote spans, paragraph rules, scare quotes and speakers,
// on sentences written for these tests from many kinds of news.
#include <quarry/extract/quotes.hpp>
#include <quarry/pipeline.hpp>
#include <quarry/tokenizer.hpp>
#if __has_include(<quarry/extract/actors.hpp>)
#include <quarry/extract/actors.hpp>
#endif

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace {

struct cast_member {
  std::string name;
  quarry::actor_kind kind = quarry::actor_kind::person;
  std::vector<std::string> forms;  // surface forms; the name itself is always one
};

[[nodiscard]] bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Tokenizes text, fills the actor table by hand (every word-bounded occurrence of each form, longest
// first) and runs the quote stage: attribution is tested apart from the actor extractor.
quarry::document with_cast(const std::string& text, const std::vector<cast_member>& cast,
                           const quarry::quotes& stage = quarry::quotes{}) {
  quarry::document doc(text);
  quarry::tokenizer{}(doc);
  struct form { std::string text; quarry::entity_id id; };
  std::vector<form> forms;
  for (const auto& c : cast) {
    const auto id = static_cast<quarry::entity_id>(doc.actors().size());
    quarry::actor a;
    a.name = c.name;
    a.kind = c.kind;
    doc.actors().push_back(a);
    forms.push_back({c.name, id});
    for (const auto& f : c.forms) forms.push_back({f, id});
  }
  std::stable_sort(forms.begin(), forms.end(), [](const form& a, const form& b) { return a.text.size() > b.text.size(); });
  std::vector<bool> used(text.size(), false);
  for (const auto& f : forms) {
    for (std::size_t p = text.find(f.text); p != std::string::npos; p = text.find(f.text, p + 1)) {
      const std::size_t e = p + f.text.size();
      if ((p > 0 && word_char(text[p - 1])) || (e < text.size() && word_char(text[e]))) continue;
      if (std::any_of(used.begin() + static_cast<long>(p), used.begin() + static_cast<long>(e), [](bool u) { return u; })) continue;
      std::fill(used.begin() + static_cast<long>(p), used.begin() + static_cast<long>(e), true);
      doc.actor_mentions().push_back({{static_cast<quarry::offset_t>(p), static_cast<quarry::offset_t>(e)}, f.id});
    }
  }
  std::sort(doc.actor_mentions().begin(), doc.actor_mentions().end(),
            [](const auto& a, const auto& b) { return a.where.begin < b.where.begin; });
  doc.mark_done(quarry::layer::actors);
  stage(doc);
  return doc;
}

std::vector<std::string> contents(const quarry::document& doc) {
  std::vector<std::string> out;
  for (const auto& q : doc.quotes()) out.emplace_back(doc.text(q));
  return out;
}

cast_member person(std::string name, std::vector<std::string> forms = {}) {
  return {std::move(name), quarry::actor_kind::person, std::move(forms)};
}
cast_member organization(std::string name, std::vector<std::string> forms = {}) {
  return {std::move(name), quarry::actor_kind::organization, std::move(forms)};
}

}  // namespace

// ---------------------------------------------------------------- spans

TEST_CASE("quotes: curly double quotes give the content between the marks and the speaker") {
  const auto doc = with_cast("“We will not back down on the tariffs,” Ms. Singh said on Tuesday.",
                             {person("Sabrina Singh", {"Ms. Singh"})});
  REQUIRE(doc.quotes().size() == 1);
  const auto& q = doc.quotes()[0];
  CHECK(doc.text(q) == "We will not back down on the tariffs,");
  CHECK(doc.speaker_of(q) == "Sabrina Singh");
  CHECK(doc.text(q.speaker_where) == "Ms. Singh");
  CHECK(doc.text(q.cue) == "said");
  CHECK(q.statement);
  CHECK_FALSE(q.closed_by_rule);
  CHECK((doc.done() & quarry::layer::quotes) != 0);
}

TEST_CASE("quotes: straight double quotes and a speaker named after the verb") {
  const auto doc = with_cast(
      "\"Sales rose in every region we operate in,\" said Mark Ellison, the company's chief executive.",
      {person("Mark Ellison")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.text(doc.quotes()[0]) == "Sales rose in every region we operate in,");
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Mark Ellison");
  CHECK(doc.text(doc.quotes()[0].speaker_where) == "Mark Ellison");
}

TEST_CASE("quotes: a split quote keeps one speaker") {
  const auto doc = with_cast(
      "“The evidence against him is overwhelming,” Judge Anne Porter said. “The defendant has shown no "
      "remorse at any point in this trial.”",
      {person("Anne Porter", {"Judge Anne Porter"})});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.text(doc.quotes()[1]) == "The defendant has shown no remorse at any point in this trial.");
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Anne Porter");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Anne Porter");
}

TEST_CASE("quotes: British single quotes keep apostrophes inside the quote") {
  const auto doc = with_cast(
      "‘It was a tough afternoon and we didn’t take our chances,’ said the Arsenal manager Mikel Arteta. "
      "‘We’ll come back stronger.’",
      {person("Mikel Arteta"), organization("Arsenal")});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.text(doc.quotes()[0]) == "It was a tough afternoon and we didn’t take our chances,");
  CHECK(doc.text(doc.quotes()[1]) == "We’ll come back stronger.");
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Mikel Arteta");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Mikel Arteta");
}

TEST_CASE("quotes: two apostrophes or backquotes as marks, as in newspaper archives and TeX-like feeds") {
  const auto doc = with_cast(
      "''The council broke its own rules when it sold the land,'' said Maria Delgado, who leads the residents' "
      "group. ``We will see them in court,'' she added. The council's O'Neill called the claim ''baseless.''",
      {person("Maria Delgado"), person("Sean O'Neill", {"O'Neill"})});
  const auto found = contents(doc);
  REQUIRE(found.size() == 3);
  CHECK(found[0] == "The council broke its own rules when it sold the land,");
  CHECK(found[1] == "We will see them in court,");
  CHECK(found[2] == "baseless.");
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Maria Delgado");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Maria Delgado");
  CHECK_FALSE(doc.quotes()[2].statement);  // one word after "called": a scare quote
}

TEST_CASE("quotes: a quote nested inside another is its own entry and the outer one stays whole") {
  const auto doc = with_cast(
      "“He leaned over and told me, ‘Don’t worry about the money,’ and then he left,” the witness said.", {});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.text(doc.quotes()[0]) ==
        "He leaned over and told me, ‘Don’t worry about the money,’ and then he left,");
  CHECK(doc.text(doc.quotes()[1]) == "Don’t worry about the money,");
  // an unnamed source stays as written
  CHECK(doc.quotes()[0].speaker == quarry::no_entity);
  CHECK(doc.text(doc.quotes()[0].speaker_where) == "the witness");
  CHECK(doc.speaker_of(doc.quotes()[0]) == "the witness");
}

TEST_CASE("quotes: a quote over several paragraphs gives one entry per paragraph and one speaker") {
  const auto doc = with_cast(
      "Coach Dana Whitfield was blunt after the defeat.\n\n"
      "“We were second to every ball in the first half.\n\n"
      "“The players know that, and they know what is expected on Saturday.\n\n"
      "“Nobody is hiding from it,” Whitfield said.\n",
      {person("Dana Whitfield", {"Whitfield"})});
  REQUIRE(doc.quotes().size() == 3);
  CHECK(doc.text(doc.quotes()[0]) == "We were second to every ball in the first half.");
  CHECK(doc.text(doc.quotes()[1]) == "The players know that, and they know what is expected on Saturday.");
  CHECK(doc.text(doc.quotes()[2]) == "Nobody is hiding from it,");
  for (const auto& q : doc.quotes()) {
    CHECK(doc.speaker_of(q) == "Dana Whitfield");
    CHECK_FALSE(q.closed_by_rule);
    CHECK(q.statement);
  }
}

TEST_CASE("quotes: brackets and ellipses stay inside the quote") {
  const auto doc = with_cast("“The [new] rules … will cost this industry thousands of jobs,” said union leader Maria Lopez.",
                             {person("Maria Lopez")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.text(doc.quotes()[0]) == "The [new] rules … will cost this industry thousands of jobs,");
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Maria Lopez");
}

TEST_CASE("quotes: a partial quote inside a sentence is a statement of the sentence's speaker") {
  const auto doc = with_cast(
      "The Foreign Ministry condemned the strikes as “blatant violations” of the country's sovereignty.",
      {organization("Foreign Ministry", {"The Foreign Ministry"})});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.text(doc.quotes()[0]) == "blatant violations");
  CHECK(doc.quotes()[0].statement);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Foreign Ministry");
  CHECK(doc.text(doc.quotes()[0].cue) == "condemned");
}

TEST_CASE("quotes: reported speech before partial quotes gives their speaker") {
  const auto doc = with_cast(
      "Grant said the regulator had taken a “measured approach” to the merger and would publish its "
      "findings “in the coming weeks.”",
      {person("Lydia Grant", {"Grant"})});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Lydia Grant");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Lydia Grant");
  CHECK(doc.text(doc.quotes()[1]) == "in the coming weeks.");
}

TEST_CASE("quotes: quotes in a headline are found") {
  const auto doc = with_cast("Coach hails ‘special’ win as United reach the final\n\nUnited beat City 2-1 on Sunday.", {});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.text(doc.quotes()[0]) == "special");
  CHECK_FALSE(doc.quotes()[0].statement);
}

// ---------------------------------------------------------------- paragraph rules

TEST_CASE("quotes: an unclosed quote is closed by the paragraph rule and does not swallow the article") {
  const std::string text =
      "“This bill will not stand while I am in the Senate, the senator told supporters.\n\n"
      "The measure passed 52-48 on Tuesday after a week of debate.\n\n"
      "Opponents said they would challenge it in court.\n";
  const auto doc = with_cast(text, {});
  REQUIRE(doc.quotes().size() == 1);
  const auto& q = doc.quotes()[0];
  CHECK(q.closed_by_rule);
  CHECK(doc.text(q) == "This bill will not stand while I am in the Senate, the senator told supporters.");
  CHECK(q.where.end < text.find("The measure"));
}

TEST_CASE("quotes: a stray straight mark for inches is not a quote") {
  const auto doc = with_cast(
      "Police described the suspect as about 5' 10\" tall and said he was wearing a dark jacket.", {});
  CHECK(doc.quotes().empty());
}

TEST_CASE("quotes: a closing mark whose opener is missing still yields an attributed quote") {
  const auto doc = with_cast(
      "The three panels will report by March. The budget must be balanced first,” the finance minister said.",
      {});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.quotes()[0].closed_by_rule);
  CHECK(doc.text(doc.quotes()[0].cue) == "said");
  CHECK(doc.text(doc.quotes()[0]).find("The budget must be balanced first,") != std::string_view::npos);
}

// Speed lives in bench/ and tests/test_hostile_input.cpp (ratios to ordinary text); here only what the
// marks produce: quotes bounded by their paragraph, none reaching into the next.
TEST_CASE("quotes: many quote marks stay bounded by paragraphs") {
  std::string text;
  for (int i = 0; i < 120000; ++i) text += "“a ";
  text += "\n\n";
  for (int i = 0; i < 120000; ++i) text += "\" b ";
  text += "\n\nThe end.";
  const auto doc = with_cast(text, {});
  CHECK(doc.quotes().size() > 1000);
  for (const auto& q : doc.quotes()) CHECK(q.where.end <= text.find("The end."));
}

// ---------------------------------------------------------------- scare quotes

TEST_CASE("quotes: scare quotes and quoted names are kept but are not statements") {
  const auto doc = with_cast(
      "The strikes targeted fighters of the so-called “Islamic State” near the border. Residents "
      "described repeated US “invasions” of their farmland. The rebels renamed themselves the “Northern "
      "Liberation Front” last year.",
      {});
  REQUIRE(doc.quotes().size() == 3);
  for (const auto& q : doc.quotes()) {
    CAPTURE(doc.text(q));
    CHECK_FALSE(q.statement);
  }
}

TEST_CASE("quotes: a long attributed quote is a statement even without a name for the speaker") {
  const auto doc = with_cast("“The strikes were precise and proportionate,” a senior defense official said.", {});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.quotes()[0].statement);
  CHECK(doc.quotes()[0].speaker == quarry::no_entity);
  CHECK(doc.text(doc.quotes()[0].speaker_where) == "a senior defense official");
}

// ---------------------------------------------------------------- attribution patterns

TEST_CASE("quotes: 'X, the Y, said' takes the name, not the organisation in the apposition") {
  const auto doc = with_cast(
      "“We expect a decision on the dredging permit by Friday,” Tom Reed, a spokesman for the Port Authority, said.",
      {person("Tom Reed"), organization("Port Authority")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Tom Reed");
}

TEST_CASE("quotes: 'X told reporters' and 'X said in a statement'") {
  const auto doc = with_cast(
      "“The market overreacted to one weak quarter,” Priya Nair told reporters in Mumbai.\n\n"
      "“We are reviewing the ruling with our lawyers,” Apex Motors said in a statement.",
      {person("Priya Nair"), organization("Apex Motors")});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Priya Nair");
  CHECK(doc.text(doc.quotes()[0].cue) == "told");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Apex Motors");
}

TEST_CASE("quotes: 'according to X' before or after the quote") {
  const auto doc = with_cast(
      "The outbreak was “under control but fragile,” according to the World Health Organization.\n\n"
      "According to Helen Marsh, the council's auditor, the bridge project is “two years behind schedule "
      "and badly over budget.”",
      {organization("World Health Organization"), person("Helen Marsh")});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "World Health Organization");
  CHECK(doc.text(doc.quotes()[0].cue) == "according to");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Helen Marsh");
}

TEST_CASE("quotes: 'X's office said' speaks for X and keeps the words as written") {
  const auto doc = with_cast("“The visit was productive and cordial,” Morales’s office said on Sunday.",
                             {person("Evo Morales", {"Morales"})});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Evo Morales");
  CHECK(doc.text(doc.quotes()[0].speaker_where) == "Morales’s office");
}

TEST_CASE("quotes: a colon after a speech verb introduces the quote") {
  const auto doc = with_cast("Asked about the transfer, Kessler said: “Nothing has been agreed with any club.”",
                             {person("Jonas Kessler", {"Kessler"})});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Jonas Kessler");
  CHECK(doc.text(doc.quotes()[0].cue) == "said");
}

TEST_CASE("quotes: a bare quote paragraph continues the previous speaker") {
  const auto doc = with_cast(
      "“We were lucky to come away with a point today,” said Okafor.\n\n"
      "“The second half was much better and the crowd carried us.”\n",
      {person("Chidi Okafor", {"Okafor"})});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Chidi Okafor");
}

TEST_CASE("quotes: a bare quote paragraph after reported speech takes that speaker") {
  const auto doc = with_cast(
      "Reyes said the shortfall had been flagged to the board in March.\n\n"
      "“Nobody acted on it for six months, and now the pension fund is paying the price.”\n",
      {person("Carmen Reyes", {"Reyes"})});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Carmen Reyes");
}

TEST_CASE("quotes: pronouns resolve to the subject, not to an object of a preposition") {
  const auto doc = with_cast(
      "Maria Gomez scored twice in the final against Lucia Bravo's side.\n\n"
      "“I just wanted to win it for my family,” she said.",
      {person("Maria Gomez"), person("Lucia Bravo")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Maria Gomez");
  CHECK(doc.text(doc.quotes()[0].speaker_where) == "she");
}

TEST_CASE("quotes: he and she follow the gender the article gives each person") {
  const auto doc = with_cast(
      "Ana Ruiz thanked her coach, Pedro Vidal, after the final. He praised her composure under pressure.\n\n"
      "“She never panicked, not even at match point,” he said.",
      {person("Ana Ruiz"), person("Pedro Vidal")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Pedro Vidal");
}

TEST_CASE("quotes: a definite description after the verb refers back to the person named") {
  const auto doc = with_cast(
      "Veteran striker Tom Hale scored the winner in stoppage time.\n\n"
      "“It was a great team effort from start to finish,” said the 34-year-old.",
      {person("Tom Hale")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Tom Hale");
  CHECK(doc.text(doc.quotes()[0].speaker_where) == "the 34-year-old");
}

TEST_CASE("quotes: the speaker of the previous quote in a paragraph answers for 'he added'") {
  const auto doc = with_cast(
      "“Inflation is falling faster than we expected,” central bank governor Ravi Menon said. “Rates "
      "will stay on hold for now,” he added.",
      {person("Ravi Menon")});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Ravi Menon");
  CHECK(doc.text(doc.quotes()[1].cue) == "added");
}

TEST_CASE("quotes: a passive 'by X' names the speaker") {
  const auto doc = with_cast(
      "The ring was described by Sharma as “the most valuable thing I have ever owned.”",
      {person("Neha Sharma", {"Sharma"})});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Neha Sharma");
}

TEST_CASE("quotes: users can add their own speech verbs") {
  const std::string text = "“This is a farce and everyone in the league knows it,” fumed Brady.";
  const std::vector<cast_member> cast = {person("Kyle Brady", {"Brady"})};
  const auto plain = with_cast(text, cast);
  REQUIRE(plain.quotes().size() == 1);
  CHECK(plain.quotes()[0].speaker == quarry::no_entity);

  const quarry::quotes custom(quarry::speech_verb_set{}.add("fumed"));
  const auto doc = with_cast(text, cast, custom);
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Kyle Brady");
  CHECK(doc.text(doc.quotes()[0].cue) == "fumed");
}

TEST_CASE("quotes: one stage serves several threads at once") {
  const quarry::quotes stage;
  const std::string text =
      "“The vaccine trial met every endpoint,” Dr. Lena Fischer said.\n\n“We will file with regulators next month.”";
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto doc = with_cast(text, {person("Lena Fischer", {"Dr. Lena Fischer"})}, stage);
        results[t] = contents(doc);
        if (doc.speaker_of(doc.quotes().back()) != "Lena Fischer") results[t].clear();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) CHECK(r == std::vector<std::string>{"The vaccine trial met every endpoint,",
                                                                     "We will file with regulators next month."});
}

#if __has_include(<quarry/extract/actors.hpp>)
TEST_CASE("quotes: in the full pipeline the speaker is the actor's canonical name") {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::actors{}, quarry::quotes{});
  const auto doc = extract(
      "Prime Minister Jacinda Ardern said on Monday that the border would reopen in stages.\n\n"
      "“We are ready, and we have planned for this moment for months,” Ms. Ardern told reporters in Wellington.\n");
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Jacinda Ardern");
  CHECK(doc.text(doc.quotes()[0].cue) == "told");
}
#endif

TEST_CASE("quotes: 'it said' and 'the company said' point to the story's company, not one named in passing") {
  const auto doc = with_cast(
      "Northwind Holdings cut its forecast on Thursday, and Northwind Holdings shares fell 12 percent.\n\n"
      "“The guidance cut was bigger than anyone expected,” said Tom Price, an analyst at Barclays.\n\n"
      "“These decisions are never easy,” it said in a statement.\n\n"
      "“We will appeal the fine,” the company said.",
      {organization("Northwind Holdings"), person("Tom Price"), organization("Barclays")});
  REQUIRE(doc.quotes().size() == 3);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Tom Price");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Northwind Holdings");
  CHECK(doc.text(doc.quotes()[1].speaker_where) == "it");
  CHECK(doc.speaker_of(doc.quotes()[2]) == "Northwind Holdings");
  CHECK(doc.text(doc.quotes()[2].speaker_where) == "the company");
}

TEST_CASE("quotes: an unnamed subject that opens the sentence is kept as written for a partial quote") {
  const auto doc = with_cast(
      "A federal judge in Texas on Monday blocked the emissions rule, calling it “arbitrary and capricious.”", {});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.quotes()[0].statement);
  CHECK(doc.quotes()[0].speaker == quarry::no_entity);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "A federal judge");
  CHECK(doc.text(doc.quotes()[0].cue) == "calling");
}

TEST_CASE("quotes: a specific institution noun never falls back to an unrelated organization") {
  const auto doc = with_cast(
      "Hamas fighters attacked the convoy near the border on Friday.\n\n"
      "“The operation will continue until the area is secure,” the coalition said.",
      {organization("Hamas")});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.quotes()[0].speaker == quarry::no_entity);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "the coalition");
}

#if __has_include(<quarry/extract/actors.hpp>)
namespace {
quarry::document full_run(std::string_view text) {
  static const auto p = quarry::make_pipeline(quarry::tokenizer{}, quarry::actors{}, quarry::quotes{});
  return p(text);
}
}  // namespace

TEST_CASE("quotes: a name inside an apposition after a preposition is no subject") {
  auto doc = full_run("Amara Diallo, the niece of Senegalese President Macky Sow, condemned the vote, calling it a "
                      "\"shameful betrayal\".");
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Amara Diallo");
  auto doc2 = full_run("The Commonwealth Observer Group, led by former Kenyan President Daniel Kamau, said voting was "
                       "\"calm and fair\".");
  REQUIRE(doc2.quotes().size() == 1);
  CHECK(doc2.speaker_of(doc2.quotes()[0]) != "Daniel Kamau");
}

TEST_CASE("quotes: a name inside a relative clause is no subject") {
  auto doc = full_run("The Green Party, which expelled Harold Pim last year, said it had \"nothing to add\".");
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Green Party");
}

TEST_CASE("quotes: 'they said' after a family's quote keeps the family") {
  auto doc = full_run("Police named the victim as Lucy Brandt. Lucy Brandt's family described her as \"the light of our lives\".\n\n"
                      "\"She was always laughing,\" they said.");
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Lucy Brandt's family");
}

TEST_CASE("quotes: a title phrase holding an organization word does not hide the speaker") {
  auto doc = full_run("\"We will not give in,\" Chief Cabinet Secretary Hiro Tanabe told reporters.");
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Hiro Tanabe");
}
#endif

// ---------------------------------------------------------------- attribution as evidence

TEST_CASE("quotes: a participle cue belongs to the clause's subject, not to the object nearest to it") {
  const auto doc = with_cast(
      "Governor Lena Park attacked Mayor Tom Reyes over the transit budget on Monday, saying, “He has "
      "no plan for the buses and he knows it.”\n\n"
      "Although the union says the offer was fair, Halvorsen Shipping rejected it in a letter to Mayor "
      "Reyes, saying that “the yard cannot survive another strike.”\n\n"
      "Coach Dana Whitfield praised Marcus Lee after the match and said, “He carried the whole team "
      "tonight.”",
      {person("Lena Park", {"Governor Lena Park"}), person("Tom Reyes", {"Mayor Tom Reyes", "Mayor Reyes"}),
       organization("Halvorsen Shipping"), person("Dana Whitfield", {"Coach Dana Whitfield"}),
       person("Marcus Lee")});
  REQUIRE(doc.quotes().size() == 3);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Lena Park");
  CHECK(doc.text(doc.quotes()[0].cue) == "saying");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Halvorsen Shipping");  // past the "Although ..." clause
  CHECK(doc.speaker_of(doc.quotes()[2]) == "Dana Whitfield");       // "X praised Y and said"
}

TEST_CASE("quotes: the name before an apposition or a relative clause speaks, not a name inside it") {
  const auto doc = with_cast(
      "“The rules were written for a different market,” Priya Natarajan, who chaired the inquiry for "
      "Governor Alan Brooks, told reporters.\n\n"
      "“Our count is final,” Omar Haddad, Mayor Ellen Cho's chief of staff, said on Friday.\n\n"
      "“We will appeal by the end of the month,” Senator Joan Whitaker, D-Ore., said Tuesday.\n\n"
      "“Orders picked up in every region,” said Brightline's chief financial officer, Ruth Bauer, who "
      "joined from Norbank last year.",
      {person("Priya Natarajan"), person("Alan Brooks", {"Governor Alan Brooks"}), person("Omar Haddad"),
       person("Ellen Cho", {"Mayor Ellen Cho"}), person("Joan Whitaker", {"Senator Joan Whitaker"}),
       organization("Brightline"), person("Ruth Bauer"), organization("Norbank")});
  REQUIRE(doc.quotes().size() == 4);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Priya Natarajan");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Omar Haddad");
  CHECK(doc.speaker_of(doc.quotes()[2]) == "Joan Whitaker");
  CHECK(doc.speaker_of(doc.quotes()[3]) == "Ruth Bauer");
}

TEST_CASE("quotes: a name signing a quote after a dash, and a name with a verb the lexicon lacks") {
  const auto doc = with_cast(
      "“The new bus lanes have cut my commute in half.” \xE2\x80\x95 Kwame Mensah\n\n"
      "“Is that really your answer?” Voss went on, ignoring the moderator.",
      {person("Kwame Mensah"), person("Harlan Voss", {"Voss"})});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Kwame Mensah");
  CHECK(doc.text(doc.quotes()[0].cue).empty());  // a dash is no cue word
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Harlan Voss");
  CHECK(doc.text(doc.quotes()[1].cue) == "went");
}

TEST_CASE("quotes: 'she said' after another person is named goes to that person, not the earlier speaker") {
  const auto doc = with_cast(
      "“Hospitals cannot keep up with the demand,” said Adrian Cole, a delegate from Ohio.\n"
      "Maria Santos, a nurse from Vermont, criticized the state's funding rules. “We lose nurses every "
      "month to the cities,” she said.",
      {person("Adrian Cole"), person("Maria Santos")});
  REQUIRE(doc.quotes().size() == 2);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Adrian Cole");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Maria Santos");
  CHECK(doc.text(doc.quotes()[1].speaker_where) == "she");
}

TEST_CASE("quotes: the person after role words speaks, and asides and home states do not") {
  const auto doc = with_cast(
      "“Our turnout operation is the best in the state,” said Whitfield campaign manager Nora Lindqvist.\n\n"
      "“We cannot let this bill die in committee,” Rep. Carla Mendes (D-Ariz.) said.\n\n"
      "Commissioner Dale Ortiz of New Mexico said the rule was “written for another century.”",
      {person("Dana Whitfield", {"Whitfield"}), person("Nora Lindqvist"), person("Carla Mendes", {"Rep. Carla Mendes"}),
       person("Dale Ortiz", {"Commissioner Dale Ortiz"}), organization("New Mexico")});
  REQUIRE(doc.quotes().size() == 3);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Nora Lindqvist");
  CHECK(doc.speaker_of(doc.quotes()[1]) == "Carla Mendes");
  CHECK(doc.speaker_of(doc.quotes()[2]) == "Dale Ortiz");
}

TEST_CASE("quotes: 'he said' finds the subject of a subordinate clause ('as X campaigned'), not an earlier one") {
  const auto doc = with_cast(
      "Governor Mark Reyes said the budget would pass.\n\n"
      "But as Senator Tom Hale campaigned on Friday in Dayton, he stuck to his message. “I like this town "
      "more than the capital,” he said.",
      {person("Mark Reyes", {"Governor Mark Reyes"}), person("Tom Hale", {"Senator Tom Hale"})});
  REQUIRE(doc.quotes().size() == 1);
  CHECK(doc.speaker_of(doc.quotes()[0]) == "Tom Hale");
}
