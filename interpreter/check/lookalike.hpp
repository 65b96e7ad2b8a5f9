// Look-alike names (W0202, Checker::lookalikes in lookalike.cpp): the part that is useful apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace verdeel::check {

// The confusable skeleton (Unicode's UTS #39, as ICU's spoof checker computes it) of a name written
// in ASCII letters, digits, `_`, spaces and parentheses only (a keuze's readings are definitions named
// `x (lezing y)`), without ICU: of these characters only `0` (as `O`), `1` and `I` (as `l`) and `m`
// (as `rn`) have a skeleton other than themselves. nullopt for any other name.
// Opening ICU's spoof checker loads the confusables data (about a million instructions at every
// start), which a rule set of such names does not need; tests/unit/lookalike_test.cpp compares this
// with ICU for every such character and for generated names.
std::optional<std::string> plainSkeleton(std::string_view name);

}  // namespace verdeel::check
