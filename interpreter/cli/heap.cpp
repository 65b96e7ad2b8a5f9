#include "cli/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include "source/sanitized.hpp"

namespace verdeel::cli {

namespace {
constexpr std::size_t kReach = std::size_t{12} << 20;  // a 2024 run uses about 6 MB of it
constexpr std::size_t kPad = std::size_t{16} << 20;
constexpr std::size_t kKeep = std::size_t{64} << 20;        // freed memory kept before it is given back
constexpr std::size_t kLargeBlock = std::size_t{16} << 20;  // larger blocks are mapped on their own
constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
// The block before the first 2 MB boundary, kept for the life of the process. Volatile: the
// compiler may otherwise leave out a malloc whose block nothing reads (g++ 12 did, and the work's
// first megabytes went to 4 KB pages).
void* volatile spacer = nullptr;
}  // namespace

void prepareHeap() {
  if constexpr (kSanitized) return;
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kKeep));
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLargeBlock));
  // Grow the heap now (past what is free at its top) by kReach, so that the region asked for is
  // there. The block comes from the start of the heap's free top, where the next blocks will come
  // from too; malloc writes a header after it, which would give the 2 MB region it lands in 4 KB
  // pages: far enough out, past what a usual run uses.
  char* const top = static_cast<char*>(::sbrk(0));
  const auto before = reinterpret_cast<std::uintptr_t>(top);
  void* volatile block = std::malloc(mallinfo2().keepcost + kReach);  // volatile: not left out
  const auto start = reinterpret_cast<std::uintptr_t>(block);
  std::free(block);
  const auto after = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  const std::uintptr_t from = (before + kHugePage - 1) & ~(kHugePage - 1);
  if (start == 0 || after <= from + kHugePage) return;
  (void)::madvise(top + (from - before), after - from, MADV_HUGEPAGE);
  // What lies between the free top's start and the first 2 MB boundary (up to 2 MB) would get 4 KB
  // pages: one block takes it and is never used, so that the work's blocks start at the boundary.
  // It costs address space only; of its pages only the first (its header) is ever touched.
  constexpr std::uintptr_t kHeader = 2 * sizeof(std::size_t);
  if (from > start + kHugePage / 8) spacer = std::malloc(from - start - kHeader);
}

}  // namespace verdeel::cli
