// Key lookups: which aggregate filters the evaluator can answer from an index. A filter qualifies
// when it is, or has as one of its `en`-conjuncts, an equality `kolom = X` (or `X = kolom`) where
// `kolom` is a column or per-entity definition of the aggregated table itself and X does not depend
// on the aggregated row: `code = deze gemeente`, `provincie = deze gemeente.provincie`,
// `groep = "A"`. The first such conjunct is the key; the others are evaluated for the rows the index
// gives, in their order. docs/language.md lists these shapes for rule authors.
#include "check/lookup.hpp"

namespace verdeel::check {

namespace {

// Does `e` read the aggregated row? (A nested aggregate's own rows do not count: inside it the
// names refer to its table, and the outer row cannot be reached.)
bool readsRow(const CExpr& e) {
  return std::visit(
      [&](const auto& n) -> bool {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, EntityOf>) {
          return n.scope == Scope::Loop;
        } else if constexpr (std::is_same_v<T, Field>) {
          return readsRow(*n.entity);
        } else if constexpr (std::is_same_v<T, Unary>) {
          return readsRow(*n.operand);
        } else if constexpr (std::is_same_v<T, Binary>) {
          return readsRow(*n.lhs) || readsRow(*n.rhs);
        } else if constexpr (std::is_same_v<T, IsEmpty>) {
          return readsRow(*n.operand);
        } else if constexpr (std::is_same_v<T, If>) {
          return readsRow(*n.condition) || readsRow(*n.thenValue) || readsRow(*n.elseValue);
        } else if constexpr (std::is_same_v<T, Round>) {
          return readsRow(*n.value);
        } else {
          return false;  // literals, parameters, national values, nested aggregates
        }
      },
      e.node);
}

// A column or definition of the aggregated row itself (not one reached through a reference).
const Field* rowField(const CExpr& e, int table) {
  const auto* f = std::get_if<Field>(&e.node);
  if (!f || f->table != table) return nullptr;
  const auto* of = std::get_if<EntityOf>(&f->entity->node);
  return of && of->scope == Scope::Loop ? f : nullptr;
}

void conjuncts(const CExpr& e, std::vector<const CExpr*>& out) {
  if (const auto* b = std::get_if<Binary>(&e.node); b && b->op == ast::BinOp::And) {
    conjuncts(*b->lhs, out);
    conjuncts(*b->rhs, out);
    return;
  }
  out.push_back(&e);
}

}  // namespace

std::optional<KeyLookup> keyLookup(const Aggregate& a) {
  if (!a.filter) return std::nullopt;
  std::vector<const CExpr*> parts;
  conjuncts(*a.filter, parts);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto* eq = std::get_if<Binary>(&parts[i]->node);
    if (!eq || eq->op != ast::BinOp::Eq) continue;
    for (const auto& [row, other] :
         {std::pair{eq->lhs.get(), eq->rhs.get()}, std::pair{eq->rhs.get(), eq->lhs.get()}}) {
      const Field* f = rowField(*row, a.table);
      if (!f || readsRow(*other)) continue;
      KeyLookup k;
      k.isDefinition = f->isDefinition;
      k.index = f->index;
      k.column = row;
      k.key = other;
      for (std::size_t j = 0; j < parts.size(); ++j)
        if (j != i) k.rest.push_back(parts[j]);
      return k;
    }
  }
  return std::nullopt;
}

}  // namespace verdeel::check
