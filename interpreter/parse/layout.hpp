// The layout of a rule file or test file, for the formatter (interpreter/format): its tokens with
// the comments, line by line, and for each line where it stands in the structure. A line that starts
// a statement (an article, a table and each of its items, a member of an article, a keuze, a lezing,
// an output, an onderdeel, a test and each of its items, a line of the header) has the statement's
// depth; any other line continues the statement it lies in, one level deeper than where the construct
// it continues began. ANTLR stays inside the parse stage:
// this is plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace verdeel::parse {

struct LayoutToken {
  enum class Kind { Word, Name, Number, Text, TextBlock, Date, Punct, Comment };
  Kind kind = Kind::Word;
  std::string text;  // as written (a text block with its line breaks)
  std::uint32_t line = 0;
  std::uint32_t endLine = 0;  // a text block's last line
};

struct LayoutLine {
  std::uint32_t line = 0;           // 1-based line of the source
  std::vector<LayoutToken> tokens;  // the tokens that start on this line, comments included
  int depth = 0;                    // the depth of the statement the line starts or continues
  bool starts = false;              // the line starts that statement
  // The level of indentation: the statement's depth on the line that starts it; on a continuation,
  // one more than the line on which the innermost construct it continues began (the statement's
  // line, or an earlier continuation line).
  int level = 0;
  bool tableColumn = false;  // a `kolom` of a table, whole on this line (aligned)
};

struct Layout {
  std::vector<LayoutLine> lines;  // only lines where a token starts, in order
};

// nullopt after reporting a syntax error (a file is formatted only when it parses). `test`: the file
// is a test file (`.toets`).
std::optional<Layout> layout(std::uint32_t fileId, const SourceManager& sources, Diagnostics& diags,
                             bool test);

}  // namespace verdeel::parse
