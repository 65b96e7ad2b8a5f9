// Unit tests of check::plainSkeleton (check/lookalike.hpp): the skeleton of a name of ASCII letters,
// digits, `_`, spaces and parentheses is ICU's (UTS #39), for every such character and for generated names
// (rapidcheck); any other name is left to ICU.
#include <doctest/doctest.h>
#include <rapidcheck.h>
#include <unicode/uspoof.h>

#include <memory>
#include <string>

#include "check/lookalike.hpp"

namespace {
std::string icuSkeleton(const std::string& name) {
  UErrorCode e = U_ZERO_ERROR;
  std::unique_ptr<USpoofChecker, void (*)(USpoofChecker*)> sc(uspoof_open(&e), uspoof_close);
  REQUIRE(U_SUCCESS(e));
  std::string out(name.size() * 4 + 16, '\0');
  const int32_t n = uspoof_getSkeletonUTF8(sc.get(), 0, name.data(), static_cast<int32_t>(name.size()),
                                           out.data(), static_cast<int32_t>(out.size()), &e);
  REQUIRE(U_SUCCESS(e));
  out.resize(static_cast<std::size_t>(n));
  return out;
}
const std::string kPlain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ()";
}  // namespace

TEST_CASE("the skeleton of every plain character is ICU's") {
  for (char c : kPlain) {
    CAPTURE(c);
    CHECK(verdeel::check::plainSkeleton(std::string(1, c)) == icuSkeleton(std::string(1, c)));
  }
  CHECK(verdeel::check::plainSkeleton("Totaal_1") == "Totaal_l");
  CHECK(verdeel::check::plainSkeleton("opgave_m") == verdeel::check::plainSkeleton("opgave_rn"));
  CHECK(verdeel::check::plainSkeleton("telt_regulier (lezing alle)") ==
        icuSkeleton("telt_regulier (lezing alle)"));
}

TEST_CASE("names that are not plain are left to ICU") {
  CHECK_FALSE(verdeel::check::plainSkeleton("t\xD0\xBEtaal").has_value());     // a Cyrillic o
  CHECK_FALSE(verdeel::check::plainSkeleton("co\u00EBfficient").has_value());  // an e with a diaeresis
  CHECK_FALSE(verdeel::check::plainSkeleton("a-b").has_value());
  CHECK_FALSE(verdeel::check::plainSkeleton("a|b").has_value());  // `|` looks like `l`: ICU says so
}

TEST_CASE("generated plain names have ICU's skeleton") {
  CHECK(rc::check("plainSkeleton = ICU", [] {
    const auto length = *rc::gen::inRange<std::size_t>(1, 24);
    std::string name;
    for (std::size_t i = 0; i < length; ++i) name += kPlain[*rc::gen::inRange<std::size_t>(0, kPlain.size())];
    RC_ASSERT(verdeel::check::plainSkeleton(name) == icuSkeleton(name));
  }));
}
