// Filters of a diff (`--definitie`, `--entiteit`) and its summary per group (`--per provincie`):
// per group the summed main value before and after, how many entities changed, where the places
// went (the largest changes) and the causes with their summed shares.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "diff/diff.hpp"
#include "lang/language.hpp"

namespace verdeel::diff {

namespace {

// An entity as a reader names it: its `naam`, else its key.
std::string label(const eval::Evaluation& ev, int table, int row) {
  const check::Table& t = ev.program().tables[static_cast<std::size_t>(table)];
  const auto& td = ev.data().tables[static_cast<std::size_t>(table)];
  const int c = t.nameColumn >= 0 ? t.nameColumn : t.key;
  return c >= 0 ? ev.format(td.cell(static_cast<std::size_t>(row), static_cast<std::size_t>(c)))
                : std::to_string(row + 1);
}

}  // namespace

void filter(Result& r, const std::vector<std::string>& definitions,
            const std::vector<std::string>& entities) {
  auto keep = [&](const Change& c) {
    const bool def = definitions.empty() ||
                     std::find(definitions.begin(), definitions.end(), c.definition) != definitions.end();
    const bool who =
        entities.empty() || std::any_of(entities.begin(), entities.end(), [&](const std::string& e) {
          return e == c.key || (!c.name.empty() && e == c.name);
        });
    return def && who;
  };
  r.changes.erase(
      std::remove_if(r.changes.begin(), r.changes.end(), [&](const Change& c) { return !keep(c); }),
      r.changes.end());
  // What a filter chose is what a nota shows.
  if (!definitions.empty()) {
    for (Change& c : r.changes) c.main = true;
    for (Total& t : r.totals) t.main = true;
  }
  if (!definitions.empty())
    r.totals.erase(std::remove_if(r.totals.begin(), r.totals.end(),
                                  [&](const Total& t) {
                                    return std::find(definitions.begin(), definitions.end(), t.definition) ==
                                           definitions.end();
                                  }),
                   r.totals.end());
}

bool summarise(Result& r, eval::Evaluation& before, eval::Evaluation& after, const std::string& groupTable,
               const std::string& definition, std::string& error) {
  const check::Program& pn = after.program();
  const check::Program& po = before.program();
  const int g = pn.table(groupTable);
  if (g < 0) {
    std::vector<std::string> names;
    for (const auto& t : pn.tables) names.push_back(t.name);
    error = trf("there is no table `{}` to group by (the tables are {})", groupTable, fmt::join(names, ", "));
    return false;
  }
  // The entity table: the one whose main value is asked, or the first output table that refers to g.
  int def = -1, table = -1, column = -1;
  for (std::size_t t = 0; t < pn.tables.size() && def < 0; ++t) {
    for (std::size_t c = 0; c < pn.tables[t].columns.size(); ++c)
      if (pn.tables[t].columns[c].type.kind == check::Kind::Entity &&
          pn.tables[t].columns[c].type.table == g) {
        int d = -1;
        if (!definition.empty()) {
          for (std::size_t i = 0; i < pn.definitions.size(); ++i)
            if (pn.definitions[i].name == definition && pn.definitions[i].subject == static_cast<int>(t))
              d = static_cast<int>(i);
        } else {
          d = pn.mainDefinition(static_cast<int>(t));
        }
        if (d >= 0 && pn.definitions[static_cast<std::size_t>(d)].type.numeric()) {
          def = d;
          table = static_cast<int>(t);
          column = static_cast<int>(c);
          break;
        }
      }
  }
  if (def < 0) {
    error = definition.empty()
                ? trf("no table with a numeric output value refers to `{}`", groupTable)
                : trf("`{}` is not a number computed per entity of a table that refers to `{}`", definition,
                      groupTable);
    return false;
  }
  const check::Definition& dn = pn.definitions[static_cast<std::size_t>(def)];
  const int oldTable = po.table(pn.tables[static_cast<std::size_t>(table)].name);
  int oldDef = -1;
  for (std::size_t i = 0; i < po.definitions.size(); ++i)
    if (po.definitions[i].name == dn.name && po.definitions[i].subject == oldTable)
      oldDef = static_cast<int>(i);
  if (oldDef < 0) {
    error = trf("`{}` is not computed in the old rule set", dn.name);
    return false;
  }
  Summary s;
  s.table = pn.tables[static_cast<std::size_t>(table)].name;
  s.groupTable = groupTable;
  s.definition = dn.name;
  const check::Table& et = pn.tables[static_cast<std::size_t>(table)];
  const data::TableData& dNew = after.data().tables[static_cast<std::size_t>(table)];
  const data::TableData& dOld = before.data().tables[static_cast<std::size_t>(oldTable)];
  std::map<std::string, std::size_t> index;
  // Groups in the order of the group table.
  const data::TableData& gd = after.data().tables[static_cast<std::size_t>(g)];
  for (std::size_t row = 0; row < gd.size(); ++row) {
    const std::string name = label(after, g, static_cast<int>(row));
    index[name] = s.groups.size();
    Group group;
    group.name = name;
    s.groups.push_back(std::move(group));
  }
  std::map<std::pair<std::string, std::string>, const Change*> changed;
  for (const Change& c : r.changes)
    if (c.table == s.table && c.definition == s.definition) changed[{c.key, c.definition}] = &c;
  std::vector<std::map<std::string, mpq_class>> causeSums(s.groups.size());
  for (std::size_t row = 0; row < dNew.size(); ++row) {
    const auto* ref = std::get_if<EntityRef>(&dNew.cell(row, static_cast<std::size_t>(column)));
    if (!ref || ref->row < 0) continue;
    Group& grp = s.groups[index[label(after, g, ref->row)]];
    const std::string key = et.key >= 0 ? after.format(dNew.cell(row, static_cast<std::size_t>(et.key)))
                                        : std::to_string(row + 1);
    const int oldRow = dOld.rowOf(key);
    const eval::Computed* vn = after.definition(def, static_cast<int>(row));
    const eval::Computed* vo = oldRow >= 0 ? before.definition(oldDef, oldRow) : nullptr;
    if (!vn || (oldRow >= 0 && !vo)) return false;
    const auto* qn = std::get_if<mpq_class>(&vn->value);
    const auto* qo = vo ? std::get_if<mpq_class>(&vo->value) : nullptr;
    ++grp.members;
    if (qn) grp.after += *qn;
    if (qo) grp.before += *qo;
    if (qn && qo && *qn != *qo) {
      ++grp.changed;
      grp.movers.emplace_back(label(after, table, static_cast<int>(row)), *qn - *qo);
      if (auto it = changed.find({key, s.definition}); it != changed.end())
        for (const Cause& cause : it->second->causes)
          if (cause.share) causeSums[index[grp.name]][cause.change] += *cause.share;
    }
  }
  for (std::size_t i = 0; i < s.groups.size(); ++i) {
    auto& movers = s.groups[i].movers;
    std::stable_sort(movers.begin(), movers.end(),
                     [](const auto& a, const auto& b) { return abs(a.second) > abs(b.second); });
    for (const auto& [label, sum] : causeSums[i])
      if (sum != 0) s.groups[i].causes.emplace_back(label, sum);
    std::stable_sort(s.groups[i].causes.begin(), s.groups[i].causes.end(),
                     [](const auto& a, const auto& b) { return abs(a.second) > abs(b.second); });
  }
  r.summary = std::move(s);
  return true;
}

}  // namespace verdeel::diff
