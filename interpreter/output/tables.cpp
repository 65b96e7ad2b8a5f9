#include "output/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "output/ties.hpp"
#include "source/text.hpp"
#include "value/text_sum.hpp"

namespace verdeel::output {

namespace {

CellKind kindOf(const check::Type& t) {
  switch (t.kind) {
    case check::Kind::Integer: return CellKind::Integer;
    case check::Kind::Number: return CellKind::Number;
    case check::Kind::Bool: return CellKind::Bool;
    default: return CellKind::Text;
  }
}

struct Cell {
  std::string text;
  eval::Provenance provenance;
  bool undecided = false;  // blank: it rests on a tie nothing decided
};

}  // namespace

std::optional<Decisions> build(eval::Evaluation& ev) {
  const check::Program& p = ev.program();
  const data::Dataset& ds = ev.data();
  Decisions out;
  out.regeling = p.header.title;
  out.citatie = p.header.citation;
  out.geldigVanaf = p.header.validFrom.str();
  out.versie = p.version;
  // A run with parameters set to other values says so wherever its version is named.
  std::vector<std::string> set;
  for (const auto& [param, value] : ev.overrides())
    set.push_back(
        fmt::format("{} = {}", p.parameters[static_cast<std::size_t>(param)].name, ev.format(value)));
  if (!set.empty()) out.versie += fmt::format("; scenario: {}", fmt::join(set, ", "));
  out.peildatum = p.peildatum;
  for (std::size_t i = 0; i < p.parameters.size(); ++i) {
    const eval::Computed* v = ev.parameter(static_cast<int>(i));
    if (!v) return std::nullopt;
    out.globals.push_back({p.parameters[i].name, v->value});
  }
  // Documents may name the values the outputs show, and nothing else: a value no output asks for is
  // not computed for them (it could fail, and fail a run that does not need it).
  std::set<int> shown;
  for (const check::Output& o : p.outputs)
    for (const check::OutputColumn& c : o.columns)
      if (c.isDefinition) shown.insert(c.index);
  for (std::size_t i = 0; i < p.definitions.size(); ++i) {
    if (p.definitions[i].subject >= 0 || !shown.count(static_cast<int>(i))) continue;
    const eval::Computed* v = ev.definition(static_cast<int>(i), -1);
    if (!v) return std::nullopt;
    out.globals.push_back({p.definitions[i].name, v->value});
  }

  auto cell = [&](const check::OutputColumn& c, int table, int row) -> std::optional<Cell> {
    Cell c0;
    if (c.isParameter) {
      const eval::Computed* v = ev.parameter(c.index);
      if (!v) return std::nullopt;
      c0.text = ev.format(v->value);
      c0.provenance.articles = v->provenance.articles;
      return c0;
    }
    if (c.isDefinition) {
      const check::Definition& d = p.definitions[static_cast<std::size_t>(c.index)];
      const eval::Computed* v = ev.definition(c.index, d.subject < 0 ? -1 : row);
      if (!v) return std::nullopt;
      c0.text = ev.format(v->value);
      c0.provenance = v->provenance;
      c0.undecided = ev.undecided(*v);
      return c0;
    }
    const data::TableData& td = ds.tables[static_cast<std::size_t>(table)];
    c0.text = ev.format(td.cell(static_cast<std::size_t>(row), static_cast<std::size_t>(c.index)));
    c0.provenance = ev.cellProvenance(table, row);
    return c0;
  };
  auto typeOf = [&](const check::OutputColumn& c, int table) -> check::Type {
    if (c.isParameter) return p.parameters[static_cast<std::size_t>(c.index)].type;
    if (c.isDefinition) return p.definitions[static_cast<std::size_t>(c.index)].type;
    return p.tables[static_cast<std::size_t>(table)].columns[static_cast<std::size_t>(c.index)].type;
  };
  // The text of a set of articles or tables, made once per distinct set.
  std::map<eval::SetId, std::string> basisText, sourcesText;
  auto basis = [&](eval::SetId articles) -> const std::string& {
    auto [it, fresh] = basisText.try_emplace(articles);
    if (fresh) {
      std::vector<std::string> parts;
      for (int a : ev.members(articles)) parts.push_back(p.articles[static_cast<std::size_t>(a)].label());
      it->second = fmt::format("{}", fmt::join(parts, "; "));
    }
    return it->second;
  };
  auto sources = [&](eval::SetId tables) -> const std::string& {
    auto [it, fresh] = sourcesText.try_emplace(tables);
    if (fresh) {
      std::vector<std::string> parts;
      for (int t : ev.members(tables)) parts.push_back(p.tables[static_cast<std::size_t>(t)].declared);
      it->second = fmt::format("{}", fmt::join(parts, "; "));
    }
    return it->second;
  };

  for (const check::Output& o : p.outputs) {
    DecisionTable proto;
    for (const auto& c : o.columns) {
      proto.columns.push_back(c.name);
      proto.kinds.push_back(kindOf(typeOf(c, o.subject)));
    }
    for (const char* extra : {"grondslag", "herkomst", "bronnen"}) {
      proto.columns.emplace_back(extra);
      proto.kinds.push_back(CellKind::Text);
    }
    // One row per entity (or one row in all), keyed for sorting, with its group.
    // The cells go straight into one text buffer, in entity order; the rows are sorted afterwards.
    struct Row {
      std::string group;  // the split value as text (sorts the groups); empty when not split
      std::string label;  // how the group is shown: the split value, or the name it refers to
      EntityRef entity;   // the group entity, when the split is by a reference
    };
    std::vector<Row> rows;          // only for a split output
    std::vector<std::string> keys;  // the entity's key, per row
    TextRows cellsOf;
    const int n = o.subject < 0 ? 1 : static_cast<int>(ds.tables[static_cast<std::size_t>(o.subject)].size());
    keys.reserve(static_cast<std::size_t>(n));
    if (o.splitBy) rows.reserve(static_cast<std::size_t>(n));
    cellsOf.reserve(static_cast<std::size_t>(n));
    std::vector<std::string> texts;       // the row's computed cells
    std::vector<std::string_view> cells;  // those and its basis, herkomst and sources
    std::string undecidedText;
    for (int r = 0; r < n; ++r) {
      int row = o.subject < 0 ? -1 : r;
      Row entry;
      std::string key;
      texts.clear();
      eval::Provenance rowProvenance;
      bool undecided = false;
      for (const auto& c : o.columns) {
        auto v = cell(c, o.subject, row);
        if (!v) return std::nullopt;
        texts.push_back(std::move(v->text));
        ev.merge(rowProvenance, v->provenance);
        undecided = undecided || v->undecided;
      }
      cells.assign(texts.begin(), texts.end());
      if (undecided) {  // a blank that must not be read as a decision
        undecidedText = rowProvenance.articles == 0
                            ? std::string("niet beslist: gelijke stand, zie gelijke-standen")
                            : fmt::format("niet beslist: gelijke stand, zie gelijke-standen; {}",
                                          basis(rowProvenance.articles));
        cells.emplace_back(undecidedText);
      } else {
        cells.emplace_back(basis(rowProvenance.articles));  // kept in basisText
      }
      cells.emplace_back(ast::herkomstName(rowProvenance.herkomst));
      cells.emplace_back(sources(rowProvenance.tables));
      cellsOf.push_back(cells);
      // The rows of an output are much alike: room for all of them, by the first, with a margin.
      if (r == 0 && n > 1) cellsOf.reserveText(cellsOf.textSize() * static_cast<std::size_t>(n) * 5 / 4);
      if (o.subject >= 0) {
        const check::Table& t = p.tables[static_cast<std::size_t>(o.subject)];
        key = t.key >= 0 ? ev.format(ds.tables[static_cast<std::size_t>(o.subject)].cell(
                               static_cast<std::size_t>(r), static_cast<std::size_t>(t.key)))
                         : "";
        if (o.splitBy) {
          auto g = cell(*o.splitBy, o.subject, row);
          if (!g) return std::nullopt;
          entry.group = g->text;
          entry.label = g->text;
          // A split by a reference (gemeente -> provincie) is labelled with the entity's name.
          const Value* raw = nullptr;
          if (o.splitBy->isDefinition) {
            raw = &ev.definition(o.splitBy->index, row)->value;
          } else if (!o.splitBy->isParameter) {
            raw = &ds.tables[static_cast<std::size_t>(o.subject)].cell(
                static_cast<std::size_t>(r), static_cast<std::size_t>(o.splitBy->index));
          }
          if (raw && std::holds_alternative<EntityRef>(*raw)) {
            const EntityRef& e = std::get<EntityRef>(*raw);
            entry.entity = e;
            const check::Table& target = p.tables[static_cast<std::size_t>(e.table)];
            if (target.nameColumn >= 0)
              entry.label = ev.format(ds.tables[static_cast<std::size_t>(e.table)].cell(
                  static_cast<std::size_t>(e.row), static_cast<std::size_t>(target.nameColumn)));
          }
        }
      }
      keys.push_back(std::move(key));
      if (o.splitBy) rows.push_back(std::move(entry));
    }
    // Sorted by group and key; the rows stay where they are, only their order is sorted.
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto before = [&](std::size_t a, std::size_t b) {
      if (o.splitBy && rows[a].group != rows[b].group) return rows[a].group < rows[b].group;
      return keys[a] < keys[b];
    };
    const bool sorted = std::is_sorted(order.begin(), order.end(), before);
    if (!sorted) std::stable_sort(order.begin(), order.end(), before);
    if (!o.splitBy) {
      DecisionTable t = proto;
      t.file = fileNameOf(o.name);
      t.output = t.file;
      t.title = o.name;
      if (sorted) {
        t.rows = std::move(cellsOf);
      } else {
        t.rows.reserve(order.size());
        t.rows.reserveText(cellsOf.textSize());
        for (std::size_t i : order) t.rows.push_back(cellsOf[i]);
      }
      out.tables.push_back(std::move(t));
      continue;
    }
    // Split: one table per group, and a summary with one row per group and a total.
    std::map<std::string, DecisionTable> groups;
    std::map<std::string, std::string> labels;
    std::set<std::string> usedFiles;
    for (std::size_t i : order) {
      Row& r = rows[i];
      auto [it, fresh] = groups.try_emplace(r.group, proto);
      if (fresh) {
        // Two groups with the same name (two gemeenten "Groningen" in different tables) keep
        // their own files: the second gets its key as well.
        std::string file = fileNameOf(o.name) + "-" + fileNameOf(r.label);
        if (!usedFiles.insert(file).second) {
          file += "-" + fileNameOf(r.group);
          usedFiles.insert(file);
        }
        it->second.file = file;
        it->second.title = fmt::format("{} ({})", o.name, r.label);
        it->second.output = fileNameOf(o.name);
        it->second.group = r.label;
        labels[r.group] = r.label;
        // The values of the group entity (a provincie's task, what it offered, ...) for its document.
        if (r.entity.table >= 0) {
          it->second.groupTable = p.tables[static_cast<std::size_t>(r.entity.table)].name;
          for (std::size_t d = 0; d < p.definitions.size(); ++d) {
            if (p.definitions[d].subject != r.entity.table || !shown.count(static_cast<int>(d))) continue;
            const eval::Computed* v = ev.definition(static_cast<int>(d), r.entity.row);
            if (!v) return std::nullopt;
            it->second.groupValues.push_back({p.definitions[d].name, v->value});
          }
        }
      }
      it->second.rows.push_back(cellsOf[i]);
    }
    DecisionTable summary;
    summary.file = fileNameOf(o.name) + "-samenvatting";
    summary.output = summary.file;
    summary.summary = true;
    summary.title = fmt::format("{}: samenvatting per {}", o.name, o.splitBy->name);
    summary.columns = {o.splitBy->name, "aantal"};
    summary.kinds = {CellKind::Text, CellKind::Integer};
    std::vector<std::size_t> numeric;
    for (std::size_t i = 0; i < o.columns.size(); ++i) {
      if (proto.kinds[i] == CellKind::Integer || proto.kinds[i] == CellKind::Number) {
        numeric.push_back(i);
        summary.columns.push_back(proto.columns[i]);
        summary.kinds.push_back(proto.kinds[i]);
      }
    }
    summary.columns.emplace_back("herkomst");
    summary.kinds.push_back(CellKind::Text);
    std::vector<mpq_class> total(numeric.size());
    std::size_t totalCount = 0;
    ast::Herkomst totalH = ast::Herkomst::Echt;
    const std::size_t herkomstCol = o.columns.size() + 1;
    auto rank = [](std::string_view h) {
      return h == "fictief"           ? ast::Herkomst::Fictief
             : h == "gereconstrueerd" ? ast::Herkomst::Gereconstrueerd
                                      : ast::Herkomst::Echt;
    };
    for (auto& [group, table] : groups) {
      std::vector<std::string> row{labels[group], std::to_string(table.rows.size())};
      ast::Herkomst h = ast::Herkomst::Echt;
      for (std::size_t k = 0; k < numeric.size(); ++k) {
        TextSum column;  // the group's cells of this numeric column
        for (const auto r : table.rows)
          if (!r[numeric[k]].empty()) (void)column.add(r[numeric[k]]);
        const mpq_class sum = column.value();
        total[k] += sum;
        row.push_back(formatNumber(sum));
      }
      for (const auto r : table.rows) h = std::max(h, rank(r[herkomstCol]));
      totalH = std::max(totalH, h);
      row.emplace_back(ast::herkomstName(h));
      totalCount += table.rows.size();
      summary.rows.push_back(row);
      out.tables.push_back(std::move(table));
    }
    std::vector<std::string> last{"totaal", std::to_string(totalCount)};
    for (const auto& t : total) last.push_back(formatNumber(t));
    last.emplace_back(ast::herkomstName(totalH));
    summary.rows.push_back(last);
    out.tables.push_back(std::move(summary));
  }
  // The claims report: every bewering with its outcome and the provenance it rests on. A claim is
  // decided on real data: it does not hold when an entity resting on real (or reconstructed) data
  // fails; it cannot be decided when what it says rests on fictitious data (then the scenario's
  // outcome is given as well); otherwise it holds. Both sides of every comparison are shown, per
  // entity for a claim over a small table, and for the entities that fail in a large one.
  DecisionTable claims;
  claims.file = "beweringen";
  claims.title = "beweringen";
  claims.columns = {"bewering", "bron", "grondslag", "uitkomst", "herkomst", "toelichting"};
  claims.kinds.assign(claims.columns.size(), CellKind::Text);
  for (std::size_t i = 0; i < p.controles.size(); ++i) {
    const check::Controle& c = p.controles[i];
    if (!c.claim) continue;
    auto r = ev.controle(static_cast<int>(i));
    if (!r) return std::nullopt;
    bool failsOnRealData = false, restsOnFiction = false;
    for (const eval::ClaimRow& row : r->rows) {
      if (row.herkomst == ast::Herkomst::Fictief)
        restsOnFiction = true;
      else if (!row.held)
        failsOnRealData = true;
    }
    const std::string onScenario = r->failures.empty() ? "houdt stand" : "houdt geen stand";
    const std::string verdict = failsOnRealData                      ? "houdt geen stand"
                                : restsOnFiction || r->undecided > 0 ? "niet te beslissen"
                                                                     : "houdt stand";
    std::vector<std::string> notes;
    if (r->undecided > 0)
      notes.push_back(fmt::format(
          "{} niet te beslissen: een gelijke stand is niet beslist (zie gelijke-standen)",
          c.subject < 0
              ? "geheel"
              : fmt::format("{} {}", r->undecided, p.tables[static_cast<std::size_t>(c.subject)].name)));
    if (restsOnFiction && !failsOnRealData)
      notes.push_back(fmt::format("rust op fictieve gegevens; op het scenario: {}", onScenario));
    if (c.subject < 0) {
      if (!r->rows.empty() && !r->rows.front().sides.empty()) notes.push_back(r->rows.front().sides);
    } else {
      notes.push_back(fmt::format("{} van {} {}", r->checked - r->failures.size(), r->checked,
                                  p.tables[static_cast<std::size_t>(c.subject)].name));
      const bool all = r->rows.size() <= 20;
      std::size_t listed = 0;
      for (const eval::ClaimRow& row : r->rows) {
        if (!all && row.held) continue;
        if (listed++ == 10) break;
        std::string line = ev.entityName(c.subject, row.row);
        if (!row.sides.empty()) line += ": " + row.sides;
        line += row.held ? " (houdt stand" : " (houdt geen stand";
        if (row.herkomst == ast::Herkomst::Fictief) line += ", fictief";
        notes.push_back(line + ")");
      }
    }
    claims.rows.push_back({c.description, c.source,
                           c.article >= 0 ? p.articles[static_cast<std::size_t>(c.article)].label() : "",
                           verdict, std::string(ast::herkomstName(r->herkomst)),
                           fmt::format("{}", fmt::join(notes, "; "))});
  }
  if (!claims.rows.empty()) out.tables.push_back(std::move(claims));
  if (auto ties = tieTable(ev)) out.tables.push_back(std::move(*ties));
  return out;
}

}  // namespace verdeel::output
