#include "stats/opportunity_interval.h"

#include <cmath>
#include <string>

#include "gtest/gtest.h"
#include "stats/delta_method.h"

namespace jtbd {
namespace stats {
namespace {

// One outcome's top-box counts: n_I answers, x_I top box; n_S, x_S; n_b
// answered both, x11 top box on both, xIb and xSb top box among them.
struct Counts {
  const char* name;
  double importance_count, importance_top, satisfaction_count, satisfaction_top,
      both_count, both_top, both_importance_top, both_satisfaction_top;
  const char* branch;
  double critical_value, low, high;
};

OpportunityIntervalInput InputOf(const Counts& c) {
  OpportunityIntervalInput input;
  const double pi = c.importance_top / c.importance_count;
  const double ps = c.satisfaction_top / c.satisfaction_count;
  input.scores.importance = 10 * pi;
  input.scores.satisfaction = 10 * ps;
  input.scores.importance_variance =
      TopBoxScoreVariance(pi, c.importance_count);
  input.scores.satisfaction_variance =
      TopBoxScoreVariance(ps, c.satisfaction_count);
  input.scores.covariance = TopBoxScoreCovariance(
      c.importance_count, c.satisfaction_count, c.both_count,
      c.both_top / c.both_count, c.both_importance_top / c.both_count,
      c.both_satisfaction_top / c.both_count);
  input.importance_trials = c.importance_count;
  input.satisfaction_trials = c.satisfaction_count;
  return input;
}

std::string BranchName(OpportunityBranch branch) {
  switch (branch) {
    case OpportunityBranch::kImportance:
      return "a";
    case OpportunityBranch::kTwiceImportanceGap:
      return "b";
    case OpportunityBranch::kBoth:
      return "both";
  }
  return "?";
}

TEST(UlwickOpportunityIntervalTest, AgreesWithAnIndependentComputation) {
  // tests/stats/opportunity_interval_reference.py (scipy's bivariate
  // normal and brentq for the critical value, Wilson and MOVER by hand).
  const Counts cases[] = {
      {"kink", 30, 15, 30, 15, 30, 8, 15, 15, "both", 2.1150123616960648,
       3.1988842330524441, 8.9043882167899078},
      {"underserved", 30, 24, 30, 6, 30, 5, 24, 6, "b", 1.959963984540054,
       10.195814387073227, 16.307016102225688},
      {"overserved", 30, 6, 30, 24, 30, 5, 6, 24, "a", 1.959963984540054,
       0.9505107177289871, 3.7305696413148248},
      {"edge", 30, 30, 30, 29, 30, 29, 30, 29, "both", 2.1312350674073648,
       8.6850380724430529, 11.841563099146009},
      {"blanks", 28, 14, 25, 11, 24, 6, 12, 11, "both", 2.1202732096316357,
       3.1402702967949732, 9.6068189444870828},
      {"small", 15, 3, 15, 3, 15, 0, 3, 3, "both", 2.095549753917473,
       0.47736039371463634, 7.9809384799957641},
  };
  for (const Counts& c : cases) {
    const OpportunityInterval result =
        UlwickOpportunityInterval(InputOf(c), 0.95);
    EXPECT_EQ(BranchName(result.branch), c.branch) << c.name;
    EXPECT_NEAR(result.critical_value, c.critical_value, 1e-8) << c.name;
    EXPECT_NEAR(result.interval.low, c.low, 1e-7) << c.name;
    EXPECT_NEAR(result.interval.high, c.high, 1e-7) << c.name;
  }
}

TEST(UlwickOpportunityIntervalTest, ContainsTheEstimateAndStaysInRange) {
  // Every table of 12 respondents who all answer both: the interval holds
  // the point estimate and never leaves [0, 20].
  for (int xi = 0; xi <= 12; ++xi) {
    for (int xs = 0; xs <= 12; ++xs) {
      const int both = std::max(0, xi + xs - 12);
      const Counts c{
          "grid",     12,         double(xi), 12, double(xs), 12, double(both),
          double(xi), double(xs), "",         0,  0,          0};
      const OpportunityInterval r = UlwickOpportunityInterval(InputOf(c), 0.9);
      const double i = 10.0 * xi / 12, s = 10.0 * xs / 12;
      const double opportunity = i + std::max(i - s, 0.0);
      EXPECT_LE(r.interval.low, opportunity + 1e-12) << xi << " " << xs;
      EXPECT_GE(r.interval.high, opportunity - 1e-12) << xi << " " << xs;
      EXPECT_GE(r.interval.low, -1e-12) << xi << " " << xs;
      EXPECT_LE(r.interval.high, 20 + 1e-12) << xi << " " << xs;
    }
  }
}

TEST(UlwickOpportunityIntervalTest, MeansUseNormalLimits) {
  // Far on the I > S side: exactly the normal interval of 2I - S.
  OpportunityIntervalInput input;
  input.top_box = false;
  input.scores = {8.0, 3.0, 0.04, 0.05, 0.01};
  input.importance_trials = input.satisfaction_trials = 200;
  const OpportunityInterval r = UlwickOpportunityInterval(input, 0.95);
  ASSERT_EQ(r.branch, OpportunityBranch::kTwiceImportanceGap);
  const double sd = std::sqrt(4 * 0.04 + 0.05 - 4 * 0.01);
  EXPECT_NEAR(r.interval.low, 13 - 1.959963984540054 * sd, 1e-12);
  EXPECT_NEAR(r.interval.high, 13 + 1.959963984540054 * sd, 1e-12);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
