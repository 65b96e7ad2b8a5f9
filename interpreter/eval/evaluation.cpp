#include "eval/evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "check/check.hpp"
#include "stdlib/builtins.hpp"

namespace verdeel::eval {

namespace {

using check::CExpr;

// Thrown after the diagnostic has been reported; caught at the public entry points.
struct Failure {};

// What the value being computed has read so far.
struct Collector {
  std::vector<InputRef> inputs;
  std::set<std::tuple<int, int, int, int>> seen;
  std::set<int> articles;
  std::set<int> tables;
  ast::Herkomst herkomst = ast::Herkomst::Echt;

  void add(const InputRef& r) {
    if (seen.emplace(static_cast<int>(r.kind), r.table, r.row, r.index).second) inputs.push_back(r);
  }
  void merge(const Computed& c) {
    articles.insert(c.articles.begin(), c.articles.end());
    tables.insert(c.tables.begin(), c.tables.end());
    herkomst = std::max(herkomst, c.herkomst);
  }
};

struct Frame {
  int subject = -1;  // row of the rule's subject table
  int loop = -1;     // row of the aggregate's table
  Collector* collector = nullptr;
  int article = -1;  // for diagnostics
};

stdlib::Rounding rounding(ast::RoundMode m) {
  switch (m) {
    case ast::RoundMode::HalfUp: return stdlib::Rounding::HalfUp;
    case ast::RoundMode::Down: return stdlib::Rounding::Down;
    case ast::RoundMode::Up: return stdlib::Rounding::Up;
    case ast::RoundMode::HalfEven: return stdlib::Rounding::HalfEven;
  }
  return stdlib::Rounding::HalfUp;
}

}  // namespace

struct Evaluation::Impl {
  enum class State : std::uint8_t { New, Busy, Done };
  struct Slot {
    State state = State::New;
    Computed computed;
  };
  // One apportionment: the record, what every taking-part entity read, and what the whole read.
  struct Group {
    ApportionmentRecord record;
    std::map<int, Collector> rowInputs;  // per row of the group (also rows left out by the filter)
    Collector totalInputs;
    Collector all;  // everything: each share depends on every weight
  };
  std::vector<std::vector<Slot>> definitions;  // [definition][row or 0]
  std::vector<Slot> parameters;
  std::map<std::pair<int, int>, std::unique_ptr<Group>> groups;  // (definition, group row)
};

Evaluation::Evaluation(const check::Program& program, const data::Dataset& data, Diagnostics& diags)
    : program_(program), data_(data), diags_(diags), impl_(std::make_unique<Impl>()) {
  impl_->definitions.resize(program.definitions.size());
  for (std::size_t d = 0; d < program.definitions.size(); ++d) {
    int subject = program.definitions[d].subject;
    impl_->definitions[d].resize(subject < 0 ? 1 : data.tables[static_cast<std::size_t>(subject)].size());
  }
  impl_->parameters.resize(program.parameters.size());
}

Evaluation::~Evaluation() = default;

std::string Evaluation::entityName(int table, int row) const {
  const check::Table& t = program_.tables[static_cast<std::size_t>(table)];
  const auto& cells = data_.tables[static_cast<std::size_t>(table)].rows[static_cast<std::size_t>(row)];
  std::string key =
      t.key >= 0 ? format(cells[static_cast<std::size_t>(t.key)]) : fmt::format("rij {}", row + 1);
  if (t.nameColumn >= 0 && t.nameColumn != t.key)
    return fmt::format("{} {} ({})", t.name, key, format(cells[static_cast<std::size_t>(t.nameColumn)]));
  return fmt::format("{} {}", t.name, key);
}

std::string Evaluation::format(const Value& v) const {
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
          return ast::herkomstName(x);
        else {
          const check::Table& t = program_.tables[static_cast<std::size_t>(x.table)];
          const auto& cells =
              data_.tables[static_cast<std::size_t>(x.table)].rows[static_cast<std::size_t>(x.row)];
          return t.key >= 0 ? format(cells[static_cast<std::size_t>(t.key)]) : std::to_string(x.row + 1);
        }
      },
      v);
}

// ------------------------------------------------------------------ the interpreter proper

namespace {

class Interpreter {
 public:
  Interpreter(Evaluation& ev, const check::Program& p, const data::Dataset& d, Diagnostics& diags)
      : ev_(ev), p_(p), d_(d), diags_(diags) {}

  [[noreturn]] void fail(Code code, const SourceSpan& span, std::string message, const Frame& f,
                         std::vector<Note> notes = {}) {
    auto& diag = diags_.report(code, span, std::move(message));
    diag.notes = std::move(notes);
    diag.basis = p_.basis(f.article);
    throw Failure{};
  }

  Value eval(const CExpr& e, Frame& f) {
    if (!ev_.countStep()) {
      auto& d = diags_.report(Code::E0512, e.span,
                              fmt::format("the evaluation takes more than {} steps", ev_.steps() - 1));
      d.help = "the rules or the data are far larger than usual; raise the limit with `--max-stappen`";
      d.basis = p_.basis(f.article);
      throw Failure{};
    }
    return std::visit([&](const auto& n) -> Value { return evalNode(e, n, f); }, e.node);
  }

  mpq_class number(const CExpr& e, Frame& f) {
    Value v = eval(e, f);
    if (auto* q = std::get_if<mpq_class>(&v)) return *q;
    missing(e, f);
  }

  bool truth(const CExpr& e, Frame& f) {
    Value v = eval(e, f);
    if (auto* b = std::get_if<bool>(&v)) return *b;
    missing(e, f);
  }

  [[noreturn]] void missing(const CExpr& e, const Frame& f) {
    fail(Code::E0502, e.span,
         fmt::format("this value is missing{}", current_.empty() ? "" : " for " + current_), f,
         {{SourceSpan{}, "the column is `optioneel` and the cell is blank"}});
  }

  std::string current_;  // the entity being computed, for messages

 private:
  Evaluation& ev_;
  const check::Program& p_;
  const data::Dataset& d_;
  Diagnostics& diags_;

  Value evalNode(const CExpr&, const check::Literal& n, Frame&) { return n.value; }

  Value evalNode(const CExpr& e, const check::EntityOf& n, Frame& f) {
    int row = n.scope == check::Scope::Subject ? f.subject : f.loop;
    return EntityRef{e.type.table, row};
  }

  Value evalNode(const CExpr& e, const check::Field& n, Frame& f) {
    Value ent = eval(*n.entity, f);
    const auto* ref = std::get_if<EntityRef>(&ent);
    if (!ref) missing(*n.entity, f);
    if (n.isDefinition) {
      const Computed* c = ev_.definition(n.index, ref->row);
      if (!c) throw Failure{};
      f.collector->add(InputRef{InputRef::Kind::Definition, n.table, ref->row, n.index});
      f.collector->merge(*c);
      return c->value;
    }
    const data::TableData& td = d_.tables[static_cast<std::size_t>(n.table)];
    f.collector->add(InputRef{InputRef::Kind::Cell, n.table, ref->row, n.index});
    f.collector->tables.insert(n.table);
    f.collector->herkomst = std::max(f.collector->herkomst, td.herkomst[static_cast<std::size_t>(ref->row)]);
    (void)e;
    return td.rows[static_cast<std::size_t>(ref->row)][static_cast<std::size_t>(n.index)];
  }

  Value evalNode(const CExpr&, const check::ParamRef& n, Frame& f) {
    const Computed* c = ev_.parameter(n.index);
    if (!c) throw Failure{};
    f.collector->add(InputRef{InputRef::Kind::Parameter, -1, -1, n.index});
    f.collector->merge(*c);
    return c->value;
  }

  Value evalNode(const CExpr&, const check::ScalarRef& n, Frame& f) {
    const Computed* c = ev_.definition(n.definition, -1);
    if (!c) throw Failure{};
    f.collector->add(InputRef{InputRef::Kind::Definition, -1, -1, n.definition});
    f.collector->merge(*c);
    return c->value;
  }

  Value evalNode(const CExpr&, const check::Unary& n, Frame& f) {
    if (n.op == ast::UnOp::Neg) return mpq_class(-number(*n.operand, f));
    return !truth(*n.operand, f);
  }

  Value evalNode(const CExpr& e, const check::Binary& n, Frame& f) {
    switch (n.op) {
      case ast::BinOp::And: return truth(*n.lhs, f) && truth(*n.rhs, f);
      case ast::BinOp::Or: return truth(*n.lhs, f) || truth(*n.rhs, f);
      case ast::BinOp::Add: return mpq_class(number(*n.lhs, f) + number(*n.rhs, f));
      case ast::BinOp::Sub: return mpq_class(number(*n.lhs, f) - number(*n.rhs, f));
      case ast::BinOp::Mul: return mpq_class(number(*n.lhs, f) * number(*n.rhs, f));
      case ast::BinOp::Div: {
        mpq_class a = number(*n.lhs, f);
        mpq_class b = number(*n.rhs, f);
        if (b == 0)
          fail(Code::E0501, e.span,
               fmt::format("division by zero{}", current_.empty() ? "" : " for " + current_), f,
               {{n.rhs->span, "this value is 0"}});
        return mpq_class(a / b);
      }
      default: break;
    }
    Value a = eval(*n.lhs, f);
    Value b = eval(*n.rhs, f);
    if (std::holds_alternative<Empty>(a)) missing(*n.lhs, f);
    if (std::holds_alternative<Empty>(b)) missing(*n.rhs, f);
    int c = 0;
    if (auto* qa = std::get_if<mpq_class>(&a))
      c = cmp(*qa, std::get<mpq_class>(b));
    else if (auto* da = std::get_if<Date>(&a))
      c = *da < std::get<Date>(b) ? -1 : (*da == std::get<Date>(b) ? 0 : 1);
    else
      c = a == b ? 0 : 1;
    switch (n.op) {
      case ast::BinOp::Eq: return c == 0;
      case ast::BinOp::Ne: return c != 0;
      case ast::BinOp::Lt: return c < 0;
      case ast::BinOp::Le: return c <= 0;
      case ast::BinOp::Gt: return c > 0;
      default: return c >= 0;
    }
  }

  Value evalNode(const CExpr&, const check::IsEmpty& n, Frame& f) {
    bool empty = std::holds_alternative<Empty>(eval(*n.operand, f));
    return n.negated ? !empty : empty;
  }

  Value evalNode(const CExpr&, const check::If& n, Frame& f) {
    return truth(*n.condition, f) ? eval(*n.thenValue, f) : eval(*n.elseValue, f);
  }

  Value evalNode(const CExpr& e, const check::Aggregate& n, Frame& f) {
    const auto rows = static_cast<int>(d_.tables[static_cast<std::size_t>(n.table)].size());
    Frame inner = f;
    mpq_class sum = 0;
    std::int64_t count = 0;
    std::optional<Value> best;
    std::vector<std::string> list;  // `lijst`: in the order of the table
    for (int r = 0; r < rows; ++r) {
      inner.loop = r;
      if (n.filter && !truth(*n.filter, inner)) continue;
      ++count;
      if (n.fn == ast::AggFn::Count) continue;
      if (n.fn == ast::AggFn::List) {
        const Value v = eval(*n.value, inner);
        if (!std::holds_alternative<Empty>(v)) list.push_back(ev_.format(v));
        continue;
      }
      Value v = eval(*n.value, inner);
      if (std::holds_alternative<Empty>(v)) missing(*n.value, inner);
      if (n.fn == ast::AggFn::Sum) {
        sum += std::get<mpq_class>(v);
        continue;
      }
      if (!best) {
        best = v;
        continue;
      }
      bool less = std::holds_alternative<mpq_class>(v) ? std::get<mpq_class>(v) < std::get<mpq_class>(*best)
                                                       : std::get<Date>(v) < std::get<Date>(*best);
      if ((n.fn == ast::AggFn::Min) == less && !(v == *best)) best = v;
    }
    switch (n.fn) {
      case ast::AggFn::Count: return mpq_class(static_cast<long>(count));
      case ast::AggFn::List: return fmt::format("{}", fmt::join(list, ", "));
      case ast::AggFn::Sum: return sum;
      default:
        if (!best)
          fail(Code::E0504, e.span,
               fmt::format("the {} of no {} at all{}", n.fn == ast::AggFn::Min ? "minimum" : "maximum",
                           p_.tables[static_cast<std::size_t>(n.table)].name,
                           current_.empty() ? "" : " for " + current_),
               f, {{SourceSpan{}, "no row meets the condition after `waarvoor`, or the table is empty"}});
        return *best;
    }
  }

  Value evalNode(const CExpr&, const check::Round& n, Frame& f) {
    return stdlib::round(number(*n.value, f), rounding(n.mode), n.decimals);
  }
};

// Packs a collector into the Computed record.
void finish(const check::Program& p, Computed& c, Collector& col) {
  c.inputs = std::move(col.inputs);
  if (c.article >= 0) col.articles.insert(c.article);
  c.articles.assign(col.articles.begin(), col.articles.end());
  c.tables.assign(col.tables.begin(), col.tables.end());
  c.herkomst = col.herkomst;
  // An article marked `herkomst gereconstrueerd` (or `fictief`) lowers the certainty of its values.
  if (c.article >= 0)
    if (const auto& floor = p.articles[static_cast<std::size_t>(c.article)].herkomst)
      c.herkomst = std::max(c.herkomst, *floor);
}

// Does exception `a` take precedence over `b`, directly or through a chain of `gaat voor`?
bool beats(const check::Program& p, int a, int b) {
  std::vector<int> todo{a};
  std::set<int> seen;
  while (!todo.empty()) {
    int x = todo.back();
    todo.pop_back();
    for (int y : p.exceptions[static_cast<std::size_t>(x)].beats) {
      if (y == b) return true;
      if (seen.insert(y).second) todo.push_back(y);
    }
  }
  return false;
}

}  // namespace

int ApportionmentRecord::indexOf(int row) const {
  auto it = std::lower_bound(rows.begin(), rows.end(), row);
  return it != rows.end() && *it == row ? static_cast<int>(it - rows.begin()) : -1;
}

namespace {

stdlib::Method methodOf(ast::ApportionMethod m) {
  switch (m) {
    case ast::ApportionMethod::LargestRemainder: return stdlib::Method::LargestRemainder;
    case ast::ApportionMethod::DHondt: return stdlib::Method::DHondt;
    case ast::ApportionMethod::SainteLague: return stdlib::Method::SainteLague;
    case ast::ApportionMethod::HuntingtonHill: return stdlib::Method::HuntingtonHill;
    case ast::ApportionMethod::Adams: return stdlib::Method::Adams;
  }
  return stdlib::Method::LargestRemainder;
}

// Orders two tie-break key values of one kind (numbers, texts or dates).
int compareKey(const Value& a, const Value& b) {
  if (const auto* qa = std::get_if<mpq_class>(&a)) return cmp(*qa, std::get<mpq_class>(b));
  if (const auto* da = std::get_if<Date>(&a))
    return *da < std::get<Date>(b) ? -1 : (*da == std::get<Date>(b) ? 0 : 1);
  const auto& sa = std::get<std::string>(a);
  const auto& sb = std::get<std::string>(b);
  return sa < sb ? -1 : (sa == sb ? 0 : 1);
}

}  // namespace

const ApportionmentRecord* Evaluation::apportionment(int def, int row) {
  if (failed_) return nullptr;
  const check::Definition& d = program_.definitions[static_cast<std::size_t>(def)];
  if (!d.apportion || d.subject < 0) return nullptr;
  const check::Apportionment& a = *d.apportion;
  const data::TableData& table = data_.tables[static_cast<std::size_t>(d.subject)];
  auto groupOf = [&](int r) -> std::optional<int> {
    if (a.withinColumn < 0) return -1;
    const Value& v = table.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(a.withinColumn)];
    if (const auto* ref = std::get_if<EntityRef>(&v)) return ref->row;
    return std::nullopt;
  };
  const std::optional<int> group = groupOf(row);
  if (!group) {
    const check::Table& t = program_.tables[static_cast<std::size_t>(d.subject)];
    auto& diag = diags_.report(
        Code::E0502, d.span,
        fmt::format("{} has no `{}`, so it belongs to no group of verdeling `{}`", entityName(d.subject, row),
                    t.columns[static_cast<std::size_t>(a.withinColumn)].name, d.name));
    diag.basis = program_.basis(d.article);
    failed_ = true;
    return nullptr;
  }
  auto& slot = impl_->groups[{def, *group}];
  if (slot) return &slot->record;
  auto g = std::make_unique<Impl::Group>();
  ApportionmentRecord& rec = g->record;
  rec.definition = def;
  rec.groupRow = *group;
  rec.input.method = methodOf(a.method);
  const std::string where = *group >= 0 ? " for " + entityName(a.withinTable, *group) : std::string();
  try {
    Interpreter in(*this, program_, data_, diags_);
    in.current_ = *group >= 0 ? entityName(a.withinTable, *group) : std::string();
    Frame tf{*group, -1, &g->totalInputs, d.article};
    rec.input.total = in.number(*a.total, tf).get_num();
    std::vector<std::vector<Value>> keys;
    const bool bounded = a.minimum || a.maximum;
    for (int r = 0; r < static_cast<int>(table.size()); ++r) {
      if (groupOf(r) != group) continue;
      Collector& col = g->rowInputs[r];
      in.current_ = entityName(d.subject, r);
      Frame f{r, -1, &col, d.article};
      if (a.filter && !in.truth(*a.filter, f)) continue;
      rec.rows.push_back(r);
      rec.input.weights.push_back(in.number(*a.weight, f));
      if (bounded) {
        rec.input.minimum.push_back(a.minimum ? std::optional<mpz_class>(in.number(*a.minimum, f).get_num())
                                              : std::nullopt);
        rec.input.maximum.push_back(a.maximum ? std::optional<mpz_class>(in.number(*a.maximum, f).get_num())
                                              : std::nullopt);
      }
      if (!a.tieBreak.empty()) {
        std::vector<Value> k;
        for (const check::TieKey& key : a.tieBreak) {
          Value v = in.eval(*key.key, f);
          if (std::holds_alternative<Empty>(v)) in.missing(*key.key, f);
          k.push_back(std::move(v));
        }
        keys.push_back(std::move(k));
      }
    }
    // The declared tie-break order, completed by the table's key so that it is total.
    if (!a.tieBreak.empty()) {
      const check::Table& t = program_.tables[static_cast<std::size_t>(d.subject)];
      std::vector<std::size_t> byOrder(rec.rows.size());
      std::iota(byOrder.begin(), byOrder.end(), 0);
      std::sort(byOrder.begin(), byOrder.end(), [&](std::size_t x, std::size_t y) {
        for (std::size_t k = 0; k < a.tieBreak.size(); ++k) {
          int c = compareKey(keys[x][k], keys[y][k]);
          if (c != 0) return a.tieBreak[k].descending ? c > 0 : c < 0;
        }
        if (t.key >= 0)
          return format(table.rows[static_cast<std::size_t>(rec.rows[x])][static_cast<std::size_t>(t.key)]) <
                 format(table.rows[static_cast<std::size_t>(rec.rows[y])][static_cast<std::size_t>(t.key)]);
        return rec.rows[x] < rec.rows[y];
      });
      rec.input.tieRank.resize(rec.rows.size());
      for (std::size_t k = 0; k < byOrder.size(); ++k) rec.input.tieRank[byOrder[k]] = k;
    }
  } catch (const Failure&) {
    failed_ = true;
    return nullptr;
  }
  stdlib::ApportionOutcome out = stdlib::apportion(rec.input);
  if (out.error != stdlib::ApportionError::None) {
    const bool tie = out.error == stdlib::ApportionError::Tie;
    auto& diag =
        diags_.report(tie ? Code::E0506 : Code::E0507, d.span,
                      tie ? fmt::format("a tie decides a unit of `{}`{}: {}", d.name, where, out.detail)
                          : fmt::format("`{}` cannot be apportioned{}: {}", d.name, where, out.detail));
    for (std::size_t k = 0; k < out.entities.size() && k < 20; ++k) {
      const std::size_t i = out.entities[k];
      const int r = rec.rows[i];
      std::string why;
      if (tie && rec.input.method == stdlib::Method::LargestRemainder)
        why = fmt::format(": remainder {}", formatNumber(stdlib::remainder(rec.input, out.result, i)));
      else if (!tie)
        why = fmt::format(": weight {}", formatNumber(rec.input.weights[i]));
      diag.notes.push_back({SourceSpan{}, entityName(d.subject, r) + why});
    }
    if (out.entities.size() > 20)
      diag.notes.push_back({SourceSpan{}, fmt::format("and {} more", out.entities.size() - 20)});
    if (tie)
      diag.help =
          "declare the order for ties, for example `bij gelijke stand inwoners aflopend` (the table's key is "
          "always the last tie-break)";
    diag.basis = program_.basis(d.article);
    failed_ = true;
    return nullptr;
  }
  rec.result = std::move(out.result);
  g->all = g->totalInputs;
  for (int r : rec.rows) {
    const Collector& c = g->rowInputs[r];
    g->all.articles.insert(c.articles.begin(), c.articles.end());
    g->all.tables.insert(c.tables.begin(), c.tables.end());
    g->all.herkomst = std::max(g->all.herkomst, c.herkomst);
  }
  slot = std::move(g);
  return &slot->record;
}

const Computed* Evaluation::parameter(int param) {
  if (failed_) return nullptr;
  auto& slot = impl_->parameters[static_cast<std::size_t>(param)];
  if (slot.state == Impl::State::Done) return &slot.computed;
  const check::Parameter& p = program_.parameters[static_cast<std::size_t>(param)];
  try {
    Interpreter in(*this, program_, data_, diags_);
    Collector col;
    Frame f{-1, -1, &col, p.article};
    slot.computed.value = in.eval(*p.value, f);
    slot.computed.article = p.article;
    finish(program_, slot.computed, col);
    slot.state = Impl::State::Done;
    return &slot.computed;
  } catch (const Failure&) {
    failed_ = true;
    return nullptr;
  }
}

const Computed* Evaluation::definition(int def, int row) {
  if (failed_) return nullptr;
  auto& slot = impl_->definitions[static_cast<std::size_t>(def)][static_cast<std::size_t>(row < 0 ? 0 : row)];
  if (slot.state == Impl::State::Done) return &slot.computed;
  const check::Definition& d = program_.definitions[static_cast<std::size_t>(def)];
  if (slot.state == Impl::State::Busy) {
    // The checker rejects cycles, so this cannot happen; guard against it all the same.
    diags_.report(Code::E0301, d.span, fmt::format("`{}` depends on itself while being computed", d.name));
    failed_ = true;
    return nullptr;
  }
  slot.state = Impl::State::Busy;
  if (d.apportion) {
    // A verdeling: the entity's share of its group's apportionment (0 when the filter left it out).
    const ApportionmentRecord* rec = apportionment(def, row);
    if (!rec) {
      failed_ = true;
      return nullptr;
    }
    const Impl::Group& g = *impl_->groups.at({def, rec->groupRow});
    Collector col = g.rowInputs.at(row);
    const int k = rec->indexOf(row);
    Computed c;
    c.article = d.article;
    if (k >= 0) {
      c.value = mpq_class(rec->result.seats[static_cast<std::size_t>(k)]);
      for (const InputRef& r : g.totalInputs.inputs) col.add(r);
      col.articles.insert(g.all.articles.begin(), g.all.articles.end());
      col.tables.insert(g.all.tables.begin(), g.all.tables.end());
      col.herkomst = std::max(col.herkomst, g.all.herkomst);
    } else {
      c.value = mpq_class(0);
    }
    finish(program_, c, col);
    slot.computed = std::move(c);
    slot.state = Impl::State::Done;
    return &slot.computed;
  }
  try {
    Interpreter in(*this, program_, data_, diags_);
    in.current_ = d.subject >= 0 ? entityName(d.subject, row) : std::string();
    Collector col;
    Frame f{row, -1, &col, d.article};
    Computed c;
    // Default logic: the exceptions whose condition holds and that no other such exception overrules.
    std::vector<int> held;
    for (int e : d.exceptions) {
      const check::Exception& ex = program_.exceptions[static_cast<std::size_t>(e)];
      Frame ef{row, -1, &col, ex.article};
      bool holds = in.truth(*ex.condition, ef);
      c.exceptions.push_back(ExceptionOutcome{e, holds, -1});
      if (holds) held.push_back(e);
    }
    std::vector<int> winners;
    for (int e : held) {
      int overruledBy = -1;
      for (int o : held)
        if (o != e && beats(program_, o, e)) overruledBy = o;
      for (auto& out : c.exceptions)
        if (out.exception == e) out.overruledBy = overruledBy;
      if (overruledBy < 0) winners.push_back(e);
    }
    if (winners.size() > 1) {
      const check::Exception& a = program_.exceptions[static_cast<std::size_t>(winners[0])];
      const check::Exception& b = program_.exceptions[static_cast<std::size_t>(winners[1])];
      auto& diag = diags_.report(
          Code::E0503, a.span,
          fmt::format("exceptions `{}` and `{}` on `{}` both apply{}, and neither goes before the other",
                      a.name, b.name, d.name, in.current_.empty() ? "" : " to " + in.current_));
      diag.notes.push_back({b.span, fmt::format("exception `{}` is here", b.name)});
      diag.help = fmt::format("state which one wins, for example `gaat voor {}` after exception `{}`", b.name,
                              a.name);
      diag.basis = program_.basis(d.article);
      throw Failure{};
    }
    if (winners.empty()) {
      c.value = in.eval(*d.body, f);
      c.article = d.article;
    } else {
      const check::Exception& ex = program_.exceptions[static_cast<std::size_t>(winners[0])];
      Frame ef{row, -1, &col, ex.article};
      c.value = in.eval(*ex.body, ef);
      c.article = ex.article;
      c.exception = winners[0];
      if (d.article >= 0) col.articles.insert(d.article);
    }
    finish(program_, c, col);
    slot.computed = std::move(c);
    slot.state = Impl::State::Done;
    return &slot.computed;
  } catch (const Failure&) {
    failed_ = true;
    return nullptr;
  }
}

std::optional<ControleResult> Evaluation::controle(int index) {
  if (failed_) return std::nullopt;
  const check::Controle& c = program_.controles[static_cast<std::size_t>(index)];
  ControleResult out;
  out.controle = index;
  try {
    Interpreter in(*this, program_, data_, diags_);
    const int rows =
        c.subject < 0 ? 1 : static_cast<int>(data_.tables[static_cast<std::size_t>(c.subject)].size());
    for (int r = 0; r < rows; ++r) {
      int row = c.subject < 0 ? -1 : r;
      in.current_ = c.subject >= 0 ? entityName(c.subject, row) : std::string();
      Collector col;
      Frame f{row, -1, &col, c.article};
      ++out.checked;
      const bool held = in.truth(*c.condition, f);
      std::string sides;
      if (const auto* b = std::get_if<check::Binary>(&c.condition->node)) {
        if (b->op != ast::BinOp::And && b->op != ast::BinOp::Or && (!held || c.subject < 0))
          sides =
              fmt::format("links {}, rechts {}", format(in.eval(*b->lhs, f)), format(in.eval(*b->rhs, f)));
      }
      out.herkomst = std::max(out.herkomst, col.herkomst);
      if (c.subject < 0) out.sides = sides;
      if (held) continue;
      out.failures.push_back(ControleFailure{row, std::move(sides)});
    }
  } catch (const Failure&) {
    failed_ = true;
    return std::nullopt;
  }
  return out;
}

}  // namespace verdeel::eval
