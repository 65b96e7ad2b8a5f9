// Checking `laatste_eenheid(x)` and its kin (ast::UnitQuery): `x` must be a `verdeling`; with
// `binnen G` the value is per group, so the rule must be per G (the group itself) or per the
// verdeling's own table (the group of its row); the entity queries are references to that table, the
// priorities and margins numbers.
#include <fmt/format.h>

#include "check/checker.hpp"
#include "lang/language.hpp"

namespace verdeel::check {

CExprPtr Checker::unitQuery(const ast::Expr& e, const ast::UnitQuery& q, const Ctx& c) {
  auto it = globals_.find(q.definition.name);
  const bool known = it != globals_.end() && it->second.isDefinition;
  const int def = known ? it->second.index : -1;
  const ast::DefinitionDecl* decl = known ? &rs_.definitions[static_cast<std::size_t>(def)] : nullptr;
  if (!decl || !decl->apportion) {
    auto& d = diags_.report(
        known ? Code::E0203 : Code::E0201, q.definition.span,
        known ? trf("`{}` is not a verdeling: only a verdeling has a last unit", q.definition.name)
              : trf("unknown name `{}`", q.definition.name));
    d.help = tr("name a definition written as `verdeling ... :`");
    return nullptr;
  }
  const Definition& target = p_.definitions[static_cast<std::size_t>(def)];
  if (target.subject < 0) return nullptr;  // its table is unknown: reported
  deps_.insert(def);
  CExprPtr group;
  if (decl->apportion->within) {
    const Table& subject = p_.tables[static_cast<std::size_t>(target.subject)];
    const int column = subject.column(decl->apportion->within->name);
    if (column < 0) return nullptr;  // reported with the verdeling (E0214)
    const int groupTable = subject.columns[static_cast<std::size_t>(column)].type.table;
    const int frame = c.loop >= 0 ? c.loop : c.subject;
    const Scope scope = c.loop >= 0 ? Scope::Loop : Scope::Subject;
    if (frame == groupTable) {
      group = node(e, Type{Kind::Entity, groupTable}, EntityOf{scope});
    } else if (frame == target.subject) {
      group = node(e, Type{Kind::Entity, groupTable},
                   Field{node(e, Type{Kind::Entity, frame}, EntityOf{scope}), frame, false, column});
    } else {
      const std::string& groupName = p_.tables[static_cast<std::size_t>(groupTable)].name;
      auto& d =
          diags_.report(Code::E0205, e.span,
                        trf("`{}` is apportioned per {}, so its last unit is one per {}; this rule is not "
                            "per {} or per {}",
                            q.definition.name, groupName, groupName, groupName, subject.name));
      d.help = trf("write the rule `per {}`", groupName);
      return nullptr;
    }
  }
  Type type{Kind::Number};
  if (q.kind == ast::UnitQueryKind::Last || q.kind == ast::UnitQueryKind::Next)
    type = Type{Kind::Entity, target.subject};
  return node(e, type, UnitQuery{q.kind, def, std::move(group)});
}

}  // namespace verdeel::check
