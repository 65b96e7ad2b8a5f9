#include "parse/syntax_errors.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "lang/language.hpp"
#include "parse/tokens.hpp"

namespace verdeel::parse {

using L = grammar::VerdeelLexer;

namespace {

std::string describeToken(const antlr4::dfa::Vocabulary& vocab, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return tr("the end of the file");
    case L::IDENT: return tr("a name");
    case L::NUMBER: return tr("a number");
    case L::STRING: return tr("a text in quotes");
    case L::TEXTBLOCK: return tr("a text block");
    case L::DATE: return tr("a date (jjjj-mm-dd)");
    default: break;
  }
  std::string lit = vocab.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'') lit = lit.substr(1, lit.size() - 2);
  return fmt::format("`{}`", lit);
}

std::string keywordText(const antlr4::dfa::Vocabulary& vocab, std::size_t type) {
  std::string lit = vocab.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'') return lit.substr(1, lit.size() - 2);
  return {};
}

}  // namespace

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t,
                                      size_t, const std::string&, std::exception_ptr) {
  if (failed_) return;  // the first error per file only
  failed_ = true;
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  SourceSpan span = tokenSpan(file_, offending);
  const int type = offending ? static_cast<int>(offending->getType()) : static_cast<int>(antlr4::Token::EOF);
  if (type == L::UNTERMINATED_STRING || type == L::UNTERMINATED_TEXTBLOCK) {
    span.endLine = span.line;
    span.endCol = span.col + 1;
    auto& d = diags_.report(Code::E0102, span, tr("this text has no closing quote"));
    d.help = type == L::UNTERMINATED_STRING ? tr("end the text with `\"` on the same line, or use a text "
                                                 "block `\"\"\"...\"\"\"` for several lines")
                                            : tr("end the text block with `\"\"\"`");
    return;
  }
  if (type == L::BAD_CHAR) {
    auto& d = diags_.report(Code::E0103, span, trf("unexpected character {}", visible(offending->getText())));
    d.help = tr("comments start with `#`; texts go between double quotes");
    return;
  }
  const auto& vocab = parser->getVocabulary();
  antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  std::vector<std::size_t> types;
  for (const auto& iv : expected.getIntervals())
    for (ssize_t t = iv.a; t <= iv.b; ++t) types.push_back(static_cast<std::size_t>(t));
  // A text block is accepted wherever a text is; do not list it twice.
  if (std::find(types.begin(), types.end(), L::STRING) != types.end())
    types.erase(std::remove(types.begin(), types.end(), static_cast<std::size_t>(L::TEXTBLOCK)), types.end());
  std::string found = static_cast<long long>(type) == static_cast<long long>(antlr4::Token::EOF)
                          ? tr("the end of the file")
                          : fmt::format("`{}`", offending->getText());
  std::string message;
  std::string help;
  if (!types.empty() && types.size() <= 4) {
    std::string list;
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i > 0) list += i + 1 == types.size() ? tr(" or ") : ", ";
      list += describeToken(vocab, types[i]);
    }
    message = trf("expected {}, found {}", list, found);
  } else {
    message = found == tr("the end of the file") ? std::string(tr("the file ends in the middle of a rule"))
                                                 : trf("unexpected {}", found);
    if (!types.empty()) {
      std::string list;
      std::size_t shown = std::min<std::size_t>(types.size(), 8);
      for (std::size_t i = 0; i < shown; ++i) list += (i ? ", " : "") + describeToken(vocab, types[i]);
      if (shown < types.size()) list += ", ...";
      help = trf("here the rules allow {}", list);
    }
  }
  // "did you mean": a name close to a keyword that was expected here.
  if (type == L::IDENT) {
    std::vector<std::string> keywords;
    for (std::size_t t : types)
      if (auto k = keywordText(vocab, t); !k.empty()) keywords.push_back(k);
    std::string m = closestMatch(offending->getText(), keywords);
    if (m.empty()) {
      // ANTLR's expected set can miss keywords of an enclosing loop (a `definitie` after the
      // members of an artikel), so a near miss of any keyword is suggested too.
      std::vector<std::string> all;
      for (std::size_t t = 1; t <= vocab.getMaxTokenType(); ++t)
        if (auto k = keywordText(vocab, t); !k.empty()) all.push_back(k);
      m = closestMatch(offending->getText(), all);
    }
    if (!m.empty()) help = trf("did you mean `{}`?", m);
  } else if (offending && !keywordText(vocab, static_cast<std::size_t>(type)).empty() &&
             std::find(types.begin(), types.end(), static_cast<std::size_t>(L::IDENT)) != types.end()) {
    help =
        trf("`{}` is a keyword of the language and cannot be used as a name; choose another, for example "
            "`{}_waarde`",
            offending->getText(), offending->getText());
  }
  // `... / lijst` where `lijst` was meant as a name: the parser saw the aggregate `lijst(` and says
  // only that `(` is missing. Name the keyword instead.
  if (parser && types.size() == 1 && types.front() == static_cast<std::size_t>(L::LPAREN))
    if (auto* tokens = dynamic_cast<antlr4::TokenStream*>(parser->getInputStream()))
      if (antlr4::Token* previous = tokens->LT(-1);
          previous && !keywordText(vocab, previous->getType()).empty()) {
        span = tokenSpan(file_, previous);
        message = trf("`{}` is a keyword of the language (`{}(...)`) and cannot be a name here",
                      previous->getText(), previous->getText());
        help = trf("if you meant a value called `{}`, give it another name, for example `{}_waarde`",
                   previous->getText(), previous->getText());
      }
  // A rule other than a definitie or verdeling right after a reading of a keuze: the keuze ends its
  // article, so that rule cannot follow it.
  bool afterReading = false;
  if (auto* file =
          parser ? dynamic_cast<grammar::VerdeelParser::RuleFileContext*>(parser->getContext()) : nullptr)
    if (!file->item().empty())
      if (auto* item = dynamic_cast<grammar::VerdeelParser::ItemArtikelContext*>(file->item().back()))
        afterReading = item->artikel() && item->artikel()->choice();
  if (afterReading && (type == L::CONTROLE || type == L::BEWERING || type == L::PARAMETER ||
                       type == L::UITZONDERING || type == L::KEUZE))
    help = trf("a keuze ends its article: put this `{}` before the keuze, or in another article",
               offending->getText());
  auto& d = diags_.report(Code::E0104, span, message);
  d.help = help;
}
}  // namespace verdeel::parse
