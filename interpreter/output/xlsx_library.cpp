#include "output/xlsx_library.hpp"

#include <dlfcn.h>

#include <memory>

#include "lang/language.hpp"

namespace verdeel::output {

namespace {

// dlerror()'s text, or a fallback when it has none.
std::string lastError() {
  const char* e = dlerror();
  return e != nullptr ? std::string(e) : std::string("?");
}

}  // namespace

XlsxLoad loadXlsxLibrary(const char* soname) {
  XlsxLoad out;
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    out.error = trf("cannot load libxlsxwriter ({}): {}; install the Debian package libxlsxwriter4", soname,
                    lastError());
    return out;
  }
  auto lib = std::make_unique<XlsxLibrary>();
  std::string missing;
#define VERDEEL_XLSX_FUNCTION(name)                                      \
  lib->name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name)); \
  if (lib->name == nullptr && missing.empty()) missing = #name;
#include "output/xlsx_functions.def"
#undef VERDEEL_XLSX_FUNCTION
  if (!missing.empty()) {
    out.error =
        trf("{} has no function `{}`; this program needs libxlsxwriter 1.1 or later", soname, missing);
    dlclose(handle);
    return out;
  }
  out.library = std::move(lib);
  return out;
}

const XlsxLibrary* xlsxLibrary(std::string& error) {
  // VERDEEL_XLSXWRITER_SONAME: the library's SONAME as found when the program was configured. Once
  // per process; C++ makes the first call thread-safe.
  static const XlsxLoad loaded = loadXlsxLibrary(VERDEEL_XLSXWRITER_SONAME);
  if (!loaded.library) error = loaded.error;
  return loaded.library.get();
}

}  // namespace verdeel::output
