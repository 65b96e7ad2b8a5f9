// Key indexes: for one column (or per-entity definition) of a table, the rows that hold each key
// value, in row order. Built once per evaluation the first time an aggregate looks a key up in that
// column (check/lookup.cpp says which filters do), so `som(x over aanbod waarvoor code = deze
// gemeente)` visits the matching rows only. Keys that are references to another table are kept in
// a dense array by referenced row; other keys in a hash table by their exact text. Internal to eval/.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "value/value.hpp"

namespace verdeel::eval {

class KeyIndex {
 public:
  // `key(r)` gives the key of row r; `failed(r)` says the row's key could not be computed.
  KeyIndex(int rows, const std::function<const Value&(int)>& key,
           const std::function<std::uint32_t(int)>& failed);
  // The rows whose key equals `key`, ascending.
  std::span<const int> rows(const Value& key) const;
  int blankRow() const { return blankRow_; }           // the first row with a blank key, or -1
  std::uint32_t failedKey() const { return failed_; }  // the error of the first failed key, or 0

 private:
  static std::string text(const Value& v);  // exact, and distinct for distinct values of one type
  int blankRow_ = -1;
  std::uint32_t failed_ = 0;
  int refTable_ = -1;                 // dense form: keys are references into this table
  std::vector<std::uint32_t> start_;  // dense: rows of referenced row t are order_[start_[t]..start_[t+1])
  std::vector<int> order_;
  std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> ranges_;  // general form
};

}  // namespace verdeel::eval
