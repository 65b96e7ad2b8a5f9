// What every command shares: the settings of this command line (--peildatum, the limits), and how
// a command ends (diagnostics printed, exit code returned).
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "diag/machine.hpp"
#include "lang/language.hpp"

namespace verdeel::cli {

int finish(Engine& engine, int code) {
  printDiagnostics({&engine});
  return code;
}

Limits& limits() {
  static Limits l;
  return l;
}

std::optional<Date>& peildatum() {
  static std::optional<Date> date;
  return date;
}

std::vector<std::string>& settings() {
  static std::vector<std::string> s;
  return s;
}

output::CsvCells& csvCells() {
  static output::CsvCells cells = output::CsvCells::Guarded;
  return cells;
}

int applySettings(Engine& engine, const std::vector<std::string>& given) {
  std::string error, help;
  if (engine.setScenario(given, error, help)) return 0;
  return usage(error, help);
}

int usage(const std::string& message, const std::string& help) {
  if (diagnosticsFormat() != DiagnosticsFormat::Text) {
    printMachine({machineUsage("usage", message, help)}, 0);
    return kExitUsage;
  }
  std::fputs(fmt::format("verdeel: {}[{}]: {}\n", tr("error"), tr("usage"), message).c_str(), stderr);
  if (!help.empty()) std::fputs(fmt::format("  = {}: {}\n", tr("help"), help).c_str(), stderr);
  return kExitUsage;
}

}  // namespace verdeel::cli
