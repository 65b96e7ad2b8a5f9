// The commands of `verdeel`, each a thin layer over the Engine API (api/verdeel.hpp): they load,
// evaluate and print, and map the stage that failed to a documented exit code (docs/cli.md).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "api/verdeel.hpp"
#include "diag/machine.hpp"
#include "output/receipt.hpp"
#include "output/render.hpp"
#include "output/write.hpp"
#include "source/sanitized.hpp"

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace verdeel::cli {

// The `--peildatum` of this command line: the version of the rules in force on that date is used.
std::optional<Date>& peildatum();
// The limits of this command line (`--max-...`).
Limits& limits();
// The `--zet NAAM=WAARDE` settings of this command line.
std::vector<std::string>& settings();
// `--csv-letterlijk`: CSV cells exactly as they are, not guarded against formulas (output/render.hpp).
output::CsvCells& csvCells();
// Applies settings() to an engine whose rules are loaded; 0, or the usage exit code after the
// message (a name that is no parameter, a value that does not fit).
int applySettings(Engine& engine, const std::vector<std::string>& given);

// An engine left to the operating system at exit instead of being taken apart value by value: after
// a run over a million rows, freeing takes a noticeable part of a second that the process gives back
// anyway (compilers do the same: clang's -disable-free). Under a sanitizer it is freed, so that leak
// checks see everything.
struct LeftAtExit {
  void operator()(Engine* e) const {
    if (kSanitized) delete e;
  }
};
using EngineAtExit = std::unique_ptr<Engine, LeftAtExit>;
inline EngineAtExit newEngine() {
  return EngineAtExit(new Engine(limits()));
}

// Prints the engine's diagnostics on standard error and returns `code`.
int finish(Engine& engine, int code);
// A usage error found after parsing the command line (an unknown entity, say): exit 64.
int usage(const std::string& message, const std::string& help = {});

// cli/report.cpp: `--diagnostics tekst|json|sarif` (read from the command line before anything is
// said, like `--taal`; 0 or the usage exit code), the option of a command, and printing the
// diagnostics of one or more engines (diff: both rule sets) in that format on standard error.
enum class DiagnosticsFormat { Text, Json, Sarif };
DiagnosticsFormat& diagnosticsFormat();
int chooseDiagnosticsFormat(int argc, char** argv);
void addDiagnosticsOption(CLI::App* cmd);
void printDiagnostics(std::initializer_list<const Engine*> engines);
void printMachine(const std::vector<MachineDiagnostic>& diags, std::size_t notShown);

// cli/taal.cpp: sets the language from `--taal` or the locale (0, or the usage exit code for an
// unknown language); the `--taal` option of a command; CLI11's help labels in that language; a
// CLI11 parse error in that language.
int chooseLanguage(int argc, char** argv);
// The values an option is given before `--` (`--taal en`, `--taal=en`), read before CLI11 parses.
std::vector<std::string_view> optionValues(int argc, char** argv, std::string_view name);
void addLanguageOption(CLI::App* cmd);
void localiseHelp(CLI::App& app);
std::string commandLineError(const CLI::ParseError& error);

int commandCheck(const std::string& rules, const std::string& dataDir);
// `verdeel lint RULES`: the linter's named rules at the levels of the rule set's `lint.conf`.
int commandLint(const std::string& rules);
// `verdeel tijdlijn RULES`: every date on which something takes effect, and what.
int commandTimeline(const std::string& rules);
int commandRun(const std::string& rules, const std::string& dataDir, const std::string& outDir,
               const std::vector<std::string>& formats);
// Recomputes the run a receipt describes and says whether inputs and outputs are the same.
int commandCheckReceipt(const std::string& receipt);

struct ExplainOptions {
  std::string rules, dataDir, entity, definition;
  int depth = -1;    // -1: the levels a reader needs (2); `--alles`: every level
  bool all = false;  // `--alles`
  bool lawText = false;
  bool json = false;
  std::string format;  // `--format text|md|json`
};
int commandExplain(const ExplainOptions& o);

struct VerifyOptions {
  std::string rules, dataDir, entityColumn, notation;
  std::vector<std::string> published, mappings;  // mappings: `GEPUBLICEERD=DEFINITIE`
  std::vector<std::string> apart;                // `KOLOM=WAARDE`
  bool onlyPublished = false;
};
int commandVerify(const VerifyOptions& o);

struct SweepCommand {
  std::string rules, dataDir, outDir = "uitvoer";
  std::vector<std::string> columns;  // `--kolommen`
};
int commandSweep(const SweepCommand& c);
// The files of a sweep (the settings may hold ranges); nullopt with the exit code in `code` (usage
// errors already printed).
std::optional<std::vector<output::OutputFile>> sweepFiles(Engine& engine,
                                                          const std::vector<std::string>& given,
                                                          const std::vector<std::string>& columns, int& code);
// The receipt of a command that writes an output set: program, rule set, data folder, formats, the
// `--zet` settings, CSV mode, the regulation and the hashes of every input (cli/run.cpp).
output::Receipt newReceipt(const Engine& engine, const std::string& rules, const std::string& dataDir,
                           std::vector<std::string> formats);
// Hashes `files` into the receipt, adds it to them, writes the set as a whole into `outDir` and
// names every file written; the exit code (kExitOk, or kExitOutputFailed after the diagnostic).
int writeSet(Engine& engine, output::Receipt& receipt, std::vector<output::OutputFile>& files,
             const std::string& outDir);
// The hashes of every rule and data file the engine read.
std::vector<output::FileHash> inputHashes(const Engine& engine);

// `verdeel fmt PATH... [--check]`: rule and test files in the canonical layout (format/format.hpp).
int commandFormat(const std::vector<std::string>& paths, bool check);

// `verdeel lsp`: the language server on standard input and output (lsp/server.hpp).
int commandLsp();

struct TestCommand {
  std::string rules;
  bool coverageText = false;          // `--dekking`: the coverage per article
  std::string coverageHtml;           // `--dekking-html FILE`
  std::string junit;                  // `--junit FILE`
  std::optional<double> minCoverage;  // `--min-dekking P`
};
// `verdeel test RULES`: the tests of a rule set with their coverage per article (toets/toets.hpp).
int commandTest(const TestCommand& c);

struct ReadingsCommand {
  std::string rules, dataDir, outDir = "uitvoer";
  std::vector<std::string> readings;  // `--lezingen KEUZE=a,b`
};
// `verdeel keuzes`: every combination of the readings of the keuzes, against the claims.
int commandReadings(const ReadingsCommand& c);
// The files of `verdeel keuzes` for the `--lezingen` given (the `--zet` settings already applied);
// nullopt with the exit code in `code` (usage errors already printed).
std::optional<std::vector<output::OutputFile>> readingsFiles(Engine& engine,
                                                             const std::vector<std::string>& given,
                                                             int& code);

struct DiffOptions {
  std::string oldRules, newRules, dataDir, format = "text";
  std::vector<std::string> newSettings;            // `--zet-nieuw`: for NEW only
  std::vector<std::string> definitions, entities;  // `--definitie`, `--entiteit`: filters
  std::string per;                                 // `--per provincie`: a summary per group
  bool noCauses = false;                           // `--zonder-oorzaken`: skip the one-at-a-time runs
};
int commandDiff(const DiffOptions& o);

}  // namespace verdeel::cli
