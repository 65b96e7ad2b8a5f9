// The table `gelijke-standen`: every tie at the cut-off of an apportionment in a run, one row per
// tied entity, with how it was decided (the declared order, the table's key, a drawn lot) or that
// it was not decided. A tie-break is never used silently: whenever one decided a unit, the run's
// output says so.
#pragma once

#include <optional>

#include "output/tables.hpp"

namespace verdeel::output {

// nullopt when no apportionment of the run had a tie.
std::optional<DecisionTable> tieTable(eval::Evaluation& ev);

}  // namespace verdeel::output
