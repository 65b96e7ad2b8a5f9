// The hand-written scanner (interpreter/parse/scanner.hpp) against ANTLR's generated lexer from
// grammar/VerdeelLexer.g4, token by token (type, channel, offsets, line, column, text): on every rule
// and test file of the project, on cases at the edges of the lexer's rules (longest match, the
// earlier rule on a tie, unterminated texts, non-ASCII names and spaces), and on texts generated
// from fragments of the language (rapidcheck; CTest fixes the seed).
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parse/parse.hpp"
#include "project_files.hpp"
#include "source/source.hpp"

using verdeel::parse::lexerDisagreement;

TEST_CASE("the scanner lexes every rule and test file of the project as the grammar does") {
  const std::size_t files =
      forEachProjectRuleFile([](const std::string& path, const std::string& text, bool) {
        const std::string diff = lexerDisagreement(text);
        CHECK_MESSAGE(diff.empty(), path << ": " << diff);
      });
  CHECK(files > 300);
}

TEST_CASE("the scanner agrees with the grammar at the edges of its rules") {
  const std::vector<std::string> cases = {
      "",
      "   \n\t  ",
      "artikel 1 wet \"Titel\"",
      "d'hondt d'hondtx d'hond d",
      "sainte-lagu\xC3\xAB sainte-lague sainte-laguex sainte-lag sainte",
      "huntington-hill huntington-hil huntington",
      "<= >= <> < > = <>= =<",
      "( ) , : . + - * / ",
      "2024-01-01 2024-01-0x 2024-1-01 20240-01-01 2024-01-011",
      "12_ 1_2 1__2 1. 1.5 1,5 1,5% 1, 5 7% 0.9,1 1.000 3_ _3",
      "\"\"\"abc\"\"\"\"x\"",
      "\"ab\"\"\n",
      "\"\"\"\"\"\"",
      "\"\"\"\"\"\"\"",
      "\"\"\"a\"\"",
      "\"\"\"a\"",
      "\"\"\"\"a\"\"\"",
      "\"\"\" regel\n  \"twee\" \"\"drie\"\" \n\"\"\" verder",
      "\"open",
      "\"a\"\"b\" \"\" \"\"\"",
      "\"x\r\ny\"",
      "# commentaar\r\nals x dan y # nog een",
      "#",
      "naam_1 _x x1 \303\251\303\251n S\303\272dwest-Frysl\303\242n",
      "a\302\240b",                          // no-break space: white space
      "a\342\200\213b",                      // zero-width space: not in a name
      "a\357\273\277b",                      // byte-order mark: not in a name
      "\xE3\x80\x80x",                       // ideographic space
      "\xF0\x9F\x98\x80 x\xF0\x9F\x98\x80",  // beyond the basic plane
      "regeling REGELING Als als alsof meerderheidsregel meerderheidsregelx",
      "@ $ ! ? ; [ ] { } ~ ` ^ & | \\ '",
      "\r\r\n\n\r",
  };
  for (const auto& text : cases) {
    const std::string diff = lexerDisagreement(text);
    CHECK_MESSAGE(diff.empty(), text << ": " << diff);
  }
}

TEST_CASE("property: the scanner agrees with the grammar on generated texts") {
  CHECK(rc::check("scanner = grammar's lexer", [] {
    static const std::vector<std::string> pieces = {"\"",
                                                    "\"\"\"",
                                                    "\"\"",
                                                    "a",
                                                    "d",
                                                    "d'hondt",
                                                    "sainte-lagu\xC3\xAB",
                                                    "sainte-lague",
                                                    "hill",
                                                    "-",
                                                    "1",
                                                    "0",
                                                    "_",
                                                    ".",
                                                    ",",
                                                    "%",
                                                    "<",
                                                    ">",
                                                    "=",
                                                    " ",
                                                    "\n",
                                                    "\r",
                                                    "\t",
                                                    "#",
                                                    "\xC3\xA9",
                                                    "\xC2\xA0",
                                                    "\xE2\x80\x80",
                                                    "\xEF\xBB\xBF",
                                                    "\xF0\x9F\x98\x80",
                                                    "als",
                                                    "dan",
                                                    "2024-01-01",
                                                    "'",
                                                    "(",
                                                    ")",
                                                    ":",
                                                    "huntington-hill",
                                                    "x",
                                                    "9",
                                                    "@"};
    const auto picks =
        *rc::gen::container<std::vector<std::size_t>>(rc::gen::inRange<std::size_t>(0, pieces.size()));
    std::string text;
    for (std::size_t i : picks) text += pieces[i];
    const std::string diff = lexerDisagreement(text);
    if (!diff.empty()) RC_FAIL(diff);
  }));
}
