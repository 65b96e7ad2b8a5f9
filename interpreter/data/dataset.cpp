#include "data/dataset.hpp"

#include "source/text.hpp"

namespace verdeel::data {

std::string_view TableData::keyText(std::size_t row, std::string& scratch) const {
  if (keyColumn < 0) return {};
  const Value& v = cell(row, static_cast<std::size_t>(keyColumn));
  if (const auto* s = std::get_if<std::string>(&v)) return trimmedView(*s);
  if (const auto* q = std::get_if<mpq_class>(&v)) {
    scratch = formatNumber(*q);
    return scratch;
  }
  return {};
}

int TableData::rowOf(std::string_view key) const {
  return keys.find(key, [this](int r, std::string& s) { return keyText(static_cast<std::size_t>(r), s); });
}

std::vector<std::string> TableData::allKeys() const {
  std::vector<std::string> out;
  out.reserve(size());
  std::string scratch;
  for (std::size_t r = 0; r < size(); ++r) out.emplace_back(keyText(r, scratch));
  return out;
}

}  // namespace verdeel::data
