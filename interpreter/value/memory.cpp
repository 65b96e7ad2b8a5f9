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

constexpr std::size_t kChunk = std::size_t{1} << 16;  // carved into blocks of one size or another

[[noreturn]] void outOfMemory() {
  // tr() allocates nothing: the catalogue was built when the language was set.
  const char* message = tr("verdeel: error[internal]: out of memory; no output was written\n");
  (void)!::write(2, message, std::strlen(message));
  ::_exit(70);
}

constinit thread_local NumberPool pool;  // no guard on the way in

void* allocate(std::size_t size) {
  return pool.allocate(size);
}
void release(void* p, std::size_t size) {
  pool.release(p, size);
}
void* reallocate(void* p, std::size_t oldSize, std::size_t newSize) {
  return pool.reallocate(p, oldSize, newSize);
}

// malloc's blocks, a failure being the message and exit code 70: the pool's large blocks, and under
// AddressSanitizer every block, so that it can see each one.
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

void* NumberPool::refill(std::size_t bytes) {
  // The rest of the old chunk (less than `bytes`) is left unused; it is never more than kLargest.
  chunk_ = static_cast<char*>(checkedAllocate(kChunk));
  left_ = kChunk - bytes;
  char* b = chunk_;
  chunk_ += bytes;
  return b;
}

void* NumberPool::large(std::size_t size) {
  return checkedAllocate(size);
}

void NumberPool::releaseLarge(void* p) {
  checkedRelease(p, 0);
}

void* NumberPool::reallocate(void* p, std::size_t oldSize, std::size_t newSize) {
  const std::size_t oldCls = classOf(oldSize), newCls = classOf(newSize);
  if (oldCls >= kClasses && newCls >= kClasses) return checkedReallocate(p, oldSize, newSize);
  if (oldCls == newCls) return p;
  void* q = allocate(newSize);
  std::memcpy(q, p, oldSize < newSize ? oldSize : newSize);
  release(p, oldSize);
  return q;
}

void installNumberMemory() {
  if constexpr (kSanitized)
    mp_set_memory_functions(checkedAllocate, checkedReallocate, checkedRelease);
  else
    mp_set_memory_functions(allocate, reallocate, release);
}

}  // namespace verdeel
