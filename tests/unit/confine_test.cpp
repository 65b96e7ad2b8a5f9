// Unit tests of confinement (source/confine.hpp): where a path really leads, through links and
// relative paths, agrees with std::filesystem::canonical, and a link that leaves a folder is found.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "source/confine.hpp"

namespace fs = std::filesystem;
using namespace verdeel;

namespace {
struct Tree {
  fs::path root = fs::temp_directory_path() / ("verdeel-confine-" + std::to_string(::getpid()));
  Tree() {
    fs::create_directories(root / "set" / "data");
    fs::create_directories(root / "elsewhere");
    std::ofstream(root / "set" / "data" / "a.csv") << "x\n";
    std::ofstream(root / "elsewhere" / "b.csv") << "y\n";
    fs::create_symlink(root / "elsewhere" / "b.csv", root / "set" / "data" / "out.csv");
    fs::create_symlink("a.csv", root / "set" / "data" / "in.csv");
    fs::create_symlink("in.csv", root / "set" / "data" / "chain.csv");  // a link to a link
    fs::create_symlink(root / "elsewhere", root / "set" / "away");      // a folder that leaves
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};
}  // namespace

TEST_CASE("the real location agrees with canonical, through links") {
  Tree t;
  for (const char* p : {"set/data/a.csv", "set/data/in.csv", "set/data/chain.csv", "set/data/out.csv",
                        "set/away/b.csv", "set/data/../data/a.csv", "set", "set/away"}) {
    CAPTURE(p);
    const fs::path path = t.root / p;
    CHECK(realLocation(path.string()) == fs::canonical(path).string());
    CHECK(weaklyReal(path.string()) == fs::canonical(path));
  }
}

TEST_CASE("a relative path is resolved from the working folder") {
  Tree t;
  const fs::path before = fs::current_path();
  fs::current_path(t.root / "set");
  CHECK(realLocation("data/chain.csv") == fs::canonical(t.root / "set" / "data" / "a.csv").string());
  CHECK(realLocation("") == fs::canonical(t.root / "set").string());
  CHECK_FALSE(leadsOutside("data/in.csv", "").has_value());
  CHECK(leadsOutside("data/out.csv", "").value() == fs::canonical(t.root / "elsewhere" / "b.csv").string());
  fs::current_path(before);
}

TEST_CASE("a path that does not exist") {
  Tree t;
  const fs::path missing = t.root / "set" / "data" / "missing.csv";
  CHECK(realLocation(missing.string()) == missing.string());                           // left as it is
  CHECK_FALSE(leadsOutside(missing.string(), (t.root / "set").string()).has_value());  // reading reports it
  CHECK(weaklyReal(missing.string()) == fs::canonical(t.root / "set" / "data") / "missing.csv");
  CHECK(weaklyReal((t.root / "set" / "away" / "new" / "x").string()) ==
        fs::canonical(t.root / "elsewhere") / "new" / "x");
}

TEST_CASE("a link that leaves the folder is found, one that stays is not") {
  Tree t;
  const std::string set = (t.root / "set").string();
  CHECK_FALSE(leadsOutside((t.root / "set/data/a.csv").string(), set).has_value());
  CHECK_FALSE(leadsOutside((t.root / "set/data/chain.csv").string(), set).has_value());
  CHECK(leadsOutside((t.root / "set/data/out.csv").string(), set).value() ==
        fs::canonical(t.root / "elsewhere" / "b.csv").string());
  CHECK(leadsOutside((t.root / "set/away/b.csv").string(), set).has_value());
  // `/x/set2` is not under `/x/set`: components are compared, not text.
  fs::create_directories(t.root / "set2");
  std::ofstream(t.root / "set2" / "c.csv") << "z\n";
  CHECK(leadsOutside((t.root / "set2" / "c.csv").string(), set).has_value());
}

TEST_CASE("RealPaths agrees with canonical for every path, one folder remembered for many files") {
  Tree t;
  fs::create_symlink(t.root / "set" / "data", t.root / "set" / "linked");  // a folder that stays
  RealPaths paths;
  for (const char* p : {"set/data/a.csv", "set/data/in.csv", "set/data/chain.csv", "set/data/out.csv",
                        "set/away/b.csv", "set/data/../data/a.csv", "set", "set/away", "set/linked/a.csv",
                        "set/linked/out.csv", "set/data/", "set/data/.", "set/data/.."}) {
    CAPTURE(p);
    const fs::path path = t.root / p;
    REQUIRE(paths.of(path.string()).has_value());
    CHECK(*paths.of(path.string()) == fs::canonical(path));  // asked twice: the folder remembered
  }
  CHECK_FALSE(paths.of((t.root / "set/data/missing.csv").string()).has_value());
  CHECK_FALSE(paths.of((t.root / "nowhere/x.csv").string()).has_value());
  const fs::path before = fs::current_path();
  fs::current_path(t.root / "set");
  RealPaths relative;
  CHECK(*relative.of("data/chain.csv") == fs::canonical(t.root / "set" / "data" / "a.csv"));
  CHECK(*relative.of("away") == fs::canonical(t.root / "elsewhere"));
  CHECK(*relative.of("") == fs::canonical(t.root / "set"));
  fs::current_path(before);
}

TEST_CASE("RealPaths finds a link that leaves the folder, as leadsOutside does") {
  Tree t;
  const std::string set = (t.root / "set").string();
  RealPaths paths;
  CHECK_FALSE(paths.leadsOutside((t.root / "set/data/a.csv").string(), set).has_value());
  CHECK_FALSE(paths.leadsOutside((t.root / "set/data/chain.csv").string(), set).has_value());
  CHECK(paths.leadsOutside((t.root / "set/data/out.csv").string(), set).value() ==
        fs::canonical(t.root / "elsewhere" / "b.csv").string());
  CHECK(paths.leadsOutside((t.root / "set/away/b.csv").string(), set).has_value());
  CHECK_FALSE(paths.leadsOutside((t.root / "set/data/missing.csv").string(), set).has_value());
  // A file that a link replaced after its folder was remembered is still resolved through the link.
  fs::remove(t.root / "set" / "data" / "a.csv");
  fs::create_symlink(t.root / "elsewhere" / "b.csv", t.root / "set" / "data" / "a.csv");
  CHECK(paths.leadsOutside((t.root / "set/data/a.csv").string(), set).value() ==
        fs::canonical(t.root / "elsewhere" / "b.csv").string());
}

TEST_CASE("RealPaths resolves a remembered folder again when a link to elsewhere took its place") {
  Tree t;
  const std::string set = (t.root / "set").string();
  std::ofstream(t.root / "elsewhere" / "a.csv") << "secret\n";
  RealPaths paths;
  CHECK_FALSE(paths.leadsOutside((t.root / "set/data/a.csv").string(), set).has_value());
  // The data folder swapped for a link to `elsewhere`, which holds a file of the same name.
  fs::rename(t.root / "set" / "data", t.root / "set" / "data-was");
  fs::create_symlink(t.root / "elsewhere", t.root / "set" / "data");
  CHECK(paths.leadsOutside((t.root / "set/data/a.csv").string(), set).value() ==
        fs::canonical(t.root / "elsewhere" / "a.csv").string());
  CHECK(*paths.of((t.root / "set/data/a.csv").string()) == fs::canonical(t.root / "elsewhere" / "a.csv"));
}
