// Which aggregate filters are key lookups (see lookup.cpp and KeyLookup in program.hpp).
#pragma once

#include <optional>

#include "check/program.hpp"

namespace verdeel::check {

// The key lookup of an aggregate's filter, or nullopt when it must visit every row.
std::optional<KeyLookup> keyLookup(const Aggregate& a);

}  // namespace verdeel::check
