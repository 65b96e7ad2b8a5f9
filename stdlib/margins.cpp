// The cut-off of an apportionment as values: the priorities of the last unit given and of the next in
// line, and the US Census "Table B" margins (how much weight would move the unit).
#include <algorithm>

#include "stdlib/apportion.hpp"

namespace verdeel::stdlib {

namespace {

mpz_class floorOf(const mpq_class& q) {
  mpz_class f;
  mpz_fdiv_q(f.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return f;
}
mpz_class ceilOf(const mpq_class& q) {
  mpz_class c;
  mpz_cdiv_q(c.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return c;
}
mpz_class isqrt(const mpz_class& n) {
  mpz_class r;
  mpz_sqrt(r.get_mpz_t(), n.get_mpz_t());
  return r;
}

// The divisor of seat k (k >= 1); for Huntington-Hill its square (k - 1) k.
mpq_class divisor(Method m, const mpz_class& k) {
  switch (m) {
    case Method::DHondt: return mpq_class(k);
    case Method::SainteLague: return mpq_class(k) - mpq_class(1, 2);
    case Method::Adams: return mpq_class(k - 1);
    case Method::HuntingtonHill: return mpq_class((k - 1) * k);
    default: return mpq_class(0);
  }
}

// Whether entity i gets fewer (less) or more (!less) units than `seats` when its weight is w.
bool moved(const ApportionInput& in, std::size_t i, const mpq_class& w, const mpz_class& seats, bool less) {
  ApportionInput changed = in;
  changed.weights[i] = w;
  changed.tieRank.clear();  // a tie does not count as moved: without a tie-break it is an error
  const ApportionOutcome o = apportion(changed);
  if (o.error != ApportionError::None) return false;  // a tie (or nothing to share): not moved
  return less ? o.result.seats[i] < seats : o.result.seats[i] > seats;
}

// The smallest whole d in [1, limit] with moved(w +- d), by doubling and then halving; nullopt if none.
std::optional<mpq_class> search(const ApportionInput& in, std::size_t i, const mpz_class& seats, bool less,
                                const mpz_class& limit) {
  const mpq_class& w = in.weights[i];
  auto at = [&](const mpz_class& d) {
    const mpq_class changed = less ? mpq_class(w - mpq_class(d)) : mpq_class(w + mpq_class(d));
    return moved(in, i, changed, seats, less);
  };
  mpz_class lo = 0, hi = 1;
  while (!at(hi)) {
    lo = hi;
    if (hi >= limit) return std::nullopt;
    hi = std::min<mpz_class>(hi * 2, limit);
  }
  while (hi - lo > 1) {  // at(hi) holds, at(lo) does not (lo = 0: the current weight)
    const mpz_class mid = (lo + hi) / 2;
    (at(mid) ? hi : lo) = mid;
  }
  return mpq_class(hi);
}

}  // namespace

std::optional<mpq_class> lastUnitPriority(const ApportionInput& in, const ApportionResult& r) {
  if (!r.lastIn) return std::nullopt;
  if (in.method == Method::Staged) {
    if (r.restUnits.empty()) return std::nullopt;
    return r.restUnits.back().priority.value;
  }
  if (!isDivisorMethod(in.method)) return remainder(in, r, *r.lastIn);
  const auto p = lastPriority(in, r, *r.lastIn);
  if (!p || p->infinite) return std::nullopt;
  return p->value;
}

std::optional<mpq_class> nextUnitPriority(const ApportionInput& in, const ApportionResult& r) {
  if (!r.firstOut) return std::nullopt;
  if (in.method == Method::Staged) {
    if (r.restUnits.empty()) return std::nullopt;
    return restPriority(in, r, r.restUnits.back().round, *r.firstOut).value;
  }
  if (!isDivisorMethod(in.method)) return remainder(in, r, *r.firstOut);
  const auto p = nextPriority(in, r, *r.firstOut);
  if (!p || p->infinite) return std::nullopt;
  return p->value;
}

std::optional<mpq_class> marginLast(const ApportionInput& in, const ApportionResult& r) {
  if (!r.lastIn || !r.firstOut || *r.lastIn == *r.firstOut) return std::nullopt;  // no one else to take it
  const std::size_t i = *r.lastIn;
  const mpq_class& w = in.weights[i];
  if (isDivisorMethod(in.method)) {
    // It keeps its last seat k while w / d(k) >= the next in line's priority P: it loses it below. A
    // first seat of Adams or Huntington-Hill has an infinite priority: no weight above 0 loses it.
    const auto next = nextUnitPriority(in, r);
    if (!next || !lastUnitPriority(in, r)) return std::nullopt;
    const mpq_class threshold = *next * divisor(in.method, r.seats[i]);
    if (in.method == Method::HuntingtonHill) {  // (w - d)^2 < threshold, for a whole w - d
      const mpz_class c = ceilOf(threshold);
      const mpz_class root = c == 0 ? mpz_class(0) : mpz_class(isqrt(c - 1) + 1);  // ceil(sqrt(threshold))
      return w - mpq_class(root) + 1;
    }
    return mpq_class(floorOf(w - threshold) + 1);
  }
  return search(in, i, r.seats[i], true, ceilOf(w));
}

std::optional<mpq_class> marginNext(const ApportionInput& in, const ApportionResult& r) {
  if (!r.firstOut || !r.lastIn || *r.lastIn == *r.firstOut) return std::nullopt;  // no one else to give it
  const std::size_t j = *r.firstOut;
  const mpq_class& w = in.weights[j];
  if (isDivisorMethod(in.method)) {
    // It wins seat k = s + 1 once (w + d) / d(k) is above the last seat's priority P.
    const auto last = lastUnitPriority(in, r);
    if (!last) return std::nullopt;
    const mpq_class threshold = *last * divisor(in.method, r.seats[j] + 1);
    if (in.method == Method::HuntingtonHill)  // (w + d)^2 > threshold, for a whole w + d
      return mpq_class(isqrt(floorOf(threshold)) + 1) - w;
    return mpq_class(floorOf(threshold - w) + 1);
  }
  mpq_class sum = 0;
  for (const mpq_class& x : in.weights) sum += x;
  return search(in, j, r.seats[j], false, ceilOf(sum * mpq_class(in.total + 1)) + 1);
}

}  // namespace verdeel::stdlib
