// Tokens of the parse stage: their source positions, how a character is shown in a message, and
// the checks on the token stream before parsing (names of letters only, E0103; nesting within the
// limit, E0109). Internal to interpreter/parse (it includes ANTLR).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "antlr4-runtime.h"
#include "diag/diagnostic.hpp"

namespace verdeel::parse {

SourceSpan tokenSpan(std::uint32_t file, const antlr4::Token* t);
SourceSpan ctxSpan(std::uint32_t file, antlr4::ParserRuleContext* ctx);
// A character as shown in a message: itself between backticks, or its code point when it cannot be
// seen (control characters, a byte-order mark, non-breaking and zero-width spaces).
std::string visible(const std::string& ch);
// Before parsing: how deep does any rule nest (E0109)?
bool nestingWithinLimit(antlr4::CommonTokenStream& tokens, std::uint32_t file, std::size_t limit,
                        Diagnostics& diags);
// Every character of a name is a letter, `_`, or (after the first) a digit (E0103). `codePoints` is
// the text the tokens index (CodePointStream::codePoints()).
bool namesAreLetters(antlr4::CommonTokenStream& tokens, std::u32string_view codePoints, std::uint32_t file,
                     Diagnostics& diags);

}  // namespace verdeel::parse
