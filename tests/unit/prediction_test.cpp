// Unit tests of ANTLR's prediction with shared start-state closures (parse/prediction.hpp): on every
// rule and test file of the project, and on the first part of each (cut in several places, so that
// the prediction also gives up on the way), the parse trees equal those of ANTLR's own simulator.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "parse/parse.hpp"
#include "source/source.hpp"

using verdeel::parse::predictionDisagreement;

TEST_CASE("shared start states: every rule and test file of the project parses as with ANTLR's simulator") {
  std::size_t files = 0, cuts = 0;
  for (const char* folder : {"rules", "tests/golden", "stdlib", "docs"}) {
    const auto root = std::filesystem::path(VERDEEL_SOURCE_DIR) / folder;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".regels" && ext != ".toets")) continue;
      std::string error;
      const auto text = verdeel::readFile(e.path().string(), &error);
      REQUIRE_MESSAGE(text, e.path().string() << ": " << error);
      const bool testFile = ext == ".toets";
      const std::string diff = predictionDisagreement(*text, testFile);
      CHECK_MESSAGE(diff.empty(), e.path().string() << ": " << diff);
      ++files;
      // The first part, cut at a third and at two thirds: mostly where the SLL stage gives up.
      for (std::size_t part = 1; part <= 2; ++part) {
        const std::string cut = text->substr(0, text->size() * part / 3);
        const std::string cutDiff = predictionDisagreement(cut, testFile);
        CHECK_MESSAGE(cutDiff.empty(), e.path().string() << " cut at " << cut.size() << ": " << cutDiff);
        ++cuts;
      }
    }
  }
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
