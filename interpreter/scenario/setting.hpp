// Scenarios: a parameter set to another value for one run (`--zet NAAM=WAARDE`) or to each value of a
// range for a sweep (`--zet NAAM=VAN..TOT/STAP`). The value is read by the parameter's declared type:
// a whole number as `88000` or `88_000` (a point or comma is refused there: `88.000` would be
// ambiguous), a number with a decimal point or comma (`0,75`) or as a fraction (`3/4`), a date as
// jjjj-mm-dd, `waar`/`onwaar` (or `ja`/`nee`), a text as written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/program.hpp"

namespace verdeel::scenario {

struct Setting {
  int parameter = -1;
  std::string name;           // as written
  std::string text;           // the value (or range) as written
  std::vector<Value> values;  // one value, or every value of the range in order
  bool range = false;
};

// Reads `NAAM=WAARDE` (and, with `allowRange`, `NAAM=VAN..TOT/STAP`) for the program's parameters.
// nullopt with a message in `error` (and a hint in `help`) when it cannot be used.
std::optional<Setting> parseSetting(const check::Program& p, const std::string& text, bool allowRange,
                                    std::size_t maxValues, std::string& error, std::string& help);

// `capaciteitsraming = 88000; grens = 50`: how a scenario is named in outputs and receipts.
std::string describe(const check::Program& p, const std::vector<std::pair<int, Value>>& values);

// The text of a value as a setting writes it (whole numbers plain, others exact).
std::string valueText(const Value& v);

}  // namespace verdeel::scenario
