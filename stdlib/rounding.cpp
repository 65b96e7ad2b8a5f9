#include <gmpxx.h>

#include "stdlib/builtins.hpp"

namespace verdeel::stdlib {

mpq_class round(const mpq_class& value, Rounding mode, int decimals) {
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(decimals));
  mpq_class x = value * scale;
  mpz_class floor, ceil;
  mpz_fdiv_q(floor.get_mpz_t(), x.get_num_mpz_t(), x.get_den_mpz_t());
  mpz_cdiv_q(ceil.get_mpz_t(), x.get_num_mpz_t(), x.get_den_mpz_t());
  mpz_class result;
  if (floor == ceil) {
    result = floor;
  } else {
    mpq_class fraction = x - mpq_class(floor);  // in (0, 1)
    int half = cmp(fraction, mpq_class(1, 2));
    switch (mode) {
      case Rounding::Down: result = floor; break;
      case Rounding::Up: result = ceil; break;
      case Rounding::HalfUp:
        if (half < 0)
          result = floor;
        else if (half > 0)
          result = ceil;
        else
          result = x > 0 ? ceil : floor;  // away from zero
        break;
      case Rounding::HalfEven:
        if (half < 0)
          result = floor;
        else if (half > 0)
          result = ceil;
        else
          result = mpz_even_p(floor.get_mpz_t()) ? floor : ceil;
        break;
    }
  }
  mpq_class out(result, scale);
  out.canonicalize();
  return out;
}

}  // namespace verdeel::stdlib
