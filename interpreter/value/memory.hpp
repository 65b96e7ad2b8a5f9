// Memory for exact numbers. GMP allocates and frees a block for nearly every rational it makes, and
// most of them are one or two machine words. installNumberMemory() gives GMP per-thread free lists
// of small blocks (larger ones from malloc), which makes evaluating much cheaper, and turns an
// allocation GMP cannot get into a message and exit code 70 ("out of memory; no output was
// written") instead of GMP's abort. Call it once, first thing in main(), before any number exists.
#pragma once

#include <cstddef>

namespace verdeel {

void installNumberMemory();

// The blocks of one thread (exposed for the tests): sizes in steps of one machine word (a limb) up
// to kLargest bytes, carved from 64 KB chunks that are never given back and kept in one free list
// per size; larger blocks come from malloc. Blocks are aligned to a word, which is all GMP's limbs
// and strings need. A one-limb number's limb takes 8 bytes (malloc's smallest block is 32).
class NumberPool {
 public:
  static constexpr std::size_t kGrain = sizeof(void*);
  static constexpr std::size_t kClasses = 16;
  static constexpr std::size_t kLargest = kGrain * kClasses;

  void* allocate(std::size_t size) {
    const std::size_t cls = classOf(size);
    if (cls >= kClasses) return large(size);
    if (FreeBlock* b = free_[cls]) {
      free_[cls] = b->next;
      return b;
    }
    const std::size_t bytes = (cls + 1) * kGrain;
    if (left_ < bytes) return refill(bytes);
    char* b = chunk_;
    chunk_ += bytes;
    left_ -= bytes;
    return b;
  }
  void release(void* p, std::size_t size) {
    const std::size_t cls = classOf(size);
    if (cls >= kClasses) return releaseLarge(p);
    auto* b = static_cast<FreeBlock*>(p);
    b->next = free_[cls];
    free_[cls] = b;
  }
  void* reallocate(void* p, std::size_t oldSize, std::size_t newSize);

 private:
  struct FreeBlock {
    FreeBlock* next;
  };
  static constexpr std::size_t classOf(std::size_t size) { return size == 0 ? 0 : (size - 1) / kGrain; }
  void* refill(std::size_t bytes);  // a new chunk, and its first block of `bytes`
  static void* large(std::size_t size);
  static void releaseLarge(void* p);

  FreeBlock* free_[kClasses] = {};
  char* chunk_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace verdeel
