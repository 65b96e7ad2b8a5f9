// Keys of one table that differ only in upper and lower case (`gm0147` beside `GM0147`): both are
// accepted as different keys, but a reader takes them for one, and a reference typed in the other
// case finds the wrong row or none. A warning (W0401) at each such key, pointing at the first.
#pragma once

#include <cstdint>
#include <vector>

#include "check/program.hpp"
#include "data/dataset.hpp"
#include "diag/diagnostic.hpp"

namespace verdeel::data {

// `columns[r]`: the column (in code points) of row r's key cell in the file, for the diagnostic.
void warnKeysDifferingInCase(const check::Table& table, const TableData& td,
                             const std::vector<std::uint32_t>& columns, Diagnostics& diags);

}  // namespace verdeel::data
