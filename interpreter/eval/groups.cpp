// `verdeling`: the values of an apportionment definition (internal to eval/). Without `binnen` the
// whole subject table is one group; with `binnen` the rows are grouped through the key index on the
// reference column, so each group visits its own rows only. Per group: the total, then for every
// row the filter, weight, bounds and tie-break keys, then stdlib::apportion. A row's value rests on
// what it read itself and, when it took part, on the total and on every other taking-part row (each
// share depends on every weight). An error (a tie, an impossible apportionment, a row without a
// group) fails the values it concerns.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "eval/interpreter.hpp"
#include "lang/language.hpp"

namespace verdeel::eval {

namespace {

stdlib::Method methodOf(ast::ApportionMethod m) {
  switch (m) {
    case ast::ApportionMethod::LargestRemainder: return stdlib::Method::LargestRemainder;
    case ast::ApportionMethod::DHondt: return stdlib::Method::DHondt;
    case ast::ApportionMethod::SainteLague: return stdlib::Method::SainteLague;
    case ast::ApportionMethod::HuntingtonHill: return stdlib::Method::HuntingtonHill;
    case ast::ApportionMethod::Adams: return stdlib::Method::Adams;
    case ast::ApportionMethod::Staged: return stdlib::Method::Staged;
  }
  return stdlib::Method::LargestRemainder;
}

// Orders two tie-break key values of one kind (numbers, texts or dates); a blank (a lot not drawn)
// after every value.
int compareKey(const Value& a, const Value& b) {
  const bool ea = std::holds_alternative<Empty>(a), eb = std::holds_alternative<Empty>(b);
  if (ea || eb) return ea == eb ? 0 : (ea ? 1 : -1);
  if (const auto* qa = std::get_if<mpq_class>(&a)) return compare(*qa, std::get<mpq_class>(b));
  if (const auto* da = std::get_if<Date>(&a))
    return *da < std::get<Date>(b) ? -1 : (*da == std::get<Date>(b) ? 0 : 1);
  const auto& sa = std::get<std::string>(a);
  const auto& sb = std::get<std::string>(b);
  return sa < sb ? -1 : (sa == sb ? 0 : 1);
}

// The rows of the subject table in the group of `groupRow` (all rows without `binnen`).
std::vector<int> groupRows(State& s, const check::Definition& d, int groupRow) {
  const check::Apportionment& a = *d.apportion;
  if (a.withinColumn < 0) {
    std::vector<int> all(static_cast<std::size_t>(s.rows(d.subject)));
    std::iota(all.begin(), all.end(), 0);
    return all;
  }
  const auto rows = s.columnIndex(d.subject, a.withinColumn).rows(EntityRef{a.withinTable, groupRow});
  return {rows.begin(), rows.end()};
}

// What one row reads for its part: the filter, and when it takes part the weight, bounds and keys.
// Returns whether it takes part.
bool rowPart(State& s, const check::Definition& d, int row, Collector& col, stdlib::ApportionInput* input,
             std::vector<Value>* keys) {
  const check::Apportionment& a = *d.apportion;
  Interpreter in(s);
  Frame f{d.subject, row, -1, &col, d.article};
  if (a.filter && !in.truth(*a.filter, f)) return false;
  mpq_class weight = in.number(*a.weight, f);
  std::optional<mpz_class> minimum, maximum;
  if (a.minimum) minimum = in.number(*a.minimum, f).get_num();
  if (a.maximum) maximum = in.number(*a.maximum, f).get_num();
  std::vector<bool> admitted;  // per round of `methode restronden`
  for (const auto& round : a.rounds) admitted.push_back(!round.filter || in.truth(*round.filter, f));
  for (const check::TieKey& key : a.tieBreak) {
    Value v = in.eval(*key.key, f);
    if (std::holds_alternative<Empty>(v) && !key.lot) in.missing(*key.key, f);
    if (keys) keys->push_back(std::move(v));
  }
  if (input) {
    for (std::size_t k = 0; k < admitted.size(); ++k)  // a round without `waarvoor` admits everyone
      if (a.rounds[k].filter) input->rounds[k].eligible.push_back(admitted[k]);
    input->weights.push_back(std::move(weight));
    if (a.minimum || a.maximum) {
      input->minimum.push_back(std::move(minimum));
      input->maximum.push_back(std::move(maximum));
    }
  }
  return true;
}

// The total of a group, read in the frame of its `binnen` row (or as a single value).
mpq_class groupTotal(State& s, const check::Definition& d, int groupRow, Collector& col) {
  const check::Apportionment& a = *d.apportion;
  Interpreter in(s);
  Frame f{groupRow >= 0 ? a.withinTable : -1, groupRow, -1, &col, d.article};
  return in.number(*a.total, f);
}

// What to do about a tie nothing decided: declare an order, or (with `lot uit KOLOM`) enter the
// drawn order of the tied entities.
std::string tieHelp(State& s, const check::Definition& d, const ApportionmentRecord& rec,
                    const std::vector<std::size_t>& tied) {
  const check::Apportionment& a = *d.apportion;
  const auto lot =
      std::find_if(a.tieBreak.begin(), a.tieBreak.end(), [](const check::TieKey& k) { return k.lot; });
  if (lot == a.tieBreak.end())
    return tr(
        "declare the order for ties, for example `bij gelijke stand inwoners aflopend` (the table's key is "
        "always the last tie-break), or `bij gelijke stand lot uit lot` for a drawing of lots");
  std::vector<std::string> names;
  for (std::size_t k = 0; k < tied.size() && k < 20; ++k)
    names.push_back(s.entityName(d.subject, rec.rows[tied[k]]));
  return trf(
      "draw lots among {} and enter the drawn order (1, 2, ...) in the column `{}`; the others stay blank",
      fmt::join(names, ", "), lot->text);
}

// The diagnostic for a group the method could not apportion (a tie without tie-break, no weight).
Diagnostic apportionError(State& s, const check::Definition& d, const ApportionmentRecord& rec,
                          const stdlib::ApportionOutcome& out) {
  const bool tie = out.error == stdlib::ApportionError::Tie;
  const std::string where = rec.groupRow >= 0
                                ? trf(" for {}", s.entityName(d.apportion->withinTable, rec.groupRow))
                                : std::string();
  Diagnostic diag{tie ? Code::E0506 : Code::E0507,
                  d.span,
                  tie ? trf("a tie decides a unit of `{}`{}: {}", d.name, where, out.detail)
                      : trf("`{}` cannot be apportioned{}: {}", d.name, where, out.detail),
                  {},
                  {},
                  s.program.basis(d.article)};
  for (std::size_t k = 0; k < out.entities.size() && k < 20; ++k) {
    const std::size_t i = out.entities[k];
    std::string why;
    if (tie && rec.input.method == stdlib::Method::LargestRemainder)
      why = trf(": remainder {}", formatNumber(stdlib::remainder(rec.input, out.result, i)));
    else if (tie && rec.input.method == stdlib::Method::Staged &&
             rec.input.rounds[out.result.tieRound].priority == stdlib::RestPriority::Surplus)
      why = trf(": surplus {}", formatNumber(out.result.tieValue.value));
    else if (tie && rec.input.method == stdlib::Method::Staged)
      why = trf(": average {}", formatNumber(out.result.tieValue.value));
    else if (tie)
      why = trf(": priority {}", stdlib::formatPriority(stdlib::tiedValue(rec.input, out.result)));
    else if (!tie)
      why = trf(": weight {}", formatNumber(rec.input.weights[i]));
    diag.notes.push_back({SourceSpan{}, s.entityName(d.subject, rec.rows[i]) + why});
  }
  if (out.entities.size() > 20)
    diag.notes.push_back({SourceSpan{}, trf("and {} more", out.entities.size() - 20)});
  if (tie) diag.help = tieHelp(s, d, rec, out.entities);
  return diag;
}

// How a tie the method decided by the tie-break order was decided: by the first declared key on which
// the last entity that got the unit and the first that did not differ, by the table's key after
// them, or, when a drawn lot is declared and was the key to decide but is blank (or the same) for
// them, not at all.
TieOutcome decideTie(const check::Definition& d, const ApportionmentRecord& rec,
                     const std::vector<std::vector<Value>>& keys) {
  const check::Apportionment& a = *d.apportion;
  TieOutcome t;
  t.entities = rec.result.tied;
  std::sort(t.entities.begin(), t.entities.end(),
            [&](std::size_t x, std::size_t y) { return rec.input.tieRank[x] < rec.input.tieRank[y]; });
  t.units = rec.result.tiedUnits;
  t.value = stdlib::tiedValue(rec.input, rec.result);
  std::optional<std::size_t> lastIn, firstOut;
  for (std::size_t i : t.entities) {
    const bool got = stdlib::tieWinner(rec.input, rec.result, i);
    t.gets.push_back(got);
    if (got)
      lastIn = i;
    else if (!firstOut)
      firstOut = i;
  }
  const bool lotDeclared =
      std::any_of(a.tieBreak.begin(), a.tieBreak.end(), [](const check::TieKey& k) { return k.lot; });
  t.by = lotDeclared ? TieOutcome::By::Undecided : TieOutcome::By::Key;
  if (!lastIn || !firstOut) return t;
  for (std::size_t k = 0; k < a.tieBreak.size(); ++k) {
    const Value& x = keys[*lastIn][k];
    const Value& y = keys[*firstOut][k];
    if (a.tieBreak[k].lot && (std::holds_alternative<Empty>(x) || std::holds_alternative<Empty>(y))) {
      t.by = TieOutcome::By::Undecided;
      return t;
    }
    if (compareKey(x, y) == 0) continue;
    t.by = a.tieBreak[k].lot ? TieOutcome::By::Lot : TieOutcome::By::Order;
    t.decidingKey = static_cast<int>(k);
    return t;
  }
  return t;
}

// Apportions one group and sets the values of its rows.
void apportionGroup(State& s, int def, int groupRow, const std::vector<int>& members) {
  const check::Definition& d = s.program.definitions[static_cast<std::size_t>(def)];
  const check::Apportionment& a = *d.apportion;
  auto& slots = s.definitions[static_cast<std::size_t>(def)];
  auto group = std::make_unique<Group>();
  ApportionmentRecord& rec = group->record;
  rec.definition = def;
  rec.groupRow = groupRow;
  rec.input.method = methodOf(a.method);
  rec.input.rescaled = a.rescaled;
  rec.input.majority = a.majority;
  for (const auto& round : a.rounds)
    rec.input.rounds.push_back(
        {round.surplus ? stdlib::RestPriority::Surplus : stdlib::RestPriority::Average, round.perEntity, {}});
  std::vector<Provenance> own(members.size());  // what each row read itself
  std::vector<bool> takesPart(members.size(), false);
  Provenance whole;  // the total and every taking-part row
  std::vector<std::vector<Value>> keys;
  auto failAll = [&](std::uint32_t error) {
    group->error = error;
    for (int r : members) {
      Computed& c = slots[static_cast<std::size_t>(r)];
      c = Computed{};
      c.value = Empty{};
      c.article = d.article;
      c.error = error;
    }
  };
  try {
    Collector total;
    rec.input.total = groupTotal(s, d, groupRow, total).get_num();
    whole = total.provenance;
    for (std::size_t k = 0; k < members.size(); ++k) {
      Collector col;
      std::vector<Value> rowKeys;
      takesPart[k] = rowPart(s, d, members[k], col, &rec.input, &rowKeys);
      own[k] = col.provenance;
      if (!takesPart[k]) continue;
      rec.rows.push_back(members[k]);
      keys.push_back(std::move(rowKeys));
      merge(whole, col.provenance, s.pool);
    }
    // The method works with the weights' common denominator, whose digits are at most those of
    // the distinct denominators together: bounded like every other number (E0513).
    std::set<mpz_class> denominators;
    std::size_t digits = mpz_sizeinbase(rec.input.total.get_mpz_t(), 10);
    for (const mpq_class& w : rec.input.weights)
      if (w.get_den() != 1 && denominators.insert(w.get_den()).second)
        digits += mpz_sizeinbase(w.get_den_mpz_t(), 10);
    if (digits > s.digitLimit) {
      Interpreter in(s);
      Frame f{groupRow >= 0 ? d.apportion->withinTable : -1, groupRow, -1, nullptr, d.article};
      in.fail(Code::E0513, d.span,
              trf("the weights of `{}`{} have {} different denominators; the exact calculation "
                  "would need numbers of more than {} digits",
                  d.name, in.forWhom(f), denominators.size(), s.digitLimit),
              f, {}, tr("round the weights first (`afgerond(..., 6 decimalen)`), or raise `--max-cijfers`"));
    }
  } catch (const Poisoned& p) {
    failAll(p.error);
    s.groups[static_cast<std::size_t>(def)][groupRow] = std::move(group);
    return;
  }
  // The declared tie-break order, completed by the table's key so that it is total.
  if (!a.tieBreak.empty()) {
    const check::Table& t = s.program.tables[static_cast<std::size_t>(d.subject)];
    const data::TableData& table = s.data.tables[static_cast<std::size_t>(d.subject)];
    std::vector<std::size_t> byOrder(rec.rows.size());
    std::iota(byOrder.begin(), byOrder.end(), 0);
    std::sort(byOrder.begin(), byOrder.end(), [&](std::size_t x, std::size_t y) {
      for (std::size_t k = 0; k < a.tieBreak.size(); ++k) {
        const int c = compareKey(keys[x][k], keys[y][k]);
        if (c != 0) return a.tieBreak[k].descending ? c > 0 : c < 0;
      }
      if (t.key >= 0)
        return s.format(table.cell(static_cast<std::size_t>(rec.rows[x]), static_cast<std::size_t>(t.key))) <
               s.format(table.cell(static_cast<std::size_t>(rec.rows[y]), static_cast<std::size_t>(t.key)));
      return rec.rows[x] < rec.rows[y];
    });
    rec.input.tieRank.resize(rec.rows.size());
    for (std::size_t k = 0; k < byOrder.size(); ++k) rec.input.tieRank[byOrder[k]] = k;
    rec.tieKeys = std::move(keys);
  }
  stdlib::ApportionOutcome out = stdlib::apportion(rec.input);
  if (out.error == stdlib::ApportionError::None && !out.result.tied.empty()) {
    rec.result = out.result;
    rec.tie = decideTie(d, rec, rec.tieKeys);
    if (rec.tie->by == TieOutcome::By::Undecided) {  // the lot was not drawn (or drawn twice)
      out.error = stdlib::ApportionError::Tie;
      out.entities = out.result.tied;
      const std::string value = stdlib::formatPriority(stdlib::tiedValue(rec.input, out.result));
      const std::size_t n = out.entities.size();
      const bool staged = rec.input.method == stdlib::Method::Staged;
      const std::size_t round = out.result.tieRound + 1;
      if (rec.input.method == stdlib::Method::LargestRemainder)
        out.detail = trf("{} entities have the same remainder and only {} of them can get a unit", n,
                         out.result.tiedUnits);
      else if (staged && rec.input.rounds[out.result.tieRound].priority == stdlib::RestPriority::Surplus)
        out.detail = trf("{} entities have the same surplus ({}) for the last rest unit, in round {}", n,
                         value, round);
      else if (staged)
        out.detail = trf("{} entities have the same average ({}) for the last rest unit, in round {}", n,
                         value, round);
      else
        out.detail = trf("{} entities have the same priority ({}) for the last seat", n, value);
    }
  }
  if (out.error != stdlib::ApportionError::None) {
    const bool tie = out.error == stdlib::ApportionError::Tie;
    if (tie) {
      rec.result = out.result;
      if (!rec.tie) rec.tie = TieOutcome{};
      rec.tie->entities = out.result.tied;
      rec.tie->gets.clear();
      rec.tie->units = out.result.tiedUnits;
      rec.tie->value = stdlib::tiedValue(rec.input, rec.result);
    }
    Diagnostic diag = apportionError(s, d, rec, out);
    if (tie)
      diag.notes.push_back(
          {SourceSpan{}, tr("`verdeel run` computes and writes every other group, with this tie in "
                            "the table `gelijke-standen`, and exits with 3")});
    const std::uint32_t error = s.addError(std::move(diag), tie);
    if (tie) rec.tie->error = error;
    failAll(error);
    s.groups[static_cast<std::size_t>(def)][groupRow] = std::move(group);
    return;
  }
  rec.result = std::move(out.result);
  const SetId article = d.article >= 0 ? s.articleSet[static_cast<std::size_t>(d.article)] : 0;
  ast::Herkomst floor = ast::Herkomst::Echt;  // an article marked `herkomst ...` lowers its values
  if (d.article >= 0)
    floor = s.program.articles[static_cast<std::size_t>(d.article)].herkomst.value_or(ast::Herkomst::Echt);
  std::size_t taking = 0;
  for (std::size_t k = 0; k < members.size(); ++k) {
    Computed c;
    c.article = d.article;
    c.provenance = own[k];
    if (takesPart[k]) {
      c.value = mpq_class(rec.result.seats[taking++]);
      merge(c.provenance, whole, s.pool);
    } else {
      c.value = mpq_class(0);
    }
    merge(c.provenance, Provenance{article, 0, ast::Herkomst::Echt}, s.pool);
    c.provenance.herkomst = std::max(c.provenance.herkomst, floor);
    slots[static_cast<std::size_t>(members[k])] = std::move(c);
  }
  s.groups[static_cast<std::size_t>(def)][groupRow] = std::move(group);
}

}  // namespace

void computeApportionment(State& s, int def) {
  const check::Definition& d = s.program.definitions[static_cast<std::size_t>(def)];
  const check::Apportionment& a = *d.apportion;
  s.groups[static_cast<std::size_t>(def)].clear();
  if (a.withinColumn < 0) {
    apportionGroup(s, def, -1, groupRows(s, d, -1));
    return;
  }
  // A row without a group (a blank `binnen` column) cannot have a share.
  const data::TableData& table = s.data.tables[static_cast<std::size_t>(d.subject)];
  const check::Table& t = s.program.tables[static_cast<std::size_t>(d.subject)];
  for (int r = 0; r < s.rows(d.subject); ++r) {
    if (std::holds_alternative<EntityRef>(
            table.cell(static_cast<std::size_t>(r), static_cast<std::size_t>(a.withinColumn))))
      continue;
    Computed& c = s.definitions[static_cast<std::size_t>(def)][static_cast<std::size_t>(r)];
    c = Computed{};
    c.article = d.article;
    c.error = s.addError(Diagnostic{
        Code::E0502,
        d.span,
        trf("{} has no `{}`, so it belongs to no group of verdeling `{}`", s.entityName(d.subject, r),
            t.columns[static_cast<std::size_t>(a.withinColumn)].name, d.name),
        {},
        {},
        s.program.basis(d.article)});
  }
  for (int g = 0; g < s.rows(a.withinTable); ++g) {
    std::vector<int> members = groupRows(s, d, g);
    if (!members.empty()) apportionGroup(s, def, g, members);
  }
}

void apportionmentInputs(State& s, int def, int row, Derivation& derivation) {
  const check::Definition& d = s.program.definitions[static_cast<std::size_t>(def)];
  const check::Apportionment& a = *d.apportion;
  Collector col;
  col.inputs = &derivation.inputs;
  const bool takesPart = rowPart(s, d, row, col, nullptr, nullptr);
  if (takesPart) {
    int groupRow = -1;
    if (a.withinColumn >= 0)
      groupRow =
          std::get<EntityRef>(s.data.tables[static_cast<std::size_t>(d.subject)].cell(
                                  static_cast<std::size_t>(row), static_cast<std::size_t>(a.withinColumn)))
              .row;
    (void)groupTotal(s, d, groupRow, col);
  }
  dedupe(derivation.inputs);
}

}  // namespace verdeel::eval
