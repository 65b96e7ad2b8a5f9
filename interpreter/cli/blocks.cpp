#include "cli/blocks.hpp"

#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace verdeel::cli {

namespace {

constexpr std::size_t kWord = sizeof(std::size_t);  // glibc: a chunk's header before the block
constexpr std::size_t kAlign = 16;                  // glibc: chunk sizes are multiples of this
constexpr std::size_t kMinChunk = 32;               // glibc: the smallest chunk
constexpr std::size_t kMaxChunk = 1024;             // larger blocks go straight to malloc
constexpr std::size_t kClasses = kMaxChunk / kAlign + 1;
constexpr std::size_t kMaxKept = std::size_t{32} << 20;  // per thread

// The chunk glibc's malloc makes for a request of `size` bytes (its request2size); the caller has
// checked that size <= kMaxChunk, so nothing overflows.
constexpr std::size_t chunkFor(std::size_t size) {
  const std::size_t chunk = (size + kWord + kAlign - 1) & ~(kAlign - 1);
  return chunk < kMinChunk ? kMinChunk : chunk;
}

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible and constant-initialised: a thread reaches its lists without a guard, and
// they can still be read (as closed) while the thread's other thread_local objects are destroyed.
struct Lists {
  FreeBlock* head[kClasses];
  std::size_t kept;
  bool registered;
  bool closed;
};
constinit thread_local Lists lists{};

// Gives a thread's kept blocks back to malloc when the thread ends.
struct Closer {
  Closer() = default;
  Closer(const Closer&) = delete;
  Closer& operator=(const Closer&) = delete;
  ~Closer() {
    Lists& l = lists;
    l.closed = true;
    for (FreeBlock*& head : l.head) {
      while (FreeBlock* b = head) {
        head = b->next;
        std::free(b);
      }
    }
    l.kept = 0;
  }
};

void registerThread() {
  thread_local Closer closer;  // constructed (and its destructor registered) on first use
  (void)closer;
  lists.registered = true;
}

[[gnu::noinline]] void* fromMalloc(std::size_t size) {
  if (size == 0) size = 1;
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* takeBlock(std::size_t size) {
  if (size <= kMaxChunk) {
    const std::size_t cls = chunkFor(size) / kAlign;
    Lists& l = lists;
    if (cls < kClasses) {
      if (FreeBlock* b = l.head[cls]) {
        l.head[cls] = b->next;
        l.kept -= cls * kAlign;
        return b;
      }
    }
  }
  // A small block is asked for at its class's full size, which glibc rounds to the same chunk: a block
  // in a list then has room for any request of its class with any malloc (an exact one, such as
  // AddressSanitizer's in the unit tests, too).
  return fromMalloc(size <= kMaxChunk ? chunkFor(size) - kWord : size);
}

void giveBlock(void* block, std::size_t size) noexcept {
  if (block == nullptr) return;
  // A block's real chunk can be larger than its request's (malloc hands out a whole free chunk when
  // the rest would be too small to keep); a list of the request's size is still right for it.
  std::size_t chunk = 0;
  if (size == 0) {
    chunk = ::malloc_usable_size(block) + kWord;
  } else if (size <= kMaxChunk) {
    chunk = chunkFor(size);
  } else {
    std::free(block);
    return;
  }
  Lists& l = lists;
  if (chunk <= kMaxChunk && l.kept + chunk <= kMaxKept && !l.closed) {
    if (!l.registered) registerThread();
    auto* b = static_cast<FreeBlock*>(block);
    const std::size_t cls = chunk / kAlign;
    b->next = l.head[cls];
    l.head[cls] = b;
    l.kept += chunk;
    return;
  }
  std::free(block);
}

std::size_t keptBytes() noexcept {
  return lists.kept;
}

}  // namespace verdeel::cli
