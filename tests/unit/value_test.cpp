// Unit tests of exact values: decimal formatting, parsing with both decimal separators, round trips.
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <vector>

#include "value/text_sum.hpp"
#include "value/value.hpp"

using verdeel::exact;
using verdeel::ExactOp;
using verdeel::formatNumber;
using verdeel::parseFormatted;
using verdeel::parseNumber;

TEST_CASE("formatNumber writes finite decimals exactly and other fractions as p/q") {
  CHECK(formatNumber(mpq_class(12)) == "12");
  CHECK(formatNumber(mpq_class(-1, 4)) == "-0.25");
  CHECK(formatNumber(mpq_class(1, 8)) == "0.125");
  CHECK(formatNumber(mpq_class(1, 3)) == "1/3");
  CHECK(formatNumber(mpq_class(0)) == "0");
  CHECK(formatNumber(mpq_class(7, 20)) == "0.35");
}

TEST_CASE("parseNumber accepts exact decimals only") {
  mpq_class q;
  REQUIRE(parseNumber("12", '.', q));
  CHECK(q == 12);
  REQUIRE(parseNumber("-0.125", '.', q));
  CHECK(q == mpq_class(-1, 8));
  REQUIRE(parseNumber("3,5", ',', q));
  CHECK(q == mpq_class(7, 2));
  CHECK_FALSE(parseNumber("3,5", '.', q));
  CHECK_FALSE(parseNumber("1e3", '.', q));
  CHECK_FALSE(parseNumber("", '.', q));
  CHECK_FALSE(parseNumber("-", '.', q));
  CHECK_FALSE(parseNumber("1.2.3", '.', q));
  CHECK_FALSE(parseNumber("12 ", '.', q));
}

TEST_CASE("a number with 400 digits stays exact") {
  std::string big(400, '9');
  mpq_class q;
  REQUIRE(parseNumber(big, '.', q));
  CHECK(formatNumber(q) == big);
  CHECK(formatNumber(q + 1) == "1" + std::string(400, '0'));
}

TEST_CASE("parseFormatted reads back what formatNumber wrote") {
  for (const mpq_class& v : {mpq_class(1, 3), mpq_class(-22, 7), mpq_class(5, 4), mpq_class(100)}) {
    mpq_class back;
    REQUIRE(parseFormatted(formatNumber(v), back));
    CHECK(back == v);
  }
}

namespace {
// A whole number near where exact() leaves machine arithmetic for GMP: 2^62 (sums), 2^63 (a limb's
// sign bit), 3037000499 and 3037000500 (the square root of 2^63: products), either sign.
mpz_class nearMachineLimits() {
  const std::vector<mpz_class> bases{mpz_class(1) << 62, mpz_class(1) << 63, mpz_class(3037000499L),
                                     mpz_class(1) << 31, mpz_class(1) << 64};
  mpz_class n = bases[*rc::gen::inRange<std::size_t>(0, bases.size())] + *rc::gen::inRange<long>(-3, 4);
  if (*rc::gen::arbitrary<bool>()) n = -n;
  return n;
}

// A rational as most values are: a whole number (often beyond 64 bits) or a fraction.
mpq_class someRational() {
  mpz_class num = *rc::gen::inRange<long>(-2'000'000, 2'000'001);
  if (*rc::gen::inRange(0, 4) == 0) num *= mpz_class("123456789012345678901234567890");
  if (*rc::gen::inRange(0, 4) == 0) num = nearMachineLimits();
  const long den =
      *rc::gen::weightedOneOf<long>({{3, rc::gen::just(1L)}, {2, rc::gen::inRange<long>(1, 1000)}});
  mpq_class q(num, den);
  q.canonicalize();
  return q;
}
}  // namespace

TEST_CASE("property: exact() computes what mpq_add, mpq_sub and mpq_mul compute, also in place") {
  CHECK(rc::check("exact = mpq", [] {
    const mpq_class a = someRational(), b = someRational();
    for (const ExactOp op : {ExactOp::Add, ExactOp::Sub, ExactOp::Mul}) {
      const mpq_class want = op == ExactOp::Add   ? mpq_class(a + b)
                             : op == ExactOp::Sub ? mpq_class(a - b)
                                                  : mpq_class(a * b);
      mpq_class fresh, into = mpq_class(7, 3), inPlace = a;
      exact(op, fresh, a, b);
      exact(op, into, a, b);  // a fraction overwritten
      exact(op, inPlace, inPlace, b);
      RC_ASSERT(fresh == want);
      RC_ASSERT(into == want);
      RC_ASSERT(inPlace == want);
      RC_ASSERT(mpz_cmp(mpq_denref(fresh.get_mpq_t()), mpq_class(want).get_den_mpz_t()) ==
                0);  // lowest terms
    }
  }));
}

TEST_CASE("property: compare() gives the sign of cmp() for any two rationals") {
  CHECK(rc::check("compare = sign of cmp", [] {
    const mpq_class a = someRational();
    const mpq_class b = *rc::gen::inRange(0, 4) == 0 ? a : someRational();
    const int want = cmp(a, b);
    RC_ASSERT(verdeel::compare(a, b) == (want > 0) - (want < 0));
    RC_ASSERT(verdeel::compare(b, a) == (want < 0) - (want > 0));
  }));
}

TEST_CASE("exact() at the edges of machine arithmetic") {
  const mpz_class edge = (mpz_class(1) << 62) - 1;  // the largest magnitude taken by machine arithmetic
  const std::vector<mpz_class> values{edge, -edge, edge + 1, -edge - 1, mpz_class(3037000500L), mpz_class(0)};
  for (const mpz_class& x : values)
    for (const mpz_class& y : values) {
      mpq_class r;
      exact(ExactOp::Add, r, mpq_class(x), mpq_class(y));
      CHECK(r == mpq_class(x + y));
      exact(ExactOp::Sub, r, mpq_class(x), mpq_class(y));
      CHECK(r == mpq_class(x - y));
      exact(ExactOp::Mul, r, mpq_class(x), mpq_class(y));
      CHECK(r == mpq_class(x * y));
    }
}

TEST_CASE("TextSum adds formatted numbers exactly, as parseFormatted and GMP do") {
  CHECK(rc::check("TextSum = sum of parseFormatted", [] {
    const auto count = *rc::gen::inRange(0, 12);
    verdeel::TextSum sum;
    mpq_class expected = 0;
    for (int i = 0; i < count; ++i) {
      // formatNumber's forms (whole, decimals, fractions, long numbers) and texts that are not numbers
      mpz_class num = *rc::gen::inRange<long>(-5'000'000, 5'000'001);
      if (*rc::gen::inRange(0, 6) == 0) num *= mpz_class("98765432109876543210");
      const long den = *rc::gen::element(1L, 1L, 10L, 100L, 1000L, 3L, 7L, 1'000'000L);
      mpq_class q(num, den);
      q.canonicalize();
      std::string text = verdeel::formatNumber(q);
      if (*rc::gen::inRange(0, 10) == 0)
        text = *rc::gen::element<std::string>("", "-", "5.", ".5", "+5", "x", "1/0", "1e3");
      mpq_class parsed;
      const bool ok = verdeel::parseFormatted(text, parsed);
      RC_ASSERT(sum.add(text) == ok);
      if (ok) expected += parsed;
    }
    RC_ASSERT(sum.value() == expected);
  }));
}
