#include "stats/mann_whitney.h"

#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(MannWhitneyTest, MatchesScipyWithTiesAndContinuityCorrection) {
  // scipy.stats.mannwhitneyu(a, b, alternative="two-sided",
  // use_continuity=True, method="asymptotic"): U = 35.5, p = 0.143605869...
  const std::vector<double> a = {0, 3, 4, 5, 2, 2, 0, 4};
  const std::vector<double> b = {0, 0, 1, 2, 0, 3};
  const MannWhitneyResult result = MannWhitneyTest(a, b);
  EXPECT_DOUBLE_EQ(result.u, 35.5);
  EXPECT_NEAR(result.p_value, 0.14360586966336078, 1e-12);
  EXPECT_GT(result.z, 0);
  EXPECT_DOUBLE_EQ(result.common_language_effect, 35.5 / 48);
}

TEST(MannWhitneyTest, AllTiedGivesNoEvidence) {
  const std::vector<double> a = {2, 2, 2};
  const std::vector<double> b = {2, 2};
  const MannWhitneyResult result = MannWhitneyTest(a, b);
  EXPECT_DOUBLE_EQ(result.z, 0);
  EXPECT_DOUBLE_EQ(result.p_value, 1);
  EXPECT_DOUBLE_EQ(result.common_language_effect, 0.5);
}

TEST(MannWhitneyTest, SymmetricInItsSamples) {
  const std::vector<double> a = {1, 5, 3, 4};
  const std::vector<double> b = {0, 2, 1};
  const MannWhitneyResult ab = MannWhitneyTest(a, b);
  const MannWhitneyResult ba = MannWhitneyTest(b, a);
  EXPECT_DOUBLE_EQ(ab.u + ba.u, 12);
  EXPECT_NEAR(ab.p_value, ba.p_value, 1e-15);
  EXPECT_NEAR(ab.z, -ba.z, 1e-15);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
