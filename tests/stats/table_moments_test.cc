#include "stats/table_moments.h"

#include <vector>

#include "gtest/gtest.h"
#include "stats/delta_method.h"

namespace jtbd {
namespace stats {
namespace {

// 1-5 scale: stride 6, cell (importance, satisfaction) at i * 6 + s.
size_t Cell(int importance, int satisfaction) {
  return static_cast<size_t>(importance * 6 + satisfaction);
}
const std::vector<double> kTopBox = {0, 0, 0, 0, 10, 10};

TEST(TableMomentsTest, CovarianceFromRespondentsWhoAnsweredBoth) {
  // 60 answered both: 15 top/top, 15 top/not, 5 not/top, 25 not/not; 40
  // importance only (20 top); 20 satisfaction only (10 top).
  std::vector<uint64_t> counts(36, 0);
  counts[Cell(5, 5)] = 15;
  counts[Cell(5, 1)] = 15;
  counts[Cell(1, 5)] = 5;
  counts[Cell(1, 1)] = 25;
  counts[Cell(4, 0)] = 20;
  counts[Cell(2, 0)] = 20;
  counts[Cell(0, 4)] = 10;
  counts[Cell(0, 3)] = 10;
  JointTable table{6, counts, {}, {}};
  const TableMoments m = ComputeTableMoments(table, kTopBox, kTopBox);
  EXPECT_DOUBLE_EQ(m.importance.weight, 100);
  EXPECT_DOUBLE_EQ(m.satisfaction.weight, 80);
  EXPECT_DOUBLE_EQ(m.both_weight, 60);
  const ScorePair s = EstimateScores(m);
  EXPECT_DOUBLE_EQ(s.importance, 5.0);     // 50 / 100
  EXPECT_DOUBLE_EQ(s.satisfaction, 3.75);  // 30 / 80
  EXPECT_NEAR(s.importance_variance, 100 * 0.5 * 0.5 / 100, 1e-15);
  EXPECT_NEAR(s.satisfaction_variance, 100 * 0.375 * 0.625 / 80, 1e-15);
  // 100 n_b (p11 - pI pS) / (n_I n_S) with shares among the 60:
  // 100 x 60 x (15/60 - 30/60 x 20/60) / (100 x 80) = 0.0625.
  EXPECT_NEAR(s.covariance, 0.0625, 1e-15);
  EXPECT_NEAR(s.covariance,
              TopBoxScoreCovariance(100, 80, 60, 0.25, 0.5, 1.0 / 3), 1e-15);
}

TEST(TableMomentsTest, WeightedSharesAndKishCounts) {
  // Four respondents: weight 2 rates (5, 1); weight 1 (4, 5); weight 1
  // (2, 4); weight 0.5 skips importance and rates satisfaction 2.
  std::vector<uint64_t> counts(36, 0);
  std::vector<double> w(36, 0), w2(36, 0);
  auto add = [&](int i, int s, double weight) {
    counts[Cell(i, s)] += 1;
    w[Cell(i, s)] += weight;
    w2[Cell(i, s)] += weight * weight;
  };
  add(5, 1, 2);
  add(4, 5, 1);
  add(2, 4, 1);
  add(0, 2, 0.5);
  JointTable table{6, counts, w, w2};
  const TableMoments m = ComputeTableMoments(table, kTopBox, kTopBox);
  // Importance: weight 4, top-box weight 3: I = 7.5; n_eff = 16 / 6.
  EXPECT_DOUBLE_EQ(m.importance.weight, 4);
  EXPECT_DOUBLE_EQ(m.importance.mean, 7.5);
  EXPECT_DOUBLE_EQ(m.importance.effective_count(), 16.0 / 6);
  // Satisfaction: weight 4.5, top-box weight 2: S = 20 / 4.5; n_eff =
  // 4.5^2 / 6.25 = 3.24.
  EXPECT_DOUBLE_EQ(m.satisfaction.mean, 20 / 4.5);
  EXPECT_DOUBLE_EQ(m.satisfaction.effective_count(), 3.24);
  const ScorePair s = EstimateScores(m);
  // Var = 100 p (1 - p) / n_eff.
  EXPECT_NEAR(s.importance_variance, 100 * 0.75 * 0.25 * 6 / 16, 1e-13);
  EXPECT_NEAR(s.satisfaction_variance,
              100 * (2 / 4.5) * (2.5 / 4.5) * 6.25 / 20.25, 1e-13);
  // Both answered: weights 2, 1, 1 (W_b = 4, W2_b = 6); among them
  // importance top 3/4, satisfaction top 2/4, both top 1/4:
  // 100 x 6 x (1/4 - 3/4 x 1/2) / (4 x 4.5) = -75 / 18.
  EXPECT_NEAR(s.covariance, -75.0 / 18, 1e-13);
  EXPECT_NEAR(
      UlwickOpportunityVariance(s),
      4 * s.importance_variance + s.satisfaction_variance + 4 * 75.0 / 18,
      1e-12);
}

TEST(TableMomentsTest, MeanScores) {
  // Ratings 1 and 5 rescaled to 0 and 10: two respondents (1, 5), (5, 5).
  std::vector<uint64_t> counts(36, 0);
  counts[Cell(1, 5)] = 1;
  counts[Cell(5, 5)] = 1;
  const std::vector<double> mean = {0, 0, 2.5, 5, 7.5, 10};
  const TableMoments m =
      ComputeTableMoments(JointTable{6, counts, {}, {}}, mean, mean);
  EXPECT_DOUBLE_EQ(m.importance.mean, 5);
  EXPECT_DOUBLE_EQ(m.importance.variance, 25);  // (25 + 25) / 2
  EXPECT_DOUBLE_EQ(m.satisfaction.mean, 10);
  EXPECT_DOUBLE_EQ(m.satisfaction.variance, 0);
  EXPECT_DOUBLE_EQ(EstimateScores(m).importance_variance, 12.5);
}

TEST(TableMomentsTest, NobodyAnswered) {
  std::vector<uint64_t> counts(36, 0);
  counts[0] = 5;  // five respondents skipped the outcome
  const TableMoments m =
      ComputeTableMoments(JointTable{6, counts, {}, {}}, kTopBox, kTopBox);
  EXPECT_FALSE(m.importance.answered());
  EXPECT_FALSE(m.satisfaction.answered());
  const ScorePair s = EstimateScores(m);
  EXPECT_EQ(s.importance_variance, 0.0);
  EXPECT_EQ(s.covariance, 0.0);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
