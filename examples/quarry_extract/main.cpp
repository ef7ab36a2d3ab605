// quarry-extract: runs the quarry pipeline over files, standard input or JSON Lines and prints what it
// found as a readable report, JSON (the evaluation schema) or JSON Lines. Documents are processed in
// batches on all cores; output order is input order. A bad input is reported on stderr with its
// file and line and the others are still processed; the exit status is then 1.
#include <quarry/quarry.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

struct input_doc {
  std::string name;
  std::string text;
  std::optional<quarry::calendar_date> date;
  std::string error;  // set when the input could not be read; the document is then skipped
};

struct options {
  std::string format = "text";
  bool jsonl_input = false;
  unsigned threads = 0;
  std::string date;
  std::string kinds = "actors,locations,quantities,dates,quotes";
  bool strict_utf8 = false;
  std::size_t segment_bytes = std::size_t{32} << 20;
  std::vector<std::string> files;
};

std::optional<quarry::calendar_date> parse_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s.size() != 10) return std::nullopt;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  return quarry::calendar_date{y, m, d};
}

// Reads a whole file; a directory, a missing or unreadable file gives an error message instead.
input_doc read_file(const std::string& path) {
  input_doc in;
  in.name = path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    in.error = path + ": is a directory";
    return in;
  }
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    in.error = path + ": cannot open: " + std::strerror(errno);
    return in;
  }
  // A regular file's size is known: one allocation, not a doubling string that briefly holds twice the
  // input (which decides the peak memory on a gigabyte file).
  if (f != stdin) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size <= quarry::document::max_size) in.text.reserve(static_cast<std::size_t>(size));
  }
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (in.text.size() + n > quarry::document::max_size) {
      in.error = path + ": larger than the 4 GiB limit of one document";
      break;
    }
    in.text.append(buf, n);
  }
  if (std::ferror(f)) in.error = path + ": read error: " + std::strerror(errno);
  if (f != stdin) std::fclose(f);
  return in;
}

// Writes to stdout; a closed pipe (reader gone, e.g. `| head`) ends the program quietly.
void emit(std::string_view s) {
  if (s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size() || std::fflush(stdout) != 0) {
    if (errno == EPIPE) std::_Exit(141);
    std::fprintf(stderr, "quarry-extract: cannot write output: %s\n", std::strerror(errno));
    std::_Exit(1);
  }
}

quarry::any_pipeline build_pipeline(const options& o) {
  quarry::any_pipeline p;
  p.add(quarry::tokenizer{quarry::tokenize_options{o.strict_utf8}});
  std::string kinds = "," + o.kinds + ",";
  auto wants = [&](const char* k) { return kinds.find(std::string(",") + k + ",") != std::string::npos; };
  for (std::size_t pos = 1; pos < kinds.size();) {
    const std::size_t next = kinds.find(',', pos);
    const std::string k = kinds.substr(pos, next - pos);
    if (!k.empty() && k != "actors" && k != "locations" && k != "quantities" && k != "dates" && k != "quotes") {
      throw CLI::ValidationError("--kinds", "unknown kind '" + k + "' (known: actors, locations, quantities, dates, quotes)");
    }
    pos = next + 1;
  }
  if (wants("locations") || wants("actors") || wants("quotes")) p.add(quarry::locations{});
  if (wants("actors") || wants("quotes")) p.add(quarry::actors{});
  if (wants("quantities")) p.add(quarry::quantities{});
  if (wants("dates")) p.add(quarry::dates{});
  if (wants("quotes")) p.add(quarry::quotes{});
  return p;
}

// Removes what a kind the user did not ask for left behind (locations run for actors' sake).
void keep_only(quarry::document& doc, const std::string& kinds) {
  auto wants = [&](const char* k) { return ("," + kinds + ",").find(std::string(",") + k + ",") != std::string::npos; };
  if (!wants("locations")) { doc.place_mentions().clear(); doc.places().clear(); }
  if (!wants("actors")) { doc.actor_mentions().clear(); }
}

std::string render(const quarry::document& doc, const std::string& format) {
  std::string out;
  if (format == "text") {
    quarry::write_report(out, doc);
    out += '\n';
  } else {
    quarry::write_json(out, doc, quarry::json_options{format == "json"});
    out += '\n';
  }
  return out;
}

class batch_runner {
 public:
  batch_runner(const quarry::any_pipeline& pipeline, const options& o) : pipeline_(pipeline), o_(o) {}

  // Processes one batch on all threads and prints it in input order. Returns the number of errors.
  int run(std::vector<input_doc>& batch) {
    if (batch.size() == 1 && batch[0].error.empty() && o_.format != "text") return run_streamed(batch[0]);
    std::vector<std::string> outputs(batch.size());
    std::vector<std::string> errors(batch.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      quarry::document doc;
      for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) {
        input_doc& in = batch[i];
        if (!in.error.empty()) { errors[i] = in.error; continue; }
        errors[i] = extract(doc, in);
        if (errors[i].empty()) outputs[i] = render(doc, o_.format);
        in.text = std::string();  // release the input early
      }
    };
    const unsigned n = std::max(1u, std::min<unsigned>(o_.threads, static_cast<unsigned>(batch.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();

    int failed = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!errors[i].empty()) {
        std::fprintf(stderr, "quarry-extract: %s\n", errors[i].c_str());
        ++failed;
        continue;
      }
      if (o_.format == "json" && many_) {
        emit(std::string(printed_ == 0 ? "[\n" : ",\n") + outputs[i].substr(0, outputs[i].size() - 1));
      } else {
        emit(outputs[i]);
      }
      ++printed_;
    }
    return failed;
  }

  // One document alone (a big file is its own batch): its JSON goes out in pieces as it is written, so
  // the output never sits whole in memory (on a 1 GB input it is about 3 GB).
  int run_streamed(input_doc& in) {
    quarry::document doc;
    if (const std::string error = extract(doc, in); !error.empty()) {
      std::fprintf(stderr, "quarry-extract: %s\n", error.c_str());
      return 1;
    }
    if (o_.format == "json" && many_) emit(printed_ == 0 ? "[\n" : ",\n");
    quarry::stream_json([](std::string_view piece) { emit(piece); }, doc, quarry::json_options{o_.format == "json"});
    if (!(o_.format == "json" && many_)) emit("\n");
    ++printed_;
    return 0;
  }

  // Runs the pipeline on one input into doc; returns the error message, or an empty string.
  std::string extract(quarry::document& doc, const input_doc& in) const {
    try {
      doc.borrow(in.text, in.name);
      doc.set_date(in.date ? in.date : default_date_);
      quarry::run_segmented(pipeline_, doc, o_.segment_bytes);
      keep_only(doc, o_.kinds);
      return {};
    } catch (const quarry::utf8_error& e) {
      return in.name + ": invalid UTF-8 at byte offset " + std::to_string(e.offset());
    } catch (const std::exception& e) {
      return in.name + ": " + e.what();
    }
  }

  void set_many(bool many) { many_ = many; }
  void set_default_date(std::optional<quarry::calendar_date> d) { default_date_ = d; }
  void finish() {
    if (o_.format == "json" && many_) emit(printed_ == 0 ? "[]\n" : "\n]\n");
  }

 private:
  const quarry::any_pipeline& pipeline_;
  const options& o_;
  bool many_ = false;
  std::size_t printed_ = 0;
  std::optional<quarry::calendar_date> default_date_;
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
  app.add_option("--kinds", o.kinds, "Comma-separated kinds to extract: actors,locations,quantities,dates,quotes");
  app.add_flag("--strict-utf8", o.strict_utf8, "Reject a document that is not valid UTF-8 (default: keep its bytes, "
                                               "exact offsets, U+FFFD in printed text)");
  app.add_option("--segment-bytes", o.segment_bytes,
                 "Cut longer documents at paragraph breaks into pieces of at most this size, bounding "
                 "memory; coreference does not cross pieces (default 32 MiB)")
      ->check(CLI::Range(std::size_t{4096}, std::size_t{1} << 32));
  app.add_option("FILE", o.files, "Input files; '-' or none for standard input");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help, version or the error
    return rc == 0 ? 0 : 2;      // 2: a usage error, as other command-line tools do
  }

  std::optional<quarry::calendar_date> default_date;
  if (app.count("--date") > 0) {
    default_date = parse_date(o.date);
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
  batch_runner runner(*pipeline, o);
  runner.set_default_date(default_date);
  const std::size_t batch_size = std::size_t{o.threads} * 4;
  constexpr std::size_t batch_max_bytes = std::size_t{64} << 20;
  int failed = 0;
  std::vector<input_doc> batch;

  if (o.jsonl_input) {
    runner.set_many(true);
    if (o.files.empty()) o.files.push_back("-");
    for (const auto& path : o.files) {
      std::ifstream file;
      std::istream* in = &std::cin;
      if (path != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
          std::fprintf(stderr, "quarry-extract: %s: is a directory\n", path.c_str());
          ++failed;
          continue;
        }
        file.open(path, std::ios::binary);
        if (!file) {
          std::fprintf(stderr, "quarry-extract: %s: cannot open: %s\n", path.c_str(), std::strerror(errno));
          ++failed;
          continue;
        }
        in = &file;
      }
      const std::string where = path == "-" ? "stdin" : path;
      std::string line;
      for (std::size_t line_no = 1; std::getline(*in, line); ++line_no) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        input_doc d;
        try {
          const auto j = nlohmann::json::parse(line);
          if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
            throw std::runtime_error("expected an object with a string \"text\"");
          }
          d.text = j["text"].get<std::string>();
          d.name = j.contains("doc") && j["doc"].is_string() ? j["doc"].get<std::string>()
                                                               : where + ":" + std::to_string(line_no);
          if (j.contains("date") && j["date"].is_string()) {
            d.date = parse_date(j["date"].get<std::string>());
            if (!d.date) throw std::runtime_error("\"date\" is not of the form YYYY-MM-DD");
          }
        } catch (const std::exception& e) {
          d.error = where + ":" + std::to_string(line_no) + ": bad JSON line: " + e.what();
        }
        batch.push_back(std::move(d));
        if (batch.size() >= batch_size) { failed += runner.run(batch); batch.clear(); }
      }
    }
  } else {
    if (o.files.empty()) o.files.push_back("-");
    runner.set_many(o.files.size() > 1);
    std::size_t batch_bytes = 0;
    auto run_batch = [&] {
      failed += runner.run(batch);
      batch.clear();
      batch_bytes = 0;
    };
    for (const auto& path : o.files) {
      // A file that would take the batch past batch_max_bytes starts a batch of its own: memory holds
      // one big input at a time, and a lone document's output is streamed.
      std::error_code ec;
      const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
      if (!ec && !batch.empty() && batch_bytes + size > batch_max_bytes) run_batch();
      batch.push_back(read_file(path));
      if (batch.back().name == "-") batch.back().name = "stdin";
      batch_bytes += batch.back().text.size();
      if (batch.size() >= batch_size || batch_bytes >= batch_max_bytes) run_batch();
    }
  }
  if (!batch.empty()) failed += runner.run(batch);
  runner.finish();
  return failed == 0 ? 0 : 1;
}
