// The program's operator new and delete (not the aligned forms): small blocks through the
// per-thread lists of cli/blocks.hpp. Linked into the verdeel program only; left out under a
// sanitizer, whose own new and delete check every block.
#include <cstddef>
#include <new>

#include "cli/blocks.hpp"
#include "source/sanitized.hpp"

#if !VERDEEL_SANITIZED

using verdeel::cli::giveBlock;
using verdeel::cli::takeBlock;

void* operator new(std::size_t size) {
  return takeBlock(size);
}
void* operator new[](std::size_t size) {
  return takeBlock(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return takeBlock(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return takeBlock(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* block) noexcept {
  giveBlock(block, 0);
}
void operator delete[](void* block) noexcept {
  giveBlock(block, 0);
}
void operator delete(void* block, std::size_t size) noexcept {
  giveBlock(block, size);
}
void operator delete[](void* block, std::size_t size) noexcept {
  giveBlock(block, size);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
  giveBlock(block, 0);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
  giveBlock(block, 0);
}

#endif
