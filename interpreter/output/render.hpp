// Renders decision tables as CSV (RFC 4180, comma, LF), JSON (exact: whole numbers as JSON
// integers when they fit in 64 bits, other numbers as exact text) and Markdown. Pure functions:
// the same tables give the same bytes.
#pragma once

#include <string>

#include "output/tables.hpp"

namespace verdeel::output {

enum class Format { Csv, Json, Markdown };

// How text reaches a CSV cell. Guarded (the default): a cell that a spreadsheet would read as a
// formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number such
// as `-12`, `-0.5` or `+3/4`) gets a `'` in front, as OWASP recommends against CSV injection.
// Literal: every cell exactly as it is, for programs that read the CSV (`--csv-letterlijk`).
enum class CsvCells { Guarded, Literal };

// Whether a guarded cell gets the `'`.
bool looksLikeFormula(std::string_view s);
// One CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
std::string csvField(std::string_view s, CsvCells cells);
// Appends one CSV field to `out`, quoted where needed.
void appendCsvField(std::string& out, std::string_view s, CsvCells cells);
std::string renderCsv(const DecisionTable& t, CsvCells cells);
std::string renderJson(const DecisionTable& t, const Decisions& d);
// Markdown with every cell's text escaped: `|`, `[`, `]` and a backtick with a backslash, `<` and
// `&` as entities (no tag can start without `<`), so that a name in the data is shown as text and
// never read as HTML, a link or code.
std::string renderMarkdown(const DecisionTable& t, const Decisions& d);
// One cell's text for a Markdown table, escaped as above; line breaks become spaces.
std::string markdownCell(std::string_view s);
const char* extension(Format f);
std::string render(Format f, const DecisionTable& t, const Decisions& d, CsvCells cells);

}  // namespace verdeel::output
