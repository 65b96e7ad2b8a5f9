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

namespace detail {
// GMP keeps a rational in lowest terms with a positive denominator: a whole number has denominator 1.
inline bool isWhole(const mpq_class& q) {
  const mpz_srcptr den = q.get_den_mpz_t();
  return mpz_size(den) == 1 && mpz_getlimbn(den, 0) == 1;
}
// A whole number's numerator as a machine integer when its magnitude is below 2^62, so that the sum
// or difference of two of them fits as well; false for larger ones.
inline bool smallWhole(mpz_srcptr z, long& v) {
  static_assert(GMP_NUMB_BITS == 64 && sizeof(long) == 8, "one 64-bit limb per long");
  const int sign = mpz_sgn(z);
  if (sign == 0) {
    v = 0;
    return true;
  }
  if (mpz_size(z) != 1 || mpz_getlimbn(z, 0) >= (mp_limb_t{1} << 62)) return false;
  const auto magnitude = static_cast<long>(mpz_getlimbn(z, 0));
  v = sign > 0 ? magnitude : -magnitude;
  return true;
}
}  // namespace detail

// r = a + b, a - b, a * b, exactly as mpq_add, mpq_sub and mpq_mul, with shortcuts for whole numbers
// (denominator 1), which are most values: their numerators alone, without the products with the
// denominators and the greatest common divisors; and for whole numbers below 2^62, machine
// arithmetic (a product that would not fit is left to GMP). `r` may be `a` or `b`.
enum class ExactOp { Add, Sub, Mul };
inline void exact(ExactOp op, mpq_class& r, const mpq_class& a, const mpq_class& b) {
  if (detail::isWhole(a) && detail::isWhole(b)) {
    mpz_ptr num = mpq_numref(r.get_mpq_t());
    long x = 0;
    long y = 0;
    long z = 0;
    if (detail::smallWhole(a.get_num_mpz_t(), x) && detail::smallWhole(b.get_num_mpz_t(), y) &&
        (op != ExactOp::Mul || !__builtin_mul_overflow(x, y, &z))) {
      mpz_set_si(num, op == ExactOp::Add ? x + y : op == ExactOp::Sub ? x - y : z);
    } else if (op == ExactOp::Add) {
      mpz_add(num, a.get_num_mpz_t(), b.get_num_mpz_t());
    } else if (op == ExactOp::Sub) {
      mpz_sub(num, a.get_num_mpz_t(), b.get_num_mpz_t());
    } else {
      mpz_mul(num, a.get_num_mpz_t(), b.get_num_mpz_t());
    }
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

// The sign of a - b (-1, 0 or 1), as cmp(a, b); two whole numbers by their numerators alone.
inline int compare(const mpq_class& a, const mpq_class& b) {
  const int c =
      detail::isWhole(a) && detail::isWhole(b) ? mpz_cmp(a.get_num_mpz_t(), b.get_num_mpz_t()) : cmp(a, b);
  return (c > 0) - (c < 0);
}

}  // namespace verdeel
