// Writing outputs safely: every file is first written in full to a temporary file in the output
// folder, and only when all of them are complete are they renamed into place (rename is atomic on
// one file system). A failed run leaves no half-written file and no earlier good output replaced
// by a partial one. No output may have the path of an input file (E0601).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"

namespace verdeel::output {

struct OutputFile {
  std::string name;  // file name inside the output folder
  std::string content;
};

// Returns false after reporting E0601 or E0602.
bool writeAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                     const std::vector<std::string>& inputs, Diagnostics& diags);

}  // namespace verdeel::output
