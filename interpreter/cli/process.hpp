// Running another program (git, tar) without a shell: the arguments go to it one by one, as given,
// so no text of the user is ever read as shell syntax.
#pragma once

#include <string>
#include <vector>

namespace verdeel::cli {

// Runs `argv[0]` (looked up on PATH) with `argv`, stdin from /dev/null and stderr discarded; its
// stdout into `out` when given (else discarded). Returns its exit status, or -1 when it could not
// be started or did not exit normally.
int runProgram(const std::vector<std::string>& argv, std::string* out = nullptr);

}  // namespace verdeel::cli
