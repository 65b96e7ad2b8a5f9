#include <gmpxx.h>

#include "stdlib/builtins.hpp"

namespace verdeel::stdlib {

mpq_class round(const mpq_class& value, Rounding mode, int decimals) {
  // x = value * 10^decimals = num / den; floor and remainder with one division.
  mpz_class num = value.get_num(), scale = 1;
  if (decimals > 0) {
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(decimals));
    num *= scale;
  }
  const mpz_class& den = value.get_den();
  mpz_class floor, rem;
  mpz_fdiv_qr(floor.get_mpz_t(), rem.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());  // 0 <= rem < den
  if (sgn(rem) != 0) {
    // The fraction rem/den lies in (0, 1); compare it with one half as 2 rem against den.
    mpz_class twice = rem;
    mpz_mul_2exp(twice.get_mpz_t(), twice.get_mpz_t(), 1);
    const int half = cmp(twice, den);
    bool up = false;
    switch (mode) {
      case Rounding::Down: up = false; break;
      case Rounding::Up: up = true; break;
      case Rounding::HalfUp: up = half > 0 || (half == 0 && sgn(num) > 0); break;  // halves away from zero
      case Rounding::HalfEven: up = half > 0 || (half == 0 && mpz_odd_p(floor.get_mpz_t())); break;
    }
    if (up) floor += 1;
  }
  if (decimals <= 0) return mpq_class(floor);
  mpq_class out(floor, scale);
  out.canonicalize();
  return out;
}

}  // namespace verdeel::stdlib
