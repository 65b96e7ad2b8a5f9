// The doctest runner of the unit tests: one executable, each TEST_CASE registered with CTest.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
