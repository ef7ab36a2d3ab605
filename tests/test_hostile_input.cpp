// Hostile input through the whole pipeline (every extractor quarry/quarry.hpp has): invalid UTF-8 of every
// class, NUL bytes, byte-order marks, CR and CRLF line ends, megabytes of quote marks, digits or letters
// without a space, deep quote nesting, long runs of capitalised words, numbers and abbreviations. Each must
// finish quickly with the invariants of fuzz/invariants.hpp holding and JSON output that parses. The fuzzers'
// seed corpus and every saved crash input (fuzz/regressions) are replayed here too.
#include <quarry/quarry.hpp>

#include "../fuzz/invariants.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

const auto& full_pipeline() {
  static const auto p = quarry::make_pipeline(quarry::tokenizer{}
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
  return p;
}

// Runs the full pipeline on text, checks every invariant and the JSON, and returns the seconds it took.
double survives(std::string_view text) {
  const auto t0 = std::chrono::steady_clock::now();
  const quarry::document doc = full_pipeline()(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string broken = quarry_fuzz::check_document(doc);
  CHECK_MESSAGE(broken.empty(), broken);
  const std::string json = quarry::to_json(doc);
  CHECK_FALSE(quarry::find_invalid_utf8(json).has_value());
  bool parses = false;
  try {
    parses = nlohmann::json::parse(json).is_object();
  } catch (const nlohmann::json::exception&) {
  }
  CHECK(parses);
  return seconds;
}

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s.append(unit);
  return s;
}

constexpr std::size_t megabyte = 1 << 20;
// The size of the big inputs: 1 MB in optimised builds; a quarter of that in unoptimised and sanitized
// builds (Debug), which run several times slower, so that the whole suite stays within CI's time budget.
#ifdef NDEBUG
constexpr std::size_t big = megabyte;
#else
constexpr std::size_t big = megabyte / 4;
#endif
// A ceiling far above the expected time, even unoptimised under sanitizers: it catches quadratic blow-ups,
// not slowness (bench/ measures that).
constexpr double ceiling_seconds = 60.0;

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("hostile input: invalid UTF-8 of every class keeps offsets exact and output valid") {
  const std::string_view classes[] = {
      "\x80",              // stray continuation byte
      "\xBF\x80\xBF",      // runs of continuation bytes
      "\xC0\xAF",          // overlong '/'
      "\xC1\xBF",          // overlong
      "\xE0\x80\xAF",      // overlong, 3 bytes
      "\xF0\x80\x80\xAF",  // overlong, 4 bytes
      "\xED\xA0\x80",      // high surrogate
      "\xED\xBF\xBF",      // low surrogate
      "\xED\xA0\xBD\xED\xB2\xA9",  // a CESU-8 surrogate pair
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF8\x88\x80\x80\x80",      // 5-byte form
      "\xFC\x84\x80\x80\x80\x80",  // 6-byte form
      "\xFE\xFF",          // never valid
      "\xC3",              // truncated 2-byte
      "\xE2\x80",          // truncated 3-byte
      "\xF0\x9F\x8C",      // truncated 4-byte
  };
  for (std::string_view bad : classes) {
    CAPTURE(std::string(bad));
    // the bad bytes alone, inside a word, before a quote, at the end, inside an abbreviation and a number
    for (const std::string& text :
         {std::string(bad), "Mosc" + std::string(bad) + "w police said 12 were hurt.",
          "\xE2\x80\x9C" + std::string(bad) + "We will win,\xE2\x80\x9D Ms. Singh said" + std::string(bad),
          "U.S" + std::string(bad) + ". troops and 2," + std::string(bad) + "500 people on Jan" + std::string(bad) + ". 25",
          std::string(bad) + std::string(bad) + "\n\n" + std::string(bad) + " \"" + std::string(bad) + "\""}) {
      survives(text);
      const quarry::document doc = full_pipeline()(text);
      CHECK(quarry::find_invalid_utf8(text).has_value());
      for (const auto& t : doc.tokens()) CHECK(t.end <= text.size());
    }
  }
}

TEST_CASE("hostile input: NUL bytes, a byte-order mark and CR or CRLF line ends") {
  const std::string nuls(4096, '\0');
  survives(nuls);
  survives(std::string("President\0Ruto\0said\0\"no\"\0on\0Monday.", 36));
  survives("\xEF\xBB\xBF" "Floods in Kerala\r\nBy Staff\r\n\r\n\xE2\x80\x9CWe lost everything,\xE2\x80\x9D said Ravi Menon, 54.\r\n");
  survives("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF");
  survives("Headline\rBy Staff\r\rBody text, said Ms. Diaz.\r");
  survives(repeat("\r\n", big));
  survives(repeat("\r", big));
  survives(repeat("\n", big));
  survives(repeat(" \t\f\v", big));
}

TEST_CASE("hostile input: a megabyte of quote marks of every kind") {
  const std::string_view units[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98\xE2\x80\x99",
                                    "\" ", "\xE2\x80\x9C \xE2\x80\x9D ", "\xC2\xAB\xC2\xBB", "'s ",
                                    "\xE2\x80\x9Cx,\xE2\x80\x9D said Ruto. "};
  for (std::string_view unit : units) {
    CAPTURE(std::string(unit));
    const double seconds = survives(repeat(unit, big));
    MESSAGE((big / 1024) << " KB of [" << std::string(unit) << "] in " << seconds << " s");
    CHECK(seconds < ceiling_seconds);
  }
}

TEST_CASE("hostile input: a megabyte of digits, of letters and of punctuation without a space") {
  const std::string_view units[] = {"7", "1,000", "1.5", "a", "Z", "\xC3\xA9", "-", ".", "...", "@a", "#a",
                                    "http://", "a@b.", "U.S.", "$", "%", "\xE2\x80\x94", "\xF0\x9F\x8C\x8D"};
  for (std::string_view unit : units) {
    CAPTURE(std::string(unit));
    const double seconds = survives(repeat(unit, big));
    MESSAGE((big / 1024) << " KB of [" << std::string(unit) << "] in " << seconds << " s");
    CHECK(seconds < ceiling_seconds);
  }
}

TEST_CASE("hostile input: deeply nested quotes, opened and never closed, or closed in the wrong order") {
  std::string nested;
  for (std::size_t i = 0; i < big / 50; ++i) nested += (i % 2 == 0) ? "\xE2\x80\x9C" "a " : "\xE2\x80\x98" "b ";
  for (std::size_t i = 0; i < big / 50; ++i) nested += (i % 2 == 0) ? "\xE2\x80\x99" " c" : "\xE2\x80\x9D" " d";
  CHECK(survives(nested) < ceiling_seconds);
  CHECK(survives(repeat("\xE2\x80\x9C" "He said ", big)) < ceiling_seconds);
  CHECK(survives(repeat("\xE2\x80\x9D" " said Ms. Singh. ", big)) < ceiling_seconds);
  CHECK(survives(repeat("\"a \"b 'c 'd ", big)) < ceiling_seconds);
}

TEST_CASE("hostile input: long runs of capitalised words, numbers and abbreviations") {
  const std::string_view units[] = {
      "Abu Mahdi ",                         // one endless name
      "President ",                         // an endless title
      "U.S. ",                              // abbreviations that never end a sentence
      "Jan. ",                              // months without days
      "No. ",                               // number signs without numbers
      "12 ",                                // numbers without nouns
      "2,500 troops and ",                  // quantities without end
      "about 10 to 20 ",                    // ranges
      "Iraq's ",                            // possessives
      "al-Sudani al-Muhandis ",             // particles
      "Baghdad, Iraq, ",                    // places
      "said ",                              // cues without quotes
      "Mr. Smith said he said she said ",   // attribution chains
      "on Monday, Jan. 25, 2024, ",         // dates
      "A. B. C. D. ",                       // initials
      "Sen. Warren ",                       // titles with names
  };
  for (std::string_view unit : units) {
    CAPTURE(std::string(unit));
    const double seconds = survives(repeat(unit, big / 4));
    MESSAGE((big / 4096) << " KB of [" << std::string(unit) << "] in " << seconds << " s");
    CHECK(seconds < ceiling_seconds);
  }
}

// A run of honorifics ("Ms. Ms. Ms. ...", "Dr. Gen. Dr. Gen. ...") once took quadratic time in the actor
// stage (every token of the run re-walked the rest of it: 128 KB of "Ms. " took 73 s). The check compares
// with ordinary news text of the same size in the same build, so it holds in Debug, Release and sanitized
// builds alike; bench/bench_worst_case.cpp has the throughput figures.
// The same holds for a long text that names the same people and places again and again: the locations
// stage once compared every place mention with every person-like name (8 MB of news: 1.3 s; 16 MB: 7.8 s).
TEST_CASE("hostile input: a run of honorifics, or of the same names, takes time linear in its length") {
  const std::size_t size = big / 8;
  const std::string news = repeat("Ms. Singh said the U.S. had 2,500 troops in Iraq on Jan. 25. ", size);
  double baseline = 1e9;
  for (int i = 0; i < 3; ++i) baseline = std::min(baseline, survives(news));
  for (std::string_view unit : {"Ms. ", "Dr. Gen. ", "Mr. Dr. Singh ", "Michael Jordan met officials in Paris, Lyon and Nice. "}) {
    CAPTURE(std::string(unit));
    const double seconds = survives(repeat(unit, size));
    MESSAGE((size / 1024) << " KB of [" << std::string(unit) << "] in " << seconds << " s; news text of that size in "
                          << baseline << " s");
    CHECK(seconds < 10 * baseline + 0.05);
  }
}

// Found by fuzz_tokenize: when an e-mail address starts inside a word run ("ab’cd@example.org", a local part
// longer than the 64-byte look-back), the bytes of the word before the local part must stay in a token.
TEST_CASE("hostile input: no byte of a word before an e-mail address is lost") {
  const std::string texts[] = {"ab\xE2\x80\x99" "cd@example.org", "Iraq'sa@b.org",
                               "x Iraqis\xE2\x80\x99ulress@icj.org y", std::string(80, 'Q') + "ss@icj-cij.org"};
  for (const std::string& text : texts) {
    CAPTURE(text);
    survives(text);
  }
}

TEST_CASE("hostile input: every byte value and every two-byte pair") {
  std::string all;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      all += static_cast<char>(a);
      all += static_cast<char>(b);
    }
  }
  survives(all);
  for (int a = 0; a < 256; ++a) survives(std::string(1, static_cast<char>(a)));
}

TEST_CASE("hostile input: the fuzzers' seed corpus and every saved regression input") {
  const std::filesystem::path root = QUARRY_SOURCE_DIR;
  std::size_t replayed = 0;
  for (const char* dir : {"fuzz/corpus", "fuzz/regressions"}) {
    for (const auto& file : files_in(root / dir)) {
      CAPTURE(file.string());
      survives(read_file(file));
      ++replayed;
    }
  }
  MESSAGE(replayed << " inputs replayed");
  CHECK(replayed > 0);
}
