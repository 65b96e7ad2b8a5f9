// The toets stage: the tests of a rule set (`toetsen/*.toets` in its folder) and their run. Each
// test gets its own engine: the version of the rules in force on its peildatum, the shipped data
// with the tables it gives replaced, its parameters set; everything is computed, every controle
// run, and each `verwacht` compared exactly. A test passes when every expectation holds and the
// rules computed every value without an error. What the tests reached is recorded per article
// (toets/coverage.hpp). Errors in a test file itself (an unknown name, a value of the wrong kind) are
// diagnostics in the suite's engine; what a failing test saw is text in its report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/verdeel.hpp"
#include "ast/toets.hpp"
#include "toets/coverage.hpp"

namespace verdeel::toets {

// The test files of the rule set at `rules` (a folder, or a rule file: its folder), in name order:
// `toetsen/*.toets`. Empty when there are none.
std::vector<std::string> testFiles(const std::string& rules);

// Reads and parses the test files into the suite engine's sources and diagnostics; nullopt for a
// file that cannot be read or has a syntax error (reported).
std::optional<ast::TestFile> readTestFile(const std::string& path, Engine& suite, const Limits& limits);

struct TestReport {
  std::string where;  // `rules/2024/toetsen/besluit.toets:12`
  std::string file;   // `rules/2024/toetsen/besluit.toets`
  std::uint32_t line = 0;
  std::string title;
  bool passed = false;
  std::vector<std::string> failures;  // each a paragraph: expected against actual, and why
};

class Runner {
 public:
  // `suite` holds the test files and takes the diagnostics about them; `coverage` what is reached.
  Runner(std::string rules, const Limits& limits, Engine& suite, Coverage& coverage)
      : rules_(std::move(rules)), limits_(limits), suite_(suite), coverage_(coverage) {}

  TestReport run(const ast::TestFile& file, const ast::Test& test);
  // The rules themselves have errors in the version a test asked for: printed, and the suite stops.
  bool rulesFailed() const { return rulesFailed_; }
  // Adds the points of every version of the rules (each date of the timeline) to the coverage.
  void addVersions();

 private:
  std::string rules_;
  Limits limits_;
  Engine& suite_;
  Coverage& coverage_;
  bool rulesFailed_ = false;
};

}  // namespace verdeel::toets
