// Decision tables as one spreadsheet workbook (`--format xlsx`, libxlsxwriter): one sheet per output
// table, a header block (regulation, citation, version, peildatum, least certain herkomst of the
// sheet), the column names in a frozen, filterable row, numbers as numbers (whole places as whole
// numbers, with a thousands separator), `waar`/`onwaar` as text, a totals row with SUM formulas whose
// values are filled in, and column widths that fit the text. The same tables give the same bytes.
#pragma once

#include <optional>
#include <string>

#include "output/tables.hpp"

namespace verdeel::output {

// The file name of the workbook in the output folder.
inline constexpr const char* kWorkbookName = "besluiten.xlsx";

// The workbook's bytes; nullopt with a reason in `error` when libxlsxwriter failed.
std::optional<std::string> renderWorkbook(const Decisions& d, std::string& error);

}  // namespace verdeel::output
