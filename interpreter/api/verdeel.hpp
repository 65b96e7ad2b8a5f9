// The public C++ API of the verdeel interpreter. An Engine runs the pipeline one stage at a time:
// loadRules (parse + check) -> loadData -> evaluation / controles -> decisions. Each stage reports
// into the engine's diagnostics and returns false when it found errors, so a caller can stop at the
// stage that failed and map it to an exit code. One checked program can be evaluated against
// several data sets: call loadData again and take a new evaluation.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "data/dataset.hpp"
#include "data/load.hpp"
#include "diag/diagnostic.hpp"
#include "eval/evaluation.hpp"
#include "output/tables.hpp"
#include "parse/timeline.hpp"
#include "source/limits.hpp"
#include "source/source.hpp"

namespace verdeel {

// The documented exit codes of the command line, by kind of failure.
enum ExitCode : int {
  kExitOk = 0,
  kExitRuleErrors = 1,
  kExitDataErrors = 2,
  kExitControleFailed = 3,
  kExitUsage = 64,
  kExitInternal = 70,
  kExitOutputFailed = 73,
};

class Engine {
 public:
  explicit Engine(const Limits& limits = {});
  ~Engine();

  // Loads the version in force on `peildatum` (default: the regulation's own `geldig vanaf`).
  bool loadRules(const std::string& path, std::optional<Date> peildatum = std::nullopt);
  bool loadData(const data::LoadOptions& options = {});
  // The dates on which something in the rule set at `path` takes effect (nullopt after reporting
  // what cannot be read); loads no program.
  std::optional<std::vector<parse::TimelineEvent>> timeline(const std::string& path);
  // A scenario for this run: parameters set to other values (`--zet NAAM=WAARDE`), after loadRules.
  // False with a message and a hint when a setting names no parameter or its value does not fit.
  bool setScenario(const std::vector<std::string>& settings, std::string& error, std::string& help);
  // The evaluation of the loaded program on the loaded data (made on first use).
  eval::Evaluation& evaluation();
  // Runs every controle; reports E0505 for each that fails. False when one failed or errored.
  bool runControles();
  std::optional<output::Decisions> decisions();

  const check::Program& program() const { return *program_; }
  const data::Dataset& dataset() const { return *dataset_; }
  bool hasProgram() const { return program_.has_value(); }
  Diagnostics& diagnostics() { return diags_; }
  const Diagnostics& diagnostics() const { return diags_; }
  const SourceManager& sources() const { return sources_; }
  // For stages that read more files in the same run (a published table to verify against).
  SourceManager& sources() { return sources_; }
  std::string renderDiagnostics() const { return render(diags_, sources_); }
  // Reads a file that shapes the outputs (a document template), registers it as an input so that
  // receipts name it; nullopt with the reason in `error`.
  std::optional<std::string> readExtraInput(const std::string& path, std::size_t maxBytes,
                                            std::string& error);
  // The folders of the rule files read (the rule set's own first, then those it builds on).
  std::vector<std::string> ruleFolders() const;
  // Every rule and data file read so far.
  std::vector<std::string> inputFiles() const;
  // Every rule and data file of the loaded program and data, with the SHA-256 of the bytes that were
  // read (not read again: what the receipt names is what was used).
  std::vector<std::pair<std::string, std::string>> inputDigests() const;

 private:
  Limits limits_;
  SourceManager sources_;
  Diagnostics diags_;
  std::optional<check::Program> program_;
  std::optional<data::Dataset> dataset_;
  std::unique_ptr<eval::Evaluation> evaluation_;
  std::vector<std::string> dataFiles_;
  std::vector<std::pair<int, Value>> scenario_;
  std::vector<std::uint32_t> extraInputs_;
};

}  // namespace verdeel
