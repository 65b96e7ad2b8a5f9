// SHA-256 of a byte string as lower-case hex (OpenSSL's implementation), for receipts.
#pragma once

#include <string>
#include <string_view>

namespace verdeel {

std::string sha256Hex(std::string_view bytes);

}  // namespace verdeel
