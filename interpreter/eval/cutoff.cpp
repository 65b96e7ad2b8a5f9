// `laatste_eenheid(x)` and its kin (check::UnitQuery): what one group's apportionment decided at its
// cut-off, read from the group's record (eval/groups.cpp) through stdlib's cut-off values. The value
// rests on the group as a whole: it reads the computed shares of the entities it names, so their
// provenance (every taking-part row and the total) and a failure of the group carry over.
#include "eval/interpreter.hpp"

namespace verdeel::eval {

void Interpreter::evalNode(const check::CExpr& e, const check::UnitQuery& n, Frame& f, Value& out) {
  out = unitQuery(e, n, f);
}

Value Interpreter::unitQuery(const check::CExpr& e, const check::UnitQuery& n, Frame& f) {
  int groupRow = -1;
  if (n.group) {
    const Value g = eval(*n.group, f);
    if (!std::holds_alternative<EntityRef>(g)) missing(*n.group, f);
    groupRow = std::get<EntityRef>(g).row;
  }
  const auto& groups = s_.groups[static_cast<std::size_t>(n.definition)];
  const auto it = groups.find(groupRow);
  if (it == groups.end()) return Empty{};  // no entity in this group: nothing was given
  if (it->second->error != 0) throw Poisoned{it->second->error};
  const ApportionmentRecord& rec = it->second->record;
  const check::Definition& d = p_.definitions[static_cast<std::size_t>(n.definition)];
  // The shares of the last and the next entity, read as inputs: the whole group is behind them.
  auto share = [&](const std::optional<std::size_t>& k) {
    if (!k) return;
    const int row = rec.rows[*k];
    (void)read(s_.definitions[static_cast<std::size_t>(n.definition)][static_cast<std::size_t>(row)],
               InputRef{InputRef::Kind::Definition, d.subject, row, n.definition}, f);
  };
  share(rec.result.lastIn);
  share(rec.result.firstOut);
  auto entity = [&](const std::optional<std::size_t>& k) -> Value {
    if (!k) return Empty{};
    return EntityRef{d.subject, rec.rows[*k]};
  };
  auto number = [](const std::optional<mpq_class>& q) -> Value {
    if (!q) return Empty{};
    return *q;
  };
  switch (n.kind) {
    case ast::UnitQueryKind::Last: return entity(rec.result.lastIn);
    case ast::UnitQueryKind::Next: return entity(rec.result.firstOut);
    case ast::UnitQueryKind::LastPriority: return number(stdlib::lastUnitPriority(rec.input, rec.result));
    case ast::UnitQueryKind::NextPriority: return number(stdlib::nextUnitPriority(rec.input, rec.result));
    case ast::UnitQueryKind::LastMargin: return number(stdlib::marginLast(rec.input, rec.result));
    case ast::UnitQueryKind::NextMargin: return number(stdlib::marginNext(rec.input, rec.result));
  }
  (void)e;
  return Empty{};
}

}  // namespace verdeel::eval
