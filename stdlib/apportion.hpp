// Apportionment: distributing a whole total over entities in proportion to their weights, exactly,
// so that the parts always add up to the total. Methods: largest remainder (Hamilton, "grootste
// overschot") and the divisor methods D'Hondt (Jefferson), Sainte-Laguë (Webster), Huntington-Hill
// and Adams; optional per-entity minimum and maximum; a declared tie-break order. Used by the
// evaluator for `verdeling` rules; pure and independent of the language, so it is unit-, property-
// and benchmark-tested on its own. A result keeps what explains it; the per-entity explanation
// (quota, remainder, priorities) is computed on demand from the input and the result.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace verdeel::stdlib {

enum class Method { LargestRemainder, DHondt, SainteLague, HuntingtonHill, Adams, Staged };

// The name as written in a rule (`grootste overschot`, `d'hondt`, ...).
const char* methodName(Method m);
bool isDivisorMethod(Method m);

// Method::Staged (`methode restronden`), as the Kieswet allocates seats: every entity first gets its
// full units, floor(weight / quota unit) with quota unit = sum of weights / total (the kiesdeler), held
// at its maximum; the units left (restzetels) go in declared rounds, one unit at a time to the
// entity with the highest priority among those the round admits: the largest surplus (weight - full
// units x quota unit) or the largest average (weight / (units so far + 1)). A round may admit only
// some entities (a threshold, `waarvoor`), and may give an entity at most `perEntity` rest units
// counted over all rounds so far; a round ends when its candidates run out, the next one goes on.
enum class RestPriority { Surplus, Average };
struct RestRound {
  RestPriority priority = RestPriority::Average;
  std::optional<std::size_t> perEntity;
  std::vector<bool> eligible;  // empty: every entity; else one per entity
};

struct ApportionInput {
  Method method = Method::LargestRemainder;
  mpz_class total;
  std::vector<mpq_class> weights;                 // one per entity, >= 0
  std::vector<std::optional<mpz_class>> minimum;  // empty, or one per entity
  std::vector<std::optional<mpz_class>> maximum;  // empty, or one per entity
  // The declared tie-break: tieRank[i] is entity i's position in the tie-break order (0 first).
  // Empty when no tie-break is declared: then a tie that decides a unit is an error.
  std::vector<std::size_t> tieRank;
  // Largest remainder under bounds. By default as statutes mean them (the US apportionment of 1880:
  // "at least one seat per state"): every entity's quota is total * weight / sum of weights; a whole
  // part below the minimum is raised to it, one above the maximum lowered to it, and the units that
  // are then left go by largest remainders to the other entities, one each (or, when the bounds took
  // more than the whole parts left, are taken back from the smallest remainders). With `rescaled`
  // (`herschaald`): clamp-and-rescale, the quotas themselves held within the bounds with one scale
  // that makes them add up to the total, and largest remainders over those.
  bool rescaled = false;
  // Method::Staged: the rounds of rest units, and the majority rule (Kieswet P 9): an entity with more
  // than half of the sum of weights but not more than half of the units gets one more, taken from the
  // entity that received the last rest unit.
  std::vector<RestRound> rounds;
  bool majority = false;
};

enum class Bound { None, Minimum, Maximum };

// A priority of a divisor method: weight / divisor(seats), exact; `infinite` for a first seat of
// Adams and Huntington-Hill. For Huntington-Hill the value is the square, weight^2 / (s (s + 1)),
// which orders the entities the same way as weight / sqrt(s (s + 1)) and stays exact.
struct Priority {
  mpq_class value;
  bool infinite = false;
  bool operator==(const Priority& o) const {
    return infinite == o.infinite && (infinite || value == o.value);
  }
};

// Method::Staged: one rest unit as it was given: in which round, to whom, with what priority.
struct RestUnit {
  std::size_t round = 0;
  std::size_t entity = 0;
  Priority priority;
};

// What the method decided for one entity (the numbers behind it come from the functions below).
struct EntityOutcome {
  Bound bound = Bound::None;  // held at its minimum or maximum
  // Largest remainder: whether the entity got one of the remaining units, and the 1-based position of
  // its remainder among the entities that could get one (0 when its remainder is zero).
  bool remainderUnit = false;
  std::size_t remainderRank = 0;
  bool decidedByTieBreak = false;  // a tie at the cut-off was decided for or against it by the tie-break
  // Largest remainder under statutory bounds: it gave a unit back because the minima of others took
  // more than the whole parts left (smallest remainders first).
  bool unitTaken = false;
  bool wonByPriority = false;  // divisor methods: its last seat was won on priority (above its minimum)
  bool couldGain = false;      // divisor methods: below its maximum, so it had a next seat to win
};

// One round of redistribution under bounds: the scale factor tried, and which entities were held
// at their maximum or minimum (or released again) because of it.
struct BoundRound {
  mpq_class scale;  // every free entity gets scale * weight
  std::vector<std::size_t> toMaximum, toMinimum, released;
};

struct ApportionResult {
  std::vector<mpz_class> seats;
  std::vector<EntityOutcome> entities;
  mpq_class scale;  // quota = scale * weight for a free entity (total / sum of weights unbounded)
  // Largest remainder: the sum of the whole parts and the units left for the remainders (under
  // statutory bounds: the whole parts after raising and lowering; the units left may be negative,
  // units taken back from the smallest remainders).
  mpz_class floorSum, unitsByRemainder;
  bool statutoryBounds = false;  // largest remainder with bounds, not rescaled: quotas are unbounded
  // The cut-off: the entity whose remainder (or last seat's priority) was the last to win a unit, and
  // the one whose remainder (or next seat's priority) was the first to miss.
  std::optional<std::size_t> lastIn, firstOut;
  bool tieBreakUsed = false;
  // A tie at the cut-off, decided by the tie-break (or, with the error Tie, not decided): the entities
  // with the same remainder or priority (ascending), of which `tiedUnits` get a unit (under statutory
  // bounds that give units back: keep one).
  std::vector<std::size_t> tied;
  std::size_t tiedUnits = 0;
  // Method::Staged: the full units per entity, the rest units in the order given, the majority rule's
  // move (from, to) when it applied; for a tie, its shared priority and the tied entities that got a
  // unit. lastIn is the entity of the last rest unit, firstOut the best candidate left in its round.
  std::vector<mpz_class> fullUnits;
  std::vector<RestUnit> restUnits;
  std::optional<std::pair<std::size_t, std::size_t>> majorityMove;
  Priority tieValue;
  std::size_t tieRound = 0;
  std::vector<std::size_t> tiedWinners;
};

enum class ApportionError { None, NegativeTotal, NegativeWeight, Infeasible, NoWeight, Tie, Internal };

struct ApportionOutcome {
  ApportionError error = ApportionError::None;
  std::string detail;                 // plain words for the diagnostic
  std::vector<std::size_t> entities;  // the entities the error is about (tied, negative, ...)
  ApportionResult result;             // valid when error == None
};

ApportionOutcome apportion(const ApportionInput& input);
// Method::Staged (stages.cpp); called by apportion() after the input is validated.
ApportionOutcome apportionStaged(const ApportionInput& input);
// The priority entity i would have now in round `round` of a staged result (its surplus, or its
// average with the units it holds).
Priority restPriority(const ApportionInput& in, const ApportionResult& r, std::size_t round, std::size_t i);

// ---------------------------------------------------------------- explanation, on demand
// The quota: scale * weight; under rescaled bounds (and for the divisor methods' explanation of
// bounds) held within [minimum, maximum]; under statutory bounds the plain share.
mpq_class quota(const ApportionInput& in, const ApportionResult& r, std::size_t i);
mpz_class quotaFloor(const ApportionInput& in, const ApportionResult& r, std::size_t i);
mpq_class remainder(const ApportionInput& in, const ApportionResult& r, std::size_t i);
// Divisor methods: the priority of entity i's k-th seat (k >= 1).
Priority seatPriority(const ApportionInput& in, std::size_t i, const mpz_class& k);
// The priority with which it won its last seat, and the one its next seat would have had.
std::optional<Priority> lastPriority(const ApportionInput& in, const ApportionResult& r, std::size_t i);
std::optional<Priority> nextPriority(const ApportionInput& in, const ApportionResult& r, std::size_t i);

// The remainder or priority the entities of a tie share (ApportionResult::tied), and whether tied
// entity i got the unit (kept it, under bounds that give units back). Also after the error Tie, when
// only the value is meaningful.
Priority tiedValue(const ApportionInput& in, const ApportionResult& r);
bool tieWinner(const ApportionInput& in, const ApportionResult& r, std::size_t i);

// The cut-off as values (margins.cpp): the remainder, priority, surplus or average of the last unit
// given (r.lastIn) and of the first not given (r.firstOut); nullopt when there is none or it is
// infinite (a first seat of Adams or Huntington-Hill). For Huntington-Hill the exact square.
std::optional<mpq_class> lastUnitPriority(const ApportionInput& in, const ApportionResult& r);
std::optional<mpq_class> nextUnitPriority(const ApportionInput& in, const ApportionResult& r);
// The US Census "Table B" figures: the smallest whole amount by which the weight of the entity of the
// last unit must fall for it to lose that unit, and by which the weight of the next in line must grow
// for it to win one (all other weights equal; a tie does not count as won). Exact for the divisor
// methods (from the priorities); by search over whole amounts (each step a full apportionment) for
// largest remainder and `restronden`, whose shares all move when one weight moves. nullopt when there
// is no such entity or amount, or when the last unit and the next in line are the same entity.
std::optional<mpq_class> marginLast(const ApportionInput& in, const ApportionResult& r);
std::optional<mpq_class> marginNext(const ApportionInput& in, const ApportionResult& r);

// Under bounds, the rounds of "give everyone scale * weight, hold those past a bound at the bound,
// share the rest again" that lead to the scale the result uses (which is found directly, exactly).
// Empty without bounds. Computed on demand: O(rounds * n).
std::vector<BoundRound> boundRounds(const ApportionInput& in);

// Text of a priority for explanations: `1234/5`, or `oneindig`.
std::string formatPriority(const Priority& p);

}  // namespace verdeel::stdlib
