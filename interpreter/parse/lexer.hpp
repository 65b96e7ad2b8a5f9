// The reference lexer: ANTLR's generated VerdeelLexer, with the keywords typed by table. The grammar
// lexes every word as IDENT (one small rule instead of a hundred keyword rules, which keeps ANTLR's
// tables small); emit() gives a word that is a keyword the type of its rule in the KEYWORDS block of
// VerdeelLexer.g4 (parse/keywords.hpp). The parser reads the tokens of the hand-written scanner
// (parse/scanner.hpp); this lexer is what the scanner is held to (lexerDisagreement, parse.hpp), and
// only the tests and the fuzzer link it.
// Internal to interpreter/parse (it includes ANTLR).
#pragma once

#include "VerdeelLexer.h"

namespace verdeel::parse {

class KeywordLexer : public grammar::VerdeelLexer {
 public:
  using grammar::VerdeelLexer::VerdeelLexer;
  antlr4::Token* emit() override;
};

}  // namespace verdeel::parse
