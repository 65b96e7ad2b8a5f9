#include "output/render.hpp"

#include <fmt/format.h>

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

namespace verdeel::output {

bool looksLikeFormula(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.front();
  if (c == '\t' || c == '\r' || c == '=' || c == '@') return true;
  if (c != '-' && c != '+') return false;
  // A number as verdeel writes it (`-12`, `-0.25`, `-1/3`, a difference `+4`) is not a formula.
  std::size_t i = 1, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return true;
  if (i < s.size() && (s[i] == '.' || s[i] == '/')) {
    ++i;
    std::size_t more = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++more;
    if (more == 0) return true;
  }
  return i != s.size();
}

namespace {
// The characters that make a CSV field quoted: a comma, a quote, a line break.
constexpr auto kCsvSpecial = [] {
  std::array<bool, 256> special{};
  special[','] = special['"'] = special['\r'] = special['\n'] = true;
  return special;
}();

// The position of the first of kCsvSpecial's characters in `s`, or s.size(). With SSE2 (every x86-64)
// sixteen bytes at a time, the fields being mostly long texts without any (a row's grondslag and
// bronnen); the rest, and the one found, byte by byte.
std::size_t firstCsvSpecial(std::string_view s) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  for (; i + 16 <= s.size(); i += 16) {
    // An unaligned load of sixteen bytes: SSE2's interface takes them as a pointer to __m128i.
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf)));
    if (_mm_movemask_epi8(hits) != 0) break;
  }
#endif
  while (i < s.size() && !kCsvSpecial[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}
}  // namespace

void appendCsvField(std::string& out, std::string_view s, CsvCells cells) {
  if (cells == CsvCells::Guarded && looksLikeFormula(s)) {
    std::string guarded = "'";
    guarded += s;
    appendCsvField(out, guarded, CsvCells::Literal);
    return;
  }
  const std::size_t i = firstCsvSpecial(s);
  if (i == s.size()) {
    out += s;
    return;
  }
  // Quoted, each `"` doubled: the text between quotes appended a piece at a time.
  out += '"';
  std::size_t from = 0;
  for (std::size_t quote = s.find('"', i); quote != std::string_view::npos; quote = s.find('"', from)) {
    out.append(s.data() + from, quote - from + 1);
    out += '"';
    from = quote + 1;
  }
  out.append(s.data() + from, s.size() - from);
  out += '"';
}

std::string csvField(std::string_view s, CsvCells cells) {
  std::string out;
  appendCsvField(out, s, cells);
  return out;
}

std::string markdownCell(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n':
      case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '&': out += "&amp;"; break;
      case '[': out += "\\["; break;
      case ']': out += "\\]"; break;
      case '`': out += "\\`"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

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

std::string renderCsv(const DecisionTable& t, CsvCells mode) {
  std::string out;
  auto line = [&](const auto& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      appendCsvField(out, cells[i], mode);
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
  std::string out =
      fmt::format("# {}\n\n{} ({}), geldig vanaf {}; versie: {}.\n\n", markdownCell(t.title),
                  markdownCell(d.regeling), markdownCell(d.citatie), d.geldigVanaf, markdownCell(d.versie));
  out += "|";
  for (const auto& c : t.columns) out += " " + markdownCell(c) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out += (t.kinds[i] == CellKind::Integer || t.kinds[i] == CellKind::Number) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto row : t.rows) {
    out += "|";
    for (std::size_t i = 0; i < row.size(); ++i) out += " " + markdownCell(row[i]) + " |";
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

std::string render(Format f, const DecisionTable& t, const Decisions& d, CsvCells cells) {
  switch (f) {
    case Format::Csv: return renderCsv(t, cells);
    case Format::Json: return renderJson(t, d);
    case Format::Markdown: return renderMarkdown(t, d);
  }
  return {};
}

}  // namespace verdeel::output
