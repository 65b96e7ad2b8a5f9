// `verdeel sweep`: one rule set for every value of one or more parameter ranges, in one process
// (scenario/sweep.hpp); writes the long table, the summary, the paradoxes and the failing controles
// as one output set with its receipt.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "lang/language.hpp"
#include "output/receipt.hpp"
#include "output/render.hpp"
#include "output/write.hpp"
#include "scenario/sweep.hpp"
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
    std::fputs(trf("\rscenario {} of {} ({}%){}", done, total, done * 100 / total, done == total ? "\n" : "")
                   .c_str(),
               stderr);
    std::fflush(stderr);
  }
};

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
  Progress progress;
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
  output::Receipt receipt;
  receipt.program = "verdeel";
  receipt.version = VERDEEL_VERSION;
  receipt.rules = c.rules;
  receipt.dataDir = c.dataDir;
  receipt.formats = {"csv"};
  receipt.scenario = settings();
  receipt.command = "sweep";
  receipt.csvLiteral = csvCells() == output::CsvCells::Literal;
  receipt.columns = c.columns;
  output::describe(receipt, engine.program());
  receipt.inputs = inputHashes(engine);
  for (const auto& f : *files) receipt.outputs.push_back({f.name, sha256Hex(f.content)});
  files->push_back({output::kReceiptFile, output::renderReceipt(receipt)});
  if (!output::writeAtomically(c.outDir, *files, engine.inputFiles(), engine.diagnostics()))
    return finish(engine, kExitOutputFailed);
  for (const auto& f : *files) std::fputs(trf("written: {}/{}\n", c.outDir, f.name).c_str(), stdout);
  return finish(engine, kExitOk);
}

}  // namespace verdeel::cli
