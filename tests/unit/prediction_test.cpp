// Unit tests of our SLL prediction (parse/prediction.hpp: shared start-state closures, the operator
// loop and the decisions settled by one token): on every rule and test file of the project, on the
// first part of each (cut in several places, so that the prediction also gives up on the way), and on
// generated expressions and token sequences, the parse trees equal those of ANTLR's own simulator.
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <functional>
#include <string>
#include <vector>

#include "parse/parse.hpp"
#include "project_files.hpp"

using verdeel::parse::predictionDisagreement;

TEST_CASE("prediction: every rule and test file of the project parses as with ANTLR's simulator") {
  std::size_t cuts = 0;
  const std::size_t files =
      forEachProjectRuleFile([&cuts](const std::string& path, const std::string& text, bool testFile) {
        const std::string diff = predictionDisagreement(text, testFile);
        CHECK_MESSAGE(diff.empty(), path << ": " << diff);
        // The first part, cut at a third and at two thirds: mostly where the SLL stage gives up.
        for (std::size_t part = 1; part <= 2; ++part) {
          const std::string cut = text.substr(0, text.size() * part / 3);
          const std::string cutDiff = predictionDisagreement(cut, testFile);
          CHECK_MESSAGE(cutDiff.empty(), path << " cut at " << cut.size() << ": " << cutDiff);
          ++cuts;
        }
      });
  CHECK(files > 300);
  CHECK(cuts == 2 * files);
}

TEST_CASE("prediction: an expression of every precedence, and one the SLL stage gives up on") {
  // The loop of `expr` meets each precedence level here, the second text stops in the middle.
  CHECK(predictionDisagreement(
            "artikel 1\n  definitie x: getal = als niet -a.b * 2 + 3 >= 4 en c is leeg of d\n"
            "    dan 1 anders 2\n",
            false)
            .empty());
  CHECK(predictionDisagreement("artikel 1\n  definitie x: getal = (1 +\n", false).empty());
}

namespace {

// An expression of the language, generated to `depth`: every operator, prefix and primary of `expr`.
std::string expression(int depth) {
  static const std::vector<std::string> operands = {"a",
                                                    "1",
                                                    "2.5",
                                                    "b.c",
                                                    "deze gemeente",
                                                    "\"tekst\"",
                                                    "waar",
                                                    "laatste_eenheid(v)",
                                                    "som(x over t)",
                                                    "aantal(t waarvoor y = deze t)",
                                                    "2024-01-01",
                                                    "afgerond(a, rekenkundig)",
                                                    "maximum(x over t waarvoor x > 1)"};
  static const std::vector<std::string> infix = {"*", "/",  "+", "-",  "=",  "<>",
                                                 "<", "<=", ">", ">=", "en", "of"};
  const int shape = depth <= 0 ? 0 : *rc::gen::inRange(0, 9);
  switch (shape) {
    case 0: return operands[*rc::gen::inRange<std::size_t>(0, operands.size())];
    case 1:
    case 2:
      return expression(depth - 1) + " " + infix[*rc::gen::inRange<std::size_t>(0, infix.size())] + " " +
             expression(depth - 1);
    case 3: return "niet " + expression(depth - 1);
    case 4: return "-" + expression(depth - 1);
    case 5: return "(" + expression(depth - 1) + ")";
    case 6: return expression(depth - 1) + (*rc::gen::arbitrary<bool>() ? " is leeg" : " is niet leeg");
    case 7: return expression(depth - 1) + ".veld";
    default:
      return "als " + expression(depth - 1) + " dan " + expression(depth - 1) + " anders " +
             expression(depth - 1);
  }
}

}  // namespace

TEST_CASE("property: generated expressions parse as with ANTLR's simulator") {
  CHECK(rc::check("SLL prediction = ANTLR's on expressions", [] {
    const int depth = *rc::gen::inRange(0, 5);
    const std::string text = "artikel 1\n  definitie x per t: getal = " + expression(depth) +
                             "\n  definitie y: getal = " + expression(depth) + "\n";
    const std::string diff = predictionDisagreement(text, false);
    if (!diff.empty()) RC_FAIL(text + "\n" + diff);
  }));
}

TEST_CASE("property: generated token sequences parse (or are given up on) as with ANTLR's simulator") {
  // Mostly not valid: the prediction must then give up at the same token as ANTLR's.
  CHECK(rc::check("SLL prediction = ANTLR's on token sequences", [] {
    static const std::vector<std::string> pieces = {"a",
                                                    "1",
                                                    ".",
                                                    "veld",
                                                    "*",
                                                    "/",
                                                    "+",
                                                    "-",
                                                    "=",
                                                    "<>",
                                                    "<",
                                                    ">=",
                                                    "is",
                                                    "niet",
                                                    "leeg",
                                                    "en",
                                                    "of",
                                                    "als",
                                                    "dan",
                                                    "anders",
                                                    "(",
                                                    ")",
                                                    ",",
                                                    "som(",
                                                    "over",
                                                    "t",
                                                    "waarvoor",
                                                    "deze",
                                                    "x(v)",
                                                    "\n  definitie z: getal =",
                                                    "\n  controle \"c\": ",
                                                    "\nartikel 2\n",
                                                    "afgerond(",
                                                    "rekenkundig",
                                                    "naar",
                                                    "boven",
                                                    "decimalen",
                                                    "waar",
                                                    "\"s\"",
                                                    "per",
                                                    ":",
                                                    "oplopend"};
    const auto picks =
        *rc::gen::container<std::vector<std::size_t>>(rc::gen::inRange<std::size_t>(0, pieces.size()));
    std::string text = "artikel 1\n  definitie x: getal =";
    for (std::size_t i : picks) text += " " + pieces[i];
    text += "\n";
    const std::string diff = predictionDisagreement(text, false);
    if (!diff.empty()) RC_FAIL(text + "\n" + diff);
  }));
}
