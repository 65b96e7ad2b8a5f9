// Provenance: what a computed value rests on. Three things are kept for every value: the least
// certain data it rests on (herkomst: echt < gereconstrueerd < fictief), the articles behind it and
// the data tables behind it. The two sets are interned in a SetPool and a value keeps only their
// ids, so a value's provenance is a few bytes however many values it was made from, and merging the
// provenance of two values with the same sets (the usual case) costs a comparison.
// "Behind it" means: what took part. In an aggregate that is the rows that met its condition; a row
// left out by `waarvoor` is not part of the value's provenance, and an aggregate over no rows at all
// rests on the table as a whole (its declared herkomst). Used by the evaluator (eval/) only; the
// public view is Evaluation::articles() and ::tables().
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast/ast.hpp"

namespace verdeel::eval {

using SetId = std::uint32_t;  // an interned sorted set of small non-negative integers; 0 is empty

class SetPool {
 public:
  SetPool();
  SetId single(int member);
  // The union of two sets. Nearly every union asked for repeats a recent one: that is answered here,
  // inline, from the table of recent unions; the rest out of line.
  SetId unite(SetId a, SetId b) {
    if (a == b || b == 0) return a;
    if (a == 0) return b;
    if (a > b) std::swap(a, b);
    const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
    Recent& slot = recent_[(key * 0x9E3779B97F4A7C15ULL) >> 56];
    if (slot.key == key) return slot.set;
    return uniteAnew(a, b, key, slot);
  }
  const std::vector<int>& members(SetId s) const { return sets_[s]; }
  std::size_t size() const { return sets_.size(); }

 private:
  struct Hash {
    std::size_t operator()(const std::vector<int>& v) const noexcept;
  };
  SetId intern(std::vector<int> members);
  // The last unions asked for, by a hash of the pair: nearly every union repeats one just made.
  struct Recent {
    std::uint64_t key = ~std::uint64_t{0};
    SetId set = 0;
  };
  SetId uniteAnew(SetId a, SetId b, std::uint64_t key, Recent& slot);
  std::deque<std::vector<int>> sets_;  // a deque: members() stays valid as sets are added
  std::unordered_map<std::vector<int>, SetId, Hash> ids_;
  std::unordered_map<std::uint64_t, SetId> unions_;  // (smaller id, larger id) -> union
  std::array<Recent, 256> recent_{};
};

struct Provenance {
  SetId articles = 0;
  SetId tables = 0;
  ast::Herkomst herkomst = ast::Herkomst::Echt;
  bool operator==(const Provenance&) const = default;
};

inline void merge(Provenance& into, const Provenance& from, SetPool& pool) {
  if (from.articles != into.articles) into.articles = pool.unite(into.articles, from.articles);
  if (from.tables != into.tables) into.tables = pool.unite(into.tables, from.tables);
  if (from.herkomst > into.herkomst) into.herkomst = from.herkomst;
}

}  // namespace verdeel::eval
