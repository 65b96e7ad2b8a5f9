// UTF-8 helpers shared by the rule reader, the CSV reader and the renderers: validation with the
// position of the first bad byte, code-point counting, and a byte-order-mark check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace verdeel::utf8 {

// Returns the byte offset of the first invalid sequence, or npos when the text is valid UTF-8.
std::size_t firstInvalid(std::string_view text);
// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t length(std::string_view text);
inline bool hasBom(std::string_view t) {
  return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF";
}
// The byte offset of the first NUL byte or byte-order mark (U+FEFF) in `text`, or npos. Neither
// belongs inside a rule or a cell: a NUL cuts text short in other programs, a BOM inside a name
// makes two equal-looking names differ. (A BOM at the very start of a file is removed on reading.)
std::size_t firstNulOrBom(std::string_view text);
// Replaces every carriage return not followed by a line feed (old Mac line endings) by a line feed,
// in place: the lengths and byte offsets stay the same, and lines and columns are counted right.
void lineFeedsForLoneReturns(std::string& text);
// The line and column (in code points, from 1) of byte offset `at` in `text`.
struct Position {
  std::uint32_t line = 1, col = 1;
};
Position positionOf(std::string_view text, std::size_t at);

}  // namespace verdeel::utf8
