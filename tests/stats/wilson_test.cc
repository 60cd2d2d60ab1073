#include "stats/wilson.h"

#include <cmath>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(WilsonIntervalTest, BoschImportanceAndSatisfaction) {
  // domain.md section 5: I = 7.41, CI [6.85, 7.89]; S = 2.78, CI [2.28,
  // 3.34], with z = 1.96.
  Interval importance = WilsonInterval(200.0 / 270, 270, 1.96);
  EXPECT_NEAR(10 * importance.low, 6.85, 0.005);
  EXPECT_NEAR(10 * importance.high, 7.89, 0.005);
  Interval satisfaction = WilsonInterval(75.0 / 270, 270, 1.96);
  EXPECT_NEAR(10 * satisfaction.low, 2.28, 0.005);
  EXPECT_NEAR(10 * satisfaction.high, 3.34, 0.005);
  // Hand-computed: centre = (p + z^2/2n) / (1 + z^2/n), half = z sqrt(p(1-p)
  // / n + z^2 / 4n^2) / (1 + z^2/n).
  EXPECT_NEAR(importance.low, 0.6853490501321363, 1e-14);
  EXPECT_NEAR(importance.high, 0.7893779453280128, 1e-14);
}

TEST(WilsonIntervalTest, SoundAtZeroAndOne) {
  // p = 0: [0, z^2 / (n + z^2)]; p = 1 mirrors it.
  const double z = 1.959963984540054;
  Interval none = WilsonInterval(0, 10, z);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, z * z / (10 + z * z), 1e-15);
  Interval all = WilsonInterval(1, 10, z);
  EXPECT_NEAR(all.low, 10 / (10 + z * z), 1e-15);
  EXPECT_LE(all.high, 1.0);
  EXPECT_NEAR(all.high, 1.0, 1e-15);
}

TEST(WilsonIntervalTest, NarrowsWithMoreAnswersAndWiderLevels) {
  Interval small = WilsonInterval(0.5, 20, 1.96);
  Interval large = WilsonInterval(0.5, 2000, 1.96);
  EXPECT_LT(large.high - large.low, small.high - small.low);
  Interval wider = WilsonInterval(0.5, 20, 2.58);
  EXPECT_GT(wider.high - wider.low, small.high - small.low);
  // Symmetric about 1/2 at p = 1/2.
  EXPECT_NEAR(small.low + small.high, 1.0, 1e-15);
}

TEST(WilsonIntervalTest, FractionalEffectiveCounts) {
  // Kish effective counts need not be integers.
  Interval a = WilsonInterval(0.75, 2.6666666666666665, 1.96);
  const double z2 = 1.96 * 1.96, n = 8.0 / 3;
  const double centre = (0.75 + z2 / (2 * n)) / (1 + z2 / n);
  const double half =
      1.96 * std::sqrt(0.75 * 0.25 / n + z2 / (4 * n * n)) / (1 + z2 / n);
  EXPECT_NEAR(a.low, centre - half, 1e-15);
  EXPECT_NEAR(a.high, centre + half, 1e-15);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd

namespace jtbd {
namespace stats {
namespace {

TEST(ModifiedWilsonIntervalTest, PoissonLimitsNearZeroAndOne) {
  // Brown, Cai and DasGupta (2001): (1/2) chi2_{2x}(alpha) / n, from scipy
  // (0.5 * chi2.ppf(alpha, 2x) / n; gamma.ppf for a non-integer x).
  const double z95 = 1.959963984540054;
  EXPECT_NEAR(ModifiedWilsonInterval(1.0 / 15, 15, z95).low,
              0.0034195529591700352, 1e-13);
  EXPECT_NEAR(ModifiedWilsonInterval(2.0 / 40, 40, z95).low,
              0.00888403776746655, 1e-13);
  // Up to 3 failures from the top, up to 100 trials.
  EXPECT_NEAR(ModifiedWilsonInterval(77.0 / 80, 80, z95).high,
              0.9897788569104505, 1e-13);
  // A weighted share: 1.7 effective successes of 20 at 90%.
  EXPECT_NEAR(ModifiedWilsonInterval(1.7 / 20, 20, 1.6448536269514722).low,
              0.01915291423128656, 1e-12);
  // Outside the boundary, and above 100 trials, plain Wilson.
  const Interval three = ModifiedWilsonInterval(4.0 / 15, 15, z95);
  const double z2 = z95 * z95, p = 4.0 / 15;
  EXPECT_NEAR(three.low,
              (p + z2 / 30 - z95 * std::sqrt(p * (1 - p) / 15 + z2 / 900)) /
                  (1 + z2 / 15),
              1e-14);
  const Interval large = ModifiedWilsonInterval(1.0 / 120, 120, z95);
  EXPECT_EQ(large.low, WilsonInterval(1.0 / 120, 120, z95).low);
  EXPECT_EQ(three.high, WilsonInterval(4.0 / 15, 15, z95).high);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
