# The C and C++ libraries the programs use, as targets of our own: verdeel_gmp, verdeel_crypto,
# verdeel_icu_uc, verdeel_icu_i18n, and verdeel_xlsxwriter (its headers and the SONAME to load).
#
# VERDEEL_STATIC_LIBS (on unless sanitizing or fuzzing) links GMP, ICU and OpenSSL's libcrypto from
# their Debian static archives: a process then starts without the dynamic loader resolving the
# symbols of those libraries and of the libraries they need in turn, which was about a tenth of the
# CPU of a whole 2024 run (docs/performance.md). libstdc++ and fmt stay shared (Debian ships no static
# fmt). libxlsxwriter is not linked at all: output/xlsx_library.cpp loads it when a workbook is
# written, by the SONAME found here.
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
