// Charts for decision documents, as SVG made by the program (no library, no script): per entity a
// group of horizontal bars, one per series (for a verdeelbesluit: indicatief, aangeboden, restopgave,
// besluit), on one scale, with the numbers beside the bars in Dutch notation and a legend. Text in
// the SVG is escaped; the same input gives the same bytes.
#pragma once

#include <string>
#include <vector>

#include <gmpxx.h>

namespace verdeel::output {

struct ChartSeries {
  std::string name;               // `indicatief_totaal`
  std::vector<mpq_class> values;  // one per entity
};

// `labels`: one per entity. Empty when there is nothing to draw.
std::string barChart(const std::string& title, const std::vector<std::string>& labels,
                     const std::vector<ChartSeries>& series);

}  // namespace verdeel::output
