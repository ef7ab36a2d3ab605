// batch_threads: one pipeline, many threads, many files. A built pipeline is immutable, so every thread
// calls the same one; each thread reuses its own document, so once warm, extraction allocates nothing
// new. Prints one summary line per file, in the order given, whatever the number of threads.
//   batch_threads [--threads N] FILE...
#include <quarry/quarry.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

// The same pipeline embed_minimal builds: everything this build of quarry can find.
auto make_extractor() {
  return quarry::make_pipeline(quarry::tokenizer{}, quarry::locations{}, quarry::actors{},
                               quarry::quantities{}, quarry::dates{}, quarry::quotes{});
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = std::move(s).str();
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    else files.push_back(arg);
  }
  if (files.empty()) {
    std::cerr << "usage: batch_threads [--threads N] FILE...\n";
    return 2;
  }

  const auto extract = make_extractor();  // built once, shared by every thread
  std::vector<std::string> results(files.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};

  auto worker = [&] {
    quarry::document doc;  // one per thread, reused for every file it takes
    std::string text;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      if (!read_file(files[i], text)) {
        results[i].clear();  // reported below, on standard error
        failed = true;
        continue;
      }
      doc.set_name(files[i]);
      extract(doc, text);  // doc borrows text until the next call
      results[i] = files[i] + ": " + std::to_string(doc.tokens().size()) + " tokens, " +
                   std::to_string(doc.sentences().size()) + " sentences, " + std::to_string(doc.actors().size()) +
                   " actors, " + std::to_string(doc.places().size()) + " places, " +
                   std::to_string(doc.quantities().size()) + " quantities, " + std::to_string(doc.dates().size()) +
                   " dates, " + std::to_string(doc.quotes().size()) + " quotes";
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < std::min<std::size_t>(threads, files.size()); ++t) pool.emplace_back(worker);
  }  // the jthreads join here

  for (std::size_t i = 0; i < files.size(); ++i) {
    if (results[i].empty()) std::cerr << "batch_threads: " << files[i] << ": cannot read\n";
    else std::cout << results[i] << '\n';
  }
  return failed ? 1 : 0;
}
