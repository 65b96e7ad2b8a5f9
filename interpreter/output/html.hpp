// Decision documents (`--format html`): each decision table as an HTML document made from a Mustache
// template (kainjow::mustache). A rule set can hold its own templates, which legal staff edit
// (`sjablonen/<uitvoer>.html`, see docs/cli.md for the names it can use); a table without one gets
// the built-in document: title, regulation and version, the table with a totals row, the provenance.
// Every number is in Dutch notation (1.234; 63,08), dates in words (20 december 2024); whenever a
// number rests on reconstructed or fictitious data every page carries a banner (CONCEPT / FICTIEF
// GEGEVEN) and the rows say which. Pure: the same tables and template give the same bytes.
#pragma once

#include <optional>
#include <string>

#include "output/tables.hpp"

namespace verdeel::output {

// The built-in template (also a starting point for a rule set's own).
const std::string& defaultTemplate();

// The document for `t`; `templ` is the template's text (empty: the built-in one). nullopt with the
// reason in `error` when the template is not valid Mustache.
std::optional<std::string> renderHtml(const DecisionTable& t, const Decisions& d, const std::string& templ,
                                      std::string& error);

// A value for readers: numbers in Dutch notation, dates in words, `ja`/`nee`.
std::string dutchText(const Value& v);
std::string dutchDate(const Date& d);

}  // namespace verdeel::output
