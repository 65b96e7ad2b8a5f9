// What a published table says, read the way publications are written: numbers in Dutch or English
// notation (`2.419`, `1.234,5`; `2,419.5`), a blank cell as "not published", an entity by code, by
// name or by another name it is known by (an alias table of the rules), and which column names it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/evaluation.hpp"

namespace verdeel::verify {

enum class Notation { ByFile, Dutch, English };

// The number a published cell holds, or nothing. ByFile: a `;` file is Dutch (points group
// thousands, a comma is the decimal mark), a `,` file English without grouping (`2419`, `2419.5`).
std::optional<mpq_class> publishedNumber(std::string_view text, char separator, Notation notation);

// Other names of the entities of `table`: the rows of a table of the rules with a text column
// `alias` and a column referring to `table` (for gemeenten: `Den Haag` for GM0518 's-Gravenhage).
class Aliases {
 public:
  Aliases(const eval::Evaluation& ev, int table);
  // The row an alias names (compared without regard to case), or -1.
  int find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::vector<std::pair<std::string, int>> entries_;  // lower-cased alias, row
};

// The column of a published header that names the entity of `table`: `wanted` when given; else the
// table's key column (by name or file header), a column named after the table, `code`, `naam`; -1
// when there is none.
int entityColumn(const std::vector<std::string>& header, const check::Table& table,
                 const std::string& wanted);

}  // namespace verdeel::verify
