// What one evaluation reached, for the coverage report of `verdeel test` (interpreter/toets): which
// branch of every `als` was taken, and per exception whether it applied or was weighed and did not.
// Recorded only while a Coverage is attached (Evaluation::setCoverage); the cost is then one map
// update per `als` evaluated, and nothing otherwise.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "check/program.hpp"

namespace verdeel::eval {

struct Coverage {
  static constexpr std::uint8_t kThen = 1, kElse = 2;           // branches
  static constexpr std::uint8_t kApplied = 1, kNotApplied = 2;  // exceptions
  std::unordered_map<const check::CExpr*, std::uint8_t> branches;
  std::vector<std::uint8_t> exceptions;  // per exception of the program
};

}  // namespace verdeel::eval
