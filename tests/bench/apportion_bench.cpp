// Benchmarks of apportionment (Google Benchmark): every method on n entities with random weights
// (1,000 to 1,000,000, a fixed seed) and a total of 10 units per entity, for n from 1,024 to
// 1,048,576, without bounds and with `minimaal 1` for every entity (a quarter of the weights then
// small enough to be held at the minimum); benchmark's complexity fit reports the growth. Figures
// are in docs/performance.md.
#include <benchmark/benchmark.h>

#include <random>

#include "stdlib/apportion.hpp"
#include "value/memory.hpp"

using namespace verdeel::stdlib;

namespace {

ApportionInput problem(Method m, std::size_t n) {
  ApportionInput in;
  in.method = m;
  std::mt19937_64 rng(20241220);
  std::uniform_int_distribution<long> weight(1000, 1000000);
  in.weights.reserve(n);
  for (std::size_t i = 0; i < n; ++i) in.weights.emplace_back(weight(rng));
  in.total = static_cast<unsigned long>(10 * n);
  in.tieRank.resize(n);
  for (std::size_t i = 0; i < n; ++i) in.tieRank[i] = i;
  return in;
}

void run(benchmark::State& state, Method m, bool minimumOne = false) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ApportionInput in = problem(m, n);
  // `minimaal 1` for every entity, and weights spread so widely that many entities are held there.
  if (minimumOne) {
    std::mt19937_64 rng(20241221);
    std::uniform_int_distribution<long> small(1, 50), large(1000, 1000000);
    for (std::size_t i = 0; i < n; ++i) in.weights[i] = i % 4 == 0 ? small(rng) : large(rng);
    in.minimum.assign(n, mpz_class(1));
  }
  for (auto _ : state) {
    auto out = apportion(in);
    if (out.error != ApportionError::None) state.SkipWithError(out.detail.c_str());
    benchmark::DoNotOptimize(out.result.seats.data());
  }
  state.SetComplexityN(state.range(0));
}

}  // namespace

#define VERDEEL_APPORTION_BENCH(name, method) \
  void name(benchmark::State& s) {            \
    run(s, method);                           \
  }                                           \
  BENCHMARK(name)                             \
      ->RangeMultiplier(4)                    \
      ->Range(1 << 10, 1 << 20)               \
      ->Complexity(benchmark::oNLogN)         \
      ->Unit(benchmark::kMillisecond)

VERDEEL_APPORTION_BENCH(LargestRemainder, Method::LargestRemainder);
VERDEEL_APPORTION_BENCH(DHondt, Method::DHondt);
VERDEEL_APPORTION_BENCH(SainteLague, Method::SainteLague);
VERDEEL_APPORTION_BENCH(HuntingtonHill, Method::HuntingtonHill);
VERDEEL_APPORTION_BENCH(Adams, Method::Adams);

#define VERDEEL_APPORTION_BOUNDED_BENCH(name, method) \
  void name(benchmark::State& s) {                    \
    run(s, method, true);                             \
  }                                                   \
  BENCHMARK(name)                                     \
      ->RangeMultiplier(4)                            \
      ->Range(1 << 10, 1 << 20)                       \
      ->Complexity(benchmark::oNLogN)                 \
      ->Unit(benchmark::kMillisecond)

VERDEEL_APPORTION_BOUNDED_BENCH(LargestRemainderMinimumOne, Method::LargestRemainder);
VERDEEL_APPORTION_BOUNDED_BENCH(DHondtMinimumOne, Method::DHondt);
VERDEEL_APPORTION_BOUNDED_BENCH(SainteLagueMinimumOne, Method::SainteLague);
VERDEEL_APPORTION_BOUNDED_BENCH(HuntingtonHillMinimumOne, Method::HuntingtonHill);
VERDEEL_APPORTION_BOUNDED_BENCH(AdamsMinimumOne, Method::Adams);

// The program's own memory for numbers (value/memory.hpp), as `verdeel` uses it.
int main(int argc, char** argv) {
  verdeel::installNumberMemory();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
