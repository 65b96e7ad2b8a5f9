// Transplants: one article or one table of one version of the rules put into another version, for
// diff's one-at-a-time comparison ("what does this change do on its own?"). Both rule sets are
// versions already chosen (parseRuleSet). An article is matched by its number, a table by its name;
// the article or table is moved out of `from` (which is spent afterwards for that article or table).
#pragma once

#include <string>

#include "ast/ast.hpp"

namespace verdeel::parse {

// Makes article `number` of `into` what it is in `from`: replaced, inserted (it is new) or repealed
// (it is gone or repealed in `from`). False when neither has it.
bool transplantArticle(ast::RuleSet& into, ast::RuleSet& from, const std::string& number);

// The same for table `name`: its declaration with the file in force in `from`.
bool transplantTable(ast::RuleSet& into, ast::RuleSet& from, const std::string& name);

}  // namespace verdeel::parse
