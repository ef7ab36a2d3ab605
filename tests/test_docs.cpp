// Tests for docs/: every ```cpp block of the API, extending, scaling and install pages is copied from a
// program the suite builds and runs (examples/*.cpp, tests/consumer/main.cpp), so the docs cannot rot.
// Lines are compared without their leading and trailing blanks; ```text, ```sh and other blocks are prose.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trimmed_lines(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    const auto e = line.find_last_not_of(" \t\r");
    out += line.substr(b, e - b + 1);
    out += '\n';
  }
  return out;
}

// The bodies of the ```cpp blocks of a Markdown text.
std::vector<std::string> cpp_blocks(const std::string& md) {
  std::vector<std::string> blocks;
  std::istringstream in(md);
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line.rfind("```cpp", 0) == 0) {
      inside = true;
      block.clear();
    } else if (inside && line.rfind("```", 0) == 0) {
      inside = false;
      blocks.push_back(block);
    } else if (inside) {
      block += line + '\n';
    }
  }
  return blocks;
}

}  // namespace

TEST_CASE("docs: every C++ block of the API, extending, scaling and install pages is code the tests build") {
  const fs::path root = QUARRY_SOURCE_DIR;
  std::string sources;
  for (const auto& entry : fs::directory_iterator(root / "examples")) {
    if (entry.path().extension() == ".cpp") sources += trimmed_lines(read_text(entry.path()));
  }
  sources += trimmed_lines(read_text(root / "tests" / "consumer" / "main.cpp"));
  REQUIRE(!sources.empty());

  std::size_t checked = 0;
  for (const char* page : {"docs/api.md", "docs/extending.md", "docs/scaling.md", "docs/install.md"}) {
    const fs::path path = root / page;
    REQUIRE_MESSAGE(fs::exists(path), path.string());
    for (const auto& block : cpp_blocks(read_text(path))) {
      INFO(page, ":\n", block);
      CHECK(sources.find(trimmed_lines(block)) != std::string::npos);
      ++checked;
    }
  }
  CHECK(checked >= 10);
}
