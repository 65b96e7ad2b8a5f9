// `verdeel keuzes`: the workbench for keuzes (scenario/readings.hpp): every combination of readings
// (or those given with `--lezingen`), with the `--zet` settings fixed, in one process; writes the
// matrix, the distances and the report as one output set with its receipt.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "lang/language.hpp"
#include "output/render.hpp"
#include "scenario/readings.hpp"
#include "scenario/setting.hpp"

namespace verdeel::cli {

namespace {

// The progress line's text.
std::string progressLine(std::size_t done, std::size_t total) {
  return trf("\rcombination {} of {} ({}%){}", done, total, done * 100 / total, done == total ? "\n" : "");
}

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
  Progress progress(progressLine);
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
  output::Receipt receipt = newReceipt(engine, c.rules, c.dataDir, {"csv", "md"});
  receipt.command = "keuzes";
  receipt.readings = c.readings;
  return finish(engine, writeSet(engine, receipt, *files, c.outDir));
}

}  // namespace verdeel::cli
