// The renderings of a diff: text for the terminal, CSV for spreadsheets (every change with its
// causes), Markdown short enough for a nota (the changes found, the summary per group when asked,
// otherwise the main value per entity with its causes).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "diff/diff.hpp"

namespace verdeel::diff {

namespace {

std::string causeText(const Cause& c) {
  return c.delta.empty() ? c.label : fmt::format("{} {}", c.label, c.delta);
}

// One cause that moves the whole change is named without its share (it is the change itself).
std::string causesText(const Change& change) {
  const auto& causes = change.causes;
  if (causes.size() == 1 && (causes.front().delta == change.delta || causes.front().delta.empty()))
    return causes.front().label;
  std::vector<std::string> parts;
  parts.reserve(causes.size());
  for (const Cause& c : causes) parts.push_back(causeText(c));
  return fmt::format("{}", fmt::join(parts, "; "));
}

// The first `max` of a list of (name, change) as `Assen -698, Emmen +12, en 3 meer`.
std::string shares(const std::vector<std::pair<std::string, mpq_class>>& list, std::size_t max,
                   const char* separator) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < list.size() && i < max; ++i)
    parts.push_back(fmt::format("{} {}", list[i].first, formatDutch(list[i].second, 2, true)));
  if (list.size() > max) parts.push_back(fmt::format("en {} meer", list.size() - max));
  return fmt::format("{}", fmt::join(parts, separator));
}

std::string groupCauses(const Group& g, std::size_t max) {
  return shares(g.causes, max, "; ");
}

std::string movers(const Group& g, std::size_t max) {
  return shares(g.movers, max, ", ");
}

// A value for readers: a number in Dutch notation, anything else as computed.
std::string readable(const Value& v, const std::string& computed) {
  const auto* q = std::get_if<mpq_class>(&v);
  return q ? formatDutch(*q) : computed;
}

std::string padLeft(const std::string& s, std::size_t width) {
  std::size_t shown = 0;  // characters, not bytes
  for (unsigned char ch : s) shown += (ch & 0xC0) != 0x80;
  return shown >= width ? s : std::string(width - shown, ' ') + s;
}

std::string padRight(const std::string& s, std::size_t width) {
  std::size_t shown = 0;
  for (unsigned char ch : s) shown += (ch & 0xC0) != 0x80;
  return shown >= width ? s : s + std::string(width - shown, ' ');
}

}  // namespace

std::string renderText(const Result& r, const std::string& oldName, const std::string& newName) {
  std::string out = fmt::format("verschillen van {} naar {}\n", oldName, newName);
  if (r.candidates.empty()) {
    out += "wijzigingen: geen\n";
  } else {
    out += "wijzigingen (elk op zichzelf nagerekend als oorzaak):\n";
    for (const Candidate& c : r.candidates) out += fmt::format("  {}\n", c.label);
  }
  for (const auto& n : r.notes) out += fmt::format("let op: {}\n", n);
  if (r.summary) {
    const Summary& s = *r.summary;
    out += fmt::format("\nper {}: som van {} over {}\n", s.groupTable, s.definition, s.table);
    std::size_t width = s.groupTable.size();
    for (const Group& g : s.groups) width = std::max(width, g.name.size());
    out += fmt::format("  {} {} {} {}  gewijzigd\n", padRight(s.groupTable, width), padLeft("voor", 9),
                       padLeft("na", 9), padLeft("verschil", 9));
    for (const Group& g : s.groups) {
      out += fmt::format("  {} {} {} {}  {} van {}\n", padRight(g.name, width),
                         padLeft(formatDutch(g.before), 9), padLeft(formatDutch(g.after), 9),
                         padLeft(formatDutch(g.after - g.before, 2, true), 9), g.changed, g.members);
      if (!g.movers.empty()) out += fmt::format("      waarheen: {}\n", movers(g, 5));
      if (!g.causes.empty()) out += fmt::format("      oorzaken: {}\n", groupCauses(g, 4));
    }
  } else {
    std::string last;
    for (const Change& c : r.changes) {
      const std::string who = c.name.empty() ? fmt::format("{} {}", c.table, c.key)
                                             : fmt::format("{} {} ({})", c.table, c.key, c.name);
      if (who != last) out += "\n" + who + "\n";
      last = who;
      out += fmt::format("  {}: {} -> {}{}   {}: {}\n", c.definition, c.beforeText, c.afterText,
                         c.delta.empty() ? "" : " (" + c.delta + ")",
                         c.causes.size() == 1 ? "oorzaak" : "oorzaken", causesText(c));
    }
  }
  out += "\ntotalen\n";
  for (const Total& t : r.totals)
    if (!r.summary || t.main)
      out += fmt::format("  som van {} over {}: {} -> {} ({})\n", t.definition, t.table, t.before, t.after,
                         t.delta);
  if (!r.onlyNew.empty()) out += fmt::format("alleen in {}: {}\n", newName, fmt::join(r.onlyNew, ", "));
  if (!r.onlyOld.empty()) out += fmt::format("alleen in {}: {}\n", oldName, fmt::join(r.onlyOld, ", "));
  out += fmt::format("\n{} van {} waarden verschillen\n", r.changes.size(), r.compared);
  return out;
}

// Numbers in CSV as programs read them: exact, a decimal point, no grouping.
std::string plainDelta(const mpq_class& d) {
  return (d > 0 ? "+" : "") + formatNumber(d);
}

std::string renderCsv(const Result& r, output::CsvCells cells) {
  std::string out = "tabel,sleutel,naam,definitie,voor,na,verschil,oorzaak\n";
  for (const Change& c : r.changes) {
    const auto* b = std::get_if<mpq_class>(&c.before);
    const auto* a = std::get_if<mpq_class>(&c.after);
    std::vector<std::string> causes;
    causes.reserve(c.causes.size());
    for (const Cause& cause : c.causes)
      causes.push_back(cause.share ? fmt::format("{} {}", cause.label, plainDelta(*cause.share))
                                   : cause.label);
    out += fmt::format("{},{},{},{},{},{},{},{}\n", output::csvField(c.table, cells),
                       output::csvField(c.key, cells), output::csvField(c.name, cells),
                       output::csvField(c.definition, cells), output::csvField(c.beforeText, cells),
                       output::csvField(c.afterText, cells),
                       output::csvField(a && b ? plainDelta(*a - *b) : std::string(), cells),
                       output::csvField(fmt::format("{}", fmt::join(causes, "; ")), cells));
  }
  for (const Total& t : r.totals)
    out +=
        fmt::format("{},totaal,,{},{},{},{},\n", output::csvField(t.table, cells),
                    output::csvField(t.definition, cells), formatNumber(t.sumBefore),
                    formatNumber(t.sumAfter), output::csvField(plainDelta(t.sumAfter - t.sumBefore), cells));
  return out;
}

std::string renderMarkdown(const Result& r, const std::string& oldName, const std::string& newName) {
  using output::markdownCell;
  std::string out =
      fmt::format("# Verschillen van {} naar {}\n\n", markdownCell(oldName), markdownCell(newName));
  if (r.candidates.empty()) {
    out += "Wijzigingen: geen.\n\n";
  } else {
    out += "Wijzigingen, elk op zichzelf nagerekend als oorzaak:\n\n";
    for (const Candidate& c : r.candidates) out += fmt::format("- {}\n", markdownCell(c.label));
    out += "\n";
  }
  for (const auto& n : r.notes) out += fmt::format("Let op: {}.\n\n", markdownCell(n));
  if (r.summary) {
    const Summary& s = *r.summary;
    out += fmt::format("## Per {} ({} per {})\n\n", s.groupTable, s.definition, s.table);
    out += fmt::format("| {} | voor | na | verschil | gewijzigd | grootste wijzigingen | oorzaken |\n",
                       s.groupTable);
    out += "| --- | ---: | ---: | ---: | ---: | --- | --- |\n";
    mpq_class before = 0, after = 0;
    std::size_t changed = 0, members = 0;
    for (const Group& g : s.groups) {
      out +=
          fmt::format("| {} | {} | {} | {} | {} van {} | {} | {} |\n", markdownCell(g.name),
                      formatDutch(g.before), formatDutch(g.after), formatDutch(g.after - g.before, 2, true),
                      g.changed, g.members, markdownCell(movers(g, 3)), markdownCell(groupCauses(g, 3)));
      before += g.before;
      after += g.after;
      changed += g.changed;
      members += g.members;
    }
    out += fmt::format("| **totaal** | **{}** | **{}** | **{}** | {} van {} | | |\n\n", formatDutch(before),
                       formatDutch(after), formatDutch(after - before, 2, true), changed, members);
  } else {
    std::set<std::string> shown;
    for (const Change& c : r.changes)
      if (c.main) shown.insert(c.definition);
    out += "| wie | waarde | voor | na | verschil | oorzaken |\n| --- | --- | ---: | ---: | ---: | --- |\n";
    std::size_t rows = 0;
    for (const Change& c : r.changes) {
      if (!c.main) continue;
      ++rows;
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdownCell(c.name.empty() ? c.key : c.name),
                         markdownCell(c.definition), markdownCell(readable(c.before, c.beforeText)),
                         markdownCell(readable(c.after, c.afterText)), markdownCell(c.delta),
                         markdownCell(causesText(c)));
    }
    out += fmt::format("\n{} gewijzigde waarden getoond ({}); alle {} in `--format csv`.\n\n", rows,
                       fmt::join(shown, ", "), r.changes.size());
  }
  out += "| totaal | voor | na | verschil |\n| --- | ---: | ---: | ---: |\n";
  for (const Total& t : r.totals)
    if (r.summary ? t.definition == r.summary->definition && t.table == r.summary->table : t.main)
      out += fmt::format("| som van {} over {} | {} | {} | {} |\n", t.definition, t.table, t.before, t.after,
                         t.delta);
  out += fmt::format("\n{} van {} waarden verschillen.\n", r.changes.size(), r.compared);
  return out;
}

}  // namespace verdeel::diff
