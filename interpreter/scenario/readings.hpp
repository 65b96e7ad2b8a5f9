// The workbench for keuzes: one rule set evaluated under every combination of the readings of its
// keuzes (or of the readings given per keuze), in one process: the checked program and the loaded
// data are reused and each combination computes again only what its changed keuzes reach (a keuze
// is a parameter: eval::Evaluation::setParameter). Each combination is set against every claim
// (`bewering`, with or without `ter toetsing`) and every controle: whether it holds, on what data
// (echt, or resting on fictitious rows), and, for the known outcomes (claims `ter toetsing`), how far
// each number compared with `=` is from the known number on the other side. The result: a matrix (combination
// x claim), the distances one by one, and a report in Dutch that ranks the combinations (first on real data,
// then on the scenario) and sums up per reading. Used by `verdeel keuzes`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "output/tables.hpp"

namespace verdeel::scenario {

struct ReadingsOptions {
  // Per keuze (index into Program::choices) the readings to try, in order; a keuze not named here
  // goes through all its readings.
  std::vector<std::pair<int, std::vector<std::string>>> only;
};

struct ReadingsResult {
  std::size_t combinations = 0;
  output::DecisionTable matrix;     // keuzes-matrix: per combination, per claim: holds or not
  output::DecisionTable distances;  // keuzes-afstanden: every compared number, per combination
  std::string report;               // keuzes.md: the keuzes, the ranking, per reading
};

// Reads `KEUZE=a,b` for `--lezingen`; nullopt with a message (and a hint) when it cannot be used.
std::optional<std::pair<int, std::vector<std::string>>> parseReadings(const check::Program& p,
                                                                      const std::string& text,
                                                                      std::string& error, std::string& help);

// Runs every combination; `progress(done, total)` after each. nullopt after an evaluation error
// (reported, with the combination it happened in).
std::optional<ReadingsResult> readings(eval::Evaluation& ev, const ReadingsOptions& o, Diagnostics& diags,
                                       const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace verdeel::scenario
