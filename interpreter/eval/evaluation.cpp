// The driver of an evaluation: computes parameters and definitions in the Program's dependency
// order (no recursion across definitions, however long a chain of them), answers the public
// accessors, reports an evaluation error when a value that rests on it is asked for, and after a
// parameter override computes again only what the override reaches.
#include "eval/evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "eval/interpreter.hpp"
#include "eval/state.hpp"
#include "lang/language.hpp"

namespace verdeel::eval {

// ------------------------------------------------------------------ state

State::State(const check::Program& p, const data::Dataset& d) : program(p), data(d) {
  for (std::size_t t = 0; t < p.tables.size(); ++t) tableSet.push_back(pool.single(static_cast<int>(t)));
  for (std::size_t a = 0; a < p.articles.size(); ++a) articleSet.push_back(pool.single(static_cast<int>(a)));
  definitions.resize(p.definitions.size());
  for (std::size_t i = 0; i < p.definitions.size(); ++i) {
    const int subject = p.definitions[i].subject;
    definitions[i].resize(subject < 0 ? 1 : d.tables[static_cast<std::size_t>(subject)].size());
  }
  parameters.resize(p.parameters.size());
  overrides.resize(p.parameters.size());
  definitionDone.assign(p.definitions.size(), false);
  parameterDone.assign(p.parameters.size(), false);
  groups.resize(p.definitions.size());
}

std::uint32_t State::addError(Diagnostic d, bool tie) {
  errors.push_back(std::move(d));
  reported.push_back(false);
  isTie.push_back(tie);
  return static_cast<std::uint32_t>(errors.size());
}

const KeyIndex& State::columnIndex(int table, int column) {
  auto& slot = columnIndexes[{table, column}];
  if (!slot) {
    const data::TableData& td = data.tables[static_cast<std::size_t>(table)];
    slot = std::make_unique<KeyIndex>(
        rows(table),
        [&](int r) -> const Value& {
          return td.cell(static_cast<std::size_t>(r), static_cast<std::size_t>(column));
        },
        [](int) { return std::uint32_t{0}; });
  }
  return *slot;
}

const KeyIndex& State::definitionIndex(int def) {
  auto& slot = definitionIndexes[def];
  if (!slot) {
    const auto& values = definitions[static_cast<std::size_t>(def)];
    slot = std::make_unique<KeyIndex>(
        static_cast<int>(values.size()),
        [&](int r) -> const Value& { return values[static_cast<std::size_t>(r)].value; },
        [&](int r) { return values[static_cast<std::size_t>(r)].error; });
  }
  return *slot;
}

std::string State::entityName(int table, int row) const {
  const check::Table& t = program.tables[static_cast<std::size_t>(table)];
  const auto cells = data.tables[static_cast<std::size_t>(table)].row(static_cast<std::size_t>(row));
  std::string key =
      t.key >= 0 ? format(cells[static_cast<std::size_t>(t.key)]) : fmt::format("rij {}", row + 1);
  if (t.nameColumn >= 0 && t.nameColumn != t.key)
    return fmt::format("{} {} ({})", t.name, key, format(cells[static_cast<std::size_t>(t.nameColumn)]));
  return fmt::format("{} {}", t.name, key);
}

std::string State::format(const Value& v) const {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Empty>)
          return "";
        else if constexpr (std::is_same_v<T, bool>)
          return x ? "waar" : "onwaar";
        else if constexpr (std::is_same_v<T, mpq_class>)
          return formatNumber(x);
        else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else if constexpr (std::is_same_v<T, Date>)
          return x.str();
        else if constexpr (std::is_same_v<T, ast::Herkomst>)
          return std::string(ast::herkomstName(x));
        else {
          const check::Table& t = program.tables[static_cast<std::size_t>(x.table)];
          const auto cells =
              data.tables[static_cast<std::size_t>(x.table)].row(static_cast<std::size_t>(x.row));
          return t.key >= 0 ? format(cells[static_cast<std::size_t>(t.key)]) : std::to_string(x.row + 1);
        }
      },
      v);
}

// ------------------------------------------------------------------ the evaluation

int ApportionmentRecord::indexOf(int row) const {
  auto it = std::lower_bound(rows.begin(), rows.end(), row);
  return it != rows.end() && *it == row ? static_cast<int>(it - rows.begin()) : -1;
}

Evaluation::Evaluation(const check::Program& program, const data::Dataset& data, Diagnostics& diags)
    : program_(program), data_(data), diags_(diags), state_(std::make_unique<State>(program, data)) {}

Evaluation::~Evaluation() = default;

void Evaluation::setStepLimit(std::uint64_t limit) {
  state_->stepLimit = limit;
}
void Evaluation::setDigitLimit(std::size_t digits) {
  state_->digitLimit = digits;
}
void Evaluation::setCoverage(Coverage* c) {
  state_->coverage = c;
  controles_.clear();  // a controle evaluated again records what it reaches
  if (c) c->exceptions.resize(program_.exceptions.size(), 0);
}
std::uint64_t Evaluation::steps() const {
  return state_->steps;
}
void Evaluation::resetSteps() {
  state_->steps = 0;
}

std::string Evaluation::entityName(int table, int row) const {
  return state_->entityName(table, row);
}
std::string Evaluation::format(const Value& v) const {
  return state_->format(v);
}

const std::vector<int>& Evaluation::members(SetId set) const {
  return state_->pool.members(set);
}
Provenance Evaluation::cellProvenance(int table, int row) const {
  return state_->rowProvenance(table, row);
}
void Evaluation::merge(Provenance& into, const Provenance& from) {
  eval::merge(into, from, state_->pool);
}

void Evaluation::setParameter(int param, Value value) {
  State& s = *state_;
  s.overrides[static_cast<std::size_t>(param)] = std::move(value);
  // What the parameter reaches: parameters and definitions, followed in dependency order.
  std::vector<bool> dirtyParam(program_.parameters.size(), false);
  dirtyParam[static_cast<std::size_t>(param)] = true;
  for (int p : program_.parameterOrder)
    for (int q : program_.parameterReads[static_cast<std::size_t>(p)].parameters)
      if (dirtyParam[static_cast<std::size_t>(q)]) dirtyParam[static_cast<std::size_t>(p)] = true;
  std::vector<bool> dirtyDef(program_.definitions.size(), false);
  for (int d : program_.order) {
    const auto& reads = program_.definitionReads[static_cast<std::size_t>(d)];
    bool dirty = std::any_of(reads.parameters.begin(), reads.parameters.end(),
                             [&](int q) { return dirtyParam[static_cast<std::size_t>(q)]; }) ||
                 std::any_of(reads.definitions.begin(), reads.definitions.end(),
                             [&](int e) { return dirtyDef[static_cast<std::size_t>(e)]; });
    dirtyDef[static_cast<std::size_t>(d)] = dirty;
  }
  for (std::size_t p = 0; p < dirtyParam.size(); ++p)
    if (dirtyParam[p]) s.parameterDone[p] = false;
  for (std::size_t d = 0; d < dirtyDef.size(); ++d)
    if (dirtyDef[d]) s.definitionDone[d] = false;
  s.complete = false;
  controles_.clear();
}

std::vector<std::pair<int, Value>> Evaluation::overrides() const {
  std::vector<std::pair<int, Value>> out;
  for (std::size_t p = 0; p < state_->overrides.size(); ++p)
    if (state_->overrides[p]) out.emplace_back(static_cast<int>(p), *state_->overrides[p]);
  return out;
}

bool Evaluation::update() {
  State& s = *state_;
  if (failed_) return false;
  if (s.complete) return true;
  try {
    for (int p : program_.parameterOrder) {
      if (s.parameterDone[static_cast<std::size_t>(p)]) continue;
      s.parameters[static_cast<std::size_t>(p)] = computeParameter(s, p, nullptr);
      s.parameterDone[static_cast<std::size_t>(p)] = true;
    }
    for (int d : program_.order) {
      if (s.definitionDone[static_cast<std::size_t>(d)]) continue;
      if (!selected(d)) {  // a reading of a keuze that is not the one chosen: not computed
        s.definitionDone[static_cast<std::size_t>(d)] = true;
        continue;
      }
      computeDefinition(s, d);
      s.definitionDone[static_cast<std::size_t>(d)] = true;
    }
  } catch (const StepLimit& limit) {
    auto& d =
        diags_.report(Code::E0512, limit.span, trf("the evaluation takes more than {} steps", s.stepLimit));
    d.help = tr("the rules or the data are far larger than usual; raise the limit with `--max-stappen`");
    d.basis = program_.basis(limit.article);
    failed_ = true;
    return false;
  }
  s.complete = true;
  return true;
}

void Evaluation::report(std::uint32_t error) {
  State& s = *state_;
  const std::size_t e = error - 1;
  if (s.reported[e]) return;
  s.reported[e] = true;
  Diagnostic& d = s.errors[e];
  auto& out = diags_.report(d.code, d.span, d.message);
  out.notes = d.notes;
  out.help = d.help;
  out.basis = d.basis;
}

const Computed* Evaluation::demand(const Computed& c) {
  if (c.error == 0 || undecided(c)) return &c;
  report(c.error);
  failed_ = true;
  return nullptr;
}

bool Evaluation::undecided(const Computed& c) const {
  return undecidedAllowed_ && c.error != 0 && state_->isTie[c.error - 1];
}

std::vector<const ApportionmentRecord*> Evaluation::ties() {
  std::vector<const ApportionmentRecord*> out;
  if (!update()) return out;
  for (std::size_t d = 0; d < state_->groups.size(); ++d) {
    if (!selected(static_cast<int>(d))) continue;
    for (const auto& [groupRow, group] : state_->groups[d])
      if (group->record.tie) out.push_back(&group->record);
  }
  return out;
}

std::size_t Evaluation::reportUndecided() {
  std::size_t n = 0;
  for (const ApportionmentRecord* rec : ties()) {
    if (rec->tie->by != TieOutcome::By::Undecided) continue;
    report(rec->tie->error);
    ++n;
  }
  return n;
}

const Computed* Evaluation::parameter(int param) {
  if (!update()) return nullptr;
  return demand(state_->parameters[static_cast<std::size_t>(param)]);
}

bool Evaluation::selected(int def) const {
  const check::Definition& d = program_.definitions[static_cast<std::size_t>(def)];
  if (d.choiceParameter < 0) return true;
  const Value& v = state_->parameters[static_cast<std::size_t>(d.choiceParameter)].value;
  const auto* reading = std::get_if<std::string>(&v);
  return reading && *reading == d.alternative;
}

bool Evaluation::computedAny(int def) const {
  if (!selected(def) || !state_->definitionDone[static_cast<std::size_t>(def)]) return false;
  for (const Computed& c : state_->definitions[static_cast<std::size_t>(def)])
    if (c.error == 0) return true;
  return false;
}

const Computed* Evaluation::definition(int def, int row) {
  if (!update() || !selected(def)) return nullptr;
  return demand(
      state_->definitions[static_cast<std::size_t>(def)][static_cast<std::size_t>(row < 0 ? 0 : row)]);
}

std::optional<Derivation> Evaluation::derivation(int def, int row) {
  if (!definition(def, row)) return std::nullopt;
  Derivation out;
  if (program_.definitions[static_cast<std::size_t>(def)].apportion)
    apportionmentInputs(*state_, def, row, out);
  else
    (void)computeValue(*state_, def, row, &out);
  return out;
}

const ApportionmentRecord* Evaluation::apportionment(int def, int row) {
  const check::Definition& d = program_.definitions[static_cast<std::size_t>(def)];
  if (!d.apportion || d.subject < 0 || !definition(def, row)) return nullptr;
  int groupRow = -1;
  if (d.apportion->withinColumn >= 0)
    groupRow = std::get<EntityRef>(
                   data_.tables[static_cast<std::size_t>(d.subject)].cell(
                       static_cast<std::size_t>(row), static_cast<std::size_t>(d.apportion->withinColumn)))
                   .row;
  const auto& groups = state_->groups[static_cast<std::size_t>(def)];
  auto it = groups.find(groupRow);
  return it == groups.end() ? nullptr : &it->second->record;
}

std::optional<Value> Evaluation::evaluate(const check::CExpr& e, int subjectTable, int row) {
  if (!update()) return std::nullopt;
  Interpreter in(*state_);
  Collector col;
  Frame f{subjectTable, row, -1, &col, -1};
  try {
    return in.eval(e, f);
  } catch (const Poisoned&) {
    return std::nullopt;
  }
}

namespace {
// The comparisons of a condition itself, through `en` and `of`, in the order of the text.
void ownComparisons(const check::CExpr& e, std::vector<const check::CExpr*>& out) {
  const auto* b = std::get_if<check::Binary>(&e.node);
  if (!b) return;
  switch (b->op) {
    case ast::BinOp::And:
    case ast::BinOp::Or:
      ownComparisons(*b->lhs, out);
      ownComparisons(*b->rhs, out);
      return;
    case ast::BinOp::Eq:
    case ast::BinOp::Ne:
    case ast::BinOp::Lt:
    case ast::BinOp::Le:
    case ast::BinOp::Gt:
    case ast::BinOp::Ge: out.push_back(&e); return;
    default: return;
  }
}

// Both sides of a comparison the condition's evaluation did not reach (after `en` with a false
// side, or `of` with a true one), evaluated apart, so that what the outcome rests on is not
// changed; nullopt when a side is blank or cannot be computed.
std::optional<Comparison> sidesApart(Interpreter& in, const check::CExpr& e, int table, int row) {
  const auto& b = std::get<check::Binary>(e.node);
  Collector scratch;
  Frame f{table, row, -1, &scratch, -1};
  try {
    Value l = in.eval(*b.lhs, f), r = in.eval(*b.rhs, f);
    if (std::holds_alternative<Empty>(l) || std::holds_alternative<Empty>(r)) return std::nullopt;
    return Comparison{b.op, std::move(l), std::move(r)};
  } catch (const Poisoned&) {
    return std::nullopt;
  }
}

// "links 2419, rechts 2189; links 0, rechts 0"
std::string sidesText(const State& s, const std::vector<Comparison>& cs) {
  std::vector<std::string> parts;
  parts.reserve(cs.size());
  for (const Comparison& c : cs)
    parts.push_back(fmt::format("links {}, rechts {}", s.format(c.lhs), s.format(c.rhs)));
  return fmt::format("{}", fmt::join(parts, "; "));
}
}  // namespace

std::optional<ControleResult> Evaluation::controle(int index) {
  if (!update()) return std::nullopt;
  controles_.resize(program_.controles.size());
  auto& kept = controles_[static_cast<std::size_t>(index)];
  if (!kept) kept = evaluateControle(index);
  return kept;
}

std::optional<ControleResult> Evaluation::evaluateControle(int index) {
  State& s = *state_;
  const check::Controle& c = program_.controles[static_cast<std::size_t>(index)];
  ControleResult out;
  out.controle = index;
  Interpreter in(s);
  const int rows = c.subject < 0 ? 1 : s.rows(c.subject);
  // The sides of the condition's own comparisons are kept as they are evaluated: for a claim's
  // report, and for the text of a single comparison (a single value's, or one that fails).
  SideWatch watch;
  ownComparisons(*c.condition, watch.nodes);
  const bool single = watch.nodes.size() == 1 && watch.nodes.front() == c.condition.get();
  SideWatch* const watching = c.claim || (single && c.subject < 0) ? &watch : nullptr;
  for (int r = 0; r < rows; ++r) {
    const int row = c.subject < 0 ? -1 : r;
    Collector col;
    Frame f{c.subject, row, -1, &col, c.article, watching};
    ++out.checked;
    bool held = false;
    std::string sides;
    try {
      watch.sides.assign(watch.nodes.size(), std::nullopt);
      held = in.truth(*c.condition, f);
      if (single && (!held || c.subject < 0)) {
        if (!watch.sides.front()) {  // not kept: a failing comparison of an entity
          const auto& b = std::get<check::Binary>(c.condition->node);
          Value lhs = in.eval(*b.lhs, f), rhs = in.eval(*b.rhs, f);
          watch.sides.front() = Comparison{b.op, std::move(lhs), std::move(rhs)};
        }
        sides = fmt::format("links {}, rechts {}", s.format(watch.sides.front()->lhs),
                            s.format(watch.sides.front()->rhs));
      }
    } catch (const Poisoned& p) {
      Computed failedValue;
      failedValue.error = p.error;
      if (undecided(failedValue)) {  // rests on a tie nothing decided: not checked for this entity
        --out.checked;
        ++out.undecided;
        continue;
      }
      (void)demand(failedValue);
      return std::nullopt;
    } catch (const StepLimit& limit) {
      auto& d =
          diags_.report(Code::E0512, limit.span, trf("the evaluation takes more than {} steps", s.stepLimit));
      d.help = tr("the rules or the data are far larger than usual; raise the limit with `--max-stappen`");
      d.basis = program_.basis(limit.article);
      failed_ = true;
      return std::nullopt;
    }
    out.herkomst = std::max(out.herkomst, col.provenance.herkomst);
    if (c.claim) {
      ClaimRow claimRow{row, held, col.provenance.herkomst, {}, {}};
      for (std::size_t i = 0; i < watch.nodes.size(); ++i) {
        std::optional<Comparison>& kept = watch.sides[i];
        if (!kept) kept = sidesApart(in, *watch.nodes[i], c.subject, row);
        if (kept) claimRow.comparisons.push_back(std::move(*kept));
      }
      claimRow.sides = sidesText(s, claimRow.comparisons);
      out.rows.push_back(std::move(claimRow));
    }
    if (c.subject < 0) out.sides = sides;
    if (held) continue;
    out.failures.push_back(ControleFailure{row, std::move(sides)});
  }
  return out;
}

}  // namespace verdeel::eval
