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
  std::printf("%zu cellen vergeleken in %zu bestand(en): %zu verschillen, %zu onbekend, %zu ontbrekend\n",
              sum.cells, sum.files, sum.mismatches, sum.unknown, sum.missing);
  std::printf("%s\n", sum.ok() ? "het gepubliceerde besluit komt overeen met de regels"
                               : "het gepubliceerde besluit wijkt af van de regels");
  return finish(engine, sum.ok() ? kExitOk : kExitControleFailed);
}

}  // namespace verdeel::cli
