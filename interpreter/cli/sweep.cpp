// `verdeel sweep`: one rule set for every value of one or more parameter ranges, in one process
// (scenario/sweep.hpp); writes the long table, the summary, the paradoxes and the failing controles
// as one output set with its receipt.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "lang/language.hpp"
#include "output/render.hpp"
#include "scenario/sweep.hpp"

namespace verdeel::cli {

namespace {

// The progress line's text.
std::string progressLine(std::size_t done, std::size_t total) {
  return trf("\rscenario {} of {} ({}%){}", done, total, done * 100 / total, done == total ? "\n" : "");
}

}  // namespace

std::optional<std::vector<output::OutputFile>> sweepFiles(Engine& engine,
                                                          const std::vector<std::string>& given,
                                                          const std::vector<std::string>& columns,
                                                          int& code) {
  scenario::SweepOptions o;
  o.columns = columns;
  o.csvCells = csvCells();
  std::size_t scenarios = 1;
  bool anyRange = false;
  for (const std::string& text : given) {
    std::string error, help;
    auto s = scenario::parseSetting(engine.program(), text, true, limits().scenarios, error, help);
    if (!s) {
      code = usage(error, help);
      return std::nullopt;
    }
    for (const auto& other : o.settings)
      if (other.parameter == s->parameter) {
        code = usage(trf("parameter `{}` is set twice", s->name), tr("give each parameter one `--zet`"));
        return std::nullopt;
      }
    anyRange = anyRange || s->range;
    scenarios *= s->values.size();
    if (scenarios > limits().scenarios) {
      code = usage(trf("the ranges give more than {} scenarios", limits().scenarios),
                   tr("take larger steps or fewer ranges, or raise the limit with `--max-scenarios`"));
      return std::nullopt;
    }
    o.settings.push_back(std::move(*s));
  }
  if (!anyRange) {
    code = usage(tr("a sweep needs at least one range `--zet NAAM=VAN..TOT/STAP`"),
                 o.settings.empty() ? tr("for example `--zet capaciteitsraming=80000..100000/100`")
                                    : trf("for example `--zet {}=VAN..TOT/STAP`", o.settings.front().name));
    return std::nullopt;
  }
  std::string help;
  if (auto error = scenario::checkColumns(engine.program(), o, help)) {
    code = usage(*error, help);
    return std::nullopt;
  }
  Progress progress(progressLine);
  auto result = scenario::sweep(engine.evaluation(), o, engine.diagnostics(),
                                [&](std::size_t done, std::size_t total) { progress(done, total); });
  if (!result) {
    code = kExitRuleErrors;
    return std::nullopt;
  }
  std::vector<output::OutputFile> files;
  files.push_back({"sweep.csv", std::move(result->table)});
  for (const output::DecisionTable* t : {&result->summary, &result->paradoxTable, &result->controles})
    files.push_back({t->file + ".csv", output::renderCsv(*t, csvCells())});
  return files;
}

int commandSweep(const SweepCommand& c) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(c.rules, peildatum())) return finish(engine, kExitRuleErrors);
  if (!engine.loadData({c.dataDir})) return finish(engine, kExitDataErrors);
  int code = kExitOk;
  auto files = sweepFiles(engine, settings(), c.columns, code);
  if (!files) return code == kExitUsage ? code : finish(engine, code);
  output::Receipt receipt = newReceipt(engine, c.rules, c.dataDir, {"csv"});
  receipt.command = "sweep";
  receipt.columns = c.columns;
  return finish(engine, writeSet(engine, receipt, *files, c.outDir));
}

}  // namespace verdeel::cli
