// The formatter (`verdeel fmt`): the canonical layout of a rule file or test file. Statements stand
// at two spaces per level of structure (an article's members under it, a lezing's rules under the
// lezing); a line that continues a statement one level deeper than it (where the author breaks a
// line is kept); tokens one space apart, except around `( ) , . :` and a unary minus;
// the types of consecutive `kolom` lines of a table aligned; at most one blank line; comments kept on
// their lines (a comment alone on its line takes the indentation of the code after it); text blocks
// (`wettekst`, `motivering`, a test's rows) exactly as written. Formatting is idempotent and changes
// no token, so a formatted file means what it meant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace verdeel::format {

// The formatted text of a registered file (`test`: a `.toets` file); nullopt after a syntax error.
std::optional<std::string> format(std::uint32_t file, const SourceManager& sources, Diagnostics& diags,
                                  bool test);

}  // namespace verdeel::format
