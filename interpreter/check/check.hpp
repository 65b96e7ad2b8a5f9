// The check stage: resolves names, types every expression, enforces "no implicit rounding",
// validates tables, exceptions and outputs, finds dependency cycles and orders the definitions.
// It takes the AST and returns a Program, or nothing when it reported errors.
#pragma once

#include <optional>

#include "ast/ast.hpp"
#include "check/program.hpp"
#include "diag/diagnostic.hpp"

namespace verdeel::check {

std::optional<Program> check(const ast::RuleSet& rules, Diagnostics& diags);

// Plain-words name of a type: `geheel getal`, `verwijzing naar provincie`.
std::string typeName(const Type& t, const std::vector<Table>& tables);

// A number as written in a rule or a test (`96_000` without the `_`, `0,75`, `12%`): its value and
// whether it is whole (no decimal mark, no `%`); nullopt after E0107 (`2.419` is ambiguous in Dutch).
struct NumberLiteral {
  mpq_class value;
  bool whole = false;
};
std::optional<NumberLiteral> numberLiteral(const std::string& written, const SourceSpan& span,
                                           Diagnostics& diags);

}  // namespace verdeel::check
