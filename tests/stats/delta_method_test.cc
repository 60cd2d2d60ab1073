#include "stats/delta_method.h"

#include <cmath>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

constexpr double kZ95 = 1.959963984540054;

ScorePair Bosch(double covariance) {
  const double pi = 200.0 / 270, ps = 75.0 / 270;
  ScorePair s;
  s.importance = 10 * pi;
  s.satisfaction = 10 * ps;
  s.importance_variance = TopBoxScoreVariance(pi, 270);
  s.satisfaction_variance = TopBoxScoreVariance(ps, 270);
  s.covariance = covariance;
  return s;
}

TEST(DeltaMethodTest, BoschIgnoringCovariance) {
  // domain.md section 5: SE(I) = 0.267, SE(S) = 0.273, SE(Opp) =
  // sqrt(4 x 0.0711 + 0.0743) = 0.599; 12.0 -+ 1.17 = [10.86, 13.21].
  const ScorePair s = Bosch(0);
  EXPECT_NEAR(std::sqrt(s.importance_variance), 0.267, 0.0005);
  EXPECT_NEAR(std::sqrt(s.satisfaction_variance), 0.273, 0.0005);
  EXPECT_NEAR(s.importance_variance, 0.07112736879540721, 1e-15);
  EXPECT_NEAR(s.satisfaction_variance, 0.07430269775948788, 1e-15);
  const double variance = UlwickOpportunityVariance(s);
  EXPECT_NEAR(std::sqrt(variance), 0.5990093262555406, 1e-13);
  const Interval interval = NormalInterval(
      UlwickOpportunity(s.importance, s.satisfaction), variance, 1.96);
  EXPECT_NEAR(interval.low, 10.86, 0.005);
  EXPECT_NEAR(interval.high, 13.21, 0.005);
  EXPECT_NEAR(1.96 * std::sqrt(variance), 1.17, 0.005);
}

TEST(DeltaMethodTest, BoschWithQuarterTopBoxOnBoth) {
  // 25% top box on both (20.6% under independence): SE falls to 0.54,
  // -+ 1.06. Cov = 100 n_b (p11 - pI pS) / (n_I n_S).
  const double pi = 200.0 / 270, ps = 75.0 / 270;
  const double covariance = TopBoxScoreCovariance(270, 270, 270, 0.25, pi, ps);
  EXPECT_NEAR(covariance, 100 * (0.25 - pi * ps) / 270, 1e-15);
  EXPECT_NEAR(covariance, 0.016384697454656302, 1e-15);
  const double variance = UlwickOpportunityVariance(Bosch(covariance));
  EXPECT_NEAR(std::sqrt(variance), 0.54, 0.005);
  EXPECT_NEAR(std::sqrt(variance), 0.5415472122746932, 1e-13);
  EXPECT_NEAR(kZ95 * std::sqrt(variance), 1.06, 0.005);
}

TEST(DeltaMethodTest, CovarianceUsesEachDenominator) {
  // 100 respondents rated importance, 80 satisfaction, 60 both; among
  // those 60: 30 importance top, 20 satisfaction top, 15 both top.
  const double covariance =
      TopBoxScoreCovariance(100, 80, 60, 15.0 / 60, 30.0 / 60, 20.0 / 60);
  // 100 x 60 x (0.25 - 0.5 x 1/3) / 8000 = 0.0625
  EXPECT_NEAR(covariance, 0.0625, 1e-15);
}

TEST(DeltaMethodTest, OverservedUsesImportanceVarianceOnly) {
  ScorePair s;
  s.importance = 5;
  s.satisfaction = 6;
  s.importance_variance = 0.04;
  s.satisfaction_variance = 0.09;
  s.covariance = 0.01;
  EXPECT_DOUBLE_EQ(UlwickOpportunity(5, 6), 5.0);
  EXPECT_DOUBLE_EQ(UlwickOpportunityVariance(s), 0.04);
  // At I == S the I >= S branch applies: 4 x 0.04 + 0.09 - 4 x 0.01.
  s.satisfaction = 5;
  EXPECT_DOUBLE_EQ(UlwickOpportunityVariance(s), 0.21);
}

TEST(DeltaMethodTest, NeverNegative) {
  ScorePair s;
  s.importance = 8;
  s.satisfaction = 2;
  s.importance_variance = 0.01;
  s.satisfaction_variance = 0.01;
  s.covariance = 0.5;  // not a valid covariance matrix
  EXPECT_EQ(UlwickOpportunityVariance(s), 0.0);
}

TEST(DeltaMethodTest, OlsenOnBosch) {
  // domain.md: 0.741 x 0.722 = 0.535.
  const ScorePair s = Bosch(0);
  EXPECT_NEAR(OlsenOpportunity(s.importance, s.satisfaction), 0.535, 0.0005);
  EXPECT_NEAR(OlsenOpportunity(s.importance, s.satisfaction),
              200.0 / 270 * (1 - 75.0 / 270), 1e-15);
  // gI = (1 - pS) / 10, gS = -pI / 10 on the 0-10 scores.
  const double gi = (1 - 75.0 / 270) / 10, gs = -(200.0 / 270) / 10;
  EXPECT_NEAR(
      OlsenOpportunityVariance(s),
      gi * gi * s.importance_variance + gs * gs * s.satisfaction_variance,
      1e-16);
}

TEST(DeltaMethodTest, NormalIntervalIsNotClamped) {
  const Interval interval = NormalInterval(0.5, 1, 1.96);
  EXPECT_DOUBLE_EQ(interval.low, 0.5 - 1.96);
  EXPECT_DOUBLE_EQ(interval.high, 0.5 + 1.96);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
