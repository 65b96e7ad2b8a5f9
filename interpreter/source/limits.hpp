// Limits: what verdeel accepts before it refuses an input with a diagnostic, so that no input, however
// large or deep, can crash it, hang it or exhaust the machine. Each has a documented default
// (docs/reliability.md) and a command-line option to change it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace verdeel {

struct Limits {
  std::size_t ruleFileBytes = std::size_t{10} << 20;  // --max-regelbestand: bytes per rule file (E0108)
  std::size_t nesting = 1000;                         // --max-diepte: nesting per rule (E0109)
  std::size_t diagnostics = 100;                      // --max-meldingen: diagnostics shown
  std::uint64_t evaluationSteps = 500'000'000;        // --max-stappen: evaluation steps (E0512)
  std::size_t tableRows = 1'000'000;                  // --max-rijen: rows per data table (E0411)
  std::size_t csvLineBytes = std::size_t{1} << 20;    // --max-regellengte: bytes per CSV line (E0412)
  std::size_t csvFieldBytes = std::size_t{64} << 10;  // --max-veldlengte: bytes per CSV field (E0413)
  std::size_t scenarios = 10'000;                     // --max-scenarios: scenarios of one sweep
  std::size_t dataFileBytes = std::size_t{1} << 30;   // --max-gegevensbestand: bytes per data file (E0416)
  std::size_t digits = 100'000;                       // --max-cijfers: digits of one number (E0513)
  std::size_t receiptBytes = std::size_t{64} << 20;   // bytes of a receipt (not an option)
};

}  // namespace verdeel
