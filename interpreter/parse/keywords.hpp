// The keywords of the language: the words among the literal names of the grammar's vocabulary
// (`'regeling'` in the KEYWORDS block of VerdeelLexer.g4), with their token types. The lexers lex
// every word as IDENT and give a keyword its type from here. The vocabulary is read from the parser
// (which holds the lexer's literal names too), so that a program that parses does not link ANTLR's
// generated lexer, whose tables are built at every start (parse/scanner.hpp).
// Internal to interpreter/parse.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace verdeel::parse {

// The token type of `word`: its keyword's, or IDENT.
std::size_t keywordType(std::string_view word);
// The same for the word of `length` code points at `start` of `text`.
std::size_t keywordType(const std::u32string& text, std::size_t start, std::size_t length);

}  // namespace verdeel::parse
