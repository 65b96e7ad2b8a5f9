#include "verify/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "data/csv.hpp"
#include "explain/explain.hpp"
#include "lang/language.hpp"
#include "source/text.hpp"

namespace verdeel::verify {

namespace {

// The usual names in a published decision, when no definition has the column's own name.
const std::map<std::string, std::string> kAliases = {
    {"totaal", "besluit_totaal"}, {"regulier", "besluit_regulier"}, {"amv", "besluit_amv"}};

// The sum of a definition over the rows of `table`; with `via` >= 0 only over the rows whose
// reference column `via` names row `group` (the gemeenten of one provincie).
struct RowSum {
  bool failed = false;  // a value could not be computed (reported already)
  bool numeric = true;  // false: a value is no number, there is no sum
  mpq_class total;
};

RowSum sumOver(eval::Evaluation& ev, int def, int table, int via, int group) {
  RowSum out;
  const data::TableData& rows = ev.data().tables[static_cast<std::size_t>(table)];
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (via >= 0) {
      const auto* ref = std::get_if<EntityRef>(&rows.cell(r, static_cast<std::size_t>(via)));
      if (!ref || ref->row != group) continue;
    }
    const eval::Computed* c = ev.definition(def, static_cast<int>(r));
    if (!c) {
      out.failed = true;
      return out;
    }
    const auto* q = std::get_if<mpq_class>(&c->value);
    if (!q) {
      out.numeric = false;
      return out;
    }
    out.total += *q;
  }
  return out;
}

}  // namespace

bool reconcile(eval::Evaluation& ev, const Options& o, const Limits& limits, SourceManager& sources,
               Diagnostics& diags, Summary& sum) {
  const check::Program& p = ev.program();
  const data::Dataset& d = ev.data();
  int table = -1;  // the table of the entities compared (of the first definition found)
  // The table whose rows the published rows are: `table`, or a table it refers to through column
  // `via` (a summary per provincie of values per gemeente: each published cell is a sum).
  int entityTable = -1, via = -1;
  std::set<int> seenRows;
  std::optional<Aliases> aliases;
  for (const std::string& path : o.published) {
    std::string error;
    data::CsvFile read;
    const bool split = data::readCsvFile(path, 0, limits, sources, diags, read, error);
    if (!error.empty()) {
      diags.report(Code::E0401, {}, trf("cannot read published table `{}`: {}", path, error));
      return false;
    }
    if (!split) return false;
    const std::uint32_t file = read.file;
    const data::CsvText& csv = read.csv;
    if (csv.records.empty()) {
      diags.report(Code::E0410, SourceSpan{file, 0, 0, 0, 0},
                   tr("the published table is empty: it has no header line"));
      return false;
    }
    ++sum.files;
    std::vector<std::string> header;
    for (const auto& f : csv.records.front().fields) header.push_back(trimmed(f.text));
    // Which columns are compared with which definition, then which column names the entity.
    std::vector<std::pair<int, int>> compared;  // (column, definition)
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string& h = header[c];
      std::string def = h;
      if (auto m = o.map.find(h); m != o.map.end()) def = m->second;
      int index = -1;
      for (std::size_t i = 0; i < p.definitions.size(); ++i)
        if (p.definitions[i].name == def && p.definitions[i].subject >= 0) index = static_cast<int>(i);
      if (index < 0 && !o.map.count(h))
        if (auto a = kAliases.find(h); a != kAliases.end())
          for (std::size_t i = 0; i < p.definitions.size(); ++i)
            if (p.definitions[i].name == a->second && p.definitions[i].subject >= 0)
              index = static_cast<int>(i);
      if (index >= 0) {
        const int subject = p.definitions[static_cast<std::size_t>(index)].subject;
        if (table < 0) table = subject;
        if (subject == table) compared.emplace_back(static_cast<int>(c), index);
      }
    }
    int idCol =
        table < 0 ? -1 : entityColumn(header, p.tables[static_cast<std::size_t>(table)], o.entityColumn);
    if (table >= 0 && entityTable < 0) entityTable = table;
    if (table >= 0 && idCol < 0 && o.entityColumn.empty()) {
      // A summary: a column names a table the compared values' table refers to.
      const check::Table& t = p.tables[static_cast<std::size_t>(table)];
      for (std::size_t c = 0; c < t.columns.size() && idCol < 0; ++c) {
        if (t.columns[c].type.kind != check::Kind::Entity) continue;
        const check::Table& g = p.tables[static_cast<std::size_t>(t.columns[c].type.table)];
        for (const std::string& h : {g.name, t.columns[c].name})
          if (const int found = entityColumn(header, g, h); found >= 0 && idCol < 0) {
            idCol = found;
            entityTable = t.columns[c].type.table;
            via = static_cast<int>(c);
          }
      }
    }
    if (idCol < 0 || compared.empty()) {
      auto& diag = diags.report(
          Code::E0405, SourceSpan{file, 1, 1, 1, 2},
          compared.empty() ? std::string(tr("no column of the published table matches a computed value"))
                           : std::string(tr("the published table has no column naming the entity")));
      diag.help =
          compared.empty()
              ? tr("map a column with `--kolom GEPUBLICEERD=DEFINITIE`, e.g. `--kolom taak=besluit_totaal`")
              : tr("name it with `--sleutel KOLOM` (default: the table's key, `code` or `naam`)");
      return false;
    }
    if (!aliases) aliases.emplace(ev, entityTable);
    std::vector<std::pair<int, std::string>> apartColumns;  // (column, value)
    for (const auto& [column, value] : o.apart)
      for (std::size_t c = 0; c < header.size(); ++c)
        if (header[c] == column) apartColumns.emplace_back(static_cast<int>(c), value);
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
      const auto& rec = csv.records[r];
      if (rec.fields.size() != header.size()) {
        diags.report(Code::E0404, SourceSpan{file, rec.line, 1, rec.line, 2},
                     trf("this line has {} fields, the header has {}", rec.fields.size(), header.size()));
        continue;
      }
      const auto& idField = rec.fields[static_cast<std::size_t>(idCol)];
      if (asciiLower(trimmed(idField.text)) == "totaal") {  // a totals row: the sum over every entity
        for (const auto& [col, def] : compared) {
          const auto& f = rec.fields[static_cast<std::size_t>(col)];
          const std::string text = trimmed(f.text);
          if (text.empty()) continue;
          const RowSum all = sumOver(ev, def, table, -1, -1);
          if (all.failed) return false;
          if (!all.numeric) continue;
          const mpq_class& total = all.total;
          ++sum.cells;
          const auto pub = publishedNumber(text, csv.separator, o.notation);
          if (pub && *pub == total) continue;
          ++sum.mismatches;
          const check::Definition& dd = p.definitions[static_cast<std::size_t>(def)];
          diags
              .report(Code::E0509,
                      SourceSpan{file, f.line, f.col, f.line, f.col + std::max<std::uint32_t>(1, f.width)},
                      trf("{} of {}: published {}, computed {}", dd.name, tr("the totals row"), text,
                          formatNumber(total)))
              .basis = p.basis(dd.article);
        }
        continue;
      }
      std::string why;
      auto entity = explain::findEntity(
          ev,
          fmt::format("{}:{}", p.tables[static_cast<std::size_t>(entityTable)].name, trimmed(idField.text)),
          entityTable, why);
      if (!entity) {
        if (const int row = aliases->find(trimmed(idField.text)); row >= 0)
          entity = explain::Entity{entityTable, row};
      }
      if (!entity) {
        ++sum.unknown;
        auto& diag =
            diags.report(Code::E0510,
                         SourceSpan{file, idField.line, idField.col, idField.line,
                                    idField.col + std::max<std::uint32_t>(1, idField.width)},
                         trf("`{}` is in the publication but not among the computed {}",
                             trimmed(idField.text), p.tables[static_cast<std::size_t>(entityTable)].name));
        diag.help = why;
        if (const std::string m = closestMatch(asciiLower(trimmed(idField.text)), aliases->names());
            !m.empty())
          diag.help = trf("did you mean `{}`?", m);
        continue;
      }
      seenRows.insert(entity->row);
      const bool apartRow = std::any_of(apartColumns.begin(), apartColumns.end(), [&](const auto& a) {
        return trimmed(rec.fields[static_cast<std::size_t>(a.first)].text) == a.second;
      });
      for (const auto& [col, def] : compared) {
        const auto& f = rec.fields[static_cast<std::size_t>(col)];
        const std::string text = trimmed(f.text);
        std::string computed;
        if (via < 0) {
          const eval::Computed* c = ev.definition(def, entity->row);
          if (!c) return false;
          computed = ev.format(c->value);
        } else {  // the sum over the rows of `table` that refer to this entity
          const RowSum group = sumOver(ev, def, table, via, entity->row);
          if (group.failed) return false;
          if (!group.numeric) continue;
          computed = formatNumber(group.total);
        }
        if (text.empty() && !computed.empty()) {  // not published: nothing to compare
          ++sum.notPublished;
          continue;
        }
        ++(apartRow ? sum.apartCells : sum.cells);
        const auto pub = publishedNumber(text, csv.separator, o.notation);
        mpq_class mine;
        const bool same = pub && parseFormatted(computed, mine) ? *pub == mine : text == computed;
        if (same) continue;
        if (apartRow) {
          sum.apartDifferences.push_back(trf("{} of {}: published {}, computed {}",
                                             p.definitions[static_cast<std::size_t>(def)].name,
                                             ev.entityName(entityTable, entity->row), text, computed));
          continue;
        }
        ++sum.mismatches;
        const check::Definition& dd = p.definitions[static_cast<std::size_t>(def)];
        auto& diag = diags.report(
            Code::E0509, SourceSpan{file, f.line, f.col, f.line, f.col + std::max<std::uint32_t>(1, f.width)},
            trf("{} of {}: published {}, computed {}", dd.name, ev.entityName(entityTable, entity->row), text,
                computed));
        if (via >= 0) {
          diag.notes.push_back({SourceSpan{}, trf("the sum of {} over the {} of {}", dd.name,
                                                  p.tables[static_cast<std::size_t>(table)].name,
                                                  ev.entityName(entityTable, entity->row))});
          diag.basis = p.basis(dd.article);
          continue;
        }
        explain::Options eo;
        eo.depth = 1;
        eo.maxInputs = 6;
        if (auto tree = explain::explain(ev, def, entity->row, eo)) {
          tree->version.clear();
          std::string t = explain::renderText(*tree);
          std::size_t start = 0;
          while (start < t.size()) {
            std::size_t end = t.find('\n', start);
            if (end == std::string::npos) end = t.size();
            diag.notes.push_back({SourceSpan{}, t.substr(start, end - start)});
            start = end + 1;
          }
        }
        diag.basis = p.basis(dd.article);
      }
    }
  }
  if (entityTable >= 0 && !o.onlyPublished) {
    const data::TableData& td = d.tables[static_cast<std::size_t>(entityTable)];
    const check::Table& entities = p.tables[static_cast<std::size_t>(entityTable)];
    // When every published entity lies in one group (the gemeenten of one province), only the
    // entities of that group can be missing: a file that covers one province is compared with it.
    int groupColumn = -1;
    std::set<int> groups;
    for (std::size_t c = 0; c < entities.columns.size() && !seenRows.empty(); ++c) {
      if (entities.columns[c].type.kind != check::Kind::Entity) continue;
      std::set<int> used, all;
      for (std::size_t r = 0; r < td.size(); ++r)
        if (const auto* ref = std::get_if<EntityRef>(&td.cell(r, c))) {
          all.insert(ref->row);
          if (seenRows.count(static_cast<int>(r))) used.insert(ref->row);
        }
      if (used.size() == 1 && all.size() > 1 && groupColumn < 0) {
        groupColumn = static_cast<int>(c);
        groups = std::move(used);
      }
    }
    if (groupColumn >= 0) {
      const int groupTable = entities.columns[static_cast<std::size_t>(groupColumn)].type.table;
      std::vector<std::string> names;
      names.reserve(groups.size());
      for (int g : groups) names.push_back(ev.entityName(groupTable, g));
      sum.within = fmt::format("{}", fmt::join(names, ", "));
    }
    std::vector<std::size_t> missing;
    for (std::size_t r = 0; r < td.size(); ++r) {
      if (seenRows.count(static_cast<int>(r))) continue;
      if (groupColumn >= 0) {
        const auto* ref = std::get_if<EntityRef>(&td.cell(r, static_cast<std::size_t>(groupColumn)));
        if (!ref || !groups.count(ref->row)) continue;
      }
      missing.push_back(r);
    }
    sum.missing = missing.size();
    if (!missing.empty()) {
      auto& diag = diags.report(Code::E0510, {},
                                trf("{} of the {} computed {} are not in the publication", missing.size(),
                                    td.size(), p.tables[static_cast<std::size_t>(entityTable)].name));
      for (std::size_t k = 0; k < missing.size() && k < 20; ++k)
        diag.notes.push_back({SourceSpan{td.file, td.lines[missing[k]], 1, td.lines[missing[k]], 1},
                              ev.entityName(entityTable, static_cast<int>(missing[k]))});
      if (missing.size() > 20) diag.notes.push_back({SourceSpan{}, trf("and {} more", missing.size() - 20)});
      diag.help = tr(
          "give every published file with `--published`, or `--alleen-gepubliceerd` to compare only these");
    }
  }
  return true;
}

}  // namespace verdeel::verify
