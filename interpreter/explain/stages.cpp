#include "explain/stages.hpp"

#include <fmt/format.h>

#include <numeric>

namespace verdeel::explain {

namespace {

std::string roundName(const stdlib::RestRound& round, std::size_t k) {
  std::string text = fmt::format(
      "ronde {} ({}", k + 1,
      round.priority == stdlib::RestPriority::Surplus ? "grootste overschotten" : "grootste gemiddelden");
  if (round.perEntity)
    text += fmt::format(", hoogstens {} resteenhe{} per entiteit", *round.perEntity,
                        *round.perEntity == 1 ? "id" : "den");
  if (!round.eligible.empty()) text += ", alleen wie aan de voorwaarde voldoet";
  return text + ")";
}

const char* measure(const stdlib::RestRound& round) {
  return round.priority == stdlib::RestPriority::Surplus ? "overschot" : "gemiddelde";
}

}  // namespace

std::vector<std::string> stagedNotes(const stdlib::ApportionInput& in, const stdlib::ApportionResult& r,
                                     std::size_t i, const std::function<std::string(std::size_t)>& name,
                                     const std::function<std::string(const mpq_class&)>& exact) {
  std::vector<std::string> out;
  if (in.total == 0 || r.fullUnits.size() <= i) {
    out.push_back(fmt::format("dus {}", r.seats[i].get_str()));
    return out;
  }
  const mpq_class sum = std::accumulate(in.weights.begin(), in.weights.end(), mpq_class(0));
  const mpq_class divisor = sum / mpq_class(in.total);
  out.push_back(fmt::format("kiesdeler: de gewichten samen ({}) gedeeld door {} = {}", exact(sum),
                            in.total.get_str(), exact(divisor)));
  out.push_back(
      fmt::format("volle eenheden: {} / {} naar beneden = {}{}", exact(in.weights[i]), exact(divisor),
                  r.fullUnits[i].get_str(),
                  r.entities[i].bound == stdlib::Bound::Maximum ? " (gehouden op het maximum)" : ""));
  out.push_back(fmt::format("na de volle eenheden ({} samen) bleven {} resteenheden over",
                            r.floorSum.get_str(), r.unitsByRemainder.get_str()));
  mpz_class got = r.fullUnits[i];
  for (std::size_t k = 0; k < in.rounds.size(); ++k) {
    const stdlib::RestRound& round = in.rounds[k];
    std::vector<std::string> given;
    for (std::size_t u = 0; u < r.restUnits.size(); ++u) {
      const stdlib::RestUnit& unit = r.restUnits[u];
      if (unit.round != k) continue;
      if (unit.entity == i) {
        got += 1;
        given.push_back(
            fmt::format("resteenheid {} met {} {}", u + 1, measure(round), exact(unit.priority.value)));
      }
    }
    const auto inRound = static_cast<std::size_t>(
        std::count_if(r.restUnits.begin(), r.restUnits.end(),
                      [&](const stdlib::RestUnit& unit) { return unit.round == k; }));
    if (inRound == 0) {
      const auto before = static_cast<std::size_t>(
          std::count_if(r.restUnits.begin(), r.restUnits.end(),
                        [&](const stdlib::RestUnit& unit) { return unit.round < k; }));
      out.push_back(
          mpz_class(r.unitsByRemainder - before) > 0
              ? fmt::format("{}: geen resteenheden, want niemand kwam in aanmerking", roundName(round, k))
              : fmt::format("{}: niet nodig, de resteenheden waren op", roundName(round, k)));
      continue;
    }
    std::string line =
        fmt::format("{}: {} resteenhe{}", roundName(round, k), inRound, inRound == 1 ? "id" : "den");
    if (!given.empty())
      line += fmt::format("; deze kreeg {}", fmt::join(given, ", "));
    else if (!round.eligible.empty() && !round.eligible[i])
      line += "; deze deed niet mee (voldoet niet aan de voorwaarde)";
    else if (in.weights[i] == 0)
      line += "; deze deed niet mee (gewicht 0)";
    else
      line += fmt::format("; deze kreeg er geen ({} {})", measure(round),
                          exact(stdlib::restPriority(in, r, k, i).value));
    out.push_back(line);
  }
  if (!r.restUnits.empty()) {
    const stdlib::RestUnit& last = r.restUnits.back();
    out.push_back(fmt::format("de laatste resteenheid ging naar {} (ronde {}, {} {})", name(last.entity),
                              last.round + 1, measure(in.rounds[last.round]), exact(last.priority.value)));
    if (r.firstOut)
      out.push_back(fmt::format("de eerste die net buiten viel: {} ({} {})", name(*r.firstOut),
                                measure(in.rounds[last.round]),
                                exact(stdlib::restPriority(in, r, last.round, *r.firstOut).value)));
  }
  if (r.majorityMove) {
    const auto [from, to] = *r.majorityMove;
    if (to == i)
      out.push_back(
          fmt::format("meerderheidsregel: meer dan de helft van de stemmen maar niet van de zetels, dus "
                      "één erbij, van {} (die de laatste resteenheid kreeg)",
                      name(from)));
    if (from == i)
      out.push_back(fmt::format("meerderheidsregel: gaf de laatste resteenheid af aan {}", name(to)));
  }
  const mpz_class rest = got - r.fullUnits[i];
  std::string sum2 = fmt::format("dus {}: {} vol{}", r.seats[i].get_str(), r.fullUnits[i].get_str(),
                                 rest > 0 ? fmt::format(" + {} rest", rest.get_str()) : std::string());
  if (r.majorityMove && r.majorityMove->second == i) sum2 += " + 1 meerderheid";
  if (r.majorityMove && r.majorityMove->first == i) sum2 += " - 1 meerderheid";
  out.push_back(sum2);
  return out;
}

}  // namespace verdeel::explain
