// The blocks GMP's numbers get (value/memory.hpp): a word apart for the smallest, handed out again
// for their size class, word-aligned, never overlapping while live, and their bytes kept by a
// reallocation, whether it stays in the pool, moves within it, or goes to or from malloc.
#include <cstdint>
#include <cstring>
#include <vector>

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include "value/memory.hpp"

using verdeel::NumberPool;

namespace {
// Static, so that the chunks stay reachable for the leak checker: the pool never gives them back.
NumberPool& testPool() {
  static NumberPool pool;
  return pool;
}
}  // namespace

TEST_CASE("number pool: one-limb blocks are a word apart, and a released block comes back") {
  static NumberPool pool;  // fresh: its free lists are empty (static: see testPool)
  // Carved one after another from 64 KB chunks: only a new chunk can break the run.
  std::vector<char*> blocks;
  blocks.reserve(100);
  for (int i = 0; i < 100; ++i) blocks.push_back(static_cast<char*>(pool.allocate(i % 2 == 0 ? 8 : 1)));
  int adjacent = 0;
  for (std::size_t i = 1; i < blocks.size(); ++i) adjacent += blocks[i] == blocks[i - 1] + 8 ? 1 : 0;
  CHECK(adjacent >= 98);
  for (char* p : blocks) CHECK(reinterpret_cast<std::uintptr_t>(p) % sizeof(void*) == 0);
  for (char* p : blocks) pool.release(p, 8);
  auto* a = static_cast<char*>(pool.allocate(8));
  auto* b = static_cast<char*>(pool.allocate(8));
  auto* c = static_cast<char*>(pool.allocate(1));  // rounded up to a word: the same class
  pool.release(b, 8);
  CHECK(pool.allocate(5) == b);  // the same class: the block just released
  void* d = pool.allocate(16);   // another class: not b
  CHECK(d != b);
  pool.release(a, 8);
  pool.release(b, 8);
  pool.release(c, 1);
  pool.release(d, 16);
}

TEST_CASE("number pool: live blocks never overlap and keep their bytes through reallocations") {
  CHECK(rc::check("allocate, reallocate and release in any order", [](const std::vector<std::uint16_t>& ops) {
    NumberPool& pool = testPool();
    struct Live {
      unsigned char* p;
      std::size_t size;
      unsigned char fill;
    };
    std::vector<Live> live;
    unsigned char next = 1;
    auto intact = [](const Live& l) {
      for (std::size_t i = 0; i < l.size; ++i)
        if (l.p[i] != l.fill) return false;
      return true;
    };
    for (std::uint16_t op : ops) {
      const std::size_t size = op % 300;  // small classes and malloc's
      const unsigned kind = (op >> 9) % 3;
      if (kind == 0 || live.empty()) {
        auto* p = static_cast<unsigned char*>(pool.allocate(size));
        RC_ASSERT(reinterpret_cast<std::uintptr_t>(p) % sizeof(void*) == 0);
        std::memset(p, next, size);
        live.push_back({p, size, next++});
      } else {
        const std::size_t at = (op >> 11) % live.size();
        Live l = live[at];
        RC_ASSERT(intact(l));
        if (kind == 1) {
          auto* q = static_cast<unsigned char*>(pool.reallocate(l.p, l.size, size));
          RC_ASSERT(reinterpret_cast<std::uintptr_t>(q) % sizeof(void*) == 0);
          for (std::size_t i = 0; i < std::min(l.size, size); ++i) RC_ASSERT(q[i] == l.fill);
          std::memset(q, l.fill, size);
          live[at] = {q, size, l.fill};
        } else {
          pool.release(l.p, l.size);
          live.erase(live.begin() + static_cast<std::ptrdiff_t>(at));
        }
      }
      if (next == 0) next = 1;
    }
    for (const Live& l : live) RC_ASSERT(intact(l));  // no block wrote over another
    for (const Live& l : live) pool.release(l.p, l.size);
  }));
}
