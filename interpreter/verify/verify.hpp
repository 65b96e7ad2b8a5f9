// Verification: reconciles computed decisions with a published table, cell by cell, with zero
// tolerance. A published table is a CSV file (RFC 4180, either dialect) with a column naming the
// entity (its key, such as the gemeente code, or its name) and columns of numbers; each number
// column is compared with a definition of the same name, or with the one it is mapped to. Every
// mismatch is a diagnostic at the published cell, with the computed derivation beside it (E0509);
// entities on one side only are reported too (E0510).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "source/limits.hpp"
#include "source/source.hpp"

namespace verdeel::verify {

struct Options {
  std::vector<std::string> published;      // CSV files
  std::string entityColumn;                // empty: `code`, else `naam`
  std::map<std::string, std::string> map;  // published column -> definition
  bool onlyPublished = false;              // do not report entities missing from the publication
};

struct Summary {
  std::size_t cells = 0, mismatches = 0, unknown = 0, missing = 0, files = 0;
  bool ok() const { return mismatches == 0 && unknown == 0 && missing == 0; }
};

// Reads the files (registered in `sources`), compares and reports into `diags`. False when a
// published file cannot be read or has no usable column (also reported).
bool reconcile(eval::Evaluation& ev, const Options& options, const Limits& limits, SourceManager& sources,
               Diagnostics& diags, Summary& summary);

}  // namespace verdeel::verify
