#include "explain/calculation.hpp"

#include <fmt/format.h>

#include "stdlib/builtins.hpp"

namespace verdeel::explain {

// The name of a bare value (a definition, a parameter or a column), or empty.
std::string nameOf(const check::Program& p, const check::CExpr& e);

namespace {

struct Term {
  std::string text;  // as written with the numbers in
  mpq_class value;
  int precedence = 3;  // 1: + -, 2: × /, 3: a number or a call
};

std::string number(const mpq_class& q) {
  if (formatNumber(q).find('/') == std::string::npos) return formatDutch(q, 12);
  return formatNumber(q);  // an exact fraction keeps its form: 47/304
}

class Filler {
 public:
  Filler(eval::Evaluation& ev, int subjectTable, int row) : ev_(ev), table_(subjectTable), row_(row) {}

  std::optional<Term> term(const check::CExpr& e) {
    if (auto t = std::visit([&](const auto& n) { return node(n); }, e.node)) return t;
    // Anything else that gives a number (an aggregate, a value of another entity reached through a
    // reference, a condition inside arithmetic) is shown by its value, as the evaluator computed it;
    // the tree below shows where it comes from.
    if (!e.type.numeric() || rounded) return std::nullopt;
    const auto v = ev_.evaluate(e, table_, row_);
    return v ? leaf(*v) : std::nullopt;
  }

  // A condition with its numbers filled in (`74.317 < 25.000`), and whether it holds; the text is
  // empty when the condition is not a comparison of numbers (then only its outcome is shown).
  std::optional<std::pair<std::string, bool>> condition(const check::CExpr& e) {
    const auto v = ev_.evaluate(e, table_, row_);
    const bool* holds = v ? std::get_if<bool>(&*v) : nullptr;
    if (!holds) return std::nullopt;
    return std::pair{conditionText(e), *holds};
  }

  std::optional<std::string> rounded;  // the last step: `→ 63`

 private:
  eval::Evaluation& ev_;
  int table_;
  int row_;

  std::string conditionText(const check::CExpr& e) {
    if (const auto* u = std::get_if<check::Unary>(&e.node); u && u->op == ast::UnOp::Not) {
      const std::string inner = conditionText(*u->operand);
      return inner.empty() ? std::string() : "niet " + inner;
    }
    if (const auto* empty = std::get_if<check::IsEmpty>(&e.node)) {
      const std::string name = nameOf(ev_.program(), *empty->operand);
      return name.empty() ? std::string() : name + (empty->negated ? " is niet leeg" : " is leeg");
    }
    const auto* b = std::get_if<check::Binary>(&e.node);
    if (!b) return nameOf(ev_.program(), e);
    if (b->op == ast::BinOp::And || b->op == ast::BinOp::Or) {
      const std::string l = conditionText(*b->lhs), r = conditionText(*b->rhs);
      if (l.empty() || r.empty()) return {};
      return fmt::format("({}) {} ({})", l, b->op == ast::BinOp::And ? "en" : "of", r);
    }
    const char* sign = nullptr;
    switch (b->op) {
      case ast::BinOp::Eq: sign = " = "; break;
      case ast::BinOp::Ne: sign = " <> "; break;
      case ast::BinOp::Lt: sign = " < "; break;
      case ast::BinOp::Le: sign = " <= "; break;
      case ast::BinOp::Gt: sign = " > "; break;
      case ast::BinOp::Ge: sign = " >= "; break;
      default: return {};
    }
    if (!b->lhs->type.numeric() || !b->rhs->type.numeric()) return {};
    const auto saved = rounded;
    auto l = term(*b->lhs);
    auto r = term(*b->rhs);
    rounded = saved;
    if (!l || !r) return {};
    return l->text + sign + r->text;
  }

  std::optional<Term> leaf(const Value& v) {
    const auto* q = std::get_if<mpq_class>(&v);
    if (!q) return std::nullopt;
    return Term{number(*q), *q, 3};
  }
  std::optional<Term> node(const check::Literal& n) { return leaf(n.value); }
  std::optional<Term> node(const check::ParamRef& n) {
    const eval::Computed* c = ev_.parameter(n.index);
    return c ? leaf(c->value) : std::nullopt;
  }
  std::optional<Term> node(const check::ScalarRef& n) {
    const eval::Computed* c = ev_.definition(n.definition, -1);
    return c ? leaf(c->value) : std::nullopt;
  }
  std::optional<Term> node(const check::Field& n) {
    // Only a value of the entity itself (`inwoners`, `deze gemeente.inwoners`).
    const auto* of = n.entity ? std::get_if<check::EntityOf>(&n.entity->node) : nullptr;
    if (!of || of->scope != check::Scope::Subject || row_ < 0) return std::nullopt;
    if (n.isDefinition) {
      const eval::Computed* c = ev_.definition(n.index, row_);
      return c ? leaf(c->value) : std::nullopt;
    }
    return leaf(ev_.data().tables[static_cast<std::size_t>(n.table)].cell(static_cast<std::size_t>(row_),
                                                                          static_cast<std::size_t>(n.index)));
  }
  std::optional<Term> node(const check::Unary& n) {
    if (n.op != ast::UnOp::Neg) return std::nullopt;
    auto t = term(*n.operand);
    if (!t) return std::nullopt;
    return Term{"-" + wrap(*t, 3), -t->value, 3};
  }
  std::optional<Term> node(const check::Binary& n) {
    const char* sign = nullptr;
    int precedence = 0;
    switch (n.op) {
      case ast::BinOp::Add: sign = " + ", precedence = 1; break;
      case ast::BinOp::Sub: sign = " - ", precedence = 1; break;
      case ast::BinOp::Mul: sign = " × ", precedence = 2; break;
      case ast::BinOp::Div: sign = " / ", precedence = 2; break;
      default: return std::nullopt;
    }
    auto l = term(*n.lhs);
    auto r = term(*n.rhs);
    if (!l || !r) return std::nullopt;
    mpq_class v;
    switch (n.op) {
      case ast::BinOp::Add: v = l->value + r->value; break;
      case ast::BinOp::Sub: v = l->value - r->value; break;
      case ast::BinOp::Mul: v = l->value * r->value; break;
      default:
        if (r->value == 0) return std::nullopt;
        v = l->value / r->value;
    }
    // The right side of - and / keeps its brackets also at equal precedence: a - (b - c).
    const bool tight = n.op == ast::BinOp::Sub || n.op == ast::BinOp::Div;
    return Term{wrap(*l, precedence) + sign + wrap(*r, tight ? precedence + 1 : precedence), v, precedence};
  }
  std::optional<Term> node(const check::Round& n) {
    auto t = term(*n.value);
    if (!t) return std::nullopt;
    const mpq_class r = stdlib::round(t->value, eval::rounding(n.mode), n.decimals);
    // Rounding is the last step of the line; inside a larger expression it is not shown so.
    rounded = formatDutch(r, 12);
    return Term{t->text, r, 1};
  }
  template <class T>
  std::optional<Term> node(const T&) {
    return std::nullopt;
  }
  static std::string wrap(const Term& t, int needed) {
    return t.precedence < needed ? "(" + t.text + ")" : t.text;
  }
};

}  // namespace

std::string nameOf(const check::Program& p, const check::CExpr& e) {
  if (const auto* n = std::get_if<check::ScalarRef>(&e.node))
    return p.definitions[static_cast<std::size_t>(n->definition)].name;
  if (const auto* n = std::get_if<check::ParamRef>(&e.node))
    return p.parameters[static_cast<std::size_t>(n->index)].name;
  if (const auto* n = std::get_if<check::Field>(&e.node))
    return n->isDefinition ? p.definitions[static_cast<std::size_t>(n->index)].name
                           : p.tables[static_cast<std::size_t>(n->table)]
                                 .columns[static_cast<std::size_t>(n->index)]
                                 .name;
  return {};
}

std::optional<std::string> filledIn(eval::Evaluation& ev, const check::CExpr& body, int subjectTable,
                                    int row) {
  // `als c dan a anders b`: the condition filled in and its outcome, then the branch taken.
  if (const auto* cond = std::get_if<check::If>(&body.node)) {
    Filler f(ev, subjectTable, row);
    const auto c = f.condition(*cond->condition);
    if (!c) return std::nullopt;
    const check::CExpr& taken = c->second ? *cond->thenValue : *cond->elseValue;
    std::string line = fmt::format("{}: {}, dus `{}`", c->first.empty() ? "de voorwaarde" : c->first,
                                   c->second ? "waar" : "onwaar", c->second ? "dan" : "anders");
    if (auto rest = filledIn(ev, taken, subjectTable, row))
      return line + (std::holds_alternative<check::If>(taken.node) ? "; " : ": ") + *rest;
    const auto v = ev.evaluate(taken, subjectTable, row);
    if (!v) return std::nullopt;
    const auto* q = std::get_if<mpq_class>(&*v);
    const std::string name = nameOf(ev.program(), taken);
    return line + ": " + (name.empty() ? std::string() : name + " = ") +
           (q ? formatDutch(*q, 12) : ev.format(*v));
  }
  // A rounding counts only as the outermost step.
  const check::CExpr* inner = &body;
  const check::Round* round = std::get_if<check::Round>(&body.node);
  if (round) inner = round->value.get();
  if (const auto* u = std::get_if<check::UnitQuery>(&inner->node)) {
    // What the value means; the tree below shows the shares it reads (with their explanation).
    const std::string& x = ev.program().definitions[static_cast<std::size_t>(u->definition)].name;
    switch (u->kind) {
      case ast::UnitQueryKind::Last:
        return fmt::format("laatste_eenheid({}): wie de laatste eenheid kreeg", x);
      case ast::UnitQueryKind::Next:
        return fmt::format(
            "volgende_eenheid({}): wie de volgende eenheid had gekregen (de eerste die er geen kreeg)", x);
      case ast::UnitQueryKind::LastPriority:
        return fmt::format(
            "prioriteit_laatste({}): het overschot, de prioriteit of het gemiddelde van de laatste eenheid",
            x);
      case ast::UnitQueryKind::NextPriority:
        return fmt::format(
            "prioriteit_volgende({}): het overschot, de prioriteit of het gemiddelde van de volgende", x);
      case ast::UnitQueryKind::LastMargin:
        return fmt::format(
            "marge_laatste({}): met zoveel (hele eenheden) minder gewicht was de laatste eenheid naar de "
            "volgende gegaan, al het andere gelijk",
            x);
      case ast::UnitQueryKind::NextMargin:
        return fmt::format(
            "marge_volgende({}): zoveel (hele eenheden) meer gewicht had de volgende nodig om de laatste "
            "eenheid te krijgen, al het andere gelijk",
            x);
    }
  }
  Filler f(ev, subjectTable, row);
  auto t = f.term(*inner);
  if (!t || f.rounded) return std::nullopt;
  // A bare value (`= inwoners`) needs no line: the tree shows it.
  if (std::holds_alternative<check::Field>(inner->node) ||
      std::holds_alternative<check::Aggregate>(inner->node) ||
      std::holds_alternative<check::ParamRef>(inner->node) ||
      std::holds_alternative<check::ScalarRef>(inner->node) ||
      std::holds_alternative<check::Literal>(inner->node))
    return std::nullopt;
  const std::string result = formatDutch(t->value, 2);  // `63,08`, or `≈ 63,08` when not exact
  std::string line = fmt::format("{} {}", t->text, result.rfind("≈", 0) == 0 ? result : "= " + result);
  if (round) {
    const mpq_class r = stdlib::round(t->value, eval::rounding(round->mode), round->decimals);
    line += fmt::format(" → {}", formatDutch(r, 12));
  }
  return line;
}

}  // namespace verdeel::explain
