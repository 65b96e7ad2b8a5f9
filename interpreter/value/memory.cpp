#include "value/memory.hpp"

#include <gmp.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <new>

#include "lang/language.hpp"
#include "source/sanitized.hpp"

namespace verdeel {

namespace {

constexpr std::size_t kGrain = 16;                    // block sizes are multiples of this
constexpr std::size_t kClasses = 8;                   // pooled: up to 8 * 16 = 128 bytes
constexpr std::size_t kChunk = std::size_t{1} << 16;  // carved into blocks of one size

[[noreturn]] void outOfMemory() {
  // tr() allocates nothing: the catalogue was built when the language was set.
  const char* message = tr("verdeel: error[internal]: out of memory; no output was written\n");
  (void)!::write(2, message, std::strlen(message));
  ::_exit(70);
}

struct FreeBlock {
  FreeBlock* next;
};

// Per thread: one free list per size class, refilled from chunks that are never given back (the
// blocks are, to the list of the thread that frees them).
struct Pool {
  FreeBlock* free[kClasses] = {};
  char* chunk = nullptr;
  std::size_t left = 0;

  void* take(std::size_t cls) {
    if (FreeBlock* b = free[cls]) {
      free[cls] = b->next;
      return b;
    }
    const std::size_t size = (cls + 1) * kGrain;
    if (left < size) {
      chunk = static_cast<char*>(std::malloc(kChunk));
      if (!chunk) outOfMemory();
      left = kChunk;
    }
    void* b = chunk;
    chunk += size;
    left -= size;
    return b;
  }
  void give(void* p, std::size_t cls) {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = free[cls];
    free[cls] = b;
  }
};

thread_local Pool pool;

std::size_t classOf(std::size_t size) {
  return size == 0 ? 0 : (size - 1) / kGrain;
}

void* allocate(std::size_t size) {
  const std::size_t cls = classOf(size);
  if (cls < kClasses) return pool.take(cls);
  void* p = std::malloc(size);
  if (!p) outOfMemory();
  return p;
}

void release(void* p, std::size_t size) {
  const std::size_t cls = classOf(size);
  if (cls < kClasses)
    pool.give(p, cls);
  else
    std::free(p);
}

void* reallocate(void* p, std::size_t oldSize, std::size_t newSize) {
  const std::size_t oldCls = classOf(oldSize), newCls = classOf(newSize);
  if (oldCls >= kClasses && newCls >= kClasses) {
    void* q = std::realloc(p, newSize);
    if (!q) outOfMemory();
    return q;
  }
  if (oldCls == newCls) return p;
  void* q = allocate(newSize);
  std::memcpy(q, p, oldSize < newSize ? oldSize : newSize);
  release(p, oldSize);
  return q;
}

// Under AddressSanitizer every block comes from malloc, so that it can see each one; a failure is
// still the message and exit code 70.
void* checkedAllocate(std::size_t size) {
  void* p = std::malloc(size);
  if (!p) outOfMemory();
  return p;
}
void* checkedReallocate(void* p, std::size_t, std::size_t newSize) {
  void* q = std::realloc(p, newSize);
  if (!q) outOfMemory();
  return q;
}
void checkedRelease(void* p, std::size_t) {
  std::free(p);
}

}  // namespace

void installNumberMemory() {
  if constexpr (kSanitized)
    mp_set_memory_functions(checkedAllocate, checkedReallocate, checkedRelease);
  else
    mp_set_memory_functions(allocate, reallocate, release);
}

}  // namespace verdeel
