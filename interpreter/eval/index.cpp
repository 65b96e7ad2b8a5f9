#include "eval/index.hpp"

#include <algorithm>

namespace verdeel::eval {

std::string KeyIndex::text(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Empty>)
          return "e";
        else if constexpr (std::is_same_v<T, bool>)
          return x ? "b1" : "b0";
        else if constexpr (std::is_same_v<T, mpq_class>)
          return "q" + x.get_str();  // canonical: equal numbers give equal text
        else if constexpr (std::is_same_v<T, std::string>)
          return "s" + x;
        else if constexpr (std::is_same_v<T, Date>)
          return "d" + x.str();
        else if constexpr (std::is_same_v<T, EntityRef>)
          return "r" + std::to_string(x.table) + ":" + std::to_string(x.row);
        else
          return "h" + std::to_string(static_cast<int>(x));
      },
      v);
}

KeyIndex::KeyIndex(int rows, const std::function<const Value&(int)>& key,
                   const std::function<std::uint32_t(int)>& failed) {
  // Which form: dense when every key is a reference into one table.
  int refRows = 0;
  bool dense = rows > 0;
  for (int r = 0; r < rows && failed_ == 0; ++r) {
    if (std::uint32_t e = failed(r)) {
      failed_ = e;
      break;
    }
    const Value& v = key(r);
    if (std::holds_alternative<Empty>(v)) {
      if (blankRow_ < 0) blankRow_ = r;
      continue;
    }
    const auto* ref = std::get_if<EntityRef>(&v);
    if (!ref || (refTable_ >= 0 && ref->table != refTable_)) {
      dense = false;
      continue;
    }
    refTable_ = ref->table;
    refRows = std::max(refRows, ref->row + 1);
  }
  if (failed_ != 0) return;
  order_.reserve(static_cast<std::size_t>(rows));
  if (dense && refTable_ >= 0) {
    // Counting sort by referenced row: stable, so each range is in row order.
    start_.assign(static_cast<std::size_t>(refRows) + 1, 0);
    for (int r = 0; r < rows; ++r)
      if (const auto* ref = std::get_if<EntityRef>(&key(r))) ++start_[static_cast<std::size_t>(ref->row) + 1];
    for (std::size_t t = 1; t < start_.size(); ++t) start_[t] += start_[t - 1];
    order_.resize(start_.back());
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    for (int r = 0; r < rows; ++r)
      if (const auto* ref = std::get_if<EntityRef>(&key(r)))
        order_[next[static_cast<std::size_t>(ref->row)]++] = r;
    return;
  }
  refTable_ = -1;
  std::vector<std::pair<std::string, int>> keyed;
  keyed.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r)
    if (!std::holds_alternative<Empty>(key(r))) keyed.emplace_back(text(key(r)), r);
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size();) {
    std::size_t j = i;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) order_.push_back(keyed[j++].second);
    ranges_.emplace(std::move(keyed[i].first),
                    std::pair{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    i = j;
  }
}

std::span<const int> KeyIndex::rows(const Value& key) const {
  if (refTable_ >= 0) {
    const auto* ref = std::get_if<EntityRef>(&key);
    if (!ref || ref->table != refTable_ || ref->row < 0 ||
        static_cast<std::size_t>(ref->row) + 1 >= start_.size())
      return {};
    const auto t = static_cast<std::size_t>(ref->row);
    return {order_.data() + start_[t], start_[t + 1] - start_[t]};
  }
  auto it = ranges_.find(text(key));
  if (it == ranges_.end()) return {};
  return {order_.data() + it->second.first, it->second.second - it->second.first};
}

}  // namespace verdeel::eval
