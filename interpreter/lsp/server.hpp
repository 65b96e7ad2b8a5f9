// The language server (`verdeel lsp`): the Language Server Protocol over standard input and output
// (JSON-RPC with Content-Length headers, nlohmann-json), for editors. It keeps the open documents
// and answers from the same stages as the command line: diagnostics as you type (parse and check of
// the rule set the document lies in, with the unsaved texts of every open document, and when it
// checks, its data read as `run` reads it, data errors published for the data files; a test file is
// parsed), hover (a definition's type, article and wettekst; a parameter's value; a column's type),
// go to definition, completion (keywords, names, columns) and formatting (format/format.hpp).
#pragma once

#include <istream>
#include <ostream>

namespace verdeel::lsp {

// Serves one client until `exit` or the end of the input; the process's exit code (0 after a
// `shutdown`, 1 otherwise, as the protocol asks).
int serve(std::istream& in, std::ostream& out);

}  // namespace verdeel::lsp
