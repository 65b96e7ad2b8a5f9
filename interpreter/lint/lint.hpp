// The linter (`verdeel lint`): named rules about how a rule set is written, beyond what the checker
// refuses. Each rule has a name legal staff can read, a diagnostic code (W06xx, docs/diagnostics.md)
// and a severity a rule set can set in its `lint.conf` (`regel = uit | waarschuwing | fout`).
// Pure over a checked Program and its sources: no data is read.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "diag/diagnostic.hpp"

namespace verdeel::lint {

enum class Level { Off, Warning, Error };

struct Rule {
  const char* name;  // `zonder-wettekst`
  Code code;
  const char* what;  // one line, in English (the catalogue gives the Dutch)
};
// Every rule, in the order they run.
const std::vector<Rule>& rules();

// The levels of a rule set: every rule a warning unless `lint.conf` says otherwise. `text` is the
// file's content; unknown rules and levels are reported (E0110) at their line of `file`.
std::map<std::string, Level> readConfig(const std::string& text, std::uint32_t file, Diagnostics& diags);

// Runs every rule that is not off on `p`, reporting into `diags` (a rule at level `fout` as an
// error). `sources` gives the text of literals as written.
void run(const check::Program& p, const SourceManager& sources, const std::map<std::string, Level>& levels,
         Diagnostics& diags);

}  // namespace verdeel::lint
