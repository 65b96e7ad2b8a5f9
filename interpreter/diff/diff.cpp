#include "diff/diff.hpp"

#include "output/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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
  // Articles whose text differs, or that exist in one rule set only.
  std::map<std::string, std::string> oldText;
  for (const auto& a : po.articles)
    if (!a.repealed) oldText[a.label()] = a.fingerprint;
  std::set<std::string> newLabels;
  std::set<std::string> changed;
  for (const auto& a : pn.articles) {
    if (a.repealed) continue;
    newLabels.insert(a.label());
    auto it = oldText.find(a.label());
    if (it == oldText.end() || it->second != a.fingerprint) {
      if (changed.insert(a.label()).second) r.changedArticles.push_back(a.label());
    }
  }
  for (const auto& a : po.articles)
    if (!a.repealed && !newLabels.count(a.label()) && changed.insert(a.label()).second)
      r.changedArticles.push_back(a.label() + " (vervallen)");
  // Parameters whose value differs (a scenario, `--zet-nieuw`, or a changed rule), and which
  // definitions of the new rule set read them, directly or through others.
  std::vector<std::set<std::string>> paramCauses(pn.definitions.size());
  {
    std::vector<std::string> changedParam(pn.parameters.size());
    for (std::size_t i = 0; i < pn.parameters.size(); ++i)
      for (std::size_t j = 0; j < po.parameters.size(); ++j) {
        if (po.parameters[j].name != pn.parameters[i].name) continue;
        const eval::Computed* vn = after.parameter(static_cast<int>(i));
        const eval::Computed* vo = before.parameter(static_cast<int>(j));
        if (!vn || !vo) return std::nullopt;
        if (!(vn->value == vo->value)) {
          changedParam[i] = fmt::format("parameter {}: {} -> {}", pn.parameters[i].name,
                                        before.format(vo->value), after.format(vn->value));
          r.changedParameters.push_back(changedParam[i]);
        }
      }
    for (int d : pn.order) {
      const auto& reads = pn.definitionReads[static_cast<std::size_t>(d)];
      auto& mine = paramCauses[static_cast<std::size_t>(d)];
      for (int q : reads.parameters)
        if (!changedParam[static_cast<std::size_t>(q)].empty())
          mine.insert(changedParam[static_cast<std::size_t>(q)]);
      for (int e : reads.definitions) {
        const auto& theirs = paramCauses[static_cast<std::size_t>(e)];
        mine.insert(theirs.begin(), theirs.end());
      }
    }
  }
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
  auto labels = [&](const check::Program& p, const eval::Evaluation& ev, const eval::Computed& c) {
    std::vector<std::string> out;
    for (int a : ev.articles(c)) {
      const std::string l = p.articles[static_cast<std::size_t>(a)].label();
      if (changed.count(l)) out.push_back(l);
    }
    return out;
  };
  for (const Compared& cd : defs) {
    const check::Definition& dn = pn.definitions[static_cast<std::size_t>(cd.newDef)];
    const int tn = dn.subject;
    const int to = po.definitions[static_cast<std::size_t>(cd.oldDef)].subject;
    const check::Table& table = pn.tables[static_cast<std::size_t>(tn)];
    const data::TableData& dataNew = after.data().tables[static_cast<std::size_t>(tn)];
    const data::TableData& dataOld = before.data().tables[static_cast<std::size_t>(to)];
    mpq_class sumOld = 0, sumNew = 0;
    bool numeric = dn.type.numeric();
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
      c.before = before.format(vo->value);
      c.after = after.format(vn->value);
      if (qn && qo) {
        const mpq_class delta = *qn - *qo;
        c.delta = (delta > 0 ? "+" : "") + formatNumber(delta);
      }
      std::set<std::string> causes;
      for (const auto& l : labels(pn, after, *vn)) causes.insert(l);
      for (const auto& l : labels(po, before, *vo)) causes.insert(l);
      c.causes.assign(causes.begin(), causes.end());
      for (const auto& why : paramCauses[static_cast<std::size_t>(cd.newDef)]) c.causes.push_back(why);
      r.changes.push_back(std::move(c));
    }
    if (numeric) {
      const mpq_class delta = sumNew - sumOld;
      r.totals.push_back({table.name, dn.name, formatNumber(sumOld), formatNumber(sumNew),
                          (delta > 0 ? "+" : "") + formatNumber(delta)});
    }
  }
  // Per entity, in the order of the tables and keys; per entity in the order of the outputs.
  std::map<std::string, int> tableOrder;
  for (std::size_t t = 0; t < pn.tables.size(); ++t) tableOrder[pn.tables[t].name] = static_cast<int>(t);
  std::stable_sort(r.changes.begin(), r.changes.end(), [&](const Change& a, const Change& b) {
    return std::tie(tableOrder[a.table], a.key) < std::tie(tableOrder[b.table], b.key);
  });
  return r;
}

std::string renderText(const Result& r, const std::string& oldName, const std::string& newName) {
  std::string out = fmt::format("verschillen van {} naar {}\n", oldName, newName);
  out += r.changedArticles.empty()
             ? "gewijzigde artikelen: geen\n"
             : fmt::format("gewijzigde artikelen: {}\n", fmt::join(r.changedArticles, ", "));
  for (const auto& p : r.changedParameters) out += fmt::format("gewijzigd: {}\n", p);
  std::string last;
  for (const Change& c : r.changes) {
    const std::string who = c.name.empty() ? fmt::format("{} {}", c.table, c.key)
                                           : fmt::format("{} {} ({})", c.table, c.key, c.name);
    if (who != last) out += "\n" + who + "\n";
    last = who;
    out += fmt::format("  {}: {} -> {}{}   oorzaak: {}\n", c.definition, c.before, c.after,
                       c.delta.empty() ? "" : " (" + c.delta + ")",
                       c.causes.empty() ? std::string("de gegevens, geen gewijzigd artikel")
                                        : fmt::format("{}", fmt::join(c.causes, ", ")));
  }
  out += "\ntotalen\n";
  for (const Total& t : r.totals)
    out += fmt::format("  som van {} over {}: {} -> {} ({})\n", t.definition, t.table, t.before, t.after,
                       t.delta);
  if (!r.onlyNew.empty()) out += fmt::format("alleen in {}: {}\n", newName, fmt::join(r.onlyNew, ", "));
  if (!r.onlyOld.empty()) out += fmt::format("alleen in {}: {}\n", oldName, fmt::join(r.onlyOld, ", "));
  out += fmt::format("\n{} van {} waarden verschillen\n", r.changes.size(), r.compared);
  return out;
}

std::string renderCsv(const Result& r, output::CsvCells cells) {
  std::string out = "tabel,sleutel,naam,definitie,voor,na,verschil,oorzaak\n";
  for (const Change& c : r.changes)
    out += fmt::format("{},{},{},{},{},{},{},{}\n", output::csvField(c.table, cells),
                       output::csvField(c.key, cells), output::csvField(c.name, cells),
                       output::csvField(c.definition, cells), output::csvField(c.before, cells),
                       output::csvField(c.after, cells), output::csvField(c.delta, cells),
                       output::csvField(fmt::format("{}", fmt::join(c.causes, "; ")), cells));
  for (const Total& t : r.totals)
    out += fmt::format("{},totaal,,{},{},{},{},\n", output::csvField(t.table, cells),
                       output::csvField(t.definition, cells), t.before, t.after, t.delta);
  return out;
}

std::string renderMarkdown(const Result& r, const std::string& oldName, const std::string& newName) {
  std::string out = fmt::format("# Verschillen van `{}` naar `{}`\n\n", oldName, newName);
  out += r.changedArticles.empty()
             ? "Gewijzigde artikelen: geen.\n\n"
             : fmt::format("Gewijzigde artikelen: {}.\n\n", fmt::join(r.changedArticles, ", "));
  for (const auto& p : r.changedParameters) out += fmt::format("Gewijzigd: {}.\n\n", p);
  out += "| tabel | sleutel | naam | definitie | voor | na | verschil | oorzaak |\n";
  out += "| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n";
  for (const Change& c : r.changes)
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", output::markdownCell(c.table),
                       output::markdownCell(c.key), output::markdownCell(c.name),
                       output::markdownCell(c.definition), output::markdownCell(c.before),
                       output::markdownCell(c.after), output::markdownCell(c.delta),
                       output::markdownCell(fmt::format("{}", fmt::join(c.causes, "; "))));
  out += "\n| totaal | voor | na | verschil |\n| --- | ---: | ---: | ---: |\n";
  for (const Total& t : r.totals)
    out += fmt::format("| som van {} over {} | {} | {} | {} |\n", t.definition, t.table, t.before, t.after,
                       t.delta);
  out += fmt::format("\n{} van {} waarden verschillen.\n", r.changes.size(), r.compared);
  return out;
}

}  // namespace verdeel::diff
