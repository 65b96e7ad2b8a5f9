#include "data/csv.hpp"

#include <fmt/format.h>

#include "source/utf8.hpp"

namespace verdeel::data {

namespace {

char detectSeparator(std::string_view text) {
  bool quoted = false;
  for (char c : text) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r'))
      break;
    else if (!quoted && c == ';')
      return ';';
  }
  return ',';
}

bool isBlank(const CsvRecord& r) {
  return r.fields.size() == 1 && r.fields[0].text.empty() && r.fields[0].width == 0;
}

}  // namespace

bool readCsv(std::string_view text, std::uint32_t file, char separator, CsvText& out, Diagnostics& diags,
             const Limits& limits) {
  if (std::size_t bad = utf8::firstInvalid(text); bad != std::string_view::npos) {
    std::uint32_t line = 1, col = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        ++col;
    }
    auto& d =
        diags.report(Code::E0402, SourceSpan{file, line, col, line, col + 1},
                     fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(text[bad])));
    d.help =
        "export the sheet as \"CSV UTF-8\"; older exports use Windows-1252, which verdeel does not guess";
    return false;
  }
  out.separator = separator ? separator : detectSeparator(text);
  const char sep = out.separator;
  std::uint32_t line = 1, col = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++col;
  };
  auto tooLong = [&](const CsvRecord& rec, std::size_t start, const CsvField& f) {
    if (f.text.size() > limits.csvFieldBytes) {
      auto& d = diags.report(Code::E0413, SourceSpan{file, f.line, f.col, f.line, f.col + 1},
                             fmt::format("this field is longer than {} bytes", limits.csvFieldBytes));
      d.help = "a cell this long is almost certainly not data; raise the limit with `--max-veldlengte`";
      return true;
    }
    if (i - start > limits.csvLineBytes) {
      auto& d = diags.report(Code::E0412, SourceSpan{file, rec.line, 1, rec.line, 2},
                             fmt::format("this line is longer than {} bytes", limits.csvLineBytes));
      d.help = "check that the file is a CSV file; raise the limit with `--max-regellengte`";
      return true;
    }
    return false;
  };
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    const std::size_t start = i;
    bool endOfRecord = false;
    while (!endOfRecord) {
      CsvField f;
      f.line = line;
      f.col = col;
      std::uint32_t startCol = col;
      if (i < n && text[i] == '"') {
        std::uint32_t qLine = line, qCol = col;
        advance(text[i++]);
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              f.text += '"';
              advance(text[i++]);
              advance(text[i++]);
              continue;
            }
            advance(text[i++]);
            closed = true;
            break;
          }
          f.text += c;
          advance(text[i++]);
          if (tooLong(rec, start, f)) return false;
        }
        if (!closed) {
          auto& d = diags.report(Code::E0403, SourceSpan{file, qLine, qCol, qLine, qCol + 1},
                                 "this quoted field has no closing quote");
          d.help = "a field that starts with `\"` ends with `\"`; write a quote inside it as `\"\"`";
          return false;
        }
        // Text after the closing quote up to the separator is kept (lenient, as spreadsheets are).
        while (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          f.text += text[i];
          advance(text[i++]);
        }
      } else {
        while (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          f.text += text[i];
          advance(text[i++]);
          if (tooLong(rec, start, f)) return false;
        }
      }
      f.width = col - startCol;
      rec.fields.push_back(std::move(f));
      if (i < n && text[i] == sep) {
        advance(text[i++]);
        continue;
      }
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') advance(text[i++]);
      endOfRecord = true;
    }
    const std::uint32_t recordLine = rec.line;
    if (!isBlank(rec)) out.records.push_back(std::move(rec));
    if (out.records.size() > limits.tableRows + 1) {
      auto& d = diags.report(Code::E0411, SourceSpan{file, recordLine, 1, recordLine, 2},
                             fmt::format("the table has more than {} rows", limits.tableRows));
      d.help = "raise the limit with `--max-rijen` if the table is really this large";
      return false;
    }
  }
  return true;
}

bool readCsvFile(const std::string& path, char separator, const Limits& limits, SourceManager& sources,
                 Diagnostics& diags, CsvFile& out, std::string& readError) {
  auto text = readFile(path, &readError);
  if (!text) return false;
  out.file = sources.add(path, utf8::hasBom(*text) ? text->substr(3) : std::move(*text));
  return readCsv(sources.text(out.file), out.file, separator, out.csv, diags, limits);
}

}  // namespace verdeel::data
