// Small blocks for the whole program (cli/new_delete.cpp routes operator new and delete here). glibc
// keeps at most 7 freed blocks of a size at hand (its tcache); a run frees thousands of one size at a
// time (parse trees, tokens, strings) and asks for them again, and each miss walks malloc's bins.
// Here every thread keeps the blocks it frees, up to 1,024 bytes each and 32 MB in all, in one list
// per size and hands them out again; everything else goes to malloc and free. The blocks stay
// malloc's blocks (header and all), so the lists hold no memory malloc could not account for.
#pragma once

#include <cstddef>

namespace verdeel::cli {

// A block of at least `size` bytes, aligned as malloc's; never null: without memory, the new-handler
// is called as operator new does, and std::bad_alloc thrown when there is none.
void* takeBlock(std::size_t size);

// Gives back a block from takeBlock (or nullptr). `size` is what was asked for, when known (sized
// delete), or 0: then malloc_usable_size tells.
void giveBlock(void* block, std::size_t size) noexcept;

// The bytes the calling thread keeps in its lists (for the tests).
std::size_t keptBytes() noexcept;

}  // namespace verdeel::cli
