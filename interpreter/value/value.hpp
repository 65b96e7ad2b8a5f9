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

// r = a + b, a - b, a * b, exactly as mpq_add, mpq_sub and mpq_mul, with a shortcut for whole numbers
// (denominator 1: GMP keeps rationals in lowest terms), which are most values: their numerators
// alone, without the products with the denominators and the greatest common divisors. `r` may be `a`
// or `b`.
enum class ExactOp { Add, Sub, Mul };
inline void exact(ExactOp op, mpq_class& r, const mpq_class& a, const mpq_class& b) {
  if (mpz_cmp_ui(a.get_den_mpz_t(), 1) == 0 && mpz_cmp_ui(b.get_den_mpz_t(), 1) == 0) {
    mpz_ptr num = mpq_numref(r.get_mpq_t());
    if (op == ExactOp::Add)
      mpz_add(num, a.get_num_mpz_t(), b.get_num_mpz_t());
    else if (op == ExactOp::Sub)
      mpz_sub(num, a.get_num_mpz_t(), b.get_num_mpz_t());
    else
      mpz_mul(num, a.get_num_mpz_t(), b.get_num_mpz_t());
    mpz_set_ui(mpq_denref(r.get_mpq_t()), 1);
    return;
  }
  if (op == ExactOp::Add)
    mpq_add(r.get_mpq_t(), a.get_mpq_t(), b.get_mpq_t());
  else if (op == ExactOp::Sub)
    mpq_sub(r.get_mpq_t(), a.get_mpq_t(), b.get_mpq_t());
  else
    mpq_mul(r.get_mpq_t(), a.get_mpq_t(), b.get_mpq_t());
}

}  // namespace verdeel
