#include "data/load.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "data/csv.hpp"
#include "data/key_case.hpp"
#include "data/matches.hpp"
#include "lang/language.hpp"
#include "source/confine.hpp"
#include "source/text.hpp"
#include "source/utf8.hpp"

namespace verdeel::data {

namespace {

using check::Kind;

// Types one cell; returns false with `why` filled when the text does not fit the column type.
bool typeCell(const check::Column& col, std::string_view raw, char decimalSep, Value& out, std::string& why) {
  const std::string_view t = trimmedView(raw);
  switch (col.type.kind) {
    case Kind::Integer: {
      mpq_class q;
      if (!parseNumber(t, decimalSep, q) || q.get_den() != 1 || t.find(decimalSep) != std::string::npos) {
        why = tr("a whole number");
        return false;
      }
      out = q;
      return true;
    }
    case Kind::Number: {
      mpq_class q;
      if (!parseNumber(t, decimalSep, q)) {
        why = decimalSep == ',' ? tr("a number (with a decimal comma in this file)")
                                : tr("a number (with a decimal point)");
        return false;
      }
      out = q;
      return true;
    }
    case Kind::Text: out = std::string(raw); return true;
    case Kind::Bool:
      if (t == "ja" || t == "waar") {
        out = true;
        return true;
      }
      if (t == "nee" || t == "onwaar") {
        out = false;
        return true;
      }
      why = tr("`ja` or `nee`");
      return false;
    case Kind::Date:
      if (auto d = Date::parse(t)) {
        out = *d;
        return true;
      }
      why = tr("a date written jjjj-mm-dd");
      return false;
    case Kind::Herkomst:
      if (t == "echt") {
        out = ast::Herkomst::Echt;
        return true;
      }
      if (t == "gereconstrueerd") {
        out = ast::Herkomst::Gereconstrueerd;
        return true;
      }
      if (t == "fictief") {
        out = ast::Herkomst::Fictief;
        return true;
      }
      why = tr("`echt`, `gereconstrueerd` or `fictief`");
      return false;
    case Kind::Entity:
      out = std::string(t);  // the key text; resolved once all tables are loaded
      return true;
  }
  return false;
}

// The text a key is looked up by: a key may be a text or a whole number column.
std::string keyText(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return trimmed(*s);
  if (const auto* q = std::get_if<mpq_class>(&v)) return formatNumber(*q);
  return {};
}

std::string shown(std::string_view s) {
  if (utf8::length(s) <= 40) return std::string(s);
  std::string out;
  std::size_t cps = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++cps > 40) break;
    out += c;
  }
  return out + "...";
}

// Reads the file of a table (td.path: its own, or a test's file in its place) into the sources:
// td.file, or false after the diagnostic (a link leading outside the rule set, too large, unreadable).
bool readTableFile(const check::Table& table, const LoadOptions& options, TableData& td,
                   SourceManager& sources, Diagnostics& diags, RealPaths& paths) {
  // Where the file really is, before a byte of it is read: a link in the rule set may lead to
  // any file on the machine, and a data error would show its first line.
  const std::string& root = options.dataDir.empty() ? table.root : options.dataDir;
  if (auto real = paths.leadsOutside(td.path, root)) {
    auto& d = diags.report(
        Code::E0417, table.pathSpan,
        trf("data file `{}` leads through a symbolic link to `{}`, outside {} `{}`", td.path, *real,
            options.dataDir.empty() ? tr("the rule set's folder") : tr("the `--data` folder"),
            root.empty() ? "." : root));
    d.help = options.dataDir.empty()
                 ? tr("a rule set reads only data under its own folder; name a folder elsewhere with "
                      "`--data DIR`, or copy the file into the rule set")
                 : tr("with `--data DIR` the tables are read from under that folder only");
    return false;
  }
  std::string error;
  bool tooLarge = false;
  td.file = registerCsvFile(td.path, sources, error, options.limits.dataFileBytes, &tooLarge);
  if (tooLarge) {
    auto& d = diags.report(
        Code::E0416, table.pathSpan,
        trf("data file `{}` is larger than the limit of {} bytes", td.path, options.limits.dataFileBytes));
    d.help = tr("raise the limit with `--max-gegevensbestand` if the file is really this large");
    return false;
  }
  if (td.file == 0) {
    auto& d =
        diags.report(Code::E0401, table.pathSpan, trf("cannot read data file `{}`: {}", td.path, error));
    d.help = options.dataDir.empty() ? tr("the path is relative to the folder of the rule file; `--data DIR` "
                                          "reads the tables from another folder")
                                     : tr("with `--data DIR` every table is read from that folder");
    return false;
  }
  return true;
}

}  // namespace

std::string tablePath(const check::Table& table, const LoadOptions& options) {
  if (auto given = options.files.find(table.name); given != options.files.end()) return given->second;
  if (options.dataDir.empty()) return table.path;
  return (std::filesystem::path(options.dataDir) / table.declared).lexically_normal().string();
}

std::optional<Dataset> load(const check::Program& program, const LoadOptions& options, SourceManager& sources,
                            Diagnostics& diags) {
  Dataset ds;
  ds.tables.resize(program.tables.size());
  const std::size_t errorsBefore = diags.errorCount();
  // The CSV column of each row's cell, kept for the key and the reference columns only: the
  // diagnostics about a repeated key or an unknown reference point at it. [table][column][row]
  std::vector<std::vector<std::vector<std::uint32_t>>> positions(program.tables.size());
  RealPaths paths;  // the tables' folders, each resolved once
  for (std::size_t ti = 0; ti < program.tables.size(); ++ti) {
    const check::Table& table = program.tables[ti];
    TableData& td = ds.tables[ti];
    td.path = tablePath(table, options);
    td.width = table.columns.size();
    auto& pos = positions[ti];
    pos.resize(table.columns.size());
    std::vector<bool> keepPosition(table.columns.size(), false);
    for (std::size_t ci = 0; ci < table.columns.size(); ++ci)
      keepPosition[ci] = static_cast<int>(ci) == table.key || table.columns[ci].type.kind == Kind::Entity ||
                         table.columns[ci].matchVia >= 0;
    if (auto given = options.rows.find(table.name); given != options.rows.end()) {
      td.file = given->second;
      td.path = sources.path(td.file);
    } else if (!readTableFile(table, options, td, sources, diags, paths)) {
      continue;
    }
    // Room for every line at once (a table of a million rows is not copied as it grows).
    const std::size_t expected = sources.lineCount(td.file);
    td.cells.reserve(expected * td.width);
    td.lines.reserve(expected);
    td.herkomst.reserve(expected);
    td.keyColumn = table.key;
    td.keys.reserve(expected);
    for (std::size_t ci = 0; ci < table.columns.size(); ++ci)
      if (keepPosition[ci]) pos[ci].reserve(expected);
    char separator = ',', decimalSep = '.';
    bool sawHeader = false, headerOk = true;
    std::size_t headerFields = 0;
    std::vector<int> where(table.columns.size(), -1);
    std::vector<Value> row(table.columns.size());
    std::vector<std::uint32_t> cols(table.columns.size());
    auto header = [&](const CsvRecordView& rec) {
      sawHeader = true;
      headerFields = rec.fields.size();
      decimalSep = table.decimal ? table.decimal : (separator == ';' ? ',' : '.');
      std::vector<std::string> present;
      for (const CsvFieldView& f : rec.fields) present.push_back(trimmed(f.text));
      // A name twice in the header: which one is meant cannot be known, whether declared or not.
      for (std::size_t k = 0; k < present.size(); ++k)
        for (std::size_t j = 0; j < k; ++j) {
          if (present[j] != present[k]) continue;
          headerOk = false;
          const CsvFieldView& a = rec.fields[j];
          const CsvFieldView& b = rec.fields[k];
          auto& d = diags.report(
              Code::E0414,
              SourceSpan{td.file, b.line, b.col, b.line, b.col + std::max<std::uint32_t>(1, b.width)},
              trf("the header has column `{}` twice (fields {} and {})", shown(present[k]), j + 1, k + 1));
          d.notes.push_back(
              {SourceSpan{td.file, a.line, a.col, a.line, a.col + std::max<std::uint32_t>(1, a.width)},
               tr("the first one is here")});
          d.help = tr("give each column its own name; verdeel does not guess which of the two is meant");
          break;
        }
      for (std::size_t ci = 0; ci < table.columns.size(); ++ci) {
        const check::Column& col = table.columns[ci];
        for (std::size_t k = 0; k < present.size(); ++k)
          if (present[k] == col.csvHeader) where[ci] = static_cast<int>(k);
        if (where[ci] >= 0) continue;
        headerOk = false;
        auto& d = diags.report(Code::E0405, SourceSpan{td.file, rec.line, 1, rec.line, 2},
                               trf("the header has no column `{}`", col.csvHeader));
        d.notes.push_back({col.span, trf("column `{}` is declared here", col.name)});
        if (auto m = closestMatch(col.csvHeader, present); !m.empty())
          d.help = trf("the file has `{}`: did you mean that?", m);
        else
          d.help = trf("the header has: {}", fmt::join(present, ", "));
      }
      return headerOk;
    };
    auto record = [&](const CsvRecordView& rec) {
      if (rec.fields.size() != headerFields) {
        auto& d =
            diags.report(Code::E0404, SourceSpan{td.file, rec.line, 1, rec.line, 2},
                         trf("this line has {} fields, the header has {}", rec.fields.size(), headerFields));
        d.help =
            separator == ','
                ? tr("a value containing a comma must be quoted, as in \"Nuenen, Gerwen en Nederwetten\"")
                : tr("a value containing a semicolon must be quoted");
        return true;
      }
      bool rowOk = true;
      for (std::size_t ci = 0; ci < table.columns.size(); ++ci) {
        const check::Column& col = table.columns[ci];
        const CsvFieldView& f = rec.fields[static_cast<std::size_t>(where[ci])];
        cols[ci] = f.col;
        const SourceSpan at{td.file, f.line, f.col, f.line, f.col + std::max<std::uint32_t>(1, f.width)};
        const std::string_view bare = trimmedView(f.text);
        const bool blank = bare.empty() || (!table.missing.empty() && bare == table.missing);
        if (blank && (col.type.kind != Kind::Text || !table.missing.empty())) {
          if (col.optional) {
            row[ci] = Empty{};
            continue;
          }
          rowOk = false;
          auto& d = diags.report(Code::E0407, at, trf("`{}` has no value here", col.name));
          d.notes.push_back({col.span, tr("the column is required; it is declared here")});
          d.help = tr("fill in the value, or declare the column `optioneel` if a blank is allowed");
          continue;
        }
        if (f.text.empty() && col.optional) {
          row[ci] = Empty{};
          continue;
        }
        if (f.text.empty() && static_cast<int>(ci) == table.key) {
          rowOk = false;
          auto& d = diags.report(Code::E0407, at, trf("key `{}` has no value here", col.name));
          d.notes.push_back({col.span, tr("the key column is declared here")});
          continue;
        }
        std::string why;
        if (!typeCell(col, f.text, decimalSep, row[ci], why)) {
          rowOk = false;
          auto& d = diags.report(Code::E0406, at,
                                 trf("`{}` should be {}, found `{}`", col.name, why, shown(f.text)));
          d.notes.push_back({col.span, trf("column `{}` is declared here", col.name)});
        }
      }
      if (!rowOk) return true;
      // A row with its own validity counts only on the dates within it: an exemption or an agreement
      // from 2025 is not part of the version in force on 2024-12-20.
      if (program.peildatum) {
        auto date = [&](int c) -> const Date* {
          return c >= 0 ? std::get_if<Date>(&row[static_cast<std::size_t>(c)]) : nullptr;
        };
        const Date* from = date(table.validFromColumn);
        const Date* until = date(table.validUntilColumn);
        if ((from && *program.peildatum < *from) || (until && *until < *program.peildatum)) {
          ++td.notInForce;
          return true;
        }
      }
      const std::string key =
          table.key >= 0 ? keyText(row[static_cast<std::size_t>(table.key)]) : std::string();
      const int existing = td.keys.insert(key, static_cast<int>(td.size()), [&](int r, std::string& scratch) {
        return td.keyText(static_cast<std::size_t>(r), scratch);
      });
      if (existing >= 0) {
        const CsvFieldView& f =
            rec.fields[static_cast<std::size_t>(where[static_cast<std::size_t>(table.key)])];
        auto& d = diags.report(
            Code::E0408,
            SourceSpan{td.file, f.line, f.col, f.line, f.col + std::max<std::uint32_t>(1, f.width)},
            trf("key `{}` appears twice in this table", shown(key)));
        const auto firstRow = static_cast<std::size_t>(existing);
        const std::uint32_t fl = td.lines[firstRow];
        const std::uint32_t fc = pos[static_cast<std::size_t>(table.key)][firstRow];
        d.notes.push_back({SourceSpan{td.file, fl, fc, fl, fc + 1}, tr("first seen here")});
        d.help = tr("each row needs its own key; remove or correct one of the two");
        return true;
      }
      ast::Herkomst h = table.herkomst;
      if (table.herkomstColumn >= 0)
        if (const auto* hv = std::get_if<ast::Herkomst>(&row[static_cast<std::size_t>(table.herkomstColumn)]))
          h = *hv;
      for (std::size_t ci = 0; ci < table.columns.size(); ++ci) {
        td.cells.push_back(std::move(row[ci]));
        if (keepPosition[ci]) pos[ci].push_back(cols[ci]);
      }
      td.lines.push_back(rec.line);
      td.herkomst.push_back(h);
      return true;
    };
    const bool split =
        forEachCsvRecord(sources.text(td.file), td.file, table.separator, separator, diags, options.limits,
                         [&](const CsvRecordView& rec) { return sawHeader ? record(rec) : header(rec); });
    if (!split) continue;
    if (!sawHeader) {
      auto& d = diags.report(Code::E0410, SourceSpan{td.file, 0, 0, 0, 0},
                             tr("the data file is empty: it has no header line"));
      d.notes.push_back({table.span, trf("table `{}` is declared here", table.name)});
    }
    if (table.key >= 0) warnKeysDifferingInCase(table, td, pos[static_cast<std::size_t>(table.key)], diags);
  }
  if (diags.errorCount() > errorsBefore) return std::nullopt;
  // References: key text -> (table, row).
  for (std::size_t ti = 0; ti < program.tables.size(); ++ti) {
    const check::Table& table = program.tables[ti];
    TableData& td = ds.tables[ti];
    for (std::size_t ci = 0; ci < table.columns.size(); ++ci) {
      const check::Column& col = table.columns[ci];
      if (col.type.kind != Kind::Entity) continue;
      const auto target = static_cast<std::size_t>(col.type.table);
      for (std::size_t r = 0; r < td.size(); ++r) {
        Value& v = td.cell(r, ci);
        if (!std::holds_alternative<std::string>(v)) continue;
        const std::string key = std::get<std::string>(v);
        const int found = ds.tables[target].rowOf(key);
        if (found < 0) {
          const std::uint32_t line = td.lines[r], c = positions[ti][ci][r];
          auto& d = diags.report(
              Code::E0409,
              SourceSpan{td.file, line, c, line,
                         c + static_cast<std::uint32_t>(std::max<std::size_t>(1, utf8::length(key)))},
              trf("`{}` is not a {} in `{}`", shown(key), program.tables[target].name,
                  ds.tables[target].path));
          d.notes.push_back(
              {col.span, trf("column `{}` refers to table `{}`", col.name, program.tables[target].name)});
          std::vector<std::string> keys = ds.tables[target].allKeys();
          std::sort(keys.begin(), keys.end());
          if (auto m = closestMatch(key, keys); !m.empty()) d.help = trf("did you mean `{}`?", m);
          continue;
        }
        v = EntityRef{col.type.table, found};
      }
    }
  }
  if (diags.errorCount() > errorsBefore) return std::nullopt;
  // Names written beside codes (`gelijk aan code.naam`), once every reference is resolved.
  for (std::size_t ti = 0; ti < program.tables.size(); ++ti)
    checkColumnMatches(program, ti, ds, positions[ti], diags);
  if (diags.errorCount() > errorsBefore) return std::nullopt;
  return ds;
}

}  // namespace verdeel::data
