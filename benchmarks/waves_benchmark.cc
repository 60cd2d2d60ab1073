// Comparing two survey waves (jtbd compare): two 150-outcome aggregates
// (ODI's largest outcome sets), whole sample and with 10 segments. The cost
// is per outcome and segment, not per respondent: the waves arrive as
// aggregates.
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/aggregate.h"
#include "core/segmented_scoring.h"
#include "waves/compare_waves.h"

namespace jtbd {
namespace {

constexpr int kOutcomes = 150;

std::vector<Outcome> MakeOutcomes(int m) {
  std::vector<Outcome> outcomes;
  for (int i = 0; i < m; ++i) {
    outcomes.push_back({"o" + std::to_string(i), "", ""});
  }
  return outcomes;
}

Aggregate MakeWave(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> imp(n * kOutcomes), sat(n * kOutcomes);
  for (uint8_t& v : imp) v = rng() % 50 == 0 ? 0 : 1 + rng() % 5;
  for (uint8_t& v : sat) v = rng() % 50 == 0 ? 0 : 1 + rng() % 5;
  Aggregate aggregate = *Aggregate::Create(Scale(), MakeOutcomes(kOutcomes));
  (void)aggregate.AddRespondents(n, imp, sat);
  return aggregate;
}

SegmentedAggregate MakeSegmentedWave(int segments, size_t per_segment,
                                     uint32_t seed) {
  SegmentedAggregate wave(*Aggregate::Create(Scale(), MakeOutcomes(kOutcomes)));
  wave.segment_by = "segment";
  for (int s = 0; s < segments; ++s) {
    Aggregate part = MakeWave(per_segment, seed + s);
    (void)wave.all.Merge(part);
    wave.segments.emplace("s" + std::to_string(s), std::move(part));
  }
  return wave;
}

void BM_CompareWaves(benchmark::State& state) {
  const Aggregate first = MakeWave(2000, 1);
  const Aggregate second = MakeWave(2000, 2);
  const v1::ScoringOptions options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(waves::CompareWaves(first, second, options));
  }
  state.SetItemsProcessed(state.iterations() * kOutcomes);
}
BENCHMARK(BM_CompareWaves)->Unit(benchmark::kMicrosecond);

void BM_CompareSegmentedWaves(benchmark::State& state) {
  const int segments = static_cast<int>(state.range(0));
  const SegmentedAggregate first = MakeSegmentedWave(segments, 200, 10);
  const SegmentedAggregate second = MakeSegmentedWave(segments, 200, 100);
  const v1::ScoringOptions options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        waves::CompareSegmentedWaves(first, second, options));
  }
  state.SetItemsProcessed(state.iterations() * kOutcomes * (segments + 1));
}
BENCHMARK(BM_CompareSegmentedWaves)->Arg(10)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace jtbd
