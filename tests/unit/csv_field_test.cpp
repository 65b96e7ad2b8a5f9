// CSV fields as verdeel writes them (output/render.hpp): quoted with doubled quotes where a comma, a
// quote or a line break needs it, a `'` before what a spreadsheet would take for a formula.
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <string>

#include "output/render.hpp"

using verdeel::output::appendCsvField;
using verdeel::output::CsvCells;
using verdeel::output::csvField;

namespace {
// RFC 4180 as plainly as it can be written: the reference for the property below.
std::string reference(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
}  // namespace

TEST_CASE("csv field: quoted only where needed, quotes doubled") {
  CHECK(csvField("Utrecht", CsvCells::Literal) == "Utrecht");
  CHECK(csvField("", CsvCells::Literal) == "");
  CHECK(csvField("1.234,5", CsvCells::Literal) == "\"1.234,5\"");
  CHECK(csvField("\"", CsvCells::Literal) == "\"\"\"\"");
  CHECK(csvField("zij zei \"ja\", toen", CsvCells::Literal) == "\"zij zei \"\"ja\"\", toen\"");
  CHECK(csvField("regel\nregel", CsvCells::Literal) == "\"regel\nregel\"");
  CHECK(csvField("a\"", CsvCells::Literal) == "\"a\"\"\"");
  CHECK(csvField("=SOM(A1)", CsvCells::Guarded) == "'=SOM(A1)");
  CHECK(csvField("=1,2", CsvCells::Guarded) == "\"'=1,2\"");
  CHECK(csvField("-12", CsvCells::Guarded) == "-12");
  std::string row = "a,";
  appendCsvField(row, "b\"c", CsvCells::Literal);
  CHECK(row == "a,\"b\"\"c\"");
}

TEST_CASE("csv field: the same as the plain RFC 4180 reference for any text") {
  CHECK(rc::check("csv field = reference, few characters", [] {
    const auto s = *rc::gen::container<std::string>(rc::gen::elementOf(std::string("a,\"\r\n=-1 ")));
    RC_ASSERT(csvField(s, CsvCells::Literal) == reference(s));
  }));
  // Any bytes (the search for a character that needs quotes goes eight bytes at a time: bytes with
  // the high bit set, and a special one at any place in a long field).
  CHECK(rc::check("csv field = reference, any bytes", [] {
    auto s = *rc::gen::container<std::string>(rc::gen::arbitrary<char>());
    const std::string tail =
        *rc::gen::container<std::string>(rc::gen::elementOf(std::string("\x80\xff\xac,\"\r\nx")));
    s += tail;
    RC_ASSERT(csvField(s, CsvCells::Literal) == reference(s));
  }));
  for (const char special : {',', '"', '\r', '\n'}) {  // each at every place of a 40-byte field
    for (std::size_t at = 0; at < 40; ++at) {
      std::string s(40, '\xac');
      s[at] = special;
      CHECK(csvField(s, CsvCells::Literal) == reference(s));
    }
  }
}
