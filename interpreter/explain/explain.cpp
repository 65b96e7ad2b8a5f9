#include "explain/explain.hpp"

#include "explain/calculation.hpp"
#include "explain/stages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "lang/language.hpp"
#include "source/text.hpp"
#include "stdlib/apportion.hpp"
#include "stdlib/builtins.hpp"

namespace verdeel::explain {

// An exact number for readers, in Dutch notation: `1.234`, `0,25`; a fraction without a finite
// decimal as `2397/38 (≈ 63,08)`.
std::string exact(const mpq_class& q) {
  if (formatNumber(q).find('/') == std::string::npos) return formatDutch(q, 12);
  return fmt::format("{} (≈ {})", formatNumber(q),
                     formatDutch(q, 2).substr(formatDutch(q, 2).rfind(' ') + 1));
}

namespace {

// A value for readers: numbers as exact() does, the rest as computed.
std::string shown(const eval::Evaluation& ev, const Value& v) {
  if (const auto* q = std::get_if<mpq_class>(&v)) return exact(*q);
  return ev.format(v);
}

// A priority as shown: exact, except for Huntington-Hill, whose exact value is the square of an
// irrational number; that one is shown as its square root to 2 decimals (comparisons stay exact).
std::string priority(const stdlib::Priority& pr, stdlib::Method m) {
  if (pr.infinite || m != stdlib::Method::HuntingtonHill) return stdlib::formatPriority(pr);
  mpz_class scaled = pr.value.get_num() * 10000 / pr.value.get_den();  // value * 10^4, floored
  mpz_class root;
  mpz_sqrt(root.get_mpz_t(), scaled.get_mpz_t());  // sqrt(value) * 10^2, floored
  return fmt::format("≈ {} (√ van {})", formatNumber(mpq_class(root, 100)), stdlib::formatPriority(pr));
}

class Builder {
 public:
  Builder(eval::Evaluation& ev, const Options& o) : ev_(ev), p_(ev.program()), d_(ev.data()), o_(o) {}

  // The reading a keuze's definition took its value from, with the motivation of that reading.
  void choiceNotes(int param, Node& n) {
    const check::Choice* k = p_.choiceOf(param);
    const eval::Computed* v = ev_.parameter(param);
    const auto* name = v ? std::get_if<std::string>(&v->value) : nullptr;
    const check::Choice::Alternative* a = k && name ? k->find(*name) : nullptr;
    if (!a) return;
    n.notes.push_back(trf("keuze `{}`{}: reading `{}`{} ({})", k->name,
                          k->question.empty() ? std::string() : fmt::format(" (\"{}\")", k->question),
                          a->name, a->title.empty() ? std::string() : fmt::format(" \"{}\"", a->title),
                          a->isDefault ? tr("the default") : tr("not the default")));
    n.notes.push_back(trf("motivation: {}", oneLine(a->reasoning)));
  }

  // The reading's own definition a keuze's definition takes its value from, or -1.
  int selectedReading(const check::Definition& d) {
    const eval::Computed* v = ev_.parameter(d.selectsBy);
    const auto* reading = v ? std::get_if<std::string>(&v->value) : nullptr;
    for (const auto& [name, def] : d.readings)
      if (reading && name == *reading) return def;
    return -1;
  }

  std::optional<Node> definition(int def, int row, int depth) {
    const check::Definition& d = p_.definitions[static_cast<std::size_t>(def)];
    // A keuze's definition is explained as the reading it took its value from, with the keuze.
    if (d.selectsBy >= 0 && ev_.definition(def, row) && ev_.definition(def, row)->exception < 0)
      if (int chosen = selectedReading(d); chosen >= 0) {
        auto n = definition(chosen, row, depth);
        if (!n) return std::nullopt;
        Node keuze;
        choiceNotes(d.selectsBy, keuze);
        n->notes.insert(n->notes.begin(), keuze.notes.begin(), keuze.notes.end());
        return n;
      }
    const eval::Computed* c = ev_.definition(def, row);
    if (!c) return std::nullopt;
    const auto how = ev_.derivation(def, row);
    if (!how) return std::nullopt;
    Node n;
    n.what = d.subject >= 0 ? fmt::format("{} van {}", d.name, ev_.entityName(d.subject, row)) : d.name;
    n.value = shown(ev_, c->value);
    n.raw = ev_.format(c->value);
    n.herkomst = ast::herkomstName(c->herkomst());
    n.rule = articleText(c->article);
    if (o_.lawText && c->article >= 0) n.lawText = p_.articles[static_cast<std::size_t>(c->article)].lawText;
    // The calculation with its numbers filled in, when it is arithmetic of this entity's values.
    if (d.selectsBy >= 0 && c->exception < 0)
      choiceNotes(d.selectsBy, n);
    else if (d.body && c->exception < 0)
      if (auto line = filledIn(ev_, *d.body, d.subject, row)) n.notes.push_back("berekening: " + *line);
    exceptions(d, *c, *how, n);
    if (d.apportion && d.subject >= 0 && !apportionment(def, row, n)) return std::nullopt;
    const bool again = !seen_.insert({def, row}).second;
    if (again && !how->inputs.empty()) {
      n.notes.emplace_back("afleiding: zie hierboven");
      return n;
    }
    if (depth >= o_.depth) {
      n.foldedBelow = !how->inputs.empty();
      return n;
    }
    for (const eval::InputRef& in : how->inputs) {
      if (n.inputs.size() >= o_.maxInputs) {
        ++n.inputsLeftOut;
        continue;
      }
      auto child = input(in, depth + 1);
      if (!child) return std::nullopt;
      n.inputs.push_back(std::move(*child));
    }
    return n;
  }

 private:
  eval::Evaluation& ev_;
  const check::Program& p_;
  const data::Dataset& d_;
  const Options& o_;
  std::set<std::pair<int, int>> seen_;

  std::string articleText(int article) const {
    if (article < 0) return fmt::format("de regeling \"{}\"", p_.header.title);
    const check::Article& a = p_.articles[static_cast<std::size_t>(article)];
    return a.title.empty() ? a.label() : fmt::format("{} \"{}\"", a.label(), a.title);
  }

 public:
  // A parameter: its value, the article, the grondslag of the value in force and, for a parameter
  // with dated values, the others with their dates (or the scenario that set it for this run).
  std::optional<Node> parameter(int index) {
    const check::Parameter& prm = p_.parameters[static_cast<std::size_t>(index)];
    const eval::Computed* c = ev_.parameter(index);
    if (!c) return std::nullopt;
    Node n;
    n.what = fmt::format("parameter {}", prm.name);
    n.value = shown(ev_, c->value);
    n.raw = ev_.format(c->value);
    n.herkomst = ast::herkomstName(c->herkomst());
    n.rule = prm.article >= 0 ? articleText(prm.article) : fmt::format("grondslag: {}", prm.basis);
    bool set = false;
    for (const auto& [param, value] : ev_.overrides())
      if (param == index) {
        n.rule = fmt::format("scenario (--zet {}={}), in plaats van {}", prm.name, ev_.format(value), n.rule);
        set = true;
      }
    if (o_.lawText && prm.article >= 0)
      n.lawText = p_.articles[static_cast<std::size_t>(prm.article)].lawText;
    if (!prm.basis.empty() && prm.article >= 0 && !set && prm.history.size() <= 1)
      n.notes.push_back(fmt::format("grondslag: {}", prm.basis));
    if (prm.history.size() > 1)
      for (const auto& v : prm.history) {
        const std::string from = v.from ? "vanaf " + v.from->str() : std::string("zonder datum");
        const std::string basis = v.basis.empty() ? std::string() : fmt::format(" (grondslag: {})", v.basis);
        n.notes.push_back(v.chosen && !set
                              ? fmt::format("geldt op de peildatum: {} {}{}", v.text, from, basis)
                              : fmt::format("andere waarde: {} {}{}", v.text, from, basis));
      }
    return n;
  }

 private:
  std::optional<Node> input(const eval::InputRef& in, int depth) {
    switch (in.kind) {
      case eval::InputRef::Kind::Definition: return definition(in.index, in.row, depth);
      case eval::InputRef::Kind::Parameter: return parameter(in.index);
      case eval::InputRef::Kind::Cell: {
        const check::Table& t = p_.tables[static_cast<std::size_t>(in.table)];
        const data::TableData& td = d_.tables[static_cast<std::size_t>(in.table)];
        Node n;
        n.what = fmt::format("{} van {}", t.columns[static_cast<std::size_t>(in.index)].name,
                             ev_.entityName(in.table, in.row));
        const Value& cell = td.cell(static_cast<std::size_t>(in.row), static_cast<std::size_t>(in.index));
        n.value = shown(ev_, cell);
        n.raw = ev_.format(cell);
        if (n.value.empty()) n.value = "(leeg)";
        n.herkomst = ast::herkomstName(td.herkomst[static_cast<std::size_t>(in.row)]);
        n.rule =
            fmt::format("gegeven: {}:{} ({})", td.path, td.lines[static_cast<std::size_t>(in.row)], t.source);
        return n;
      }
    }
    return std::nullopt;
  }

  void exceptions(const check::Definition& d, const eval::Computed& c, const eval::Derivation& how,
                  Node& n) const {
    for (const eval::ExceptionOutcome& e : how.exceptions) {
      const check::Exception& ex = p_.exceptions[static_cast<std::size_t>(e.exception)];
      std::string where = articleText(ex.article);
      if (e.exception == c.exception)
        n.notes.push_back(
            fmt::format("uitzondering `{}` ({}) is van toepassing: de voorwaarde is waar", ex.name, where));
      else if (!e.conditionHeld)
        n.notes.push_back(fmt::format(
            "uitzondering `{}` ({}) is niet van toepassing: de voorwaarde is onwaar", ex.name, where));
      else if (e.overruledBy >= 0)
        n.notes.push_back(fmt::format("uitzondering `{}` ({}): de voorwaarde is waar, maar `{}` gaat voor",
                                      ex.name, where,
                                      p_.exceptions[static_cast<std::size_t>(e.overruledBy)].name));
    }
    if (!how.exceptions.empty() && c.exception < 0)
      n.notes.push_back(fmt::format("daarom geldt de hoofdregel van `{}`", d.name));
  }

  bool apportionment(int def, int row, Node& n) {
    const check::Definition& d = p_.definitions[static_cast<std::size_t>(def)];
    const eval::ApportionmentRecord* rec = ev_.apportionment(def, row);
    if (!rec) return false;
    const stdlib::ApportionInput& in = rec->input;
    const stdlib::ApportionResult& r = rec->result;
    const std::string method = stdlib::methodName(in.method);
    const std::string group = rec->groupRow >= 0
                                  ? " binnen " + ev_.entityName(d.apportion->withinTable, rec->groupRow)
                                  : std::string();
    n.notes.push_back(fmt::format("verdeling{}: {} eenheden over {} × {}, methode {}", group,
                                  in.total.get_str(), rec->rows.size(),
                                  p_.tables[static_cast<std::size_t>(d.subject)].name, method));
    const int k = rec->indexOf(row);
    if (k < 0) {
      n.notes.emplace_back("doet niet mee: de voorwaarde na `waarvoor` is onwaar, dus 0");
      return true;
    }
    const auto i = static_cast<std::size_t>(k);
    const auto name = [&](std::size_t j) { return ev_.entityName(d.subject, rec->rows[j]); };
    const stdlib::EntityOutcome& e = r.entities[i];
    const mpq_class q = stdlib::quota(in, r, i);
    const bool rescaledBounds = in.method == stdlib::Method::LargestRemainder && in.rescaled &&
                                (!in.minimum.empty() || !in.maximum.empty());
    n.notes.push_back(fmt::format(
        "gewicht {}; quotum ({}) {}", exact(in.weights[i]),
        rescaledBounds ? "het aandeel, herschaald binnen de grenzen" : "het exacte aandeel", exact(q)));
    if (r.statutoryBounds) {
      if (e.bound == stdlib::Bound::Maximum)
        n.notes.emplace_back(
            "het hele deel boven het maximum: verlaagd tot het maximum; wat vrijkwam ging naar de "
            "anderen, op volgorde van overschot");
      if (e.bound == stdlib::Bound::Minimum)
        n.notes.emplace_back("het hele deel onder het minimum: verhoogd tot het minimum");
      if (e.unitTaken)
        n.notes.emplace_back("gaf een eenheid af aan de minima van anderen (het kleinste overschot eerst)");
    } else {
      if (e.bound == stdlib::Bound::Maximum)
        n.notes.emplace_back("gehouden op het maximum; het meerdere ging naar de anderen");
      if (e.bound == stdlib::Bound::Minimum) n.notes.emplace_back("verhoogd tot het minimum");
      if (const auto rounds = in.method == stdlib::Method::Staged ? std::vector<stdlib::BoundRound>{}
                                                                  : stdlib::boundRounds(in);
          !rounds.empty())
        n.notes.push_back(fmt::format("grenzen: {} ronde(n) van herverdeling{}", rounds.size(),
                                      rescaledBounds ? " (herschaald)" : ""));
    }
    const std::string seats = r.seats[i].get_str();
    if (in.method == stdlib::Method::Staged) {
      for (std::string& line : stagedNotes(in, r, i, name, exact)) n.notes.push_back(std::move(line));
    } else if (in.method == stdlib::Method::LargestRemainder) {
      const char* wholeParts = r.statutoryBounds ? " en de grenzen" : "";
      n.notes.push_back(fmt::format("heel deel {}, overschot {}", stdlib::quotaFloor(in, r, i).get_str(),
                                    exact(stdlib::remainder(in, r, i))));
      n.notes.push_back(
          r.unitsByRemainder < 0
              ? fmt::format(
                    "de hele delen met de minima ({} samen) zijn {} meer dan het totaal; die gingen af "
                    "van de kleinste overschotten",
                    r.floorSum.get_str(), mpz_class(-r.unitsByRemainder).get_str())
          : r.unitsByRemainder == 1
              ? fmt::format("na de hele delen{} ({} samen) bleef 1 eenheid over voor het grootste overschot",
                            wholeParts, r.floorSum.get_str())
              : fmt::format(
                    "na de hele delen{} ({} samen) bleven {} eenheden over voor de grootste overschotten",
                    wholeParts, r.floorSum.get_str(), r.unitsByRemainder.get_str()));
      if (e.remainderRank > 0)
        n.notes.push_back(
            fmt::format("dit overschot staat op plaats {} van {}", e.remainderRank,
                        std::count_if(r.entities.begin(), r.entities.end(),
                                      [](const stdlib::EntityOutcome& x) { return x.remainderRank > 0; })));
      if (r.lastIn)
        n.notes.push_back(fmt::format("laatste die een eenheid kreeg: {} (overschot {})", name(*r.lastIn),
                                      exact(stdlib::remainder(in, r, *r.lastIn))));
      if (r.firstOut)
        n.notes.push_back(fmt::format("eerste die er geen kreeg: {} (overschot {})", name(*r.firstOut),
                                      exact(stdlib::remainder(in, r, *r.firstOut))));
      const mpz_class whole = stdlib::quotaFloor(in, r, i);
      n.notes.push_back(
          e.bound != stdlib::Bound::None && r.statutoryBounds
              ? fmt::format("dus {}: {}", seats,
                            e.bound == stdlib::Bound::Minimum ? "het minimum" : "het maximum")
          : e.unitTaken ? fmt::format("dus {}: het hele deel min één", seats)
          : e.remainderUnit && r.seats[i] > whole + 1
              ? fmt::format("dus {}: het hele deel plus {} (de maxima van anderen lieten meer vrij dan één "
                            "ronde)",
                            seats, mpz_class(r.seats[i] - whole).get_str())
          : e.remainderUnit
              ? fmt::format("dus {}: het hele deel plus één", seats)
              : fmt::format("dus {}: het hele deel, zonder eenheid uit de overschotten", seats));
    } else {
      const auto m = in.method;
      if (auto last = stdlib::lastPriority(in, r, i))
        n.notes.push_back(fmt::format("eenheid {} kreeg het met prioriteit {}", seats, priority(*last, m)));
      if (r.lastIn)
        n.notes.push_back(fmt::format("de laatste eenheid van alle {} ging naar {} met prioriteit {}",
                                      in.total.get_str(), name(*r.lastIn),
                                      priority(*stdlib::lastPriority(in, r, *r.lastIn), m)));
      if (r.firstOut)
        n.notes.push_back(fmt::format("de eerste die net buiten viel: {} met prioriteit {}",
                                      name(*r.firstOut),
                                      priority(*stdlib::nextPriority(in, r, *r.firstOut), m)));
      if (auto next = stdlib::nextPriority(in, r, i))
        n.notes.push_back(
            fmt::format("eenheid {} zou prioriteit {} hebben, lager dan de grens: dus {}, niet {}",
                        mpz_class(r.seats[i] + 1).get_str(), priority(*next, m), seats,
                        mpz_class(r.seats[i] + 1).get_str()));
      if (m == stdlib::Method::HuntingtonHill)
        n.notes.emplace_back(
            "Huntington-Hill: prioriteit = gewicht / √(s·(s+1)); vergeleken wordt exact, in het kwadraat");
    }
    if (e.decidedByTieBreak) tie(d, *rec, i, n);
    return true;
  }

  // A tie at the cut-off decided by the declared order: who was tied, on what value, which got a
  // unit, and the keys that put them in that order (the table's key last).
  void tie(const check::Definition& d, const eval::ApportionmentRecord& rec, std::size_t i, Node& n) {
    const stdlib::ApportionInput& in = rec.input;
    const stdlib::ApportionResult& r = rec.result;
    const bool largestRemainder = in.method == stdlib::Method::LargestRemainder;
    // The tie the method recorded (every method records its entities and who got the unit).
    std::vector<std::size_t> tied = r.tied;
    if (in.tieRank.size() == r.entities.size())
      std::sort(tied.begin(), tied.end(),
                [&](std::size_t x, std::size_t y) { return in.tieRank[x] < in.tieRank[y]; });
    const auto won = [&](std::size_t j) { return stdlib::tieWinner(in, r, j); };
    const stdlib::Priority cut = stdlib::tiedValue(in, r);
    const check::Apportionment& a = *d.apportion;
    const check::Table& t = p_.tables[static_cast<std::size_t>(d.subject)];
    std::vector<std::string> names;
    for (const auto& key : a.tieBreak)
      names.push_back(key.lot ? "lot uit " + key.text : key.text + (key.descending ? " aflopend" : ""));
    if (t.key >= 0) names.push_back(t.columns[static_cast<std::size_t>(t.key)].name);
    n.notes.push_back(fmt::format(
        "gelijke stand bij de grens: {} {} {} ({}), en niet alle kregen een eenheid", tied.size(),
        tied.size() == 1 ? "had" : "hadden", largestRemainder ? "hetzelfde overschot" : "dezelfde prioriteit",
        largestRemainder ? exact(stdlib::remainder(in, r, i)) : stdlib::formatPriority(cut)));
    n.notes.push_back(fmt::format("de volgorde bij gelijke stand besliste: {}", fmt::join(names, ", dan ")));
    const data::TableData& table = d_.tables[static_cast<std::size_t>(d.subject)];
    for (std::size_t place = 0; place < tied.size(); ++place) {
      const std::size_t j = tied[place];
      std::vector<std::string> values;
      if (j < rec.tieKeys.size())
        for (std::size_t k = 0; k < rec.tieKeys[j].size() && k < a.tieBreak.size(); ++k)
          values.push_back(fmt::format("{} {}", a.tieBreak[k].text, shown(ev_, rec.tieKeys[j][k])));
      if (t.key >= 0)
        values.push_back(fmt::format(
            "{} {}", t.columns[static_cast<std::size_t>(t.key)].name,
            ev_.format(table.cell(static_cast<std::size_t>(rec.rows[j]), static_cast<std::size_t>(t.key)))));
      n.notes.push_back(fmt::format(
          "  {}. {}{}: {}, dus {}", place + 1, ev_.entityName(d.subject, rec.rows[j]),
          j == i ? " (deze)" : "", fmt::join(values, ", "), won(j) ? "kreeg de eenheid" : "kreeg haar niet"));
    }
  }
};

}  // namespace

std::optional<Entity> findEntity(const eval::Evaluation& ev, const std::string& wanted, int preferTable,
                                 std::string& error) {
  const check::Program& p = ev.program();
  const data::Dataset& d = ev.data();
  std::string text = wanted;
  int only = -1;
  if (auto colon = wanted.find(':'); colon != std::string::npos) {
    only = p.table(wanted.substr(0, colon));
    if (only >= 0) text = wanted.substr(colon + 1);
  }
  std::vector<Entity> exactMatches, looseMatches;
  std::vector<std::string> names;
  for (std::size_t t = 0; t < p.tables.size(); ++t) {
    if (only >= 0 && static_cast<int>(t) != only) continue;
    const check::Table& tab = p.tables[t];
    for (std::size_t r = 0; r < d.tables[t].size(); ++r) {
      const auto cells = d.tables[t].row(r);
      std::vector<std::string> ids;
      if (tab.key >= 0) ids.push_back(ev.format(cells[static_cast<std::size_t>(tab.key)]));
      if (tab.nameColumn >= 0) ids.push_back(ev.format(cells[static_cast<std::size_t>(tab.nameColumn)]));
      bool exactHit = false, looseHit = false;
      for (const auto& id : ids) {
        names.push_back(id);
        exactHit = exactHit || id == text;
        looseHit = looseHit || asciiLower(id) == asciiLower(text);
      }
      if (exactHit)
        exactMatches.push_back({static_cast<int>(t), static_cast<int>(r)});
      else if (looseHit)
        looseMatches.push_back({static_cast<int>(t), static_cast<int>(r)});
    }
  }
  std::vector<Entity>& found = exactMatches.empty() ? looseMatches : exactMatches;
  // Between tables, prefer those the decisions are about (the subject of an output).
  if (found.size() > 1) {
    std::vector<Entity> decided;
    for (const Entity& e : found)
      for (const check::Output& o : p.outputs)
        if (o.subject == e.table) {
          decided.push_back(e);
          break;
        }
    if (!decided.empty()) found = decided;
  }
  if (found.size() > 1 && preferTable >= 0) {
    std::vector<Entity> preferred;
    for (const Entity& e : found)
      if (e.table == preferTable) preferred.push_back(e);
    if (!preferred.empty()) found = preferred;
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    error = trf("no gemeente, provincie or other entity is called `{}`", wanted);
    if (auto m = closestMatch(text, names); !m.empty()) error += trf("; did you mean `{}`?", m);
    return std::nullopt;
  }
  std::vector<std::string> options;
  options.reserve(found.size());
  for (const Entity& e : found)
    options.push_back(fmt::format("`{}:{}`", p.tables[static_cast<std::size_t>(e.table)].name, text));
  error = trf("`{}` names more than one entity: write {}", wanted, fmt::join(options, " or "));
  return std::nullopt;
}

int defaultDefinition(const check::Program& p, int table) {
  if (const int main = p.mainDefinition(table); main >= 0) return main;
  for (std::size_t i = p.definitions.size(); i-- > 0;)
    if (p.definitions[i].subject == table) return static_cast<int>(i);
  return -1;
}

std::optional<Node> explain(eval::Evaluation& ev, int definition, int row, const Options& options) {
  auto n = Builder(ev, options).definition(definition, row, 0);
  if (n) n->version = fmt::format("{}, {}", ev.program().header.title, ev.program().version);
  std::vector<std::string> set;
  for (const auto& [param, value] : ev.overrides())
    set.push_back(fmt::format("{} = {}", ev.program().parameters[static_cast<std::size_t>(param)].name,
                              ev.format(value)));
  if (n && !set.empty()) n->version += fmt::format("; scenario: {}", fmt::join(set, ", "));
  return n;
}

std::optional<Node> explainParameter(eval::Evaluation& ev, int parameter, const Options& options) {
  auto n = Builder(ev, options).parameter(parameter);
  if (n) n->version = fmt::format("{}, {}", ev.program().header.title, ev.program().version);
  return n;
}

}  // namespace verdeel::explain
