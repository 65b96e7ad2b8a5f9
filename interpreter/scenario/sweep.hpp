// Sweeps: one rule set evaluated for every combination of parameter values (`--zet NAAM=VAN..TOT/STAP`,
// several ranges give every combination, the first varying slowest), in one process: the checked
// program and the loaded data are reused and each scenario computes again only what the changed
// parameters reach (eval::Evaluation::setParameter). The result is a long table (the swept values,
// the entity, the chosen columns), a summary per entity and column, the controles and claims that
// fail in a scenario, and the paradoxes along each swept parameter: an entity that gets fewer units
// when the parameter grows (the Alabama paradox, when the parameter is the total). Used by
// `verdeel sweep`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "output/render.hpp"
#include "output/tables.hpp"
#include "scenario/setting.hpp"

namespace verdeel::scenario {

struct SweepOptions {
  std::vector<Setting> settings;     // ranges and fixed values, in the order given
  std::vector<std::string> columns;  // definitions, parameters or columns of the entity's table
  output::CsvCells csvCells = output::CsvCells::Guarded;  // how text reaches the CSV tables
};

struct Paradox {
  std::string parameter, from, to;  // the swept parameter grew from `from` to `to`
  std::string scenario;             // the other parameters' values, when there are several ranges
  std::string key, name, column, before, after;
};

struct SweepResult {
  std::size_t scenarios = 0;
  std::string table;  // the long table, CSV
  output::DecisionTable summary;
  output::DecisionTable controles;  // per scenario, the controles and claims that failed
  std::vector<Paradox> paradoxes;
  output::DecisionTable paradoxTable;
};

// Checks the options against the program; nullopt with a message and a hint when a column is
// unknown or the columns are about entities of two tables.
std::optional<std::string> checkColumns(const check::Program& p, const SweepOptions& o, std::string& help);

// Runs the sweep; `progress(done, total)` is called after each scenario. nullopt after an evaluation
// error (reported, with the scenario it happened in).
std::optional<SweepResult> sweep(eval::Evaluation& ev, const SweepOptions& o, Diagnostics& diags,
                                 const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace verdeel::scenario
