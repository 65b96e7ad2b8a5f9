// The parse stage's driver for one source: lexes it, checks the tokens (names, nesting), parses it
// with ANTLR (SLL first, LL only after a failure) and hands the tree to the AST builder; the same
// for a test file (`.toets`) and its builder (parse/toets.cpp).
#include "parse/parse.hpp"

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "parse/builder.hpp"
#include "parse/lexer.hpp"
#include "parse/syntax_errors.hpp"
#include "parse/tokens.hpp"

namespace verdeel::parse {

namespace {

// Lexes and parses one source with the entry rule `entry` (ruleFile or testFile); the tree, or
// nullptr after a reported error. Two stages, as ANTLR advises: the fast SLL prediction, which stops
// at the first error; only when it fails, the full LL prediction over the same tokens, whose first
// error is reported.
template <typename Tree, typename Entry>
Tree* parseTree(antlr4::CommonTokenStream& tokens, G& parser, std::uint32_t fileId, Diagnostics& diags,
                std::size_t maxNesting, Entry entry) {
  tokens.fill();
  if (!namesAreLetters(tokens, fileId, diags)) return nullptr;
  if (!nestingWithinLimit(tokens, fileId, maxNesting, diags)) return nullptr;
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  Tree* tree = nullptr;
  try {
    tree = entry(parser);
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  if (tree != nullptr) return tree;
  SyntaxErrorListener listener(fileId, diags);
  tokens.seek(0);
  parser.reset();
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parser.addErrorListener(&listener);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  tree = entry(parser);
  parser.removeErrorListeners();
  return listener.failed() ? nullptr : tree;  // no AST from a file with a syntax error
}

}  // namespace

void parseSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                 Diagnostics& diags, ast::RuleSet& out, std::size_t maxNesting) {
  antlr4::ANTLRInputStream input(sources.text(fileId));
  KeywordLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  G parser(&tokens);
  auto* tree = parseTree<G::RuleFileContext>(tokens, parser, fileId, diags, maxNesting,
                                             [](G& p) { return p.ruleFile(); });
  if (tree != nullptr) Builder(fileId, baseDir, input, diags).build(tree, out);
}

void parseTestSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                     Diagnostics& diags, ast::TestFile& out, std::size_t maxNesting) {
  antlr4::ANTLRInputStream input(sources.text(fileId));
  KeywordLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  G parser(&tokens);
  auto* tree = parseTree<G::TestFileContext>(tokens, parser, fileId, diags, maxNesting,
                                             [](G& p) { return p.testFile(); });
  if (tree != nullptr) buildTests(tree, fileId, baseDir, diags, out);
}

}  // namespace verdeel::parse
