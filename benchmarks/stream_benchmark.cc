// Streaming (src/stream): appends per second into a window of 24 hourly
// buckets and into a decayed stream, 20 outcomes, one answer a second; and
// the memory a stream holds (its saved state's size, a counter), which
// stays flat however many answers went in.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "stream/stream_scorer.h"

namespace jtbd {
namespace {

constexpr int kOutcomes = 20;
constexpr int kRespondents = 4096;

std::vector<Outcome> MakeOutcomes() {
  std::vector<Outcome> outcomes;
  for (int i = 0; i < kOutcomes; ++i) {
    outcomes.push_back({"o" + std::to_string(i), "", ""});
  }
  return outcomes;
}

void Run(benchmark::State& state, const v1::StreamOptions& options) {
  std::mt19937 rng(1);
  std::vector<uint8_t> ratings(kRespondents * kOutcomes);
  for (uint8_t& v : ratings) v = 1 + rng() % 5;
  stream::StreamScorer scorer =
      *stream::StreamScorer::Create(Scale(), MakeOutcomes(), options);
  int64_t k = 0;
  for (auto _ : state) {
    const size_t r = static_cast<size_t>(k % kRespondents) * kOutcomes;
    const absl::Span<const uint8_t> row(&ratings[r], kOutcomes);
    benchmark::DoNotOptimize(scorer.Append(k * 1000, row, row, std::nullopt));
    ++k;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["state_bytes"] =
      static_cast<double>(scorer.ToProto().ByteSizeLong());
  state.counters["buckets"] = static_cast<double>(scorer.buckets_held());
}

void BM_StreamAppendWindow(benchmark::State& state) {
  v1::StreamOptions options;
  options.set_bucket_width_ms(3600 * 1000);
  options.set_bucket_count(24);
  Run(state, options);
}
BENCHMARK(BM_StreamAppendWindow);

void BM_StreamAppendDecay(benchmark::State& state) {
  v1::StreamOptions options;
  options.set_half_life_ms(6 * 3600 * 1000);
  Run(state, options);
}
BENCHMARK(BM_StreamAppendDecay);

void BM_StreamScoreWindow(benchmark::State& state) {
  v1::StreamOptions options;
  options.set_bucket_width_ms(3600 * 1000);
  options.set_bucket_count(24);
  std::mt19937 rng(2);
  stream::StreamScorer scorer =
      *stream::StreamScorer::Create(Scale(), MakeOutcomes(), options);
  std::vector<uint8_t> row(kOutcomes);
  for (int64_t k = 0; k < 100000; ++k) {
    for (uint8_t& v : row) v = 1 + rng() % 5;
    (void)scorer.Append(k * 1000, row, row, std::nullopt);
  }
  const v1::ScoringOptions scoring;
  for (auto _ : state) benchmark::DoNotOptimize(scorer.Score(scoring));
  // Outcomes scored.
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(kOutcomes));
}
BENCHMARK(BM_StreamScoreWindow)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace jtbd
