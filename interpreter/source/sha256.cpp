#include "source/sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <mutex>
#include <stdexcept>

namespace verdeel {

namespace {

// OpenSSL set up for hashing alone: without reading the system's openssl.cnf (which may name
// providers and engines a digest does not need, and costs a millisecond at every start) and without
// registering every cipher and digest by name. SHA-256 comes from the default provider either way.
void initialise() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (OPENSSL_init_crypto(
            OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ADD_ALL_CIPHERS | OPENSSL_INIT_NO_ADD_ALL_DIGESTS,
            nullptr) != 1)
      throw std::runtime_error("OpenSSL could not be initialised");
  });
}

}  // namespace

std::string sha256Hex(std::string_view bytes) {
  initialise();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(static_cast<std::size_t>(length) * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace verdeel
