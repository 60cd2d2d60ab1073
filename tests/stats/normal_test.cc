#include "stats/normal.h"

#include <cmath>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(NormalQuantileTest, MatchesPublishedQuantiles) {
  // R's qnorm to 16 digits; the 1e-300 value solved by Newton on erfc.
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(NormalQuantile(0.025), -1.959963984540054, 1e-15);
  EXPECT_NEAR(NormalQuantile(0.95), 1.644853626951472, 1e-15);
  EXPECT_NEAR(NormalQuantile(0.995), 2.575829303548901, 1e-15);
  EXPECT_NEAR(NormalQuantile(0.9), 1.281551565544601, 1e-15);
  EXPECT_NEAR(NormalQuantile(0.001), -3.090232306167813, 1e-14);
  // The far tail (r > 5 in AS 241).
  EXPECT_NEAR(NormalQuantile(1e-10), -6.361340902404056, 1e-13);
  EXPECT_NEAR(NormalQuantile(1e-300), -37.0470962993612, 1e-11);
  EXPECT_EQ(NormalQuantile(0.5), 0.0);
}

TEST(NormalQuantileTest, InvertsTheDistributionFunction) {
  // erfc is independent of AS 241: the round trip checks every branch.
  for (double p : {1e-200, 1e-20, 1e-6, 0.0123, 0.074, 0.075, 0.3, 0.5, 0.61,
                   0.925, 0.926, 0.9999, 1 - 1e-12}) {
    const double x = NormalQuantile(p);
    EXPECT_NEAR(NormalCdf(x) / p, 1.0, 1e-12) << p;
  }
}

TEST(NormalQuantileTest, EdgesAndInvalidArguments) {
  EXPECT_EQ(NormalQuantile(0), -INFINITY);
  EXPECT_EQ(NormalQuantile(1), INFINITY);
  EXPECT_TRUE(std::isnan(NormalQuantile(-0.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(1.5)));
  EXPECT_TRUE(std::isnan(NormalQuantile(NAN)));
}

TEST(CriticalValueTest, CentralProbability) {
  EXPECT_NEAR(CriticalValue(0.95), 1.959963984540054, 1e-15);
  EXPECT_NEAR(CriticalValue(0.90), 1.644853626951472, 1e-15);
  EXPECT_NEAR(CriticalValue(0.99), 2.575829303548901, 1e-14);
  EXPECT_TRUE(std::isnan(CriticalValue(0)));
  EXPECT_TRUE(std::isnan(CriticalValue(1)));
  EXPECT_TRUE(std::isnan(CriticalValue(NAN)));
}

TEST(TwoSidedPValueTest, KnownValues) {
  EXPECT_DOUBLE_EQ(TwoSidedPValue(0), 1.0);
  EXPECT_NEAR(TwoSidedPValue(1.959963984540054), 0.05, 1e-15);
  EXPECT_NEAR(TwoSidedPValue(-1.959963984540054), 0.05, 1e-15);
  EXPECT_NEAR(TwoSidedPValue(2.575829303548901), 0.01, 1e-15);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
