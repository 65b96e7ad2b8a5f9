#include "scenario/readings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lang/language.hpp"
#include "scenario/setting.hpp"
#include "source/text.hpp"

namespace verdeel::scenario {

namespace {

// One claim (or controle) under one combination.
struct Outcome {
  bool held = true;
  std::size_t rows = 0, rowsHeld = 0;
  bool fictitious = false;  // the outcome rests on fictitious data
};

// One combination: its readings, its outcomes, its distances summed.
struct Combination {
  std::vector<std::string> readings;
  std::vector<Outcome> outcomes;                    // per claim, in claim order
  std::size_t knownHeld = 0, known = 0;             // compared numbers equal / all, on real data
  std::size_t scenarioHeld = 0, scenarioKnown = 0;  // the same, resting on the fictitious scenario
  mpq_class distance = 0, scenarioDistance = 0;     // |left - right| summed, real / scenario
  std::vector<std::string> controlesBroken;         // controles that do not hold
  bool isDefault = true;
  std::string failure;  // the evaluation error that keeps this combination from being computed
};

std::string dutch(const mpq_class& q) {
  return formatDutch(q, 2);
}

std::string label(const check::Program& p, const Combination& c) {
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < p.choices.size(); ++k)
    parts.push_back(fmt::format("{}={}", p.choices[k].name, c.readings[k]));
  return fmt::format("{}", fmt::join(parts, "; "));
}

// Combinations ranked: most known numbers met on real data, then the smallest distance on real data,
// then the same on the scenario; the default combination first among equals, then in order.
bool better(const Combination& a, const Combination& b) {
  if (a.failure.empty() != b.failure.empty()) return a.failure.empty();
  if (a.knownHeld != b.knownHeld) return a.knownHeld > b.knownHeld;
  if (a.distance != b.distance) return a.distance < b.distance;
  if (a.scenarioHeld != b.scenarioHeld) return a.scenarioHeld > b.scenarioHeld;
  if (a.scenarioDistance != b.scenarioDistance) return a.scenarioDistance < b.scenarioDistance;
  return a.isDefault && !b.isDefault;
}

std::string escapeCell(const std::string& text) {
  std::string out;
  for (char ch : text) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
  return out;
}

}  // namespace

std::optional<std::pair<int, std::vector<std::string>>> parseReadings(const check::Program& p,
                                                                      const std::string& text,
                                                                      std::string& error, std::string& help) {
  const auto eq = text.find('=');
  std::vector<std::string> names;
  for (const auto& c : p.choices) names.push_back(c.name);
  if (eq == std::string::npos || eq == 0) {
    error = trf("`--lezingen {}` should be KEUZE=LEZING,LEZING", text);
    help = names.empty() ? std::string() : trf("for example `--lezingen {}=...`", names.front());
    return std::nullopt;
  }
  const std::string name = text.substr(0, eq);
  int index = -1;
  for (std::size_t k = 0; k < p.choices.size(); ++k)
    if (p.choices[k].name == name) index = static_cast<int>(k);
  if (index < 0) {
    error = trf("there is no keuze `{}`", name);
    if (auto m = closestMatch(name, names); !m.empty()) help = trf("did you mean `{}`?", m);
    return std::nullopt;
  }
  const check::Choice& c = p.choices[static_cast<std::size_t>(index)];
  std::vector<std::string> readings;
  std::string rest = text.substr(eq + 1);
  for (std::size_t start = 0; start <= rest.size();) {
    const auto comma = std::min(rest.find(',', start), rest.size());
    std::string r = rest.substr(start, comma - start);
    start = comma + 1;
    if (!c.find(r)) {
      std::vector<std::string> all;
      for (const auto& a : c.alternatives) all.push_back(a.name);
      error = trf("keuze `{}` has no reading `{}`", name, r);
      const std::string m = closestMatch(r, all);
      help = m.empty() ? trf("its readings are {}", fmt::format("`{}`", fmt::join(all, "`, `")))
                       : trf("did you mean `{}`?", m);
      return std::nullopt;
    }
    if (std::find(readings.begin(), readings.end(), r) == readings.end()) readings.push_back(r);
  }
  return std::make_pair(index, readings);
}

std::optional<ReadingsResult> readings(eval::Evaluation& ev, const ReadingsOptions& o, Diagnostics& diags,
                                       const std::function<void(std::size_t, std::size_t)>& progress) {
  const check::Program& p = ev.program();
  // The readings per keuze, as an odometer (the last keuze varies fastest).
  std::vector<std::vector<std::string>> sets;
  for (std::size_t k = 0; k < p.choices.size(); ++k) {
    std::vector<std::string> all;
    for (const auto& a : p.choices[k].alternatives) all.push_back(a.name);
    for (const auto& [index, only] : o.only)
      if (index == static_cast<int>(k)) all = only;
    sets.push_back(std::move(all));
  }
  std::size_t total = 1;
  for (const auto& s : sets) total *= s.size();
  std::vector<int> claims, controles;
  for (std::size_t i = 0; i < p.controles.size(); ++i)
    (p.controles[i].claim ? claims : controles).push_back(static_cast<int>(i));

  ReadingsResult out;
  out.combinations = total;
  out.distances.file = "keuzes-afstanden";
  out.distances.title = "keuzes: elk vergeleken getal per combinatie van lezingen";
  out.distances.columns = {"combinatie", "lezingen",       "bewering", "entiteit", "uitkomst",
                           "berekend",   "vergeleken_met", "afstand",  "herkomst"};
  out.distances.kinds.assign(out.distances.columns.size(), output::CellKind::Text);

  std::vector<Combination> combos;
  std::vector<std::string> current(sets.size());
  std::string lastFailure;
  for (std::size_t n = 0; n < total; ++n) {
    Combination combo;
    std::size_t rest = n;
    for (std::size_t k = sets.size(); k-- > 0;) {
      const std::string& r = sets[k][rest % sets[k].size()];
      rest /= sets[k].size();
      if (r != current[k]) {
        ev.setParameter(p.choices[k].parameter, Value{r});
        current[k] = r;
      }
    }
    combo.readings = current;
    for (std::size_t k = 0; k < sets.size(); ++k)
      combo.isDefault = combo.isDefault && current[k] == p.choices[k].standard().name;
    ev.resetSteps();
    // An evaluation error (a tie without a tie-break, weights that are all zero) belongs to this
    // combination: it goes into the matrix and the others are computed.
    const std::size_t before = diags.all().size();
    auto failed = [&]() {
      if (diags.all().size() > before)
        if (auto d = diags.takeLast())
          lastFailure = fmt::format("{} ({})", d->message, codeInfo(d->code).name);
      combo.failure = lastFailure;
      combo.outcomes.clear();
      combo.controlesBroken.clear();
      ev.recover();
    };
    const std::string number = std::to_string(n + 1), readingsText = label(p, combo);
    const std::size_t distanceRows = out.distances.rows.size();
    bool ok = ev.update();
    for (std::size_t i = 0; ok && i < claims.size(); ++i) {
      const int index = claims[i];
      auto r = ev.controle(index);
      if (!r) {
        ok = false;
        break;
      }
      const check::Controle& c = p.controles[static_cast<std::size_t>(index)];
      Outcome oc;
      oc.fictitious = r->herkomst == ast::Herkomst::Fictief;
      for (const eval::ClaimRow& row : r->rows) {
        ++oc.rows;
        oc.rowsHeld += row.held ? 1 : 0;
        const bool fictitious = row.herkomst == ast::Herkomst::Fictief;
        for (const eval::Comparison& cmp : row.comparisons) {
          const auto* l = std::get_if<mpq_class>(&cmp.lhs);
          const auto* rr = std::get_if<mpq_class>(&cmp.rhs);
          std::string distance;
          if (!c.reportOnly) continue;  // a known outcome is a claim `ter toetsing`
          if (l && rr && cmp.op == ast::BinOp::Eq) {
            const mpq_class d = abs(*l - *rr);
            distance = dutch(d);
            (fictitious ? combo.scenarioDistance : combo.distance) += d;
            ++(fictitious ? combo.scenarioKnown : combo.known);
            if (d == 0) ++(fictitious ? combo.scenarioHeld : combo.knownHeld);
          }
          out.distances.rows.push_back(
              {number, readingsText, c.description, row.row >= 0 ? ev.entityName(c.subject, row.row) : "",
               row.held ? "houdt stand" : "houdt geen stand", l ? dutch(*l) : ev.format(cmp.lhs),
               rr ? dutch(*rr) : ev.format(cmp.rhs), distance, ast::herkomstName(row.herkomst)});
        }
      }
      oc.held = oc.rowsHeld == oc.rows;
      combo.outcomes.push_back(oc);
    }
    for (std::size_t i = 0; ok && i < controles.size(); ++i) {
      auto r = ev.controle(controles[i]);
      if (!r) {
        ok = false;
        break;
      }
      if (!r->failures.empty())
        combo.controlesBroken.push_back(p.controles[static_cast<std::size_t>(controles[i])].description);
    }
    if (!ok) {
      failed();
      output::TextRows kept;  // the distances of a combination that could not be computed are left out
      for (std::size_t i = 0; i < distanceRows; ++i) kept.push_back(out.distances.rows[i]);
      out.distances.rows = std::move(kept);
      out.distances.rows.push_back(
          {number, readingsText, "", "", "niet te berekenen: " + combo.failure, "", "", "", ""});
      combo.known = combo.knownHeld = combo.scenarioKnown = combo.scenarioHeld = 0;
      combo.distance = combo.scenarioDistance = 0;
    }
    combos.push_back(std::move(combo));
    progress(n + 1, total);
  }

  // The matrix: one row per combination.
  out.matrix.file = "keuzes-matrix";
  out.matrix.title = "keuzes: combinaties van lezingen tegen de beweringen";
  out.matrix.columns.emplace_back("combinatie");
  for (const auto& c : p.choices) out.matrix.columns.push_back(c.name);
  for (int index : claims)
    out.matrix.columns.push_back(p.controles[static_cast<std::size_t>(index)].description);
  for (const char* c : {"bekend_gelijk_echt", "afstand_echt", "bekend_gelijk_scenario", "afstand_scenario",
                        "controles_niet_gehouden", "standaard"})
    out.matrix.columns.emplace_back(c);
  out.matrix.kinds.assign(out.matrix.columns.size(), output::CellKind::Text);
  for (std::size_t n = 0; n < combos.size(); ++n) {
    const Combination& c = combos[n];
    std::vector<std::string> row{std::to_string(n + 1)};
    row.insert(row.end(), c.readings.begin(), c.readings.end());
    if (!c.failure.empty())
      for (std::size_t i = 0; i < claims.size(); ++i) row.emplace_back("niet te berekenen");
    for (const Outcome& oc : c.outcomes) {
      std::string cell = oc.held ? "ja" : "nee";
      if (oc.rows > 1) cell += fmt::format(" ({} van {})", oc.rowsHeld, oc.rows);
      if (oc.fictitious) cell += ", fictief";
      row.push_back(cell);
    }
    row.push_back(fmt::format("{} van {}", c.knownHeld, c.known));
    row.push_back(dutch(c.distance));
    row.push_back(fmt::format("{} van {}", c.scenarioHeld, c.scenarioKnown));
    row.push_back(dutch(c.scenarioDistance));
    row.push_back(c.failure.empty() ? fmt::format("{}", fmt::join(c.controlesBroken, "; "))
                                    : "niet te berekenen: " + c.failure);
    row.emplace_back(c.isDefault ? "ja" : "nee");
    out.matrix.rows.push_back(row);
  }

  // The report: the keuzes with their readings, the ranking, and per reading its best place.
  std::vector<std::size_t> rank(combos.size());
  for (std::size_t i = 0; i < rank.size(); ++i) rank[i] = i;
  std::stable_sort(rank.begin(), rank.end(),
                   [&](std::size_t a, std::size_t b) { return better(combos[a], combos[b]); });
  std::string& md = out.report;
  md += fmt::format("# Keuzes en lezingen: {}\n\n", p.header.title);
  md += fmt::format("{} combinaties van lezingen, elk met dezelfde regels en gegevens doorgerekend ({}). ",
                    total, p.version);
  md +=
      "Een getal dat met `=` wordt vergeleken (een bekende uitkomst) telt als *bekend*; de afstand is het "
      "verschil tussen het berekende en het bekende getal. Op *echte* gegevens beslist de vergelijking; "
      "wat op het fictieve scenario rust (herkomst `fictief`), toont alleen hoe de lezing werkt.\n\n";
  md += "## De keuzes\n\n";
  for (const check::Choice& c : p.choices) {
    md += fmt::format("### `{}`{} ({})\n\n", c.name, c.question.empty() ? "" : ": " + c.question,
                      p.articles[static_cast<std::size_t>(c.article)].label());
    for (const auto& a : c.alternatives)
      md += fmt::format("- `{}`{}{}: {}\n", a.name, a.title.empty() ? "" : " (" + a.title + ")",
                        a.isDefault ? " — **standaard**" : "", oneLine(a.reasoning));
    md += "\n";
  }
  md += "## Rangorde\n\n";
  md +=
      "Eerst de meeste bekende getallen gelijk op echte gegevens, dan de kleinste afstand op echte "
      "gegevens, dan hetzelfde op het scenario.\n\n";
  md +=
      "| plaats | combinatie | lezingen | bekend gelijk (echt) | afstand (echt) | bekend gelijk (scenario) | "
      "afstand (scenario) | controles die niet gelden |\n";
  md += "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |\n";
  for (std::size_t i = 0; i < rank.size(); ++i) {
    const Combination& c = combos[rank[i]];
    md += fmt::format("| {} | {}{} | {} | {} van {} | {} | {} van {} | {} | {} |\n", i + 1, rank[i] + 1,
                      c.isDefault ? " (standaard)" : "", escapeCell(label(p, c)), c.knownHeld, c.known,
                      dutch(c.distance), c.scenarioHeld, c.scenarioKnown, dutch(c.scenarioDistance),
                      !c.failure.empty() ? escapeCell("niet te berekenen: " + c.failure)
                      : c.controlesBroken.empty()
                          ? "geen"
                          : escapeCell(fmt::format("{}", fmt::join(c.controlesBroken, "; "))));
  }
  md += "\n## Per lezing\n\n";
  md +=
      "De beste plaats in de rangorde en de kleinste afstand (echt, scenario) van de combinaties met deze "
      "lezing.\n\n";
  md += "| keuze | lezing | beste plaats | kleinste afstand (echt) | kleinste afstand (scenario) |\n";
  md += "| --- | --- | ---: | ---: | ---: |\n";
  for (std::size_t k = 0; k < p.choices.size(); ++k)
    for (const std::string& r : sets[k]) {
      std::size_t best = SIZE_MAX;
      std::optional<mpq_class> real, scen;
      for (std::size_t i = 0; i < rank.size(); ++i) {
        const Combination& c = combos[rank[i]];
        if (c.readings[k] != r) continue;
        best = std::min(best, i + 1);
        if (!real || c.distance < *real) real = c.distance;
        if (!scen || c.scenarioDistance < *scen) scen = c.scenarioDistance;
      }
      md += fmt::format("| `{}` | `{}` | {} | {} | {} |\n", p.choices[k].name, r, best, dutch(*real),
                        dutch(*scen));
    }
  return out;
}

}  // namespace verdeel::scenario
