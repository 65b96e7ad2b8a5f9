// The operator loop of a left-recursive rule (`expr`), read from the grammar's ATN once per process:
// which token continues the loop, with which alternative, at which precedence. Internal to
// interpreter/parse (it includes ANTLR).
//
// ANTLR rewrites `expr` into its prefixes followed by a loop over the operators (`a.b`, `* /`, `+ -`,
// the comparisons, `is leeg`, `en`, `of`). After every operand it makes two decisions: whether the
// loop goes on (decision "loop": alternative 1 goes on, 2 leaves) and, if so, with which operator
// (decision "operator"). Each operator alternative begins with a precedence predicate
// (`precpred(_ctx, k)`: k >= the precedence the rule was entered with) and a token of its own, so in
// SLL prediction both decisions follow from the next token alone: the loop goes on exactly when that
// token begins an operator whose k is at least the current precedence. ANTLR reaches that answer by
// building both decisions' DFAs in every process (closures over everything that can follow an
// expression); `predict` gives it from a table.
//
// A token that begins an operator and can also follow an expression outside the operator loop (in
// another rule, or between the parts of `als ... dan ... anders`) is left to ANTLR, which may look
// further ahead; with this grammar there is none. When the ATN does not have the expected shape
// (operators that share a first token, an alternative without its predicate), the table is empty and
// every prediction is ANTLR's.
#pragma once

#include <cstddef>
#include <vector>

#include "antlr4-runtime.h"

namespace verdeel::parse {

class OperatorLoop {
 public:
  // The loop of rule `ruleIndex` in `atn`; empty (predicting nothing) if it has none of the expected shape.
  OperatorLoop(const antlr4::atn::ATN& atn, std::size_t ruleIndex);

  // The alternative `decision` takes with `token` next, the rule entered at `precedence`; 0 when it is
  // not one of the two decisions of the loop or the token is left to ANTLR.
  std::size_t predict(std::size_t decision, std::size_t token, int precedence) const;

  // Whether the table holds the loop (for the tests).
  bool empty() const { return operators_.empty(); }

 private:
  struct Operator {
    std::size_t alt = 0;  // 0: the token begins no operator
    int precedence = 0;
    bool toAntlr = false;  // the token can also follow an expression outside the loop
  };
  std::size_t loopDecision_ = 0;
  std::size_t operatorDecision_ = 0;
  std::vector<Operator> operators_;  // by token type
};

}  // namespace verdeel::parse
