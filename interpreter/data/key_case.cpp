#include "data/key_case.hpp"
#include "lang/language.hpp"

#include <fmt/format.h>
#include <unicode/ucasemap.h>

#include <memory>
#include <unordered_map>

namespace verdeel::data {

namespace {

struct CaseMapCloser {
  void operator()(UCaseMap* m) const { ucasemap_close(m); }
};

// The key with case folded: ASCII directly, other text by ICU's full case folding (`ẞ`, `Σ`).
std::string folded(std::string_view key, UCaseMap* map) {
  bool plain = true;
  for (char c : key)
    if (static_cast<unsigned char>(c) >= 0x80) plain = false;
  std::string out(key);
  if (plain || !map) {
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  out.assign(key.size() * 3 + 8, '\0');
  UErrorCode e = U_ZERO_ERROR;
  const int32_t n = ucasemap_utf8FoldCase(map, out.data(), static_cast<int32_t>(out.size()), key.data(),
                                          static_cast<int32_t>(key.size()), &e);
  if (U_FAILURE(e)) return std::string(key);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

void warnKeysDifferingInCase(const check::Table& table, const TableData& td,
                             const std::vector<std::uint32_t>& columns, Diagnostics& diags) {
  if (table.key < 0 || table.columns[static_cast<std::size_t>(table.key)].type.kind != check::Kind::Text)
    return;
  // Two keys can differ only in case when some key has a lower-case letter and some an upper-case
  // one, or when a key has letters beyond ASCII; codes such as `GM0014` alone never can, and are
  // not folded one by one (a table of a million codes pays one pass over its keys).
  std::string scratch, other;
  bool lower = false, upper = false, wide = false;
  for (std::size_t r = 0; r < td.size() && !((lower && upper) || wide); ++r)
    for (const char c : td.keyText(r, scratch)) {
      lower = lower || (c >= 'a' && c <= 'z');
      upper = upper || (c >= 'A' && c <= 'Z');
      wide = wide || static_cast<unsigned char>(c) >= 0x80;
    }
  if (!((lower && upper) || wide)) return;
  UErrorCode e = U_ZERO_ERROR;
  std::unique_ptr<UCaseMap, CaseMapCloser> map(ucasemap_open(nullptr, U_FOLD_CASE_DEFAULT, &e));
  std::unordered_map<std::string, std::size_t> first;
  first.reserve(td.size());
  std::size_t warned = 0, more = 0;
  for (std::size_t r = 0; r < td.size(); ++r) {
    const std::string_view key = td.keyText(r, scratch);
    auto [it, fresh] = first.emplace(folded(key, map.get()), r);
    if (fresh) continue;
    if (warned == 5) {
      ++more;
      continue;
    }
    ++warned;
    const std::string_view earlier = td.keyText(it->second, other);
    const std::uint32_t line = td.lines[r], col = columns[r];
    auto& d = diags.report(Code::W0401, SourceSpan{td.file, line, col, line, col + 1},
                           trf("key `{}` differs from key `{}` only in upper and lower case", key, earlier));
    const std::uint32_t fl = td.lines[it->second], fc = columns[it->second];
    d.notes.push_back({SourceSpan{td.file, fl, fc, fl, fc + 1}, trf("`{}` is here", earlier)});
    d.help = tr("if they are one thing, write the key once; if two, make them differ in more than case");
  }
  if (more > 0)
    diags.report(Code::W0401, SourceSpan{td.file, 0, 0, 0, 0},
                 trf("and {} more keys that differ from another only in upper and lower case", more));
}

}  // namespace verdeel::data
