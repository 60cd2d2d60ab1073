#include "core/opportunity_bootstrap.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/numeric/int128.h"
#include "core/scoring.h"
#include "stats/delta_method.h"
#include "stats/kish.h"
#include "stats/multinomial.h"

namespace jtbd {
namespace {

// Respondents per resample: n, or round(n_eff) for weighted tables.
uint64_t ResampleSize(const stats::JointTable& table) {
  double weight = 0, weight_square = 0;
  uint64_t count = 0;
  for (size_t k = 0; k < table.counts.size(); ++k) {
    count += table.counts[k];
    weight += table.Weight(k);
    weight_square += table.WeightSquare(k);
  }
  if (!table.weighted()) return count;
  return std::max<uint64_t>(
      1, std::llround(stats::KishEffectiveCount(weight, weight_square)));
}

// Collapsed cell of a top-box table: 0 = no answer, 1 = not top, 2 = top.
enum : size_t { kMissing = 0, kNotTop = 1, kTop = 2 };

stats::BootstrapValue TopBoxStatistic(absl::Span<const uint64_t> c,
                                      v1::ScoreMethod method) {
  const uint64_t importance_top =
      c[kTop * 3] + c[kTop * 3 + 1] + c[kTop * 3 + 2];
  const uint64_t importance_count =
      importance_top + c[kNotTop * 3] + c[kNotTop * 3 + 1] + c[kNotTop * 3 + 2];
  const uint64_t satisfaction_top = c[kTop] + c[3 + kTop] + c[6 + kTop];
  const uint64_t satisfaction_count =
      satisfaction_top + c[kNotTop] + c[3 + kNotTop] + c[6 + kNotTop];
  stats::BootstrapValue value;
  if (importance_count == 0 || satisfaction_count == 0) return value;
  value.defined = true;
  const double importance = 10.0 * static_cast<double>(importance_top) /
                            static_cast<double>(importance_count);
  const double satisfaction = 10.0 * static_cast<double>(satisfaction_top) /
                              static_cast<double>(satisfaction_count);
  if (method == v1::SCORE_METHOD_OLSEN) {
    value.value = stats::OlsenOpportunity(importance, satisfaction);
    return value;
  }
  value.value = stats::UlwickOpportunity(importance, satisfaction);
  // Opportunity >= 10 exactly: in units of 10 / (n_I n_S), I is
  // x_I n_S, S is x_S n_I and 10 is n_I n_S.
  const absl::uint128 i = absl::uint128(importance_top) * satisfaction_count;
  const absl::uint128 s = absl::uint128(satisfaction_top) * importance_count;
  const absl::uint128 unit =
      absl::uint128(importance_count) * satisfaction_count;
  value.at_least_threshold = (i > s ? 2 * i - s : i) >= unit;
  return value;
}

stats::BootstrapValue MeanStatistic(absl::Span<const uint64_t> c, size_t stride,
                                    const std::vector<double>& scores) {
  double importance_sum = 0, satisfaction_sum = 0;
  uint64_t importance_count = 0, satisfaction_count = 0;
  for (size_t i = 0; i < stride; ++i) {
    for (size_t s = 0; s < stride; ++s) {
      const uint64_t n = c[i * stride + s];
      if (n == 0) continue;
      if (i != 0) {
        importance_count += n;
        importance_sum += static_cast<double>(n) * scores[i];
      }
      if (s != 0) {
        satisfaction_count += n;
        satisfaction_sum += static_cast<double>(n) * scores[s];
      }
    }
  }
  stats::BootstrapValue value;
  if (importance_count == 0 || satisfaction_count == 0) return value;
  value.defined = true;
  value.value = stats::UlwickOpportunity(
      importance_sum / static_cast<double>(importance_count),
      satisfaction_sum / static_cast<double>(satisfaction_count));
  // Means are not small-denominator ratios: a tolerance absorbs rounding.
  value.at_least_threshold = value.value >= 10 - 1e-9;
  return value;
}

}  // namespace

stats::BootstrapSummary BootstrapOpportunity(
    const Aggregate& aggregate, size_t outcome, v1::ScoreMethod method,
    uint32_t resamples, uint64_t stream_seed, double confidence_level) {
  const stats::JointTable table = aggregate.WeightedTable(outcome);
  const Scale& scale = aggregate.scale();
  const size_t stride = table.stride;
  const uint64_t trials = ResampleSize(table);
  if (method == v1::SCORE_METHOD_MEAN) {
    std::vector<double> weights(table.counts.size());
    for (size_t k = 0; k < weights.size(); ++k) {
      weights[k] = table.counts[k] == 0 ? 0 : table.Weight(k);
    }
    std::vector<double> scores(stride, 0);
    for (size_t k = 1; k < stride; ++k) {
      scores[k] = 10.0 * static_cast<double>(k - 1) / (scale.max - scale.min);
    }
    const stats::MultinomialSampler sampler(weights, trials);
    return stats::BootstrapTable(sampler, resamples, stream_seed,
                                 confidence_level,
                                 [&](absl::Span<const uint64_t> c) {
                                   return MeanStatistic(c, stride, scores);
                                 });
  }
  const int top_box_min = MethodTopBoxMin(scale, method);
  auto collapse = [&](size_t index) -> size_t {
    if (index == 0) return kMissing;
    const int rating = scale.min + static_cast<int>(index) - 1;
    return rating >= top_box_min ? kTop : kNotTop;
  };
  std::vector<double> weights(9, 0);
  for (size_t i = 0; i < stride; ++i) {
    for (size_t s = 0; s < stride; ++s) {
      const size_t cell = i * stride + s;
      if (table.counts[cell] == 0) continue;
      weights[collapse(i) * 3 + collapse(s)] += table.Weight(cell);
    }
  }
  const stats::MultinomialSampler sampler(weights, trials);
  return stats::BootstrapTable(
      sampler, resamples, stream_seed, confidence_level,
      [&](absl::Span<const uint64_t> c) { return TopBoxStatistic(c, method); });
}

}  // namespace jtbd
