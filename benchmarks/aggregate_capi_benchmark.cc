// The in-memory round trip through the C ABI, as an embedding caller pays
// for it (argument checks, the exception barrier, copies out): create an
// aggregate, declare outcomes, add respondents from two row-major uint8
// matrices, score without bootstrap, serialize. range(0) respondents x
// range(1) outcomes; bytes are the two matrices, items the answers.
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "jtbd/jtbd.h"

namespace {

void Check(jtbd_error* error) {
  if (error == nullptr) return;
  std::abort();
}

// 1-5 ratings, 2% unanswered, as the other benchmarks draw them.
std::vector<uint8_t> Ratings(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> values(n);
  for (uint8_t& v : values) v = rng() % 50 == 0 ? 0 : 1 + rng() % 5;
  return values;
}

jtbd_aggregate* NewAggregate(size_t outcomes) {
  jtbd_aggregate* aggregate = nullptr;
  Check(jtbd_aggregate_create(&aggregate));
  for (size_t o = 0; o < outcomes; ++o) {
    const std::string id = "o" + std::to_string(o);
    Check(jtbd_aggregate_add_outcome(aggregate, id.data(), id.size(), nullptr,
                                     0));
  }
  return aggregate;
}

void SetThroughput(benchmark::State& state, size_t answers) {
  state.SetItemsProcessed(state.iterations() * answers);
  state.SetBytesProcessed(state.iterations() * 2 * answers);
}

// The whole round trip.
void BM_CapiAggregateRoundTrip(benchmark::State& state) {
  const size_t n = state.range(0), m = state.range(1);
  const std::vector<uint8_t> imp = Ratings(n * m, 1), sat = Ratings(n * m, 2);
  jtbd_score_options* options = nullptr;
  Check(jtbd_score_options_create(&options));
  Check(jtbd_score_options_set_bootstrap_resamples(options, 0));
  for (auto _ : state) {
    jtbd_aggregate* aggregate = NewAggregate(m);
    Check(jtbd_aggregate_add_respondents(aggregate, n, imp.data(), sat.data()));
    jtbd_report* report = nullptr;
    Check(jtbd_aggregate_score(aggregate, options, &report));
    jtbd_buffer* bytes = nullptr;
    Check(jtbd_aggregate_serialize(aggregate, &bytes));
    benchmark::DoNotOptimize(bytes);
    jtbd_buffer_free(bytes);
    jtbd_report_destroy(report);
    jtbd_aggregate_destroy(aggregate);
  }
  jtbd_score_options_destroy(options);
  SetThroughput(state, n * m);
}
BENCHMARK(BM_CapiAggregateRoundTrip)
    ->Args({100000, 100})
    ->Args({3000, 150})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// jtbd_aggregate_add_respondents alone, on one aggregate that keeps
// growing (its tables do not: the cost is the answers').
void BM_CapiAggregateAddRespondents(benchmark::State& state) {
  const size_t n = state.range(0), m = state.range(1);
  const std::vector<uint8_t> imp = Ratings(n * m, 1), sat = Ratings(n * m, 2);
  jtbd_aggregate* aggregate = NewAggregate(m);
  for (auto _ : state) {
    Check(jtbd_aggregate_add_respondents(aggregate, n, imp.data(), sat.data()));
  }
  jtbd_aggregate_destroy(aggregate);
  SetThroughput(state, n * m);
}
BENCHMARK(BM_CapiAggregateAddRespondents)
    ->Args({100000, 100})
    ->Args({1000, 100})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
