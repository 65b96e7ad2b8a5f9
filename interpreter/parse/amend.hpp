// Applying the parts of an amendment (`onderdeel A: vervangt artikel 2 door ...`) to a rule set:
// everything a rule set holds can be replaced, inserted or repealed (articles and the rules in them,
// parameters and single dated values, exceptions, controles and claims, tables and their sources,
// outputs). A part that names what is not there, or inserts what is, is E0215. Internal to parse/.
#pragma once

#include <string>

#include "ast/ast.hpp"
#include "diag/diagnostic.hpp"

namespace verdeel::parse {

// Applies `part` to `rs`; `where` names it in messages ("onderdeel A of `Wijziging 2026`"). The
// article a changed rule belongs to gets a line in its fingerprint, so that diff sees the change.
void applyPart(ast::AmendmentPart& part, const std::string& where, ast::RuleSet& rs, Diagnostics& diags);

// What a part changes, in the words of the language: `artikel 2 keuze`, `parameter te_verdelen`,
// `tabel gemeente`, `uitvoer "verdeling"` (two parts of one date may not change the same thing).
std::string partTarget(const ast::AmendmentPart& part);

// What a part does, in Dutch, for the timeline: `vervangt artikel 2 keuze`, `voegt een waarde toe aan
// parameter capaciteitsraming (vanaf 2026-02-27)`.
std::string partAction(const ast::AmendmentPart& part);

}  // namespace verdeel::parse
