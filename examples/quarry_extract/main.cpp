// quarry-extract: runs the quarry pipeline over files, standard input or JSON Lines and prints what it
// found as a readable report, JSON (the evaluation schema) or JSON Lines. One thread reads (and cuts JSON
// Lines into lines), --threads workers parse and extract, one thread writes in input order. A bad input is
// reported on stderr with its file and line and the others are still processed; the exit status is then 1.
#include "input.hpp"
#include "ordered_workers.hpp"
#include "story_mode.hpp"

#include <quarry/quarry.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using quarry_cli::input_doc;

struct options {
  std::string format = "text";
  bool jsonl_input = false;
  unsigned threads = 0;
  std::string date;
  std::string kinds = "actors,locations,quantities,dates,quotes";
  bool strict_utf8 = false;
  std::size_t segment_bytes = std::size_t{32} << 20;
  bool story = false;
  std::size_t quote_words = 3;
  std::string model;      // a tagger model file, "builtin", or empty for none (see default_model)
  bool no_model = false;  // rules only
  std::vector<std::string> rules;  // pattern rules files (JSON Lines)
  std::vector<std::string> files;
};

// Writes to stdout; a closed pipe (reader gone, e.g. `| head`) ends the program quietly.
void emit(std::string_view s) {
  if (s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size() || std::fflush(stdout) != 0) {
    if (errno == EPIPE) std::_Exit(141);
    std::fprintf(stderr, "quarry-extract: cannot write output: %s\n", std::strerror(errno));
    std::_Exit(1);
  }
}

// The tagger model used when neither --model nor --no-model is given: none yet, so the rules alone run
// until the tagger's integration keeps the dev set's actors and locations at their level (docs/actors.md).
constexpr std::string_view default_model = "";

quarry::any_pipeline build_pipeline(const options& o) {
  const std::string model = o.no_model ? std::string() : o.model.empty() ? std::string(default_model) : o.model;
  quarry::kinds_options k{.tokenize = {o.strict_utf8}};
  if (model == "builtin") k.model = quarry::builtin_tagger_model();
  else if (!model.empty()) k.model = std::make_shared<const quarry::tagger_model>(quarry::tagger_model::from_file(model));
  if (!o.rules.empty()) {  // a bad line throws lexicon_error naming the file and line: exit status 2
    quarry::rule_set rules;
    for (const auto& path : o.rules) rules.add_file(path);
    k.rules.emplace(rules);
  }
  try {
    return quarry::make_kinds_pipeline(quarry::parse_kinds(o.kinds), std::move(k));
  } catch (const quarry::usage_error& e) {
    throw CLI::ValidationError("--kinds", e.what());
  }
}

unsigned kinds_of(const options& o) { return quarry::parse_kinds(o.kinds); }

quarry::json_options json_options_of(const options& o) {
  const unsigned kinds = kinds_of(o);
  return {.pretty = o.format == "json",
          .sentences = (kinds & quarry::output_kind::sentences) != 0,
          .paragraphs = (kinds & quarry::output_kind::paragraphs) != 0,
          .quoted_terms = (kinds & quarry::output_kind::quoted_terms) != 0};
}

std::string render(const quarry::document& doc, const options& o) {
  std::string out;
  if (o.format == "text") {
    const quarry::json_options k = json_options_of(o);
    quarry::write_report(out, doc, {.sentences = k.sentences, .paragraphs = k.paragraphs, .quoted_terms = k.quoted_terms});
  } else {
    quarry::write_json(out, doc, json_options_of(o));
  }
  out += '\n';
  return out;
}

// What a worker takes: a read document, or a JSON Lines line still to be parsed (on the worker).
struct job {
  input_doc in;
  std::string line;          // JSON Lines input: the raw line; in is filled from it by the worker
  const std::string* where;  // JSON Lines input: the file's name as reported
  std::size_t line_no = 0;
};

struct result {
  std::string out;
  std::string error;
};

// Runs the pipeline over the inputs on --threads workers and prints the results in input order.
class extractor {
 public:
  extractor(const quarry::any_pipeline& pipeline, const options& o, std::optional<quarry::calendar_date> default_date)
      : pipeline_(pipeline), o_(o), default_date_(default_date),
        workers_(o.threads, std::size_t{o.threads} * 8, max_bytes_in_flight,
                 [this](job& j, quarry::document& doc) { return work(j, doc); },
                 [this](result& r) { write(r); }) {}

  // More than one document: JSON output is then an array.
  void set_many(bool many) { many_ = many; }

  void submit(job j) {
    const std::size_t weight = j.in.text.size() + j.line.size();
    workers_.submit(std::move(j), weight);
  }

  // A document too big to share memory with others: extracted alone on this thread once the workers have
  // written everything before it, its JSON streamed out in pieces (on a 1 GB input the output is 3 GB).
  void run_alone(input_doc& in) {
    workers_.drain();
    if (!in.error.empty() || o_.format == "text") {
      job j{std::move(in), {}, nullptr, 0};
      quarry::document doc;
      result r = work(j, doc);
      write(r);
      return;
    }
    quarry::document doc;
    if (const std::string error = extract(doc, in); !error.empty()) {
      report_error(error);
      return;
    }
    if (o_.format == "json" && many_) emit(printed_ == 0 ? "[\n" : ",\n");
    quarry::stream_json([](std::string_view piece) { emit(piece); }, doc, json_options_of(o_));
    if (!(o_.format == "json" && many_)) emit("\n");
    ++printed_;
  }

  // Documents above this size are run alone (run_alone): memory holds one big input at a time.
  static constexpr std::size_t max_bytes_in_flight = std::size_t{64} << 20;

  int finish() {
    workers_.finish();
    if (o_.format == "json" && many_) emit(printed_ == 0 ? "[]\n" : "\n]\n");
    return failed_;
  }

 private:
  result work(job& j, quarry::document& doc) const {
    if (j.where) j.in = quarry_cli::parse_jsonl_line(j.line, *j.where, j.line_no);
    j.line = std::string();
    result r;
    if (!j.in.error.empty()) {
      r.error = std::move(j.in.error);
    } else {
      r.error = extract(doc, j.in);
      if (r.error.empty()) r.out = render(doc, o_);
    }
    j.in.text = std::string();  // release the input before the result waits for its turn
    return r;
  }

  // Runs the pipeline on one input into doc; returns the error message, or an empty string.
  std::string extract(quarry::document& doc, const input_doc& in) const {
    const unsigned kinds = kinds_of(o_);
    if ((kinds & (quarry::output_kind::sentences | quarry::output_kind::paragraphs)) &&
        in.text.size() > o_.segment_bytes) {
      // the pieces' tokens, which sentences are made of, are not kept (quarry/segmented.hpp)
      return in.name + ": sentences and paragraphs are not kept for a document over --segment-bytes (" +
             std::to_string(o_.segment_bytes) + " bytes); raise --segment-bytes";
    }
    try {
      doc.borrow(in.text, in.name);
      doc.set_date(in.date ? in.date : default_date_);
      quarry::run_segmented(pipeline_, doc, o_.segment_bytes);
      quarry::keep_kinds(doc, kinds);
      return {};
    } catch (const quarry::utf8_error& e) {
      return in.name + ": invalid UTF-8 at byte offset " + std::to_string(e.offset());
    } catch (const std::exception& e) {
      return in.name + ": " + e.what();
    }
  }

  // On the writer thread, in input order.
  void write(result& r) {
    if (!r.error.empty()) {
      report_error(r.error);
      return;
    }
    if (o_.format == "json" && many_) {
      r.out.pop_back();  // the array's separators carry the newlines
      r.out.insert(0, printed_ == 0 ? "[\n" : ",\n");
    }
    emit(r.out);
    ++printed_;
  }

  void report_error(const std::string& error) {
    std::fprintf(stderr, "quarry-extract: %s\n", error.c_str());
    ++failed_;
  }

  const quarry::any_pipeline& pipeline_;
  const options& o_;
  std::optional<quarry::calendar_date> default_date_;
  bool many_ = false;
  std::size_t printed_ = 0;  // written by the writer thread, or by run_alone while the workers are idle
  int failed_ = 0;
  quarry_cli::ordered_workers<job, result, quarry::document> workers_;
};

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  options o;
  CLI::App app{"quarry-extract: actors, places, quantities, dates and quotes from English news text.\n"
               "Reads FILEs (or standard input when none, or '-') and prints what it found."};
  app.set_version_flag("--version", std::string("quarry-extract ") + quarry::version_string);
  app.add_option("--format", o.format, "Output: text (a report for people), json (one object per document, "
                                       "an array for several), jsonl (one object per line)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  app.add_flag("--jsonl-input", o.jsonl_input,
               "Read JSON Lines: one {\"doc\": NAME, \"text\": TEXT[, \"date\": \"YYYY-MM-DD\"]} per line");
  app.add_option("--threads", o.threads, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  app.add_option("--date", o.date, "Publication date YYYY-MM-DD that resolves relative dates");
  app.add_option("--kinds", o.kinds, "Comma-separated kinds to extract: actors,locations,quantities,dates,quotes; "
                                    "sentences,paragraphs add their byte offsets to the output; quoted_terms lists the quoted "
                                    "words that are no statement (scare quotes, titles)");
  app.add_flag("--strict-utf8", o.strict_utf8, "Reject a document that is not valid UTF-8 (default: keep its bytes, "
                                               "exact offsets, U+FFFD in printed text)");
  app.add_option("--segment-bytes", o.segment_bytes,
                 "Cut longer documents at paragraph breaks into pieces of at most this size, bounding "
                 "memory; coreference does not cross pieces (default 32 MiB)")
      ->check(CLI::Range(std::size_t{4096}, std::size_t{1} << 32));
  app.add_flag("--story", o.story, "Read all inputs as one story: actors, places, quotes, figures and dates "
                                   "linked across documents, printed as one sheet (docs/story.md)");
  app.add_option("--quote-words", o.quote_words, "With --story: leave out quotes of fewer words (default 3)");
  auto* model = app.add_option("--model", o.model, "Name tagger beside the rules: 'builtin' (trained on CoNLL-2003) or a "
                                                  "model file written by tools/train_tagger");
  app.add_flag("--no-model", o.no_model, "Find names by the rules alone, without the tagger")->excludes(model);
  app.add_option("--rules", o.rules, "Pattern rules, JSON Lines: {\"id\": ..., \"kind\": ..., \"regex\": ...} or "
                                     "{..., \"pattern\": [token tests]}; their kinds join the output (docs/extending.md)")
      ->type_name("FILE")
      ->allow_extra_args(false);  // one file per --rules, so input FILEs after it stay inputs
  app.add_option("FILE", o.files, "Input files; '-' or none for standard input");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help, version or the error
    return rc == 0 ? 0 : 2;      // 2: a usage error, as other command-line tools do
  }

  std::optional<quarry::calendar_date> default_date;
  if (app.count("--date") > 0) {
    default_date = quarry_cli::parse_date(o.date);
    if (!default_date) {
      std::fprintf(stderr, "quarry-extract: --date: '%s' is not a date of the form YYYY-MM-DD\n", o.date.c_str());
      return 2;
    }
  }
  if (o.threads == 0) o.threads = std::max(1u, std::thread::hardware_concurrency());

  std::optional<quarry::any_pipeline> pipeline;
  try {
    pipeline = build_pipeline(o);
  } catch (const CLI::Error& e) {
    app.exit(e);
    return 2;
  } catch (const quarry::error& e) {
    std::fprintf(stderr, "quarry-extract: %s\n", e.what());
    return 2;
  }
  if (o.story) {
    return quarry_cli::run_story(*pipeline, {o.files, o.jsonl_input, o.threads, o.format, o.segment_bytes, default_date,
                                             quarry::story_options{.min_quote_words = o.quote_words}});
  }
  // Each JSON Lines file's reported name, which jobs point to: declared before the workers, which it outlives.
  std::vector<std::string> names;
  names.reserve(o.files.size() + 1);
  extractor run(*pipeline, o, default_date);

  if (o.jsonl_input) {
    run.set_many(true);
    if (o.files.empty()) o.files.push_back("-");
    for (const auto& path : o.files) {
      std::string error;
      std::FILE* f = quarry_cli::open_input(path, error);
      if (!f) {
        input_doc bad{path, {}, {}, error};
        run.run_alone(bad);
        continue;
      }
      names.push_back(path == "-" ? "stdin" : path);
      quarry_cli::line_reader lines(f);
      std::string line;
      for (std::size_t line_no = 1; lines.next(line); ++line_no) {
        if (quarry_cli::blank(line)) continue;
        run.submit(job{{}, std::move(line), &names.back(), line_no});
        line = std::string();
      }
      if (lines.failed()) {
        input_doc bad{path, {}, {}, path + ": read error: " + std::strerror(errno)};
        run.run_alone(bad);
      }
      if (f != stdin) std::fclose(f);
    }
  } else {
    if (o.files.empty()) o.files.push_back("-");
    run.set_many(o.files.size() > 1);
    for (const auto& path : o.files) {
      input_doc in = quarry_cli::read_file(path);
      if (in.text.size() >= extractor::max_bytes_in_flight) {
        run.run_alone(in);
      } else {
        run.submit(job{std::move(in), {}, nullptr, 0});
      }
    }
  }
  return run.finish() == 0 ? 0 : 1;
}
