// libxlsxwriter, loaded when the first workbook is written (dlopen) instead of when the program
// starts: most runs write no workbook, and a library linked at start costs every run the resolution
// of its symbols and of those of the libraries it needs in turn (zlib, minizip, OpenSSL's libcrypto).
// One pointer per function the workbook writer calls (output/xlsx_functions.def), each of the
// function's own type, so a call reads as before: `x.workbook_close(wb)`. Loaded once per process and
// kept; safe to call from several threads.
#pragma once

#include <xlsxwriter.h>

#include <memory>
#include <string>

namespace verdeel::output {

struct XlsxLibrary {
// NOLINTNEXTLINE(bugprone-macro-parentheses): `name` is a declarator here, which takes no parentheses
#define VERDEEL_XLSX_FUNCTION(name) decltype(&::name) name = nullptr;
#include "output/xlsx_functions.def"
#undef VERDEEL_XLSX_FUNCTION
};

// The library of this build (its SONAME found when the program was configured), loaded at the
// first call; nullptr, with the reason in the user's language in `error`, when it cannot be loaded
// or lacks a function.
const XlsxLibrary* xlsxLibrary(std::string& error);

// Loads the library `soname` (what xlsxLibrary does once; for tests): the functions, or none and why.
struct XlsxLoad {
  std::unique_ptr<XlsxLibrary> library;
  std::string error;
};
XlsxLoad loadXlsxLibrary(const char* soname);

}  // namespace verdeel::output
