// How a command reports its diagnostics: as text for people (the default), or with `--diagnostics
// json` or `--diagnostics sarif` as one machine-readable document on standard error (diag/machine.hpp),
// for every command and also for usage errors and internal errors, so that a CI system or an editor
// never has to read the text.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.hpp"
#include "diag/machine.hpp"
#include "lang/language.hpp"

namespace verdeel::cli {

DiagnosticsFormat& diagnosticsFormat() {
  static DiagnosticsFormat format = DiagnosticsFormat::Text;
  return format;
}

namespace {
std::optional<DiagnosticsFormat> parseFormat(std::string_view text) {
  if (text == "tekst" || text == "text") return DiagnosticsFormat::Text;
  if (text == "json") return DiagnosticsFormat::Json;
  if (text == "sarif") return DiagnosticsFormat::Sarif;
  return std::nullopt;
}
}  // namespace

int chooseDiagnosticsFormat(int argc, char** argv) {
  for (const std::string_view value : optionValues(argc, argv, "--diagnostics")) {
    const auto parsed = parseFormat(value);
    if (!parsed)
      return usage(trf("--diagnostics: `{}` is not a format of diagnostics", std::string(value)),
                   tr("choose `--diagnostics tekst` (the default), `json` or `sarif`"));
    diagnosticsFormat() = *parsed;
  }
  return 0;
}

void addDiagnosticsOption(CLI::App* cmd) {
  static std::string ignored;  // chooseDiagnosticsFormat() has read it already
  cmd->add_option("--diagnostics", ignored,
                  tr("How diagnostics are written on standard error: tekst (default), json or sarif"));
}

void printMachine(const std::vector<MachineDiagnostic>& diags, std::size_t notShown) {
  const std::string text = diagnosticsFormat() == DiagnosticsFormat::Sarif
                               ? renderSarif(diags, notShown, VERDEEL_VERSION)
                               : renderJson(diags, notShown);
  std::fputs(text.c_str(), stderr);
}

void printDiagnostics(std::initializer_list<const Engine*> engines) {
  if (diagnosticsFormat() == DiagnosticsFormat::Text) {
    for (const Engine* e : engines) std::fputs(e->renderDiagnostics().c_str(), stderr);
    return;
  }
  std::vector<MachineDiagnostic> all;
  std::size_t notShown = 0;
  for (const Engine* e : engines) {
    for (const Diagnostic& d : e->diagnostics().all()) all.push_back(machine(d, e->sources()));
    notShown += e->diagnostics().dropped();
  }
  printMachine(all, notShown);
}

}  // namespace verdeel::cli
