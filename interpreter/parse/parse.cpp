// The parse stage's driver for one source: lexes it, checks the tokens (names, nesting), parses it
// with ANTLR (SLL first, LL only after a failure) and hands the tree to the AST builder.
#include "parse/parse.hpp"

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "parse/builder.hpp"
#include "parse/lexer.hpp"
#include "parse/syntax_errors.hpp"
#include "parse/tokens.hpp"

namespace verdeel::parse {

void parseSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                 Diagnostics& diags, ast::RuleSet& out, std::size_t maxNesting) {
  antlr4::ANTLRInputStream input(sources.text(fileId));
  KeywordLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  if (!namesAreLetters(tokens, fileId, diags)) return;
  if (!nestingWithinLimit(tokens, fileId, maxNesting, diags)) return;
  // Two stages, as ANTLR advises: the fast SLL prediction, which stops at the first error; only
  // when it fails, the full LL prediction over the same tokens, whose first error is reported.
  G parser(&tokens);
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  G::RuleFileContext* tree = nullptr;
  try {
    tree = parser.ruleFile();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  SyntaxErrorListener listener(fileId, diags);
  if (tree == nullptr) {
    tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.addErrorListener(&listener);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    tree = parser.ruleFile();
  }
  if (listener.failed()) return;  // no AST from a file with a syntax error
  Builder(fileId, baseDir, input, diags).build(tree, out);
}

}  // namespace verdeel::parse
