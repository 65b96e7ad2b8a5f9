# The C and C++ libraries the programs use, as targets of our own: verdeel_fmt, verdeel_gmp,
# verdeel_crypto, verdeel_icu_uc, verdeel_icu_i18n, and verdeel_xlsxwriter (its headers and the
# SONAME to load); and verdeel_static_runtime(TARGET) for the programs users run.
#
# VERDEEL_STATIC_LIBS (on unless sanitizing or fuzzing) links GMP, ICU and OpenSSL's libcrypto from
# their Debian static archives, fmt compiled from its own implementation header (fmt_library.cpp:
# Debian ships no static libfmt), and, for `verdeel` itself, libstdc++ and libgcc statically: the
# program then needs only libc and libm, and a process starts without the dynamic loader resolving
# the symbols of a dozen libraries, which was about a tenth of the CPU of a whole 2024 run
# (docs/performance.md). The test and benchmark programs keep the shared libstdc++, which Google
# Benchmark's shared library needs as well. libxlsxwriter is not linked at all:
# output/xlsx_library.cpp loads it when a workbook is written, by the SONAME found here.
if(VERDEEL_SANITIZE OR VERDEEL_FUZZ)
  set(_verdeel_static_default OFF)
else()
  set(_verdeel_static_default ON)
endif()
option(VERDEEL_STATIC_LIBS "Link GMP, ICU and libcrypto statically (a faster start)" ${_verdeel_static_default})

find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
pkg_check_modules(GMP REQUIRED IMPORTED_TARGET gmpxx gmp)
pkg_check_modules(XLSXWRITER REQUIRED xlsxwriter)

# verdeel_library(NAME SHARED_TARGET STATIC_FILES... [DEPENDS libs...]): an interface target that
# links the package's shared target, or with VERDEEL_STATIC_LIBS the named archives in that order.
function(verdeel_library name shared)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "DEPENDS")
  add_library(${name} INTERFACE)
  if(NOT VERDEEL_STATIC_LIBS)
    target_link_libraries(${name} INTERFACE ${shared})
    return()
  endif()
  foreach(file IN LISTS arg_UNPARSED_ARGUMENTS)
    string(MAKE_C_IDENTIFIER "VERDEEL_ARCHIVE_${file}" var)
    find_library(${var} NAMES ${file} REQUIRED)
    target_link_libraries(${name} INTERFACE ${${var}})
  endforeach()
  target_link_libraries(${name} INTERFACE ${arg_DEPENDS})
  # The headers are the shared target's (the same package).
  target_include_directories(${name} SYSTEM INTERFACE $<TARGET_PROPERTY:${shared},INTERFACE_INCLUDE_DIRECTORIES>)
endfunction()

add_library(verdeel_fmt INTERFACE)
if(VERDEEL_STATIC_LIBS)
  # fmt's headers without FMT_SHARED or FMT_HEADER_ONLY: declarations everywhere, one definition here.
  add_library(verdeel_fmt_impl STATIC ${CMAKE_CURRENT_LIST_DIR}/fmt_library.cpp)
  target_include_directories(verdeel_fmt_impl SYSTEM PUBLIC
                             $<TARGET_PROPERTY:fmt::fmt,INTERFACE_INCLUDE_DIRECTORIES>)
  target_link_libraries(verdeel_fmt INTERFACE verdeel_fmt_impl)
else()
  target_link_libraries(verdeel_fmt INTERFACE fmt::fmt)
endif()

# verdeel_static_runtime(TARGET): with VERDEEL_STATIC_LIBS, TARGET links libstdc++ and libgcc
# statically (for `verdeel`; see above why not the test programs).
function(verdeel_static_runtime target)
  if(VERDEEL_STATIC_LIBS)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()

verdeel_library(verdeel_gmp PkgConfig::GMP libgmpxx.a libgmp.a)
verdeel_library(verdeel_crypto OpenSSL::Crypto libcrypto.a DEPENDS Threads::Threads ${CMAKE_DL_LIBS})
verdeel_library(verdeel_icu_uc ICU::uc libicuuc.a libicudata.a DEPENDS Threads::Threads ${CMAKE_DL_LIBS})
verdeel_library(verdeel_icu_i18n ICU::i18n libicui18n.a DEPENDS verdeel_icu_uc)

# libxlsxwriter: headers only at build time; the SONAME of the shared library, read from its ELF
# header, is what output/xlsx_library.cpp loads.
find_library(VERDEEL_XLSXWRITER_LIBRARY NAMES xlsxwriter REQUIRED HINTS ${XLSXWRITER_LIBRARY_DIRS})
execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${VERDEEL_XLSXWRITER_LIBRARY} OUTPUT_VARIABLE _verdeel_xlsx_dump
                RESULT_VARIABLE _verdeel_xlsx_result)
string(REGEX MATCH "SONAME +([^ \n]+)" _verdeel_xlsx_soname "${_verdeel_xlsx_dump}")
if(NOT _verdeel_xlsx_result EQUAL 0 OR NOT CMAKE_MATCH_1)
  message(FATAL_ERROR "cannot read the SONAME of ${VERDEEL_XLSXWRITER_LIBRARY} with ${CMAKE_OBJDUMP}")
endif()
add_library(verdeel_xlsxwriter INTERFACE)
target_include_directories(verdeel_xlsxwriter SYSTEM INTERFACE ${XLSXWRITER_INCLUDE_DIRS})
target_compile_definitions(verdeel_xlsxwriter INTERFACE VERDEEL_XLSXWRITER_SONAME="${CMAKE_MATCH_1}")
target_link_libraries(verdeel_xlsxwriter INTERFACE ${CMAKE_DL_LIBS})
