#include "output/xlsx.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "value/value.hpp"

#include "lang/language.hpp"
#include "output/xlsx_library.hpp"
#include "source/scratch.hpp"

namespace verdeel::output {

namespace {

namespace fs = std::filesystem;

// Characters shown, not bytes (UTF-8), for column widths.
std::size_t shown(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A sheet name as spreadsheets allow: at most 31 characters, none of `[]:*?/\`, unique.
std::string sheetName(const std::string& file, std::set<std::string>& used) {
  std::string base;
  for (char c : file) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  auto cut = [](std::string s, std::size_t chars) {
    std::size_t n = 0, i = 0;
    for (; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
    return s.substr(0, i);
  };
  std::string name = cut(base, 31);
  for (int k = 2; !used.insert(name).second; ++k) name = cut(base, 28) + fmt::format("~{}", k);
  return name;
}

// The least certain herkomst in a table's `herkomst` column, in words for the header block.
std::string herkomstOf(const DecisionTable& t) {
  const auto col = std::find(t.columns.begin(), t.columns.end(), "herkomst");
  if (col == t.columns.end()) return "";
  const auto c = static_cast<std::size_t>(col - t.columns.begin());
  int worst = -1;
  const char* names[] = {"echt", "gereconstrueerd", "fictief"};
  for (const auto row : t.rows)
    for (int k = 0; k < 3; ++k)
      if (row[c] == names[k]) worst = std::max(worst, k);
  if (worst == 2)
    return "fictief: ten minste één getal op dit blad rust op fictieve gegevens (zie de kolom herkomst)";
  if (worst == 1)
    return "gereconstrueerd: ten minste één getal rust op gereconstrueerde gegevens (zie de kolom herkomst)";
  return worst == 0 ? "echt" : "";
}

struct Formats {
  lxw_format* title;
  lxw_format* label;
  lxw_format* header;
  lxw_format* integer;
  lxw_format* number;
  lxw_format* totalLabel;
  lxw_format* totalInteger;
  lxw_format* warning;
};

Formats makeFormats(const XlsxLibrary& x, lxw_workbook* wb) {
  Formats f{};
  f.title = x.workbook_add_format(wb);
  x.format_set_bold(f.title);
  x.format_set_font_size(f.title, 14);
  f.label = x.workbook_add_format(wb);
  x.format_set_bold(f.label);
  f.header = x.workbook_add_format(wb);
  x.format_set_bold(f.header);
  x.format_set_bottom(f.header, LXW_BORDER_THIN);
  x.format_set_text_wrap(f.header);
  x.format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.integer = x.workbook_add_format(wb);
  x.format_set_num_format(f.integer, "#,##0");
  f.number = x.workbook_add_format(wb);
  x.format_set_num_format(f.number, "#,##0.00##");
  f.totalLabel = x.workbook_add_format(wb);
  x.format_set_bold(f.totalLabel);
  x.format_set_top(f.totalLabel, LXW_BORDER_THIN);
  f.totalInteger = x.workbook_add_format(wb);
  x.format_set_bold(f.totalInteger);
  x.format_set_top(f.totalInteger, LXW_BORDER_THIN);
  x.format_set_num_format(f.totalInteger, "#,##0");
  f.warning = x.workbook_add_format(wb);
  x.format_set_bold(f.warning);
  x.format_set_font_color(f.warning, 0x9C0006);
  return f;
}

// "A1"-style name of a column (0 -> A, 26 -> AA).
std::string columnName(std::size_t c) {
  std::string s;
  for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

constexpr lxw_row_t kHeaderRow = 7;  // after the title and the block of five lines and a blank line

bool writeSheet(const XlsxLibrary& x, lxw_workbook* wb, const Formats& f, const DecisionTable& t,
                const Decisions& d, const std::string& name, std::string& error) {
  if (t.rows.size() + kHeaderRow + 2 > LXW_ROW_MAX) {
    error = trf("`{}` has {} rows, more than a sheet can hold", t.file, t.rows.size());
    return false;
  }
  lxw_worksheet* ws = x.workbook_add_worksheet(wb, name.c_str());
  if (!ws) {
    error = trf("cannot add the sheet `{}`", name);
    return false;
  }
  x.worksheet_write_string(ws, 0, 0, t.title.c_str(), f.title);
  const std::string herkomst = herkomstOf(t);
  const std::pair<const char*, std::string> block[] = {{"Regeling", d.regeling},
                                                       {"Citatie", d.citatie},
                                                       {"Geldig vanaf", d.geldigVanaf},
                                                       {"Versie", d.versie},
                                                       {"Herkomst", herkomst}};
  lxw_row_t r = 1;
  for (const auto& [label, text] : block) {
    x.worksheet_write_string(ws, r, 0, label, f.label);
    x.worksheet_write_string(
        ws, r, 1, text.c_str(),
        label == std::string("Herkomst") && herkomst.rfind("echt", 0) != 0 ? f.warning : nullptr);
    ++r;
  }
  std::vector<std::size_t> width(t.columns.size(), 6);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    x.worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(c), t.columns[c].c_str(), f.header);
    width[c] = std::max(width[c], shown(t.columns[c]));
  }
  std::vector<mpq_class> sums(t.columns.size(), 0);
  lxw_row_t row = kHeaderRow + 1;
  std::string cell;
  for (const auto cells : t.rows) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string_view text = cells[c];
      width[c] = std::max(width[c], std::min<std::size_t>(shown(text), 60));
      if (text.empty()) continue;
      const auto col = static_cast<lxw_col_t>(c);
      mpq_class q;
      const bool numeric =
          (t.kinds[c] == CellKind::Integer || t.kinds[c] == CellKind::Number) && parseFormatted(text, q);
      if (numeric) {
        x.worksheet_write_number(ws, row, col, q.get_d(), q.get_den() == 1 ? f.integer : f.number);
        sums[c] += q;
      } else {
        cell.assign(text);
        x.worksheet_write_string(ws, row, col, cell.c_str(), nullptr);
      }
    }
    ++row;
  }
  // The totals row: a SUM formula per whole-number column, with its value filled in.
  if (!t.rows.empty()) {
    x.worksheet_write_string(ws, row, 0, "totaal", f.totalLabel);
    for (std::size_t c = 1; c < t.columns.size(); ++c) {
      if (t.kinds[c] != CellKind::Integer) continue;
      const std::string formula = fmt::format("=SUM({0}{1}:{0}{2})", columnName(c), kHeaderRow + 2, row);
      x.worksheet_write_formula_num(ws, row, static_cast<lxw_col_t>(c), formula.c_str(), f.totalInteger,
                                    sums[c].get_d());
    }
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    x.worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(std::min<std::size_t>(width[c], 60) + 2), nullptr);
  x.worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  x.worksheet_autofilter(ws, kHeaderRow, 0, row > kHeaderRow + 1 ? row - 1 : kHeaderRow,
                         static_cast<lxw_col_t>(t.columns.size() - 1));
  return true;
}

}  // namespace

std::optional<std::string> renderWorkbook(const Decisions& d, std::string& error) {
  const XlsxLibrary* library = xlsxLibrary(error);
  if (library == nullptr) return std::nullopt;
  const XlsxLibrary& x = *library;
  // libxlsxwriter 1.1.4 (Debian 12) writes to a file only: a private scratch folder, read back.
  ScratchDir scratch("verdeel-xlsx");
  if (!scratch.ok()) {
    error = tr("cannot make a scratch folder for the workbook");
    return std::nullopt;
  }
  const std::string path = (scratch.path() / "werkboek.xlsx").string();
  lxw_workbook_options options{};
  options.tmpdir = nullptr;
  lxw_workbook* wb = x.workbook_new_opt(path.c_str(), &options);
  if (!wb) {
    error = tr("libxlsxwriter could not start a workbook");
    return std::nullopt;
  }
  // The same tables give the same bytes: the creation time is the regulation's date, not now.
  // libxlsxwriter takes `char*` but does not change the text: copies keep `d` untouched.
  std::string title = d.regeling, subject = d.versie, comments = d.citatie;
  lxw_doc_properties props{};
  props.title = title.data();
  props.subject = subject.data();
  props.comments = comments.data();
  std::tm tm{};
  if (std::sscanf(d.geldigVanaf.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
  }
  props.created = timegm(&tm);
  x.workbook_set_properties(wb, &props);
  const Formats f = makeFormats(x, wb);
  std::set<std::string> used;
  bool ok = true;
  for (const DecisionTable& t : d.tables)
    if (ok) ok = writeSheet(x, wb, f, t, d, sheetName(t.file, used), error);
  const lxw_error closed = x.workbook_close(wb);
  if (!ok) return std::nullopt;
  if (closed != LXW_NO_ERROR) {
    error = fmt::format("libxlsxwriter: {}", x.lxw_strerror(closed));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) {
    error = tr("cannot read the workbook back");
    return std::nullopt;
  }
  return bytes.str();
}

}  // namespace verdeel::output
