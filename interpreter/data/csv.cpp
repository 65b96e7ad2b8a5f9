#include "data/csv.hpp"

#include <fmt/format.h>

#include "lang/language.hpp"
#include "source/sha256.hpp"
#include "source/utf8.hpp"

#include <deque>

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

// Code points in UTF-8 text (continuation bytes not counted).
std::uint32_t codePoints(std::string_view t) {
  std::uint32_t n = 0;
  for (char c : t) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

bool forEachCsvRecord(std::string_view text, std::uint32_t file, char separator, char& separatorUsed,
                      Diagnostics& diags, const Limits& limits,
                      const std::function<bool(const CsvRecordView&)>& each) {
  if (std::size_t bad = utf8::firstInvalid(text); bad != std::string_view::npos) {
    const auto [line, col] = utf8::positionOf(text, bad);
    auto& d = diags.report(Code::E0402, SourceSpan{file, line, col, line, col + 1},
                           trf("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(text[bad])));
    d.help =
        tr("export the sheet as \"CSV UTF-8\"; older exports use Windows-1252, which verdeel does not guess");
    return false;
  }
  if (std::size_t odd = utf8::firstNulOrBom(text); odd != std::string_view::npos) {
    const auto [line, col] = utf8::positionOf(text, odd);
    auto& d = diags.report(Code::E0418, SourceSpan{file, line, col, line, col + 1},
                           text[odd] == '\0' ? tr("a NUL byte in the data file")
                                             : tr("a byte-order mark (U+FEFF) inside the data file"));
    d.help =
        tr("an invisible character that does not belong in a cell (often left by pasting files together); "
           "remove it and export the sheet again");
    return false;
  }
  separatorUsed = separator ? separator : detectSeparator(text);
  const char sep = separatorUsed;
  std::uint32_t line = 1, col = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  CsvRecordView rec;
  std::deque<std::string> unescaped;  // quoted fields with doubled quotes (a deque: views stay valid)
  std::size_t records = 0;
  auto endOfField = [&](std::size_t j) {
    while (j < n && text[j] != sep && text[j] != '\n' && text[j] != '\r') ++j;
    return j;
  };
  while (i < n) {
    rec.line = line;
    rec.fields.clear();
    unescaped.clear();
    const std::size_t start = i;
    while (true) {
      CsvFieldView f;
      f.line = line;
      f.col = col;
      const std::uint32_t startCol = col;
      std::size_t bytes = 0;
      if (i < n && text[i] == '"') {
        const std::uint32_t qLine = line, qCol = col;
        ++i;
        ++col;
        const std::size_t from = i;
        std::string* own = nullptr;
        bool closed = false;
        while (i < n) {
          const std::size_t q = text.find('"', i);
          const std::size_t to = q == std::string_view::npos ? n : q;
          for (std::size_t k = i; k < to; ++k) {
            if (text[k] == '\n') {
              ++line;
              col = 1;
            } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
              ++col;
            }
          }
          if (own) own->append(text.substr(i, to - i));
          i = to;
          if (i >= n) break;
          if (i + 1 < n && text[i + 1] == '"') {  // a doubled quote: one quote in the text
            if (!own) own = &unescaped.emplace_back(text.substr(from, i - from));
            own->push_back('"');
            i += 2;
            col += 2;
            continue;
          }
          ++i;
          ++col;
          closed = true;
          break;
        }
        if (!closed) {
          auto& d = diags.report(Code::E0403, SourceSpan{file, qLine, qCol, qLine, qCol + 1},
                                 tr("this quoted field has no closing quote"));
          d.help = tr("a field that starts with `\"` ends with `\"`; write a quote inside it as `\"\"`");
          return false;
        }
        // Text after the closing quote up to the separator is kept (lenient, as spreadsheets are).
        const std::size_t after = endOfField(i);
        if (after > i || own) {
          if (!own) own = &unescaped.emplace_back(text.substr(from, i - 1 - from));
          own->append(text.substr(i, after - i));
          col += codePoints(text.substr(i, after - i));
          i = after;
          f.text = *own;
        } else {
          f.text = text.substr(from, i - 1 - from);
        }
        bytes = f.text.size();
      } else {
        const std::size_t to = endOfField(i);
        f.text = text.substr(i, to - i);
        col += codePoints(f.text);
        i = to;
        bytes = f.text.size();
      }
      if (bytes > limits.csvFieldBytes) {
        auto& d = diags.report(Code::E0413, SourceSpan{file, f.line, f.col, f.line, f.col + 1},
                               trf("this field is longer than {} bytes", limits.csvFieldBytes));
        d.help = tr("a cell this long is almost certainly not data; raise the limit with `--max-veldlengte`");
        return false;
      }
      if (i - start > limits.csvLineBytes) {
        auto& d = diags.report(Code::E0412, SourceSpan{file, rec.line, 1, rec.line, 2},
                               trf("this line is longer than {} bytes", limits.csvLineBytes));
        d.help = tr("check that the file is a CSV file; raise the limit with `--max-regellengte`");
        return false;
      }
      f.width = col - startCol;
      rec.fields.push_back(f);
      if (i < n && text[i] == sep) {
        ++i;
        ++col;
        continue;
      }
      if (i < n && (text[i] == '\r' || text[i] == '\n')) {  // CRLF, LF, or a CR alone
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        ++i;
        ++line;
        col = 1;
      }
      break;
    }
    const bool blank = rec.fields.size() == 1 && rec.fields[0].text.empty() && rec.fields[0].width == 0;
    if (blank) continue;
    if (++records > limits.tableRows + 1) {
      auto& d = diags.report(Code::E0411, SourceSpan{file, rec.line, 1, rec.line, 2},
                             trf("the table has more than {} rows", limits.tableRows));
      d.help = tr("raise the limit with `--max-rijen` if the table is really this large");
      return false;
    }
    if (!each(rec)) return false;
  }
  return true;
}

bool readCsv(std::string_view text, std::uint32_t file, char separator, CsvText& out, Diagnostics& diags,
             const Limits& limits) {
  return forEachCsvRecord(text, file, separator, out.separator, diags, limits, [&](const CsvRecordView& r) {
    CsvRecord rec;
    rec.line = r.line;
    rec.fields.reserve(r.fields.size());
    for (const CsvFieldView& f : r.fields)
      rec.fields.push_back({std::string(f.text), f.line, f.col, f.width});
    out.records.push_back(std::move(rec));
    return true;
  });
}

std::uint32_t registerCsvFile(const std::string& path, SourceManager& sources, std::string& readError,
                              std::size_t maxBytes, bool* tooLarge) {
  auto text = readFile(path, &readError, maxBytes, tooLarge);
  if (!text) return 0;
  std::string digest = sha256Hex(*text);
  std::string body = utf8::hasBom(*text) ? text->substr(3) : std::move(*text);
  // Old Mac line endings (a carriage return alone) count as line breaks, so positions are right.
  utf8::lineFeedsForLoneReturns(body);
  return sources.add(path, std::move(body), std::move(digest));
}

bool readCsvFile(const std::string& path, char separator, const Limits& limits, SourceManager& sources,
                 Diagnostics& diags, CsvFile& out, std::string& readError) {
  out.file = registerCsvFile(path, sources, readError, limits.dataFileBytes);
  if (out.file == 0) return false;
  return readCsv(sources.text(out.file), out.file, separator, out.csv, diags, limits);
}

}  // namespace verdeel::data
