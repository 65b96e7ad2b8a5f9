// Unit tests of loading libxlsxwriter at need (output/xlsx_library): the library of this build loads
// with every function; a library that is not there, or that lacks the functions, is refused with a
// reason that names it.
#include <doctest/doctest.h>

#include <string>

#include "lang/language.hpp"
#include "output/xlsx_library.hpp"

using namespace verdeel;

TEST_CASE("xlsx library: the library of this build loads with every function") {
  std::string error;
  const output::XlsxLibrary* x = output::xlsxLibrary(error);
  REQUIRE(x != nullptr);
  CHECK(error.empty());
#define VERDEEL_XLSX_FUNCTION(name) CHECK_MESSAGE((x->name != nullptr), #name);
#include "output/xlsx_functions.def"
#undef VERDEEL_XLSX_FUNCTION
  CHECK(output::xlsxLibrary(error) == x);  // loaded once
}

TEST_CASE("xlsx library: a library that is not installed is named in the reason") {
  setLanguage(Language::English);
  const output::XlsxLoad load = output::loadXlsxLibrary("libverdeel-not-installed.so.9");
  CHECK(load.library == nullptr);
  CHECK(load.error.find("cannot load libxlsxwriter (libverdeel-not-installed.so.9)") != std::string::npos);
  CHECK(load.error.find("install the Debian package libxlsxwriter4") != std::string::npos);
  setLanguage(Language::Dutch);
  const output::XlsxLoad nl = output::loadXlsxLibrary("libverdeel-not-installed.so.9");
  CHECK(nl.error.find("kan libxlsxwriter niet laden (libverdeel-not-installed.so.9)") != std::string::npos);
}

TEST_CASE("xlsx library: a library without the functions is refused, naming the first missing") {
  setLanguage(Language::English);
  const output::XlsxLoad load = output::loadXlsxLibrary("libz.so.1");
  CHECK(load.library == nullptr);
  CHECK(load.error ==
        "libz.so.1 has no function `workbook_new_opt`; this program needs libxlsxwriter 1.1 or later");
  setLanguage(Language::Dutch);
}
