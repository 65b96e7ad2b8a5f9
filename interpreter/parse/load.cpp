// Finding and reading the files of a rule set, with diagnostics for what cannot be read.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "lang/language.hpp"
#include "parse/parse.hpp"
#include "source/confine.hpp"
#include "source/sha256.hpp"
#include "source/utf8.hpp"

namespace verdeel::parse {

namespace fs = std::filesystem;

namespace {

// Registers a file and checks its encoding; returns 0 when it cannot be used.
std::uint32_t readRuleFile(const fs::path& file, SourceManager& sources, Diagnostics& diags,
                           const Limits& limits, RealPaths& paths) {
  // A link is followed, but only to a rule file: `a.regels -> /etc/shadow` is not read (a syntax
  // error would show its first line).
  const std::optional<fs::path> found = paths.of(file.string());
  const std::string real = found ? found->string() : file.string();
  if (fs::path(real).extension() != ".regels") {
    std::error_code ec;
    auto& d =
        diags.report(Code::E0105, {},
                     fs::is_symlink(file, ec)
                         ? trf("`{}` leads to `{}`, which is not a rule file", file.string(), real)
                         : trf("`{}` is not a rule file: its name does not end in `.regels`", file.string()));
    d.help = tr("a rule file's name ends in `.regels`, also where a symbolic link leads");
    return 0;
  }
  std::error_code ec;
  if (const std::string* open = sources.overlaid(fs::absolute(file, ec).lexically_normal().string()))
    return registerRuleText(file.string(), *open, sources, diags);
  std::string error;
  bool tooLarge = false;
  auto text = readFile(file.string(), &error, limits.ruleFileBytes, &tooLarge);
  if (tooLarge) {
    auto& d = diags.report(
        Code::E0108, {},
        trf("rule file `{}` is larger than the limit of {} bytes", file.string(), limits.ruleFileBytes));
    d.help =
        tr("a rule file this large is almost certainly not a rule file; raise the limit with "
           "`--max-regelbestand`");
    return 0;
  }
  if (!text) {
    diags.report(Code::E0105, {}, trf("cannot read rule file `{}`: {}", file.string(), error));
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
    auto& d = diags.report(Code::E0101, SourceSpan{id, line, col, line, col + 1},
                           trf("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(stored[bad])));
    d.help = tr("save the file as UTF-8 (in most editors: Save as, encoding UTF-8)");
    return 0;
  }
  if (odd != std::string::npos) {
    const auto [line, col] = utf8::positionOf(stored, odd);
    auto& d = diags.report(Code::E0110, SourceSpan{id, line, col, line, col + 1},
                           stored[odd] == '\0' ? tr("a NUL byte in the rule file")
                                               : tr("a byte-order mark (U+FEFF) inside the rule file"));
    d.help =
        tr("an invisible character that does not belong in a rule; remove it (an editor that shows "
           "invisible characters helps)");
    return 0;
  }
  return id;
}

namespace {

// Appends `from` (a regulation's own files) to `into` (what it builds on): the article numbers of
// its rules are moved past those already there.
void append(ast::RuleSet& into, ast::RuleSet&& from) {
  const auto offset = static_cast<int>(into.articles.size());
  auto move = [&](auto& src, auto& dst) {
    for (auto& x : src) {
      if (x.article >= 0) x.article += offset;
      dst.push_back(std::move(x));
    }
  };
  move(from.parameters, into.parameters);
  move(from.definitions, into.definitions);
  move(from.exceptions, into.exceptions);
  move(from.controles, into.controles);
  move(from.choices, into.choices);
  for (auto& a : from.articles) into.articles.push_back(std::move(a));
  for (auto& t : from.tables) into.tables.push_back(std::move(t));
  for (auto& o : from.outputs) into.outputs.push_back(std::move(o));
  for (auto& a : from.amendments) into.amendments.push_back(std::move(a));
  into.files.insert(into.files.end(), from.files.begin(), from.files.end());
  into.headers = std::move(from.headers);
  into.ownParts = std::move(from.ownParts);
}

ast::RuleSet readLayers(const std::string& path, SourceManager& sources, Diagnostics& diags,
                        const Limits& limits, std::vector<std::string>& reading) {
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
      auto& d = diags.report(Code::E0105, {}, trf("folder `{}` holds no `.regels` files", path));
      d.help = tr("a rule set is one `.regels` file or a folder with one or more of them");
      return rs;
    }
  } else if (!fs::exists(p, ec)) {
    diags.report(Code::E0105, {}, trf("rule file `{}` does not exist", path));
    return rs;
  } else {
    files.push_back(p);
  }
  RealPaths paths;  // the files of one folder
  for (const fs::path& f : files) {
    std::uint32_t id = readRuleFile(f, sources, diags, limits, paths);
    if (id == 0) continue;
    rs.files.push_back(id);
    std::string base = f.parent_path().string();
    parseSource(id, base.empty() ? "." : base, sources, diags, rs, limits.nesting);
  }
  if (rs.headers.empty() || rs.headers.front().base.empty()) {
    // Parts change what a regulation takes over from another; without one they change nothing.
    for (const ast::AmendmentPart& part : rs.ownParts) {
      auto& d = diags.report(Code::E0215, part.span,
                             tr("an `onderdeel` belongs in an amending regulation (`wijziging`), or in a "
                                "regulation that builds on another (`bouwt voort op`)"));
      d.help = tr(
          "add `bouwt voort op \"...\"` to the header of a regulation that changes another; or put the "
          "change in its own file that starts `wijziging \"titel\" citatie \"...\" geldig vanaf jjjj-mm-dd "
          "wijzigt \"...\"`");
    }
    rs.ownParts.clear();
    return rs;
  }
  // `bouwt voort op "../2024"`: relative to the folder of the file that says it.
  const ast::Header& header = rs.headers.front();
  const fs::path folder = fs::path(sources.path(header.span.file)).parent_path();
  const std::string basePath = (folder / header.base).lexically_normal().string();
  std::error_code missingEc;
  if (!fs::exists(basePath, missingEc)) {
    auto& d = diags.report(
        Code::E0215, header.baseSpan,
        trf("`{}` builds on `{}`, which does not exist (`{}`)", header.title, header.base, basePath));
    d.help =
        tr("the path is relative to the folder of this rule file, for example `bouwt voort op \"../2024\"`");
    return rs;
  }
  const std::string real = realLocation(basePath);
  if (std::find(reading.begin(), reading.end(), real) != reading.end()) {
    auto& d = diags.report(Code::E0215, header.baseSpan,
                           trf("`{}` builds on `{}`, which builds on it in turn", header.title, header.base));
    d.help = tr("a regulation builds on an earlier one, never on itself");
    return rs;
  }
  if (reading.size() >= 16) {
    diags.report(Code::E0215, header.baseSpan, tr("regulations build on each other more than 16 deep"));
    return rs;
  }
  reading.push_back(real);
  ast::RuleSet below = readLayers(basePath, sources, diags, limits, reading);
  reading.pop_back();
  if (below.headers.empty()) {
    if (!diags.hasErrors()) {
      auto& d = diags.report(Code::E0215, header.baseSpan,
                             trf("`{}` is not a regulation: it has no `regeling` header", header.base));
      d.help = tr("`bouwt voort op` names the folder of another rule set");
    }
    return rs;
  }
  below.bases.push_back(ast::Layer{below.headers.front(), std::move(below.ownParts)});
  below.ownParts.clear();
  append(below, std::move(rs));
  return below;
}

}  // namespace

ast::RuleSet readRuleSet(const std::string& path, SourceManager& sources, Diagnostics& diags,
                         const Limits& limits) {
  std::vector<std::string> reading{realLocation(path)};
  return readLayers(path, sources, diags, limits, reading);
}

ast::RuleSet parseRuleSet(const std::string& path, SourceManager& sources, Diagnostics& diags,
                          std::optional<Date> peildatum, const Limits& limits) {
  ast::RuleSet rs = readRuleSet(path, sources, diags, limits);
  if (!diags.hasErrors()) chooseVersion(rs, peildatum, diags);
  return rs;
}

}  // namespace verdeel::parse
