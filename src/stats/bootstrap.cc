#include "stats/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace jtbd {
namespace stats {
namespace {

uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// FNV-1a: a fixed hash (absl::Hash is salted per process).
uint64_t Fnv1a(absl::string_view bytes, uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

uint64_t BootstrapStreamSeed(uint64_t seed, absl::string_view scope,
                             absl::string_view key) {
  uint64_t hash = Fnv1a(scope, 0xcbf29ce484222325ULL);
  hash = Fnv1a(absl::string_view("\0", 1), hash);
  hash = Fnv1a(key, hash);
  return SplitMix64(SplitMix64(seed) ^ hash);
}

double Quantile(std::vector<double>* values, double probability) {
  const double position = probability * static_cast<double>(values->size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  std::nth_element(values->begin(), values->begin() + below, values->end());
  const double low = (*values)[below];
  if (below + 1 >= values->size()) return low;
  const double high =
      *std::min_element(values->begin() + below + 1, values->end());
  return low + (position - static_cast<double>(below)) * (high - low);
}

std::optional<Interval> PercentileInterval(std::vector<double>* values,
                                           double confidence_level) {
  if (values->empty()) return std::nullopt;
  const double tail = (1 - confidence_level) / 2;
  Interval interval;
  interval.low = Quantile(values, tail);
  interval.high = Quantile(values, 1 - tail);
  return interval;
}

BootstrapSummary BootstrapTable(
    const MultinomialSampler& sampler, uint32_t resamples, uint64_t stream_seed,
    double confidence_level,
    absl::FunctionRef<BootstrapValue(absl::Span<const uint64_t>)> statistic) {
  std::mt19937_64 rng(stream_seed);
  std::vector<uint64_t> table(sampler.cell_count());
  std::vector<double> values;
  values.reserve(resamples);
  uint32_t at_least = 0;
  for (uint32_t r = 0; r < resamples; ++r) {
    sampler.Sample(rng, absl::MakeSpan(table));
    const BootstrapValue value = statistic(table);
    if (!value.defined) continue;
    values.push_back(value.value);
    if (value.at_least_threshold) ++at_least;
  }
  BootstrapSummary summary;
  summary.defined_resamples = static_cast<uint32_t>(values.size());
  if (!values.empty()) {
    summary.share_at_least_threshold =
        static_cast<double>(at_least) / static_cast<double>(values.size());
  }
  summary.interval = PercentileInterval(&values, confidence_level);
  return summary;
}

}  // namespace stats
}  // namespace jtbd
