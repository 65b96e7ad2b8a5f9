// Unit tests of the UTF-8 helpers: first invalid byte, code-point length, byte-order mark.
#include <doctest/doctest.h>

#include <string>

#include "source/utf8.hpp"

namespace utf8 = verdeel::utf8;

TEST_CASE("valid UTF-8 has no invalid offset") {
  CHECK(utf8::firstInvalid("Súdwest-Fryslân") == std::string_view::npos);
  CHECK(utf8::firstInvalid("") == std::string_view::npos);
}

TEST_CASE("the first invalid byte is found") {
  CHECK(utf8::firstInvalid("ab\xFF") == 2);
  CHECK(utf8::firstInvalid("a\xC3") == 1);             // truncated sequence
  CHECK(utf8::firstInvalid("\xC0\xAF") == 0);          // overlong encoding
  CHECK(utf8::firstInvalid("x\xED\xA0\x80") == 1);     // surrogate
  CHECK(utf8::firstInvalid("\xF4\x90\x80\x80") == 0);  // beyond U+10FFFF
}

TEST_CASE("length counts code points") {
  CHECK(utf8::length("Fryslân") == 7);
  CHECK(utf8::length("abc") == 3);
}

TEST_CASE("a byte-order mark is recognised only at the start") {
  CHECK(
      utf8::hasBom("\xEF\xBB\xBF"
                   "code"));
  CHECK_FALSE(utf8::hasBom("code\xEF\xBB\xBF"));
  CHECK_FALSE(utf8::hasBom("\xEF\xBB"));
}
