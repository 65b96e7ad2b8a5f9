// The builtin registry: every builtin of the language (rounding modes, aggregates) with its
// signature, a plain-words explanation for legal staff, a precise one for engineers and a worked
// example. The checker's rules for these constructs follow the signatures given here;
// docs/stdlib.md is generated from this registry (`verdeel stdlib-docs`), and a test keeps the
// committed file equal to the generated one.
#pragma once

#include <gmpxx.h>

#include <string>
#include <string_view>
#include <vector>

namespace verdeel::stdlib {

struct Builtin {
  std::string_view name;      // as written in a rule: `afgerond(x, rekenkundig)`
  std::string_view category;  // "afronding", "aggregaat"
  std::string_view signature;
  std::string_view forLegalStaff;
  std::string_view forEngineers;
  std::string_view example;  // a rule fragment and its outcome
};

const std::vector<Builtin>& builtins();

enum class Rounding { HalfUp, Down, Up, HalfEven };

// Rounds `value` to `decimals` places (0 = a whole number), exactly.
// HalfUp (`rekenkundig`): halves away from zero (2.5 -> 3, -2.5 -> -3); Down: towards minus
// infinity; Up: towards plus infinity; HalfEven: halves to the even neighbour (2.5 -> 2, 3.5 -> 4).
mpq_class round(const mpq_class& value, Rounding mode, int decimals);

// docs/stdlib.md, generated from the registry.
std::string renderDocs();

}  // namespace verdeel::stdlib
