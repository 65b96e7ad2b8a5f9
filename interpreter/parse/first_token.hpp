// Decisions of the grammar that the next token settles, read from the grammar's ATN as they are
// first met: the SLL prediction without building a DFA. Internal to interpreter/parse (it includes
// ANTLR).
//
// For a decision (a rule's choice among alternatives, or whether an optional part or a loop goes on),
// each alternative's first tokens within its rule are known from the ATN (ANTLR's LL1Analyzer); an
// alternative that can reach the end of its rule can also go on with whatever follows the rule. So
// when the next token is among the first tokens of one alternative only, and no other alternative can
// reach the end of the rule, or when it begins no alternative and exactly one can reach the end, that
// alternative is the one ANTLR's SLL prediction chooses (or, for a token that cannot follow there
// either, the parse fails on it right after, as ANTLR's would). Any other case is left to ANTLR, which
// looks further ahead. Decisions in rules with predicates (the precedence of `expr`,
// parse/operator_loop.hpp) are never answered here: ANTLR's SLL prediction evaluates those.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "antlr4-runtime.h"

namespace verdeel::parse {

class FirstTokenDecisions {
 public:
  explicit FirstTokenDecisions(const antlr4::atn::ATN& atn);

  // The alternative `decision` takes with `token` next; 0 when it is left to ANTLR. Thread-safe.
  std::size_t predict(std::size_t decision, std::size_t token);

 private:
  // The alternative by token (index 0 for EOF), 0 where the token does not settle it.
  struct Table {
    bool read = false;
    std::vector<std::uint16_t> altByToken;
  };
  void read(std::size_t decision, Table& table) const;

  const antlr4::atn::ATN& atn_;
  std::vector<bool> withPredicates_;  // by rule
  std::mutex lock_;
  std::vector<Table> tables_;  // by decision
};

}  // namespace verdeel::parse
