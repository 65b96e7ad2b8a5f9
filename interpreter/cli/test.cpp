// `verdeel test RULES`: every test of a rule set (toetsen/*.toets), one line per test, what a
// failing test expected against what was computed (with the explanation), the coverage per article,
// and a closing line `N geslaagd, N mislukt` for CI (`--junit FILE`: the results as JUnit XML). Exit 0 when
// every test passed (and the coverage is at least --min-dekking), 3 when a test failed or the coverage is
// lower, 1 for errors in the rules or the test files.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "lang/language.hpp"
#include "output/write.hpp"
#include "toets/junit.hpp"
#include "toets/toets.hpp"

namespace verdeel::cli {

int commandTest(const TestCommand& c) {
  const EngineAtExit owner = newEngine();
  Engine& suite = *owner;
  toets::Coverage coverage;
  toets::Runner runner(c.rules, limits(), suite, coverage);
  const std::vector<std::string> files = toets::testFiles(c.rules);
  {
    // The rules as they are on their own date must load, before any test is read.
    Engine rules(limits());
    if (!rules.loadRules(c.rules)) {
      printDiagnostics({&rules});
      return kExitRuleErrors;
    }
  }
  if (files.empty())
    suite.diagnostics()
        .report(Code::W0701, {}, trf("`{}` has no tests: no `toetsen/*.toets` beside the rules", c.rules))
        .help = tr("write tests in a folder `toetsen` in the rule set's folder (docs/gids.md, hoofdstuk 10)");
  std::vector<ast::TestFile> tests;
  for (const std::string& f : files)
    if (auto t = toets::readTestFile(f, suite, limits())) tests.push_back(std::move(*t));
  if (suite.diagnostics().hasErrors()) return finish(suite, kExitRuleErrors);
  runner.addVersions();

  std::size_t passed = 0, failed = 0;
  std::vector<toets::TestReport> reports;
  for (const ast::TestFile& file : tests) {
    for (const ast::Test& t : file.tests) {
      const toets::TestReport& r = reports.emplace_back(runner.run(file, t));
      if (r.passed) {
        ++passed;
        std::fputs(fmt::format("{:<7}  {}  {}\n", tr("ok"), r.where, r.title).c_str(), stdout);
        continue;
      }
      ++failed;
      std::string out = fmt::format("{:<7}  {}  {}\n", tr("FAILED"), r.where, r.title);
      for (const std::string& f : r.failures) {
        std::string block = "  " + f;
        for (std::size_t i = 0; (i = block.find('\n', i)) != std::string::npos; i += 3)
          block.replace(i, 1, "\n  ");
        out += block + "\n";
      }
      std::fputs(out.c_str(), stdout);
      if (runner.rulesFailed()) break;
    }
    if (runner.rulesFailed()) break;
  }
  if (runner.rulesFailed()) return finish(suite, kExitRuleErrors);

  if (c.coverageText) std::fputs(toets::renderText(coverage, c.rules).c_str(), stdout);
  std::vector<std::string> inputs = suite.inputFiles();
  inputs.insert(inputs.end(), files.begin(), files.end());
  if (!c.coverageHtml.empty() &&
      !output::writeFileAtomically(c.coverageHtml, toets::renderHtml(coverage, c.rules), inputs,
                                   suite.diagnostics()))
    return finish(suite, kExitOutputFailed);
  if (!c.junit.empty() && !output::writeFileAtomically(c.junit, toets::renderJunit(c.rules, reports), inputs,
                                                       suite.diagnostics()))
    return finish(suite, kExitOutputFailed);
  bool enough = true;
  if (c.minCoverage && coverage.percent() < *c.minCoverage) {
    enough = false;
    auto& d = suite.diagnostics().report(
        Code::E0704, {},
        trf("the tests reach {} of the {} points of the rules, less than --min-dekking {}%",
            coverage.reached(), coverage.points(), *c.minCoverage));
    d.help = tr("`verdeel test --dekking` lists per article what no test reached");
  }
  std::fputs(trf("coverage: {} of {} points\n", coverage.reached(), coverage.points()).c_str(), stdout);
  std::fputs(trf("{} passed, {} failed\n", passed, failed).c_str(), stdout);
  return finish(suite, failed > 0 || !enough ? kExitControleFailed : kExitOk);
}

}  // namespace verdeel::cli
