// `kolom naam: tekst gelijk aan code.naam`: each cell of such a column must equal the named column of
// the row its reference column names (a name written beside a code must be that code's name). A cell
// that differs is E0419 at the cell, with the declaration as a note and, when another row of the
// target table has that value, its key as help. Blank cells and unresolved references are skipped
// (the latter are E0409 already).
#pragma once

#include <cstdint>
#include <vector>

#include "check/program.hpp"
#include "data/dataset.hpp"
#include "diag/diagnostic.hpp"

namespace verdeel::data {

// `columns[ci][r]`: the column (in code points) of row r's cell of column ci in the file, kept for
// the reference and match columns.
void checkColumnMatches(const check::Program& program, std::size_t table, const Dataset& ds,
                        const std::vector<std::vector<std::uint32_t>>& columns, Diagnostics& diags);

}  // namespace verdeel::data
