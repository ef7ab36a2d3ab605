// Tests for quarry/io/json.hpp: the output parses back (nlohmann-json) into the shape of
// ../shared/eval/OUTPUT_SCHEMA.md, text fields equal input[begin:end], invalid UTF-8 gives valid JSON
// with U+FFFD while offsets stay exact, and control characters are escaped.
#include <quarry/quarry.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using nlohmann::json;

namespace {

bool is_string_or_null(const json& j) { return j.is_string() || j.is_null(); }
bool is_number_or_null(const json& j) { return j.is_number() || j.is_null(); }

// Checks one output object against the schema; text fields must equal the input's bytes at
// [begin, end) when those bytes are valid UTF-8.
void check_schema(const json& j, std::string_view input) {
  REQUIRE(j.is_object());
  REQUIRE(j.contains("doc"));
  CHECK(j["doc"].is_string());
  for (const char* key : {"actors", "locations", "quantities", "dates", "quotes"}) {
    CAPTURE(key);
    REQUIRE(j.contains(key));
    REQUIRE(j[key].is_array());
    for (const auto& e : j[key]) {
      REQUIRE(e.is_object());
      REQUIRE(e["text"].is_string());
      REQUIRE(e["begin"].is_number_unsigned());
      REQUIRE(e["end"].is_number_unsigned());
      const auto b = e["begin"].get<std::size_t>();
      const auto en = e["end"].get<std::size_t>();
      REQUIRE(b <= en);
      REQUIRE(en <= input.size());
      const std::string_view slice = input.substr(b, en - b);
      if (!quarry::find_invalid_utf8(slice)) CHECK(e["text"].get<std::string>() == slice);
      else CHECK(e["text"].get<std::string>() == quarry::to_valid_utf8(slice));
    }
  }
  static const std::set<std::string> actor_kinds{"person", "organization", "country", "group"};
  static const std::set<std::string> place_kinds{"country", "city", "region", "facility", "other"};
  static const std::set<std::string> approx{"about", "more than", "less than", "at least", "nearly", "up to"};
  for (const auto& a : j["actors"]) {
    CHECK(a["name"].is_string());
    CHECK(actor_kinds.count(a["kind"].get<std::string>()) == 1);
    CHECK(is_string_or_null(a["title"]));
    CHECK(is_string_or_null(a["country"]));
    if (a["country"].is_string()) CHECK(a["country"].get<std::string>().size() == 2);
  }
  for (const auto& l : j["locations"]) {
    CHECK(l["name"].is_string());
    CHECK(place_kinds.count(l["kind"].get<std::string>()) == 1);
    CHECK(is_string_or_null(l["country"]));
    CHECK(is_number_or_null(l["lat"]));
    CHECK(is_number_or_null(l["lon"]));
  }
  for (const auto& q : j["quantities"]) {
    CHECK(is_number_or_null(q["value"]));
    if (q.contains("value_max")) CHECK(q["value_max"].is_number());
    CHECK(is_string_or_null(q["object"]));
    CHECK(is_string_or_null(q["approx"]));
    if (q["approx"].is_string()) CHECK(approx.count(q["approx"].get<std::string>()) == 1);
  }
  for (const auto& d : j["dates"]) CHECK(is_string_or_null(d["value"]));
  for (const auto& q : j["quotes"]) {
    CHECK(is_string_or_null(q["speaker"]));
    CHECK(is_string_or_null(q["speaker_text"]));
    CHECK(is_string_or_null(q["cue"]));
  }
}

quarry::span span_of(std::string_view text, std::string_view part, std::size_t from = 0) {
  const auto b = text.find(part, from);
  REQUIRE(b != std::string_view::npos);
  return {static_cast<quarry::offset_t>(b), static_cast<quarry::offset_t>(b + part.size())};
}

// A document with one annotation of every kind, as the extractors would fill it.
quarry::document annotated() {
  quarry::document doc(
      "An estimated 2,500 U.S. troops remain in Iraq, Ms. Singh said on Jan. 25. "
      "\xE2\x80\x9CLet me be clear,\xE2\x80\x9D she said in Baghdad.",
      "iraq.txt");
  quarry::tokenizer{}(doc);
  const std::string_view t = doc.text();
  doc.actors().push_back({"Sabrina Singh", quarry::actor_kind::person, "Pentagon spokeswoman", "US", ""});
  doc.actors().push_back({"United States", quarry::actor_kind::country, "", "US", ""});
  doc.actor_mentions().push_back({span_of(t, "Ms. Singh"), 0});
  doc.places().push_back({"Baghdad", quarry::place_kind::city, "IQ", 33.34, 44.40});
  doc.places().push_back({"Iraq", quarry::place_kind::country, "IQ", std::nullopt, std::nullopt});
  doc.place_mentions().push_back({span_of(t, "Iraq"), 1});
  doc.place_mentions().push_back({span_of(t, "Baghdad"), 0});
  quarry::quantity q;
  q.where = span_of(t, "An estimated 2,500 U.S. troops");
  q.value = 2500;
  q.object = span_of(t, "troops");
  q.approx = quarry::approximation::about;
  doc.quantities().push_back(q);
  quarry::quantity range;
  range.where = span_of(t, "2,500");
  range.value = 10;
  range.value_max = 20.5;
  doc.quantities().push_back(range);
  quarry::quantity vague;
  vague.where = span_of(t, "troops");
  doc.quantities().push_back(vague);
  doc.dates().push_back({span_of(t, "Jan. 25"), "--01-25", false});
  quarry::quote qt;
  qt.where = span_of(t, "Let me be clear,");
  qt.speaker = 0;
  qt.speaker_where = span_of(t, "she");
  qt.cue = span_of(t, "said", t.find("she"));
  doc.quotes().push_back(qt);
  return doc;
}

}  // namespace

TEST_CASE("json: output parses back and matches the evaluation schema") {
  const quarry::document doc = annotated();
  const json j = json::parse(quarry::to_json(doc));
  check_schema(j, doc.text());
  CHECK(j["doc"] == "iraq.txt");

  REQUIRE(j["actors"].size() == 1);
  CHECK(j["actors"][0]["text"] == "Ms. Singh");
  CHECK(j["actors"][0]["name"] == "Sabrina Singh");
  CHECK(j["actors"][0]["kind"] == "person");
  CHECK(j["actors"][0]["title"] == "Pentagon spokeswoman");
  CHECK(j["actors"][0]["country"] == "US");

  REQUIRE(j["locations"].size() == 2);
  CHECK(j["locations"][0]["name"] == "Iraq");
  CHECK(j["locations"][0]["kind"] == "country");
  CHECK(j["locations"][0]["lat"].is_null());
  CHECK(j["locations"][1]["kind"] == "city");
  CHECK(j["locations"][1]["country"] == "IQ");
  CHECK(j["locations"][1]["lat"].get<double>() == doctest::Approx(33.34));
  CHECK(j["locations"][1]["lon"].get<double>() == doctest::Approx(44.40));

  REQUIRE(j["quantities"].size() == 3);
  CHECK(j["quantities"][0]["text"] == "An estimated 2,500 U.S. troops");
  CHECK(j["quantities"][0]["value"] == 2500);
  CHECK(j["quantities"][0]["object"] == "troops");
  CHECK(j["quantities"][0]["approx"] == "about");
  CHECK_FALSE(j["quantities"][0].contains("value_max"));
  CHECK(j["quantities"][1]["value"] == 10);
  CHECK(j["quantities"][1]["value_max"].get<double>() == 20.5);
  CHECK(j["quantities"][1]["approx"].is_null());
  CHECK(j["quantities"][2]["value"].is_null());  // vague
  CHECK(j["quantities"][2]["object"].is_null());

  REQUIRE(j["dates"].size() == 1);
  CHECK(j["dates"][0]["text"] == "Jan. 25");
  CHECK(j["dates"][0]["value"] == "--01-25");

  REQUIRE(j["quotes"].size() == 1);
  CHECK(j["quotes"][0]["text"] == "Let me be clear,");
  CHECK(j["quotes"][0]["speaker"] == "Sabrina Singh");
  CHECK(j["quotes"][0]["speaker_text"] == "she");
  CHECK(j["quotes"][0]["cue"] == "said");
}

TEST_CASE("json: quotes hold statements; quoted_terms, when asked for, the quoted words that are not") {
  quarry::document doc = annotated();
  const std::string_view t = doc.text();
  quarry::quote term;
  term.where = span_of(t, "Jan. 25");  // stands in for a scare quote; only the flag matters here
  term.statement = false;
  doc.quotes().push_back(term);
  const json plain = json::parse(quarry::to_json(doc));
  REQUIRE(plain["quotes"].size() == 1);
  CHECK(plain["quotes"][0]["statement"] == true);
  CHECK_FALSE(plain.contains("quoted_terms"));

  std::string out;
  quarry::write_json(out, doc, {.quoted_terms = true});
  const json with_terms = json::parse(out);
  CHECK(with_terms["quotes"].size() == 1);
  REQUIRE(with_terms["quoted_terms"].size() == 1);
  CHECK(with_terms["quoted_terms"][0]["text"] == "Jan. 25");
  CHECK(with_terms["quoted_terms"][0]["statement"] == false);
  CHECK(with_terms["quoted_terms"][0]["speaker"].is_null());
}

TEST_CASE("json: compact output is one line and pretty output holds the same data") {
  const quarry::document doc = annotated();
  const std::string compact = quarry::to_json(doc);
  const std::string pretty = quarry::to_json(doc, quarry::json_options{.pretty = true});
  CHECK(compact.find('\n') == std::string::npos);
  CHECK(pretty.find('\n') != std::string::npos);
  CHECK(json::parse(compact) == json::parse(pretty));
  std::string appended = "prefix";
  quarry::write_json(appended, doc);
  CHECK(appended == "prefix" + compact);  // write_json appends
}

TEST_CASE("json: stream_json hands out pieces that join into exactly what write_json gives") {
  // A long document with many findings, so that the output spans many pieces.
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D Mayor Anna Berg said in Oslo on March 3, 2024, after "
            "about 1,200 homes flooded. ";
  }
  const auto p = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                       quarry::quantities{}, quarry::dates{}, quarry::quotes{});
  const quarry::document doc = p(text);
  for (const bool pretty : {false, true}) {
    CAPTURE(pretty);
    const std::string whole = quarry::to_json(doc, {.pretty = pretty});
    std::vector<std::string> pieces;
    quarry::stream_json([&](std::string_view piece) { pieces.emplace_back(piece); }, doc, {.pretty = pretty}, 4096);
    REQUIRE(pieces.size() > 10);
    std::string joined;
    std::size_t largest = 0;
    for (const auto& piece : pieces) {
      CHECK_FALSE(piece.empty());
      largest = std::max(largest, piece.size());
      joined += piece;
    }
    CHECK(joined == whole);
    CHECK(largest < 4096 + 2048);  // a piece is cut after the item that passes the chunk size
    check_schema(json::parse(joined), doc.text());
  }
  // a document without findings is one piece
  quarry::document empty("", "none");
  quarry::tokenizer{}(empty);
  std::vector<std::string> pieces;
  quarry::stream_json([&](std::string_view piece) { pieces.emplace_back(piece); }, empty);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0] == quarry::to_json(empty));
}

TEST_CASE("json: an empty document gives empty arrays") {
  quarry::document doc("", "");
  quarry::tokenizer{}(doc);
  const json j = json::parse(quarry::to_json(doc));
  check_schema(j, doc.text());
  CHECK(j["doc"] == "");
  for (const char* key : {"actors", "locations", "quantities", "dates", "quotes"}) CHECK(j[key].empty());
  CHECK(json::parse(quarry::to_json(doc, {.pretty = true})) == j);
}

TEST_CASE("json: invalid UTF-8 in the text gives valid JSON with U+FFFD while offsets stay exact") {
  quarry::document doc(std::string("Police in Lim\xFF" "a arrested 14 \xC0\xAF people \xE2\x80"), "bad\xFE.txt");
  quarry::tokenizer{}(doc);
  const std::string_view t = doc.text();
  doc.places().push_back({"Lima", quarry::place_kind::city, "PE", -12.05, -77.04});
  doc.place_mentions().push_back({span_of(t, "Lim\xFF" "a"), 0});
  quarry::quantity q;
  q.where = {static_cast<quarry::offset_t>(t.find("14")), static_cast<quarry::offset_t>(t.size())};
  q.value = 14;
  q.object = span_of(t, "people");
  doc.quantities().push_back(q);
  const std::string out = quarry::to_json(doc);
  CHECK_FALSE(quarry::find_invalid_utf8(out).has_value());
  json j;
  REQUIRE_NOTHROW(j = json::parse(out));  // nlohmann rejects invalid UTF-8
  check_schema(j, t);
  CHECK(j["doc"] == "bad\xEF\xBF\xBD.txt");
  CHECK(j["locations"][0]["text"] == "Lim\xEF\xBF\xBD" "a");
  CHECK(j["locations"][0]["begin"] == t.find("Lim"));
  CHECK(j["locations"][0]["end"] == t.find("Lim") + 5);  // 5 input bytes, though the text printed is longer
  CHECK(j["quantities"][0]["text"] == "14 \xEF\xBF\xBD\xEF\xBF\xBD people \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(j["quantities"][0]["end"] == t.size());
}

TEST_CASE("json: control characters, quotes and backslashes are escaped") {
  const std::string text("Tab\there \"q\" back\\slash\x01\x1F\x7F nul\0 cr\r\nlf \xE2\x80\x94 done", 47);
  quarry::document doc(text, "name \"with\" \\ and \n");
  quarry::tokenizer{}(doc);
  quarry::date_mention d;
  d.where = {0, static_cast<quarry::offset_t>(text.size())};
  d.value = "2024";
  doc.dates().push_back(d);
  const std::string out = quarry::to_json(doc);
  for (char c : out) CHECK(static_cast<unsigned char>(c) >= 0x20);  // no raw control bytes in the output
  CHECK(out.find('\x7F') == std::string::npos);
  json j;
  REQUIRE_NOTHROW(j = json::parse(out));
  CHECK(j["dates"][0]["text"].get<std::string>() == text);  // the escapes decode back to the input bytes
  CHECK(j["doc"] == "name \"with\" \\ and \n");
  CHECK(out.find("\\t") != std::string::npos);
  CHECK(out.find("\\u0001") != std::string::npos);
  CHECK(out.find("\\u0000") != std::string::npos);
}

TEST_CASE("json: numbers print exactly; non-finite values become null") {
  quarry::document doc("12 0.5 1e20 x y");
  quarry::tokenizer{}(doc);
  auto add = [&](std::optional<double> v) {
    quarry::quantity q;
    q.where = {0, 2};
    q.value = v;
    doc.quantities().push_back(q);
  };
  add(12);
  add(0.5);
  add(1e20);
  add(-3.25);
  add(std::numeric_limits<double>::quiet_NaN());
  add(std::numeric_limits<double>::infinity());
  add(0.1);
  add(123456789012.0);
  const json j = json::parse(quarry::to_json(doc));
  const auto& q = j["quantities"];
  CHECK(q[0]["value"].is_number_integer());
  CHECK(q[0]["value"] == 12);
  CHECK(q[1]["value"].get<double>() == 0.5);
  CHECK(q[2]["value"].get<double>() == 1e20);
  CHECK(q[3]["value"].get<double>() == -3.25);
  CHECK(q[4]["value"].is_null());
  CHECK(q[5]["value"].is_null());
  CHECK(q[6]["value"].get<double>() == 0.1);  // shortest round trip
  CHECK(q[7]["value"].get<double>() == 123456789012.0);
}

TEST_CASE("json: a mention whose entity index is out of range still gives valid JSON") {
  quarry::document doc("Nobody here.");
  quarry::tokenizer{}(doc);
  doc.actor_mentions().push_back({{0, 6}, quarry::no_entity});
  doc.place_mentions().push_back({{7, 11}, 5});
  quarry::quote q;
  q.where = {0, 6};
  doc.quotes().push_back(q);
  const json j = json::parse(quarry::to_json(doc));
  CHECK(j["actors"][0]["text"] == "Nobody");
  CHECK(j["locations"][0]["text"] == "here");
  CHECK(j["quotes"][0]["speaker"].is_null());
  CHECK(j["quotes"][0]["speaker_text"].is_null());
  CHECK(j["quotes"][0]["cue"].is_null());
}

TEST_CASE("json: the full pipeline's output on news from many beats matches the schema") {
  auto extract = quarry::make_pipeline(quarry::tokenizer{}
#if __has_include(<quarry/extract/locations.hpp>)
                                       , quarry::locations{}
#endif
#if __has_include(<quarry/extract/actors.hpp>)
                                       , quarry::actors{}
#endif
#if __has_include(<quarry/extract/quantities.hpp>)
                                       , quarry::quantities{}
#endif
#if __has_include(<quarry/extract/dates.hpp>)
                                       , quarry::dates{}
#endif
#if __has_include(<quarry/extract/actors.hpp>) && __has_include(<quarry/extract/quotes.hpp>)
                                       , quarry::quotes{}
#endif
  );
  const char* texts[] = {
      "GENEVA (AP) \xE2\x80\x94 The World Health Organization said on Tuesday that about 3,000 cases were "
      "reported in 12 countries since May 1. \xE2\x80\x9CThe risk is moderate,\xE2\x80\x9D Dr. Maria Van "
      "Kerkhove told reporters.",
      "Novak Djokovic won his 24th Grand Slam title on Sunday, beating Daniil Medvedev 6-3, 7-6, 6-3 in "
      "New York. \"I'm living my childhood dream,\" he said.",
      "A court in Paris sentenced the former executive to three years in prison and a fine of "
      "\xE2\x82\xAC" "375,000 on March 3, 2021, the prosecutor's office said.",
      "More than 40 people died when the dam burst near Derna, Libya, last week, officials said; "
      "up to 10,000 remain missing.",
      "Bytes \xFF\xFE in \xC3 the middle \"quoted\xC0\" text",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    const quarry::document doc = extract(text);
    json j;
    REQUIRE_NOTHROW(j = json::parse(quarry::to_json(doc)));
    check_schema(j, doc.text());
    CHECK(json::parse(quarry::to_json(doc, {.pretty = true})) == j);
  }
}
