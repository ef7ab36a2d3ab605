// Tests for examples/: each example program is run as a user would run it and its output checked,
// so the programs the docs point to keep working. Findings are checked only where they are certain
// (a named person, a place, a number in a plain sentence), not where the extractors may improve.
// Paths come from tests/CMakeLists.txt (QUARRY_EXAMPLE_<NAME>); without examples nothing runs here.
#include <quarry/version.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#if defined(QUARRY_SAMPLE_DIR) && !defined(_WIN32)
#include <sys/wait.h>
#include <unistd.h>


namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// A scratch directory of its own: ctest runs test cases in parallel processes.
struct scratch {
  fs::path dir;
  scratch() {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() /
          ("quarry-examples-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir);
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
  }
};

struct run_result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs program with args (already quoted), standard input from input; captures both outputs.
run_result run(const std::string& program, const std::string& args, const std::string& input = {}) {
  scratch s;
  const fs::path in = s.write("stdin", input);
  const std::string cmd = quoted(program) + " " + args + " <" + quoted(in.string()) + " >" +
                          quoted((s.dir / "stdout").string()) + " 2>" + quoted((s.dir / "stderr").string());
  const int raw = std::system(cmd.c_str());
  run_result r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(s.dir / "stdout");
  r.err = slurp(s.dir / "stderr");
  return r;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const std::string sample = std::string(QUARRY_SAMPLE_DIR) + "/sample.txt";

}  // namespace

#ifdef QUARRY_EXAMPLE_EMBED_MINIMAL
TEST_CASE("examples: embed_minimal prints what it finds in the README's sentence") {
  const run_result r = run(QUARRY_EXAMPLE_EMBED_MINIMAL, "");
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(has(r.out, " tokens, 1 sentence(s)\n"));
  CHECK(has(r.out, "actor: Ana Ruiz\n"));
  CHECK(has(r.out, "place: Valencia\n"));
  CHECK(has(r.out, "quantity: about 300 homes = 300\n"));
  CHECK(has(r.out, "date: Monday\n"));
  CHECK(has(r.out, "quote: Ana Ruiz: We will rebuild"));
}
#endif

#ifdef QUARRY_EXAMPLE_BATCH_THREADS
TEST_CASE("examples: batch_threads gives the same lines, in input order, with one thread or four") {
  scratch s;
  const fs::path other = s.write("other.txt", "Ms. Singh said 40 people left Kyiv on Friday.\n");
  const std::string args = quoted(sample) + " " + quoted(other.string()) + " " + quoted(sample);
  const run_result one = run(QUARRY_EXAMPLE_BATCH_THREADS, "--threads 1 " + args);
  const run_result four = run(QUARRY_EXAMPLE_BATCH_THREADS, "--threads 4 " + args);
  INFO(one.out, one.err);
  CHECK(one.status == 0);
  CHECK(four.status == 0);
  CHECK(one.out == four.out);
  const auto lines = lines_of(one.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind(sample + ": ", 0) == 0);
  CHECK(lines[1].rfind(other.string() + ": ", 0) == 0);
  CHECK(lines[0] == lines[2]);
  CHECK_FALSE(has(lines[0], ": 0 tokens"));
  CHECK_FALSE(has(lines[0], " 0 actors"));
  CHECK_FALSE(has(lines[0], " 0 places"));
  CHECK_FALSE(has(lines[0], " 0 quantities"));
  CHECK_FALSE(has(lines[0], " 0 quotes"));
}

TEST_CASE("examples: batch_threads reports an unreadable file and still does the others") {
  const run_result r = run(QUARRY_EXAMPLE_BATCH_THREADS, "--threads 2 /nonexistent/quarry.txt " + quoted(sample));
  CHECK(r.status == 1);
  CHECK(has(r.err, "/nonexistent/quarry.txt: cannot read"));
  CHECK(lines_of(r.out).size() == 1);
  CHECK(run(QUARRY_EXAMPLE_BATCH_THREADS, "").status == 2);
}
#endif

#ifdef QUARRY_EXAMPLE_STREAM_JSONL
TEST_CASE("examples: stream_jsonl writes one JSON line per input line, named by its doc field") {
  const std::string input =
      "{\"doc\": \"a\", \"text\": \"Italian Prime Minister Giorgia Meloni said 300 homes in Bologna were flooded.\"}\n"
      "\n"
      "{\"doc\": \"b\", \"text\": \"Ten years of work, gone on Monday.\", \"date\": \"2024-01-02\"}\n"
      "{\"text\": \"No name here.\"}\n";
  const run_result r = run(QUARRY_EXAMPLE_STREAM_JSONL, "", input);
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("{\"doc\": \"a\", \"actors\": [", 0) == 0);
  CHECK(lines[1].rfind("{\"doc\": \"b\", ", 0) == 0);
  CHECK(lines[2].rfind("{\"doc\": \"line 4\", ", 0) == 0);
  for (const auto& l : lines) {
    CHECK(l.back() == '}');
    CHECK(has(l, "\"quotes\": ["));
  }
  CHECK(has(lines[0], "\"name\": \"Giorgia Meloni\""));
  CHECK(has(lines[0], "\"text\": \"Bologna\""));
  CHECK(has(lines[0], "\"value\": 300"));
  CHECK(has(lines[1], "\"text\": \"Monday\""));
}

TEST_CASE("examples: stream_jsonl reports a bad line with its number and goes on") {
  const run_result r = run(QUARRY_EXAMPLE_STREAM_JSONL, "",
                           "{\"doc\": \"a\", \"text\": \"One.\"}\nnot json\n{\"doc\": \"c\"}\n{\"doc\": \"d\", \"text\": \"Two.\"}\n");
  CHECK(r.status == 1);
  CHECK(has(r.err, "standard input:2: "));
  CHECK(has(r.err, "standard input:3: "));
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind("{\"doc\": \"a\"", 0) == 0);
  CHECK(lines[1].rfind("{\"doc\": \"d\"", 0) == 0);
}
#endif

#ifdef QUARRY_EXAMPLE_CUSTOM_LEXICON
TEST_CASE("examples: custom_lexicon resolves the aliases and speech verbs it adds at run time") {
  const run_result r = run(QUARRY_EXAMPLE_CUSTOM_LEXICON, "");
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(has(r.out, "actor: Ana Ruiz (person)\n"));
  CHECK(has(r.out, "actor: Ministry of Silly Walks (organization)\n"));
  CHECK_FALSE(has(r.out, "actor: MoSW"));
  CHECK(has(r.out, "quote: Ana Ruiz harrumphed: Not on my watch"));
  CHECK(has(r.out, "place: Little Wobbling (city, GB)\n"));
}

TEST_CASE("examples: custom_lexicon names the file and line of a bad alias line") {
  scratch s;
  const fs::path bad = s.write("bad.tsv", "# comment\nMoSW\tMinistry of Silly Walks\nno tab on this line\n");
  const run_result r = run(QUARRY_EXAMPLE_CUSTOM_LEXICON, quoted(bad.string()));
  CHECK(r.status == 1);
  CHECK(has(r.err, bad.string() + ":3: "));
}
#endif

#ifdef QUARRY_EXAMPLE_CUSTOM_STAGE
TEST_CASE("examples: custom_stage drops credits and adds hashtags, a kind of its own, that reach the JSON") {
  const run_result r = run(QUARRY_EXAMPLE_CUSTOM_STAGE, "");
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(has(r.out, "actor: Giorgia Meloni\n"));
  CHECK_FALSE(has(r.out, "actor: Tom Hale"));  // "editing by Tom Hale": a credit
  CHECK(has(r.out, "hashtag: #floods floods\n"));
  CHECK(has(r.out, "hashtag: #Italy italy\n"));
  CHECK(has(r.out, "\"hashtags\": [{\"text\": \"#floods\", \"begin\": "));  // the kind reaches the JSON
  CHECK(has(r.out, "\"tag\": \"italy\"}]}"));
}
#endif

#ifdef QUARRY_EXAMPLE_PATTERN_RULES
TEST_CASE("examples: pattern_rules finds a newsroom's kinds by regex and token pattern, and actors by rule") {
  const run_result r = run(QUARRY_EXAMPLE_PATTERN_RULES, "");
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("tickers: $NVDA (rule ticker)\n"
                    "cases: case No. 24-1187 (rule court-case)\n"
                    "officials: Prime Minister Mark Carney (rule officials)\n"
                    "hashtags: #markets (rule hashtag)\n", 0) == 0);
  CHECK(has(r.out, "actor: The Fed -> Federal Reserve\n"));
}
#endif

#ifdef QUARRY_EXAMPLE_QUARRY_EXTRACT
TEST_CASE("examples: quarry-extract prints the sample article as JSON Lines and as a report") {
  const run_result jsonl = run(QUARRY_EXAMPLE_QUARRY_EXTRACT, "--format jsonl " + quoted(sample));
  INFO(jsonl.err);
  CHECK(jsonl.status == 0);
  const auto lines = lines_of(jsonl.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rfind("{\"doc\": ", 0) == 0);
  CHECK(has(lines[0], "\"quotes\": ["));
  CHECK(has(lines[0], "\"name\": \"Giorgia Meloni\""));
  CHECK(has(lines[0], "\"text\": \"Bologna\""));

  const run_result text = run(QUARRY_EXAMPLE_QUARRY_EXTRACT, quoted(sample));
  CHECK(text.status == 0);
  CHECK(text.out.rfind("== ", 0) == 0);
}

TEST_CASE("examples: quarry-extract reads JSON Lines from standard input, as a streaming mapper does") {
  const run_result r = run(QUARRY_EXAMPLE_QUARRY_EXTRACT, "--jsonl-input --format jsonl",
                           "{\"doc\": \"x\", \"text\": \"About 40 schools were closed.\"}\n"
                           "{\"doc\": \"y\", \"text\": \"Nothing here.\"}\n");
  INFO(r.err);
  CHECK(r.status == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind("{\"doc\": \"x\"", 0) == 0);
  CHECK(lines[1].rfind("{\"doc\": \"y\"", 0) == 0);
}

TEST_CASE("examples: quarry-extract exits 1 for a missing file and 2 for a bad option") {
  const run_result missing = run(QUARRY_EXAMPLE_QUARRY_EXTRACT, "/nonexistent/quarry.txt");
  CHECK(missing.status == 1);
  CHECK(has(missing.err, "/nonexistent/quarry.txt"));
  CHECK(run(QUARRY_EXAMPLE_QUARRY_EXTRACT, "--no-such-option").status == 2);
}
#endif

#endif  // QUARRY_SAMPLE_DIR && !_WIN32
