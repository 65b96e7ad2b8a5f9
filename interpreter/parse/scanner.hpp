// The scanner: the tokens of grammar/VerdeelLexer.g4, lexed by hand for the parser.
//
// Contract: for every input, Scanner yields exactly the tokens ANTLR's generated lexer (with the
// keywords typed by table, parse/lexer.hpp) yields: the same types, channels, code-point offsets,
// lines and columns, the same longest-match choice between rules (the earlier rule on a tie), white
// space skipped, comments on the hidden channel, and one EOF token at the end. The grammar stays the
// definition of the tokens; `lexerDisagreement` (parse.hpp) compares the two lexers and is run by the unit
// tests (every shipped rule and test file, and generated texts) and by the rules fuzzer. It exists because
// ANTLR's C++ lexer builds its DFA anew in every process and spends about 1,000 instructions a
// character doing so: a third of a whole `verdeel run` (docs/performance.md).
// Internal to interpreter/parse (it includes ANTLR).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "antlr4-runtime.h"

namespace verdeel::parse {

// An ANTLR character stream over UTF-8 text (a byte-order mark at the start left out, as ANTLR's own
// stream does; a byte that is not valid UTF-8 becomes U+FFFD), whose code points the scanner reads
// directly. Decoding, and encoding the text of a token again, are done here rather than by the
// runtime, whose conversion through std::wstring_convert took half the time of building the AST.
// The text of a stretch of code points is cut from the UTF-8 it was read from (where each code
// point that is not ASCII lies is kept, to find its bytes); after a byte that was not valid UTF-8
// it is encoded again from the code points, U+FFFD included.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::string_view utf8);
  const std::u32string& codePoints() const { return _data; }
  // The text of code points a..b (inclusive), as ANTLRInputStream gives it.
  std::string getText(const antlr4::misc::Interval& interval) override;
  using antlr4::ANTLRInputStream::getText;

 private:
  std::string utf8_;               // what was read, without a byte-order mark
  bool valid_ = true;              // false: a byte was not UTF-8 (a U+FFFD stands for it)
  std::vector<std::size_t> wide_;  // the code points of more than one byte, in order
  std::vector<std::size_t> more_;  // per wide_ entry: the bytes past one, up to and including it
  std::size_t byteOffset(std::size_t codePoint) const;
};

class Scanner : public antlr4::TokenSource {
 public:
  explicit Scanner(CodePointStream& input) : input_(input), text_(input.codePoints()) {}
  std::unique_ptr<antlr4::Token> nextToken() override;
  std::size_t getLine() const override { return line_; }
  std::size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream* getInputStream() override { return &input_; }
  std::string getSourceName() override { return input_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

 private:
  void advance(std::size_t length);  // moves past `length` code points, counting lines

  CodePointStream& input_;
  const std::u32string& text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 0;
};

// ANTLR's token stream over the scanner's tokens. ANTLR's own `fetch` asks of every token, through a
// dynamic_cast, whether its index can be set; the scanner's tokens are CommonTokens (its token
// factory makes them), so the index is set directly.
class ScannedTokens final : public antlr4::CommonTokenStream {
 public:
  explicit ScannedTokens(Scanner& scanner) : antlr4::CommonTokenStream(&scanner) {}

 protected:
  std::size_t fetch(std::size_t n) override;
};

}  // namespace verdeel::parse
