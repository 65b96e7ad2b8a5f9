// For unit tests that hold a stage to a reference on real input: every rule file (.regels) and test
// file (.toets) of the project (rules/, tests/golden/, stdlib/, docs/), read whole.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "source/source.hpp"

// Calls use(path, text, isTestFile) for each file, in the order of the folders; the number of files.
template <typename Use>
std::size_t forEachProjectRuleFile(Use use) {
  std::size_t files = 0;
  for (const char* folder : {"rules", "tests/golden", "stdlib", "docs"}) {
    const auto root = std::filesystem::path(VERDEEL_SOURCE_DIR) / folder;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".regels" && ext != ".toets")) continue;
      std::string error;
      const auto text = verdeel::readFile(e.path().string(), &error);
      REQUIRE_MESSAGE(text, e.path().string() << ": " << error);
      use(e.path().string(), *text, ext == ".toets");
      ++files;
    }
  }
  return files;
}
