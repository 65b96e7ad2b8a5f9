// Checking a `verdeling`: the group it apportions within, the types of its parts (a whole total, a
// numeric weight, a true/false filter, whole minimum and maximum, comparable tie-break keys) and
// the scopes they are read in (the total per group entity, the rest per entity).
#include <fmt/format.h>

#include "check/checker.hpp"
#include "lang/language.hpp"

namespace verdeel::check {

// `methode restronden`: its rounds (at least one), each with a priority that can be repeated (a
// surplus round gives at most N per entity), its `per` naming the subject table, and a true/false
// filter per entity; no `minimaal`; `meerderheidsregel` only here. False after reporting (E0214).
bool Checker::stagedRounds(const ast::ApportionDecl& v, const Table& subject, const Ctx& perEntity,
                           Apportionment& out) {
  bool ok = true;
  const bool staged = v.method == ast::ApportionMethod::Staged;
  auto wrong = [&](const SourceSpan& at, std::string message, std::string help) {
    diags_.report(Code::E0214, at, std::move(message)).help = std::move(help);
    ok = false;
  };
  if (staged && v.rounds.empty())
    wrong(v.methodSpan,
          tr("`methode restronden` gives the full units and then the rest units in rounds, but no "
             "`restronde` follows"),
          tr("declare the rounds as the law does, for example `restronde grootste gemiddelden`"));
  if (!staged && !v.rounds.empty())
    wrong(v.rounds.front().span, tr("`restronde` belongs to `methode restronden`"),
          tr("write `methode restronden`, or leave the rounds out"));
  if (staged && v.minimum)
    wrong(v.minimum->span, tr("`minimaal` cannot be combined with `methode restronden`"),
          tr("give a minimum by a round that admits only those entities, or use another method"));
  if (v.majority && !staged)
    wrong(v.majoritySpan, tr("`meerderheidsregel` belongs to `methode restronden`"),
          tr("write `methode restronden` with its rounds, or leave `meerderheidsregel` out"));
  out.majority = v.majority && staged;
  for (const ast::RestRoundDecl& r : v.rounds) {
    Apportionment::Round round;
    round.surplus = r.surplus;
    if (r.perEntity) {
      std::size_t n = 0;
      const bool number = std::all_of(r.perEntity->begin(), r.perEntity->end(),
                                      [](char c) { return c >= '0' && c <= '9'; }) &&
                          r.perEntity->size() < 6;
      if (number) n = std::stoul(*r.perEntity);
      if (!number || n == 0)
        wrong(r.span, trf("`maximaal {} per` must be a whole number of at least 1", *r.perEntity),
              tr("write `maximaal 1 per ...` for at most one rest unit per entity"));
      else
        round.perEntity = n;
    }
    if (r.perTable && r.perTable->name != subject.name)
      wrong(r.perTable->span,
            trf("the round counts per {}, the table this verdeling is per, not per {}", subject.name,
                r.perTable->name),
            trf("write `maximaal 1 per {}`", subject.name));
    if (r.surplus && !r.perEntity)
      wrong(r.span,
            tr("a round by the largest surpluses would give every unit to the same entity: its surplus "
               "does not change"),
            tr("limit it, as the law does: `restronde grootste overschotten, maximaal 1 per ...`"));
    if (r.filter && !(round.filter = condition(*r.filter, perEntity))) ok = false;
    out.rounds.push_back(std::move(round));
  }
  return ok;
}

CExprPtr Checker::condition(const ast::Expr& e, const Ctx& c) {
  CExprPtr out = expr(e, c);
  if (!out || out->type.kind == Kind::Bool) return out;
  diags_.report(
      Code::E0203, e.span,
      trf("the condition after `waarvoor` must be true or false, but it is a {}", tname(out->type)));
  return nullptr;
}

std::optional<Apportionment> Checker::apportionment(const ast::DefinitionDecl& a, const Definition& def) {
  const ast::ApportionDecl& v = *a.apportion;
  Apportionment out;
  out.method = v.method;
  out.methodSpan = v.methodSpan;
  out.rescaled = v.rescaled;
  if (v.rescaled && (v.method != ast::ApportionMethod::LargestRemainder || (!v.minimum && !v.maximum))) {
    auto& d = diags_.report(Code::E0214, v.rescaledSpan,
                            tr("`herschaald` is a way of meeting `minimaal` and `maximaal` with `grootste "
                               "overschot`, and this verdeling has no such bounds or another method"));
    d.help =
        tr("leave `herschaald` out; with bounds, `grootste overschot herschaald` holds the shares "
           "themselves within the bounds and rescales the others (clamp-and-rescale)");
  }
  const Table& subject = p_.tables[static_cast<std::size_t>(def.subject)];
  bool ok = true;
  if (v.within) {
    const int col = subject.column(v.within->name);
    if (col < 0 || subject.columns[static_cast<std::size_t>(col)].type.kind != Kind::Entity) {
      auto& d = diags_.report(
          Code::E0214, v.within->span,
          col < 0 ? trf("`binnen {}`: table `{}` has no column `{}`", v.within->name, subject.name,
                        v.within->name)
                  : trf("`binnen {}` needs a `verwijzing naar` column, but `{}` is a {}", v.within->name,
                        v.within->name, tname(subject.columns[static_cast<std::size_t>(col)].type)));
      d.help = trf("`binnen` names a column of {} that refers to another table, such as `binnen provincie`",
                   subject.name);
      ok = false;
    } else {
      out.withinColumn = col;
      out.withinTable = subject.columns[static_cast<std::size_t>(col)].type.table;
    }
  }
  const Ctx perEntity{def.subject, -1, false};
  const Ctx perGroup{out.withinTable, -1, false};
  auto need = [&](const CExprPtr& e, const ast::Expr& src, bool whole, const char* what) {
    if (!e) {
      ok = false;
      return;
    }
    if (!e->type.numeric()) {
      diags_.report(Code::E0203, src.span, trf("{} must be a number, but it is a {}", what, tname(e->type)));
      ok = false;
    } else if (whole && e->type.kind != Kind::Integer) {
      auto& d = diags_.report(Code::E0204, src.span,
                              trf("{} must be a whole number, but this value can be a fraction", what));
      d.help = tr(
          "round it explicitly, for example `afgerond(..., rekenkundig)`: verdeel never rounds on its own");
      ok = false;
    }
  };
  out.total = expr(*v.total, perGroup);
  need(out.total, *v.total, true, tr("the total to distribute (`verdeel`)"));
  out.weight = expr(*v.weight, perEntity);
  need(out.weight, *v.weight, false, tr("the weight (`naar rato van`)"));
  if (v.filter && !(out.filter = condition(*v.filter, perEntity))) ok = false;
  if (!stagedRounds(v, subject, perEntity, out)) ok = false;
  if (v.minimum) {
    out.minimum = expr(*v.minimum, perEntity);
    need(out.minimum, *v.minimum, true, tr("the minimum (`minimaal`)"));
  }
  if (v.maximum) {
    out.maximum = expr(*v.maximum, perEntity);
    need(out.maximum, *v.maximum, true, tr("the maximum (`maximaal`)"));
  }
  for (const ast::TieKeyDecl& k : v.tieBreak) {
    TieKey key;
    key.key = expr(*k.key, perEntity);
    key.text = k.text;
    key.descending = k.descending;
    key.lot = k.lot;
    if (!key.key) {
      ok = false;
      continue;
    }
    const Kind kind = key.key->type.kind;
    if (k.lot && kind != Kind::Integer) {
      diags_
          .report(Code::E0203, k.key->span,
                  trf("a drawn lot is a whole number (1 drawn first), but `{}` is a {}", k.text,
                      tname(key.key->type)))
          .help = tr("declare the column as `geheel getal`, blank for entities that took part in no drawing");
      ok = false;
      continue;
    }
    if (!key.key->type.numeric() && kind != Kind::Text && kind != Kind::Date) {
      diags_.report(
          Code::E0203, k.key->span,
          trf("a tie-break orders by a number, a text or a date, but this is a {}", tname(key.key->type)));
      ok = false;
      continue;
    }
    out.tieBreak.push_back(std::move(key));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace verdeel::check
