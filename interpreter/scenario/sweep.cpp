#include "scenario/sweep.hpp"

#include <fmt/format.h>

#include <deque>

#include "lang/language.hpp"
#include "output/render.hpp"

namespace verdeel::scenario {

namespace {

// A chosen column: a definition (per entity or single), a parameter, or a column of the entity table.
struct Chosen {
  enum class Kind { Definition, Parameter, DataColumn } kind = Kind::Definition;
  int index = -1;
  bool perEntity = false;
  bool numeric = false;
  std::string name;
};

struct Resolved {
  std::vector<Chosen> columns;
  int table = -1;  // the entity table, or -1 when every column has a single value
};

std::optional<Resolved> resolve(const check::Program& p, const SweepOptions& o, std::string& error,
                                std::string& help) {
  Resolved r;
  std::vector<std::string> unknown;
  for (const std::string& name : o.columns) {
    Chosen c;
    c.name = name;
    bool found = false;
    for (std::size_t i = 0; i < p.definitions.size() && !found; ++i) {
      const check::Definition& d = p.definitions[i];
      if (d.name != name) continue;
      found = true;
      c.kind = Chosen::Kind::Definition;
      c.index = static_cast<int>(i);
      c.perEntity = d.subject >= 0;
      c.numeric = d.type.numeric();
      if (c.perEntity && r.table >= 0 && r.table != d.subject) {
        error = trf("`{}` is per {}, and the columns before it are per {}", name,
                    p.tables[static_cast<std::size_t>(d.subject)].name,
                    p.tables[static_cast<std::size_t>(r.table)].name);
        help = tr("a sweep writes one row per entity of one table: choose the columns of one table");
        return std::nullopt;
      }
      if (c.perEntity) r.table = d.subject;
    }
    for (std::size_t i = 0; i < p.parameters.size() && !found; ++i) {
      if (p.parameters[i].name != name) continue;
      found = true;
      c.kind = Chosen::Kind::Parameter;
      c.index = static_cast<int>(i);
      c.numeric = p.parameters[i].type.numeric();
    }
    if (!found) unknown.push_back(name);
    r.columns.push_back(std::move(c));
  }
  // Names that are no definition or parameter: columns of the entity table.
  for (Chosen& c : r.columns) {
    if (c.index >= 0) continue;
    const int col = r.table >= 0 ? p.tables[static_cast<std::size_t>(r.table)].column(c.name) : -1;
    if (col < 0) {
      std::vector<std::string> names;
      for (const auto& d : p.definitions) names.push_back(d.name);
      for (const auto& prm : p.parameters) names.push_back(prm.name);
      if (r.table >= 0)
        for (const auto& tc : p.tables[static_cast<std::size_t>(r.table)].columns) names.push_back(tc.name);
      error = trf("`--kolommen`: there is no definition, parameter or column `{}`", c.name);
      if (auto m = closestMatch(c.name, names); !m.empty()) help = trf("did you mean `{}`?", m);
      return std::nullopt;
    }
    c.kind = Chosen::Kind::DataColumn;
    c.index = col;
    c.perEntity = true;
    c.numeric =
        p.tables[static_cast<std::size_t>(r.table)].columns[static_cast<std::size_t>(col)].type.numeric();
  }
  if (r.columns.empty()) {
    error = tr("`--kolommen` names no column");
    help = tr("name the values to follow, for example `--kolommen indicatief_totaal,besluit_totaal`");
    return std::nullopt;
  }
  return r;
}

// Per entity and numeric column, over all scenarios.
struct Tally {
  std::optional<mpq_class> first, last, min, max;
  std::size_t changes = 0, paradoxes = 0;
};

}  // namespace

std::optional<std::string> checkColumns(const check::Program& p, const SweepOptions& o, std::string& help) {
  std::string error;
  if (!resolve(p, o, error, help)) return error;
  return std::nullopt;
}

std::optional<SweepResult> sweep(eval::Evaluation& ev, const SweepOptions& o, Diagnostics& diags,
                                 const std::function<void(std::size_t, std::size_t)>& progress) {
  const check::Program& p = ev.program();
  std::string error, help;
  auto resolved = resolve(p, o, error, help);
  if (!resolved) return std::nullopt;  // checked by the caller before
  const auto& columns = resolved->columns;
  const int table = resolved->table;
  const check::Table* entityTable = table >= 0 ? &p.tables[static_cast<std::size_t>(table)] : nullptr;
  const int rows =
      table >= 0 ? static_cast<int>(ev.data().tables[static_cast<std::size_t>(table)].size()) : 1;
  const bool hasName =
      entityTable && entityTable->nameColumn >= 0 && entityTable->nameColumn != entityTable->key;
  auto cell = [&](int r, int column) {
    return ev.format(ev.data().tables[static_cast<std::size_t>(table)].cell(
        static_cast<std::size_t>(r), static_cast<std::size_t>(column)));
  };
  auto keyOf = [&](int r) {
    return entityTable->key >= 0 ? cell(r, entityTable->key) : std::to_string(r + 1);
  };

  // The ranges (swept, as an odometer: the last varies fastest) and the fixed values.
  std::vector<const Setting*> ranges;
  for (const Setting& s : o.settings) {
    if (s.range)
      ranges.push_back(&s);
    else
      ev.setParameter(s.parameter, s.values.front());
  }
  std::vector<std::size_t> stride(ranges.size(), 1);
  std::size_t total = 1;
  for (std::size_t k = ranges.size(); k-- > 0;) {
    stride[k] = total;
    total *= ranges[k]->values.size();
  }

  SweepResult out;
  out.scenarios = total;
  // The long table's header: the swept parameters, the entity, the chosen columns.
  std::vector<std::string> header;
  header.reserve(ranges.size() + 2 + columns.size());
  for (const Setting* s : ranges) header.push_back(s->name);
  if (entityTable) {
    header.push_back(entityTable->key >= 0
                         ? entityTable->columns[static_cast<std::size_t>(entityTable->key)].name
                         : "rij");
    if (hasName) header.emplace_back("naam");
  }
  for (const Chosen& c : columns) header.push_back(c.name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (i) out.table += ',';
    output::appendCsvField(out.table, header[i], o.csvCells);
  }
  out.table += '\n';

  std::vector<std::size_t> numeric;  // positions in `columns`
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].numeric) numeric.push_back(c);
  std::vector<Tally> tally(static_cast<std::size_t>(rows) * numeric.size());
  // The numeric values of the last scenarios, as far back as the largest stride, for the paradoxes.
  const std::size_t window = ranges.empty() ? 1 : stride.front();
  std::deque<std::vector<mpq_class>> recent;

  out.controles.file = "sweep-controles";
  out.controles.title = "sweep: controles en beweringen die niet standhouden";
  for (const Setting* s : ranges) out.controles.columns.push_back(s->name);
  for (const char* c : {"soort", "omschrijving", "niet_gehouden", "gecontroleerd"})
    out.controles.columns.emplace_back(c);
  out.controles.kinds.assign(out.controles.columns.size(), output::CellKind::Text);

  std::vector<std::string> swept(ranges.size());
  std::vector<std::size_t> coord(ranges.size(), 0), previous(ranges.size(), SIZE_MAX);
  auto scenarioText = [&](std::size_t skip) {
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < ranges.size(); ++k)
      if (k != skip) parts.push_back(fmt::format("{} = {}", ranges[k]->name, swept[k]));
    return fmt::format("{}", fmt::join(parts, "; "));
  };
  // An evaluation error stops the sweep; its diagnostic names the scenario it happened in.
  auto failAt = [&]() -> std::optional<SweepResult> {
    if (Diagnostic* d = diags.last())
      d->notes.push_back({SourceSpan{}, fmt::format("in de sweep, bij {}", scenarioText(SIZE_MAX))});
    return std::nullopt;
  };

  for (std::size_t s = 0; s < total; ++s) {
    for (std::size_t k = 0; k < ranges.size(); ++k) {
      coord[k] = (s / stride[k]) % ranges[k]->values.size();
      if (coord[k] == previous[k]) continue;
      ev.setParameter(ranges[k]->parameter, ranges[k]->values[coord[k]]);
      swept[k] = valueText(ranges[k]->values[coord[k]]);
      previous[k] = coord[k];
    }
    ev.resetSteps();
    if (!ev.update()) return failAt();
    std::vector<mpq_class> values(static_cast<std::size_t>(rows) * numeric.size());
    std::vector<std::string> cells;
    for (int r = 0; r < rows; ++r) {
      cells.assign(swept.begin(), swept.end());
      if (entityTable) cells.push_back(keyOf(r));
      if (hasName) cells.push_back(cell(r, entityTable->nameColumn));
      std::size_t n = 0;
      for (const Chosen& ch : columns) {
        const Value* v = nullptr;
        if (ch.kind == Chosen::Kind::Definition) {
          const eval::Computed* comp = ev.definition(ch.index, ch.perEntity ? r : -1);
          if (!comp) return failAt();
          v = &comp->value;
        } else if (ch.kind == Chosen::Kind::Parameter) {
          const eval::Computed* comp = ev.parameter(ch.index);
          if (!comp) return failAt();
          v = &comp->value;
        } else {
          v = &ev.data().tables[static_cast<std::size_t>(table)].cell(static_cast<std::size_t>(r),
                                                                      static_cast<std::size_t>(ch.index));
        }
        cells.push_back(ev.format(*v));
        if (!ch.numeric) continue;
        if (const auto* q = std::get_if<mpq_class>(v))
          values[static_cast<std::size_t>(r) * numeric.size() + n] = *q;
        ++n;
      }
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out.table += ',';
        output::appendCsvField(out.table, cells[i], o.csvCells);
      }
      out.table += '\n';
    }
    // Summary and paradoxes: along each swept parameter, the scenario one step back on that axis.
    for (int r = 0; r < rows; ++r)
      for (std::size_t n = 0; n < numeric.size(); ++n) {
        const std::size_t at = static_cast<std::size_t>(r) * numeric.size() + n;
        Tally& t = tally[at];
        const mpq_class& v = values[at];
        if (!t.first) t.first = t.min = t.max = v;
        if (t.last && *t.last != v) ++t.changes;
        t.last = v;
        if (v < *t.min) t.min = v;
        if (v > *t.max) t.max = v;
        for (std::size_t k = 0; k < ranges.size(); ++k) {
          if (coord[k] == 0 || stride[k] > recent.size()) continue;
          const mpq_class& before = recent[recent.size() - stride[k]][at];
          if (!(v < before)) continue;
          ++t.paradoxes;
          Paradox px;
          px.parameter = ranges[k]->name;
          px.from = valueText(ranges[k]->values[coord[k] - 1]);
          px.to = swept[k];
          px.scenario = scenarioText(k);
          if (entityTable) px.key = keyOf(r);
          if (hasName) px.name = cell(r, entityTable->nameColumn);
          px.column = columns[numeric[n]].name;
          px.before = formatNumber(before);
          px.after = formatNumber(v);
          out.paradoxes.push_back(std::move(px));
        }
      }
    recent.push_back(std::move(values));
    if (recent.size() > window) recent.pop_front();
    // Controles and claims: those that do not hold in this scenario.
    for (std::size_t i = 0; i < p.controles.size(); ++i) {
      auto result = ev.controle(static_cast<int>(i));
      if (!result) return failAt();
      if (result->failures.empty()) continue;
      const check::Controle& c = p.controles[i];
      std::vector<std::string> row(swept.begin(), swept.end());
      row.emplace_back(c.claim ? "bewering" : "controle");
      row.push_back(c.description);
      row.push_back(std::to_string(result->failures.size()));
      row.push_back(std::to_string(result->checked));
      out.controles.rows.push_back(row);
    }
    if (progress) progress(s + 1, total);
  }

  // The summary: per entity and numeric column, over all scenarios.
  out.summary.file = "sweep-samenvatting";
  out.summary.title = "sweep: samenvatting per entiteit en kolom";
  if (entityTable) {
    out.summary.columns.push_back(header[ranges.size()]);
    if (hasName) out.summary.columns.emplace_back("naam");
  }
  for (const char* c : {"kolom", "eerste", "laatste", "minimum", "maximum", "veranderingen", "paradoxen"})
    out.summary.columns.emplace_back(c);
  out.summary.kinds.assign(out.summary.columns.size(), output::CellKind::Text);
  for (int r = 0; r < rows; ++r)
    for (std::size_t n = 0; n < numeric.size(); ++n) {
      const Tally& t = tally[static_cast<std::size_t>(r) * numeric.size() + n];
      if (!t.first) continue;
      std::vector<std::string> row;
      if (entityTable) row.push_back(keyOf(r));
      if (hasName) row.push_back(cell(r, entityTable->nameColumn));
      row.push_back(columns[numeric[n]].name);
      for (const auto* q : {&*t.first, &*t.last, &*t.min, &*t.max}) row.push_back(formatNumber(*q));
      row.push_back(std::to_string(t.changes));
      row.push_back(std::to_string(t.paradoxes));
      out.summary.rows.push_back(row);
    }

  if (!out.paradoxes.empty()) {
    const Paradox& first = out.paradoxes.front();
    auto& w = diags.report(Code::W0501, {},
                           trf("{} time(s) an entity got less when a swept parameter grew (the Alabama "
                               "paradox); the first: {} {} from {} to {} when `{}` went from {} to {}",
                               out.paradoxes.size(), first.column, first.key, first.before, first.after,
                               first.parameter, first.from, first.to));
    w.help =
        tr("see sweep-paradoxen.csv for every case; a method of apportionment by divisors (d'hondt, "
           "sainte-laguë) has no such paradox");
  }
  out.paradoxTable.file = "sweep-paradoxen";
  out.paradoxTable.title = "sweep: paradoxen (minder eenheden bij een grotere waarde)";
  out.paradoxTable.columns = {"parameter", "van",  "naar", "overige_parameters", "sleutel", "naam",
                              "kolom",     "voor", "na"};
  out.paradoxTable.kinds.assign(out.paradoxTable.columns.size(), output::CellKind::Text);
  for (const Paradox& px : out.paradoxes)
    out.paradoxTable.rows.push_back(
        {px.parameter, px.from, px.to, px.scenario, px.key, px.name, px.column, px.before, px.after});
  return out;
}

}  // namespace verdeel::scenario
