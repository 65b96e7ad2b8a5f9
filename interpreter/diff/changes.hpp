// The changes between two versions of the rules, as candidates for causes: articles whose text
// differs or that exist in one only; parameters whose value differs (a scenario, `--zet-nieuw`, or
// a changed rule: folded into its article when that changed too); data tables whose declaration,
// file or rows differ (with the line of each changed row). Internal to diff/.
#pragma once

#include "diff/diff.hpp"

namespace verdeel::diff {

// Fills r.candidates, r.changedArticles and r.changedParameters. False when a parameter failed.
bool findCandidates(eval::Evaluation& before, eval::Evaluation& after, Result& r);

}  // namespace verdeel::diff
