// The statistics of issue 3: bootstrap intervals for a full ODI study (150
// outcomes x 10,000 resamples), the binomial sampler behind them, and the
// cost of intervals in default scoring.
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/aggregate.h"
#include "core/opportunity_bootstrap.h"
#include "core/scoring.h"
#include "stats/binomial.h"
#include "stats/bootstrap.h"

namespace jtbd {
namespace {

// n respondents x m outcomes on the 1-5 scale, 2% unanswered, as the
// scoring benchmark draws them; optionally with weights from 0.5 to 3.
Aggregate MakeAggregate(size_t n, size_t m, bool weighted) {
  std::vector<Outcome> outcomes;
  for (size_t i = 0; i < m; ++i) {
    outcomes.push_back({"o" + std::to_string(i), "", ""});
  }
  std::mt19937 rng(1);
  std::vector<uint8_t> imp(n * m), sat(n * m);
  for (uint8_t& v : imp) v = rng() % 50 == 0 ? 0 : 1 + rng() % 5;
  for (uint8_t& v : sat) v = rng() % 50 == 0 ? 0 : 1 + rng() % 5;
  Aggregate aggregate = *Aggregate::Create(Scale(), outcomes);
  if (weighted) {
    std::vector<double> weights(n);
    for (double& w : weights) w = 0.5 + (rng() % 6) * 0.5;
    (void)aggregate.AddWeightedRespondents(n, imp, sat, weights);
  } else {
    (void)aggregate.AddRespondents(n, imp, sat);
  }
  return aggregate;
}

// Every outcome's opportunity bootstrap: range(0) outcomes x range(1)
// resamples of range(2) respondents. Items are resamples.
void BootstrapStudy(benchmark::State& state, v1::ScoreMethod method,
                    bool weighted) {
  const size_t m = state.range(0);
  const uint32_t resamples = static_cast<uint32_t>(state.range(1));
  const Aggregate aggregate = MakeAggregate(state.range(2), m, weighted);
  for (auto _ : state) {
    for (size_t o = 0; o < m; ++o) {
      benchmark::DoNotOptimize(BootstrapOpportunity(
          aggregate, o, method, resamples,
          stats::BootstrapStreamSeed(20240101, "", aggregate.outcomes()[o].id),
          0.95));
    }
  }
  state.SetItemsProcessed(state.iterations() * m * resamples);
}

void BM_BootstrapUlwick(benchmark::State& state) {
  BootstrapStudy(state, v1::SCORE_METHOD_ULWICK, false);
}
BENCHMARK(BM_BootstrapUlwick)
    ->Args({150, 10000, 3000})
    ->Unit(benchmark::kMillisecond);

// Weighted tables resample round(n_eff) respondents: the same work.
void BM_BootstrapUlwickWeighted(benchmark::State& state) {
  BootstrapStudy(state, v1::SCORE_METHOD_ULWICK, true);
}
BENCHMARK(BM_BootstrapUlwickWeighted)
    ->Args({150, 2000, 3000})
    ->Unit(benchmark::kMillisecond);

// The full 6 x 6 table (mean-based scores need every rating): about three
// times the binomial draws per resample, so 2,000 resamples (the default).
void BM_BootstrapMean(benchmark::State& state) {
  BootstrapStudy(state, v1::SCORE_METHOD_MEAN, false);
}
BENCHMARK(BM_BootstrapMean)
    ->Args({150, 2000, 3000})
    ->Unit(benchmark::kMillisecond);

// Scoring an aggregate with every interval, at range(1) resamples (0: the
// Wilson and delta intervals only; 2000: the default; 10000: issue 18's
// target, at most 150 ms). Outcomes are bootstrapped on both cores: the
// real time is the figure, the CPU column counts the calling thread only.
void BM_ScoreAggregateWithIntervals(benchmark::State& state) {
  const Aggregate aggregate = MakeAggregate(3000, state.range(0), false);
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(static_cast<uint32_t>(state.range(1)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(ScoreAggregate(aggregate, options));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ScoreAggregateWithIntervals)
    ->Args({150, 0})
    ->Args({150, 2000})
    ->Args({150, 10000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One binomial draw: inversion (small mean) and BTRS (large mean).
void BM_SampleBinomial(benchmark::State& state) {
  std::mt19937_64 rng(1);
  const uint64_t n = state.range(0);
  const double p = state.range(1) / 1000.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(stats::SampleBinomial(n, p, rng));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SampleBinomial)->Args({20, 200})->Args({3000, 400});

}  // namespace
}  // namespace jtbd
