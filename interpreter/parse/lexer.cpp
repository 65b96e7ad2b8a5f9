#include "parse/lexer.hpp"

#include "parse/keywords.hpp"

namespace verdeel::parse {

antlr4::Token* KeywordLexer::emit() {
  if (type == IDENT) type = keywordType(getText());
  return grammar::VerdeelLexer::emit();
}

}  // namespace verdeel::parse
