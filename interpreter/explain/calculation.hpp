// The calculation of a definition with its numbers filled in, for readers: `656 × 218 / 3.389 =
// 42,2 → 42`. Arithmetic (+ - × /, rounding as the last step) of literals, parameters and values; an
// aggregate or a value of another entity inside it is shown by its value (the tree explains where it
// comes from). `als c dan a anders b` shows the condition with its numbers (`74.317 < 25.000:
// onwaar, dus `anders`: ...`) and then the branch taken. A bare value or a bare aggregate gives no
// line: the tree shows it.
#pragma once

#include <optional>
#include <string>

#include "eval/evaluation.hpp"

namespace verdeel::explain {

// nullopt when the body is not such arithmetic (or a value in it failed).
std::optional<std::string> filledIn(eval::Evaluation& ev, const check::CExpr& body, int subjectTable,
                                    int row);

}  // namespace verdeel::explain
