// `verdeel diff OLD NEW`: evaluates two rule sets on the same data and lists what changes. A rule set
// can be a path or a git revision of a path (`HEAD~1:rules/2024`), taken from the repository the
// command runs in. Exit codes as diff(1): 0 no difference, 1 differences, 2 trouble (the rules or the
// data cannot be read or evaluated, or an argument of the command is wrong); 64 when the command line
// itself cannot be parsed (as for every command).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/process.hpp"
#include "diff/diff.hpp"
#include "lang/language.hpp"

namespace verdeel::cli {

namespace {

namespace fs = std::filesystem;

// Scratch folders for rule sets taken from git, removed when the command ends.
struct Scratch {
  std::vector<fs::path> dirs;
  ~Scratch() {
    std::error_code ec;
    for (const auto& d : dirs) fs::remove_all(d, ec);
  }
};

// The folder or file to load for `spec`: itself when it exists, else REV:PATH from git.
std::optional<std::string> resolve(const std::string& spec, Scratch& scratch, std::string& error) {
  std::error_code ec;
  if (fs::exists(spec, ec)) return spec;
  const auto colon = spec.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
    error = trf("`{}` is neither a rule set nor a git revision of one (REV:PATH)", spec);
    return std::nullopt;
  }
  const std::string rev = spec.substr(0, colon), path = spec.substr(colon + 1);
  // The revision is checked by git as a revision and nothing else (`--end-of-options`: a text that
  // starts with `-` is not an option), and only the commit it names is passed on.
  std::string commit;
  if (runProgram({"git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"},
                 &commit) != 0) {
    error = trf("`{}`: `{}` is no revision in the git repository here", spec, rev);
    return std::nullopt;
  }
  while (!commit.empty() && (commit.back() == '\n' || commit.back() == '\r')) commit.pop_back();
  if (commit.size() < 40 || commit.find_first_not_of("0123456789abcdef") != std::string::npos) {
    error = trf("`{}`: git did not name a commit for `{}`", spec, rev);
    return std::nullopt;
  }
  std::string templ = (fs::temp_directory_path() / "verdeel-diff-XXXXXX").string();
  if (!::mkdtemp(templ.data())) {
    error = tr("cannot make a scratch folder");
    return std::nullopt;
  }
  scratch.dirs.emplace_back(templ);
  // git archive writes paths relative to the repository root.
  std::string prefix;
  (void)runProgram({"git", "rev-parse", "--show-prefix"}, &prefix);
  while (!prefix.empty() && (prefix.back() == '\n' || prefix.back() == '\r')) prefix.pop_back();
  const fs::path archive = fs::path(templ) / "regels.tar", tree = fs::path(templ) / "boom";
  fs::create_directory(tree, ec);
  const fs::path extracted = tree / prefix / path;
  if (runProgram({"git", "--literal-pathspecs", "archive", "--format=tar", "--output=" + archive.string(),
                  commit, "--", path}) != 0 ||
      runProgram({"tar", "-x", "-f", archive.string(), "-C", tree.string()}) != 0 ||
      !fs::exists(extracted, ec)) {
    error = trf("`{}`: git has no `{}` at revision `{}`", spec, path, rev);
    return std::nullopt;
  }
  return extracted.lexically_normal().string();
}

}  // namespace

int commandDiff(const DiffOptions& o) {
  // Trouble is exit 2, as for diff(1).
  auto trouble = [](const std::string& message, const std::string& help = {}) {
    usage(message, help);
    return 2;
  };
  if (o.format != "text" && o.format != "csv" && o.format != "md")
    return trouble(trf("--format {} is not one of text, csv, md", o.format));
  // `PATH@jjjj-mm-dd`: the version of the rule set in force on that date.
  auto dated = [](std::string spec, std::optional<Date>& at) -> std::optional<std::string> {
    const auto atSign = spec.rfind('@');
    if (atSign == std::string::npos) return spec;
    at = Date::parse(spec.substr(atSign + 1));
    if (!at) return std::nullopt;
    return spec.substr(0, atSign);
  };
  std::optional<Date> oldDate = peildatum(), newDate = peildatum();
  auto oldSpec = dated(o.oldRules, oldDate);
  auto newSpec = dated(o.newRules, newDate);
  if (!oldSpec || !newSpec)
    return trouble(tr("a date after `@` is written jjjj-mm-dd, for example `rules/2024@2026-03-01`"));
  Scratch scratch;
  std::string error;
  auto oldPath = resolve(*oldSpec, scratch, error);
  if (!oldPath) return trouble(error);
  auto newPath = resolve(*newSpec, scratch, error);
  if (!newPath) return trouble(error);
  Engine before(limits()), after(limits());
  if (!before.loadRules(*oldPath, oldDate)) return finish(before, 2);
  if (applySettings(before, settings()) != 0) return 2;
  if (!before.loadData({o.dataDir})) return finish(before, 2);
  std::vector<std::string> newSettings = settings();
  newSettings.insert(newSettings.end(), o.newSettings.begin(), o.newSettings.end());
  if (!after.loadRules(*newPath, newDate)) {
    printDiagnostics({&before, &after});
    return 2;
  }
  if (applySettings(after, newSettings) != 0) return 2;
  if (!after.loadData({o.dataDir})) {
    printDiagnostics({&before, &after});
    return 2;
  }
  auto result = diff::compare(before.evaluation(), after.evaluation());
  if (!result) {
    printDiagnostics({&before, &after});
    return 2;
  }
  for (const std::string& d : o.definitions) {
    bool known = false;
    for (const auto& def : after.program().definitions) known = known || def.name == d;
    if (!known) {
      std::vector<std::string> names;
      for (const auto& def : after.program().definitions) names.push_back(def.name);
      const std::string m = closestMatch(d, names);
      return trouble(trf("there is no definition `{}`", d), m.empty() ? "" : trf("did you mean `{}`?", m));
    }
  }
  diff::filter(*result, o.definitions, o.entities);
  if (!o.noCauses) {
    diff::Setup setup{*oldPath, *newPath, oldDate, newDate, o.dataDir, settings(), limits()};
    diff::attribute(*result, before.evaluation(), after.evaluation(), setup);
  }
  if (!o.per.empty()) {
    std::string why;
    if (!diff::summarise(*result, before.evaluation(), after.evaluation(), o.per,
                         o.definitions.size() == 1 ? o.definitions.front() : std::string(), why))
      return trouble(why);
  }
  const std::string text = o.format == "csv"  ? diff::renderCsv(*result, csvCells())
                           : o.format == "md" ? diff::renderMarkdown(*result, o.oldRules, o.newRules)
                                              : diff::renderText(*result, o.oldRules, o.newRules);
  std::fputs(text.c_str(), stdout);
  printDiagnostics({&before, &after});
  return result->changes.empty() ? 0 : 1;
}

}  // namespace verdeel::cli
