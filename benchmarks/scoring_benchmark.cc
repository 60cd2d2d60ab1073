// Hot paths of opportunity scoring: filling aggregates, reducing a study,
// scoring, merging. Sizes follow ODI practice: up to 150 outcomes and a few
// thousand respondents per study.
#include <random>
#include <vector>

#include "benchmark/benchmark.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "core/study.h"

namespace jtbd {
namespace {

std::vector<Outcome> MakeOutcomes(int m) {
  std::vector<Outcome> outcomes;
  for (int i = 0; i < m; ++i)
    outcomes.push_back({"o" + std::to_string(i), "", ""});
  return outcomes;
}

std::vector<uint8_t> MakeRatings(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> ratings(n);
  for (uint8_t& v : ratings) v = rng() % 50 == 0 ? 0 : 1 + rng() % 5;
  return ratings;
}

// Respondents x outcomes rating matrices into an aggregate.
void BM_AggregateAddRespondents(benchmark::State& state) {
  const size_t n = state.range(0), m = state.range(1);
  const std::vector<uint8_t> imp = MakeRatings(n * m, 1),
                             sat = MakeRatings(n * m, 2);
  for (auto _ : state) {
    Aggregate aggregate = *Aggregate::Create(Scale(), MakeOutcomes(m));
    benchmark::DoNotOptimize(aggregate.AddRespondents(n, imp, sat));
  }
  state.SetItemsProcessed(state.iterations() * n * m);
}
BENCHMARK(BM_AggregateAddRespondents)->Args({3000, 150})->Args({100000, 50});

Study MakeStudy(size_t n, size_t m) {
  Study study;
  for (const Outcome& o : MakeOutcomes(m)) (void)study.AddOutcome(o);
  (void)study.AddRespondents(n);
  std::vector<uint32_t> rs, os;
  rs.reserve(n * m);
  os.reserve(n * m);
  for (uint32_t r = 0; r < n; ++r) {
    for (uint32_t o = 0; o < m; ++o) rs.push_back(r), os.push_back(o);
  }
  const std::vector<uint8_t> imp = MakeRatings(n * m, 3),
                             sat = MakeRatings(n * m, 4);
  (void)study.AddAnswers({rs, os, imp, sat});
  for (size_t r = 0; r < n; ++r) {
    (void)study.SetAttribute(r, "segment", r % 3 ? "office" : "field");
  }
  return study;
}

// Validating and storing a batch of parallel arrays (the C ABI path).
void BM_StudyAddAnswers(benchmark::State& state) {
  const size_t n = state.range(0), m = state.range(1);
  std::vector<uint32_t> rs, os;
  for (uint32_t r = 0; r < n; ++r) {
    for (uint32_t o = 0; o < m; ++o) rs.push_back(r), os.push_back(o);
  }
  const std::vector<uint8_t> imp = MakeRatings(n * m, 5),
                             sat = MakeRatings(n * m, 6);
  for (auto _ : state) {
    state.PauseTiming();
    Study study;
    for (const Outcome& o : MakeOutcomes(m)) (void)study.AddOutcome(o);
    (void)study.AddRespondents(n);
    state.ResumeTiming();
    benchmark::DoNotOptimize(study.AddAnswers({rs, os, imp, sat}));
  }
  state.SetItemsProcessed(state.iterations() * n * m);
}
BENCHMARK(BM_StudyAddAnswers)->Args({3000, 150});

// A whole scoring run, with and without segments.
void BM_StudyScore(benchmark::State& state) {
  const size_t n = state.range(0), m = state.range(1);
  const Study study = MakeStudy(n, m);
  v1::ScoringOptions options;
  if (state.range(2)) options.set_segment_by("segment");
  for (auto _ : state) benchmark::DoNotOptimize(study.Score(options));
  state.SetItemsProcessed(state.iterations() * n * m);
}
BENCHMARK(BM_StudyScore)->Args({3000, 150, 0})->Args({3000, 150, 1});

void BM_AggregateMerge(benchmark::State& state) {
  const size_t m = state.range(0);
  Aggregate a = *Aggregate::Create(Scale(), MakeOutcomes(m));
  const Aggregate b = a;
  for (auto _ : state) benchmark::DoNotOptimize(a.Merge(b));
  // Outcome tables merged.
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * m));
}
BENCHMARK(BM_AggregateMerge)->Arg(150);

}  // namespace
}  // namespace jtbd
