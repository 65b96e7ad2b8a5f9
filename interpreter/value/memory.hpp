// Memory for exact numbers. GMP allocates and frees a block for nearly every rational it makes, and
// most of them are one or two machine words. installNumberMemory() gives GMP per-thread free lists
// of small blocks (larger ones from malloc), which makes evaluating much cheaper, and turns an
// allocation GMP cannot get into a message and exit code 70 ("out of memory; no output was
// written") instead of GMP's abort. Call it once, first thing in main(), before any number exists.
#pragma once

namespace verdeel {

void installNumberMemory();

}  // namespace verdeel
