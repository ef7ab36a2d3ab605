// Tests for quarry/lexicon/speech_verbs.hpp: the built-in speech verbs and user extensions.
#include <quarry/lexicon/speech_verbs.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

TEST_CASE("speech verbs: common attribution verbs are known in every inflection news uses") {
  for (const char* w : {"said", "says", "say", "told", "added", "announced", "stated", "warned", "wrote",
                        "insisted", "acknowledged", "pledged", "claimed", "explained", "replied", "tweeted",
                        "saying", "telling", "argues", "conceded", "testified"}) {
    CAPTURE(w);
    CHECK(quarry::is_speech_verb(w));
  }
}

TEST_CASE("speech verbs: lookup ignores letter case") {
  CHECK(quarry::is_speech_verb("Said"));
  CHECK(quarry::is_speech_verb("SAID"));
  CHECK(quarry::is_speech_verb("Told"));
}

TEST_CASE("speech verbs: ordinary words, nouns that look like verbs and punctuation are not speech verbs") {
  for (const char* w : {"", "the", "troops", "State", "states", "report", "reports", "notes", "warning",
                        "said,", "said.", "U.S.", "charged", "estimated", "a-very-long-word-that-cannot-be-a-verb"}) {
    CAPTURE(w);
    CHECK_FALSE(quarry::is_speech_verb(w));
  }
}

TEST_CASE("speech verbs: is_speech_verb is usable at compile time") {
  static_assert(quarry::is_speech_verb("said"));
  static_assert(!quarry::is_speech_verb("bridge"));
}

TEST_CASE("speech verbs: a set holds the built-in verbs and the words a user adds") {
  quarry::speech_verb_set verbs;
  CHECK(verbs.contains("said"));
  CHECK_FALSE(verbs.contains("grumbled"));
  verbs.add("Grumbled");
  CHECK(verbs.contains("grumbled"));
  CHECK(verbs.contains("GRUMBLED"));
  CHECK_FALSE(quarry::is_speech_verb("grumbled"));  // the built-in list is not changed
  verbs.add_verb("opine");
  CHECK(verbs.contains("opines"));
  CHECK(verbs.contains("opined"));
  CHECK(verbs.contains("opining"));
  verbs.add_verb("growl");
  CHECK(verbs.contains("growled"));
  CHECK(verbs.contains("growling"));
  CHECK(verbs.extra_size() == 9);
}

TEST_CASE("speech verbs: a set without the built-in list knows only its own words") {
  auto verbs = quarry::speech_verb_set::without_builtin();
  CHECK_FALSE(verbs.contains("said"));
  verbs.add("intoned");
  CHECK(verbs.contains("intoned"));
  CHECK_FALSE(verbs.has_builtin());
}

TEST_CASE("speech verbs: adding something that is not one word is a usage error") {
  quarry::speech_verb_set verbs;
  CHECK_THROWS_AS(verbs.add("went on"), quarry::usage_error);
  CHECK_THROWS_AS(verbs.add(""), quarry::usage_error);
  CHECK_THROWS_AS(verbs.add("said!"), quarry::usage_error);
}

TEST_CASE("speech verbs: a word file adds one form per line and reports a bad line with path and line") {
  const auto dir = std::filesystem::temp_directory_path();
  const auto good = (dir / "quarry_test_speech_verbs_good.txt").string();
  const auto bad = (dir / "quarry_test_speech_verbs_bad.txt").string();
  {
    std::ofstream f(good);
    f << "# verbs of a sports desk\n\nfumed\r\n  hollered  \n";
  }
  {
    std::ofstream f(bad);
    f << "fumed\nwent on\n";
  }
  quarry::speech_verb_set verbs;
  verbs.add_file(good);
  CHECK(verbs.contains("fumed"));
  CHECK(verbs.contains("hollered"));
  CHECK(verbs.extra_size() == 2);
  try {
    verbs.add_file(bad);
    FAIL("expected lexicon_error");
  } catch (const quarry::lexicon_error& e) {
    CHECK(e.path() == bad);
    CHECK(e.line() == 2);
  }
  CHECK_THROWS_AS(verbs.add_file((dir / "quarry_no_such_file.txt").string()), quarry::lexicon_error);
  std::remove(good.c_str());
  std::remove(bad.c_str());
}
