// stream_jsonl: JSON Lines in, JSON Lines out, in constant memory: one line is read, extracted and
// written before the next is read, and the document, line and output buffers are reused, so memory is
// bounded by the longest line. This is the shape of a mapper under Hadoop Streaming or Spark's `pipe`
// (docs/scaling.md): the engine splits the input, runs one copy per split and collects standard output.
//   input:  {"doc": "id-1", "text": "...", "date": "2024-01-27"}   ("doc" and "date" optional)
//   output: {"doc": "id-1", "actors": [...], "locations": [...], ...}  (the evaluation schema)
// A line that is not such an object is reported on standard error with its line number and skipped;
// the exit status is then 1.
#include <quarry/quarry.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

namespace {

std::optional<quarry::calendar_date> parse_date(const std::string& s) {
  quarry::calendar_date d;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3) {
    return std::nullopt;
  }
  return d;
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  const auto extract = quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                                             quarry::quantities{}, quarry::dates{}, quarry::quotes{});

  quarry::document doc;  // reused for every line
  std::string line, text, out;
  std::size_t line_number = 0;
  bool failed = false;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines are not documents
    try {
      const auto in = nlohmann::json::parse(line);
      text = in.at("text").get<std::string>();
      doc.set_name(in.contains("doc") ? in["doc"].get<std::string>() : "line " + std::to_string(line_number));
      // The publication date anchors relative dates ("last Saturday"); it survives extract(doc, text).
      doc.set_date(in.contains("date") ? parse_date(in["date"].get<std::string>()) : std::nullopt);
      extract(doc, text);
    } catch (const std::exception& e) {  // bad JSON, a missing "text", a text over 4 GiB
      std::cerr << "stream_jsonl: standard input:" << line_number << ": " << e.what() << '\n';
      failed = true;
      continue;
    }
    out.clear();
    quarry::write_json(out, doc);  // one line: json_options{} is not pretty
    out += '\n';
    std::cout << out;
  }
  std::cout.flush();
  return failed ? 1 : 0;
}
