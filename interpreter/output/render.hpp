// Renders decision tables as CSV (RFC 4180, comma, LF), JSON (exact: whole numbers as JSON
// integers when they fit in 64 bits, other numbers as exact text) and Markdown. Pure functions:
// the same tables give the same bytes.
#pragma once

#include <string>

#include "output/tables.hpp"

namespace verdeel::output {

enum class Format { Csv, Json, Markdown };

// One CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
std::string csvField(const std::string& s);
// Appends one CSV field to `out`, quoted where needed.
void appendCsvField(std::string& out, std::string_view s);
std::string renderCsv(const DecisionTable& t);
std::string renderJson(const DecisionTable& t, const Decisions& d);
std::string renderMarkdown(const DecisionTable& t, const Decisions& d);
const char* extension(Format f);
std::string render(Format f, const DecisionTable& t, const Decisions& d);

}  // namespace verdeel::output
