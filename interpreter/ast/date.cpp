#include "ast/date.hpp"

#include <fmt/format.h>

namespace verdeel {

std::string Date::str() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Date Date::nextDay() const {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = days[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day < last) return Date{year, month, day + 1};
  if (month < 12) return Date{year, month + 1, 1};
  return Date{year + 1, 1, 1};
}

std::optional<Date> Date::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto num = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year < 0 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = days[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > max) return std::nullopt;
  return d;
}

}  // namespace verdeel
