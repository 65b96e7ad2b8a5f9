#include "eval/interpreter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <unordered_set>

#include "lang/language.hpp"
#include "stdlib/builtins.hpp"

namespace verdeel::eval {

stdlib::Rounding rounding(ast::RoundMode m) {
  switch (m) {
    case ast::RoundMode::HalfUp: return stdlib::Rounding::HalfUp;
    case ast::RoundMode::Down: return stdlib::Rounding::Down;
    case ast::RoundMode::Up: return stdlib::Rounding::Up;
    case ast::RoundMode::HalfEven: return stdlib::Rounding::HalfEven;
  }
  return stdlib::Rounding::HalfUp;
}

void dedupe(std::vector<InputRef>& inputs) {
  auto key = [](const InputRef& r) {
    return (static_cast<std::uint64_t>(r.kind) << 60) ^ (static_cast<std::uint64_t>(r.table + 1) << 44) ^
           (static_cast<std::uint64_t>(r.index + 1) << 24) ^ static_cast<std::uint64_t>(r.row + 1);
  };
  std::unordered_set<std::uint64_t> seen;
  std::vector<InputRef> out;
  out.reserve(inputs.size());
  for (const InputRef& r : inputs) {
    // The packed key may collide for very large tables; equal keys are compared in full.
    if (!seen.insert(key(r)).second && std::find(out.begin(), out.end(), r) != out.end()) continue;
    out.push_back(r);
  }
  inputs = std::move(out);
}

std::string Interpreter::forWhom(const Frame& f) const {
  if (f.subjectTable < 0 || f.subject < 0) return {};
  return trf(" for {}", s_.entityName(f.subjectTable, f.subject));
}

void Interpreter::fail(Code code, const SourceSpan& span, std::string message, const Frame& f,
                       std::vector<Note> notes, std::string help) {
  Diagnostic d{code, span, std::move(message), std::move(notes), std::move(help), p_.basis(f.article)};
  throw Poisoned{s_.addError(std::move(d))};
}

void Interpreter::missing(const check::CExpr& e, const Frame& f) {
  fail(Code::E0502, e.span, trf("this value is missing{}", forWhom(f)), f,
       {{SourceSpan{}, tr("the column is `optioneel` and the cell is blank")}});
}

namespace {
// The decimal digits of numerator and denominator (at most one too many; cheap: from the bit length).
std::size_t digits(const mpq_class& q) {
  return mpz_sizeinbase(q.get_num_mpz_t(), 10) + mpz_sizeinbase(q.get_den_mpz_t(), 10);
}
}  // namespace

void Interpreter::bounded(const mpq_class& q, const check::CExpr& e, const Frame& f) {
  // A limb holds fewer than 20 decimal digits: numbers of a few limbs (nearly all) pass unmeasured.
  const std::size_t limbs = mpz_size(q.get_num_mpz_t()) + mpz_size(q.get_den_mpz_t());
  if (limbs * 20 <= s_.digitLimit || digits(q) <= s_.digitLimit) return;
  fail(Code::E0513, e.span, trf("this number has more than {} digits{}", s_.digitLimit, forWhom(f)), f, {},
       tr("a calculation that grows this much (a number multiplied by itself again and again, or many "
          "fractions added) is almost certainly a mistake in the rules; raise the limit with `--max-cijfers` "
          "if it is really meant"));
}

const Value& Interpreter::ref(const check::CExpr& e, Frame& f, Value& scratch) {
  if (++s_.steps > s_.stepLimit) throw StepLimit{e.span, f.article};
  return std::visit(
      [&](const auto& n) -> const Value& {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, check::Literal>) {
          return n.value;
        } else if constexpr (std::is_same_v<T, check::Field>) {
          return field(n, f);
        } else if constexpr (std::is_same_v<T, check::ParamRef>) {
          return read(s_.parameters[static_cast<std::size_t>(n.index)],
                      InputRef{InputRef::Kind::Parameter, -1, -1, n.index}, f);
        } else if constexpr (std::is_same_v<T, check::ScalarRef>) {
          return read(s_.definitions[static_cast<std::size_t>(n.definition)][0],
                      InputRef{InputRef::Kind::Definition, -1, -1, n.definition}, f);
        } else if constexpr (std::is_same_v<T, check::If>) {
          const bool taken = truth(*n.condition, f);
          if (s_.coverage) s_.coverage->branches[&e] |= taken ? Coverage::kThen : Coverage::kElse;
          return taken ? ref(*n.thenValue, f, scratch) : ref(*n.elseValue, f, scratch);
        } else {
          evalNode(e, n, f, scratch);
          return scratch;
        }
      },
      e.node);
}

Value Interpreter::eval(const check::CExpr& e, Frame& f) {
  Value out;
  eval(e, f, out);
  return out;
}

void Interpreter::eval(const check::CExpr& e, Frame& f, Value& out) {
  const Value& v = ref(e, f, out);
  if (&v != &out) out = v;
}

const mpq_class& Interpreter::num(const check::CExpr& e, Frame& f, Value& scratch) {
  const Value& v = ref(e, f, scratch);
  if (const auto* q = std::get_if<mpq_class>(&v)) return *q;
  missing(e, f);
}

mpq_class Interpreter::number(const check::CExpr& e, Frame& f) {
  Value scratch;
  return num(e, f, scratch);
}

void SideWatch::note(const check::CExpr& e, ast::BinOp op, const Value& lhs, const Value& rhs) {
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i] == &e) {
      sides[i] = Comparison{op, lhs, rhs};
      return;
    }
}

bool Interpreter::truth(const check::CExpr& e, Frame& f) {
  Value scratch;
  const Value& v = ref(e, f, scratch);
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  missing(e, f);
}

const Value& Interpreter::read(const Computed& c, const InputRef& ref, Frame& f) {
  if (c.error != 0) throw Poisoned{c.error};
  merge(f.collector->provenance, c.provenance, s_.pool);
  if (f.collector->inputs) f.collector->inputs->push_back(ref);
  return c.value;
}

// A column or definition of an entity: of the rule's own entity or the aggregate's row without
// computing an entity value first, else through the reference the entity expression gives.
const Value& Interpreter::field(const check::Field& n, Frame& f) {
  int row = -1;
  if (const auto* of = std::get_if<check::EntityOf>(&n.entity->node)) {
    row = of->scope == check::Scope::Subject ? f.subject : f.loop;
  } else {
    Value scratch;
    const Value& ent = ref(*n.entity, f, scratch);
    const auto* r = std::get_if<EntityRef>(&ent);
    if (!r) missing(*n.entity, f);
    row = r->row;
  }
  const auto at = static_cast<std::size_t>(row);
  if (n.isDefinition)
    return read(s_.definitions[static_cast<std::size_t>(n.index)][at],
                InputRef{InputRef::Kind::Definition, n.table, row, n.index}, f);
  merge(f.collector->provenance, s_.rowProvenance(n.table, row), s_.pool);
  if (f.collector->inputs)
    f.collector->inputs->push_back(InputRef{InputRef::Kind::Cell, n.table, row, n.index});
  return d_.tables[static_cast<std::size_t>(n.table)].cell(at, static_cast<std::size_t>(n.index));
}

namespace {
// The number `out` holds, made a number first when it holds something else. A number computed into
// the place it is kept is not moved: moving a GMP rational allocates (the moved-from one is made
// anew), and reusing one keeps its memory.
mpq_class& numberIn(Value& out) {
  if (auto* q = std::get_if<mpq_class>(&out)) return *q;
  return out.emplace<mpq_class>();
}
}  // namespace

void Interpreter::evalNode(const check::CExpr& e, const check::EntityOf& n, Frame& f, Value& out) {
  out = EntityRef{e.type.table, n.scope == check::Scope::Subject ? f.subject : f.loop};
}

void Interpreter::evalNode(const check::CExpr&, const check::Unary& n, Frame& f, Value& out) {
  Value scratch;
  if (n.op == ast::UnOp::Neg) {
    const mpq_class& a = num(*n.operand, f, scratch);
    mpq_neg(numberIn(out).get_mpq_t(), a.get_mpq_t());
    return;
  }
  out = !truth(*n.operand, f);
}

void Interpreter::evalNode(const check::CExpr& e, const check::Binary& n, Frame& f, Value& out) {
  Value sa, sb;
  switch (n.op) {
    case ast::BinOp::And: out = truth(*n.lhs, f) && truth(*n.rhs, f); return;
    case ast::BinOp::Or: out = truth(*n.lhs, f) || truth(*n.rhs, f); return;
    case ast::BinOp::Add:
    case ast::BinOp::Sub:
    case ast::BinOp::Mul:
    case ast::BinOp::Div: {
      const mpq_class& a = num(*n.lhs, f, sa);
      const mpq_class& b = num(*n.rhs, f, sb);
      if (n.op == ast::BinOp::Div && sgn(b) == 0)
        fail(Code::E0501, e.span, trf("division by zero{}", forWhom(f)), f,
             {{n.rhs->span, tr("this value is 0")}});
      mpq_class& r = numberIn(out);
      if (n.op == ast::BinOp::Add)
        exact(ExactOp::Add, r, a, b);
      else if (n.op == ast::BinOp::Sub)
        exact(ExactOp::Sub, r, a, b);
      else if (n.op == ast::BinOp::Mul)
        exact(ExactOp::Mul, r, a, b);
      else
        mpq_div(r.get_mpq_t(), a.get_mpq_t(), b.get_mpq_t());
      bounded(r, e, f);
      return;
    }
    default: break;
  }
  const Value& a = ref(*n.lhs, f, sa);
  const Value& b = ref(*n.rhs, f, sb);
  if (std::holds_alternative<Empty>(a)) missing(*n.lhs, f);
  if (std::holds_alternative<Empty>(b)) missing(*n.rhs, f);
  if (f.watch) f.watch->note(e, n.op, a, b);
  int c = 0;
  if (const auto* qa = std::get_if<mpq_class>(&a))
    c = compare(*qa, std::get<mpq_class>(b));
  else if (const auto* da = std::get_if<Date>(&a))
    c = *da < std::get<Date>(b) ? -1 : (*da == std::get<Date>(b) ? 0 : 1);
  else
    c = a == b ? 0 : 1;
  switch (n.op) {
    case ast::BinOp::Eq: out = c == 0; return;
    case ast::BinOp::Ne: out = c != 0; return;
    case ast::BinOp::Lt: out = c < 0; return;
    case ast::BinOp::Le: out = c <= 0; return;
    case ast::BinOp::Gt: out = c > 0; return;
    default: out = c >= 0; return;
  }
}

void Interpreter::evalNode(const check::CExpr&, const check::IsEmpty& n, Frame& f, Value& out) {
  Value scratch;
  const bool empty = std::holds_alternative<Empty>(ref(*n.operand, f, scratch));
  out = n.negated ? !empty : empty;
}

// An aggregate over the rows of a table that meet its condition. With a key lookup only the rows the
// index gives are visited. The provenance (and, in a derivation, the inputs) of a row that does not
// meet the condition is dropped: what the value rests on is the rows that took part; with no row at
// all it rests on the table as a whole.
void Interpreter::evalNode(const check::CExpr& e, const check::Aggregate& n, Frame& f, Value& out) {
  Collector& col = *f.collector;
  std::span<const int> candidates;
  const check::KeyLookup* lookup = n.lookup ? &*n.lookup : nullptr;
  if (lookup) {
    const Value key = eval(*lookup->key, f);
    if (std::holds_alternative<Empty>(key)) missing(*lookup->key, f);
    const KeyIndex& index =
        lookup->isDefinition ? s_.definitionIndex(lookup->index) : s_.columnIndex(n.table, lookup->index);
    if (index.failedKey() != 0) throw Poisoned{index.failedKey()};
    if (index.blankRow() >= 0) {
      Frame at = f;
      at.loop = index.blankRow();
      missing(*lookup->column, at);
    }
    candidates = index.rows(key);
  }
  Frame inner = f;
  inner.watch = nullptr;  // a comparison in the condition of a row is not one of the controle's own
  // A sum is added up where it is kept.
  mpq_class* sum = nullptr;
  if (n.fn == ast::AggFn::Sum) {
    sum = &numberIn(out);
    *sum = 0;
  }
  std::int64_t count = 0;
  std::optional<Value> best;
  std::vector<std::string> list;  // `lijst`: in the order of the table
  auto visit = [&](int r) {
    inner.loop = r;
    const Provenance before = col.provenance;
    const std::size_t mark = col.inputs ? col.inputs->size() : 0;
    bool meets = true;
    if (lookup) {
      // The key was compared through the index; the row's key is one of what it read.
      if (lookup->isDefinition)
        (void)read(s_.definitions[static_cast<std::size_t>(lookup->index)][static_cast<std::size_t>(r)],
                   InputRef{InputRef::Kind::Definition, n.table, r, lookup->index}, inner);
      else if (col.inputs)
        col.inputs->push_back(InputRef{InputRef::Kind::Cell, n.table, r, lookup->index});
      for (const check::CExpr* c : lookup->rest)
        if (!(meets = truth(*c, inner))) break;
    } else if (n.filter) {
      meets = truth(*n.filter, inner);
    }
    if (!meets) {
      col.provenance = before;
      if (col.inputs) col.inputs->resize(mark);
      return;
    }
    merge(col.provenance, s_.rowProvenance(n.table, r), s_.pool);
    ++count;
    if (n.fn == ast::AggFn::Count) return;
    Value scratch;
    const Value& v = ref(*n.value, inner, scratch);
    if (n.fn == ast::AggFn::List) {
      if (!std::holds_alternative<Empty>(v)) list.push_back(s_.format(v));
      return;
    }
    if (std::holds_alternative<Empty>(v)) missing(*n.value, inner);
    if (n.fn == ast::AggFn::Sum) {
      exact(ExactOp::Add, *sum, *sum, std::get<mpq_class>(v));
      bounded(*sum, e, f);
      return;
    }
    if (!best) {
      best = v;
      return;
    }
    const bool less = std::holds_alternative<mpq_class>(v)
                          ? compare(std::get<mpq_class>(v), std::get<mpq_class>(*best)) < 0
                          : std::get<Date>(v) < std::get<Date>(*best);
    if ((n.fn == ast::AggFn::Min) == less && !(v == *best)) best = v;
  };
  if (lookup)
    for (int r : candidates) visit(r);
  else
    for (int r = 0, rows = s_.rows(n.table); r < rows; ++r) visit(r);
  if (count == 0) merge(col.provenance, s_.tableProvenance(n.table), s_.pool);
  switch (n.fn) {
    case ast::AggFn::Count: numberIn(out) = static_cast<long>(count); return;
    case ast::AggFn::List: out = fmt::format("{}", fmt::join(list, ", ")); return;
    case ast::AggFn::Sum: return;
    default:
      if (!best)
        fail(Code::E0504, e.span,
             n.fn == ast::AggFn::Min ? trf("the minimum of no {} at all{}",
                                           p_.tables[static_cast<std::size_t>(n.table)].name, forWhom(f))
                                     : trf("the maximum of no {} at all{}",
                                           p_.tables[static_cast<std::size_t>(n.table)].name, forWhom(f)),
             f, {{SourceSpan{}, tr("no row meets the condition after `waarvoor`, or the table is empty")}});
      out = std::move(*best);
      return;
  }
}

void Interpreter::evalNode(const check::CExpr&, const check::Round& n, Frame& f, Value& out) {
  Value scratch;
  const mpq_class& q = num(*n.value, f, scratch);
  numberIn(out) = stdlib::round(q, rounding(n.mode), n.decimals);
}

}  // namespace verdeel::eval
