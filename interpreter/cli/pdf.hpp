// Printing decision documents to PDF (`--format pdf`) with headless Chromium (Debian `chromium`):
// each HTML document is written to a private scratch folder and printed by its own Chromium run
// (`--print-to-pdf`, no header or footer of Chromium's own: the documents' `@page` rules give the
// running header and the page numbers). Chromium stamps the time of printing into the PDF; those
// stamps are replaced by the regulation's date, so the same documents give the same bytes. Where
// Chromium is missing, the message says how to install it. `VERDEEL_CHROMIUM` names another program.
// The PDF is not tagged (`--disable-pdf-tagging`): Chromium names the tags after DOM nodes whose
// numbers and order change from run to run, which would make every print differ. The HTML document
// is the accessible form (lang="nl", table headers).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "output/write.hpp"

namespace verdeel::cli {

// The PDF of each document (`x.html` -> `x.pdf`); nullopt with the reason (and how to fix it).
std::optional<std::vector<output::OutputFile>> printPdf(const std::vector<output::OutputFile>& documents,
                                                        const std::string& date, std::string& error,
                                                        std::string& help);

}  // namespace verdeel::cli
