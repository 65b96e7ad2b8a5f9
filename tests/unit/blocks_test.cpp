// The program's small-block lists (cli/blocks.hpp): blocks come back for the sizes they fit, large
// ones are not kept, a thread's kept blocks are given back to malloc when it ends, and live blocks
// never overlap.
#include <malloc.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include "cli/blocks.hpp"

using verdeel::cli::giveBlock;
using verdeel::cli::keptBytes;
using verdeel::cli::takeBlock;

TEST_CASE("blocks: a given-back block is handed out again for a request of its size") {
  void* a = takeBlock(40);
  const std::size_t kept = keptBytes();
  giveBlock(a, 40);
  CHECK(keptBytes() == kept + 48);  // 40 bytes and malloc's header: a chunk of 48
  void* b = takeBlock(33);          // the same chunk size
  CHECK(b == a);
  CHECK(keptBytes() == kept);
  giveBlock(b, 0);  // without its size: malloc_usable_size tells
  CHECK(keptBytes() >= kept + 48);
  void* c = takeBlock(100);  // another size: another list
  CHECK(c != a);
  giveBlock(c, 100);
}

TEST_CASE("blocks: large blocks go back to malloc, not to the lists") {
  const std::size_t kept = keptBytes();
  void* big = takeBlock(4096);
  std::memset(big, 0x5A, 4096);
  giveBlock(big, 4096);
  CHECK(keptBytes() == kept);
  void* big2 = takeBlock(2000);
  giveBlock(big2, 0);
  CHECK(keptBytes() == kept);
  giveBlock(nullptr, 0);
  CHECK(keptBytes() == kept);
}

TEST_CASE("blocks: a thread's kept blocks are given back to malloc when it ends") {
  constexpr int kBlocks = 2000;
  const std::size_t inUse = mallinfo2().uordblks;
  std::size_t keptInThread = 0;
  std::thread worker([&] {
    std::vector<void*> blocks;
    for (int i = 0; i < kBlocks; ++i) blocks.push_back(takeBlock(64));
    for (void* b : blocks) giveBlock(b, 64);
    keptInThread = keptBytes();
  });
  worker.join();
  CHECK(keptInThread >= kBlocks * 64);
  // Under AddressSanitizer mallinfo2 says nothing (its allocator is its own); LeakSanitizer then
  // reports blocks the thread did not give back.
  const std::size_t after = mallinfo2().uordblks;
  CHECK(after < inUse + kBlocks * 64 / 4);
}

TEST_CASE("blocks: live blocks have their size and never overlap") {
  CHECK(
      rc::check("live blocks keep their bytes", [](const std::vector<std::pair<bool, std::uint16_t>>& steps) {
        std::map<void*, std::pair<std::size_t, unsigned char>> live;
        unsigned char mark = 0;
        for (const auto& [take, raw] : steps) {
          if (take || live.empty()) {
            const std::size_t size = raw % 1500;
            void* p = takeBlock(size);
            RC_ASSERT(reinterpret_cast<std::uintptr_t>(p) != 0);
            RC_ASSERT(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0);
            RC_ASSERT(::malloc_usable_size(p) >= size);
            std::memset(p, ++mark, size);
            live[p] = {size, mark};
          } else {
            auto it = std::next(live.begin(), static_cast<std::ptrdiff_t>(raw % live.size()));
            giveBlock(it->first, raw % 2 == 0 ? it->second.first : 0);
            live.erase(it);
          }
          for (const auto& [p, what] : live) {
            const auto* bytes = static_cast<const unsigned char*>(p);
            for (std::size_t i = 0; i < what.first; ++i) RC_ASSERT(bytes[i] == what.second);
          }
        }
        for (const auto& [p, what] : live) giveBlock(p, what.first);
      }));
}
