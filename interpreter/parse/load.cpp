// Finding and reading the files of a rule set, with diagnostics for what cannot be read.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "parse/parse.hpp"
#include "source/sha256.hpp"
#include "source/utf8.hpp"

namespace verdeel::parse {

namespace fs = std::filesystem;

namespace {

// Registers a file and checks its encoding; returns 0 when it cannot be used.
std::uint32_t readRuleFile(const fs::path& file, SourceManager& sources, Diagnostics& diags,
                           const Limits& limits) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (!ec && size > limits.ruleFileBytes) {
    auto& d = diags.report(Code::E0108, {},
                           fmt::format("rule file `{}` has {} bytes, more than the limit of {}",
                                       file.string(), size, limits.ruleFileBytes));
    d.help =
        "a rule file this large is almost certainly not a rule file; raise the limit with "
        "`--max-regelbestand`";
    return 0;
  }
  std::string error;
  auto text = readFile(file.string(), &error);
  if (!text) {
    diags.report(Code::E0105, {}, fmt::format("cannot read rule file `{}`: {}", file.string(), error));
    return 0;
  }
  return registerRuleText(file.string(), std::move(*text), sources, diags);
}

}  // namespace

std::uint32_t registerRuleText(const std::string& name, std::string text, SourceManager& sources,
                               Diagnostics& diags) {
  std::string digest = sha256Hex(text);
  std::string body = utf8::hasBom(text) ? text.substr(3) : std::move(text);
  std::size_t bad = utf8::firstInvalid(body);
  std::uint32_t id = sources.add(name, body, std::move(digest));
  if (bad != std::string::npos) {
    std::uint32_t line =
        1 + static_cast<std::uint32_t>(std::count(body.begin(), body.begin() + static_cast<long>(bad), '\n'));
    std::size_t lineStart = body.rfind('\n', bad == 0 ? 0 : bad - 1);
    lineStart = (lineStart == std::string::npos || bad == 0) ? 0 : lineStart + 1;
    auto col = static_cast<std::uint32_t>(
        utf8::length(std::string_view(body).substr(lineStart, bad - lineStart)) + 1);
    auto& d =
        diags.report(Code::E0101, SourceSpan{id, line, col, line, col + 1},
                     fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(body[bad])));
    d.help = "save the file as UTF-8 (in most editors: Save as, encoding UTF-8)";
    return 0;
  }
  return id;
}

ast::RuleSet parseRuleSet(const std::string& path, SourceManager& sources, Diagnostics& diags,
                          std::optional<Date> peildatum, const Limits& limits) {
  ast::RuleSet rs;
  fs::path p(path);
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(p, ec)) {
    for (const auto& entry : fs::directory_iterator(p, ec)) {
      if (entry.path().extension() == ".regels" && !entry.is_directory()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      auto& d = diags.report(Code::E0105, {}, fmt::format("folder `{}` holds no `.regels` files", path));
      d.help = "a rule set is one `.regels` file or a folder with one or more of them";
      return rs;
    }
  } else if (!fs::exists(p, ec)) {
    diags.report(Code::E0105, {}, fmt::format("rule file `{}` does not exist", path));
    return rs;
  } else {
    files.push_back(p);
  }
  for (const fs::path& f : files) {
    std::uint32_t id = readRuleFile(f, sources, diags, limits);
    if (id == 0) continue;
    rs.files.push_back(id);
    std::string base = f.parent_path().string();
    parseSource(id, base.empty() ? "." : base, sources, diags, rs, limits.nesting);
  }
  if (!diags.hasErrors()) chooseVersion(rs, peildatum, diags);
  return rs;
}

}  // namespace verdeel::parse
