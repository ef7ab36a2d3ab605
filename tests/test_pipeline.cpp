// Tests for quarry/pipeline.hpp: stages run in order, one built pipeline serves many threads with the
// single-threaded result, documents are reused across calls, and a wrong stage order is refused
// (at run time by any_pipeline here; at compile time by tests/compile_fail, run from tests/CMakeLists.txt).
#include <quarry/document.hpp>
#include <quarry/io/json.hpp>
#include <quarry/pipeline.hpp>
#include <quarry/tokenizer.hpp>

// The extractors join the full pipeline as they land.
#if __has_include(<quarry/extract/locations.hpp>)
#include <quarry/extract/locations.hpp>
#define QUARRY_TEST_HAS_LOCATIONS 1
#endif
#if __has_include(<quarry/extract/actors.hpp>)
#include <quarry/extract/actors.hpp>
#define QUARRY_TEST_HAS_ACTORS 1
#endif
#if __has_include(<quarry/extract/quantities.hpp>)
#include <quarry/extract/quantities.hpp>
#define QUARRY_TEST_HAS_QUANTITIES 1
#endif
#if __has_include(<quarry/extract/dates.hpp>)
#include <quarry/extract/dates.hpp>
#define QUARRY_TEST_HAS_DATES 1
#endif
#if defined(QUARRY_TEST_HAS_ACTORS) && __has_include(<quarry/extract/quotes.hpp>)
#include <quarry/extract/quotes.hpp>
#define QUARRY_TEST_HAS_QUOTES 1
#endif

#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// Stages for testing the composition itself.
struct count_tokens {
  static constexpr unsigned needs = quarry::layer::tokens;
  void operator()(quarry::document& doc) const { doc.set_name(std::to_string(doc.tokens().size())); }
};

struct fake_actors {
  static constexpr unsigned provides = quarry::layer::actors;
  static constexpr unsigned needs = quarry::layer::tokens;
  void operator()(quarry::document& doc) const {
    doc.actors().push_back({"Someone", quarry::actor_kind::person, "", "", ""});
    doc.mark_done(quarry::layer::actors);
  }
};

struct fake_quotes {
  static constexpr unsigned provides = quarry::layer::quotes;
  static constexpr unsigned needs = quarry::layer::tokens | quarry::layer::actors;
  void operator()(quarry::document& doc) const {
    REQUIRE((doc.done() & quarry::layer::actors) != 0);
    doc.mark_done(quarry::layer::quotes);
  }
};

auto full_pipeline() {
  return quarry::make_pipeline(quarry::tokenizer{}
#ifdef QUARRY_TEST_HAS_LOCATIONS
                               , quarry::locations{}
#endif
#ifdef QUARRY_TEST_HAS_ACTORS
                               , quarry::actors{}
#endif
#ifdef QUARRY_TEST_HAS_QUANTITIES
                               , quarry::quantities{}
#endif
#ifdef QUARRY_TEST_HAS_DATES
                               , quarry::dates{}
#endif
#ifdef QUARRY_TEST_HAS_QUOTES
                               , quarry::quotes{}
#endif
  );
}

// Texts from many beats, written for these tests.
const std::vector<std::string>& sample_texts() {
  static const std::vector<std::string> texts = {
      "KHARTOUM (Reuters) \xE2\x80\x94 Fighting in Sudan's capital displaced more than 10,000 people on "
      "Jan. 25, the U.N. said. \xE2\x80\x9CThe situation is catastrophic,\xE2\x80\x9D said Amina Yusuf, a "
      "spokeswoman for the agency.",
      "Manchester City beat Arsenal 3-1 on Saturday. Erling Haaland scored twice. \xE2\x80\x9CWe were "
      "clinical,\xE2\x80\x9D manager Pep Guardiola told reporters after the match at the Etihad.",
      "Shares of Toyota Motor Corp. rose 4.2% in Tokyo after the carmaker raised its forecast to "
      "\xC2\xA5" "4.5 trillion. Analysts at Nomura called it \xE2\x80\x9C" "a clear beat.\xE2\x80\x9D",
      "The Supreme Court of India on Monday upheld the 2019 decision. Chief Justice D.Y. Chandrachud "
      "wrote that the order was lawful. \"This is a historic day,\" Prime Minister Narendra Modi said.",
      "A magnitude 6.8 earthquake struck Morocco's High Atlas late on Friday, killing at least 2,000 "
      "people, the Interior Ministry said. Rescuers dug through rubble in Amizmiz.",
      "Scientists at CERN said the experiment, which ran for 18 months, found no sign of the particle. "
      "Dr. Fabiola Gianotti said: \xE2\x80\x9CNature is telling us something.\xE2\x80\x9D",
      "BRASILIA, Brazil \xE2\x80\x94 President Luiz In\xC3\xA1" "cio Lula da Silva signed the bill on "
      "Wednesday. About 30 million families will get the benefit, according to the ministry.",
      "Floods in Pakistan's Sindh province have killed 1,700 people since June, officials said. "
      "Ms. Rehman called it \xE2\x80\x98" "a climate catastrophe\xE2\x80\x99 and asked for $16 billion.",
      "",
      "Lagos \xFF\xFE police said \xC0\xAF 12 people were hurt",
  };
  return texts;
}

}  // namespace

static_assert(quarry::stage<quarry::tokenizer>);
static_assert(quarry::stage<count_tokens>);
static_assert(!quarry::stage<int>);
static_assert(quarry::provides_of<quarry::tokenizer> == quarry::layer::tokens);
static_assert(quarry::needs_of<count_tokens> == quarry::layer::tokens);
static_assert(quarry::needs_of<int> == 0);
static_assert(decltype(quarry::make_pipeline(quarry::tokenizer{}, fake_actors{}, fake_quotes{}))::provides ==
              (quarry::layer::tokens | quarry::layer::actors | quarry::layer::quotes));

TEST_CASE("pipeline: stages run in the order given, each seeing the work of the ones before") {
  const auto p = quarry::make_pipeline(quarry::tokenizer{}, count_tokens{});
  const quarry::document doc = p("Sweden joined NATO on Thursday.");
  CHECK(doc.name() == "6");
  CHECK(doc.tokens().size() == 6);
  CHECK((doc.done() & quarry::layer::tokens) != 0);
}

TEST_CASE("pipeline: extracting from a string_view gives a document that owns its text") {
  std::string text = "Kenya's parliament passed the finance bill.";
  const auto p = quarry::make_pipeline(quarry::tokenizer{});
  const quarry::document doc = p(text);
  CHECK(doc.text().data() != text.data());
  text.assign(text.size(), '?');
  CHECK(doc.text() == "Kenya's parliament passed the finance bill.");
  CHECK(doc.text(doc.tokens().front()) == "Kenya");
}

TEST_CASE("pipeline: a document reused across calls gives the same results as fresh ones") {
  const auto p = full_pipeline();
  quarry::document doc;
  doc.set_name("reused");
  // twice round, so the second pass reuses memory sized by every text
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : sample_texts()) {
      CAPTURE(text);
      p(doc, text);
      CHECK(doc.text().data() == text.data());  // borrowed, no copy
      CHECK(doc.name() == "reused");            // the name is kept across calls
      quarry::document fresh = p(text);
      fresh.set_name("reused");
      CHECK(quarry::to_json(doc) == quarry::to_json(fresh));
    }
  }
}

TEST_CASE("pipeline: one pipeline shared by 8 threads gives the single-threaded results") {
  const auto p = full_pipeline();  // const: only const calls are shared
  const auto& texts = sample_texts();
  std::vector<std::string> expected;
  for (const auto& text : texts) expected.push_back(quarry::to_json(p(text)));

  constexpr int thread_count = 8;
  constexpr int rounds = 20;
  std::atomic<int> mismatches{0};
  std::atomic<int> runs{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      quarry::document doc;  // one reused document per thread
      for (int r = 0; r < rounds; ++r) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          const std::size_t k = (i + static_cast<std::size_t>(t)) % texts.size();  // threads start apart
          p(doc, texts[k]);
          if (quarry::to_json(doc) != expected[k]) ++mismatches;
          ++runs;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(mismatches.load() == 0);
  CHECK(runs.load() == thread_count * rounds * static_cast<int>(texts.size()));
}

TEST_CASE("pipeline: an any_pipeline shared by threads gives the same results as the static one") {
  const auto fixed = quarry::make_pipeline(quarry::tokenizer{}, fake_actors{}, fake_quotes{});
  quarry::any_pipeline dynamic;
  dynamic.add(quarry::tokenizer{}).add(fake_actors{}).add(fake_quotes{});
  CHECK(dynamic.size() == 3);
  CHECK(dynamic.provides() == decltype(fixed)::provides);
  const auto& texts = sample_texts();
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      quarry::document doc;
      for (const auto& text : texts) {
        dynamic(doc, text);
        const quarry::document ref = fixed(text);
        if (doc.tokens().size() != ref.tokens().size() || doc.done() != ref.done() ||
            doc.sentences().size() != ref.sentences().size()) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(mismatches.load() == 0);
}

TEST_CASE("pipeline: any_pipeline throws usage_error when a stage's needs come later or never") {
  {
    quarry::any_pipeline p;
    CHECK_THROWS_AS(p.add(count_tokens{}), quarry::usage_error);  // no tokenizer yet
    CHECK(p.size() == 0);
  }
  {
    quarry::any_pipeline p;
    p.add(quarry::tokenizer{});
    try {
      p.add(fake_quotes{});
      FAIL("a quote stage before the actor stage was accepted");
    } catch (const quarry::usage_error& e) {
      CHECK(std::string(e.what()).find("actors") != std::string::npos);  // the message names what is missing
    }
    CHECK(p.size() == 1);  // the refused stage was not added
    CHECK_NOTHROW(p.add(fake_actors{}).add(fake_quotes{}));
  }
#ifdef QUARRY_TEST_HAS_QUOTES
  {
    quarry::any_pipeline p;
    p.add(quarry::tokenizer{});
    CHECK_THROWS_AS(p.add(quarry::quotes{}), quarry::usage_error);
    CHECK_THROWS_AS(p.add(quarry::quotes{}), quarry::error);
  }
#endif
}

TEST_CASE("pipeline: describe_layers names the layers of a bit set") {
  CHECK(quarry::describe_layers(0).empty());
  CHECK(quarry::describe_layers(quarry::layer::tokens | quarry::layer::quotes) == "tokens, quotes");
}

TEST_CASE("pipeline: a strict tokenizer stage throws utf8_error with the offset, a lenient one does not") {
  const std::string text = "Protesters in Tbilisi \xE2\x80\x94 thousands \xC3( marched";
  const auto strict = quarry::make_pipeline(quarry::tokenizer{quarry::tokenize_options{.strict_utf8 = true}});
  try {
    (void)strict(text);
    FAIL("strict pipeline accepted invalid UTF-8");
  } catch (const quarry::utf8_error& e) {
    CHECK(e.offset() == text.find('\xC3'));
  }
  const auto lenient = full_pipeline();
  quarry::document doc;
  CHECK_NOTHROW(lenient(doc, text));
  CHECK(doc.tokens().back().end == text.size());
}

TEST_CASE("pipeline: the full pipeline's annotations lie inside the text") {
  const auto p = full_pipeline();
  for (const auto& text : sample_texts()) {
    CAPTURE(text);
    const quarry::document doc = p(text);
    auto inside = [&](quarry::span s) { return s.begin <= s.end && s.end <= text.size(); };
    for (const auto& m : doc.actor_mentions()) {
      CHECK(inside(m.where));
      CHECK(m.actor < doc.actors().size());
    }
    for (const auto& m : doc.place_mentions()) {
      CHECK(inside(m.where));
      CHECK(m.place < doc.places().size());
    }
    for (const auto& q : doc.quantities()) CHECK(inside(q.where));
    for (const auto& d : doc.dates()) CHECK(inside(d.where));
    for (const auto& q : doc.quotes()) {
      CHECK(inside(q.where));
      CHECK((q.speaker == quarry::no_entity || q.speaker < doc.actors().size()));
    }
  }
}
