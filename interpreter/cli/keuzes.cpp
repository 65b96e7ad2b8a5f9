// `verdeel keuzes`: the workbench for keuzes (scenario/readings.hpp): every combination of readings
// (or those given with `--lezingen`), with the `--zet` settings fixed, in one process; writes the
// matrix, the distances and the report as one output set with its receipt.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "lang/language.hpp"
#include "output/receipt.hpp"
#include "output/render.hpp"
#include "output/write.hpp"
#include "scenario/readings.hpp"
#include "scenario/setting.hpp"
#include "source/sha256.hpp"

namespace verdeel::cli {

namespace {

// A progress line on a terminal, at most ten times a second.
struct Progress {
  bool on = ::isatty(2) == 1;
  std::chrono::steady_clock::time_point last{};
  void operator()(std::size_t done, std::size_t total) {
    if (!on) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - last < std::chrono::milliseconds(100)) return;
    last = now;
    std::fputs(
        trf("\rcombination {} of {} ({}%){}", done, total, done * 100 / total, done == total ? "\n" : "")
            .c_str(),
        stderr);
    std::fflush(stderr);
  }
};

}  // namespace

std::optional<std::vector<output::OutputFile>> readingsFiles(Engine& engine,
                                                             const std::vector<std::string>& given,
                                                             int& code) {
  const check::Program& p = engine.program();
  scenario::ReadingsOptions o;
  for (const std::string& text : given) {
    std::string error, help;
    auto r = scenario::parseReadings(p, text, error, help);
    if (!r) {
      code = usage(error, help);
      return std::nullopt;
    }
    for (const auto& other : o.only)
      if (other.first == r->first) {
        code = usage(trf("keuze `{}` is named twice", p.choices[static_cast<std::size_t>(r->first)].name),
                     tr("give each keuze one `--lezingen`, with its readings separated by commas"));
        return std::nullopt;
      }
    o.only.push_back(std::move(*r));
  }
  Progress progress;
  auto result = scenario::readings(engine.evaluation(), o, engine.diagnostics(),
                                   [&](std::size_t done, std::size_t total) { progress(done, total); });
  if (!result) {
    code = kExitRuleErrors;
    return std::nullopt;
  }
  std::vector<output::OutputFile> files;
  files.push_back({result->matrix.file + ".csv", output::renderCsv(result->matrix, csvCells())});
  files.push_back({result->distances.file + ".csv", output::renderCsv(result->distances, csvCells())});
  files.push_back({"keuzes.md", std::move(result->report)});
  return files;
}

int commandReadings(const ReadingsCommand& c) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(c.rules, peildatum())) return finish(engine, kExitRuleErrors);
  const check::Program& p = engine.program();
  if (p.choices.empty())
    return usage(trf("`{}` has no keuze", c.rules),
                 tr("a keuze names the readings of a point the sources leave open: see docs/language.md, "
                    "\"Keuzes\""));
  for (const std::string& text : c.readings) {  // usage errors before the data is read
    std::string error, help;
    if (!scenario::parseReadings(p, text, error, help)) return usage(error, help);
  }
  // `--zet` fixes other parameters; a keuze is set with `--lezingen`.
  for (const std::string& text : settings()) {
    std::string error, help;
    auto s = scenario::parseSetting(p, text, false, 1, error, help);
    if (!s) return usage(error, help);
    if (p.choiceOf(s->parameter))
      return usage(trf("`{}` is a keuze: `verdeel keuzes` goes through its readings", s->name),
                   trf("to try only some, write `--lezingen {}=...`", s->name));
  }
  if (!engine.loadData({c.dataDir})) return finish(engine, kExitDataErrors);
  if (int code = applySettings(engine, settings())) return code;
  int code = kExitOk;
  auto files = readingsFiles(engine, c.readings, code);
  if (!files) return code == kExitUsage ? code : finish(engine, code);
  output::Receipt receipt;
  receipt.program = "verdeel";
  receipt.version = VERDEEL_VERSION;
  receipt.rules = c.rules;
  receipt.dataDir = c.dataDir;
  receipt.formats = {"csv", "md"};
  receipt.scenario = settings();
  receipt.readings = c.readings;
  receipt.command = "keuzes";
  receipt.csvLiteral = csvCells() == output::CsvCells::Literal;
  output::describe(receipt, p);
  receipt.inputs = inputHashes(engine);
  for (const auto& f : *files) receipt.outputs.push_back({f.name, sha256Hex(f.content)});
  files->push_back({output::kReceiptFile, output::renderReceipt(receipt)});
  if (!output::writeAtomically(c.outDir, *files, engine.inputFiles(), engine.diagnostics()))
    return finish(engine, kExitOutputFailed);
  for (const auto& f : *files) std::fputs(trf("written: {}/{}\n", c.outDir, f.name).c_str(), stdout);
  return finish(engine, kExitOk);
}

}  // namespace verdeel::cli
