// Unit tests of the four rounding modes, on halves, negatives and decimals, all exact.
#include <doctest/doctest.h>

#include "stdlib/builtins.hpp"

using verdeel::stdlib::round;
using verdeel::stdlib::Rounding;

namespace {
mpq_class q(long n, long d) {
  mpq_class r(n, d);
  r.canonicalize();
  return r;
}
}  // namespace

TEST_CASE("rekenkundig rounds halves away from zero") {
  CHECK(round(q(5, 2), Rounding::HalfUp, 0) == 3);
  CHECK(round(q(-5, 2), Rounding::HalfUp, 0) == -3);
  CHECK(round(q(24, 10), Rounding::HalfUp, 0) == 2);
  CHECK(round(q(26, 10), Rounding::HalfUp, 0) == 3);
}

TEST_CASE("naar beneden and naar boven go towards minus and plus infinity") {
  CHECK(round(q(29, 10), Rounding::Down, 0) == 2);
  CHECK(round(q(-21, 10), Rounding::Down, 0) == -3);
  CHECK(round(q(21, 10), Rounding::Up, 0) == 3);
  CHECK(round(q(-29, 10), Rounding::Up, 0) == -2);
  CHECK(round(q(4, 1), Rounding::Up, 0) == 4);
}

TEST_CASE("half even rounds halves to the even neighbour") {
  CHECK(round(q(5, 2), Rounding::HalfEven, 0) == 2);
  CHECK(round(q(7, 2), Rounding::HalfEven, 0) == 4);
  CHECK(round(q(-5, 2), Rounding::HalfEven, 0) == -2);
  CHECK(round(q(51, 20), Rounding::HalfEven, 0) == 3);
}

TEST_CASE("rounding to decimals is exact") {
  CHECK(round(q(1, 3), Rounding::HalfUp, 2) == q(33, 100));
  CHECK(round(q(2, 3), Rounding::HalfUp, 2) == q(67, 100));
  CHECK(round(q(1, 8), Rounding::HalfEven, 2) == q(12, 100));
  CHECK(round(q(3, 8), Rounding::HalfEven, 2) == q(38, 100));
  CHECK(round(q(1, 3), Rounding::Up, 1) == q(4, 10));
}

TEST_CASE("an already whole value is unchanged by every mode") {
  for (Rounding m : {Rounding::HalfUp, Rounding::Down, Rounding::Up, Rounding::HalfEven}) {
    CHECK(round(q(-7, 1), m, 0) == -7);
    CHECK(round(q(0, 1), m, 3) == 0);
  }
}
