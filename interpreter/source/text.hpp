// Small text helpers shared by the stages: trimming spaces and tabs (data cells, headers, published
// tables) and ASCII lower case (case-insensitive names of outputs and entities).
#pragma once

#include <string>
#include <string_view>

namespace verdeel {

// Without leading and trailing spaces and tabs.
std::string trimmed(std::string_view s);
// The same, as a view into `s`.
std::string_view trimmedView(std::string_view s);
// ASCII letters in lower case; other bytes (UTF-8 included) unchanged.
std::string asciiLower(std::string_view s);
// On one line: every run of spaces, tabs and line breaks one space, none at either end (a text block
// in a table cell, an article number as written).
std::string oneLine(std::string_view s);
// The file name (without extension) an output's name becomes: lower case, letters, digits, `-` and
// `_` kept, every other run of characters one `-` ("Verdeelbesluit Drenthe" -> "verdeelbesluit-drenthe").
std::string fileNameOf(std::string_view name);
// Text for HTML and SVG: `&`, `<`, `>` and `"` as entities.
std::string escapeHtml(std::string_view s);

}  // namespace verdeel
