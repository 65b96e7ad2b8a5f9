#include <fmt/format.h>

#include "stdlib/builtins.hpp"

namespace verdeel::stdlib {

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> registry = {
      {"afgerond(x, rekenkundig)", "afronding",
       "afgerond(getal, rekenkundig[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Rounds the way it is taught at school and written in art. 2.1 lid 3 of the Besluit: below a half "
       "down, from a half up. 2.5 becomes 3 and 2.4 becomes 2. For a negative number the half goes away "
       "from zero: -2.5 becomes -3.",
       "Round half away from zero at 10^-N, on exact rationals (GMP); no binary floating point is involved, "
       "so 0.5 is exactly one half.",
       "`afgerond(7/2, rekenkundig)` gives 4; `afgerond(2.45, rekenkundig, 1 decimalen)` gives 2.5"},
      {"afgerond(x, naar beneden)", "afronding",
       "afgerond(getal, naar beneden[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Always rounds down to the whole number (or N decimals) at or below the value: 2.9 becomes 2. "
       "For a negative number that is further from zero: -2.1 becomes -3.",
       "Floor at 10^-N (towards minus infinity).",
       "`afgerond(2.9, naar beneden)` gives 2; `afgerond(1/3, naar beneden, 2 decimalen)` gives 0.33"},
      {"afgerond(x, naar boven)", "afronding",
       "afgerond(getal, naar boven[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Always rounds up to the whole number (or N decimals) at or above the value: 2.1 becomes 3.",
       "Ceiling at 10^-N (towards plus infinity).",
       "`afgerond(2.1, naar boven)` gives 3; `afgerond(1/3, naar boven, 2 decimalen)` gives 0.34"},
      {"afgerond(x, half even)", "afronding",
       "afgerond(getal, half even[, N decimalen]) -> geheel getal (of getal bij N > 0)",
       "Like rekenkundig, except that an exact half goes to the even neighbour: 2.5 becomes 2 and 3.5 "
       "becomes 4. Over many numbers this does not drift upwards (bankers' rounding).",
       "Round half to even at 10^-N (IEEE 754 roundTiesToEven), on exact rationals.",
       "`afgerond(2.5, half even)` gives 2; `afgerond(3.5, half even)` gives 4"},
      {"som", "aggregaat",
       "som(getal over TABEL [waarvoor voorwaarde]) -> getal (geheel getal when the values are whole)",
       "Adds up a value over every row of a table, or over the rows that meet the condition after "
       "`waarvoor`. With no matching row the sum is 0.",
       "Exact sum of a rational expression evaluated per row of TABEL; the filter is evaluated first. Names "
       "inside refer to the row being summed; `deze T` is the entity the rule is per.",
       "`som(inwoners over gemeente waarvoor provincie = deze provincie)` gives the inhabitants of one "
       "province"},
      {"aantal", "aggregaat", "aantal(TABEL [waarvoor voorwaarde]) -> geheel getal",
       "Counts the rows of a table, or the rows that meet the condition after `waarvoor`.",
       "Count of rows of TABEL for which the filter is true.",
       "`aantal(gemeente waarvoor inwoners > 100000)` gives the number of large gemeenten"},
      {"minimum", "aggregaat", "minimum(getal of datum over TABEL [waarvoor voorwaarde]) -> same kind",
       "The smallest value over the rows (that meet the condition). Asking for the minimum of no rows at "
       "all is an error (E0504), never a silent zero.",
       "Minimum under exact comparison; an empty set raises E0504.",
       "`minimum(inwoners over gemeente)` gives the inhabitants of the smallest gemeente"},
      {"maximum", "aggregaat", "maximum(getal of datum over TABEL [waarvoor voorwaarde]) -> same kind",
       "The largest value over the rows (that meet the condition). The maximum of no rows is an error "
       "(E0504).",
       "Maximum under exact comparison; an empty set raises E0504.",
       "`maximum(inwoners over gemeente)` gives the inhabitants of the largest gemeente"},
  };
  return registry;
}

std::string renderDocs() {
  std::string out =
      "# Standard library\n\n"
      "<!-- Generated from stdlib/registry.cpp by `verdeel stdlib-docs`; do not edit by hand. -->\n\n"
      "Every builtin of the rules language. For each: what it does in plain words (for legal staff), "
      "what it does precisely (for engineers) and a worked example. All arithmetic is exact: numbers are "
      "fractions of whole numbers, never binary floating point, and nothing is rounded unless a rule says "
      "`afgerond` with a named mode.\n";
  std::string_view category;
  for (const Builtin& b : builtins()) {
    if (b.category != category) {
      category = b.category;
      out += fmt::format("\n## {}\n", category == "afronding" ? "Rounding (`afgerond`)" : "Aggregates");
    }
    out +=
        fmt::format("\n### `{}`\n\n`{}`\n\n**In plain words.** {}\n\n**Precisely.** {}\n\n**Example.** {}\n",
                    b.name, b.signature, b.forLegalStaff, b.forEngineers, b.example);
  }
  return out;
}

}  // namespace verdeel::stdlib
