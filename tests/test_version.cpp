// Tests for quarry/version.hpp: the version is written once, and every packaging file agrees with it.
// The vcpkg port, the vcpkg manifest, the Conan recipe and the changelog are read from the source tree.
#include <quarry/version.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

std::string read_source_file(const std::string& relative) {
  const std::string path = std::string(QUARRY_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The first capture of pattern in the file, or "" when it does not match.
std::string find_in(const std::string& relative, const std::string& pattern) {
  const std::string text = read_source_file(relative);
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return {};
  return m[1].str();
}

}  // namespace

TEST_CASE("version: the string is major.minor.patch of the numeric parts") {
  const std::string expected = std::to_string(quarry::version_major) + "." + std::to_string(quarry::version_minor) +
                               "." + std::to_string(quarry::version_patch);
  CHECK(expected == quarry::version_string);
  CHECK(std::string(QUARRY_VERSION_STRING) == quarry::version_string);
}

TEST_CASE("version: the vcpkg port declares the library's version") {
  CHECK(find_in("ports/quarry/vcpkg.json", R"re("version"\s*:\s*"([^"]*)")re") == quarry::version_string);
}

TEST_CASE("version: the vcpkg development manifest declares the library's version") {
  CHECK(find_in("vcpkg.json", R"re("version"\s*:\s*"([^"]*)")re") == quarry::version_string);
}

TEST_CASE("version: the Conan recipe declares the library's version") {
  CHECK(find_in("conanfile.py", R"re(\n\s*version\s*=\s*"([^"]*)")re") == quarry::version_string);
}

TEST_CASE("version: the changelog has a section for the library's version") {
  CHECK(find_in("CHANGELOG.md", R"re(\n## \[([0-9]+\.[0-9]+\.[0-9]+)\])re") == quarry::version_string);
}
