// Walking a checked expression: its direct sub-expressions (children) and the whole tree in
// pre-order (walk). Used by the linter and by the coverage of `verdeel test`.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"

namespace verdeel::check {

// Calls f on every direct sub-expression of e.
template <typename F>
void children(const check::CExpr& e, F&& f) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, check::Field>) {
          if (n.entity) f(*n.entity);
        } else if constexpr (std::is_same_v<T, check::Unary>) {
          f(*n.operand);
        } else if constexpr (std::is_same_v<T, check::Binary>) {
          f(*n.lhs);
          f(*n.rhs);
        } else if constexpr (std::is_same_v<T, check::IsEmpty>) {
          f(*n.operand);
        } else if constexpr (std::is_same_v<T, check::If>) {
          f(*n.condition);
          f(*n.thenValue);
          f(*n.elseValue);
        } else if constexpr (std::is_same_v<T, check::Aggregate>) {
          if (n.value) f(*n.value);
          if (n.filter) f(*n.filter);
        } else if constexpr (std::is_same_v<T, check::Round>) {
          f(*n.value);
        } else if constexpr (std::is_same_v<T, check::UnitQuery>) {
          if (n.group) f(*n.group);
        }
      },
      e.node);
}

template <typename F>
void walk(const check::CExpr& e, F&& f) {
  f(e);
  children(e, [&](const check::CExpr& c) { walk(c, f); });
}

// The rules of a program (definitions, verdelingen, exceptions; not controles): every expression
// with the article it belongs to.
struct Rooted {
  const CExpr* expr;
  int article;
  std::string owner;       // the definition or exception it belongs to
  int definition = -1;     // the definition it belongs to (directly, or through the exception)
  bool generated = false;  // the body of a keuze's selecting definition (made by the parser)
};

inline std::vector<Rooted> ruleExpressions(const Program& p) {
  std::vector<Rooted> out;
  for (std::size_t i = 0; i < p.definitions.size(); ++i) {
    const Definition& d = p.definitions[i];
    const int di = static_cast<int>(i);
    if (d.body) out.push_back({d.body.get(), d.article, d.name, di, d.selectsBy >= 0});
    if (!d.apportion) continue;
    const Apportionment& a = *d.apportion;
    for (const CExpr* e : {a.total.get(), a.weight.get(), a.filter.get(), a.minimum.get(), a.maximum.get()})
      if (e) out.push_back({e, d.article, d.name, di});
    for (const auto& r : a.rounds)
      if (r.filter) out.push_back({r.filter.get(), d.article, d.name, di});
  }
  for (const Exception& x : p.exceptions) {
    if (x.condition) out.push_back({x.condition.get(), x.article, x.name, x.definition});
    if (x.body) out.push_back({x.body.get(), x.article, x.name, x.definition});
  }
  return out;
}

}  // namespace verdeel::check
