#include "verify/published.hpp"

#include <algorithm>
#include <cctype>

#include "source/text.hpp"

namespace verdeel::verify {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// `1.234.567` with `group` = '.': groups of three after the first group of one to three digits.
bool grouped(std::string_view s, char group) {
  std::size_t at = s.find(group);
  if (at == std::string_view::npos) return digits(s);
  if (at == 0 || at > 3 || !digits(s.substr(0, at))) return false;
  while (at != std::string_view::npos) {
    const std::size_t next = s.find(group, at + 1);
    const std::string_view part =
        s.substr(at + 1, (next == std::string_view::npos ? s.size() : next) - at - 1);
    if (part.size() != 3 || !digits(part)) return false;
    at = next;
  }
  return true;
}

std::optional<mpq_class> withMarks(std::string_view text, char group, char decimal) {
  std::string_view s = text;
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  const std::size_t dec = s.find(decimal);
  const std::string_view whole = s.substr(0, dec);
  const std::string_view fraction = dec == std::string_view::npos ? std::string_view() : s.substr(dec + 1);
  if (!grouped(whole, group)) return std::nullopt;
  if (dec != std::string_view::npos && !digits(fraction)) return std::nullopt;
  std::string plain = negative ? "-" : "";
  for (char c : whole)
    if (c != group) plain += c;
  if (!fraction.empty()) plain += "." + std::string(fraction);
  mpq_class q;
  if (!parseNumber(plain, '.', q)) return std::nullopt;
  return q;
}

}  // namespace

std::optional<mpq_class> publishedNumber(std::string_view text, char separator, Notation notation) {
  if (notation == Notation::Dutch || (notation == Notation::ByFile && separator == ';'))
    return withMarks(text, '.', ',');
  if (notation == Notation::English) return withMarks(text, ',', '.');
  mpq_class q;  // a `,` file without a declared notation: plain numbers only, as a program writes them
  if (!parseNumber(text, '.', q)) return std::nullopt;
  return q;
}

Aliases::Aliases(const eval::Evaluation& ev, int table) {
  const check::Program& p = ev.program();
  for (std::size_t t = 0; t < p.tables.size(); ++t) {
    const check::Table& tab = p.tables[t];
    const int alias = tab.column("alias");
    if (alias < 0 || tab.columns[static_cast<std::size_t>(alias)].type.kind != check::Kind::Text) continue;
    for (std::size_t c = 0; c < tab.columns.size(); ++c) {
      const check::Type& type = tab.columns[c].type;
      if (type.kind != check::Kind::Entity || type.table != table) continue;
      const data::TableData& td = ev.data().tables[t];
      for (std::size_t r = 0; r < td.size(); ++r) {
        const auto* name = std::get_if<std::string>(&td.cell(r, static_cast<std::size_t>(alias)));
        const auto* ref = std::get_if<EntityRef>(&td.cell(r, c));
        if (name && ref) entries_.emplace_back(asciiLower(*name), ref->row);
      }
      break;
    }
  }
}

int Aliases::find(std::string_view name) const {
  const std::string wanted = asciiLower(name);
  for (const auto& [alias, row] : entries_)
    if (alias == wanted) return row;
  return -1;
}

std::vector<std::string> Aliases::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& e : entries_) out.push_back(e.first);
  return out;
}

int entityColumn(const std::vector<std::string>& header, const check::Table& table,
                 const std::string& wanted) {
  const auto at = [&](std::string_view name) {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == name) return static_cast<int>(c);
    return -1;
  };
  if (!wanted.empty()) return at(wanted);
  if (table.key >= 0) {
    const check::Column& key = table.columns[static_cast<std::size_t>(table.key)];
    for (const std::string& n : {key.name, key.csvHeader, table.name})
      if (int c = at(n); c >= 0) return c;
  }
  if (int c = at("code"); c >= 0) return c;
  return at("naam");
}

}  // namespace verdeel::verify
