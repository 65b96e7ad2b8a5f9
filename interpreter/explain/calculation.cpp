#include "explain/calculation.hpp"

#include <fmt/format.h>

#include "stdlib/builtins.hpp"

namespace verdeel::explain {

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
  Filler(eval::Evaluation& ev, int row) : ev_(ev), row_(row) {}

  std::optional<Term> term(const check::CExpr& e) {
    return std::visit([&](const auto& n) { return node(n); }, e.node);
  }

  std::optional<std::string> rounded;  // the last step: `→ 63`

 private:
  eval::Evaluation& ev_;
  int row_;

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

std::optional<std::string> filledIn(eval::Evaluation& ev, const check::CExpr& body, int row) {
  // A rounding counts only as the outermost step.
  const check::CExpr* inner = &body;
  const check::Round* round = std::get_if<check::Round>(&body.node);
  if (round) inner = round->value.get();
  Filler f(ev, row);
  auto t = f.term(*inner);
  if (!t || f.rounded) return std::nullopt;
  // A bare value (`= inwoners`) needs no line: the tree shows it.
  if (std::holds_alternative<check::Field>(inner->node) ||
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
