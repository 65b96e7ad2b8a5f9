// An exact sum of numbers written as formatNumber writes them ("12", "-0.25", "1/3"): the totals of
// a decision table's summary, added from its cells. Decimals are added as whole numbers of their
// smallest unit (hundredths for "0.25"), in one GMP integer without a greatest common divisor per
// number; a fraction, or a number too long for a machine word, goes through parseFormatted and GMP's
// rationals. The sum is the same either way.
#pragma once

#include <gmpxx.h>

#include <string_view>

namespace verdeel {

class TextSum {
 public:
  // Adds the number `text` is; false, and nothing added, when it is not one (parseFormatted's rule).
  bool add(std::string_view text);
  mpq_class value() const;

 private:
  mpz_class units_;     // the decimals added so far, in units of 10^-scale_
  unsigned scale_ = 0;  // the most decimals of any of them
  mpq_class rest_ = 0;  // what was added as a rational
};

}  // namespace verdeel
