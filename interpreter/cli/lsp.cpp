// `verdeel lsp`: the language server for editors, on standard input and output (lsp/server.hpp).
// Nothing else is written on standard output: it carries the protocol.
#include <iostream>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace verdeel::cli {

int commandLsp() {
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, std::cout);
}

}  // namespace verdeel::cli
