#include "source/sha256.hpp"

// OpenSSL's SHA-256 itself (SHA256_Init, _Update, _Final), not the EVP interface over it. OpenSSL 3
// marks these deprecated in favour of EVP, but EVP_Digest brings its provider framework along: in a
// statically linked program 3.4 MB of code and 16,700 relocations (half of this program's) for one
// digest, and a provider fetched at the first hash. The functions compute the same digest with the
// same code (the CPU's SHA instructions where it has them, chosen when the library starts).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace verdeel {

std::string sha256Hex(std::string_view bytes) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256_CTX context;
  if (SHA256_Init(&context) != 1 || SHA256_Update(&context, bytes.data(), bytes.size()) != 1 ||
      SHA256_Final(digest.data(), &context) != 1)
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

}  // namespace verdeel
