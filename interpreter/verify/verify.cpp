#include "verify/verify.hpp"

#include <fmt/format.h>

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

}  // namespace

bool reconcile(eval::Evaluation& ev, const Options& o, const Limits& limits, SourceManager& sources,
               Diagnostics& diags, Summary& sum) {
  const check::Program& p = ev.program();
  const data::Dataset& d = ev.data();
  int table = -1;  // the table of the entities compared (of the first definition found)
  std::set<int> seenRows;
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
    const char decimal = csv.separator == ';' ? ',' : '.';
    const auto& header = csv.records.front().fields;
    // Which column names the entity, and which columns are compared with which definition.
    int idCol = -1;
    std::vector<std::pair<int, int>> compared;  // (column, definition)
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string h = trimmed(header[c].text);
      const std::string wanted = o.entityColumn.empty() ? "code" : o.entityColumn;
      if (h == wanted || (o.entityColumn.empty() && idCol < 0 && h == "naam")) {
        if (h == wanted || idCol < 0) idCol = static_cast<int>(c);
      }
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
    if (idCol < 0 || compared.empty()) {
      auto& diag = diags.report(
          Code::E0405, SourceSpan{file, 1, 1, 1, 2},
          idCol < 0 ? std::string(tr("the published table has no column naming the entity"))
                    : std::string(tr("no column of the published table matches a computed value")));
      diag.help =
          idCol < 0
              ? tr("name it with `--sleutel KOLOM` (default `code`, else `naam`)")
              : tr("map a column with `--kolom GEPUBLICEERD=DEFINITIE`, e.g. `--kolom taak=besluit_totaal`");
      return false;
    }
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
      const auto& rec = csv.records[r];
      if (rec.fields.size() != header.size()) {
        diags.report(Code::E0404, SourceSpan{file, rec.line, 1, rec.line, 2},
                     trf("this line has {} fields, the header has {}", rec.fields.size(), header.size()));
        continue;
      }
      const auto& idField = rec.fields[static_cast<std::size_t>(idCol)];
      std::string why;
      auto entity = explain::findEntity(
          ev, fmt::format("{}:{}", p.tables[static_cast<std::size_t>(table)].name, trimmed(idField.text)),
          table, why);
      if (!entity) {
        ++sum.unknown;
        auto& diag = diags.report(Code::E0510,
                                  SourceSpan{file, idField.line, idField.col, idField.line,
                                             idField.col + std::max<std::uint32_t>(1, idField.width)},
                                  trf("`{}` is in the publication but not among the computed {}",
                                      trimmed(idField.text), p.tables[static_cast<std::size_t>(table)].name));
        diag.help = why;
        continue;
      }
      seenRows.insert(entity->row);
      for (const auto& [col, def] : compared) {
        const auto& f = rec.fields[static_cast<std::size_t>(col)];
        ++sum.cells;
        const eval::Computed* c = ev.definition(def, entity->row);
        if (!c) return false;
        const std::string computed = ev.format(c->value);
        mpq_class pub, mine;
        const bool same = parseNumber(trimmed(f.text), decimal, pub) && parseFormatted(computed, mine)
                              ? pub == mine
                              : trimmed(f.text) == computed;
        if (same) continue;
        ++sum.mismatches;
        const check::Definition& dd = p.definitions[static_cast<std::size_t>(def)];
        auto& diag = diags.report(
            Code::E0509, SourceSpan{file, f.line, f.col, f.line, f.col + std::max<std::uint32_t>(1, f.width)},
            trf("{} of {}: published {}, computed {}", dd.name, ev.entityName(table, entity->row),
                trimmed(f.text).empty() ? tr("(blank)") : trimmed(f.text), computed));
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
  if (table >= 0 && !o.onlyPublished) {
    const data::TableData& td = d.tables[static_cast<std::size_t>(table)];
    std::vector<std::size_t> missing;
    for (std::size_t r = 0; r < td.size(); ++r)
      if (!seenRows.count(static_cast<int>(r))) missing.push_back(r);
    sum.missing = missing.size();
    if (!missing.empty()) {
      auto& diag = diags.report(Code::E0510, {},
                                trf("{} of the {} computed {} are not in the publication", missing.size(),
                                    td.size(), p.tables[static_cast<std::size_t>(table)].name));
      for (std::size_t k = 0; k < missing.size() && k < 20; ++k)
        diag.notes.push_back({SourceSpan{td.file, td.lines[missing[k]], 1, td.lines[missing[k]], 1},
                              ev.entityName(table, static_cast<int>(missing[k]))});
      if (missing.size() > 20) diag.notes.push_back({SourceSpan{}, trf("and {} more", missing.size() - 20)});
      diag.help = tr(
          "give every published file with `--published`, or `--alleen-gepubliceerd` to compare only these");
    }
  }
  return true;
}

}  // namespace verdeel::verify
