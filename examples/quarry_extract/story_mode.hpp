// quarry-extract --story: every input is one document of one story; all are extracted (on --threads
// workers), then linked into one story sheet printed as a report or one JSON object. A bad input is
// reported with its file (and line) and left out of the story; the exit status is then 1.
#pragma once

#include "input.hpp"

#include <quarry/quarry.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace quarry_cli {

struct story_run {
  std::vector<std::string> files;
  bool jsonl_input = false;
  unsigned threads = 1;
  std::string format = "text";
  std::size_t segment_bytes = std::size_t{32} << 20;
  std::optional<quarry::calendar_date> default_date;
  quarry::story_options options;
};

// Reads every input; a bad file or JSON line becomes an input_doc with its error.
inline std::vector<input_doc> read_story_inputs(const story_run& r) {
  std::vector<input_doc> inputs;
  std::vector<std::string> files = r.files;
  if (files.empty()) files.push_back("-");
  for (const auto& path : files) {
    if (!r.jsonl_input) {
      inputs.push_back(read_file(path));
      continue;
    }
    std::string error;
    std::FILE* f = open_input(path, error);
    if (!f) {
      inputs.push_back({path, {}, {}, error});
      continue;
    }
    const std::string where = path == "-" ? "stdin" : path;
    line_reader lines(f);
    std::string line;
    for (std::size_t line_no = 1; lines.next(line); ++line_no) {
      if (!blank(line)) inputs.push_back(parse_jsonl_line(line, where, line_no));
    }
    if (lines.failed()) inputs.push_back({path, {}, {}, path + ": read error"});
    if (f != stdin) std::fclose(f);
  }
  return inputs;
}

// Runs the story mode; returns the exit status.
inline int run_story(const quarry::any_pipeline& pipeline, const story_run& r) {
  std::vector<input_doc> inputs = read_story_inputs(r);
  std::vector<quarry::document> docs(inputs.size());
  std::vector<std::string> errors(inputs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < inputs.size();) {
      input_doc& in = inputs[i];
      if (!in.error.empty()) { errors[i] = in.error; continue; }
      try {
        docs[i].assign(std::move(in.text), in.name);
        docs[i].set_date(in.date ? in.date : r.default_date);
        quarry::run_segmented(pipeline, docs[i], r.segment_bytes);
      } catch (const quarry::utf8_error& e) {
        errors[i] = in.name + ": invalid UTF-8 at byte offset " + std::to_string(e.offset());
      } catch (const std::exception& e) {
        errors[i] = in.name + ": " + e.what();
      }
    }
  };
  std::vector<std::thread> pool;
  const unsigned n = std::max(1u, std::min<unsigned>(r.threads, static_cast<unsigned>(inputs.size())));
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  int status = 0;
  std::vector<quarry::document> kept;
  kept.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (errors[i].empty()) {
      kept.push_back(std::move(docs[i]));
    } else {
      std::fprintf(stderr, "quarry-extract: %s\n", errors[i].c_str());
      status = 1;
    }
  }
  const quarry::story s = quarry::make_story(kept, r.options);
  std::string out;
  if (r.format == "text") quarry::write_story_report(out, s, kept);
  else quarry::write_story_json(out, s, kept, quarry::json_options{r.format == "json"});
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? status : 1;
}

}  // namespace quarry_cli
