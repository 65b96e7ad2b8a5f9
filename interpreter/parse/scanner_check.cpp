// lexerDisagreement (parse.hpp): the scanner held to ANTLR's generated lexer, token by token.
#include <fmt/format.h>

#include "parse/lexer.hpp"
#include "parse/parse.hpp"
#include "parse/scanner.hpp"

namespace verdeel::parse {

namespace {

std::string describe(const antlr4::Token& t) {
  return fmt::format("type {} channel {} at {}..{} line {} column {} text `{}`",
                     static_cast<long>(t.getType()), t.getChannel(), t.getStartIndex(),
                     static_cast<long>(t.getStopIndex()), t.getLine(), t.getCharPositionInLine(),
                     t.getText());
}

}  // namespace

std::string lexerDisagreement(std::string_view utf8) {
  antlr4::ANTLRInputStream reference{std::string(utf8)};
  KeywordLexer lexer(&reference);
  lexer.removeErrorListeners();
  CodePointStream input(utf8);
  Scanner scanner(input);
  for (std::size_t index = 0;; ++index) {
    const std::unique_ptr<antlr4::Token> want = lexer.nextToken();
    const std::unique_ptr<antlr4::Token> got = scanner.nextToken();
    if (describe(*want) != describe(*got))
      return fmt::format("token {}: the grammar's lexer gives {}, the scanner {}", index, describe(*want),
                         describe(*got));
    if (want->getType() == antlr4::Token::EOF) return {};
  }
}

}  // namespace verdeel::parse
