// The driver of the parse stage, shared by rule files, test files and the layout of the formatter.
// Internal to interpreter/parse (it includes ANTLR).
#pragma once

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "parse/prediction.hpp"
#include "parse/scanner.hpp"
#include "parse/syntax_errors.hpp"
#include "parse/tokens.hpp"
#include "source/source.hpp"

namespace verdeel::parse {

using G = grammar::VerdeelParser;

// Lexes and parses one source with the entry rule `entry` (ruleFile or testFile); the tree, or
// nullptr after a reported error. Two stages, as ANTLR advises: the fast SLL prediction, which stops
// at the first error; only when it fails, the full LL prediction over the same tokens, whose first
// error is reported.
template <typename Tree, typename Entry>
Tree* parseTree(antlr4::CommonTokenStream& tokens, const CodePointStream& input, G& parser,
                std::uint32_t fileId, Diagnostics& diags, std::size_t maxNesting, Entry entry) {
  tokens.fill();
  if (!namesAreLetters(tokens, input.codePoints(), fileId, diags)) return nullptr;
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

// Lexes (with the hand-written scanner) and parses the registered source `fileId` with the entry rule
// `entry` (ANTLR's prediction sharing its start-state closures, parse/prediction.hpp), and hands the
// tree, the input and the tokens to `use` (nothing after a reported error).
template <typename Tree, typename Entry, typename Use>
void withTree(std::uint32_t fileId, const SourceManager& sources, Diagnostics& diags, std::size_t maxNesting,
              Entry entry, Use use) {
  CodePointStream input(sources.text(fileId));
  Scanner scanner(input);
  ScannedTokens tokens(scanner);
  G parser(&tokens);
  installPrediction(parser);
  if (Tree* tree = parseTree<Tree>(tokens, input, parser, fileId, diags, maxNesting, entry))
    use(tree, input, tokens);
}

}  // namespace verdeel::parse
