// The calculation of a definition with its numbers filled in, for readers: `656 × 218 / 3.389 =
// 42,2 → 42`. Only for arithmetic a reader can follow on one line: literals, parameters, values
// computed once, columns and values of the entity itself, + - × /, and rounding. Anything else (a
// condition, an aggregate, a value of another entity) gives no line: the tree explains it step by step.
#pragma once

#include <optional>
#include <string>

#include "eval/evaluation.hpp"

namespace verdeel::explain {

// nullopt when the body is not such arithmetic (or a value in it failed).
std::optional<std::string> filledIn(eval::Evaluation& ev, const check::CExpr& body, int row);

}  // namespace verdeel::explain
