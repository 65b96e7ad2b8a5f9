// `verdeel explain`: the derivation of one number as a tree, for the terminal or as JSON.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.hpp"
#include "explain/explain.hpp"
#include "lang/language.hpp"

namespace verdeel::cli {

int commandExplain(const ExplainOptions& o) {
  const EngineAtExit owner = newEngine();
  Engine& engine = *owner;
  if (!engine.loadRules(o.rules, peildatum())) return finish(engine, kExitRuleErrors);
  if (int code = applySettings(engine, settings())) return code;
  if (!engine.loadData({o.dataDir})) return finish(engine, kExitDataErrors);
  const check::Program& p = engine.program();
  eval::Evaluation& ev = engine.evaluation();
  explain::Options opts;
  // A reader needs the value, its inputs and theirs; `--alles` (or `--depth`) shows more.
  opts.depth = o.all ? 100 : o.depth >= 0 ? o.depth : 2;
  opts.lawText = o.lawText;
  auto show = [&](const std::optional<explain::Node>& tree) {
    if (!tree) return finish(engine, kExitRuleErrors);
    const std::string text = o.json || o.format == "json" ? explain::renderJson(*tree)
                             : o.format == "md"           ? explain::renderMarkdown(*tree)
                             : o.format == "html"         ? explain::renderHtml(*tree)
                                                          : explain::renderText(*tree);
    std::fputs(text.c_str(), stdout);
    return finish(engine, kExitOk);
  };
  // `verdeel explain RULES NAAM`: a parameter, or a value computed once (not per entity).
  auto parameterNamed = [&](const std::string& name) {
    for (std::size_t i = 0; i < p.parameters.size(); ++i)
      if (p.parameters[i].name == name) return static_cast<int>(i);
    return -1;
  };
  if (const int prm = parameterNamed(o.definition.empty() ? o.entity : o.definition); prm >= 0) {
    if (!o.definition.empty())
      return usage(trf("`{}` is a parameter, one value for the whole rule set", o.definition),
                   trf("leave out the entity: `verdeel explain RULES {}`", o.definition));
    return show(explain::explainParameter(ev, prm, opts));
  }
  if (o.definition.empty())
    for (std::size_t i = 0; i < p.definitions.size(); ++i)
      if (p.definitions[i].name == o.entity && p.definitions[i].subject < 0)
        return show(explain::explain(ev, static_cast<int>(i), -1, opts));
  int def = -1;
  if (!o.definition.empty()) {
    for (std::size_t i = 0; i < p.definitions.size(); ++i)
      if (p.definitions[i].name == o.definition) def = static_cast<int>(i);
    if (def < 0) {
      std::vector<std::string> names;
      for (const auto& d : p.definitions) names.push_back(d.name);
      const std::string m = closestMatch(o.definition, names);
      return usage(trf("there is no definition `{}`", o.definition),
                   m.empty() ? "" : trf("did you mean `{}`?", m));
    }
  }
  const int prefer = def >= 0 ? p.definitions[static_cast<std::size_t>(def)].subject : -1;
  std::string error;
  auto entity = explain::findEntity(ev, o.entity, prefer, error);
  if (!entity) return usage(error);
  if (def < 0) def = explain::defaultDefinition(p, entity->table);
  if (def < 0)
    return usage(
        trf("no definition is computed per {}", p.tables[static_cast<std::size_t>(entity->table)].name));
  const check::Definition& d = p.definitions[static_cast<std::size_t>(def)];
  if (d.subject >= 0 && d.subject != entity->table)
    return usage(trf("`{}` is computed per {}, and `{}` is a {}", d.name,
                     p.tables[static_cast<std::size_t>(d.subject)].name, o.entity,
                     p.tables[static_cast<std::size_t>(entity->table)].name));
  return show(explain::explain(ev, def, d.subject >= 0 ? entity->row : -1, opts));
}

}  // namespace verdeel::cli
