// Receipts: what a run read and wrote, so that anyone can check later that a published decision
// came from these rules and this data. A receipt (JSON, `ontvangstbewijs.json`) holds the program
// version, the command (rule set, data folder, formats), the regulation and the version used, the
// SHA-256 of every rule and data file read and of every output. No time stamps: the same run gives
// the same receipt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "diag/diagnostic.hpp"
#include "output/write.hpp"

namespace verdeel::output {

struct FileHash {
  std::string file;
  std::string sha256;
};

struct Receipt {
  std::string program, version;
  std::string rules, dataDir;
  std::vector<std::string> formats;
  std::vector<std::string> scenario;  // `--zet` settings as given (NAAM=WAARDE, or a range for a sweep)
  std::string command = "run";        // `run`, `sweep` or `keuzes`
  std::vector<std::string> columns;   // a sweep's `--kolommen`
  std::vector<std::string> readings;  // `verdeel keuzes`: its `--lezingen`
  bool csvLiteral = false;            // `--csv-letterlijk`: CSV cells not guarded against formulas
  std::string title, citation, validFrom, validUntil;
  std::string peildatum;  // the date the version was chosen for
  std::string versie;     // the version used
  std::vector<FileHash> inputs, outputs;
};

inline constexpr const char* kReceiptFile = "ontvangstbewijs.json";

std::string renderReceipt(const Receipt& r);
// The receipt in `text` (registered as source `file`); nullopt after reporting E0415 at the place
// where it is not a receipt (invalid JSON, a missing field, a date that is none).
std::optional<Receipt> parseReceipt(const std::string& text, std::uint32_t file, Diagnostics& diags);
// Fills the regulation fields from a checked program.
void describe(Receipt& r, const check::Program& p);

}  // namespace verdeel::output
