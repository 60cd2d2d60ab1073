#include "stats/opportunity_difference.h"

#include <algorithm>
#include <cmath>

#include "gtest/gtest.h"
#include "stats/normal.h"

namespace jtbd {
namespace stats {
namespace {

// Top-box scores (0-10) of one sample with `n` answers to each rating and
// independent answers.
OpportunitySample Sample(double importance_share, double satisfaction_share,
                         double n) {
  OpportunitySample sample;
  ScorePair& s = sample.input.scores;
  s.importance = 10 * importance_share;
  s.satisfaction = 10 * satisfaction_share;
  s.importance_variance = 100 * importance_share * (1 - importance_share) / n;
  s.satisfaction_variance =
      100 * satisfaction_share * (1 - satisfaction_share) / n;
  s.covariance = 0;
  sample.input.importance_trials = n;
  sample.input.satisfaction_trials = n;
  sample.input.top_box = true;
  sample.opportunity =
      s.importance + std::max(s.importance - s.satisfaction, 0.0);
  return sample;
}

TEST(OpportunityDifferenceTest, IntervalIsMoverOfTheTwoIntervals) {
  // Far from the kink on both sides: each opportunity interval is one
  // branch's, and the difference's limits combine them by MOVER.
  const OpportunitySample first = Sample(0.8, 0.2, 100);
  const OpportunitySample second = Sample(0.3, 0.7, 100);
  const Interval a = UlwickOpportunityInterval(first.input, 0.95).interval;
  const Interval b = UlwickOpportunityInterval(second.input, 0.95).interval;
  const OpportunityDifference d =
      UlwickOpportunityDifference(first, second, 0.95);
  EXPECT_DOUBLE_EQ(d.difference, 14.0 - 3.0);
  EXPECT_DOUBLE_EQ(
      d.interval.low,
      11 - std::hypot(first.opportunity - a.low, b.high - second.opportunity));
  EXPECT_DOUBLE_EQ(
      d.interval.high,
      11 + std::hypot(a.high - first.opportunity, second.opportunity - b.low));
}

TEST(OpportunityDifferenceTest, TheTestIsTheIntervalInverted) {
  for (double share : {0.2, 0.5, 0.62, 0.7}) {
    const OpportunitySample first = Sample(share, 0.5, 40);
    const OpportunitySample second = Sample(0.5, 0.5, 40);
    const OpportunityDifference d =
        UlwickOpportunityDifference(first, second, 0.95);
    EXPECT_EQ(std::signbit(d.z), std::signbit(d.difference)) << share;
    EXPECT_NEAR(d.p_value, TwoSidedPValue(d.z), 1e-15);
    // At the level 1 - p the interval just reaches 0 (share 0.5: no
    // difference, p = 1, a level of 0 that has no interval).
    if (d.difference != 0) {
      const Interval at_p =
          UlwickOpportunityDifferenceInterval(first, second, 1 - d.p_value);
      EXPECT_NEAR(d.difference > 0 ? at_p.low : at_p.high, 0, 1e-6) << share;
    }
    // Rejects at 5% exactly when the 95% interval excludes 0.
    const bool excludes = d.interval.low > 0 || d.interval.high < 0;
    EXPECT_EQ(d.p_value < 0.05, excludes) << share;
  }
}

TEST(OpportunityDifferenceTest, NoDifferenceHasPOne) {
  const OpportunitySample sample = Sample(0.5, 0.5, 30);
  const OpportunityDifference d =
      UlwickOpportunityDifference(sample, sample, 0.95);
  EXPECT_EQ(d.z, 0);
  EXPECT_EQ(d.p_value, 1);
  EXPECT_LT(d.interval.low, 0);
  EXPECT_GT(d.interval.high, 0);
}

TEST(OpportunityDifferenceTest, AnIntervalHoldingZeroAtEveryLevelGivesZZero) {
  // Near the kink the difference's interval can hold 0 at every critical
  // value: the search's root is c = 0, which must come out as z = 0 and
  // p = 1, not as a rounding residue such as -3e-12.
  int near_zero = 0;
  for (double n : {15.0, 30.0, 60.0}) {
    for (int a = 1; a < 20; ++a) {
      for (int b = 1; b < 20; ++b) {
        const OpportunitySample first = Sample(a / 20.0, b / 20.0, n);
        const OpportunitySample second =
            Sample((a + 1) / 20.0, (b + 1) / 20.0, n);
        const OpportunityDifference d =
            UlwickOpportunityDifference(first, second, 0.95);
        if (std::fabs(d.z) < 1e-9) {  // the search's tolerance
          ++near_zero;
          EXPECT_EQ(d.z, 0) << n << " " << a << " " << b;
          EXPECT_EQ(d.p_value, 1) << n << " " << a << " " << b;
        }
      }
    }
  }
  EXPECT_GT(near_zero, 0);  // the grid reaches the case
}

TEST(OpportunityDifferenceTest, HugeDifferencesStopAtTheLargestZ) {
  const OpportunityDifference d = UlwickOpportunityDifference(
      Sample(0.95, 0.05, 5000), Sample(0.05, 0.95, 5000), 0.95);
  EXPECT_EQ(d.z, kOpportunityDifferenceMaxZ);
  EXPECT_NEAR(d.p_value, TwoSidedPValue(kOpportunityDifferenceMaxZ), 1e-20);
}

TEST(OpportunityDifferenceTest, SharesOfZeroAndOneStillHaveWidth) {
  // All top box on one side, none on the other: the interval is not a
  // point, and the test is decided, not degenerate.
  const OpportunityDifference d = UlwickOpportunityDifference(
      Sample(1.0, 0.0, 15), Sample(1.0, 0.0, 15), 0.95);
  EXPECT_EQ(d.difference, 0);
  EXPECT_LT(d.interval.low, -1);
  EXPECT_GT(d.interval.high, 1);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
