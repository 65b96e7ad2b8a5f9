#include "value/text_sum.hpp"

#include <cstdint>

#include "value/value.hpp"

namespace verdeel {

namespace {
constexpr std::size_t kMaxDigits = 18;  // fits a signed 64-bit word

void scaleUp(mpz_class& z, unsigned by) {
  mpz_class factor;
  mpz_ui_pow_ui(factor.get_mpz_t(), 10, by);
  z *= factor;
}
}  // namespace

bool TextSum::add(std::string_view text) {
  // The usual form: an optional minus, digits, and optionally a point and digits.
  std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
  const bool negative = i == 1;
  std::uint64_t magnitude = 0;
  std::size_t digits = 0;
  unsigned decimals = 0;
  bool point = false, plain = !text.empty();
  for (; i < text.size() && plain; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
      ++digits;
      if (point) ++decimals;
    } else if (c == '.' && !point && digits > 0) {
      point = true;
    } else {
      plain = false;
    }
  }
  if (!plain || digits == 0 || digits > kMaxDigits || (point && decimals == 0)) {
    mpq_class q;
    if (!parseFormatted(text, q)) return false;
    rest_ += q;
    return true;
  }
  if (decimals > scale_) {
    scaleUp(units_, decimals - scale_);
    scale_ = decimals;
  }
  const auto m = static_cast<unsigned long>(magnitude);
  if (decimals == scale_) {  // the usual case: a column's numbers have the same number of decimals
    if (negative)
      mpz_sub_ui(units_.get_mpz_t(), units_.get_mpz_t(), m);
    else
      mpz_add_ui(units_.get_mpz_t(), units_.get_mpz_t(), m);
    return true;
  }
  mpz_class term(m);
  scaleUp(term, scale_ - decimals);
  if (negative)
    units_ -= term;
  else
    units_ += term;
  return true;
}

mpq_class TextSum::value() const {
  mpz_class denominator;
  mpz_ui_pow_ui(denominator.get_mpz_t(), 10, scale_);
  mpq_class decimals(units_, denominator);
  decimals.canonicalize();
  return decimals + rest_;
}

}  // namespace verdeel
