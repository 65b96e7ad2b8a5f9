// The loaded data: one TableData per declared table, in the Program's table order, every cell typed
// and with its position in the CSV file. A Dataset belongs to one Program and is read-only once
// loaded; many datasets can be evaluated against the same Program.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast/ast.hpp"
#include "value/value.hpp"

namespace verdeel::data {

struct TableData {
  std::uint32_t file = 0;  // source id of the CSV file
  std::string path;        // the file that was read
  std::vector<std::vector<Value>> rows;
  std::vector<std::uint32_t> lines;               // CSV line of each row
  std::vector<std::vector<std::uint32_t>> cols;   // CSV column (code points) of each cell
  std::vector<ast::Herkomst> herkomst;            // per row
  std::unordered_map<std::string, int> keyIndex;  // key text -> row
  std::size_t size() const { return rows.size(); }
};

struct Dataset {
  std::vector<TableData> tables;
};

}  // namespace verdeel::data
