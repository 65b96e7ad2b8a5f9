// `verdeel verify`: reconcile the computed decision with published tables, cell by cell.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "lang/language.hpp"
#include "verify/verify.hpp"

namespace verdeel::cli {

int commandVerify(const VerifyOptions& o) {
  verify::Options opts;
  opts.published = o.published;
  opts.entityColumn = o.entityColumn;
  opts.onlyPublished = o.onlyPublished;
  if (o.notation == "nl") opts.notation = verify::Notation::Dutch;
  if (o.notation == "en") opts.notation = verify::Notation::English;
  for (const std::string& a : o.apart) {
    const auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0)
      return usage(trf("`--apart {}` should be KOLOM=WAARDE", a),
                   tr("for example `--apart betrouwbaarheid=berekening-derden`"));
    opts.apart.emplace_back(a.substr(0, eq), a.substr(eq + 1));
  }
  for (const std::string& m : o.mappings) {
    const auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
      return usage(trf("`--kolom {}` should be GEPUBLICEERD=DEFINITIE", m),
                   tr("for example `--kolom taak=besluit_totaal`"));
    opts.map[m.substr(0, eq)] = m.substr(eq + 1);
  }
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(o.rules, peildatum())) return finish(engine, kExitRuleErrors);
  if (int code = applySettings(engine, settings())) return code;
  if (!engine.loadData({o.dataDir})) return finish(engine, kExitDataErrors);
  verify::Summary sum;
  if (!verify::reconcile(engine.evaluation(), opts, limits(), engine.sources(), engine.diagnostics(), sum)) {
    if (engine.evaluation().failed()) return finish(engine, kExitRuleErrors);
    return finish(engine, kExitDataErrors);
  }
  std::fputs(trf("{} cells compared in {} file(s): {} differences, {} unknown, {} missing\n", sum.cells,
                 sum.files, sum.mismatches, sum.unknown, sum.missing)
                 .c_str(),
             stdout);
  if (sum.notPublished > 0)
    std::fputs(trf("{} cells not published (blank), not compared\n", sum.notPublished).c_str(), stdout);
  if (!sum.within.empty())
    std::fputs(trf("missing entities sought only within: {}\n", sum.within).c_str(), stdout);
  if (sum.apartCells > 0) {
    std::fputs(trf("{} cells counted apart ({}): {} differ\n", sum.apartCells, fmt::join(o.apart, ", "),
                   sum.apartDifferences.size())
                   .c_str(),
               stdout);
    for (const std::string& d : sum.apartDifferences) std::fputs(fmt::format("  {}\n", d).c_str(), stdout);
  }
  std::fputs(sum.ok() ? tr("the published decision agrees with the rules\n")
                      : tr("the published decision differs from the rules\n"),
             stdout);
  return finish(engine, sum.ok() ? kExitOk : kExitControleFailed);
}

}  // namespace verdeel::cli
