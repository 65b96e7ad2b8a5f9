#include "cli/pdf.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/process.hpp"

#include "lang/language.hpp"
#include "source/scratch.hpp"

namespace verdeel::cli {

namespace {

namespace fs = std::filesystem;

// The Chromium program: `VERDEEL_CHROMIUM`, else the first of its usual names on PATH.
std::optional<std::string> findChromium() {
  if (const char* given = std::getenv("VERDEEL_CHROMIUM"); given && *given) return std::string(given);
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  std::vector<std::string> all;
  while (std::getline(dirs, dir, ':')) all.push_back(dir.empty() ? "." : dir);
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    for (const std::string& d : all) {
      const std::string candidate = d + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  return std::nullopt;
}

// Every `D:` followed by 14 digits (a PDF date: the time of printing) becomes `stamp`, same length.
void restamp(std::string& pdf, const std::string& stamp) {
  for (std::size_t i = pdf.find("D:"); i != std::string::npos; i = pdf.find("D:", i + 2)) {
    if (i + 16 > pdf.size()) break;
    bool digits = true;
    for (std::size_t k = i + 2; k < i + 16 && digits; ++k) digits = pdf[k] >= '0' && pdf[k] <= '9';
    if (digits) pdf.replace(i, 16, stamp);
  }
}

}  // namespace

std::optional<std::vector<output::OutputFile>> printPdf(const std::vector<output::OutputFile>& documents,
                                                        const std::string& date, std::string& error,
                                                        std::string& help) {
  const auto chromium = findChromium();
  if (!chromium) {
    error = tr("PDF needs Chromium, which is not installed");
    help =
        tr("install the Debian package `chromium` (scripts/install-deps.sh does), set VERDEEL_CHROMIUM to "
           "its program, or choose --format html and print that");
    return std::nullopt;
  }
  ScratchDir scratch("verdeel-pdf");
  if (!scratch.ok()) {
    error = tr("cannot make a scratch folder for printing");
    return std::nullopt;
  }
  // The time stamps Chromium writes (D:YYYYMMDDHHMMSS) become the regulation's date, same length.
  std::string stamp = "D:" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "000000";
  if (stamp.size() != 16) stamp = "D:19700101000000";
  std::vector<output::OutputFile> out;
  for (const output::OutputFile& doc : documents) {
    const fs::path html = scratch.path() / "document.html", pdf = scratch.path() / "document.pdf";
    {
      std::ofstream f(html, std::ios::binary);
      f << doc.content;
      if (!f) {
        error = trf("cannot write `{}` for printing", doc.name);
        return std::nullopt;
      }
    }
    std::error_code ec;
    fs::remove(pdf, ec);
    const int status =
        runProgram({"timeout", "120", *chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", "--disable-pdf-tagging", "--no-first-run",
                    "--user-data-dir=" + (scratch.path() / "profiel").string(),
                    "--print-to-pdf=" + pdf.string(), "file://" + html.string()});
    std::ifstream in(pdf, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string content = bytes.str();
    if (status != 0 || content.rfind("%PDF", 0) != 0) {
      error = trf("Chromium ({}) did not print `{}` (exit status {})", *chromium, doc.name, status);
      help =
          tr("check that `chromium --headless=new --no-sandbox --print-to-pdf=x.pdf` works on this machine");
      return std::nullopt;
    }
    restamp(content, stamp);
    std::string name = doc.name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) name.resize(name.size() - 5);
    out.push_back({name + ".pdf", std::move(content)});
  }
  return out;
}

}  // namespace verdeel::cli
