// Syntax errors reworded: ANTLR's report of the first error in a file becomes one registry
// diagnostic in the words of the language ("expected `dan`, found `als`", "did you mean ...?").
// Internal to interpreter/parse (it includes ANTLR).
#pragma once

#include "antlr4-runtime.h"
#include "diag/diagnostic.hpp"

namespace verdeel::parse {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}
  bool failed() const { return failed_; }
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line, size_t column,
                   const std::string& message, std::exception_ptr error) override;

 private:
  std::uint32_t file_;
  Diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace verdeel::parse
