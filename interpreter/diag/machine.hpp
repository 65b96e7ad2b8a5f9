// Diagnostics for programs (`--diagnostics json` and `--diagnostics sarif`): the same diagnostics as
// the text rendering, as plain records with code, severity, file, line, column, message, notes,
// help and legal basis, rendered as one JSON document or as SARIF 2.1.0 (for CI systems and
// editors). Deterministic: the order of the diagnostics, fixed keys, no timestamps.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace verdeel {

struct MachinePosition {
  std::string file;  // as the user named it; empty when there is no position
  std::uint32_t line = 0, column = 0, endLine = 0, endColumn = 0;
};
struct MachineNote {
  std::string message;
  MachinePosition at;
};
struct MachineDiagnostic {
  std::string code;      // "E0203", or "usage" / "internal" for the command line and the program
  std::string severity;  // "error" or "warning"
  std::string title;     // the code's title in the current language
  std::string message;
  MachinePosition at;
  std::vector<MachineNote> notes;
  std::string help, basis;
  std::vector<std::string> versions;  // `check` over a timeline: the versions (dates) it holds for
};

MachineDiagnostic machine(const Diagnostic& d, const SourceManager& sources);
// A diagnostic of the command line or of the program itself (no code of the registry).
MachineDiagnostic machineUsage(const std::string& code, const std::string& message, const std::string& help);

// A path as a URI reference (SARIF, and `file://` URIs of the language server): every byte outside
// the unreserved characters and `/` percent-encoded.
std::string uriOf(const std::string& path);
// `{"diagnostics": [...], "errors": N, "warnings": N, "not_shown": N}`, one line per document.
std::string renderJson(const std::vector<MachineDiagnostic>& diags, std::size_t notShown);
// SARIF 2.1.0: one run of the tool `verdeel` with a rule per code used.
std::string renderSarif(const std::vector<MachineDiagnostic>& diags, std::size_t notShown,
                        const std::string& version);

}  // namespace verdeel
