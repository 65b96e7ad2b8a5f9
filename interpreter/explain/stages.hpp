// The explanation of one entity's share under `methode restronden` (stdlib::Method::Staged), stage
// by stage as the Kieswet counts: the kiesdeler, the full units, each round of rest units (who took
// part, what this entity got and with what surplus or average, where the round stopped), the
// majority rule, and the sum. Lines in Dutch, for explain's notes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "stdlib/apportion.hpp"

namespace verdeel::explain {

// `name(j)` names entity j; `exact(q)` shows an exact number for readers.
std::vector<std::string> stagedNotes(const stdlib::ApportionInput& in, const stdlib::ApportionResult& r,
                                     std::size_t i, const std::function<std::string(std::size_t)>& name,
                                     const std::function<std::string(const mpq_class&)>& exact);

}  // namespace verdeel::explain
