#ifndef JTBD_STATS_BOOTSTRAP_H_
#define JTBD_STATS_BOOTSTRAP_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "stats/interval.h"
#include "stats/multinomial.h"

namespace jtbd {
namespace stats {

// A statistic evaluated on one resampled table. `defined` is false when the
// resample leaves the statistic without data (nobody rated importance, say).
// `at_least_threshold` is decided by the statistic itself so that it can
// compare exactly (opportunity >= 10 in rational arithmetic).
struct BootstrapValue {
  bool defined = false;
  double value = 0;
  bool at_least_threshold = false;
};

struct BootstrapSummary {
  // Percentile interval over the defined resamples; absent when none was.
  std::optional<Interval> interval;
  uint32_t defined_resamples = 0;
  // Share of the defined resamples whose statistic reached the threshold.
  double share_at_least_threshold = 0;
};

// The seed of one independent bootstrap stream, from the run's seed and
// names (e.g. the segment and the outcome id): an outcome's resamples do not
// depend on which other outcomes or segments exist, or on their order.
uint64_t BootstrapStreamSeed(uint64_t seed, absl::string_view scope,
                             absl::string_view key);

// Type-7 quantile (linear interpolation between order statistics, R's
// default) of `values`, 0 <= probability <= 1. Reorders values; requires at
// least one value.
double Quantile(std::vector<double>* values, double probability);

// The (1 - level) / 2 and (1 + level) / 2 quantiles of `values` (reordered);
// absent when values is empty.
std::optional<Interval> PercentileInterval(std::vector<double>* values,
                                           double confidence_level);

// Draws `resamples` tables from the sampler with a std::mt19937_64 seeded
// with stream_seed, evaluates the statistic on each, and summarizes the
// defined values. Reproducible: the same inputs give the same summary.
BootstrapSummary BootstrapTable(
    const MultinomialSampler& sampler, uint32_t resamples, uint64_t stream_seed,
    double confidence_level,
    absl::FunctionRef<BootstrapValue(absl::Span<const uint64_t>)> statistic);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_BOOTSTRAP_H_
