#include "toets/expect.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "check/check.hpp"
#include "data/csv.hpp"
#include "explain/explain.hpp"
#include "lang/language.hpp"
#include "output/tables.hpp"
#include "source/text.hpp"

namespace verdeel::toets {

std::string shown(const eval::Evaluation& ev, const Value& v) {
  if (std::holds_alternative<Empty>(v)) return "leeg";
  if (const auto* e = std::get_if<EntityRef>(&v)) return ev.entityName(e->table, e->row);
  if (const auto* q = std::get_if<mpq_class>(&v)) return explain::exact(*q);
  return ev.format(v);
}

namespace {

// Every line of `text` indented by `by` spaces.
std::string indented(const std::string& text, std::size_t by) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) out += std::string(by, ' ') + text.substr(start, nl - start);
    out += '\n';
    start = nl + 1;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Numbers as a CSV cell may write them (`1826`, `1.826` is not one: `1826,5` or `1826.5`), for
// comparing an expected table's cell with ours.
std::optional<mpq_class> cellNumber(std::string_view text) {
  std::string t(trimmedView(text));
  mpq_class q;
  if (t.find('/') != std::string::npos) return parseFormatted(t, q) ? std::optional(q) : std::nullopt;
  std::replace(t.begin(), t.end(), ',', '.');
  return parseNumber(t, '.', q) ? std::optional(q) : std::nullopt;
}

bool sameCell(std::string_view ours, std::string_view theirs) {
  if (trimmedView(ours) == trimmedView(theirs)) return true;
  auto a = cellNumber(ours), b = cellNumber(theirs);
  return a && b && *a == *b;
}

}  // namespace

std::optional<std::string> Expecter::check(const ast::Expectation& x) {
  switch (x.kind) {
    case ast::Expectation::Kind::Value: return value(x);
    case ast::Expectation::Kind::Controle: return controle(x);
    case ast::Expectation::Kind::EveryControle: return everyControle(x);
    case ast::Expectation::Kind::Output: return output(x);
  }
  return std::nullopt;
}

std::optional<bool> Expecter::truth(const ast::TestValue& v) {
  if (const auto* b = std::get_if<bool>(&v.value); b && v.kind == ast::TestValue::Kind::Bool) return *b;
  diags_.report(Code::E0702, v.span, trf("expected `waar` or `onwaar`, found `{}`", v.text));
  return std::nullopt;
}

std::optional<Value> Expecter::expected(const ast::TestValue& v, const check::Type& type) {
  using K = ast::TestValue::Kind;
  const check::Program& p = engine_.program();
  if (v.kind == K::Empty) return Value{Empty{}};
  auto mismatch = [&]() -> std::optional<Value> {
    auto& d = diags_.report(Code::E0702, v.span,
                            trf("`{}` is not a value of type {}", v.text, check::typeName(type, p.tables)));
    d.help =
        tr("write a number as `826`, `-3`, `2/3` or `0,75`, a text between quotes, a date as jjjj-mm-dd, "
           "`waar`, `onwaar` or `leeg`");
    return std::nullopt;
  };
  switch (type.kind) {
    case check::Kind::Integer:
    case check::Kind::Number: {
      if (v.kind != K::Number) return mismatch();
      auto n = check::numberLiteral(v.text, v.span, diags_);
      if (!n) return std::nullopt;
      mpq_class q = n->value;
      if (!v.denominator.empty()) {
        auto d = check::numberLiteral(v.denominator, v.span, diags_);
        if (!d) return std::nullopt;
        if (d->value == 0) {
          diags_.report(Code::E0702, v.span, trf("`{}/{}` divides by zero", v.text, v.denominator));
          return std::nullopt;
        }
        q /= d->value;
        q.canonicalize();
      }
      return Value{q};
    }
    case check::Kind::Text:
      if (v.kind != K::Text && v.kind != K::Word) return mismatch();
      return Value{v.text};
    case check::Kind::Bool:
      if (v.kind != K::Bool) return mismatch();
      return v.value;
    case check::Kind::Date:
      if (v.kind != K::Date) return mismatch();
      return v.value;
    case check::Kind::Entity: {
      if (v.kind != K::Text && v.kind != K::Word) return mismatch();
      const int row = entity(type.table, v);
      if (row < 0) return std::nullopt;
      return Value{EntityRef{type.table, row}};
    }
    case check::Kind::Herkomst: return mismatch();
  }
  return mismatch();
}

int Expecter::entity(int table, const ast::TestValue& v) {
  eval::Evaluation& ev = engine_.evaluation();
  const check::Table& t = engine_.program().tables[static_cast<std::size_t>(table)];
  std::string error;
  if (auto found = explain::findEntity(ev, t.name + ":" + v.text, table, error)) return found->row;
  std::vector<std::string> names;
  const data::TableData& rows = engine_.dataset().tables[static_cast<std::size_t>(table)];
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (t.key >= 0) names.push_back(ev.format(rows.cell(r, static_cast<std::size_t>(t.key))));
    if (t.nameColumn >= 0) names.push_back(ev.format(rows.cell(r, static_cast<std::size_t>(t.nameColumn))));
  }
  auto& d =
      diags_.report(Code::E0701, v.span, trf("no {} is called `{}` in this test's data", t.name, v.text));
  if (auto m = closestMatch(v.text, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
  return -1;
}

std::optional<std::string> Expecter::value(const ast::Expectation& x) {
  const check::Program& p = engine_.program();
  eval::Evaluation& ev = engine_.evaluation();
  int def = -1, param = -1;
  for (std::size_t i = 0; i < p.definitions.size(); ++i)
    if (p.definitions[i].name == x.name.name) def = static_cast<int>(i);
  for (std::size_t i = 0; i < p.parameters.size() && def < 0; ++i)
    if (p.parameters[i].name == x.name.name) param = static_cast<int>(i);
  if (def < 0 && param < 0) {
    std::vector<std::string> names;
    for (const check::Definition& d : p.definitions) names.push_back(d.name);
    for (const check::Parameter& prm : p.parameters) names.push_back(prm.name);
    auto& d = diags_.report(Code::E0701, x.name.span,
                            trf("the rules have no definition or parameter `{}`", x.name.name));
    if (auto m = closestMatch(x.name.name, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
    return std::nullopt;
  }
  const check::Type type = def >= 0 ? p.definitions[static_cast<std::size_t>(def)].type
                                    : p.parameters[static_cast<std::size_t>(param)].type;
  const int subject = def >= 0 ? p.definitions[static_cast<std::size_t>(def)].subject : -1;
  int row = -1;
  if (subject >= 0 && !x.entity) {
    auto& d = diags_.report(Code::E0702, x.name.span,
                            trf("`{}` has a value per {}: say for which one", x.name.name,
                                p.tables[static_cast<std::size_t>(subject)].name));
    d.help = trf("for example `verwacht {} van \"...\" = ...`, with the key or the name of the {}",
                 x.name.name, p.tables[static_cast<std::size_t>(subject)].name);
    return std::nullopt;
  }
  if (subject < 0 && x.entity) {
    diags_.report(Code::E0702, x.entity->span, trf("`{}` is one value, not one per entity", x.name.name))
        .help = tr("leave out `van ...`");
    return std::nullopt;
  }
  if (subject >= 0) {
    row = entity(subject, *x.entity);
    if (row < 0) return std::nullopt;
  }
  auto want = expected(x.expected, type);
  if (!want) return std::nullopt;
  const std::string what =
      subject >= 0 ? trf("{} of {}", x.name.name, ev.entityName(subject, row)) : x.name.name;
  if (def >= 0 && !ev.selected(def))
    return trf("expected {} = {}, but it is a reading of a keuze that is not chosen in this test", what,
               shown(ev, *want));
  const eval::Computed* got = def >= 0 ? ev.definition(def, row) : ev.parameter(param);
  if (got == nullptr) {
    ev.recover();
    return trf("expected {} = {}, but it could not be computed (see above)", what, shown(ev, *want));
  }
  if (got->value == *want) return std::nullopt;
  std::string out = trf("expected {} = {}\n  computed: {}", what, shown(ev, *want), shown(ev, got->value));
  if (def >= 0) {
    explain::Options o;
    o.depth = 1;
    if (auto node = explain::explain(ev, def, row, o))
      out +=
          "\n" + std::string(tr("  how it was computed:")) + "\n" + indented(explain::renderText(*node), 4);
  }
  return out;
}

std::string Expecter::outcome(int i) const {
  const auto& r = controles_[static_cast<std::size_t>(i)];
  if (!r) return tr("it could not be computed (see above)");
  if (r->failures.empty() && r->undecided == 0) return tr("it holds");
  eval::Evaluation& ev = engine_.evaluation();
  const check::Controle& c = engine_.program().controles[static_cast<std::size_t>(i)];
  std::string out = c.subject < 0
                        ? std::string(tr("it does not hold"))
                        : trf("it does not hold for {} of the {} rows", r->failures.size(), r->checked);
  const std::size_t shownRows = std::min<std::size_t>(r->failures.size(), 5);
  for (std::size_t k = 0; k < shownRows; ++k) {
    const auto& f = r->failures[k];
    const std::string who = f.row >= 0 ? ev.entityName(c.subject, f.row) : std::string();
    out += "\n    " + (who.empty() ? f.detail : f.detail.empty() ? who : who + ": " + f.detail);
  }
  if (shownRows < r->failures.size()) out += "\n    " + trf("and {} more", r->failures.size() - shownRows);
  if (r->undecided > 0) out += "\n    " + trf("{} not decided (a tie)", r->undecided);
  return out;
}

std::optional<std::string> Expecter::controle(const ast::Expectation& x) {
  const check::Program& p = engine_.program();
  int found = -1;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < p.controles.size(); ++i) {
    if (p.controles[i].claim != x.claim) continue;
    names.push_back(p.controles[i].description);
    if (p.controles[i].description == x.description) found = static_cast<int>(i);
  }
  if (found < 0) {
    auto& d = diags_.report(Code::E0701, x.span,
                            x.claim ? trf("the rules have no claim \"{}\"", x.description)
                                    : trf("the rules have no controle \"{}\"", x.description));
    if (auto m = closestMatch(x.description, names); !m.empty()) d.help = trf("did you mean \"{}\"?", m);
    return std::nullopt;
  }
  auto want = truth(x.expected);
  if (!want) return std::nullopt;
  const auto& r = controles_[static_cast<std::size_t>(found)];
  const bool held = r && r->failures.empty() && r->undecided == 0;
  if (r && held == *want) return std::nullopt;
  const std::string what =
      x.claim ? trf("claim \"{}\"", x.description) : trf("controle \"{}\"", x.description);
  return *want ? trf("expected {} to hold\n  but {}", what, outcome(found))
               : trf("expected {} not to hold\n  but {}", what, outcome(found));
}

std::optional<std::string> Expecter::everyControle(const ast::Expectation& x) {
  auto want = truth(x.expected);
  if (!want) return std::nullopt;
  const check::Program& p = engine_.program();
  std::string failing;
  std::size_t count = 0;
  for (std::size_t i = 0; i < p.controles.size(); ++i) {
    const check::Controle& c = p.controles[i];
    if (c.reportOnly) continue;  // `ter toetsing`: a known outcome, never a failure of the rules
    const auto& r = controles_[i];
    if (r && r->failures.empty() && r->undecided == 0) continue;
    ++count;
    failing += "\n  " +
               (c.claim ? trf("claim \"{}\"", c.description) : trf("controle \"{}\"", c.description)) + ": " +
               outcome(static_cast<int>(i));
  }
  if (*want && count == 0) return std::nullopt;
  if (!*want && count > 0) return std::nullopt;
  return *want ? trf("expected every controle and claim to hold, but {} did not:", count) + failing
               : std::string(tr("expected some controle or claim not to hold, but every one holds"));
}

std::optional<std::string> Expecter::output(const ast::Expectation& x) {
  auto decisions = engine_.decisions();
  if (!decisions) {
    engine_.evaluation().recover();
    return trf("expected output \"{}\", but the outputs could not be made (see above)", x.description);
  }
  const output::DecisionTable* table = nullptr;
  std::vector<std::string> names;
  for (const output::DecisionTable& t : decisions->tables) {
    names.push_back(t.file);
    if (t.file == fileNameOf(x.description) || t.title == x.description) table = &t;
  }
  if (table == nullptr) {
    auto& d = diags_.report(Code::E0701, x.span, trf("the rules make no output table \"{}\"", x.description));
    if (auto m = closestMatch(fileNameOf(x.description), names); !m.empty())
      d.help = trf("did you mean \"{}\"?", m);
    return std::nullopt;
  }
  data::CsvFile file;
  std::string readError;
  if (!data::readCsvFile(x.path, 0, Limits{}, suite_.sources(), diags_, file, readError)) {
    if (file.file == 0)
      diags_.report(Code::E0703, x.span, trf("cannot read the expected table `{}`: {}", x.path, readError));
    return std::nullopt;
  }
  if (file.csv.records.empty()) {
    diags_.report(Code::E0703, x.span, trf("the expected table `{}` has no header", x.path));
    return std::nullopt;
  }
  // Only the columns the expected table has, by name; rows in order.
  std::vector<int> where;
  for (const data::CsvField& h : file.csv.records[0].fields) {
    const std::string name = trimmed(h.text);
    auto it = std::find(table->columns.begin(), table->columns.end(), name);
    if (it == table->columns.end()) {
      auto& d =
          diags_.report(Code::E0703, x.span,
                        trf("the expected table `{}` has a column `{}` that output \"{}\" does not have",
                            x.path, name, x.description));
      if (auto m = closestMatch(name, table->columns); !m.empty()) d.help = trf("did you mean `{}`?", m);
      return std::nullopt;
    }
    where.push_back(static_cast<int>(it - table->columns.begin()));
  }
  std::vector<std::string> differences;
  const std::size_t expectedRows = file.csv.records.size() - 1;
  if (expectedRows != table->rows.size())
    differences.push_back(trf("{} rows expected, {} computed", expectedRows, table->rows.size()));
  for (std::size_t r = 0; r < std::min(expectedRows, table->rows.size()); ++r) {
    const data::CsvRecord& rec = file.csv.records[r + 1];
    const auto row = table->rows[r];
    for (std::size_t c = 0; c < where.size() && c < rec.fields.size(); ++c) {
      const std::string_view ours = row[static_cast<std::size_t>(where[c])];
      if (sameCell(ours, rec.fields[c].text)) continue;
      differences.push_back(trf("{}:{}: column `{}`: expected `{}`, computed `{}`", x.path, rec.line,
                                table->columns[static_cast<std::size_t>(where[c])],
                                trimmed(rec.fields[c].text), std::string(ours)));
    }
  }
  if (differences.empty()) return std::nullopt;
  std::string out =
      trf("output \"{}\" differs from `{}` in {} places:", x.description, x.path, differences.size());
  for (std::size_t i = 0; i < std::min<std::size_t>(differences.size(), 10); ++i)
    out += "\n  " + differences[i];
  if (differences.size() > 10) out += "\n  " + trf("and {} more", differences.size() - 10);
  return out;
}

}  // namespace verdeel::toets
