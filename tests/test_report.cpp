// Tests for quarry/io/report.hpp: the plain-text report lists each entity once with its mention count,
// quotes with their speaker, and stays valid UTF-8 whatever the input.
#include <quarry/io/report.hpp>
#include <quarry/tokenizer.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace {

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

quarry::span span_of(std::string_view text, std::string_view part, std::size_t from = 0) {
  const auto b = text.find(part, from);
  REQUIRE(b != std::string_view::npos);
  return {static_cast<quarry::offset_t>(b), static_cast<quarry::offset_t>(b + part.size())};
}

}  // namespace

TEST_CASE("report: the header names the document, its size and its sentences") {
  quarry::document doc("Rain fell in Dhaka. Rivers rose.", "dhaka.txt");
  quarry::tokenizer{}(doc);
  std::string out;
  quarry::write_report(out, doc);
  CHECK(out.rfind("== dhaka.txt (32 bytes, 2 sentences)\n", 0) == 0);
  quarry::document unnamed("x");
  std::string out2;
  quarry::write_report(out2, unnamed);
  CHECK(contains(out2, "== (text)"));
}

TEST_CASE("report: each entity is listed once with its mention count, quotes with their speaker") {
  quarry::document doc(
      "President Ruto met Mr. Odinga in Nairobi. Ruto said: \xE2\x80\x9CWe agree.\xE2\x80\x9D "
      "An aide added: \xE2\x80\x9CTalks go on.\xE2\x80\x9D Some 300 delegates came on 12 May 2024.",
      "kenya");
  quarry::tokenizer{}(doc);
  const std::string_view t = doc.text();
  doc.actors().push_back({"William Ruto", quarry::actor_kind::person, "President", "KE", ""});
  doc.actor_mentions().push_back({span_of(t, "President Ruto"), 0});
  doc.actor_mentions().push_back({span_of(t, "Ruto said"), 0});
  doc.places().push_back({"Nairobi", quarry::place_kind::city, "KE", -1.29, 36.82});
  doc.place_mentions().push_back({span_of(t, "Nairobi"), 0});
  quarry::quantity q;
  q.where = span_of(t, "Some 300 delegates");
  q.value = 300;
  q.object = span_of(t, "delegates");
  q.approx = quarry::approximation::about;
  doc.quantities().push_back(q);
  doc.dates().push_back({span_of(t, "12 May 2024"), "2024-05-12", false});
  quarry::quote named;
  named.where = span_of(t, "We agree.");
  named.speaker = 0;
  doc.quotes().push_back(named);
  quarry::quote unnamed;
  unnamed.where = span_of(t, "Talks go on.");
  unnamed.speaker_where = span_of(t, "An aide");
  doc.quotes().push_back(unnamed);
  quarry::quote scare;
  scare.where = span_of(t, "Nairobi");
  scare.statement = false;
  doc.quotes().push_back(scare);

  std::string out;
  quarry::write_report(out, doc, {.quoted_terms = true});
  CHECK(contains(out, "Actors:\n  William Ruto (person, President, KE) x2\n"));
  CHECK(contains(out, "Places:\n  Nairobi (city, KE, -1.29 36.82) x1\n"));
  CHECK(contains(out, "Some 300 delegates  ->  about 300 (delegates)"));
  CHECK(contains(out, "12 May 2024  ->  2024-05-12"));
  CHECK(contains(out, "  William Ruto: \xE2\x80\x9CWe agree.\xE2\x80\x9D"));
  CHECK(contains(out, "  An aide: \xE2\x80\x9CTalks go on.\xE2\x80\x9D"));
  CHECK(contains(out, "(unattributed) [not a statement]"));
  std::string statements_only;
  quarry::write_report(statements_only, doc);  // quoted terms only when asked for
  CHECK(contains(statements_only, "  An aide: \xE2\x80\x9CTalks go on.\xE2\x80\x9D"));
  CHECK_FALSE(contains(statements_only, "[not a statement]"));
}

TEST_CASE("report: empty sections are left out") {
  quarry::document doc("Nothing of note.", "quiet");
  quarry::tokenizer{}(doc);
  std::string out;
  quarry::write_report(out, doc);
  CHECK_FALSE(contains(out, "Actors:"));
  CHECK_FALSE(contains(out, "Quotes:"));
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);
}

TEST_CASE("report: invalid UTF-8 is printed as U+FFFD so the report stays valid") {
  quarry::document doc(std::string("Mayor of Bras\xFFlia said \xE2\x80\x9Cok\xC0\xE2\x80\x9D"), "bad\xFE");
  quarry::tokenizer{}(doc);
  const std::string_view t = doc.text();
  quarry::quote q;
  q.where = span_of(t, "ok\xC0");
  q.speaker_where = span_of(t, "Mayor of Bras\xFFlia");
  doc.quotes().push_back(q);
  quarry::quantity vague;
  vague.where = span_of(t, "Mayor");
  doc.quantities().push_back(vague);
  std::string out;
  quarry::write_report(out, doc);
  CHECK_FALSE(quarry::find_invalid_utf8(out).has_value());
  CHECK(contains(out, "Bras\xEF\xBF\xBDlia"));
  CHECK(contains(out, "(vague)"));
}
