// The data loader: reads the CSV file of every table of a checked Program, types every cell by the
// declared schema and resolves references between tables. Every bad cell is a diagnostic at
// file:line:col with a note pointing at the column declaration that needed it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "check/program.hpp"
#include "data/dataset.hpp"
#include "diag/diagnostic.hpp"
#include "source/limits.hpp"
#include "source/source.hpp"

namespace verdeel::data {

struct LoadOptions {
  std::string dataDir;  // when set, table paths are taken relative to this folder
  Limits limits = {};
  // A test's own rows for a table (`gegevens TABEL`), by table name: a file read instead of the
  // table's own (under the table's folder, like it), or rows already registered as a source.
  std::map<std::string, std::string> files = {};
  std::map<std::string, std::uint32_t> rows = {};
};

std::optional<Dataset> load(const check::Program& program, const LoadOptions& options, SourceManager& sources,
                            Diagnostics& diags);

// The file a table is read from under these options.
std::string tablePath(const check::Table& table, const LoadOptions& options);

}  // namespace verdeel::data
