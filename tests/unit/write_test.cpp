// Unit tests of atomic output writing: all files or none, no temporary files left, inputs and
// duplicate names refused.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/write.hpp"

namespace fs = std::filesystem;
using namespace verdeel;

namespace {
struct Dir {
  fs::path path = fs::temp_directory_path() / ("verdeel-write-" + std::to_string(::getpid()));
  Dir() { fs::create_directories(path); }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
std::size_t entries(const fs::path& p) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(p)) ++n;
  return n;
}
}  // namespace

TEST_CASE("all files are written and no temporary file remains") {
  Dir d;
  Diagnostics diags;
  REQUIRE(
      output::writeAtomically((d.path / "out").string(), {{"a.csv", "1\n"}, {"b.csv", "2\n"}}, {}, diags));
  CHECK(slurp(d.path / "out/a.csv") == "1\n");
  CHECK(slurp(d.path / "out/b.csv") == "2\n");
  CHECK(entries(d.path / "out") == 2);
}

TEST_CASE("an output with the path of an input is refused and nothing is written") {
  Dir d;
  std::ofstream(d.path / "data.csv") << "input\n";
  Diagnostics diags;
  CHECK_FALSE(output::writeAtomically(d.path.string(), {{"x.csv", "x"}, {"data.csv", "overwritten"}},
                                      {(d.path / "data.csv").string()}, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == Code::E0601);
  CHECK(slurp(d.path / "data.csv") == "input\n");
  CHECK_FALSE(fs::exists(d.path / "x.csv"));
}

TEST_CASE("two outputs with one file name are refused before anything is written") {
  Dir d;
  Diagnostics diags;
  CHECK_FALSE(
      output::writeAtomically((d.path / "out").string(), {{"t.csv", "1"}, {"t.csv", "2"}}, {}, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == Code::E0602);
  CHECK_FALSE(fs::exists(d.path / "out/t.csv"));
}

TEST_CASE("an output folder below a regular file is E0602") {
  Dir d;
  std::ofstream(d.path / "file") << "x";
  Diagnostics diags;
  CHECK_FALSE(output::writeAtomically((d.path / "file/out").string(), {{"t.csv", "1"}}, {}, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == Code::E0602);
}
