// Unit tests of apportionment (stdlib/apportion.hpp): textbook examples for every method, bounds,
// ties with and without a tie-break, the explanation data, errors, and the US House 2020 reference.
#include "stdlib/apportion.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace verdeel::stdlib;

namespace {

ApportionInput make(Method m, long total, std::vector<long> weights) {
  ApportionInput in;
  in.method = m;
  in.total = total;
  for (long w : weights) in.weights.emplace_back(w);
  return in;
}

std::vector<long> seats(const ApportionOutcome& o) {
  std::vector<long> out;
  for (const auto& s : o.result.seats) out.push_back(s.get_si());
  return out;
}

}  // namespace

TEST_CASE("largest remainder: floors first, then the largest remainders") {
  // Quotas 10 * (46, 34, 20)/100 = 4.6, 3.4, 2.0: floors 4, 3, 2 and one unit left for the largest remainder.
  auto in = make(Method::LargestRemainder, 10, {46, 34, 20});
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{5, 3, 2});
  const auto& e = o.result.entities[0];
  CHECK(quota(in, o.result, 0) == mpq_class(23, 5));
  CHECK(quotaFloor(in, o.result, 0) == 4);
  CHECK(remainder(in, o.result, 0) == mpq_class(3, 5));
  CHECK(e.remainderUnit);
  CHECK(e.remainderRank == 1);
  CHECK(o.result.entities[1].remainderRank == 2);
  CHECK_FALSE(o.result.entities[1].remainderUnit);
  CHECK(o.result.floorSum == 9);
  CHECK(o.result.unitsByRemainder == 1);
  CHECK(remainder(in, o.result, *o.result.lastIn) == mpq_class(3, 5));
  CHECK(remainder(in, o.result, *o.result.firstOut) == mpq_class(2, 5));
  CHECK(o.result.scale == mpq_class(1, 10));
}

TEST_CASE("divisor methods on the textbook example (votes 100000, 80000, 30000, 20000, 8 seats)") {
  std::vector<long> votes{100000, 80000, 30000, 20000};
  CHECK(seats(apportion(make(Method::DHondt, 8, votes))) == std::vector<long>{4, 3, 1, 0});
  CHECK(seats(apportion(make(Method::SainteLague, 8, votes))) == std::vector<long>{3, 3, 1, 1});
  // Quotas 3.48, 2.78, 1.04, 0.70: the two units go to the remainders .78 and .70.
  CHECK(seats(apportion(make(Method::LargestRemainder, 8, votes))) == std::vector<long>{3, 3, 1, 1});
  // Adams and Huntington-Hill give every party with votes a first seat before any second one.
  CHECK(seats(apportion(make(Method::Adams, 8, votes))) == std::vector<long>{3, 3, 1, 1});
  CHECK(seats(apportion(make(Method::HuntingtonHill, 8, votes))) == std::vector<long>{3, 3, 1, 1});
}

TEST_CASE("D'Hondt explains the last seat won and the best one missed") {
  auto in = make(Method::DHondt, 8, {100000, 80000, 30000, 20000});
  in.tieRank = {0, 1, 2, 3};
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  // Seats by priority: 100000, 80000, 50000, 40000, 33333.3, 30000, 26666.7, 25000 | 20000, 20000 ...
  REQUIRE(o.result.lastIn);
  REQUIRE(o.result.firstOut);
  CHECK(*o.result.lastIn == 0);
  CHECK(formatPriority(*lastPriority(in, o.result, 0)) == "25000");
  CHECK(formatPriority(*nextPriority(in, o.result, 0)) == "20000");
  CHECK(formatPriority(*lastPriority(in, o.result, 1)) == "80000/3");
  CHECK_FALSE(lastPriority(in, o.result, 3).has_value());
  CHECK(formatPriority(*nextPriority(in, o.result, 3)) == "20000");
  // Two seats at 20000 compete for nothing: the 9th seat, not the 8th, so no tie decided a unit.
  CHECK_FALSE(o.result.tieBreakUsed);
}

TEST_CASE("a tie that decides a unit is an error naming the tied entities, unless a tie-break is declared") {
  auto in = make(Method::LargestRemainder, 1, {1, 1, 1});
  auto o = apportion(in);
  CHECK(o.error == ApportionError::Tie);
  CHECK(o.entities == std::vector<std::size_t>{0, 1, 2});
  in.tieRank = {2, 0, 1};  // entity 1 first
  o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{0, 1, 0});
  CHECK(o.result.tieBreakUsed);
  CHECK(o.result.entities[1].decidedByTieBreak);

  auto d = make(Method::DHondt, 3, {2, 2});
  CHECK(apportion(d).error == ApportionError::Tie);
  d.tieRank = {1, 0};
  CHECK(seats(apportion(d)) == std::vector<long>{1, 2});
}

TEST_CASE("a tie is recorded with its entities, its units, its shared value and who got the unit") {
  // Largest remainder: 5 over 1,1,1 gives 1 each and 2 units to 3 equal remainders of 2/3.
  auto in = make(Method::LargestRemainder, 5, {1, 1, 1});
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::Tie);
  CHECK(o.result.tied == std::vector<std::size_t>{0, 1, 2});
  CHECK(o.result.tiedUnits == 2);
  CHECK(tiedValue(in, o.result).value == mpq_class(2, 3));
  in.tieRank = {1, 2, 0};  // entity 2 first, then 0; entity 1 last
  o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(o.result.tied == std::vector<std::size_t>{0, 1, 2});
  CHECK(tieWinner(in, o.result, 2));
  CHECK(tieWinner(in, o.result, 0));
  CHECK_FALSE(tieWinner(in, o.result, 1));

  // D'Hondt: 9 seats over 600/300/100: the 8th and 9th seats go at 100 to two of the three.
  auto d = make(Method::DHondt, 9, {600, 300, 100});
  o = apportion(d);
  REQUIRE(o.error == ApportionError::Tie);
  CHECK(o.result.tied == std::vector<std::size_t>{0, 1, 2});
  CHECK(o.result.tiedUnits == 2);
  CHECK(tiedValue(d, o.result).value == 100);
  d.tieRank = {1, 2, 0};  // the smallest list drawn first
  o = apportion(d);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{6, 2, 1});
  CHECK(tieWinner(d, o.result, 2));
  CHECK(tieWinner(d, o.result, 0));
  CHECK_FALSE(tieWinner(d, o.result, 1));

  // Statutory minima that take more than the whole parts left: the unit is given back by one of
  // two equal smallest remainders; the one later in the tie order gives it, the other keeps it.
  auto b = make(Method::LargestRemainder, 5, {0, 3, 3});
  b.minimum = {mpz_class(2), std::nullopt, std::nullopt};
  b.maximum = {std::nullopt, std::nullopt, std::nullopt};
  o = apportion(b);
  REQUIRE(o.error == ApportionError::Tie);
  CHECK(o.result.tied == std::vector<std::size_t>{1, 2});
  CHECK(o.result.tiedUnits == 1);
  b.tieRank = {0, 2, 1};
  o = apportion(b);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{2, 1, 2});
  CHECK(tieWinner(b, o.result, 2));
  CHECK_FALSE(tieWinner(b, o.result, 1));
}

TEST_CASE("a tie that decides nothing is no error") {
  CHECK(apportion(make(Method::LargestRemainder, 2, {1, 1})).error == ApportionError::None);
  CHECK(apportion(make(Method::SainteLague, 4, {5, 5})).error == ApportionError::None);
}

TEST_CASE("largest remainder with a minimum as statutes mean it: the 1880 rule gives 6, 2, 1, 1") {
  // Quotas 6.2, 2.9, 0.85, 0.05: the last two whole parts (0) are raised to the minimum 1, and the
  // whole parts 6 and 2 of the others already use the rest: no entity falls below its lower quota.
  auto in = make(Method::LargestRemainder, 10, {620, 290, 85, 5});
  in.minimum.assign(4, mpz_class(1));
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{6, 2, 1, 1});
  CHECK(o.result.statutoryBounds);
  CHECK(quota(in, o.result, 0) == mpq_class(31, 5));  // the plain share, not a rescaled one
  CHECK(o.result.entities[2].bound == Bound::Minimum);
  CHECK(o.result.entities[3].bound == Bound::Minimum);
  CHECK(o.result.unitsByRemainder == 0);
  // Clamp-and-rescale, the named variant, gives the first entity less than its lower quota.
  in.rescaled = true;
  CHECK(seats(apportion(in)) == std::vector<long>{5, 3, 1, 1});
}

TEST_CASE(
    "statutory minima that take more than the whole parts leave are taken from the smallest remainders") {
  // Quotas 4.6, 4.3, 1.1 (floors 4, 4, 1); the third is raised to 3: 11 > 10, so the entity with the
  // smallest remainder among the others (0.3) gives one back.
  auto in = make(Method::LargestRemainder, 10, {46, 43, 11});
  in.minimum = {std::nullopt, std::nullopt, mpz_class(3)};
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{4, 3, 3});
  CHECK(o.result.entities[1].unitTaken);
  CHECK(o.result.unitsByRemainder == -1);
}

TEST_CASE("statutory maxima set units free that go by largest remainders to the others") {
  auto in = make(Method::LargestRemainder, 100, {70, 20, 10});
  in.maximum = {mpz_class(50), std::nullopt, std::nullopt};
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  // Whole parts 50 (held), 20, 10: the 20 set free go one by one, round after round, to the others.
  CHECK(seats(o) == std::vector<long>{50, 30, 20});
  CHECK(o.result.entities[0].bound == Bound::Maximum);
}

TEST_CASE("rescaled maxima release units that go to the others in proportion, and every round is recorded") {
  auto in = make(Method::LargestRemainder, 100, {70, 20, 10});
  in.maximum = {mpz_class(50), std::nullopt, std::nullopt};
  in.rescaled = true;
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  // The 20 released by the first go to the others in proportion 2:1.
  CHECK(o.result.seats[0] == 50);
  CHECK(o.result.entities[0].bound == Bound::Maximum);
  CHECK(quota(in, o.result, 1) == mpq_class(100, 3));
  CHECK(seats(o) == std::vector<long>{50, 33, 17});
  const auto rounds = boundRounds(in);
  REQUIRE(rounds.size() == 2);
  CHECK(rounds[0].toMaximum == std::vector<std::size_t>{0});
  CHECK(rounds[1].toMaximum.empty());
}

TEST_CASE("minima are met first and the rest is shared") {
  auto in = make(Method::HuntingtonHill, 10, {1000, 1, 1});
  in.minimum = {mpz_class(1), mpz_class(1), mpz_class(1)};
  CHECK(seats(apportion(in)) == std::vector<long>{8, 1, 1});
  auto h = make(Method::LargestRemainder, 10, {1000, 1, 1});
  h.minimum = {std::nullopt, mpz_class(2), mpz_class(2)};
  auto o = apportion(h);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{6, 2, 2});
  CHECK(o.result.entities[1].bound == Bound::Minimum);
}

TEST_CASE("a fixed entity is released again when the others' bounds move the share") {
  // Round 1 holds A at its minimum 1 and B at its maximum 1; sharing the rest then gives A 4.5.
  auto in = make(Method::LargestRemainder, 10, {1, 100, 1});
  in.minimum = {mpz_class(1), std::nullopt, std::nullopt};
  in.maximum = {std::nullopt, mpz_class(1), std::nullopt};
  in.tieRank = {0, 1, 2};
  in.rescaled = true;
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(quota(in, o.result, 0) == mpq_class(9, 2));
  CHECK(seats(o) == std::vector<long>{5, 1, 4});
  CHECK(o.result.entities[0].bound == Bound::None);
}

TEST_CASE("impossible requests are errors, not guesses") {
  CHECK(apportion(make(Method::DHondt, -1, {1})).error == ApportionError::NegativeTotal);
  CHECK(apportion(make(Method::DHondt, 5, {1, -1})).error == ApportionError::NegativeWeight);
  CHECK(apportion(make(Method::LargestRemainder, 5, {0, 0})).error == ApportionError::NoWeight);
  auto lo = make(Method::LargestRemainder, 3, {1, 1});
  lo.minimum = {mpz_class(2), mpz_class(2)};
  CHECK(apportion(lo).error == ApportionError::Infeasible);
  auto hi = make(Method::SainteLague, 10, {1, 1});
  hi.maximum = {mpz_class(3), mpz_class(3)};
  CHECK(apportion(hi).error == ApportionError::NoWeight);
  CHECK(apportion(make(Method::LargestRemainder, 0, {0, 0})).error == ApportionError::None);
}

TEST_CASE("Huntington-Hill and Adams priorities are exact, with an infinite first seat") {
  ApportionInput in = make(Method::HuntingtonHill, 3, {10, 1});
  CHECK(seatPriority(in, 0, 1).infinite);
  CHECK(seatPriority(in, 0, 2).value == 50);  // 10^2 / (1 * 2)
  CHECK(formatPriority(seatPriority(in, 0, 1)) == "oneindig");
  in.method = Method::Adams;
  CHECK(seatPriority(in, 1, 1).infinite);
  CHECK(seatPriority(in, 1, 3).value == mpq_class(1, 2));
}

TEST_CASE("very large numbers take the exact GMP path and give the same answer") {
  auto small = make(Method::SainteLague, 10, {3, 5, 7});
  auto big = small;
  const mpz_class huge("1" + std::string(60, '0'));
  for (auto& w : big.weights) w *= huge;
  CHECK(apportion(small).result.seats == apportion(big).result.seats);
  auto lr = make(Method::LargestRemainder, 10, {3, 5, 7});
  auto lrBig = lr;
  for (auto& w : lrBig.weights) w *= huge;
  CHECK(apportion(lr).result.seats == apportion(lrBig).result.seats);
}

TEST_CASE("fractional weights are exact") {
  auto in = make(Method::LargestRemainder, 3, {});
  in.weights = {mpq_class(1, 3), mpq_class(1, 3), mpq_class(1, 3)};
  CHECK(seats(apportion(in)) == std::vector<long>{1, 1, 1});
}

TEST_CASE("Huntington-Hill with a minimum of one reproduces the US House apportionment of 2020") {
  std::ifstream f(std::string(VERDEEL_SOURCE_DIR) + "/rules/examples/us-house-2020/data/us_house_2020.csv");
  REQUIRE(f);
  std::string line;
  std::getline(f, line);  // header
  ApportionInput in;
  in.method = Method::HuntingtonHill;
  in.total = 435;
  std::vector<long> official;
  std::vector<std::string> states;
  while (std::getline(f, line)) {
    std::istringstream row(line);
    std::string state, pop, seats;
    std::getline(row, state, ',');
    std::getline(row, pop, ',');
    std::getline(row, seats, ',');
    states.push_back(state);
    in.weights.emplace_back(mpz_class(pop));
    in.minimum.emplace_back(mpz_class(1));
    official.push_back(std::stol(seats));
  }
  REQUIRE(states.size() == 50);
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  for (std::size_t i = 0; i < states.size(); ++i) {
    INFO(states[i]);
    CHECK(o.result.seats[i] == official[i]);
  }
}

namespace {

ApportionInput staged(long total, std::vector<long> weights) {
  auto in = make(Method::Staged, total, std::move(weights));
  return in;
}

RestRound round(RestPriority p, std::optional<std::size_t> perEntity = std::nullopt,
                std::vector<bool> eligible = {}) {
  return RestRound{p, perEntity, std::move(eligible)};
}

}  // namespace

TEST_CASE(
    "restronden: the Texel council of 2018 (15 seats, P 8: surpluses of lists with 75% of the kiesdeler)") {
  auto in = staged(15, {2060, 1221, 1117, 882, 663, 619, 415, 225, 220});
  // kiesdeler 7422 / 15 = 494.8; 75% of it is 371.1: the last two lists do not take part in round 1.
  std::vector<bool> atLeast75;
  for (const mpq_class& w : in.weights) atLeast75.push_back(w * 4 >= mpq_class(7422 * 3, 15));
  in.rounds = {round(RestPriority::Surplus, 1, atLeast75), round(RestPriority::Average, 1),
               round(RestPriority::Average)};
  const auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{4, 3, 2, 2, 2, 1, 1, 0, 0});  // the official seats
  CHECK(o.result.floorSum == 11);
  REQUIRE(o.result.restUnits.size() == 4);
  CHECK(o.result.restUnits[0].entity == 6);  // Texel 2010, surplus 415
  CHECK(o.result.restUnits[3].entity == 4);  // CDA, surplus 168.2: the last rest seat
  CHECK(o.result.restUnits[3].priority.value == mpq_class(841, 5));
  CHECK(o.result.lastIn == std::optional<std::size_t>(4));
  CHECK(o.result.firstOut == std::optional<std::size_t>(2));  // PvdA, surplus 127.4
}

TEST_CASE(
    "restronden: capped lists, then the averages rounds, and the majority rule takes the last rest seat") {
  // 9 seats; the first two lists have 4 and 3 candidates (P 10); the third is below 75%.
  auto in = staged(9, {3500, 3200, 500});
  in.maximum = {mpz_class(4), mpz_class(3), mpz_class(5)};
  in.minimum = {std::nullopt, std::nullopt, std::nullopt};
  in.rounds = {round(RestPriority::Surplus, 1, {true, true, false}), round(RestPriority::Average, 1),
               round(RestPriority::Average)};
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{4, 3, 2});
  REQUIRE(o.result.restUnits.size() == 2);
  CHECK(o.result.restUnits[0].round == 1);
  CHECK(o.result.restUnits[1].round == 2);

  // 10 seats, 50.5% of the votes but 5 seats: one more, from the list of the last rest seat (P 9).
  auto m = staged(10, {5050, 1950, 1500, 800, 400, 300});
  m.rounds = {round(RestPriority::Surplus, 1, {true, true, true, true, false, false}),
              round(RestPriority::Average)};
  m.majority = true;
  o = apportion(m);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{6, 2, 1, 1, 0, 0});
  REQUIRE(o.result.majorityMove.has_value());
  CHECK(o.result.majorityMove->first == 2);
  CHECK(o.result.majorityMove->second == 0);
  m.majority = false;
  CHECK(seats(apportion(m)) == std::vector<long>{5, 2, 2, 1, 0, 0});
}

TEST_CASE("restronden: a tie for the last rest unit, the tie-break, and units no round may give") {
  auto in = staged(4, {100, 100, 100});  // full 1 each, one rest unit, three equal surpluses
  in.rounds = {round(RestPriority::Surplus, 1)};
  auto o = apportion(in);
  REQUIRE(o.error == ApportionError::Tie);
  CHECK(o.result.tied == std::vector<std::size_t>{0, 1, 2});
  CHECK(o.result.tiedUnits == 1);
  in.tieRank = {2, 0, 1};
  o = apportion(in);
  REQUIRE(o.error == ApportionError::None);
  CHECK(seats(o) == std::vector<long>{1, 2, 1});
  CHECK(tieWinner(in, o.result, 1));
  CHECK_FALSE(tieWinner(in, o.result, 0));
  CHECK(tiedValue(in, o.result).value == 25);

  // Two rest units, one surplus round with one each over two admitted entities: fine; only one
  // admitted entity: a unit is left that no round may give.
  auto left = staged(5, {100, 100, 100});
  left.rounds = {round(RestPriority::Surplus, 1, {true, false, false})};
  o = apportion(left);
  CHECK(o.error == ApportionError::Infeasible);
}
