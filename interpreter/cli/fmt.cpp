// `verdeel fmt PATH...`: rule files (`.regels`) and test files (`.toets`), or folders holding them
// (searched through), in the canonical layout (format/format.hpp). Without `--check` every file that
// is not in it is rewritten whole (a temporary file renamed over it); with `--check` nothing is
// written and each such file is named. Exit 0; 3 with `--check` when a file is not formatted; 1 when
// a file cannot be read or has a syntax error (it is left as it is).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "format/format.hpp"
#include "lang/language.hpp"
#include "parse/parse.hpp"
#include "source/confine.hpp"

namespace verdeel::cli {

namespace fs = std::filesystem;

namespace {

bool formattable(const fs::path& p) {
  return p.extension() == ".regels" || p.extension() == ".toets";
}

}  // namespace

int commandFormat(const std::vector<std::string>& paths, bool check) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  Diagnostics& diags = engine.diagnostics();
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && !it->is_symlink(ec) && formattable(it->path()))
          files.push_back(it->path().lexically_normal().string());
    } else if (fs::exists(p, ec)) {
      if (!formattable(p)) {
        diags.report(
            Code::E0105, {},
            trf("`{}` is not a rule file or test file: its name does not end in `.regels` or `.toets`", p));
        continue;
      }
      files.push_back(p);
    } else {
      diags.report(Code::E0105, {}, trf("`{}` does not exist", p));
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());

  std::size_t changed = 0;
  for (const std::string& path : files) {
    std::string error;
    auto bytes = readFile(path, &error, limits().ruleFileBytes);
    if (!bytes) {
      diags.report(Code::E0105, {}, trf("cannot read `{}`: {}", path, error));
      continue;
    }
    const std::uint32_t id = parse::registerRuleText(path, *bytes, engine.sources(), diags);
    if (id == 0) continue;
    auto formatted = format::format(id, engine.sources(), diags, fs::path(path).extension() == ".toets");
    if (!formatted || *formatted == *bytes) continue;
    ++changed;
    if (check) {
      std::fputs(trf("not formatted: {}\n", path).c_str(), stdout);
      continue;
    }
    // A link is followed: the file it leads to is rewritten, the link stays.
    const std::string target = realLocation(path);
    if (!output::writeFileAtomically(target, *formatted, {}, diags)) continue;
    std::fputs(trf("formatted: {}\n", path).c_str(), stdout);
  }
  if (diags.hasErrors()) return finish(engine, kExitRuleErrors);
  if (check && changed > 0) {
    std::fputs(
        trf("{} of {} files not formatted; `verdeel fmt` formats them\n", changed, files.size()).c_str(),
        stdout);
    return finish(engine, kExitControleFailed);
  }
  return finish(engine, kExitOk);
}

}  // namespace verdeel::cli
