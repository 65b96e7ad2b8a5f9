// ANTLR's prediction with the closures of its start states computed once per process. Internal to
// interpreter/parse (it includes ANTLR).
//
// ANTLR builds, in every process, a DFA per decision of the grammar; the first state of each is the
// closure of the decision's ATN state in an empty context, which for a decision inside an expression
// walks through everything that can follow an expression anywhere in the grammar. For the loop of the
// left-recursive `expr` rule ANTLR computes that same closure again for every precedence level it
// meets (7 of the 14 closures of a 2024 run), and only then filters it by the precedence. The
// simulator installed here computes each such closure once and hands out copies: in SLL prediction
// (the first stage, parse/driver.hpp) the closure depends only on the ATN state, because precedence
// predicates are collected there, not evaluated (they are evaluated by the filter that follows).
// Full-context closures, and any in a non-empty context, are computed as ANTLR does.
// predictionDisagreement (parse.hpp) holds the result to ANTLR's own simulator in the tests.
#pragma once

#include "VerdeelParser.h"
#include "antlr4-runtime.h"

namespace verdeel::parse {

class SharedStartStates final : public antlr4::atn::ParserATNSimulator {
 public:
  // The simulator for `parser`, sharing the generated parser's DFA and context cache.
  explicit SharedStartStates(grammar::VerdeelParser& parser);

 protected:
  std::unique_ptr<antlr4::atn::ATNConfigSet> computeStartState(antlr4::atn::ATNState* p,
                                                               antlr4::RuleContext* ctx,
                                                               bool fullCtx) override;
};

// Gives `parser` a SharedStartStates simulator (ANTLR deletes the one the parser was made with).
void shareStartStates(grammar::VerdeelParser& parser);

}  // namespace verdeel::parse
