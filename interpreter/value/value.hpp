// Values: what a data cell, a literal, a parameter and a computed definition hold. Numbers are
// exact rationals (GMP mpq_class; integers have denominator 1); there is no floating point.
// `Empty` is the value of an optional cell left blank. Entities are (table, row) pairs.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <variant>

#include "ast/ast.hpp"
#include "ast/date.hpp"

namespace verdeel {

struct Empty {
  bool operator==(const Empty&) const = default;
};

struct EntityRef {
  int table = -1;
  int row = -1;
  bool operator==(const EntityRef&) const = default;
};

using Value = std::variant<Empty, bool, mpq_class, std::string, Date, EntityRef, ast::Herkomst>;

// Exact decimal text for a rational: "12", "-0.25", or "1/3" when no finite decimal exists.
std::string formatNumber(const mpq_class& q);
// Dutch notation for readers: thousands grouped with points, a decimal comma, at most `decimals`
// decimals (rounded half up, `≈ ` before it when that loses something): "1.234", "-63,08",
// "≈ 0,33"; a sign when `sign` is set ("+12", "-3", "0").
std::string formatDutch(const mpq_class& q, int decimals = 2, bool sign = false);
// Parses an exact decimal ("12", "-0.125", "1e3" is not accepted); `decimalSep` is '.' or ','.
bool parseNumber(std::string_view text, char decimalSep, mpq_class& out);
// Reads back what formatNumber wrote (a decimal or `p/q`).
bool parseFormatted(std::string_view text, mpq_class& out);

}  // namespace verdeel
