// `verdeel check` and `verdeel tijdlijn`. Without `--peildatum`, check checks the version of every
// date on the rule set's timeline (parse/timeline.hpp): an amendment that cannot apply, or a dated
// file that is missing, is found today, not on the day it takes effect. Each diagnostic names the
// versions it was found in.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "cli/commands.hpp"
#include "diag/machine.hpp"
#include "lang/language.hpp"

namespace verdeel::cli {

namespace {

struct Found {
  std::string text;  // the rendered diagnostic
  bool error = false;
  std::vector<Date> dates;
  MachineDiagnostic machine;  // the same, for `--diagnostics json|sarif`
};

// Checks the version in force on `date`; adds its diagnostics to `found`; the exit code of that
// version on its own.
int checkVersion(const std::string& rules, const std::string& dataDir, std::optional<Date> date,
                 std::vector<Found>& found) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  int code = kExitOk;
  if (!engine.loadRules(rules, date))
    code = kExitRuleErrors;
  else if (!engine.loadData({dataDir}))
    code = kExitDataErrors;
  for (const Diagnostic& d : engine.diagnostics().all()) {
    std::string text = render(d, engine.sources());
    auto it = std::find_if(found.begin(), found.end(), [&](const Found& f) { return f.text == text; });
    if (it == found.end()) {
      found.push_back(
          {std::move(text), codeInfo(d.code).severity == Severity::Error, {}, machine(d, engine.sources())});
      it = found.end() - 1;
    }
    if (date) it->dates.push_back(*date);
  }
  return code;
}

}  // namespace

namespace {

int checkOne(const std::string& rules, const std::string& dataDir, std::optional<Date> date) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(rules, date)) return finish(engine, kExitRuleErrors);
  if (!engine.loadData({dataDir})) return finish(engine, kExitDataErrors);
  return finish(engine, kExitOk);
}

}  // namespace

int commandCheck(const std::string& rules, const std::string& dataDir) {
  if (peildatum()) return checkOne(rules, dataDir, peildatum());
  // The dates of the timeline; a rule set without any is one version.
  std::vector<Date> dates;
  {
    const EngineAtExit owner = newEngine();
    Engine& engine = *owner;
    auto events = engine.timeline(rules);
    if (!events) return finish(engine, kExitRuleErrors);
    dates = parse::versionDates(*events);
  }
  if (dates.size() <= 1) return checkOne(rules, dataDir, std::nullopt);
  std::vector<Found> found;
  int code = kExitOk;
  for (const Date& d : dates) code = std::max(code, checkVersion(rules, dataDir, d, found));
  if (diagnosticsFormat() != DiagnosticsFormat::Text) {
    std::vector<MachineDiagnostic> all;
    for (Found& f : found) {
      for (const Date& d : f.dates) f.machine.versions.push_back(d.str());
      all.push_back(std::move(f.machine));
    }
    const std::size_t notShown = all.size() > limits().diagnostics ? all.size() - limits().diagnostics : 0;
    all.resize(all.size() - notShown);
    printMachine(all, notShown);
  }
  std::size_t shown = 0;
  for (const Found& f : found) {
    if (diagnosticsFormat() != DiagnosticsFormat::Text) break;
    if (shown++ == limits().diagnostics) {
      std::fputs(
          trf("verdeel: note: {} more diagnostics not shown (limit reached; `--max-meldingen` shows more)\n",
              found.size() - limits().diagnostics)
              .c_str(),
          stderr);
      break;
    }
    std::fputs(f.text.c_str(), stderr);
    if (f.dates.empty()) continue;
    std::vector<std::string> list;
    for (const Date& d : f.dates) list.push_back(d.str());
    std::fputs(trf("  = version: {}\n", f.dates.size() == dates.size()
                                            ? trf("in every version ({})", fmt::join(list, ", "))
                                            : trf("as in force on {}", fmt::join(list, ", ")))
                   .c_str(),
               stderr);
  }
  if (code == kExitOk) {
    std::vector<std::string> checked;
    checked.reserve(dates.size());
    for (const Date& d : dates) checked.push_back(d.str());
    std::fputs(trf("{} versions checked: {}\n", dates.size(), fmt::join(checked, ", ")).c_str(), stdout);
  }
  return code;
}

int commandTimeline(const std::string& rules) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  auto events = engine.timeline(rules);
  if (!events) return finish(engine, kExitRuleErrors);
  std::string out;
  std::optional<Date> last;
  for (const parse::TimelineEvent& e : *events) {
    out += fmt::format("{}  {}\n", last && *last == e.date ? std::string(10, ' ') : e.date.str(), e.what);
    last = e.date;
  }
  const std::size_t versions = parse::versionDates(*events).size();
  out += fmt::format("\n{} {}: {}\n", versions, versions == 1 ? "versie" : "versies", [&] {
    std::vector<std::string> v;
    for (const Date& d : parse::versionDates(*events)) v.push_back(d.str());
    return fmt::format("{}", fmt::join(v, ", "));
  }());
  std::fputs(out.c_str(), stdout);
  return finish(engine, kExitOk);
}

}  // namespace verdeel::cli
