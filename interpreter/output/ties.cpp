#include "output/ties.hpp"

#include <fmt/format.h>

namespace verdeel::output {

namespace {

// How the tie was decided, in words for the table.
std::string decidedBy(const eval::TieOutcome& t, const check::Apportionment& a, const check::Table& subject) {
  switch (t.by) {
    case eval::TieOutcome::By::Order: {
      const check::TieKey& k = a.tieBreak[static_cast<std::size_t>(t.decidingKey)];
      return fmt::format("volgorde bij gelijke stand: {}{}", k.text, k.descending ? " aflopend" : "");
    }
    case eval::TieOutcome::By::Key:
      return fmt::format(
          "sleutel van de tabel ({})",
          subject.key >= 0 ? subject.columns[static_cast<std::size_t>(subject.key)].name : "rij");
    case eval::TieOutcome::By::Lot:
      return fmt::format("lot (kolom {})", a.tieBreak[static_cast<std::size_t>(t.decidingKey)].text);
    case eval::TieOutcome::By::Undecided: break;
  }
  for (const check::TieKey& k : a.tieBreak)
    if (k.lot) return fmt::format("niet beslist: loting nodig (kolom {})", k.text);
  return "niet beslist: geen volgorde bij gelijke stand";
}

}  // namespace

std::optional<DecisionTable> tieTable(eval::Evaluation& ev) {
  const check::Program& p = ev.program();
  DecisionTable out;
  out.file = "gelijke-standen";
  out.output = out.file;
  out.title = "gelijke standen";
  out.columns = {"verdeling", "groep",    "entiteit",     "maatstaf", "waarde",
                 "eenheden",  "uitkomst", "beslist door", "volgorde", "grondslag"};
  out.kinds.assign(out.columns.size(), CellKind::Text);
  out.kinds[4] = CellKind::Number;  // the shared remainder or priority, exact
  for (const eval::ApportionmentRecord* rec : ev.ties()) {
    const check::Definition& d = p.definitions[static_cast<std::size_t>(rec->definition)];
    const check::Apportionment& a = *d.apportion;
    const eval::TieOutcome& t = *rec->tie;
    const bool remainder = rec->input.method == stdlib::Method::LargestRemainder;
    const std::string group = rec->groupRow >= 0 ? ev.entityName(a.withinTable, rec->groupRow) : "";
    const std::string units = fmt::format("{} van {}", t.units, t.entities.size());
    const check::Table& subject = p.tables[static_cast<std::size_t>(d.subject)];
    const std::string by = decidedBy(t, a, subject);
    const std::string basis = d.article >= 0 ? p.articles[static_cast<std::size_t>(d.article)].label() : "";
    // Under `methode restronden` the tie is in a round: by surplus or by average.
    const bool staged = rec->input.method == stdlib::Method::Staged;
    const bool surplusRound =
        staged && rec->input.rounds[rec->result.tieRound].priority == stdlib::RestPriority::Surplus;
    const std::string value =
        remainder || staged ? formatNumber(t.value.value) : stdlib::formatPriority(t.value);
    const char* measure = remainder || surplusRound                             ? "overschot"
                          : staged                                              ? "gemiddelde"
                          : rec->input.method == stdlib::Method::HuntingtonHill ? "prioriteit (kwadraat)"
                                                                                : "prioriteit";
    for (std::size_t k = 0; k < t.entities.size(); ++k) {
      const int row = rec->rows[t.entities[k]];
      const char* outcome = t.by == eval::TieOutcome::By::Undecided ? "niet beslist"
                            : t.gets[k]                             ? "krijgt de eenheid"
                                                                    : "krijgt haar niet";
      // The entity's value of what decided: the key, the drawn lot, or the table's key.
      std::string order;
      if (t.decidingKey >= 0 && t.entities[k] < rec->tieKeys.size())
        order = ev.format(rec->tieKeys[t.entities[k]][static_cast<std::size_t>(t.decidingKey)]);
      else if (t.by == eval::TieOutcome::By::Key && subject.key >= 0)
        order = ev.format(ev.data().tables[static_cast<std::size_t>(d.subject)].cell(
            static_cast<std::size_t>(row), static_cast<std::size_t>(subject.key)));
      out.rows.push_back(
          {d.name, group, ev.entityName(d.subject, row), measure, value, units, outcome, by, order, basis});
    }
  }
  if (out.rows.empty()) return std::nullopt;
  // The deciding values are numbers when every one is (a lot, votes), so that they stay numbers in
  // a workbook; names stay text.
  bool numeric = true;
  for (const auto row : out.rows) {
    mpq_class q;
    numeric = numeric && (row[8].empty() || parseFormatted(row[8], q));
  }
  if (numeric) out.kinds[8] = CellKind::Number;
  return out;
}

}  // namespace verdeel::output
