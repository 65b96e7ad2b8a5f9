// predictionDisagreement (parse.hpp): our SLL prediction (parse/prediction.hpp) held to ANTLR's own
// simulator, tree by tree.
#include <fmt/format.h>

#include "parse/parse.hpp"
#include "parse/prediction.hpp"
#include "parse/scanner.hpp"

namespace verdeel::parse {

namespace {

using G = grammar::VerdeelParser;

// The parse tree of `utf8` in SLL prediction (the stage the shared closures serve), from an empty
// DFA, as ANTLR prints it; or where that stage gave up.
std::string sllTree(std::string_view utf8, bool testFile, bool ours) {
  CodePointStream input(utf8);
  Scanner scanner(input);
  antlr4::CommonTokenStream tokens(&scanner);
  G parser(&tokens);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->clearDFA();
  if (ours) installPrediction(parser);
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    antlr4::tree::ParseTree* tree = testFile ? static_cast<antlr4::tree::ParseTree*>(parser.testFile())
                                             : static_cast<antlr4::tree::ParseTree*>(parser.ruleFile());
    return tree->toStringTree(&parser);
  } catch (const antlr4::ParseCancellationException&) {
    return fmt::format("gives up at token {}", tokens.index());
  }
}

}  // namespace

std::string predictionDisagreement(std::string_view utf8, bool testFile) {
  const std::string want = sllTree(utf8, testFile, false);
  const std::string got = sllTree(utf8, testFile, true);
  if (want == got) return {};
  std::size_t at = 0;
  while (at < want.size() && at < got.size() && want[at] == got[at]) ++at;
  const std::size_t from = at < 60 ? 0 : at - 60;
  return fmt::format("the trees differ at character {}: ANTLR's simulator `{}`, ours `{}`", at,
                     want.substr(from, 120), got.substr(from, 120));
}

}  // namespace verdeel::parse
