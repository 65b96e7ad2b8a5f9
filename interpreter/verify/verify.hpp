// Verification: reconciles computed decisions with a published table, cell by cell, with zero
// tolerance. A published table is a CSV file (RFC 4180, either dialect) with a column naming the
// entity (its key, such as the gemeente code, or its name) and columns of numbers; each number
// column is compared with a definition of the same name, or with the one it is mapped to. Every
// mismatch is a diagnostic at the published cell, with the computed derivation beside it (E0509);
// entities on one side only are reported too (E0510). A blank published cell is "not published"
// (counted apart, never a difference); rows marked with `apart` (third-party figures) are compared
// but their differences are listed apart, not counted; when all published entities lie in one
// group (one province), only the entities of that group can be missing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "source/limits.hpp"
#include "source/source.hpp"
#include "verify/published.hpp"

namespace verdeel::verify {

struct Options {
  std::vector<std::string> published;      // CSV files
  std::string entityColumn;                // empty: `code`, else `naam`
  std::map<std::string, std::string> map;  // published column -> definition
  bool onlyPublished = false;              // do not report entities missing from the publication
  Notation notation = Notation::ByFile;
  // `--apart KOLOM=WAARDE`: rows whose published column KOLOM holds WAARDE (figures of third
  // parties) are compared, but a difference there is listed apart, not counted as one.
  std::vector<std::pair<std::string, std::string>> apart;
};

struct Summary {
  std::size_t cells = 0, mismatches = 0, unknown = 0, missing = 0, files = 0;
  std::size_t notPublished = 0;               // blank published cells
  std::size_t apartCells = 0;                 // cells of rows marked apart, compared
  std::vector<std::string> apartDifferences;  // "GM0014 indicatief_totaal: gepubliceerd 10, berekend 9"
  std::string within;  // the groups the missing entities were sought in ("provincie Overijssel"), if any
  bool ok() const { return mismatches == 0 && unknown == 0 && missing == 0; }
};

// Reads the files (registered in `sources`), compares and reports into `diags`. False when a
// published file cannot be read or has no usable column (also reported).
bool reconcile(eval::Evaluation& ev, const Options& options, const Limits& limits, SourceManager& sources,
               Diagnostics& diags, Summary& summary);

}  // namespace verdeel::verify
