// Keeps the diagnostic registry, docs/diagnostics.md and the golden cases in step: every code has a
// `## CODE` section in the docs, the docs have no section for a code that does not exist, and every
// code is produced by at least one golden case (in its expected stderr).
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace fs = std::filesystem;

namespace {
// The file's text; empty when it cannot be read (the tests then fail on their REQUIREs).
std::string slurp(const fs::path& p) {
  return verdeel::readFile(p.string(), nullptr).value_or(std::string());
}
}  // namespace

TEST_CASE("docs/diagnostics.md has exactly one section per registry code") {
  const std::string doc = slurp(fs::path(VERDEEL_SOURCE_DIR) / "docs/diagnostics.md");
  REQUIRE_FALSE(doc.empty());
  std::set<std::string> sections;
  std::regex heading(R"(^## ([EW][0-9]{4})\b)", std::regex::multiline);
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), heading); it != std::sregex_iterator(); ++it) {
    INFO("section ", (*it)[1].str(), " appears twice");
    CHECK(sections.insert((*it)[1].str()).second);
  }
  std::set<std::string> codes;
  for (const auto& info : verdeel::codeRegistry()) codes.insert(std::string(info.name));
  for (const auto& c : codes) {
    INFO("docs/diagnostics.md lacks a section `## ", c, "`");
    CHECK(sections.count(c) == 1);
  }
  for (const auto& s : sections) {
    INFO("docs/diagnostics.md documents ", s, ", which is not in the registry");
    CHECK(codes.count(s) == 1);
  }
}

TEST_CASE("every registry code is produced by a golden case") {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(VERDEEL_SOURCE_DIR) / "tests/golden")) {
    if (e.is_regular_file() && e.path().filename() == "stderr" &&
        e.path().parent_path().filename() == "expected")
      all += slurp(e.path());
  }
  REQUIRE_FALSE(all.empty());
  for (const auto& info : verdeel::codeRegistry()) {
    const std::string tag = (info.severity == verdeel::Severity::Error ? "fout[" : "waarschuwing[") +
                            std::string(info.name) + "]";
    INFO("no golden case shows ", tag);
    CHECK(all.find(tag) != std::string::npos);
  }
}

TEST_CASE("docs/diagnostics.md explains every code in Dutch and in English") {
  const std::string doc = slurp(fs::path(VERDEEL_SOURCE_DIR) / "docs/diagnostics.md");
  for (const auto& info : verdeel::codeRegistry()) {
    const std::string heading = "\n## " + std::string(info.name) + "\n";
    const std::size_t start = doc.find(heading);
    REQUIRE(start != std::string::npos);
    const std::size_t end = doc.find("\n## ", start + heading.size());
    const std::string section = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const bool error = info.severity == verdeel::Severity::Error;
    INFO("section ", info.name);
    CHECK(section.find("**" + std::string(info.titleDutch) + "** (" + (error ? "fout" : "waarschuwing") +
                       ")") != std::string::npos);
    CHECK(section.find("**" + std::string(info.titleEnglish) + "** (" + (error ? "error" : "warning") +
                       ")") != std::string::npos);
    CHECK(section.find((error ? "fout[" : "waarschuwing[") + std::string(info.name) + "]") !=
          std::string::npos);
    CHECK(section.find((error ? "error[" : "warning[") + std::string(info.name) + "]") != std::string::npos);
    CHECK(section.find("**Wat te doen.**") != std::string::npos);
    CHECK(section.find("**What to do.**") != std::string::npos);
  }
}
