// The process's heap, prepared before any work (cli/main.cpp): one region that the kernel can back
// with 2 MB pages. A page fault costs about 3 microseconds on the machines measured, a tenth of a
// 2024 run for its 1,500 faults; a 2 MB page is one fault where 4 KB pages are 512.
#pragma once

namespace verdeel::cli {

// Grows the heap by at least `pad` bytes at a time (M_TOP_PAD), keeps freed memory up to a point
// instead of giving it back and asking for it again, keeps blocks below 16 MB in the heap, grows it
// once now, and asks for 2 MB pages for what it grew (madvise MADV_HUGEPAGE; the kernel decides,
// and without transparent huge pages nothing changes). Not under a sanitizer, whose allocator is its
// own. Call once, in the main thread, after M_ARENA_MAX and before anything else allocates much:
// cli/main.cpp calls it from a constructor that runs before the other static initialisers.
void prepareHeap();

}  // namespace verdeel::cli
