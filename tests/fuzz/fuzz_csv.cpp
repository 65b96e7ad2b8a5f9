// libFuzzer target: any bytes as a data file, through the CSV reader (both dialects) and the
// rendering of its diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/csv.hpp"
#include "diag/diagnostic.hpp"
#include "source/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace verdeel;
  std::string text(reinterpret_cast<const char*>(data), size);
  if (utf8::hasBom(text)) text = text.substr(3);
  for (char sep : {'\0', ',', ';'}) {
    SourceManager sources;
    Diagnostics diags;
    const std::uint32_t id = sources.add("fuzz.csv", text);
    data::CsvText csv;
    Limits limits;
    limits.csvLineBytes = 4096;  // small limits, so that they are exercised too
    limits.csvFieldBytes = 512;
    limits.tableRows = 200;
    (void)data::readCsv(sources.text(id), id, sep, csv, diags, limits);
    (void)render(diags, sources);
  }
  return 0;
}
