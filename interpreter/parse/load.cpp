// Finding and reading the files of a rule set, with diagnostics for what cannot be read.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "parse/parse.hpp"
#include "source/confine.hpp"
#include "source/sha256.hpp"
#include "source/utf8.hpp"

namespace verdeel::parse {

namespace fs = std::filesystem;

namespace {

// Registers a file and checks its encoding; returns 0 when it cannot be used.
std::uint32_t readRuleFile(const fs::path& file, SourceManager& sources, Diagnostics& diags,
                           const Limits& limits) {
  // A link is followed, but only to a rule file: `a.regels -> /etc/shadow` is not read (a syntax
  // error would show its first line).
  const std::string real = realLocation(file.string());
  if (fs::path(real).extension() != ".regels") {
    std::error_code ec;
    auto& d = diags.report(
        Code::E0105, {},
        fs::is_symlink(file, ec)
            ? fmt::format("`{}` leads to `{}`, which is not a rule file", file.string(), real)
            : fmt::format("`{}` is not a rule file: its name does not end in `.regels`", file.string()));
    d.help = "a rule file's name ends in `.regels`, also where a symbolic link leads";
    return 0;
  }
  std::string error;
  bool tooLarge = false;
  auto text = readFile(file.string(), &error, limits.ruleFileBytes, &tooLarge);
  if (tooLarge) {
    auto& d = diags.report(Code::E0108, {},
                           fmt::format("rule file `{}` is larger than the limit of {} bytes", file.string(),
                                       limits.ruleFileBytes));
    d.help =
        "a rule file this large is almost certainly not a rule file; raise the limit with "
        "`--max-regelbestand`";
    return 0;
  }
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
  // Old Mac line endings (a carriage return alone) count as line breaks, so positions are right.
  utf8::lineFeedsForLoneReturns(body);
  const std::size_t bad = utf8::firstInvalid(body);
  const std::size_t odd = bad == std::string::npos ? utf8::firstNulOrBom(body) : std::string::npos;
  const std::uint32_t id = sources.add(name, std::move(body), std::move(digest));
  const std::string& stored = sources.text(id);
  if (bad != std::string::npos) {
    const auto [line, col] = utf8::positionOf(stored, bad);
    auto& d = diags.report(
        Code::E0101, SourceSpan{id, line, col, line, col + 1},
        fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(stored[bad])));
    d.help = "save the file as UTF-8 (in most editors: Save as, encoding UTF-8)";
    return 0;
  }
  if (odd != std::string::npos) {
    const auto [line, col] = utf8::positionOf(stored, odd);
    auto& d = diags.report(Code::E0110, SourceSpan{id, line, col, line, col + 1},
                           stored[odd] == '\0' ? "a NUL byte in the rule file"
                                               : "a byte-order mark (U+FEFF) inside the rule file");
    d.help =
        "an invisible character that does not belong in a rule; remove it (an editor that shows "
        "invisible characters helps)";
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
