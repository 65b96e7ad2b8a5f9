// The loaded data: one TableData per declared table, in the Program's table order, every cell typed
// and with its position in the CSV file. A Dataset belongs to one Program and is read-only once
// loaded; many datasets can be evaluated against the same Program.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "data/key_rows.hpp"
#include "value/value.hpp"

namespace verdeel::data {

struct TableData {
  std::uint32_t file = 0;               // source id of the CSV file
  std::string path;                     // the file that was read
  std::size_t width = 0;                // declared columns
  std::vector<Value> cells;             // row-major: row r, column c at r * width + c
  std::vector<std::uint32_t> lines;     // CSV line of each row
  std::vector<ast::Herkomst> herkomst;  // per row
  int keyColumn = -1;                   // the `sleutel`, or -1
  KeyRows keys;                         // rows by key text
  std::size_t notInForce = 0;           // rows left out: their own validity excludes the peildatum
  // The key of a row as text (trimmed; a number written exactly), in `scratch` when it must be made.
  std::string_view keyText(std::size_t row, std::string& scratch) const;
  // The row with this key, or -1; every key (for suggestions).
  int rowOf(std::string_view key) const;
  std::vector<std::string> allKeys() const;
  std::size_t size() const { return lines.size(); }
  const Value& cell(std::size_t row, std::size_t column) const { return cells[row * width + column]; }
  Value& cell(std::size_t row, std::size_t column) { return cells[row * width + column]; }
  std::span<const Value> row(std::size_t r) const { return {cells.data() + r * width, width}; }
};

struct Dataset {
  std::vector<TableData> tables;
};

}  // namespace verdeel::data
