// UTF-8 helpers shared by the rule reader, the CSV reader and the renderers: validation with the
// position of the first bad byte, code-point counting, and a byte-order-mark check.
#pragma once

#include <cstddef>
#include <string_view>

namespace verdeel::utf8 {

// Returns the byte offset of the first invalid sequence, or npos when the text is valid UTF-8.
std::size_t firstInvalid(std::string_view text);
// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t length(std::string_view text);
inline bool hasBom(std::string_view t) {
  return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF";
}

}  // namespace verdeel::utf8
