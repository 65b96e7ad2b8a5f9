// Writing an output set safely. The output folder belongs to verdeel and is replaced as a whole: the
// complete new set is written into a sibling folder, made durable with one sync, and exchanged with
// the old folder in one step (renameat2 RENAME_EXCHANGE), so that at any moment, also after a crash
// or SIGKILL, the folder holds the old set or the new one and never files of two runs. Runs that
// write beside each other take turns (a lock on the parent folder). A folder that holds an input,
// or files verdeel did not write (no receipt), is refused, as is an output with the path of an
// input (E0601, E0602).
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

// One report file (a coverage page) written whole or not at all: into a temporary file beside it,
// synced, then renamed over `path`. Refuses a path that is a folder or an input (E0601, E0602).
bool writeFileAtomically(const std::string& path, const std::string& content,
                         const std::vector<std::string>& inputs, Diagnostics& diags);

}  // namespace verdeel::output
