// Tests for quarry/annotation_kind.hpp: a kind defined here, outside quarry, is stored in the document and
// written by the JSON writer (pretty and one line), the text report and the segmented runner, and survives
// copies, moves and clear().
#include <quarry/quarry.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace {

// A ticker symbol ("$NVDA") with the exchange word that follows it when there is one ("on Nasdaq").
struct ticker {
  static constexpr std::string_view kind_name = "tickers";
  static constexpr auto span_members() { return std::tuple{&ticker::where, &ticker::exchange}; }
  quarry::span where;
  quarry::span exchange;
  std::string symbol;
  bool listed = true;

  void write_fields(quarry::field_writer& w) const {
    w.text("symbol", symbol);
    w.text_at("exchange", exchange);
    w.boolean("listed", listed);
  }
};

// Finds "$" + capitals, and an exchange named two tokens later ("$NVDA on Nasdaq").
struct tickers {
  static constexpr unsigned needs = quarry::layer::tokens;
  void operator()(quarry::document& doc) const {
    auto& found = doc.annotations<ticker>();
    const auto& t = doc.tokens();
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      if (doc.text(t[i]) != "$" || t[i + 1].begin != t[i].end || !t[i + 1].has(quarry::all_caps)) continue;
      ticker k{{t[i].begin, t[i + 1].end}, {}, std::string(doc.text(t[i + 1])), true};
      if (i + 3 < t.size() && doc.text(t[i + 2]) == "on" && t[i + 3].has(quarry::capitalized)) k.exchange = t[i + 3].where();
      found.push_back(std::move(k));
    }
  }
};

// A kind with no traits but its span: named where it is used.
struct plain_mark {
  quarry::span where;
};

constexpr std::string_view story =
    "Shares of chip maker Nvidia ($NVDA on Nasdaq) rose 4% on Tuesday, while $INTC fell.\n\n"
    "Analysts at Morgan Stanley said $AMD on Nasdaq could follow.";

}  // namespace

TEST_CASE("annotation kinds: a user kind reaches the JSON output under its name with its fields") {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, tickers{});
  const quarry::document doc = extract(story);
  REQUIRE(doc.annotations<ticker>().size() == 3);

  const auto j = nlohmann::json::parse(quarry::to_json(doc));
  REQUIRE(j.contains("tickers"));
  const auto& list = j["tickers"];
  REQUIRE(list.size() == 3);
  CHECK(list[0]["text"] == "$NVDA");
  CHECK(story.substr(list[0]["begin"].get<std::size_t>(), 5) == "$NVDA");
  CHECK(list[0]["end"].get<std::size_t>() - list[0]["begin"].get<std::size_t>() == 5);
  CHECK(list[0]["symbol"] == "NVDA");
  CHECK(list[0]["exchange"] == "Nasdaq");
  CHECK(list[0]["listed"] == true);
  CHECK(list[1]["symbol"] == "INTC");
  CHECK(list[1]["exchange"].is_null());
  CHECK(j["quotes"].is_array());  // the built-in kinds are still there, before it

  // One line for JSON Lines, the same data pretty.
  const std::string line = quarry::to_json(doc);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(nlohmann::json::parse(quarry::to_json(doc, {.pretty = true})) == j);
}

TEST_CASE("annotation kinds: the text report lists a user kind's findings with their fields") {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, tickers{});
  const quarry::document doc = extract(story);
  std::string report;
  quarry::write_report(report, doc);
  CHECK(report.find("tickers:\n  $NVDA  (symbol=NVDA, exchange=Nasdaq, listed=true)\n") != std::string::npos);
  CHECK(report.find("  $INTC  (symbol=INTC, exchange=, listed=true)\n") != std::string::npos);

  const quarry::document none = extract("The Federal Reserve kept rates on hold.");
  std::string quiet;
  quarry::write_report(quiet, none);
  CHECK(quiet.find("tickers") == std::string::npos);  // an empty kind, like an empty built-in one, is left out
  CHECK(quarry::to_json(none).find("\"tickers\": []") != std::string::npos);  // JSON keeps the key
}

TEST_CASE("annotation kinds: copies, moves and clear() carry a user kind's store") {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, tickers{});
  quarry::document doc = extract(story);
  quarry::document copy = doc;
  REQUIRE(copy.annotations<ticker>().size() == 3);
  doc.annotations<ticker>().clear();
  CHECK(copy.annotations<ticker>().size() == 3);  // a deep copy

  quarry::document moved = std::move(copy);
  CHECK(moved.annotations<ticker>().size() == 3);
  CHECK(moved.text(moved.annotations<ticker>()[2]) == "$AMD");

  const auto* storage = moved.annotations<ticker>().data();
  moved.clear();
  CHECK(moved.annotations<ticker>().empty());
  extract(moved, story);  // reused: the store and its memory stay
  CHECK(moved.annotations<ticker>().size() == 3);
  CHECK(moved.annotations<ticker>().data() == storage);
}

TEST_CASE("annotation kinds: a long text cut into pieces keeps a user kind's spans in the whole text") {
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, tickers{});
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(story) + "\n\n";
  quarry::document whole(text);
  extract(whole);
  quarry::document pieces(text);
  quarry::run_segmented(extract, pieces, 4096);
  REQUIRE(pieces.annotations<ticker>().size() == 600);
  REQUIRE(whole.annotations<ticker>().size() == 600);
  for (std::size_t i = 0; i < 600; ++i) {
    const ticker& a = whole.annotations<ticker>()[i];
    const ticker& b = pieces.annotations<ticker>()[i];
    CHECK(a.where == b.where);
    CHECK(a.exchange == b.exchange);  // every span member moved, the empty one left empty
    CHECK(pieces.text(b) == whole.text(a));
  }
  CHECK(quarry::to_json(pieces).find("\"tickers\": [") != std::string::npos);
}

TEST_CASE("annotation kinds: a kind without traits is named where it is used; names are checked") {
  quarry::document doc("Ceasefire talks resume in Doha.");
  doc.annotations<plain_mark>("marks").push_back({{0, 9}});
  CHECK(doc.annotations<plain_mark>("marks").size() == 1);
  CHECK(std::as_const(doc).annotations<plain_mark>("other").empty());
  const auto j = nlohmann::json::parse(quarry::to_json(doc));
  CHECK(j["marks"][0]["text"] == "Ceasefire");
  CHECK(j["marks"][0].size() == 3);  // text, begin, end: no fields of its own

  CHECK_THROWS_AS((void)doc.annotations<plain_mark>("quotes"), quarry::usage_error);  // a built-in kind's name
  CHECK_THROWS_AS((void)doc.annotations<plain_mark>(""), quarry::usage_error);
  CHECK_THROWS_AS((void)doc.annotations<ticker>("marks"), quarry::usage_error);  // taken by another type
}
