// Property tests of apportionment (rapidcheck): the parts always add up to the total; largest
// remainder gives every entity the floor or the ceiling of its quota; divisor methods are
// house-monotone and agree with a brute-force reference (the `total` highest seat priorities);
// results do not depend on input order and are deterministic; bounds are respected. CTest fixes the
// seed (RC_PARAMS in tests/CMakeLists.txt) so a run is reproducible.
#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "stdlib/apportion.hpp"

using namespace verdeel::stdlib;

namespace {

const Method kMethods[] = {Method::LargestRemainder, Method::DHondt, Method::SainteLague,
                           Method::HuntingtonHill, Method::Adams};
const Method kDivisors[] = {Method::DHondt, Method::SainteLague, Method::HuntingtonHill, Method::Adams};

// A random problem: 1..30 entities, weights 0..10^6 (some zero), total 0..500, a random tie order.
ApportionInput genInput(Method m) {
  ApportionInput in;
  in.method = m;
  const auto n = *rc::gen::inRange<std::size_t>(1, 31);
  bool anyWeight = false;
  for (std::size_t i = 0; i < n; ++i) {
    long w = *rc::gen::weightedOneOf<long>({{1, rc::gen::just(0L)}, {6, rc::gen::inRange<long>(1, 1000001)}});
    anyWeight = anyWeight || w > 0;
    in.weights.emplace_back(w);
  }
  if (!anyWeight) in.weights[0] = 7;
  in.total = *rc::gen::inRange<long>(0, 501);
  in.tieRank.resize(n);
  std::iota(in.tieRank.begin(), in.tieRank.end(), 0);
  std::shuffle(in.tieRank.begin(), in.tieRank.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
  return in;
}

mpz_class sum(const std::vector<mpz_class>& v) {
  return std::accumulate(v.begin(), v.end(), mpz_class(0));
}

// The divisor method by definition: every seat (entity i, k-th seat) has priority w_i / div(k-1);
// the `total` highest win, ties by the tie order. Exact, quadratic, only for small cases.
std::vector<mpz_class> reference(const ApportionInput& in) {
  struct Seat {
    std::size_t entity;
    mpq_class priority;
    bool infinite;
  };
  std::vector<Seat> seats;
  const long total = in.total.get_si();
  for (std::size_t i = 0; i < in.weights.size(); ++i) {
    for (long k = 1; k <= total; ++k) {
      const mpq_class& w = in.weights[i];
      Seat s{i, 0, false};
      if (w == 0) {
        s.priority = 0;
      } else if (in.method == Method::DHondt) {
        s.priority = w / k;
      } else if (in.method == Method::SainteLague) {
        s.priority = w / mpq_class(2 * k - 1, 2);
      } else if (in.method == Method::Adams) {
        if (k == 1)
          s.infinite = true;
        else
          s.priority = w / (k - 1);
      } else {
        if (k == 1)
          s.infinite = true;
        else
          s.priority = w * w / ((k - 1) * k);
      }
      s.priority.canonicalize();
      seats.push_back(s);
    }
  }
  std::stable_sort(seats.begin(), seats.end(), [&](const Seat& a, const Seat& b) {
    if (a.infinite != b.infinite) return a.infinite;
    if (!a.infinite && a.priority != b.priority) return a.priority > b.priority;
    if (a.entity != b.entity) return in.tieRank[a.entity] < in.tieRank[b.entity];
    return false;  // same entity: keep k ascending
  });
  std::vector<mpz_class> out(in.weights.size(), 0);
  for (long k = 0; k < total; ++k) out[seats[static_cast<std::size_t>(k)].entity] += 1;
  return out;
}

}  // namespace

TEST_CASE("property: the parts add up to the total, for every method") {
  for (Method m : kMethods) {
    INFO(methodName(m));
    CHECK(rc::check(std::string("sum equals total: ") + methodName(m), [m] {
      auto in = genInput(m);
      auto o = apportion(in);
      RC_ASSERT(o.error == ApportionError::None);
      RC_ASSERT(sum(o.result.seats) == in.total);
    }));
  }
}

TEST_CASE("property: largest remainder gives the floor or the ceiling of the quota") {
  CHECK(rc::check("quota rule", [] {
    auto in = genInput(Method::LargestRemainder);
    auto o = apportion(in);
    RC_ASSERT(o.error == ApportionError::None);
    mpq_class total_w = 0;
    for (const auto& w : in.weights) total_w += w;
    for (std::size_t i = 0; i < in.weights.size(); ++i) {
      mpq_class q = mpq_class(in.total) * in.weights[i] / total_w;
      mpz_class fl = q.get_num() / q.get_den();
      RC_ASSERT(o.result.seats[i] >= fl);
      RC_ASSERT(o.result.seats[i] <= fl + 1);
      RC_ASSERT(quota(in, o.result, i) == q);
    }
  }));
}

TEST_CASE("property: divisor methods agree with the brute-force definition") {
  for (Method m : kDivisors) {
    INFO(methodName(m));
    CHECK(rc::check(std::string("reference: ") + methodName(m), [m] {
      auto in = genInput(m);
      in.total = *rc::gen::inRange<long>(0, 120);
      auto o = apportion(in);
      RC_ASSERT(o.error == ApportionError::None);
      RC_ASSERT(o.result.seats == reference(in));
    }));
  }
}

TEST_CASE("property: divisor methods are house-monotone") {
  for (Method m : kDivisors) {
    INFO(methodName(m));
    CHECK(rc::check(std::string("house monotone: ") + methodName(m), [m] {
      auto in = genInput(m);
      auto a = apportion(in);
      in.total += 1;
      auto b = apportion(in);
      RC_ASSERT(a.error == ApportionError::None);
      RC_ASSERT(b.error == ApportionError::None);
      for (std::size_t i = 0; i < in.weights.size(); ++i) RC_ASSERT(b.result.seats[i] >= a.result.seats[i]);
    }));
  }
}

TEST_CASE("property: the result does not depend on the order of the input, and is deterministic") {
  for (Method m : kMethods) {
    INFO(methodName(m));
    CHECK(rc::check(std::string("order independent: ") + methodName(m), [m] {
      auto in = genInput(m);
      const std::size_t n = in.weights.size();
      std::vector<std::size_t> perm(n);
      std::iota(perm.begin(), perm.end(), 0);
      std::shuffle(perm.begin(), perm.end(), std::mt19937(*rc::gen::arbitrary<unsigned>()));
      ApportionInput shuffled = in;
      for (std::size_t k = 0; k < n; ++k) {
        shuffled.weights[k] = in.weights[perm[k]];
        shuffled.tieRank[k] = in.tieRank[perm[k]];
      }
      auto a = apportion(in);
      auto b = apportion(shuffled);
      auto again = apportion(in);
      RC_ASSERT(a.error == ApportionError::None);
      RC_ASSERT(b.error == ApportionError::None);
      RC_ASSERT(again.result.seats == a.result.seats);
      for (std::size_t k = 0; k < n; ++k) RC_ASSERT(b.result.seats[k] == a.result.seats[perm[k]]);
    }));
  }
}

TEST_CASE("property: minima and maxima are respected and the sum still holds") {
  for (Method m : kMethods) {
    INFO(methodName(m));
    CHECK(rc::check(std::string("bounds: ") + methodName(m), [m] {
      auto in = genInput(m);
      const std::size_t n = in.weights.size();
      in.minimum.resize(n);
      in.maximum.resize(n);
      mpz_class lo = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (*rc::gen::inRange(0, 3) == 0) in.minimum[i] = mpz_class(*rc::gen::inRange(0, 6));
        if (*rc::gen::inRange(0, 3) == 0) in.maximum[i] = mpz_class(*rc::gen::inRange(5, 60));
        lo += in.minimum[i].value_or(0);
      }
      auto o = apportion(in);
      if (o.error != ApportionError::None) {
        // Only a truly impossible request may fail: minima above the total, or no room left.
        mpz_class room = 0;
        bool unlimited = false;
        for (std::size_t i = 0; i < n; ++i) {
          if (in.weights[i] == 0) {
            room += in.minimum[i].value_or(0);
            continue;
          }
          if (in.maximum[i])
            room += *in.maximum[i];
          else
            unlimited = true;
        }
        RC_ASSERT(o.error == ApportionError::Infeasible || o.error == ApportionError::NoWeight);
        RC_ASSERT(lo > in.total || (!unlimited && room < in.total));
        return;
      }
      RC_ASSERT(sum(o.result.seats) == in.total);
      mpq_class quotas = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (in.minimum[i]) RC_ASSERT(o.result.seats[i] >= *in.minimum[i]);
        if (in.maximum[i]) RC_ASSERT(o.result.seats[i] <= *in.maximum[i]);
        quotas += quota(in, o.result, i);
      }
      if (m == Method::LargestRemainder) RC_ASSERT(quotas == mpq_class(in.total));
    }));
  }
}

TEST_CASE("property: largest remainder under bounds that do not bind equals the unbounded method") {
  CHECK(rc::check("non-binding bounds", [] {
    auto in = genInput(Method::LargestRemainder);
    const auto free = apportion(in);
    RC_ASSERT(free.error == ApportionError::None);
    const std::size_t n = in.weights.size();
    in.minimum.resize(n);
    in.maximum.resize(n);
    mpz_class W = 0;
    for (const auto& w : in.weights) W += w.get_num();
    for (std::size_t i = 0; i < n; ++i) {
      // Bounds at or outside [floor, ceiling] of the quota never bind.
      const mpq_class q = W == 0 ? mpq_class(0) : mpq_class(in.total * in.weights[i] / W);
      mpz_class fl;
      mpz_fdiv_q(fl.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
      if (*rc::gen::inRange(0, 2) == 0) {
        mpz_class m = fl - *rc::gen::inRange(0, 3);
        in.minimum[i] = m < 0 ? mpz_class(0) : m;
      }
      if (*rc::gen::inRange(0, 2) == 0) in.maximum[i] = mpz_class(fl + 1 + *rc::gen::inRange(0, 3));
    }
    const auto bounded = apportion(in);
    RC_ASSERT(bounded.error == ApportionError::None);
    RC_ASSERT(bounded.result.seats == free.result.seats);
  }));
}

TEST_CASE("property: statutory bounds keep the quota rule for every entity they do not touch") {
  CHECK(rc::check("quota rule under bounds", [] {
    auto in = genInput(Method::LargestRemainder);
    const std::size_t n = in.weights.size();
    in.minimum.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      if (*rc::gen::inRange(0, 4) == 0) in.minimum[i] = mpz_class(*rc::gen::inRange(0, 4));
    const auto o = apportion(in);
    if (o.error != ApportionError::None) return;  // minima above the total: tested elsewhere
    // When one round of remainders sufficed (the usual case: at most one unit per entity that can take
    // or give one), an entity the bounds did not touch (not held at a bound, gave no unit back to the
    // others' minima) gets the floor or the ceiling of its plain quota.
    const bool give = o.result.unitsByRemainder >= 0;
    std::size_t movable = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (o.result.entities[i].bound != Bound::None) continue;
      const bool canMove = give ? in.weights[i] > 0 : quotaFloor(in, o.result, i) > in.minimum[i].value_or(0);
      movable += canMove ? 1 : 0;
    }
    RC_PRE(abs(o.result.unitsByRemainder) <= static_cast<unsigned long>(movable));
    for (std::size_t i = 0; i < n; ++i) {
      // An entity that gave a unit back to others' minima is touched by the bounds too.
      if (o.result.entities[i].bound != Bound::None || o.result.entities[i].unitTaken) continue;
      const mpq_class q = quota(in, o.result, i);
      RC_ASSERT(mpq_class(o.result.seats[i]) > q - 1);
      RC_ASSERT(mpq_class(o.result.seats[i]) < q + 1);
    }
  }));
}

namespace {

// Entity i's units when its weight is w, all else equal; nullopt when a tie (without the tie-break:
// a tie does not count as won or lost) or another error stops the method.
std::optional<mpz_class> unitsWith(ApportionInput in, std::size_t i, const mpq_class& w) {
  in.weights[i] = w;
  in.tieRank.clear();
  const auto o = apportion(in);
  if (o.error != ApportionError::None) return std::nullopt;
  return o.result.seats[i];
}

}  // namespace

TEST_CASE("property: the Table B margins are the smallest whole change of weight that moves the unit") {
  for (Method m : {Method::LargestRemainder, Method::DHondt, Method::SainteLague, Method::HuntingtonHill,
                   Method::Adams, Method::Staged}) {
    INFO(methodName(m));
    CHECK(rc::check(std::string("margins: ") + methodName(m), [m] {
      auto in = genInput(m);
      if (m == Method::Staged) in.rounds = {RestRound{RestPriority::Average, std::nullopt, {}}};
      const auto o = apportion(in);
      RC_ASSERT(o.error == ApportionError::None);
      const ApportionResult& r = o.result;
      RC_LOG() << "total " << in.total.get_str() << ", weights";
      for (const mpq_class& w : in.weights) RC_LOG() << " " << w.get_str();
      RC_LOG() << ", seats";
      for (const mpz_class& s : r.seats) RC_LOG() << " " << s.get_str();
      RC_LOG() << ", last " << (r.lastIn ? long(*r.lastIn) : -1) << ", next "
               << (r.firstOut ? long(*r.firstOut) : -1);
      if (const auto d = marginNext(in, r)) RC_LOG() << ", marginNext " << d->get_str();
      if (const auto d = marginLast(in, r)) RC_LOG() << ", marginLast " << d->get_str();
      RC_LOG() << "\n";
      if (const auto d = marginNext(in, r)) {
        const std::size_t j = *r.firstOut;
        RC_ASSERT(*d >= 1);
        const auto with = unitsWith(in, j, in.weights[j] + *d);
        RC_ASSERT(with && *with > r.seats[j]);
        const auto less = unitsWith(in, j, in.weights[j] + *d - 1);
        RC_ASSERT(!less || *less <= r.seats[j]);
      }
      if (const auto d = marginLast(in, r)) {
        const std::size_t i = *r.lastIn;
        RC_ASSERT(*d >= 1);
        const auto with = unitsWith(in, i, in.weights[i] - *d);
        RC_ASSERT(with && *with < r.seats[i]);
        const auto less = unitsWith(in, i, in.weights[i] - *d + 1);
        RC_ASSERT(!less || *less >= r.seats[i]);
      }
    }));
  }
}
