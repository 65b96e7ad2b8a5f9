// Unit tests of ANTLR's prediction with shared start-state closures (parse/prediction.hpp): on every
// rule and test file of the project, and on the first part of each (cut in several places, so that
// the prediction also gives up on the way), the parse trees equal those of ANTLR's own simulator.
#include <doctest/doctest.h>

#include <string>

#include "parse/parse.hpp"
#include "project_files.hpp"

using verdeel::parse::predictionDisagreement;

TEST_CASE("shared start states: every rule and test file of the project parses as with ANTLR's simulator") {
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

TEST_CASE("shared start states: an expression of every precedence, and one the SLL stage gives up on") {
  // The loop of `expr` meets each precedence level here, the second text stops in the middle.
  CHECK(predictionDisagreement(
            "artikel 1\n  definitie x: getal = als niet -a.b * 2 + 3 >= 4 en c is leeg of d\n"
            "    dan 1 anders 2\n",
            false)
            .empty());
  CHECK(predictionDisagreement("artikel 1\n  definitie x: getal = (1 +\n", false).empty());
}
