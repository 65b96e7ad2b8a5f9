// The CSV reader: RFC 4180 quoting, UTF-8 with or without a byte-order mark, LF or CRLF line ends,
// and both the comma and the semicolon dialect (Dutch spreadsheet exports). It only splits text
// into fields with their positions; typing the cells is the loader's job (load.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "source/limits.hpp"

namespace verdeel::data {

struct CsvField {
  std::string text;
  std::uint32_t line = 0;
  std::uint32_t col = 0;    // code points, 1-based
  std::uint32_t width = 0;  // code points as written, quotes included
};

struct CsvRecord {
  std::uint32_t line = 0;
  std::vector<CsvField> fields;
};

// One record as the streaming reader hands it out: the fields point into the source text (or, for a
// quoted field with doubled quotes, into the reader's buffer) and are valid during the callback only.
struct CsvFieldView {
  std::string_view text;
  std::uint32_t line = 0;
  std::uint32_t col = 0;    // code points, 1-based
  std::uint32_t width = 0;  // code points as written, quotes included
};

struct CsvRecordView {
  std::uint32_t line = 0;
  std::vector<CsvFieldView> fields;
};

struct CsvText {
  char separator = ',';
  std::vector<CsvRecord> records;  // the header first; blank lines are skipped
};

// Splits `text` (registered as source `file`) record by record, without copying the fields, and calls
// `each` for every record that is not blank (the header first); `each` returns false to stop.
// `separator` 0 means: ';' when the header line has a semicolon outside quotes, else ','; the one used
// is stored in `separatorUsed`. Diagnostics and limits as readCsv below.
bool forEachCsvRecord(std::string_view text, std::uint32_t file, char separator, char& separatorUsed,
                      Diagnostics& diags, const Limits& limits,
                      const std::function<bool(const CsvRecordView&)>& each);

// Splits `text` (registered as source `file`). `separator` 0 means: ';' when the header line has a
// semicolon outside quotes, else ','. Reports E0402 (invalid UTF-8) and E0403 (unterminated quote)
// and returns false on those; the text must not start with a BOM (the caller strips it).
// Limits: a line longer than csvLineBytes is E0412, a field longer than csvFieldBytes E0413, more than
// tableRows rows E0411.
bool readCsv(std::string_view text, std::uint32_t file, char separator, CsvText& out, Diagnostics& diags,
             const Limits& limits = {});

struct CsvFile {
  std::uint32_t file = 0;  // source id (0 when the file could not be read)
  CsvText csv;
};

// Reads a whole CSV file (a byte-order mark removed) and registers it in `sources`: its source id,
// or 0 with `readError` set when it cannot be read (nothing reported: the caller knows what the file
// is for).
std::uint32_t registerCsvFile(const std::string& path, SourceManager& sources, std::string& readError,
                              std::size_t maxBytes, bool* tooLarge = nullptr);

// Reads a whole CSV file (a byte-order mark removed), registers it in `sources` and splits it. When
// the file cannot be read, returns false with `readError` set and reports nothing (the caller knows
// what the file is for); when splitting fails, returns false after reporting.
bool readCsvFile(const std::string& path, char separator, const Limits& limits, SourceManager& sources,
                 Diagnostics& diags, CsvFile& out, std::string& readError);

}  // namespace verdeel::data
