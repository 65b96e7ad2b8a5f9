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

TEST_CASE("the first invalid byte is found at any offset, past runs of ASCII read eight at a time") {
  for (std::size_t k = 0; k < 40; ++k) {
    CAPTURE(k);
    CHECK(utf8::firstInvalid(std::string(k, 'a') + "\xFF" + std::string(20, 'b')) == k);
    CHECK(utf8::firstInvalid(std::string(k, 'a') + "\xC3") == k);  // truncated at the very end
    CHECK(utf8::firstInvalid(std::string(k, 'a') + "\xC3\xA2" + std::string(k, 'c')) ==
          std::string_view::npos);
    CHECK(utf8::firstInvalid(std::string(k, 'a') + "\xC3\xA2" + std::string(k, 'c') + "\x80") == 2 * k + 2);
  }
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
