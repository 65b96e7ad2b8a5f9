#include "data/key_rows.hpp"

namespace verdeel::data {

std::uint32_t KeyRows::hashOf(std::string_view key) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

void KeyRows::reserve(std::size_t rows) {
  std::size_t want = 16;
  while (want < rows * 2) want *= 2;
  if (want > slots_.size() && count_ == 0) slots_.assign(want, Slot{});
}

void KeyRows::grow(const KeyOf& keyOf) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.row == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].row != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
  (void)keyOf;
}

int KeyRows::insert(std::string_view key, int row, const KeyOf& keyOf) {
  if ((count_ + 1) * 2 > slots_.size()) grow(keyOf);
  const std::uint32_t h = hashOf(key);
  const std::size_t mask = slots_.size() - 1;
  std::string scratch;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.row == 0) {
      s = {static_cast<std::uint32_t>(row) + 1, h};
      ++count_;
      return -1;
    }
    if (s.hash == h && keyOf(static_cast<int>(s.row) - 1, scratch) == key) return static_cast<int>(s.row) - 1;
  }
}

int KeyRows::find(std::string_view key, const KeyOf& keyOf) const {
  if (slots_.empty()) return -1;
  const std::uint32_t h = hashOf(key);
  const std::size_t mask = slots_.size() - 1;
  std::string scratch;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.row == 0) return -1;
    if (s.hash == h && keyOf(static_cast<int>(s.row) - 1, scratch) == key) return static_cast<int>(s.row) - 1;
  }
}

}  // namespace verdeel::data
