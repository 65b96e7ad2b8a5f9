#include "diff/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "diff/changes.hpp"

namespace verdeel::diff {

namespace {

struct Compared {
  int oldDef, newDef;
};

}  // namespace

std::optional<Result> compare(eval::Evaluation& before, eval::Evaluation& after) {
  const check::Program& po = before.program();
  const check::Program& pn = after.program();
  Result r;
  if (!findCandidates(before, after, r)) return std::nullopt;
  // The values to compare: the per-entity definitions in the new rule set's outputs.
  std::vector<Compared> defs;
  std::set<int> seenDefs;
  for (const check::Output& o : pn.outputs) {
    if (o.subject < 0) continue;
    for (const check::OutputColumn& c : o.columns) {
      if (!c.isDefinition || !seenDefs.insert(c.index).second) continue;
      const check::Definition& dn = pn.definitions[static_cast<std::size_t>(c.index)];
      int match = -1;
      for (std::size_t i = 0; i < po.definitions.size(); ++i) {
        const check::Definition& d = po.definitions[i];
        if (d.name == dn.name && d.subject >= 0 &&
            po.tables[static_cast<std::size_t>(d.subject)].name ==
                pn.tables[static_cast<std::size_t>(dn.subject)].name)
          match = static_cast<int>(i);
      }
      if (match < 0)
        r.onlyNew.push_back(dn.name);
      else
        defs.push_back({match, c.index});
    }
  }
  for (const check::Output& o : po.outputs)
    for (const check::OutputColumn& c : o.columns)
      if (c.isDefinition && o.subject >= 0) {
        const std::string& n = po.definitions[static_cast<std::size_t>(c.index)].name;
        bool found = false;
        for (const auto& d : pn.definitions) found = found || d.name == n;
        if (!found && std::find(r.onlyOld.begin(), r.onlyOld.end(), n) == r.onlyOld.end())
          r.onlyOld.push_back(n);
      }
  for (const Compared& cd : defs) {
    const check::Definition& dn = pn.definitions[static_cast<std::size_t>(cd.newDef)];
    const bool main = pn.mainDefinition(dn.subject) == cd.newDef;
    const int tn = dn.subject;
    const int to = po.definitions[static_cast<std::size_t>(cd.oldDef)].subject;
    const check::Table& table = pn.tables[static_cast<std::size_t>(tn)];
    const data::TableData& dataNew = after.data().tables[static_cast<std::size_t>(tn)];
    const data::TableData& dataOld = before.data().tables[static_cast<std::size_t>(to)];
    mpq_class sumOld = 0, sumNew = 0;
    for (std::size_t row = 0; row < dataNew.size(); ++row) {
      const std::string key = table.key >= 0
                                  ? after.format(dataNew.cell(row, static_cast<std::size_t>(table.key)))
                                  : std::to_string(row + 1);
      const int oldRow = dataOld.rowOf(key);
      if (oldRow < 0) continue;
      const eval::Computed* vn = after.definition(cd.newDef, static_cast<int>(row));
      const eval::Computed* vo = before.definition(cd.oldDef, oldRow);
      if (!vn || !vo) return std::nullopt;
      ++r.compared;
      const auto* qn = std::get_if<mpq_class>(&vn->value);
      const auto* qo = std::get_if<mpq_class>(&vo->value);
      if (qn) sumNew += *qn;
      if (qo) sumOld += *qo;
      if (vn->value == vo->value) continue;
      Change c;
      c.table = table.name;
      c.key = key;
      c.name = table.nameColumn >= 0
                   ? after.format(dataNew.cell(row, static_cast<std::size_t>(table.nameColumn)))
                   : "";
      if (c.name == key) c.name.clear();
      c.definition = dn.name;
      c.main = main;
      c.before = vo->value;
      c.after = vn->value;
      c.beforeText = before.format(vo->value);
      c.afterText = after.format(vn->value);
      if (qn && qo) c.delta = formatDutch(*qn - *qo, 2, true);
      r.changes.push_back(std::move(c));
    }
    if (dn.type.numeric())
      r.totals.push_back({table.name, dn.name, formatDutch(sumOld), formatDutch(sumNew),
                          formatDutch(sumNew - sumOld, 2, true), main, sumOld, sumNew});
  }
  // Per entity, in the order of the tables and keys; per entity in the order of the outputs.
  std::map<std::string, int> tableOrder;
  for (std::size_t t = 0; t < pn.tables.size(); ++t) tableOrder[pn.tables[t].name] = static_cast<int>(t);
  std::stable_sort(r.changes.begin(), r.changes.end(), [&](const Change& a, const Change& b) {
    return std::tie(tableOrder[a.table], a.key) < std::tie(tableOrder[b.table], b.key);
  });
  return r;
}

}  // namespace verdeel::diff
