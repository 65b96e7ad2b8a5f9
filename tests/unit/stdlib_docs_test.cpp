// Keeps docs/stdlib.md equal to what the builtin registry generates (`verdeel stdlib-docs`), and
// checks that every builtin documents all its parts.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "stdlib/builtins.hpp"

TEST_CASE("docs/stdlib.md is generated from the registry") {
  std::ifstream in(std::filesystem::path(VERDEEL_SOURCE_DIR) / "docs/stdlib.md", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  INFO("regenerate with: build/interpreter/verdeel stdlib-docs > docs/stdlib.md");
  CHECK(s.str() == verdeel::stdlib::renderDocs());
}

TEST_CASE("every builtin has a signature, both explanations and an example") {
  REQUIRE_FALSE(verdeel::stdlib::builtins().empty());
  for (const auto& b : verdeel::stdlib::builtins()) {
    INFO(b.name);
    CHECK_FALSE(b.signature.empty());
    CHECK_FALSE(b.forLegalStaff.empty());
    CHECK_FALSE(b.forEngineers.empty());
    CHECK_FALSE(b.example.empty());
  }
}
