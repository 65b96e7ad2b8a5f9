// Apportionment, exactly. Weights are first scaled to whole numbers (by the least common multiple of
// their denominators), so every comparison is between integers: remainders share one denominator and
// divisor-method priorities are compared by cross-multiplication. The algorithms are written once,
// for an integer type: 128-bit machine integers when every intermediate product provably fits (the
// usual case, and fast), GMP integers otherwise. Under bounds the quotas are scale * weight held
// within [minimum, maximum], with the one scale that makes them add up to the total (a sweep over
// the sorted breakpoints, O(n log n)). Divisor methods start from the quotas rounded the method's
// way and then move single seats by priority (two heaps), so the cost is O(n log n) as well.
#include "stdlib/apportion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <queue>

#include "lang/language.hpp"

namespace verdeel::stdlib {

const char* methodName(Method m) {
  switch (m) {
    case Method::LargestRemainder: return "grootste overschot";
    case Method::DHondt: return "d'hondt";
    case Method::SainteLague: return "sainte-laguë";
    case Method::HuntingtonHill: return "huntington-hill";
    case Method::Adams: return "adams";
    case Method::Staged: return "restronden";
  }
  return "?";
}

bool isDivisorMethod(Method m) {
  return m != Method::LargestRemainder && m != Method::Staged;
}

std::string formatPriority(const Priority& p) {
  if (p.infinite) return "oneindig";
  return p.value.get_den() == 1 ? p.value.get_num().get_str() : p.value.get_str();
}

namespace {

__extension__ typedef __int128 i128;  // GCC and Clang; exact, no floating point

// The problem in whole numbers (GMP): the weights (scaled to whole numbers when one is a fraction),
// the bounds, the total; read from the input where it is already whole, so that a million entities
// are not copied.
struct Problem {
  const ApportionInput& in;
  std::size_t n;
  std::vector<mpz_class> scaled;  // the weights times scaleUnit, when a weight is a fraction
  mpz_class scaleUnit;            // the factor the weights were multiplied by
  bool bounded = false;
  std::size_t free = 0;  // the entities not held at a bound (under the scale found)
  const mpz_class& w(std::size_t i) const { return scaled.empty() ? in.weights[i].get_num() : scaled[i]; }
  const mpz_class& lo(std::size_t i) const {
    static const mpz_class zero = 0;
    return in.minimum.empty() || !in.minimum[i] || sgn(*in.minimum[i]) < 0 ? zero : *in.minimum[i];
  }
  const mpz_class* hi(std::size_t i) const {
    return in.maximum.empty() || !in.maximum[i] ? nullptr : &*in.maximum[i];
  }
};
// ---------------------------------------------------------------- integers of two kinds

template <class Int>
Int fromMpz(const mpz_class& z);
template <>
mpz_class fromMpz<mpz_class>(const mpz_class& z) {
  return z;
}
template <>
i128 fromMpz<i128>(const mpz_class& z) {  // 0 <= z < 2^126: read the two lowest limbs
  static_assert(sizeof(mp_limb_t) == 8, "64-bit limbs");
  const std::size_t size = mpz_size(z.get_mpz_t());
  const auto low = size > 0 ? mpz_getlimbn(z.get_mpz_t(), 0) : 0;
  const auto high = size > 1 ? mpz_getlimbn(z.get_mpz_t(), 1) : 0;
  return (static_cast<i128>(high) << 64) | static_cast<i128>(low);
}
mpz_class toMpz(const mpz_class& z) {
  return z;
}
mpz_class toMpz(i128 x) {  // x >= 0
  if ((x >> 64) == 0) return mpz_class(static_cast<unsigned long>(x));
  mpz_class r = static_cast<unsigned long>(x >> 64);
  r <<= 64;
  r += static_cast<unsigned long>(x & static_cast<i128>(~0UL));
  return r;
}

std::size_t bits(const mpz_class& z) {
  return z == 0 ? 0 : mpz_sizeinbase(z.get_mpz_t(), 2);
}

// ---------------------------------------------------------------- the scale factor under bounds

// The smallest scale s with S(s) = sum clamp(s * w_i, lo_i, hi_i) == total; nullopt when no scale
// reaches the total (the maxima, or zero weights, leave too little room). S is continuous,
// non-decreasing and piecewise linear: S(s) = fixed + slope * s, with `fixed` the bounds of the
// entities held at one and `slope` the weights of the free ones. The breakpoints lo_i / w_i (an
// entity leaves its minimum) and hi_i / w_i (it reaches its maximum) are sorted, and the sweep over
// them compares, by cross-multiplication, in whole numbers; only the scale itself is a fraction.
// Expected linear time (selection, not a sort), in machine integers when the numbers allow it.
// The scale (total - fixed) / slope at the solution, unreduced, and how many entities are free there.
struct BoundedScale {
  mpz_class num, den;
  std::size_t free = 0;
};

template <class Int>
std::optional<BoundedScale> boundedScaleIn(const Problem& p) {
  struct Event {
    Int num, den;  // the breakpoint num / den
    std::size_t entity;
    bool start;  // leaves its minimum here (else reaches its maximum)
  };
  std::vector<Event> events;
  Int fixed = 0, slope = 0;
  std::size_t free = 0;
  for (std::size_t i = 0; i < p.n; ++i) {
    const Int lo = fromMpz<Int>(p.lo(i));
    fixed += lo;
    if (p.w(i) == 0) continue;
    const Int w = fromMpz<Int>(p.w(i));
    if (lo == 0) {
      slope += w;
      ++free;
    } else
      events.push_back({lo, w, i, true});
    if (p.hi(i)) events.push_back({fromMpz<Int>(*p.hi(i)), w, i, false});
  }
  const Int total = fromMpz<Int>(p.in.total);
  if (fixed >= total)
    return fixed == total ? std::optional<BoundedScale>(BoundedScale{0, 1, 0}) : std::nullopt;
  // The solution lies between two breakpoints. Select instead of sort: take the median breakpoint of
  // the events still in question, see whether S reaches the total there, and keep the half that
  // holds the solution (expected linear time). `fixed`, `slope`, `free` describe S just above every
  // breakpoint left of the range.
  auto less = [](const Event& a, const Event& b) { return a.num * b.den < b.num * a.den; };
  auto apply = [](const Event& e, Int& f, Int& sl, std::size_t& fr) {
    if (e.start) {
      f -= e.num;
      sl += e.den;
      ++fr;
    } else {
      f += e.num;
      sl -= e.den;
      --fr;
    }
  };
  auto first = events.begin(), last = events.end();
  while (first != last) {
    const auto mid = first + (last - first) / 2;
    std::nth_element(first, mid, last, less);
    const Event pivot = *mid;
    // S at the pivot: every event before it applied (those equal to it change nothing there).
    Int f = fixed, sl = slope;
    std::size_t fr = free;
    for (auto it = first; it != mid; ++it) apply(*it, f, sl, fr);
    if (f * pivot.den + sl * pivot.num >= total * pivot.den) {
      last = mid;  // reached by the pivot: the solution is at or left of it
    } else {
      // Not yet: the solution is right of the pivot; everything up to and with it is passed.
      auto equal = std::partition(mid + 1, last, [&](const Event& e) { return !less(pivot, e); });
      for (auto it = mid; it != equal; ++it) apply(*it, f, sl, fr);
      fixed = f;
      slope = sl;
      free = fr;
      first = equal;
    }
  }
  if (slope > 0) return BoundedScale{toMpz(Int(total - fixed)), toMpz(slope), free};
  return std::nullopt;
}

// The narrative of redistribution under bounds: what each round of "give everyone scale * weight,
// hold those past a bound at the bound, share the rest again" did. Explanation only; the result
// uses the exact scale from boundedScale().
std::vector<BoundRound> boundRounds(const Problem& p) {
  std::vector<BoundRound> rounds;
  std::vector<Bound> status(p.n, Bound::None);
  for (int round = 0; round < 100; ++round) {
    mpz_class rest = p.in.total;
    mpz_class free = 0;
    for (std::size_t i = 0; i < p.n; ++i) {
      if (p.w(i) == 0)
        rest -= p.lo(i);
      else if (status[i] == Bound::Minimum)
        rest -= p.lo(i);
      else if (status[i] == Bound::Maximum)
        rest -= *p.hi(i);
      else
        free += p.w(i);
    }
    if (free == 0) break;
    mpq_class scale(rest, free);
    scale.canonicalize();
    BoundRound r;
    r.scale = scale * p.scaleUnit;
    for (std::size_t i = 0; i < p.n; ++i) {
      if (p.w(i) == 0) continue;
      mpq_class q = scale * p.w(i);
      if (status[i] == Bound::None) {
        if (p.hi(i) && q > *p.hi(i))
          r.toMaximum.push_back(i);
        else if (q < p.lo(i))
          r.toMinimum.push_back(i);
      } else if ((status[i] == Bound::Maximum && q < *p.hi(i)) ||
                 (status[i] == Bound::Minimum && q > p.lo(i))) {
        r.released.push_back(i);
      }
    }
    const bool stable = r.toMaximum.empty() && r.toMinimum.empty() && r.released.empty();
    for (std::size_t i : r.toMaximum) status[i] = Bound::Maximum;
    for (std::size_t i : r.toMinimum) status[i] = Bound::Minimum;
    for (std::size_t i : r.released) status[i] = Bound::None;
    rounds.push_back(std::move(r));
    if (stable) break;
  }
  return rounds;
}

std::optional<BoundedScale> boundedScale(const Problem& p) {
  // Machine integers when every product of the sweep stays below 2^120.
  std::size_t b = bits(p.in.total);
  for (std::size_t i = 0; i < p.n; ++i) {
    b = std::max({b, bits(p.w(i)), bits(p.lo(i))});
    if (p.hi(i)) b = std::max(b, bits(*p.hi(i)));
  }
  const std::size_t sums = bits(mpz_class(static_cast<unsigned long>(p.n))) + 1;
  if (2 * (b + sums) + 2 <= 120) return boundedScaleIn<i128>(p);
  return boundedScaleIn<mpz_class>(p);
}

// ---------------------------------------------------------------- the methods, for one integer type

template <class Int>
struct Core {
  const ApportionInput& in;
  std::size_t n;
  std::vector<Int> w, w2, lo, hi;
  std::vector<char> hasHi;
  Int total, num, den;
  bool bounded;
  std::size_t free;
  ApportionOutcome& out;

  Core(const Problem& p, const mpz_class& numZ, const mpz_class& denZ, ApportionOutcome& o)
      : in(p.in),
        n(p.n),
        total(fromMpz<Int>(p.in.total)),
        num(fromMpz<Int>(numZ)),
        den(fromMpz<Int>(denZ)),
        bounded(p.bounded),
        free(p.free),
        out(o) {
    w.reserve(n);
    lo.reserve(n);
    hi.assign(n, Int(0));
    hasHi.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      w.push_back(fromMpz<Int>(p.w(i)));
      lo.push_back(fromMpz<Int>(p.lo(i)));
      if (p.hi(i)) {
        hi[i] = fromMpz<Int>(*p.hi(i));
        hasHi[i] = 1;
      }
    }
  }

  std::size_t order(std::size_t i) const { return in.tieRank.empty() ? i : in.tieRank[i]; }
  bool capped(std::size_t i, const Int& s) const { return hasHi[i] && s >= hi[i]; }
  // numerator * w_i held within [lo_i, hi_i] (all over den).
  Int clamped(std::size_t i, const Int& numerator) const {
    Int q = numerator * w[i];
    Int bound = lo[i] * den;
    if (q < bound) return bound;
    if (hasHi[i]) {
      bound = hi[i] * den;
      if (q > bound) return bound;
    }
    return q;
  }
  void bounds() {
    if (!bounded) return;
    for (std::size_t i = 0; i < n; ++i) {
      Int share = num * w[i];
      if (hasHi[i] && share > hi[i] * den)
        out.result.entities[i].bound = Bound::Maximum;
      else if (share < lo[i] * den)
        out.result.entities[i].bound = Bound::Minimum;
    }
  }

  void largestRemainder() {
    ApportionResult& r = out.result;
    std::vector<Int> rem(n);
    // Sorted as contiguous (remainder, tie order, entity) records: the sort is the O(n log n) part.
    struct Candidate {
      Int rem;
      std::size_t order, entity;
    };
    std::vector<Candidate> sorted;
    Int floorSum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      Int q = clamped(i, num);
      Int fl = q / den;
      rem[i] = q - fl * den;
      r.seats[i] = toMpz(fl);
      floorSum += fl;
      if (rem[i] > 0) sorted.push_back({rem[i], order(i), i});
    }
    r.floorSum = toMpz(floorSum);
    r.unitsByRemainder = toMpz(Int(total - floorSum));
    std::sort(sorted.begin(), sorted.end(), [](const Candidate& a, const Candidate& b) {
      if (a.rem != b.rem) return a.rem > b.rem;
      return a.order < b.order;
    });
    std::vector<std::size_t> candidates(sorted.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) candidates[k] = sorted[k].entity;
    sorted = {};
    const std::size_t units = r.unitsByRemainder.get_ui();
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      EntityOutcome& e = r.entities[candidates[k]];
      e.remainderRank = k + 1;
      if (k < units) {
        e.remainderUnit = true;
        r.seats[candidates[k]] += 1;
      }
    }
    if (units > 0) r.lastIn = candidates[units - 1];
    if (units < candidates.size()) r.firstOut = candidates[units];
    if (units > 0 && units < candidates.size() && rem[candidates[units - 1]] == rem[candidates[units]]) {
      const Int cut = rem[candidates[units]];
      for (std::size_t i : candidates)
        if (rem[i] == cut) out.entities.push_back(i);
      std::sort(out.entities.begin(), out.entities.end());
      const auto gets =
          static_cast<std::size_t>(std::count_if(out.entities.begin(), out.entities.end(),
                                                 [&](std::size_t i) { return r.entities[i].remainderUnit; }));
      tie(trf("{} entities have the same remainder and only {} of them can get a unit", out.entities.size(),
              gets),
          gets);
    }
  }

  // Largest remainder with bounds as statutes mean them (ApportionInput::rescaled is false): whole
  // parts of the plain quotas, raised to the minimum or lowered to the maximum; the units left go by
  // largest remainder to the others, one each per round (rounds again only when the maxima set more
  // units free than there are others); units the minima took beyond the whole parts are taken back
  // from the smallest remainders the same way.
  void statutoryLargestRemainder() {
    ApportionResult& r = out.result;
    r.statutoryBounds = true;
    std::vector<Int> rem(n), seats(n);
    std::vector<char> held(n, 0);
    Int sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Int q = num * w[i];
      seats[i] = q / den;
      rem[i] = q - seats[i] * den;
      if (seats[i] < lo[i]) {
        seats[i] = lo[i];
        held[i] = 1;
        r.entities[i].bound = Bound::Minimum;
      } else if (hasHi[i] && seats[i] > hi[i]) {
        seats[i] = hi[i];
        held[i] = 1;
        r.entities[i].bound = Bound::Maximum;
      }
      sum += seats[i];
    }
    r.floorSum = toMpz(sum);
    const bool give = total >= sum;
    Int units = give ? Int(total - sum) : Int(sum - total);
    r.unitsByRemainder = give ? toMpz(units) : mpz_class(-toMpz(units));
    // The others in the order they get a unit (largest remainder, then the tie order) or give one back
    // (smallest remainder, then the reverse tie order).
    struct Candidate {
      Int rem;
      std::size_t order, entity;
    };
    std::vector<Candidate> sorted, heldToo;
    for (std::size_t i = 0; i < n; ++i)
      if (give ? w[i] > 0 : seats[i] > lo[i]) (held[i] ? heldToo : sorted).push_back({rem[i], order(i), i});
    const auto before = [give](const Candidate& a, const Candidate& b) {
      if (a.rem != b.rem) return give ? a.rem > b.rem : a.rem < b.rem;
      return give ? a.order < b.order : a.order > b.order;
    };
    std::sort(sorted.begin(), sorted.end(), before);
    std::sort(heldToo.begin(), heldToo.end(), before);
    for (std::size_t k = 0; k < sorted.size(); ++k)
      if (give && sorted[k].rem > 0) r.entities[sorted[k].entity].remainderRank = k + 1;
    // The first round decides the cut-off (and a tie there); later rounds, if any, go the same way.
    const mpz_class unitsLeft = toMpz(units);
    const std::size_t firstRound =
        unitsLeft < static_cast<unsigned long>(sorted.size()) ? unitsLeft.get_ui() : sorted.size();
    if (firstRound > 0) r.lastIn = sorted[firstRound - 1].entity;
    if (firstRound < sorted.size() && firstRound > 0) r.firstOut = sorted[firstRound].entity;
    if (firstRound > 0 && firstRound < sorted.size() &&
        sorted[firstRound - 1].rem == sorted[firstRound].rem) {
      const Int cut = sorted[firstRound].rem;
      for (const Candidate& c : sorted)
        if (c.rem == cut) out.entities.push_back(c.entity);
      std::sort(out.entities.begin(), out.entities.end());
      const std::size_t gets =
          firstRound - static_cast<std::size_t>(
                           std::count_if(sorted.begin(), sorted.begin() + static_cast<long>(firstRound),
                                         [&](const Candidate& c) { return c.rem != cut; }));
      tie(trf("{} entities have the same remainder and only {} of them can get a unit", out.entities.size(),
              give ? gets : out.entities.size() - gets),
          give ? gets : out.entities.size() - gets);
      if (out.error != ApportionError::None) return;
    }
    // Only when the others cannot take (or give) them all do the entities held at a bound take part,
    // after the others: one raised to its minimum can still take a unit, one lowered to its maximum
    // give one back.
    const std::size_t others = sorted.size();
    sorted.insert(sorted.end(), heldToo.begin(), heldToo.end());
    const auto rounds = [&](std::size_t from, std::size_t to) {
      bool moved = true;
      while (units > 0 && moved) {
        moved = false;
        for (std::size_t k = from; k < to && units > 0; ++k) {
          const std::size_t i = sorted[k].entity;
          if (give ? hasHi[i] && seats[i] >= hi[i] : seats[i] <= lo[i]) continue;
          seats[i] += give ? 1 : -1;
          (give ? r.entities[i].remainderUnit : r.entities[i].unitTaken) = true;
          --units;
          moved = true;
        }
      }
    };
    rounds(0, others);
    rounds(others, sorted.size());
    if (units > 0) {
      out.error = ApportionError::Internal;
      out.detail = tr("the bounds leave no entity to take the remaining units");
      return;
    }
    for (std::size_t i = 0; i < n; ++i) r.seats[i] = toMpz(seats[i]);
  }

  // A tie at the cut-off among out.entities, of which `units` get (or keep) a unit: recorded in the
  // result; without a tie-break it is the error Tie.
  void tie(std::string detail, std::size_t units) {
    out.result.tied = out.entities;
    out.result.tiedUnits = units;
    if (in.tieRank.empty()) {
      out.error = ApportionError::Tie;
      out.detail = std::move(detail);
      return;
    }
    out.result.tieBreakUsed = true;
    for (std::size_t i : out.entities) out.result.entities[i].decidedByTieBreak = true;
    out.entities.clear();
  }

  // The priority of entity i's k-th seat as num/den; den == 0 (with num > 0) is infinite.
  std::pair<Int, Int> prio(std::size_t i, const Int& k) const {
    if (w[i] == 0) return {Int(0), Int(1)};
    switch (in.method) {
      case Method::DHondt: return {w[i], k};
      case Method::SainteLague: return {Int(2 * w[i]), Int(2 * k - 1)};
      case Method::Adams: return {w[i], Int(k - 1)};
      case Method::HuntingtonHill: return {w2[i], Int((k - 1) * k)};
      default: return {Int(0), Int(1)};
    }
  }
  static int compare(const std::pair<Int, Int>& a, const std::pair<Int, Int>& b) {
    const bool ai = a.second == 0 && a.first != 0, bi = b.second == 0 && b.first != 0;
    if (ai || bi) return ai == bi ? 0 : (ai ? 1 : -1);
    const Int x = a.first * b.second, y = b.first * a.second;
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  // Seat (i, ki) goes before seat (j, kj): higher priority, then the tie order.
  bool before(std::size_t i, const Int& ki, std::size_t j, const Int& kj) const {
    const int c = compare(prio(i, ki), prio(j, kj));
    if (c != 0) return c > 0;
    return order(i) < order(j);
  }

  void divisor() {
    ApportionResult& r = out.result;
    const Method m = in.method;
    if (m == Method::HuntingtonHill) {
      w2.resize(n);
      for (std::size_t i = 0; i < n; ++i) w2[i] = w[i] * w[i];
    }
    std::vector<Int> s(n);
    // A first estimate from the quotas rounded the method's way, so that only a few seats move
    // afterwards. D'Hondt rounds down and Adams up: their estimate starts from a total shifted by half
    // a seat per entity (the usual starting divisor).
    Int estNum = num;
    if (m == Method::DHondt || m == Method::Adams) {
      const Int half = Int(static_cast<unsigned long>(free / 2));
      estNum = m == Method::DHondt ? Int(num + half) : (num > half ? Int(num - half) : Int(0));
    }
    Int sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Int q = clamped(i, estNum);
      const Int fl = q / den;
      const Int rm = q - fl * den;
      Int x = fl;
      switch (m) {
        case Method::Adams:
          if (rm > 0) x = fl + 1;
          break;
        case Method::SainteLague:
          if (2 * rm >= den) x = fl + 1;
          break;
        case Method::HuntingtonHill:
          if (q * q >= fl * (fl + 1) * den * den) x = fl + 1;
          break;
        default: break;
      }
      if (w[i] == 0 || x < lo[i]) x = lo[i];
      if (hasHi[i] && x > hi[i]) x = hi[i];
      s[i] = x;
      sum += x;
    }
    // Heaps of (entity, seats when pushed); stale entries are skipped when they come up.
    using Entry = std::pair<std::size_t, Int>;
    auto nextWorse = [&](const Entry& a, const Entry& b) {
      return before(b.first, b.second + 1, a.first, a.second + 1);
    };
    auto heldBetter = [&](const Entry& a, const Entry& b) {
      return before(a.first, a.second, b.first, b.second);
    };
    auto canGain = [&](std::size_t i) { return !capped(i, s[i]); };
    auto canLose = [&](std::size_t i) { return s[i] > lo[i]; };
    std::vector<Entry> gainers, losers;
    for (std::size_t i = 0; i < n; ++i) {
      if (canGain(i)) gainers.emplace_back(i, s[i]);
      if (canLose(i)) losers.emplace_back(i, s[i]);
    }
    std::priority_queue<Entry, std::vector<Entry>, decltype(nextWorse)> next(nextWorse, std::move(gainers));
    std::priority_queue<Entry, std::vector<Entry>, decltype(heldBetter)> held(heldBetter, std::move(losers));
    auto clean = [&] {
      while (!next.empty() && (s[next.top().first] != next.top().second || !canGain(next.top().first)))
        next.pop();
      while (!held.empty() && (s[held.top().first] != held.top().second || !canLose(held.top().first)))
        held.pop();
    };
    auto touched = [&](std::size_t i) {
      if (canGain(i)) next.emplace(i, s[i]);
      if (canLose(i)) held.emplace(i, s[i]);
    };
    while (sum < total) {
      clean();
      if (next.empty()) break;
      const std::size_t i = next.top().first;
      s[i] += 1;
      sum += 1;
      touched(i);
    }
    while (sum > total) {
      clean();
      if (held.empty()) break;
      const std::size_t i = held.top().first;
      s[i] -= 1;
      sum -= 1;
      touched(i);
    }
    // Exchange while a seat not given goes before a seat given: then the seats given are the best.
    for (;;) {
      clean();
      if (next.empty() || held.empty()) break;
      const std::size_t a = next.top().first, b = held.top().first;
      if (a == b || !before(a, s[a] + 1, b, s[b])) break;
      s[a] += 1;
      s[b] -= 1;
      touched(a);
      touched(b);
    }
    if (sum != total) {
      out.error = ApportionError::Internal;
      out.detail = tr("the seats could not be made to add up to the total");
      return;
    }
    // The cut-off: the weakest seat given and the strongest seat not given.
    std::optional<std::size_t> worstIn, bestOut;
    for (std::size_t i = 0; i < n; ++i) {
      r.seats[i] = toMpz(s[i]);
      EntityOutcome& e = r.entities[i];
      e.wonByPriority = canLose(i);
      e.couldGain = canGain(i);
      if (e.wonByPriority && (!worstIn || before(*worstIn, s[*worstIn], i, s[i]))) worstIn = i;
      if (e.couldGain && (!bestOut || before(i, s[i] + 1, *bestOut, s[*bestOut] + 1))) bestOut = i;
    }
    r.lastIn = worstIn;
    r.firstOut = bestOut;
    if (worstIn && bestOut && compare(prio(*worstIn, s[*worstIn]), prio(*bestOut, s[*bestOut] + 1)) == 0) {
      const auto cut = prio(*worstIn, s[*worstIn]);
      for (std::size_t i = 0; i < n; ++i) {
        const bool tied = (canLose(i) && compare(prio(i, s[i]), cut) == 0) ||
                          (canGain(i) && compare(prio(i, s[i] + 1), cut) == 0);
        if (tied) out.entities.push_back(i);
      }
      const auto holding = static_cast<std::size_t>(
          std::count_if(out.entities.begin(), out.entities.end(),
                        [&](std::size_t i) { return canLose(i) && compare(prio(i, s[i]), cut) == 0; }));
      tie(trf("{} entities have the same priority ({}) for the last seat", out.entities.size(),
              formatPriority(seatPriority(in, *worstIn, r.seats[*worstIn]))),
          holding);
    }
  }

  void run() {
    if (in.method == Method::LargestRemainder && bounded && !in.rescaled) {
      statutoryLargestRemainder();
      return;
    }
    if (in.method == Method::LargestRemainder)
      largestRemainder();
    else
      divisor();
    bounds();
  }
};

// Whether every intermediate product of the algorithms fits in a signed 128-bit integer.
bool fitsMachineIntegers(const Problem& p, const mpz_class& num, const mpz_class& den) {
  std::size_t bw = 0, bb = 0;
  for (std::size_t i = 0; i < p.n; ++i) {
    bw = std::max(bw, bits(p.w(i)));
    bb = std::max(bb, bits(p.lo(i)));
    if (p.hi(i)) bb = std::max(bb, bits(*p.hi(i)));
  }
  const std::size_t bn = bits(num + p.n), bd = bits(den);
  const std::size_t bq = std::max({bn + bw, bb + bd, bd}) + 1;  // a clamped quota numerator
  if (p.in.method == Method::LargestRemainder) return bq <= 120;
  const std::size_t bs = std::max(bits(mpz_class(p.in.total + p.n)), bb) + 1;  // any seat count
  return 2 * std::max(bq, bw + bs) + 4 <= 120;
}

// The problem in whole numbers: the weights scaled by the least common multiple of their
// denominators, the bounds; nullopt with the error in `out` when the input cannot be apportioned.
std::optional<Problem> prepare(const ApportionInput& in, ApportionOutcome& out) {
  Problem p{in, in.weights.size(), {}, 1};
  if (in.total < 0) {
    out.error = ApportionError::NegativeTotal;
    out.detail = trf("the total to distribute is negative ({})", in.total.get_str());
    return std::nullopt;
  }
  for (std::size_t i = 0; i < p.n; ++i) {
    if (in.weights[i] < 0) out.entities.push_back(i);
    if (in.weights[i].get_den() != 1)
      mpz_lcm(p.scaleUnit.get_mpz_t(), p.scaleUnit.get_mpz_t(), in.weights[i].get_den_mpz_t());
  }
  if (!out.entities.empty()) {
    out.error = ApportionError::NegativeWeight;
    out.detail = tr("a weight is negative");
    return std::nullopt;
  }
  if (p.scaleUnit != 1) {
    p.scaled.resize(p.n);
    for (std::size_t i = 0; i < p.n; ++i)
      p.scaled[i] = in.weights[i].get_num() * (p.scaleUnit / in.weights[i].get_den());
  }
  p.bounded =
      std::any_of(in.minimum.begin(), in.minimum.end(), [](const auto& m) { return m.has_value(); }) ||
      std::any_of(in.maximum.begin(), in.maximum.end(), [](const auto& m) { return m.has_value(); });
  for (std::size_t i = 0; i < p.n && p.bounded; ++i)
    if (p.hi(i) && *p.hi(i) < p.lo(i)) out.entities.push_back(i);
  if (!out.entities.empty()) {
    out.error = ApportionError::Infeasible;
    out.detail = tr("a maximum is below the minimum");
    return std::nullopt;
  }
  return p;
}

}  // namespace

std::vector<BoundRound> boundRounds(const ApportionInput& in) {
  ApportionOutcome ignored;
  auto p = prepare(in, ignored);
  if (!p || !p->bounded) return {};
  return boundRounds(*p);
}

ApportionOutcome apportion(const ApportionInput& in) {
  ApportionOutcome out;
  auto prepared = prepare(in, out);
  if (!prepared) return out;
  Problem& p = *prepared;
  if (in.method == Method::Staged) return apportionStaged(in);
  p.free = p.n;
  mpz_class W = 0;
  for (std::size_t i = 0; i < p.n; ++i) W += p.w(i);
  // The scale: total / sum of weights, or under bounds the one that makes the held quotas add up.
  mpz_class num = in.total, den = W;
  // Statutory bounds of largest remainder share by the plain quotas; the bounded scale only tells
  // whether the bounds can be met at all.
  const bool statutory = p.bounded && in.method == Method::LargestRemainder && !in.rescaled;
  if (p.bounded) {
    auto scale = boundedScale(p);
    if (!scale) {
      mpz_class lo = 0;
      for (std::size_t i = 0; i < p.n; ++i) lo += p.lo(i);
      const bool tooMuch = lo > in.total;
      out.error = tooMuch ? ApportionError::Infeasible : ApportionError::NoWeight;
      out.detail =
          tooMuch ? trf("the minima add up to {}, more than the total {}", lo.get_str(), in.total.get_str())
                  : trf("the weights and maxima leave no room for all {} units", in.total.get_str());
      return out;
    }
    num = scale->num;
    den = scale->den;
    p.free = scale->free;
    if (statutory) {
      num = W == 0 ? mpz_class(0) : mpz_class(in.total);
      den = W == 0 ? mpz_class(1) : W;
    }
  } else if (W == 0) {
    if (in.total != 0) {
      out.error = ApportionError::NoWeight;
      out.detail =
          trf("all weights are zero, so {} units cannot be shared in proportion", in.total.get_str());
      return out;
    }
    den = 1;
  }
  out.result.scale = mpq_class(num * p.scaleUnit, den);
  out.result.scale.canonicalize();
  out.result.seats.assign(p.n, 0);
  out.result.entities.assign(p.n, {});
  if (fitsMachineIntegers(p, num, den))
    Core<i128>(p, num, den, out).run();
  else
    Core<mpz_class>(p, num, den, out).run();
  if (out.error != ApportionError::None) return out;
  const mpz_class sum = std::accumulate(out.result.seats.begin(), out.result.seats.end(), mpz_class(0));
  if (sum != in.total) {
    out.error = ApportionError::Internal;
    out.detail = trf("the parts add up to {}, not to the total {}", sum.get_str(), in.total.get_str());
  }
  return out;
}

// ---------------------------------------------------------------- explanation

mpq_class quota(const ApportionInput& in, const ApportionResult& r, std::size_t i) {
  mpq_class q = r.scale * in.weights[i];
  if (r.statutoryBounds) return q;
  if (!in.minimum.empty() && in.minimum[i] && q < *in.minimum[i]) q = *in.minimum[i];
  if (!in.maximum.empty() && in.maximum[i] && q > *in.maximum[i]) q = *in.maximum[i];
  return q;
}

mpz_class quotaFloor(const ApportionInput& in, const ApportionResult& r, std::size_t i) {
  const mpq_class q = quota(in, r, i);
  mpz_class f;
  mpz_fdiv_q(f.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return f;
}

mpq_class remainder(const ApportionInput& in, const ApportionResult& r, std::size_t i) {
  return quota(in, r, i) - mpq_class(quotaFloor(in, r, i));
}

Priority seatPriority(const ApportionInput& in, std::size_t i, const mpz_class& k) {
  Priority p;
  const mpq_class& w = in.weights[i];
  if (w == 0) return p;
  switch (in.method) {
    case Method::DHondt: p.value = w / mpq_class(k); break;
    case Method::SainteLague: p.value = w / (mpq_class(k) - mpq_class(1, 2)); break;
    case Method::Adams:
      if (k == 1)
        p.infinite = true;
      else
        p.value = w / mpq_class(k - 1);
      break;
    case Method::HuntingtonHill:
      if (k == 1)
        p.infinite = true;
      else
        p.value = w * w / mpq_class((k - 1) * k);
      break;
    default: break;
  }
  p.value.canonicalize();
  return p;
}

std::optional<Priority> lastPriority(const ApportionInput& in, const ApportionResult& r, std::size_t i) {
  if (!isDivisorMethod(in.method) || !r.entities[i].wonByPriority) return std::nullopt;
  return seatPriority(in, i, r.seats[i]);
}

std::optional<Priority> nextPriority(const ApportionInput& in, const ApportionResult& r, std::size_t i) {
  if (!isDivisorMethod(in.method) || !r.entities[i].couldGain) return std::nullopt;
  return seatPriority(in, i, r.seats[i] + 1);
}

Priority tiedValue(const ApportionInput& in, const ApportionResult& r) {
  if (r.tied.empty()) return {};
  if (in.method == Method::Staged) return r.tieValue;
  if (!isDivisorMethod(in.method)) return {remainder(in, r, r.tied.front()), false};
  if (!r.lastIn) return {};
  return seatPriority(in, *r.lastIn, r.seats[*r.lastIn]);
}

bool tieWinner(const ApportionInput& in, const ApportionResult& r, std::size_t i) {
  if (in.method == Method::Staged)
    return std::find(r.tiedWinners.begin(), r.tiedWinners.end(), i) != r.tiedWinners.end();
  if (!isDivisorMethod(in.method))
    return r.statutoryBounds && r.unitsByRemainder < 0 ? !r.entities[i].unitTaken
                                                       : r.entities[i].remainderUnit;
  return r.entities[i].wonByPriority && seatPriority(in, i, r.seats[i]) == tiedValue(in, r);
}

}  // namespace verdeel::stdlib
