// The typed AST of a test file (`toetsen/*.toets`): tests of a rule set, each a situation and what
// the rules must give in it. Built by parse/toets.cpp, run by interpreter/toets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "value/value.hpp"

namespace verdeel::ast {

// A value as a test writes it. A number is kept as written (`-96_000` without the `_`, `2/3`,
// `0,75`) and read by the toets stage with the rules' own number rules; a text, date or truth value
// is in `value`; a bare word (the reading of a keuze) in `text`.
struct TestValue {
  enum class Kind { Number, Text, Date, Bool, Empty, Word };
  Kind kind = Kind::Empty;
  std::string text;         // Number: numerator as written (sign included); Word: the word; Text: the text
  std::string denominator;  // Number: after `/`, or empty
  Value value;              // Text, Date, Bool
  SourceSpan span;
};

// `gegevens TABEL uit "pad"` or `gegevens TABEL """ rows """`: the table's rows in this test.
struct TestData {
  Ident table;
  std::string path;  // resolved against the test file's folder; empty for inline rows
  // Inline rows in the table's CSV format, header first, at their lines in the test file (blank lines
  // before them), the block's common indentation taken off. A column of the rows is column + shift
  // in the test file: `rowsFirstShift` on the block's first line (the one with the opening quotes),
  // `rowsShift` (the indentation taken off) on the others.
  std::string rows;
  SourceSpan rowsSpan;
  std::uint32_t rowsFirstShift = 0;
  std::uint32_t rowsShift = 0;
};

struct TestSetting {
  Ident name;
  TestValue value;
};

struct Expectation {
  enum class Kind { Value, Controle, EveryControle, Output };
  Kind kind = Kind::Value;
  Ident name;                       // Value: the definition or parameter
  std::optional<TestValue> entity;  // Value: `van X`
  std::string description;          // Controle: the description or claim; Output: the name
  bool claim = false;               // Controle: `bewering`
  TestValue expected;               // Value, Controle, EveryControle
  std::string path;                 // Output: the expected table, resolved against the file
  SourceSpan span;                  // the whole `verwacht` line
};

struct Test {
  std::string title;
  SourceSpan span;  // the `toets` line
  std::optional<Date> peildatum;
  std::vector<TestSetting> settings;
  std::vector<TestData> data;
  std::vector<Expectation> expectations;
};

struct TestFile {
  std::uint32_t file = 0;
  std::string path;
  std::vector<Test> tests;
};

}  // namespace verdeel::ast
