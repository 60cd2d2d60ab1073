#include "stats/bootstrap.h"

#include <cmath>
#include <numeric>
#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(QuantileTest, LinearInterpolationBetweenOrderStatistics) {
  // R: quantile(c(1, 2, 3, 4), c(0.25, 0.5, 0.9), type = 7) = 1.75 2.5 3.7.
  std::vector<double> values = {4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(Quantile(&values, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(Quantile(&values, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(Quantile(&values, 0.9), 3.7);
  EXPECT_DOUBLE_EQ(Quantile(&values, 0), 1);
  EXPECT_DOUBLE_EQ(Quantile(&values, 1), 4);
  std::vector<double> one = {7};
  EXPECT_DOUBLE_EQ(Quantile(&one, 0.975), 7);
}

TEST(PercentileIntervalTest, TailsOfTheLevel) {
  // 0..100: the 2.5% and 97.5% type-7 quantiles are 2.5 and 97.5.
  std::vector<double> values(101);
  std::iota(values.rbegin(), values.rend(), 0.0);
  std::optional<Interval> interval = PercentileInterval(&values, 0.95);
  ASSERT_TRUE(interval.has_value());
  // (1 - 0.95) / 2 is 0.025000000000000022 in binary.
  EXPECT_NEAR(interval->low, 2.5, 1e-12);
  EXPECT_NEAR(interval->high, 97.5, 1e-12);
  std::vector<double> none;
  EXPECT_FALSE(PercentileInterval(&none, 0.95).has_value());
}

TEST(BootstrapStreamSeedTest, DependsOnEveryPart) {
  const uint64_t base = BootstrapStreamSeed(20240101, "", "o1");
  EXPECT_EQ(base, BootstrapStreamSeed(20240101, "", "o1"));
  EXPECT_NE(base, BootstrapStreamSeed(20240102, "", "o1"));
  EXPECT_NE(base, BootstrapStreamSeed(20240101, "", "o2"));
  EXPECT_NE(base, BootstrapStreamSeed(20240101, "field", "o1"));
  // The separator keeps ("a", "b") and ("ab", "") apart.
  EXPECT_NE(BootstrapStreamSeed(1, "a", "b"), BootstrapStreamSeed(1, "ab", ""));
}

// The share of top-box answers in a two-cell table (not top, top).
BootstrapValue Share(absl::Span<const uint64_t> c) {
  BootstrapValue value;
  const uint64_t n = c[0] + c[1];
  if (n == 0) return value;
  value.defined = true;
  value.value = double(c[1]) / n;
  value.at_least_threshold = 2 * c[1] >= n;
  return value;
}

TEST(BootstrapTableTest, ReproducibleAndCloseToTheNormalApproximation) {
  // 200 of 270 top box: the bootstrap distribution of the share is close
  // to N(p, p(1-p)/n), so the percentile interval is close to Wald's.
  MultinomialSampler sampler({70, 200}, 270);
  BootstrapSummary a = BootstrapTable(sampler, 4000, 99, 0.95, Share);
  BootstrapSummary b = BootstrapTable(sampler, 4000, 99, 0.95, Share);
  ASSERT_TRUE(a.interval.has_value());
  EXPECT_EQ(a.interval->low, b.interval->low);
  EXPECT_EQ(a.interval->high, b.interval->high);
  EXPECT_EQ(a.defined_resamples, 4000u);
  const double p = 200.0 / 270, se = std::sqrt(p * (1 - p) / 270);
  EXPECT_NEAR(a.interval->low, p - 1.96 * se, 0.006);
  EXPECT_NEAR(a.interval->high, p + 1.96 * se, 0.006);
  // P(share >= 1/2) is essentially 1 at p = 0.74, n = 270.
  EXPECT_DOUBLE_EQ(a.share_at_least_threshold, 1.0);
  BootstrapSummary other = BootstrapTable(sampler, 4000, 100, 0.95, Share);
  EXPECT_NE(other.interval->low + other.interval->high,
            a.interval->low + a.interval->high);
}

TEST(BootstrapTableTest, ThresholdShareAndUndefinedResamples) {
  // 1 respondent of 2 answered, top box: half the resamples (about) have
  // nobody answering and are left out; the rest have share 1.
  MultinomialSampler sampler({1, 0, 1}, 2);
  auto statistic = [](absl::Span<const uint64_t> c) {
    BootstrapValue value;
    if (c[2] == 0) return value;  // cell 2: answered, top box
    value.defined = true;
    value.value = 1;
    value.at_least_threshold = true;
    return value;
  };
  BootstrapSummary summary = BootstrapTable(sampler, 1000, 1, 0.95, statistic);
  // P(undefined) = 1/4: both draws land in the unanswered cell.
  EXPECT_NEAR(summary.defined_resamples, 750.0, 5 * std::sqrt(1000 * 0.1875));
  EXPECT_DOUBLE_EQ(summary.share_at_least_threshold, 1.0);
  EXPECT_DOUBLE_EQ(summary.interval->low, 1.0);
  // No resample at all: no interval.
  BootstrapSummary empty = BootstrapTable(sampler, 0, 1, 0.95, statistic);
  EXPECT_FALSE(empty.interval.has_value());
  EXPECT_EQ(empty.defined_resamples, 0u);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
