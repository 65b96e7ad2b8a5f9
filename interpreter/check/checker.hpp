// Internal to the check stage: the Checker that check() runs. Split over check.cpp (declarations),
// expr.cpp (typing of expressions), apportion.cpp (verdeling rules) and deps.cpp (cycles, order,
// unused definitions).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "check/check.hpp"

namespace verdeel::check {

// A checked expression node at the span of `e`.
template <typename T>
CExprPtr node(const ast::Expr& e, Type t, T n) {
  auto out = std::make_unique<CExpr>();
  out->span = e.span;
  out->type = t;
  out->node = std::move(n);
  return out;
}

class Checker {
 public:
  Checker(const ast::RuleSet& rs, Diagnostics& diags) : rs_(rs), diags_(diags) {}
  std::optional<Program> run();

 private:
  struct Global {
    bool isDefinition;
    int index;
  };
  // Where an expression is checked: the entity a definition is per (subject), the entity an
  // aggregate runs over (loop), and whether only constants are allowed (a parameter's value).
  struct Ctx {
    int subject = -1;
    int loop = -1;
    bool constant = false;
  };

  const ast::RuleSet& rs_;
  Diagnostics& diags_;
  Program p_;
  std::map<std::string, Global> globals_;
  std::set<int> deps_;                // dependency nodes of the expression being checked
  std::set<int> used_;                // definitions used by outputs
  std::vector<std::set<int>> graph_;  // node -> nodes it reads (definitions, then parameters)

  // check.cpp
  void header();
  void tables();
  void columnMatches();  // check/matches.cpp
  void names();
  void declareName(const ast::Ident& id, bool isDefinition, int index);
  void exceptions();
  void outputs();
  void reservedOutputNames();
  std::optional<Type> resolveType(const ast::TypeRef& t);
  void unknownTable(const ast::Ident& id);

  // expr.cpp
  void bodies();
  CExprPtr expr(const ast::Expr& e, const Ctx& c);
  CExprPtr name(const ast::Expr& e, const std::string& n, const Ctx& c);
  CExprPtr field(const ast::Expr& e, CExprPtr entity, int table, const std::string& n);
  bool assignable(const Type& declared, const CExprPtr& value, const std::string& what, SourceSpan span);
  std::string tname(const Type& t) const { return typeName(t, p_.tables); }
  int paramNode(int param) const { return static_cast<int>(rs_.definitions.size()) + param; }

  // apportion.cpp
  std::optional<Apportionment> apportionment(const ast::DefinitionDecl& a, const Definition& def);
  CExprPtr unitQuery(const ast::Expr& e, const ast::UnitQuery& q, const Ctx& c);  // unit_query.cpp
  // A `waarvoor` condition of a verdeling or of one of its rounds: null after reporting (E0203 when it
  // is not true or false).
  CExprPtr condition(const ast::Expr& e, const Ctx& c);
  bool stagedRounds(const ast::ApportionDecl& v, const Table& subject, const Ctx& perEntity,
                    Apportionment& out);

  // deps.cpp
  void dependencies();
  void unused();
  // W0202: names that mix scripts or look like another name (check/lookalike.cpp).
  void lookalikes();
};

}  // namespace verdeel::check
