// The parse stage's driver for one source: lexes it, checks the tokens (names, nesting), parses it
// with ANTLR (SLL first, LL only after a failure) and hands the tree to the AST builder; the same
// for a test file (`.toets`) and its builder (parse/toets.cpp).
#include "parse/parse.hpp"

#include "VerdeelLexer.h"
#include "VerdeelParser.h"
#include "antlr4-runtime.h"
#include "parse/builder.hpp"
#include "parse/driver.hpp"
#include "parse/syntax_errors.hpp"
#include "parse/tokens.hpp"

namespace verdeel::parse {

void parseSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                 Diagnostics& diags, ast::RuleSet& out, std::size_t maxNesting) {
  withTree<G::RuleFileContext>(
      fileId, sources, diags, maxNesting, [](G& p) { return p.ruleFile(); },
      [&](G::RuleFileContext* tree, antlr4::CharStream& input, antlr4::CommonTokenStream&) {
        Builder(fileId, baseDir, input, diags).build(tree, out);
      });
}

void parseTestSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                     Diagnostics& diags, ast::TestFile& out, std::size_t maxNesting) {
  withTree<G::TestFileContext>(
      fileId, sources, diags, maxNesting, [](G& p) { return p.testFile(); },
      [&](G::TestFileContext* tree, antlr4::CharStream&, antlr4::CommonTokenStream&) {
        buildTests(tree, fileId, baseDir, diags, out);
      });
}

}  // namespace verdeel::parse
