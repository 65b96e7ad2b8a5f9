#include "parse/tokens.hpp"

#include <fmt/format.h>

#include <typeinfo>

#include "VerdeelLexer.h"
#include "lang/language.hpp"
#include "parse/scanner.hpp"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace verdeel::parse {

using L = grammar::VerdeelLexer;

SourceSpan tokenSpan(std::uint32_t file, const antlr4::Token* t) {
  if (t == nullptr) return {};
  auto line = static_cast<std::uint32_t>(t->getLine());
  auto col = static_cast<std::uint32_t>(t->getCharPositionInLine()) + 1;
  std::uint32_t endLine = line, endCol = col;
  bool empty = true;
  auto step = [&](bool newline) {
    empty = false;
    if (newline) {
      ++endLine;
      endCol = 1;
    } else {
      ++endCol;
    }
  };
  // The scanner's tokens index the code points of their CodePointStream: counted there, without
  // making the token's text (a token that carries its own text, such as one the parser's error
  // recovery made up, has no place in the stream and is measured by that text).
  const antlr4::CharStream* input = t->getInputStream();
  const auto* codePoints = input != nullptr && typeid(*input) == typeid(CodePointStream)
                               ? &static_cast<const CodePointStream*>(input)->codePoints()
                               : nullptr;
  const std::size_t start = t->getStartIndex(), stop = t->getStopIndex();
  if (t->getType() != antlr4::Token::EOF) {
    if (codePoints != nullptr && start <= stop && stop < codePoints->size()) {
      for (std::size_t k = start; k <= stop; ++k) step((*codePoints)[k] == U'\n');
    } else {
      const std::string text = t->getText();
      for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) step(c == '\n');
    }
  }
  if (empty) endCol = col + 1;
  return SourceSpan{file, line, col, endLine, endCol};
}

SourceSpan ctxSpan(std::uint32_t file, antlr4::ParserRuleContext* ctx) {
  SourceSpan a = tokenSpan(file, ctx->getStart());
  SourceSpan b = tokenSpan(file, ctx->getStop() ? ctx->getStop() : ctx->getStart());
  a.endLine = b.endLine;
  a.endCol = b.endCol;
  return a;
}

std::string visible(const std::string& ch) {
  const auto* b = reinterpret_cast<const unsigned char*>(ch.data());
  std::uint32_t cp = 0;
  if (ch.size() == 1)
    cp = b[0];
  else if (ch.size() == 2)
    cp = ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
  else if (ch.size() == 3)
    cp = ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
  else if (ch.size() == 4)
    cp = ((b[0] & 0x07u) << 18) | ((b[1] & 0x3Fu) << 12) | ((b[2] & 0x3Fu) << 6) | (b[3] & 0x3Fu);
  if (cp < 0x20 || cp == 0x7F) return trf("U+{:04X} (a control character)", cp);
  if (cp == 0xFEFF) return tr("U+FEFF (a byte-order mark)");
  if (cp == 0x200B || cp == 0x00A0 || cp == 0x2060) return trf("U+{:04X} (an invisible space)", cp);
  return fmt::format("`{}`", ch);
}

// Before parsing: how deep does any rule nest? Open parentheses, `als` within one rule, runs of
// prefix operators and the number of operators in one rule all become recursion in the parser, the
// checker and the evaluator, so together they are bounded (E0109) and nothing can overflow the stack.
bool nestingWithinLimit(antlr4::CommonTokenStream& tokens, std::uint32_t file, std::size_t limit,
                        Diagnostics& diags) {
  std::size_t parens = 0, als = 0, unary = 0, operators = 0;
  bool afterOperand = false;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    const auto type = t->getType();
    switch (type) {
      case L::ARTIKEL:
      case L::DEFINITIE:
      case L::PARAMETER:
      case L::UITZONDERING:
      case L::CONTROLE:
      case L::BEWERING:
      case L::VERDELING:
      case L::TABEL:
      case L::UITVOER:
      case L::ONDERDEEL:
        parens = als = unary = operators = 0;
        afterOperand = false;
        continue;
      case L::LPAREN:
        ++parens;
        afterOperand = false;
        break;
      case L::RPAREN:
        if (parens > 0) --parens;
        afterOperand = true;
        unary = 0;
        break;
      case L::ALS:
        ++als;
        afterOperand = false;
        break;
      case L::MINUS:
      case L::NIET:
        if (!afterOperand)
          ++unary;
        else
          ++operators;
        afterOperand = false;
        break;
      case L::PLUS:
      case L::STAR:
      case L::SLASH:
      case L::EN:
      case L::OF:
      case L::EQ:
      case L::NE:
      case L::LT:
      case L::LE:
      case L::GT:
      case L::GE:
      case L::DOT:
        ++operators;
        afterOperand = false;
        break;
      default: afterOperand = true; unary = 0;
    }
    if (parens + als + unary + operators > limit) {
      auto& d = diags.report(Code::E0109, tokenSpan(file, t),
                             trf("this rule nests more than {} levels deep", limit));
      d.help = tr("split it into several definitions, or raise the limit with `--max-diepte`");
      return false;
    }
  }
  return true;
}

// Every character of a name is a letter, `_`, or (after the first) a digit, in the sense of Unicode
// (ICU's general categories L and N). The lexer accepts any non-ASCII character in a name (see
// VerdeelLexer.g4); the first one that is not a letter or digit is reported here, as the lexer would
// have reported an unexpected character.
bool namesAreLetters(antlr4::CommonTokenStream& tokens, std::u32string_view codePoints, std::uint32_t file,
                     Diagnostics& diags) {
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() != L::IDENT) continue;
    const std::size_t first = t->getStartIndex(), last = t->getStopIndex();
    if (first > last || last >= codePoints.size()) continue;
    for (std::size_t k = first; k <= last; ++k) {  // the code points of the name, read where they are
      const char32_t c = codePoints[k];
      if (c < 0x80) continue;
      const std::uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
      const std::size_t column = k - first;  // code points before the character
      if ((mask & U_GC_L_MASK) != 0 || (column > 0 && (mask & U_GC_N_MASK) != 0)) continue;
      SourceSpan span = tokenSpan(file, t);
      span.col += static_cast<std::uint32_t>(column);
      span.endLine = span.line;
      span.endCol = span.col + 1;
      std::uint8_t bytes[4] = {};
      std::int32_t length = 0;
      U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
      const std::string character(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
      auto& d = diags.report(Code::E0103, span, trf("unexpected character {}", visible(character)));
      d.help = tr("comments start with `#`; texts go between double quotes");
      return false;
    }
  }
  return true;
}

}  // namespace verdeel::parse
