// The lexer of the parse stage: ANTLR's generated VerdeelLexer, with the keywords typed by table.
// The grammar lexes every word as IDENT (one small rule instead of a hundred keyword rules, which
// keeps ANTLR's tables small and starting cheap); emit() gives a word that is a keyword the type of
// its rule in the KEYWORDS block of VerdeelLexer.g4, found through the vocabulary's literal names.
// The parser reads the tokens of the hand-written scanner (parse/scanner.hpp), which types keywords
// through the same table (keywordType); this lexer is the reference it is held to.
// Internal to interpreter/parse (it includes ANTLR).
#pragma once

#include <cstddef>
#include <string>

#include "VerdeelLexer.h"

namespace verdeel::parse {

class KeywordLexer : public grammar::VerdeelLexer {
 public:
  using grammar::VerdeelLexer::VerdeelLexer;
  antlr4::Token* emit() override;
};

// The token type of the word of `length` code points at `start` of `text`: the keyword's, or IDENT.
std::size_t keywordType(const std::u32string& text, std::size_t start, std::size_t length);

}  // namespace verdeel::parse
