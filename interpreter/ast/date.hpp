// A calendar date (peildatum, geldig vanaf): exact, comparable, printed as jjjj-mm-dd.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace verdeel {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 false positive
  std::string str() const;
  // The day after this one (a version that ends on `geldig tot` D is replaced on D's next day).
  Date nextDay() const;
  // Parses `jjjj-mm-dd`; nullopt for a malformed or impossible date (2024-02-30).
  static std::optional<Date> parse(std::string_view text);
};

}  // namespace verdeel
