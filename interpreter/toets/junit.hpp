// The results of `verdeel test` as a JUnit XML report (`--junit FILE`), the format CI servers
// (GitLab, Jenkins, Azure DevOps) read: one <testsuite> per test file, one <testcase> per test with
// its file and line, and a <failure> with the whole text the terminal shows for a test that failed
// (the coverage stays in the terminal's text and `--dekking-html`). Deterministic: no times, no host names (a
// report of the same run is byte for byte the same).
#pragma once

#include <string>
#include <vector>

#include "toets/toets.hpp"

namespace verdeel::toets {

std::string renderJunit(const std::string& ruleSet, const std::vector<TestReport>& reports);

}  // namespace verdeel::toets
