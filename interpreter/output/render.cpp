#include "output/render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace verdeel::output {

void appendCsvField(std::string& out, std::string_view s) {
  bool plain = true;
  for (char c : s)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      plain = false;
      break;
    }
  if (plain) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csvField(const std::string& s) {
  std::string out;
  appendCsvField(out, s);
  return out;
}

namespace {

std::string mdCell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

nlohmann::ordered_json jsonValue(std::string_view text, CellKind kind) {
  if (text.empty()) return nullptr;
  if (kind == CellKind::Bool) return text == "waar";
  if (kind == CellKind::Integer || kind == CellKind::Number) {
    mpq_class q;
    if (parseFormatted(text, q) && q.get_den() == 1 && q.get_num().fits_slong_p())
      return q.get_num().get_si();
  }
  return text;
}

}  // namespace

std::string renderCsv(const DecisionTable& t) {
  std::string out;
  auto line = [&](const auto& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      appendCsvField(out, cells[i]);
    }
    out += '\n';
  };
  // The size first, so that the text is made in one allocation (a large table is tens of MB).
  std::size_t size = 0;
  for (const auto& c : t.columns) size += c.size() + 3;
  for (const auto row : t.rows)
    for (std::size_t i = 0; i < row.size(); ++i) size += row[i].size() + 1;
  out.reserve(size + size / 16);
  line(t.columns);
  for (const auto row : t.rows) line(row);
  return out;
}

std::string renderJson(const DecisionTable& t, const Decisions& d) {
  nlohmann::ordered_json j;
  j["uitvoer"] = t.title;
  j["regeling"] = {
      {"titel", d.regeling}, {"citatie", d.citatie}, {"geldig_vanaf", d.geldigVanaf}, {"versie", d.versie}};
  j["kolommen"] = t.columns;
  auto rows = nlohmann::ordered_json::array();
  for (const auto row : t.rows) {
    nlohmann::ordered_json r = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size(); ++i) r[t.columns[i]] = jsonValue(row[i], t.kinds[i]);
    rows.push_back(std::move(r));
  }
  j["rijen"] = std::move(rows);
  return j.dump(2) + "\n";
}

std::string renderMarkdown(const DecisionTable& t, const Decisions& d) {
  std::string out = fmt::format("# {}\n\n{} ({}), geldig vanaf {}; versie: {}.\n\n", t.title, d.regeling,
                                d.citatie, d.geldigVanaf, d.versie);
  out += "|";
  for (const auto& c : t.columns) out += " " + mdCell(c) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out += (t.kinds[i] == CellKind::Integer || t.kinds[i] == CellKind::Number) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto row : t.rows) {
    out += "|";
    for (std::size_t i = 0; i < row.size(); ++i) out += " " + mdCell(row[i]) + " |";
    out += "\n";
  }
  return out;
}

const char* extension(Format f) {
  switch (f) {
    case Format::Csv: return "csv";
    case Format::Json: return "json";
    case Format::Markdown: return "md";
  }
  return "txt";
}

std::string render(Format f, const DecisionTable& t, const Decisions& d) {
  switch (f) {
    case Format::Csv: return renderCsv(t);
    case Format::Json: return renderJson(t, d);
    case Format::Markdown: return renderMarkdown(t, d);
  }
  return {};
}

}  // namespace verdeel::output
