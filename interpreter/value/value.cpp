#include "value/value.hpp"

#include <charconv>

namespace verdeel {

std::string formatDutch(const mpq_class& q, int decimals, bool sign) {
  mpz_class scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // Half up on the magnitude, so -2,5 and 2,5 round alike (away from zero).
  const mpq_class magnitude = abs(q) * scale + mpq_class(1, 2);
  mpz_class scaled = magnitude.get_num() / magnitude.get_den();
  mpq_class back(scaled, scale);
  back.canonicalize();
  const bool exact = back == abs(q);
  std::string digits = scaled.get_str();
  if (digits.size() <= static_cast<std::size_t>(decimals))
    digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
  std::string frac = digits.substr(whole.size());
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  const bool zero = scaled == 0;
  std::string out = zero ? "0" : grouped + (frac.empty() ? "" : "," + frac);
  if (!zero && q < 0)
    out = "-" + out;
  else if (!zero && sign)
    out = "+" + out;
  return exact ? out : "≈ " + out;
}

std::string formatNumber(const mpq_class& q) {
  if (q.get_den() == 1) {
    if (q.get_num().fits_slong_p()) {
      char buf[24];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, q.get_num().get_si());
      return std::string(buf, end);
    }
    return q.get_num().get_str();
  }
  // A finite decimal exists when the denominator has no prime factors other than 2 and 5.
  mpz_class den = q.get_den();
  int twos = 0, fives = 0;
  while (mpz_divisible_ui_p(den.get_mpz_t(), 2)) {
    den /= 2;
    ++twos;
  }
  while (mpz_divisible_ui_p(den.get_mpz_t(), 5)) {
    den /= 5;
    ++fives;
  }
  if (den != 1) return q.get_num().get_str() + "/" + q.get_den().get_str();
  int digits = std::max(twos, fives);
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(digits));
  mpz_class scaled = q.get_num() * scale / q.get_den();  // exact
  bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  std::string s = scaled.get_str();
  if (s.size() <= static_cast<std::size_t>(digits))
    s.insert(0, static_cast<std::size_t>(digits) - s.size() + 1, '0');
  s.insert(s.size() - static_cast<std::size_t>(digits), ".");
  return (negative ? "-" : "") + s;
}

bool parseNumber(std::string_view t, char decimalSep, mpq_class& out) {
  if (t.empty()) return false;
  // A whole number of up to 18 digits (nearly every cell): straight into a machine integer.
  if (t.size() <= 18) {
    long v = 0;
    auto [end, ec] = std::from_chars(t.data() + (t[0] == '+' ? 1 : 0), t.data() + t.size(), v);
    if (ec == std::errc() && end == t.data() + t.size() && t[0] != '+' && (t[0] != '-' || t.size() > 1)) {
      out = v;
      return true;
    }
  }
  std::size_t i = 0;
  bool negative = false;
  if (t[0] == '-' || t[0] == '+') {
    negative = t[0] == '-';
    i = 1;
  }
  std::string digits;
  std::size_t fraction = 0;
  bool seenSep = false, seenDigit = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      seenDigit = true;
      if (seenSep) ++fraction;
    } else if (c == decimalSep && !seenSep) {
      seenSep = true;
    } else {
      return false;
    }
  }
  if (!seenDigit || (seenSep && fraction == 0) || digits.size() > 4000) return false;
  mpz_class num(digits, 10);
  mpz_class den;
  mpz_ui_pow_ui(den.get_mpz_t(), 10, static_cast<unsigned long>(fraction));
  out = mpq_class(negative ? mpz_class(-num) : num, den);
  out.canonicalize();
  return true;
}

bool parseFormatted(std::string_view text, mpq_class& out) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return parseNumber(text, '.', out);
  mpq_class num, den;
  if (!parseNumber(text.substr(0, slash), '.', num) || !parseNumber(text.substr(slash + 1), '.', den) ||
      den == 0)
    return false;
  out = num / den;
  return true;
}

}  // namespace verdeel
