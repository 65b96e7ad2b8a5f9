#include "data/matches.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lang/language.hpp"
#include "source/utf8.hpp"

namespace verdeel::data {

namespace {
std::string text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* q = std::get_if<mpq_class>(&v)) return formatNumber(*q);
  if (const auto* d = std::get_if<Date>(&v)) return d->str();
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "ja" : "nee";
  return {};
}
}  // namespace

void checkColumnMatches(const check::Program& program, std::size_t ti, const Dataset& ds,
                        const std::vector<std::vector<std::uint32_t>>& columns, Diagnostics& diags) {
  const check::Table& table = program.tables[ti];
  const TableData& td = ds.tables[ti];
  for (std::size_t ci = 0; ci < table.columns.size(); ++ci) {
    const check::Column& col = table.columns[ci];
    if (col.matchVia < 0) continue;
    const auto via = static_cast<std::size_t>(col.matchVia);
    const auto targetIndex = static_cast<std::size_t>(table.columns[via].type.table);
    const check::Table& target = program.tables[targetIndex];
    const TableData& tt = ds.tables[targetIndex];
    const auto other = static_cast<std::size_t>(col.matchColumn);
    const std::string& otherName = target.columns[other].name;
    for (std::size_t r = 0; r < td.size(); ++r) {
      const Value& v = td.cell(r, ci);
      if (std::holds_alternative<Empty>(v)) continue;
      const auto* ref = std::get_if<EntityRef>(&td.cell(r, via));
      if (!ref) continue;
      const Value& expected = tt.cell(static_cast<std::size_t>(ref->row), other);
      if (v == expected) continue;
      const std::string given = text(v), key = text(tt.cell(static_cast<std::size_t>(ref->row),
                                                            static_cast<std::size_t>(target.key)));
      const std::uint32_t line = td.lines[r],
                          c = ci < columns.size() && r < columns[ci].size() ? columns[ci][r] : 1;
      auto& d = diags.report(
          Code::E0419,
          SourceSpan{td.file, line, c, line,
                     c + static_cast<std::uint32_t>(std::max<std::size_t>(1, utf8::length(given)))},
          trf("`{}` does not match {} `{}`, whose {} is `{}`", given, target.name, key, otherName,
              text(expected)));
      d.notes.push_back(
          {col.span, trf("column `{}` must equal `{}.{}`", col.name, table.columns[via].name, otherName)});
      for (std::size_t o = 0; o < tt.size(); ++o)
        if (tt.cell(o, other) == v) {
          d.help = trf("{} `{}` has {} `{}`: correct the one that is wrong", target.name,
                       text(tt.cell(o, static_cast<std::size_t>(target.key))), otherName, given);
          break;
        }
      if (d.help.empty()) {
        std::vector<std::string> values;
        values.reserve(tt.size());
        for (std::size_t o = 0; o < tt.size(); ++o) values.push_back(text(tt.cell(o, other)));
        const std::string near = closestMatch(given, values);
        d.help = near.empty()
                     ? trf("no {} has {} `{}`: correct the one that is wrong", target.name, otherName, given)
                     : trf("no {} has {} `{}`; did you mean `{}`?", target.name, otherName, given, near);
      }
    }
  }
}

}  // namespace verdeel::data
