// The parse stage: reads rule files (`.regels`) into the typed AST. ANTLR is used here and only
// here; its messages are reworded into registry diagnostics ("expected `dan`, found `als`").
// A rule set is one file or a folder of files read in name order. Only the first syntax error of
// each file is reported: what follows it would mostly be noise for the reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "ast/toets.hpp"
#include "diag/diagnostic.hpp"
#include "source/limits.hpp"
#include "source/source.hpp"

namespace verdeel::parse {

// Reads and parses the rule set at `path` (a `.regels` file or a folder holding them), with the
// rule sets it builds on (`bouwt voort op`), without choosing a version: every amendment, dated value
// and dated file is still there (for the timeline, parse/timeline.hpp).
ast::RuleSet readRuleSet(const std::string& path, SourceManager& sources, Diagnostics& diags,
                         const Limits& limits = {});
// Reads and parses a rule set, then chooses the version in force on `peildatum` (default: the
// regulation's own `geldig vanaf`): amendments in force applied, dated parameter values and dated
// files of tables chosen.
ast::RuleSet parseRuleSet(const std::string& path, SourceManager& sources, Diagnostics& diags,
                          std::optional<Date> peildatum = std::nullopt, const Limits& limits = {});
// Registers the text of a rule file (a byte-order mark removed) and checks its encoding (E0101);
// returns the source id, or 0 when the text cannot be used. Used by parseRuleSet and the fuzzers.
std::uint32_t registerRuleText(const std::string& name, std::string text, SourceManager& sources,
                               Diagnostics& diags);
// The version step on its own (version.cpp).
void chooseVersion(ast::RuleSet& rs, std::optional<Date> peildatum, Diagnostics& diags);

// Turns a `keuze` just read into a text parameter and selecting definitions (choices.cpp).
void expandChoice(ast::Fragment& f, const ast::ChoiceDecl& c, Diagnostics& diags);

// Parses one registered source into `out`; `baseDir` is the folder data paths are relative to.
void parseSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                 Diagnostics& diags, ast::RuleSet& out, std::size_t maxNesting = Limits{}.nesting);

// Parses one registered test file (`.toets`) into `out`; `baseDir` is the folder its paths are
// relative to (the test file's own).
void parseTestSource(std::uint32_t fileId, const std::string& baseDir, const SourceManager& sources,
                     Diagnostics& diags, ast::TestFile& out, std::size_t maxNesting = Limits{}.nesting);

// Every keyword of the language (from the grammar's vocabulary), for completion in an editor.
std::vector<std::string> keywords();

// The first difference between the tokens of the hand-written scanner (parse/scanner.hpp) and those
// of ANTLR's generated lexer for `utf8`, as a line naming both tokens; empty when they agree. For
// the unit tests and the rules fuzzer, which hold the scanner to the grammar.
std::string lexerDisagreement(std::string_view utf8);

// The first difference between the parse trees of `utf8` (a rule file, or a test file when
// `testFile`) in SLL prediction with ANTLR's own simulator and with ours (parse/prediction.hpp: the
// start-state closures shared in the process, the decisions of one token from tables), each from an
// empty DFA; empty when they agree (also when
// both give up at the same token). For the unit tests. Clears the parser's DFA: not for use while
// another thread parses.
std::string predictionDisagreement(std::string_view utf8, bool testFile);

}  // namespace verdeel::parse
