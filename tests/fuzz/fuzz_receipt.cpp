// libFuzzer target: any bytes as an `ontvangstbewijs.json`, through the receipt reader and the
// rendering of its diagnostics (the positions it reports must lie in the text). A receipt that is
// accepted is written again and read back: it must give the same receipt.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "diag/diagnostic.hpp"
#include "output/receipt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace verdeel;
  const std::string text(reinterpret_cast<const char*>(data), size);
  SourceManager sources;
  Diagnostics diags;
  const std::uint32_t id = sources.add("ontvangstbewijs.json", text);
  const auto receipt = output::parseReceipt(text, id, diags);
  if (!receipt && !diags.hasErrors()) std::abort();  // refused without saying why
  (void)render(diags, sources);
  if (receipt) {
    const std::string again = output::renderReceipt(*receipt);
    Diagnostics second;
    const std::uint32_t id2 = sources.add("opnieuw.json", again);
    const auto back = output::parseReceipt(again, id2, second);
    if (!back || output::renderReceipt(*back) != again) std::abort();  // not stable when written again
  }
  return 0;
}
