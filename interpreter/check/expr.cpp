// Typing of expressions and of the bodies of parameters, definitions, exceptions and controles.
// The rule that matters most: arithmetic on whole numbers stays whole except division, and a value
// declared `geheel getal` must come out whole, so every fraction meets an explicit rounding step.
#include <fmt/format.h>

#include <algorithm>

#include "check/check.hpp"
#include "check/checker.hpp"
#include "check/lookup.hpp"
#include "lang/language.hpp"

namespace verdeel::check {

namespace {

const char* opText(ast::BinOp op) {
  switch (op) {
    case ast::BinOp::Add: return "+";
    case ast::BinOp::Sub: return "-";
    case ast::BinOp::Mul: return "*";
    case ast::BinOp::Div: return "/";
    case ast::BinOp::Eq: return "=";
    case ast::BinOp::Ne: return "<>";
    case ast::BinOp::Lt: return "<";
    case ast::BinOp::Le: return "<=";
    case ast::BinOp::Gt: return ">";
    case ast::BinOp::Ge: return ">=";
    case ast::BinOp::And: return "en";
    case ast::BinOp::Or: return "of";
  }
  return "?";
}

}  // namespace

std::optional<NumberLiteral> numberLiteral(const std::string& written, const SourceSpan& span,
                                           Diagnostics& diags) {
  // `2.419` and `1.000`: a point before exactly three digits, after a whole part that is not 0, is
  // how Dutch writes thousands; read as a decimal point it would be a silent error of a factor 1000.
  // So it is refused, with both readings in the help.
  std::string text = written;
  const bool percent = !text.empty() && text.back() == '%';
  if (percent) text.pop_back();
  const auto point = text.find('.');
  if (point != std::string::npos && text.size() - point - 1 == 3 && text.substr(0, point) != "0") {
    auto& d = diags.report(Code::E0107, span,
                           trf("`{}` is ambiguous: a point before three digits reads as a thousands "
                               "separator in Dutch, as a decimal point in verdeel",
                               written));
    const std::string whole = text.substr(0, point), part = text.substr(point + 1);
    const std::string fraction = part == "000" ? whole : whole + "," + part;
    d.help = trf("for {} write `{}` or `{}`; for {} write `{}`", whole + part, whole + part,
                 whole + "_" + part, fraction, fraction);
    return std::nullopt;
  }
  NumberLiteral out;
  out.whole = text.find_first_of(".,") == std::string::npos && !percent;
  std::replace(text.begin(), text.end(), ',', '.');
  if (!parseNumber(text, '.', out.value)) {
    diags.report(Code::E0107, span, trf("`{}` is not a usable number", written));
    return std::nullopt;
  }
  if (percent) {
    out.value /= 100;
    out.value.canonicalize();
  }
  return out;
}

void Checker::bodies() {
  graph_.assign(rs_.definitions.size() + rs_.parameters.size(), {});
  for (std::size_t i = 0; i < rs_.parameters.size(); ++i) {
    const ast::ParameterDecl& a = rs_.parameters[i];
    diags_.setBasis(a.article >= 0 ? p_.basis(a.article) : "");
    Parameter out;
    out.name = a.name.name;
    out.basis = a.basis;
    out.history = a.history;
    out.article = a.article;
    out.span = a.name.span;
    if (a.article < 0 && a.basis.empty()) {
      auto& d =
          diags_.report(Code::E0210, a.name.span,
                        trf("parameter `{}` stands outside an artikel and has no `grondslag`", a.name.name));
      d.help =
          tr("add `grondslag \"art. ... \"` naming the provision that fixes this value, or move it into its "
             "artikel");
    }
    auto type = resolveType(a.type);
    deps_.clear();
    out.value = expr(*a.value, Ctx{-1, -1, true});
    graph_[static_cast<std::size_t>(paramNode(static_cast<int>(i)))] = deps_;
    if (type) {
      out.type = *type;
      assignable(*type, out.value, fmt::format("parameter `{}`", a.name.name), a.value->span);
    }
    p_.parameters.push_back(std::move(out));
  }
  // Declared types first: a rule may use a definition declared further on, and its type is the
  // declared one, whatever its body turns out to be.
  std::vector<bool> typed(rs_.definitions.size(), false);
  for (std::size_t i = 0; i < rs_.definitions.size(); ++i) {
    const ast::DefinitionDecl& a = rs_.definitions[i];
    Definition& out = p_.definitions[i];
    if (a.subject && out.subject < 0) continue;  // unknown table, reported
    diags_.setBasis(p_.basis(a.article));
    if (auto type = resolveType(a.type)) {
      out.type = *type;
      typed[i] = true;
    }
  }
  for (std::size_t i = 0; i < rs_.definitions.size(); ++i) {
    const ast::DefinitionDecl& a = rs_.definitions[i];
    Definition& out = p_.definitions[i];
    diags_.setBasis(p_.basis(a.article));
    if (a.subject && out.subject < 0) continue;  // unknown table, reported
    deps_.clear();
    if (a.apportion) {
      out.apportion = apportionment(a, out);
    } else {
      out.body = expr(*a.body, Ctx{out.subject, -1, false});
      if (typed[i]) assignable(out.type, out.body, fmt::format("`{}`", a.name.name), a.body->span);
    }
    graph_[i].insert(deps_.begin(), deps_.end());
    // A reading's definition is computed again when its keuze is set to another reading.
    if (out.choiceParameter >= 0) graph_[i].insert(paramNode(out.choiceParameter));
  }
  for (std::size_t i = 0; i < rs_.exceptions.size(); ++i) {
    const ast::ExceptionDecl& a = rs_.exceptions[i];
    Exception& out = p_.exceptions[i];
    if (out.definition < 0) continue;
    Definition& def = p_.definitions[static_cast<std::size_t>(out.definition)];
    diags_.setBasis(p_.basis(a.article));
    deps_.clear();
    Ctx c{def.subject, -1, false};
    out.condition = expr(*a.condition, c);
    if (out.condition && out.condition->type.kind != Kind::Bool) {
      diags_.report(
          Code::E0203, a.condition->span,
          trf("the condition after `als` must be true or false, but it is a {}", tname(out.condition->type)));
    }
    out.body = expr(*a.body, c);
    if (def.apportion) {
      auto& d = diags_.report(Code::E0214, a.name.span,
                              trf("`{}` is a verdeling and cannot have exceptions", def.name));
      d.help =
          tr("leave entities out with `waarvoor`, or fix their share with `minimaal` and `maximaal`; "
             "then the parts still add up to the total");
    }
    if (def.body)
      assignable(def.type, out.body, trf("exception `{}` on `{}`", a.name.name, def.name), a.body->span);
    graph_[static_cast<std::size_t>(out.definition)].insert(deps_.begin(), deps_.end());
  }
  for (const ast::ControleDecl& a : rs_.controles) {
    Controle out;
    out.description = a.description;
    out.claim = a.claim;
    out.reportOnly = a.reportOnly;
    out.source = a.source;
    out.article = a.article;
    out.span = a.span;
    diags_.setBasis(p_.basis(a.article));
    if (a.subject) {
      out.subject = p_.table(a.subject->name);
      if (out.subject < 0) {
        unknownTable(*a.subject);
        continue;
      }
    }
    deps_.clear();
    out.condition = expr(*a.condition, Ctx{out.subject, -1, false});
    for (int d : deps_)
      if (static_cast<std::size_t>(d) < rs_.definitions.size()) used_.insert(d);
    if (out.condition && out.condition->type.kind != Kind::Bool) {
      diags_.report(Code::E0203, a.condition->span,
                    trf("a {} must be true or false, but this is a {}", a.claim ? "bewering" : "controle",
                        tname(out.condition->type)));
    }
    p_.controles.push_back(std::move(out));
  }
}

bool Checker::assignable(const Type& declared, const CExprPtr& value, const std::string& what,
                         SourceSpan span) {
  if (!value) return false;
  const Type& actual = value->type;
  if (declared == actual) return true;
  if (declared.kind == Kind::Number && actual.kind == Kind::Integer) return true;
  if (declared.kind == Kind::Integer && actual.kind == Kind::Number) {
    auto& d = diags_.report(Code::E0204, span,
                            trf("{} is declared `geheel getal`, but this value can be a fraction", what));
    // A number as written is no calculation to round: the author meant another number.
    d.help =
        std::holds_alternative<Literal>(value->node)
            ? tr("write a whole number here (without a decimal point or comma); for a thousand write "
                 "`1000` or `1_000`")
            : tr("round it explicitly, for example `afgerond(..., rekenkundig)`: verdeel never rounds on "
                 "its own");
    return false;
  }
  auto& d =
      diags_.report(Code::E0203, span,
                    trf("{} is declared `{}`, but this value is a {}", what, tname(declared), tname(actual)));
  (void)d;
  return false;
}

CExprPtr Checker::field(const ast::Expr& e, CExprPtr entity, int table, const std::string& n) {
  const Table& t = p_.tables[static_cast<std::size_t>(table)];
  if (int c = t.column(n); c >= 0) {
    Type type = t.columns[static_cast<std::size_t>(c)].type;
    return node(e, type, Field{std::move(entity), table, false, c});
  }
  auto it = globals_.find(n);
  if (it != globals_.end() && it->second.isDefinition) {
    const Definition& d = p_.definitions[static_cast<std::size_t>(it->second.index)];
    if (d.subject == table) {
      deps_.insert(it->second.index);
      return node(e, d.type, Field{std::move(entity), table, true, it->second.index});
    }
  }
  return nullptr;
}

CExprPtr Checker::name(const ast::Expr& e, const std::string& n, const Ctx& c) {
  auto it = globals_.find(n);
  if (c.constant) {
    if (it != globals_.end() && !it->second.isDefinition) {
      deps_.insert(paramNode(it->second.index));
      // The type is known once the parameter itself is checked; parameters are checked in order.
      const auto& decl = rs_.parameters[static_cast<std::size_t>(it->second.index)];
      auto type = resolveType(decl.type);
      return type ? node(e, *type, ParamRef{it->second.index}) : nullptr;
    }
    auto& d = diags_.report(Code::E0201, e.span, trf("a parameter's value cannot use `{}`", n));
    d.help = tr(
        "a parameter is a fixed value: numbers, texts, dates and other parameters only; use a `definitie` to "
        "compute");
    return nullptr;
  }
  if (c.loop >= 0)
    if (auto f = field(e, node(e, Type{Kind::Entity, c.loop}, EntityOf{Scope::Loop}), c.loop, n)) return f;
  if (c.loop < 0 && c.subject >= 0)
    if (auto f = field(e, node(e, Type{Kind::Entity, c.subject}, EntityOf{Scope::Subject}), c.subject, n))
      return f;
  if (it != globals_.end()) {
    if (!it->second.isDefinition) {
      deps_.insert(paramNode(it->second.index));
      auto type = resolveType(rs_.parameters[static_cast<std::size_t>(it->second.index)].type);
      return type ? node(e, *type, ParamRef{it->second.index}) : nullptr;
    }
    const Definition& d = p_.definitions[static_cast<std::size_t>(it->second.index)];
    if (d.subject < 0) {
      deps_.insert(it->second.index);
      return node(e, d.type, ScalarRef{it->second.index});
    }
  }
  // Not visible here: explain why.
  if (c.loop >= 0 && c.subject >= 0 && c.loop != c.subject) {
    if (auto f = field(e, nullptr, c.subject, n)) {
      const std::string& sub = p_.tables[static_cast<std::size_t>(c.subject)].name;
      const std::string& loop = p_.tables[static_cast<std::size_t>(c.loop)].name;
      auto& d = diags_.report(Code::E0201, e.span, trf("`{}` is not a column or definition of {}", n, loop));
      d.help = trf("inside `... over {}` names refer to each {}; for this {} write `deze {}.{}`", loop, loop,
                   sub, sub, n);
      return nullptr;
    }
  }
  for (std::size_t ti = 0; ti < p_.tables.size(); ++ti) {
    const Table& t = p_.tables[ti];
    bool isColumn = t.column(n) >= 0;
    bool isDef = it != globals_.end() && it->second.isDefinition &&
                 p_.definitions[static_cast<std::size_t>(it->second.index)].subject == static_cast<int>(ti);
    if (!isColumn && !isDef) continue;
    auto& d = diags_.report(Code::E0205, e.span,
                            trf("`{}` has a value per {}, and here no {} is meant", n, t.name, t.name));
    if (c.subject < 0 && c.loop < 0)
      d.help = trf("use it in an aggregate such as `som({} over {})`, or make this rule `per {}`", n, t.name,
                   t.name);
    else
      d.help = trf("reach a {} through a reference, for example `x.{}` where `x` is a `verwijzing naar {}`",
                   t.name, n, t.name);
    return nullptr;
  }
  auto& d = diags_.report(Code::E0201, e.span, trf("unknown name `{}`", n));
  std::vector<std::string> names;
  for (const auto& [g, v] : globals_) names.push_back(g);
  for (int ti : {c.loop, c.subject})
    if (ti >= 0)
      for (const Column& col : p_.tables[static_cast<std::size_t>(ti)].columns) names.push_back(col.name);
  if (auto m = closestMatch(n, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
  return nullptr;
}

CExprPtr Checker::expr(const ast::Expr& e, const Ctx& c) {
  return std::visit(
      [&](const auto& n) -> CExprPtr {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::NumberLit>) {
          auto q = numberLiteral(n.text, e.span, diags_);
          if (!q) return nullptr;
          return node(e, Type{q->whole ? Kind::Integer : Kind::Number}, Literal{Value{q->value}});
        } else if constexpr (std::is_same_v<T, ast::TextLit>) {
          return node(e, Type{Kind::Text}, Literal{Value{n.value}});
        } else if constexpr (std::is_same_v<T, ast::DateLit>) {
          return node(e, Type{Kind::Date}, Literal{Value{n.value}});
        } else if constexpr (std::is_same_v<T, ast::BoolLit>) {
          return node(e, Type{Kind::Bool}, Literal{Value{n.value}});
        } else if constexpr (std::is_same_v<T, ast::NameRef>) {
          return name(e, n.name, c);
        } else if constexpr (std::is_same_v<T, ast::ThisRef>) {
          int t = p_.table(n.table.name);
          if (t < 0) {
            unknownTable(n.table);
            return nullptr;
          }
          if (t != c.subject) {
            auto& d = diags_.report(
                Code::E0213, e.span,
                trf("`deze {}` is used in a rule that is not per {}", n.table.name, n.table.name));
            d.help = c.subject >= 0
                         ? trf("this rule is per {}: write `deze {}`",
                               p_.tables[static_cast<std::size_t>(c.subject)].name,
                               p_.tables[static_cast<std::size_t>(c.subject)].name)
                         : trf("make the rule `per {}` to speak of one {}", n.table.name, n.table.name);
            return nullptr;
          }
          return node(e, Type{Kind::Entity, t}, EntityOf{Scope::Subject});
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          CExprPtr entity = expr(*n.entity, c);
          if (!entity) return nullptr;
          if (entity->type.kind != Kind::Entity) {
            auto& d = diags_.report(
                Code::E0203, n.field.span,
                trf("`.{}` needs a gemeente, provincie or other row, but the value before it is a {}",
                    n.field.name, tname(entity->type)));
            d.help = tr("only a `verwijzing naar ...` column or `deze ...` can be followed by `.naam`");
            return nullptr;
          }
          int table = entity->type.table;
          if (auto f = field(e, std::move(entity), table, n.field.name)) return f;
          const Table& t = p_.tables[static_cast<std::size_t>(table)];
          auto& d = diags_.report(Code::E0201, n.field.span,
                                  trf("{} has no column or definition `{}`", t.name, n.field.name));
          std::vector<std::string> names;
          for (const Column& col : t.columns) names.push_back(col.name);
          for (const Definition& def : p_.definitions)
            if (def.subject == table) names.push_back(def.name);
          if (auto m = closestMatch(n.field.name, names); !m.empty()) d.help = trf("did you mean `{}`?", m);
          return nullptr;
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          CExprPtr operand = expr(*n.operand, c);
          if (!operand) return nullptr;
          if (n.op == ast::UnOp::Neg) {
            if (!operand->type.numeric()) {
              diags_.report(Code::E0203, e.span,
                            trf("`-` needs a number, but this is a {}", tname(operand->type)));
              return nullptr;
            }
          } else if (operand->type.kind != Kind::Bool) {
            diags_.report(Code::E0203, e.span,
                          trf("`niet` needs true or false, but this is a {}", tname(operand->type)));
            return nullptr;
          }
          Type t = operand->type;
          return node(e, t, Unary{n.op, std::move(operand)});
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          CExprPtr lhs = expr(*n.lhs, c);
          CExprPtr rhs = expr(*n.rhs, c);
          if (!lhs || !rhs) return nullptr;
          const Type lt = lhs->type, rt = rhs->type;
          auto mismatch = [&](const char* need) -> CExprPtr {
            auto& d = diags_.report(
                Code::E0203, e.span,
                trf("`{}` needs {}, but it has a {} and a {}", opText(n.op), need, tname(lt), tname(rt)));
            (void)d;
            return nullptr;
          };
          switch (n.op) {
            case ast::BinOp::Add:
            case ast::BinOp::Sub:
            case ast::BinOp::Mul:
            case ast::BinOp::Div: {
              if (!lt.numeric() || !rt.numeric()) return mismatch(tr("two numbers"));
              bool whole = lt.kind == Kind::Integer && rt.kind == Kind::Integer && n.op != ast::BinOp::Div;
              return node(e, Type{whole ? Kind::Integer : Kind::Number},
                          Binary{n.op, std::move(lhs), std::move(rhs)});
            }
            case ast::BinOp::Eq:
            case ast::BinOp::Ne: {
              bool ok = (lt.numeric() && rt.numeric()) || lt == rt;
              if (!ok) return mismatch(tr("two values of the same kind"));
              return node(e, Type{Kind::Bool}, Binary{n.op, std::move(lhs), std::move(rhs)});
            }
            case ast::BinOp::Lt:
            case ast::BinOp::Le:
            case ast::BinOp::Gt:
            case ast::BinOp::Ge: {
              bool ok = (lt.numeric() && rt.numeric()) || (lt.kind == Kind::Date && rt.kind == Kind::Date);
              if (!ok) return mismatch(tr("two numbers or two dates"));
              return node(e, Type{Kind::Bool}, Binary{n.op, std::move(lhs), std::move(rhs)});
            }
            case ast::BinOp::And:
            case ast::BinOp::Or: {
              if (lt.kind != Kind::Bool || rt.kind != Kind::Bool)
                return mismatch(tr("true or false on both sides"));
              return node(e, Type{Kind::Bool}, Binary{n.op, std::move(lhs), std::move(rhs)});
            }
          }
          return nullptr;
        } else if constexpr (std::is_same_v<T, ast::IsEmpty>) {
          CExprPtr operand = expr(*n.operand, c);
          if (!operand) return nullptr;
          const auto* f = std::get_if<Field>(&operand->node);
          bool ok = f && !f->isDefinition &&
                    p_.tables[static_cast<std::size_t>(f->table)]
                        .columns[static_cast<std::size_t>(f->index)]
                        .optional;
          if (!ok) {
            auto& d = diags_.report(Code::E0203, e.span, tr("only an `optioneel` column can be empty"));
            d.help = tr("`is leeg` tests a column declared `optioneel`; other values always have a value");
            return nullptr;
          }
          return node(e, Type{Kind::Bool}, IsEmpty{std::move(operand), n.negated});
        } else if constexpr (std::is_same_v<T, ast::If>) {
          CExprPtr cond = expr(*n.condition, c);
          CExprPtr a = expr(*n.thenValue, c);
          CExprPtr b = expr(*n.elseValue, c);
          if (!cond || !a || !b) return nullptr;
          if (cond->type.kind != Kind::Bool) {
            diags_.report(
                Code::E0203, n.condition->span,
                trf("the condition after `als` must be true or false, but it is a {}", tname(cond->type)));
            return nullptr;
          }
          Type t = a->type;
          if (a->type.numeric() && b->type.numeric()) {
            t = Type{a->type.kind == Kind::Integer && b->type.kind == Kind::Integer ? Kind::Integer
                                                                                    : Kind::Number};
          } else if (!(a->type == b->type)) {
            auto& d = diags_.report(Code::E0203, e.span,
                                    trf("the two outcomes differ in kind: `dan` gives a {}, `anders` a {}",
                                        tname(a->type), tname(b->type)));
            (void)d;
            return nullptr;
          }
          return node(e, t, If{std::move(cond), std::move(a), std::move(b)});
        } else if constexpr (std::is_same_v<T, ast::Aggregate>) {
          int table = p_.table(n.table.name);
          if (table < 0) {
            unknownTable(n.table);
            return nullptr;
          }
          if (c.constant) {
            diags_.report(Code::E0201, e.span, tr("a parameter's value cannot use data from a table"));
            return nullptr;
          }
          Ctx inner{c.subject, table, false};
          CExprPtr value = n.value ? expr(*n.value, inner) : nullptr;
          CExprPtr filter = n.filter ? expr(*n.filter, inner) : nullptr;
          if ((n.value && !value) || (n.filter && !filter)) return nullptr;
          if (filter && filter->type.kind != Kind::Bool) {
            diags_.report(Code::E0203, n.filter->span,
                          trf("the condition after `waarvoor` must be true or false, but it is a {}",
                              tname(filter->type)));
            return nullptr;
          }
          Type t{Kind::Integer};
          if (n.fn == ast::AggFn::Sum) {
            if (!value->type.numeric()) {
              diags_.report(Code::E0203, n.value->span,
                            trf("`som` adds numbers, but this is a {}", tname(value->type)));
              return nullptr;
            }
            t = value->type;
          } else if (n.fn == ast::AggFn::List) {
            if (value->type.kind == Kind::Entity || value->type.kind == Kind::Herkomst) {
              diags_.report(
                  Code::E0203, n.value->span,
                  trf("`lijst` lists values that can be written, but this is a {}", tname(value->type)));
              return nullptr;
            }
            t = Type{Kind::Text};
          } else if (n.fn != ast::AggFn::Count) {
            if (!value->type.numeric() && value->type.kind != Kind::Date) {
              diags_.report(Code::E0203, n.value->span,
                            trf("`{}` compares numbers or dates, but this is a {}",
                                n.fn == ast::AggFn::Min ? "minimum" : "maximum", tname(value->type)));
              return nullptr;
            }
            t = value->type;
          }
          auto out = node(e, t, Aggregate{n.fn, std::move(value), table, std::move(filter), std::nullopt});
          auto& agg = std::get<Aggregate>(out->node);
          agg.lookup = keyLookup(agg);
          return out;
        } else if constexpr (std::is_same_v<T, ast::UnitQuery>) {
          return unitQuery(e, n, c);
        } else if constexpr (std::is_same_v<T, ast::Round>) {
          CExprPtr value = expr(*n.value, c);
          if (!value) return nullptr;
          if (!value->type.numeric()) {
            diags_.report(Code::E0203, n.value->span,
                          trf("`afgerond` rounds a number, but this is a {}", tname(value->type)));
            return nullptr;
          }
          int decimals = n.decimals.value_or(0);
          return node(e, Type{decimals == 0 ? Kind::Integer : Kind::Number},
                      Round{std::move(value), n.mode, decimals});
        }
      },
      e.node);
}

}  // namespace verdeel::check
