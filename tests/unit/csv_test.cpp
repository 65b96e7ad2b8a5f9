// Unit tests of the CSV reader: quoting, dialects, line ends, positions and its two diagnostics.
#include <doctest/doctest.h>

#include "data/csv.hpp"

using namespace verdeel;

namespace {
struct Read {
  SourceManager sources;
  Diagnostics diags;
  data::CsvText csv;
  bool ok = false;
  explicit Read(const std::string& text, char sep = 0) {
    auto id = sources.add("t.csv", text);
    ok = data::readCsv(text, id, sep, csv, diags);
  }
};
}  // namespace

TEST_CASE("RFC 4180 quoting keeps commas and doubled quotes inside a field") {
  Read r("code,naam\nGM0820,\"Nuenen, Gerwen en Nederwetten\"\nGM0001,\"zeg \"\"hoi\"\"\"\n");
  REQUIRE(r.ok);
  REQUIRE(r.csv.records.size() == 3);
  CHECK(r.csv.records[1].fields[1].text == "Nuenen, Gerwen en Nederwetten");
  CHECK(r.csv.records[2].fields[1].text == "zeg \"hoi\"");
  CHECK(r.csv.separator == ',');
}

TEST_CASE("the semicolon dialect is detected from the header") {
  Read r("code;naam;inwoners\r\nGM0193;Zwolle;132411\r\n");
  REQUIRE(r.ok);
  CHECK(r.csv.separator == ';');
  REQUIRE(r.csv.records.size() == 2);
  CHECK(r.csv.records[1].fields[2].text == "132411");  // no stray carriage return
}

TEST_CASE("a semicolon inside a quoted header field does not switch the dialect") {
  Read r("\"a;b\",c\n1,2\n");
  REQUIRE(r.ok);
  CHECK(r.csv.separator == ',');
}

TEST_CASE("fields know their line and column in code points") {
  Read r("naam,x\nFryslân,7\n");
  REQUIRE(r.ok);
  const auto& f = r.csv.records[1].fields[1];
  CHECK(f.line == 2);
  CHECK(f.col == 9);
}

TEST_CASE("a quoted field may span lines") {
  Read r("a,b\n\"een\ntwee\",3\n4,5\n");
  REQUIRE(r.ok);
  REQUIRE(r.csv.records.size() == 3);
  CHECK(r.csv.records[1].fields[0].text == "een\ntwee");
  CHECK(r.csv.records[2].line == 4);
}

TEST_CASE("blank lines are skipped") {
  Read r("a\n1\n\n2\n");
  REQUIRE(r.ok);
  CHECK(r.csv.records.size() == 3);
}

TEST_CASE("an unterminated quote is E0403") {
  Read r("a,b\n\"open,1\n");
  CHECK_FALSE(r.ok);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].code == Code::E0403);
  CHECK(r.diags.all()[0].span.line == 2);
}

TEST_CASE("invalid UTF-8 is E0402 at its position") {
  Read r("a,b\n1,\xFF\n");
  CHECK_FALSE(r.ok);
  REQUIRE(!r.diags.all().empty());
  CHECK(r.diags.all()[0].code == Code::E0402);
  CHECK(r.diags.all()[0].span.line == 2);
  CHECK(r.diags.all()[0].span.col == 3);
}
