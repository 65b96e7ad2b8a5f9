#include "scenario/setting.hpp"

#include <fmt/format.h>

#include "diag/diagnostic.hpp"
#include "lang/language.hpp"
#include "source/text.hpp"

namespace verdeel::scenario {

namespace {

using check::Kind;

bool digitsOnly(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

// A whole number: an optional sign, then digits with single `_` between them.
std::optional<mpq_class> wholeNumber(std::string_view t) {
  std::string digits;
  std::size_t i = 0;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    digits += t[0] == '-' ? "-" : "";
    i = 1;
  }
  bool lastDigit = false;
  for (; i < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9') {
      digits += t[i];
      lastDigit = true;
    } else if (t[i] == '_' && lastDigit && i + 1 < t.size()) {
      lastDigit = false;
    } else {
      return std::nullopt;
    }
  }
  if (!lastDigit || digits.size() > 4000) return std::nullopt;
  return mpq_class(mpz_class(digits, 10));
}

// A number: whole, decimal with one `.` or `,`, or a fraction `p/q`.
std::optional<mpq_class> number(std::string_view t) {
  if (auto w = wholeNumber(t)) return w;
  if (const auto slash = t.find('/'); slash != std::string_view::npos) {
    auto p = wholeNumber(t.substr(0, slash));
    auto q = wholeNumber(t.substr(slash + 1));
    if (!p || !q || *q == 0) return std::nullopt;
    return mpq_class(*p / *q);
  }
  const auto sep = t.find_first_of(".,");
  if (sep == std::string_view::npos || t.find_first_of(".,", sep + 1) != std::string_view::npos)
    return std::nullopt;
  std::string text(t);
  text[sep] = '.';
  mpq_class q;
  if (!digitsOnly(t.substr(sep + 1)) || !parseNumber(text, '.', q)) return std::nullopt;
  return q;
}

std::optional<Value> valueOf(const check::Type& type, std::string_view t, std::string& why) {
  switch (type.kind) {
    case Kind::Integer:
      if (auto q = wholeNumber(t)) return Value{*q};
      why = tr("a whole number, written without a point or comma: `88000` or `88_000`");
      return std::nullopt;
    case Kind::Number:
      if (auto q = number(t)) return Value{*q};
      why = tr("a number: `0.75`, `0,75` or `3/4`");
      return std::nullopt;
    case Kind::Text: return Value{std::string(t)};
    case Kind::Bool:
      if (t == "waar" || t == "ja") return Value{true};
      if (t == "onwaar" || t == "nee") return Value{false};
      why = tr("`waar` or `onwaar`");
      return std::nullopt;
    case Kind::Date:
      if (auto d = Date::parse(t)) return Value{*d};
      why = tr("a date written jjjj-mm-dd");
      return std::nullopt;
    case Kind::Herkomst:
      if (t == "echt") return Value{ast::Herkomst::Echt};
      if (t == "gereconstrueerd") return Value{ast::Herkomst::Gereconstrueerd};
      if (t == "fictief") return Value{ast::Herkomst::Fictief};
      why = tr("`echt`, `gereconstrueerd` or `fictief`");
      return std::nullopt;
    case Kind::Entity: why = tr("a value that can be written, and a reference cannot"); return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string valueText(const Value& v) {
  if (const auto* q = std::get_if<mpq_class>(&v)) return formatNumber(*q);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "waar" : "onwaar";
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Date>(&v)) return d->str();
  if (const auto* h = std::get_if<ast::Herkomst>(&v)) return std::string(ast::herkomstName(*h));
  return {};
}

std::string describe(const check::Program& p, const std::vector<std::pair<int, Value>>& values) {
  std::vector<std::string> parts;
  parts.reserve(values.size());
  for (const auto& [param, v] : values)
    parts.push_back(fmt::format("{} = {}", p.parameters[static_cast<std::size_t>(param)].name, valueText(v)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::optional<Setting> parseSetting(const check::Program& p, const std::string& text, bool allowRange,
                                    std::size_t maxValues, std::string& error, std::string& help) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    error = trf("`--zet {}` should be NAAM=WAARDE", text);
    const std::string name = eq == 0 || text.empty() ? std::string("capaciteitsraming") : trimmed(text);
    help = allowRange ? trf("for example `--zet {}=88000` or `--zet {}=80000..100000/100`", name, name)
                      : trf("for example `--zet {}=88000`", name);
    return std::nullopt;
  }
  Setting s;
  s.name = trimmed(std::string_view(text).substr(0, eq));
  s.text = trimmed(std::string_view(text).substr(eq + 1));
  for (std::size_t i = 0; i < p.parameters.size(); ++i)
    if (p.parameters[i].name == s.name) s.parameter = static_cast<int>(i);
  if (s.parameter < 0) {
    std::vector<std::string> names;
    for (const auto& prm : p.parameters) names.push_back(prm.name);
    bool isDefinition = false;
    for (const auto& d : p.definitions) isDefinition = isDefinition || d.name == s.name;
    error = isDefinition ? trf("`{}` is a definition, not a parameter: only a parameter can be set", s.name)
                         : trf("there is no parameter `{}`", s.name);
    if (auto m = closestMatch(s.name, names); !m.empty()) help = trf("did you mean `{}`?", m);
    return std::nullopt;
  }
  const check::Type& type = p.parameters[static_cast<std::size_t>(s.parameter)].type;
  std::string why;
  const auto dots = s.text.find("..");
  if (dots == std::string::npos) {
    auto v = valueOf(type, s.text, why);
    if (!v) {
      error = trf("`{}` is not a value for parameter `{}`", s.text, s.name);
      help = trf("`{}` needs {}", s.name, why);
      return std::nullopt;
    }
    if (const check::Choice* k = p.choiceOf(s.parameter); k && !k->find(s.text)) {
      std::vector<std::string> readings;
      for (const auto& a : k->alternatives) readings.push_back(a.name);
      error = trf("keuze `{}` has no reading `{}`", s.name, s.text);
      const std::string m = closestMatch(s.text, readings);
      help = m.empty() ? trf("its readings are {}", fmt::format("`{}`", fmt::join(readings, "`, `")))
                       : trf("did you mean `{}`?", m);
      return std::nullopt;
    }
    s.values.push_back(std::move(*v));
    return s;
  }
  // A range VAN..TOT/STAP of numbers, both ends included when the steps reach TOT.
  const auto slash = s.text.find('/', dots);
  if (!allowRange) {
    error = trf("`{}` is a range; only `verdeel sweep` goes through a range of values", s.text);
    help = trf("give one value, for example `--zet {}={}`", s.name, s.text.substr(0, dots));
    return std::nullopt;
  }
  if (!type.numeric() || slash == std::string::npos) {
    error = trf("`{}` is not a range for parameter `{}`", s.text, s.name);
    help = type.numeric() ? tr("write VAN..TOT/STAP, for example `80000..100000/100`")
                          : trf("only a number can go through a range, and `{}` is not one", s.name);
    return std::nullopt;
  }
  auto from = valueOf(type, s.text.substr(0, dots), why);
  auto to = valueOf(type, s.text.substr(dots + 2, slash - dots - 2), why);
  auto step = valueOf(type, s.text.substr(slash + 1), why);
  if (!from || !to || !step) {
    error = trf("`{}` is not a range for parameter `{}`", s.text, s.name);
    help = trf("VAN, TOT and STAP are each {}", why);
    return std::nullopt;
  }
  const mpq_class a = std::get<mpq_class>(*from), b = std::get<mpq_class>(*to),
                  d = std::get<mpq_class>(*step);
  if (d <= 0 || b < a) {
    error = trf("the range `{}` is empty or never ends", s.text);
    help = tr("VAN is at most TOT and STAP is more than 0, for example `80000..100000/100`");
    return std::nullopt;
  }
  const mpq_class steps = (b - a) / d;
  const mpz_class count = mpz_class(steps.get_num() / steps.get_den()) + 1;
  if (count > maxValues) {
    error =
        trf("the range `{}` has {} values, more than the limit of {}", s.text, count.get_str(), maxValues);
    help = tr("take a larger step, or raise the limit with `--max-scenarios`");
    return std::nullopt;
  }
  s.range = true;
  for (mpq_class v = a; v <= b; v += d) s.values.emplace_back(v);
  return s;
}

}  // namespace verdeel::scenario
