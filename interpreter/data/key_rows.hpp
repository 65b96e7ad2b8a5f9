// The rows of a table by the text of their key (`sleutel`), for references between tables and for
// finding an entity by its code. An open-addressing table of row numbers with a hash of each key:
// the keys themselves are not copied, a row's key is read from its cell when two hashes agree, so a
// table of a million rows costs 8 bytes a slot. Made by the loader; read-only afterwards.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace verdeel::data {

class KeyRows {
 public:
  // The key text of a row (`scratch` may hold it).
  using KeyOf = std::function<std::string_view(int row, std::string& scratch)>;

  void reserve(std::size_t rows);
  // Adds `row` under `key`; returns -1, or the row that already has this key (then nothing is added).
  int insert(std::string_view key, int row, const KeyOf& keyOf);
  // The row with this key, or -1.
  int find(std::string_view key, const KeyOf& keyOf) const;
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint32_t row = 0;  // row + 1; 0 is empty
    std::uint32_t hash = 0;
  };
  static std::uint32_t hashOf(std::string_view key);
  void grow(const KeyOf& keyOf);
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace verdeel::data
