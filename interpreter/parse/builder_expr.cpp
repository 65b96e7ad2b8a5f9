#include "lang/language.hpp"
#include "parse/builder.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace verdeel::parse {

ast::BinOp Builder::binOp(antlr4::Token* op) {
  switch (op->getType()) {
    case L::PLUS: return ast::BinOp::Add;
    case L::MINUS: return ast::BinOp::Sub;
    case L::STAR: return ast::BinOp::Mul;
    case L::SLASH: return ast::BinOp::Div;
    case L::EQ: return ast::BinOp::Eq;
    case L::NE: return ast::BinOp::Ne;
    case L::LT: return ast::BinOp::Lt;
    case L::LE: return ast::BinOp::Le;
    case L::GT: return ast::BinOp::Gt;
    default: return ast::BinOp::Ge;
  }
}

ast::ExprPtr Builder::expr(G::ExprContext* e) {
  if (auto* p = as<G::PrimaryExprContext>(e)) return primary(p->primary());
  if (auto* m = as<G::MemberExprContext>(e)) return make(e, ast::Member{expr(m->entity), ident(m->field)});
  if (auto* n = as<G::NegateExprContext>(e)) return make(e, ast::Unary{ast::UnOp::Neg, expr(n->operand)});
  if (auto* n = as<G::NotExprContext>(e)) return make(e, ast::Unary{ast::UnOp::Not, expr(n->operand)});
  if (auto* b = as<G::MulDivExprContext>(e))
    return make(e, ast::Binary{binOp(b->op), expr(b->lhs), expr(b->rhs)});
  if (auto* b = as<G::AddSubExprContext>(e))
    return make(e, ast::Binary{binOp(b->op), expr(b->lhs), expr(b->rhs)});
  if (auto* b = as<G::CompareExprContext>(e))
    return make(e, ast::Binary{binOp(b->op), expr(b->lhs), expr(b->rhs)});
  if (auto* b = as<G::AndExprContext>(e))
    return make(e, ast::Binary{ast::BinOp::And, expr(b->lhs), expr(b->rhs)});
  if (auto* b = as<G::OrExprContext>(e))
    return make(e, ast::Binary{ast::BinOp::Or, expr(b->lhs), expr(b->rhs)});
  if (auto* i = as<G::IsEmptyExprContext>(e))
    return make(e, ast::IsEmpty{expr(i->operand), i->negated != nullptr});
  auto* f = as<G::IfExprContext>(e);
  return make(e, ast::If{expr(f->condition), expr(f->thenValue), expr(f->elseValue)});
}

ast::ExprPtr Builder::primary(G::PrimaryContext* p) {
  // The most frequent alternative first (rules/2024 has as many names as all other primaries together).
  if (auto* n = as<G::NameRefContext>(p))
    return n->arg ? unitQuery(n) : make(p, ast::NameRef{n->name->getText()});
  if (as<G::NumberLitContext>(p)) {
    std::string t = p->getText();
    t.erase(std::remove(t.begin(), t.end(), '_'), t.end());
    return make(p, ast::NumberLit{t});
  }
  if (as<G::TextLitContext>(p)) return make(p, ast::TextLit{unquote(p->getText())});
  if (auto* d = as<G::DateLitContext>(p)) return make(p, ast::DateLit{date(d->DATE()->getSymbol())});
  if (auto* b = as<G::BoolLitContext>(p)) return make(p, ast::BoolLit{b->value->getType() == L::WAAR});
  if (auto* t = as<G::ThisEntityContext>(p)) return make(p, ast::ThisRef{ident(t->tableName)});
  if (auto* a = as<G::AggregateContext>(p)) {
    ast::AggFn fn = a->fn->getType() == L::SOM       ? ast::AggFn::Sum
                    : a->fn->getType() == L::MINIMUM ? ast::AggFn::Min
                    : a->fn->getType() == L::LIJST   ? ast::AggFn::List
                                                     : ast::AggFn::Max;
    return make(
        p, ast::Aggregate{fn, expr(a->value), ident(a->tableName), a->filter ? expr(a->filter) : nullptr});
  }
  if (auto* c = as<G::CountContext>(p))
    return make(p, ast::Aggregate{ast::AggFn::Count, nullptr, ident(c->tableName),
                                  c->filter ? expr(c->filter) : nullptr});
  if (auto* r = as<G::RoundContext>(p)) {
    ast::RoundMode mode = ast::RoundMode::HalfUp;
    if (as<G::ModeDownContext>(r->rounding))
      mode = ast::RoundMode::Down;
    else if (as<G::ModeUpContext>(r->rounding))
      mode = ast::RoundMode::Up;
    else if (as<G::ModeHalfEvenContext>(r->rounding))
      mode = ast::RoundMode::HalfEven;
    std::optional<int> decimals;
    if (r->decimals) {
      std::string t = r->decimals->getText();
      if (t.find('.') != std::string::npos || t.size() > 2) {
        auto& d =
            diags_.report(Code::E0107, span(r->decimals), trf("`{}` is not a usable number of decimals", t));
        d.help = tr("give a whole number from 0 to 99, for example `2 decimalen`");
      } else {
        decimals = std::stoi(t);
      }
    }
    return make(p, ast::Round{expr(r->value), mode, decimals});
  }
  auto* par = as<G::ParenContext>(p);
  return expr(par->inner);
}

// `laatste_eenheid(x)` and the other functions of a verdeling's cut-off: a name with an argument.
ast::ExprPtr Builder::unitQuery(G::NameRefContext* u) {
  static const std::pair<const char*, ast::UnitQueryKind> kinds[] = {
      {"laatste_eenheid", ast::UnitQueryKind::Last},
      {"volgende_eenheid", ast::UnitQueryKind::Next},
      {"prioriteit_laatste", ast::UnitQueryKind::LastPriority},
      {"prioriteit_volgende", ast::UnitQueryKind::NextPriority},
      {"marge_laatste", ast::UnitQueryKind::LastMargin},
      {"marge_volgende", ast::UnitQueryKind::NextMargin}};
  const std::string fn = u->name->getText();
  std::vector<std::string> names;
  for (const auto& [name, kind] : kinds) {
    if (fn == name) return make(u, ast::UnitQuery{kind, ident(u->arg)});
    names.emplace_back(name);
  }
  auto& d = diags_.report(Code::E0104, span(u->name), trf("`{}(...)` is not a function of the language", fn));
  const std::string m = closestMatch(fn, names);
  d.help = m.empty() ? trf("the functions of a verdeling's cut-off are {}", fmt::join(names, ", "))
                     : trf("did you mean `{}`?", m);
  return make(u, ast::NameRef{fn});
}
}  // namespace verdeel::parse
