// Differences between two evaluated rule sets on the same data: for every value that appears in an
// output of the new rule set and is computed per entity (gemeente, provincie, ...) in both, the
// value before and after, per entity, with totals, and for each changed value the articles whose
// change caused it (articles behind the value whose text differs between the two, or that exist in
// one only). Used by `verdeel diff`.
#pragma once

#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "output/render.hpp"

namespace verdeel::diff {

struct Change {
  std::string table, key, name;  // entity: `gemeente`, `GM0193`, `Zwolle`
  std::string definition;
  std::string before, after, delta;  // delta empty when not numeric
  std::vector<std::string> causes;   // article labels
};

struct Total {
  std::string table, definition, before, after, delta;
};

struct Result {
  std::vector<Change> changes;
  std::vector<Total> totals;                   // per compared numeric definition, sums over the table
  std::vector<std::string> changedArticles;    // labels, in the new rule set's order (removed ones last)
  std::vector<std::string> changedParameters;  // `parameter X: a -> b` (a scenario or a changed rule)
  std::size_t compared = 0;                    // values compared
  std::vector<std::string> onlyOld, onlyNew;   // definitions in one rule set only
};

// nullopt when an evaluation failed (reported into the evaluations' diagnostics).
std::optional<Result> compare(eval::Evaluation& before, eval::Evaluation& after);

std::string renderText(const Result& r, const std::string& oldName, const std::string& newName);
// CSV with text cells guarded against formulas unless `cells` is Literal (output/render.hpp).
std::string renderCsv(const Result& r, output::CsvCells cells);
std::string renderMarkdown(const Result& r, const std::string& oldName, const std::string& newName);

}  // namespace verdeel::diff
