// Staged apportionment (Method::Staged, `methode restronden`): full units by the quota unit (the
// Kieswet's kiesdeler), then rest units in declared rounds, then the majority rule. Exact rationals
// throughout: elections have tens of entities and at most a few hundred units, so each rest unit is
// given by one pass over the candidates (O(units x n)); the divisor methods keep the n log n path.
#include <algorithm>
#include <numeric>

#include "lang/language.hpp"
#include "stdlib/apportion.hpp"

namespace verdeel::stdlib {

namespace {

// Orders two priorities: -1, 0, 1.
int comparePriority(const Priority& a, const Priority& b) {
  if (a.infinite || b.infinite) return a.infinite == b.infinite ? 0 : (a.infinite ? 1 : -1);
  return cmp(a.value, b.value) < 0 ? -1 : (a.value == b.value ? 0 : 1);
}

// Entity i's claim in a round: its surplus (weight - full units x kiesdeler) or its average with the
// units it holds (weight / (units + 1)). `sum` is the sum of the weights.
Priority priorityOf(const ApportionInput& in, const RestRound& round, const mpq_class& sum,
                    const mpz_class& full, const mpz_class& units, std::size_t i) {
  mpq_class p = round.priority == RestPriority::Surplus
                    ? mpq_class(in.weights[i] - mpq_class(full) * sum / mpq_class(in.total))
                    : mpq_class(in.weights[i] / mpq_class(units + 1));
  p.canonicalize();
  return {p, false};
}

struct Staged {
  const ApportionInput& in;
  ApportionOutcome& out;
  std::size_t n;
  mpq_class sum;  // of the weights
  std::vector<mpz_class> seats;
  std::vector<std::size_t> rest;  // rest units so far per entity

  std::size_t order(std::size_t i) const { return in.tieRank.empty() ? i : in.tieRank[i]; }
  bool atMaximum(std::size_t i) const {
    return !in.maximum.empty() && in.maximum[i] && seats[i] >= *in.maximum[i];
  }
  bool admitted(const RestRound& round, std::size_t i) const {
    if (in.weights[i] == 0 || atMaximum(i)) return false;
    if (!round.eligible.empty() && !round.eligible[i]) return false;
    return !round.perEntity || rest[i] < *round.perEntity;
  }
  Priority priority(const RestRound& round, std::size_t i) const {
    return priorityOf(in, round, sum, out.result.fullUnits[i], seats[i], i);
  }
  // The best admitted candidate of a round: highest priority, then the tie order.
  std::optional<std::size_t> best(const RestRound& round) const {
    std::optional<std::size_t> top;
    Priority topPriority;
    for (std::size_t i = 0; i < n; ++i) {
      if (!admitted(round, i)) continue;
      const Priority p = priority(round, i);
      const int c = top ? comparePriority(p, topPriority) : 1;
      if (c > 0 || (c == 0 && order(i) < order(*top))) {
        top = i;
        topPriority = p;
      }
    }
    return top;
  }

  void full() {
    ApportionResult& r = out.result;
    r.fullUnits.assign(n, 0);
    mpz_class given = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (in.total > 0 && sum > 0) {
        const mpq_class q = in.weights[i] * mpq_class(in.total) / sum;
        mpz_fdiv_q(r.fullUnits[i].get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
      }
      if (!in.maximum.empty() && in.maximum[i] && r.fullUnits[i] > *in.maximum[i]) {
        r.fullUnits[i] = *in.maximum[i];
        r.entities[i].bound = Bound::Maximum;
      }
      seats[i] = r.fullUnits[i];
      given += seats[i];
    }
    r.floorSum = given;
    r.unitsByRemainder = in.total - given;
  }

  // Gives the rest units; a tie at the unit where they run out is recorded (and an error without a
  // tie-break).
  void rounds() {
    ApportionResult& r = out.result;
    mpz_class left = r.unitsByRemainder;
    for (std::size_t k = 0; k < in.rounds.size() && left > 0; ++k) {
      const RestRound& round = in.rounds[k];
      while (left > 0) {
        auto top = best(round);
        if (!top) break;
        const Priority p = priority(round, *top);
        // At the last unit: who else had the same claim on it?
        if (left == 1) {
          std::vector<std::size_t> equal;
          for (std::size_t i = 0; i < n; ++i)
            if (i != *top && admitted(round, i) && comparePriority(priority(round, i), p) == 0)
              equal.push_back(i);
          if (!equal.empty()) {
            // Every unit of this round given at the same priority was part of the same contest.
            std::vector<std::size_t> winners{*top};
            for (const RestUnit& u : r.restUnits)
              if (u.round == k && comparePriority(u.priority, p) == 0) winners.push_back(u.entity);
            out.entities = equal;
            out.entities.insert(out.entities.end(), winners.begin(), winners.end());
            std::sort(out.entities.begin(), out.entities.end());
            r.tied = out.entities;
            r.tiedUnits = winners.size();
            r.tieValue = p;
            r.tieRound = k;
            r.tiedWinners = winners;
            if (in.tieRank.empty()) {
              out.error = ApportionError::Tie;
              out.detail =
                  round.priority == RestPriority::Surplus
                      ? trf("{} entities have the same surplus ({}) for the last rest unit, in round {}",
                            r.tied.size(), formatPriority(p), k + 1)
                      : trf("{} entities have the same average ({}) for the last rest unit, in round {}",
                            r.tied.size(), formatPriority(p), k + 1);
              return;
            }
            r.tieBreakUsed = true;
            for (std::size_t i : r.tied) r.entities[i].decidedByTieBreak = true;
            out.entities.clear();
            r.firstOut = equal.front();
            for (std::size_t i : equal)
              if (order(i) < order(*r.firstOut)) r.firstOut = i;
          }
        }
        seats[*top] += 1;
        rest[*top] += 1;
        r.entities[*top].remainderUnit = true;
        r.restUnits.push_back({k, *top, p});
        --left;
        if (left == 0 && !r.firstOut) r.firstOut = best(round);
      }
    }
    if (left > 0) {
      out.error = ApportionError::Infeasible;
      out.detail = trf("the rounds leave {} units that no entity may receive", left.get_str());
    }
    if (!r.restUnits.empty()) r.lastIn = r.restUnits.back().entity;
  }

  void majority() {
    if (!in.majority || out.result.restUnits.empty()) return;
    for (std::size_t i = 0; i < n; ++i) {
      if (2 * in.weights[i] <= sum || 2 * seats[i] > in.total) continue;
      const std::size_t donor = out.result.restUnits.back().entity;
      if (donor == i || atMaximum(i)) return;  // no more seats than candidates (P 10) either
      seats[donor] -= 1;
      seats[i] += 1;
      out.result.majorityMove = std::make_pair(donor, i);
      return;
    }
  }
};

}  // namespace

ApportionOutcome apportionStaged(const ApportionInput& in) {
  ApportionOutcome out;
  Staged s{in, out, in.weights.size(), 0, {}, {}};
  s.sum = std::accumulate(in.weights.begin(), in.weights.end(), mpq_class(0));
  if (s.sum == 0 && in.total > 0) {
    out.error = ApportionError::NoWeight;
    out.detail = trf("all weights are zero, so {} units cannot be shared in proportion", in.total.get_str());
    return out;
  }
  out.result.entities.assign(s.n, {});
  out.result.scale = s.sum == 0 ? mpq_class(0) : mpq_class(in.total) / s.sum;
  s.seats.assign(s.n, 0);
  s.rest.assign(s.n, 0);
  s.full();
  s.rounds();
  if (out.error != ApportionError::None) {
    out.result.seats = s.seats;
    return out;
  }
  s.majority();
  out.result.seats = std::move(s.seats);
  return out;
}

Priority restPriority(const ApportionInput& in, const ApportionResult& r, std::size_t round, std::size_t i) {
  const mpq_class sum = std::accumulate(in.weights.begin(), in.weights.end(), mpq_class(0));
  return priorityOf(in, in.rounds[round], sum, r.fullUnits[i], r.seats[i], i);
}

}  // namespace verdeel::stdlib
