// `verdeel lint RULES`: the checker's diagnostics of the rule set and the linter's (lint/lint.hpp),
// at the levels of the rule set's `lint.conf`, with one closing line for CI. Exit 1 when a finding is
// at level `fout` (or the rules have errors), else 0.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "lang/language.hpp"
#include "lint/lint.hpp"

namespace verdeel::cli {

int commandLint(const std::string& rules) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(rules, peildatum())) return finish(engine, kExitRuleErrors);
  std::map<std::string, lint::Level> levels;
  for (const lint::Rule& r : lint::rules()) levels[r.name] = lint::Level::Warning;
  std::error_code ec;
  for (const std::string& dir : engine.ruleFolders()) {
    const std::string path = (std::filesystem::path(dir) / "lint.conf").lexically_normal().string();
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    std::string error;
    auto text = engine.readExtraInput(path, 1U << 20U, error);
    if (!text) {
      engine.diagnostics().report(Code::E0111, {}, trf("cannot read `{}`: {}", path, error));
      return finish(engine, kExitRuleErrors);
    }
    const std::uint32_t file = engine.sources().add(path, *text);
    levels = lint::readConfig(*text, file, engine.diagnostics());
    if (engine.diagnostics().hasErrors()) return finish(engine, kExitRuleErrors);
    break;  // the rule set's own folder first; a rule set it builds on only when it has none
  }
  lint::run(engine.program(), engine.sources(), levels, engine.diagnostics());
  std::size_t warnings = 0;
  for (const Diagnostic& d : engine.diagnostics().all())
    if (d.severity() == Severity::Warning) ++warnings;
  const std::size_t errors = engine.diagnostics().errorCount();
  std::fputs(trf("lint: {} errors, {} warnings\n", errors, warnings).c_str(), stdout);
  return finish(engine, errors > 0 ? kExitRuleErrors : kExitOk);
}

}  // namespace verdeel::cli
