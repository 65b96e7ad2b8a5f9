// Unit tests of the receipts' SHA-256 (source/sha256.hpp) against the test vectors of FIPS 180-2
// (appendix B) and the digest of nothing.
#include <doctest/doctest.h>

#include <string>

#include "source/sha256.hpp"

using verdeel::sha256Hex;

TEST_CASE("SHA-256 gives the digests of FIPS 180-2") {
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256Hex(std::string(1'000'000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 of bytes that are not text") {
  const std::string bytes("\0\xff\x80\n", 4);
  CHECK(sha256Hex(bytes).size() == 64);
  CHECK(sha256Hex(bytes) != sha256Hex(std::string("\0\xff\x80", 3)));  // every byte counts, NUL too
}
