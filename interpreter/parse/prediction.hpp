// Our SLL prediction: ANTLR's, with the closures of its start states computed once per process and
// the decisions that the next token settles answered from tables. Internal to interpreter/parse (it
// includes ANTLR).
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
//
// In SLL prediction the two decisions of the operator loop after every operand (go on, and with
// which operator) are answered from the table of parse/operator_loop.hpp, on the next token and the
// precedence, and the decisions of rules without predicates that the next token settles from
// parse/first_token.hpp, without building their DFAs: 1,499 of a 2024 run's 1,510 predictions. The
// rest go to ANTLR, as does every prediction of the full LL stage, which reports syntax errors.
// predictionDisagreement (parse.hpp) holds the result to ANTLR's own simulator in the tests.
#pragma once

#include "VerdeelParser.h"
#include "antlr4-runtime.h"

namespace verdeel::parse {

class Prediction final : public antlr4::atn::ParserATNSimulator {
 public:
  // The simulator for `recognizer`, sharing the generated parser's DFA and context cache.
  explicit Prediction(grammar::VerdeelParser& recognizer);

  // The alternative of `decision`: from the tables in SLL prediction where the next token settles it,
  // otherwise ANTLR's.
  std::size_t adaptivePredict(antlr4::TokenStream* input, std::size_t decision,
                              antlr4::ParserRuleContext* outerContext) override;

 protected:
  std::unique_ptr<antlr4::atn::ATNConfigSet> computeStartState(antlr4::atn::ATNState* p,
                                                               antlr4::RuleContext* ctx,
                                                               bool fullCtx) override;
};

// Gives `parser` a Prediction simulator (ANTLR deletes the one the parser was made with).
void installPrediction(grammar::VerdeelParser& parser);

}  // namespace verdeel::parse
