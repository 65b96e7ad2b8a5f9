// The text buffer of a decision table (output/text_rows.hpp): rows read back as they were added,
// rows copied from another table or from the same one, and a row of the wrong width refused.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "output/text_rows.hpp"

using verdeel::output::TextRows;

namespace {
std::vector<std::string> cells(const TextRows::Row& row) {
  std::vector<std::string> out;
  for (std::size_t c = 0; c < row.size(); ++c) out.emplace_back(row[c]);
  return out;
}
}  // namespace

TEST_CASE("text rows: rows read back, and copied from another table or the same one") {
  TextRows a;
  a.push_back({"Utrecht", "1.234,5", ""});
  a.push_back(std::vector<std::string>{"", "x", "art. 3"});
  REQUIRE(a.size() == 2);
  CHECK(cells(a[0]) == std::vector<std::string>{"Utrecht", "1.234,5", ""});
  CHECK(cells(a[1]) == std::vector<std::string>{"", "x", "art. 3"});

  TextRows b;
  b.push_back(a[1]);
  b.push_back(a[0]);
  b.push_back(b[0]);  // from itself
  REQUIRE(b.size() == 3);
  CHECK(cells(b[0]) == cells(a[1]));
  CHECK(cells(b[1]) == cells(a[0]));
  CHECK(cells(b[2]) == cells(a[1]));

  TextRows c;
  c.push_back(a[0]);
  c.push_back(a[1]);
  CHECK(c == a);

  TextRows narrow;
  narrow.push_back({"een"});
  CHECK_THROWS_AS(narrow.push_back(a[0]), std::logic_error);
  CHECK_THROWS_AS(a.push_back({"een"}), std::logic_error);
}

TEST_CASE("text rows: text reserved up front is not moved as rows are added") {
  TextRows t;
  t.push_back({"GM0014", "Groningen"});
  t.reserveText(t.textSize() * 1000);
  const char* first = t[0][0].data();
  for (int i = 0; i < 900; ++i) t.push_back({"GM0034", "Almere"});
  CHECK(t[0][0].data() == first);  // no buffer outgrown, none left behind
  CHECK(t.textSize() == 15 + 900 * 12);
  CHECK(cells(t[900]) == std::vector<std::string>{"GM0034", "Almere"});
}
