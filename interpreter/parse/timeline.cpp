#include "parse/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parse/amend.hpp"

namespace verdeel::parse {

namespace {

// The text of a span on one line (a value as written), or "" when it spans lines.
std::string textOf(const SourceSpan& s, const SourceManager& sources) {
  if (!s.valid() || s.endLine != s.line) return {};
  const std::string_view line = sources.line(s.file, s.line);
  // Columns count code points; walk the bytes.
  std::size_t byte = 0, col = 1, from = std::string_view::npos, to = line.size();
  for (; byte <= line.size(); ++col) {
    if (col == s.col) from = byte;
    if (col == s.endCol) {
      to = byte;
      break;
    }
    if (byte == line.size()) break;
    ++byte;
    while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
  }
  if (from == std::string_view::npos || to < from) return {};
  return std::string(line.substr(from, to - from));
}

}  // namespace

std::vector<TimelineEvent> timeline(const ast::RuleSet& rs, const SourceManager& sources) {
  std::vector<TimelineEvent> out;
  if (rs.headers.empty()) return out;
  const ast::Header& own = rs.headers.front();
  out.push_back({own.validFrom, fmt::format("regeling \"{}\" treedt in werking", own.title), own.span});
  if (!own.base.empty())
    out.push_back(
        {own.validFrom,
         fmt::format("bouwt voort op \"{}\" ({}), met {} eigen onderdelen", own.base,
                     rs.bases.empty() ? std::string() : rs.bases.back().header.title, rs.ownParts.size()),
         own.baseSpan});
  for (const ast::Amendment& am : rs.amendments) {
    for (const ast::AmendmentPart& p : am.parts)
      out.push_back(
          {am.header.validFrom,
           fmt::format("wijziging \"{}\", onderdeel {}: {}", am.header.title, p.label, partAction(p)),
           p.span});
    if (am.header.validUntil)
      out.push_back({am.header.validUntil->nextDay(),
                     fmt::format("wijziging \"{}\" vervalt (geldig tot en met {})", am.header.title,
                                 am.header.validUntil->str()),
                     am.header.span});
  }
  // A value takes effect on its own date, or, when an amendment brings it, not before that.
  auto parameterValues = [&](const ast::ParameterDecl& p, std::optional<Date> floor) {
    if (p.values.size() < 2 && !floor) return;
    for (const ast::ParameterValue& v : p.values) {
      if (!v.from) continue;
      const Date when = floor && *v.from < *floor ? *floor : *v.from;
      std::string value = textOf(v.span, sources);
      if (value.rfind('=', 0) == 0) value = value.substr(1);
      if (const auto cut = value.find(" vanaf "); cut != std::string::npos) value = value.substr(0, cut);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      out.push_back(
          {when,
           fmt::format("parameter {} wordt {}{}", p.name.name, value,
                       v.basis.empty() ? std::string() : fmt::format(" (grondslag \"{}\")", v.basis)),
           v.span});
    }
  };
  for (const ast::ParameterDecl& p : rs.parameters) parameterValues(p, std::nullopt);
  for (const ast::AmendmentPart& p : rs.ownParts)
    for (const ast::ParameterDecl& x : p.content.parameters) parameterValues(x, own.validFrom);
  for (const ast::Amendment& am : rs.amendments)
    for (const ast::AmendmentPart& p : am.parts)
      for (const ast::ParameterDecl& x : p.content.parameters) parameterValues(x, am.header.validFrom);
  for (const ast::TableDecl& t : rs.tables)
    for (const ast::TableSourceDecl& s : t.sources)
      if (s.from)
        out.push_back({*s.from, fmt::format("tabel {} leest uit \"{}\"", t.name.name, s.path), s.span});
  // Only what happens while the regulation is in force; in date order, stable.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const TimelineEvent& e) {
                             return e.date < own.validFrom || (own.validUntil && *own.validUntil < e.date);
                           }),
            out.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.date < b.date; });
  return out;
}

std::vector<Date> versionDates(const std::vector<TimelineEvent>& events) {
  std::vector<Date> out;
  for (const TimelineEvent& e : events)
    if (out.empty() || !(out.back() == e.date)) out.push_back(e.date);
  return out;
}

}  // namespace verdeel::parse
