#include "stats/bivariate_normal.h"

#include "gtest/gtest.h"
#include "stats/normal.h"

namespace jtbd {
namespace stats {
namespace {

TEST(BivariateNormalMaxCdfTest, AgreesWithScipy) {
  // scipy.stats.multivariate_normal.cdf([c, c], cov=[[1, r], [r, 1]]) with
  // abseps = releps = 1e-12 (scipy 1.10, Genz's algorithm).
  struct Case {
    double c, rho, expected;
  };
  for (const Case& k :
       {Case{1.96, 0.0, 0.9506291044654005}, Case{1.96, 0.5, 0.954625949406414},
        Case{2.2, -0.7, 0.9721931053463881}, Case{2.0, 0.9, 0.9678609922306609},
        Case{1.5, 0.99, 0.9258931875038703},
        Case{2.24, -0.999, 0.9749090771281068}}) {
    EXPECT_NEAR(BivariateNormalMaxCdf(k.c, k.rho), k.expected, 1e-9)
        << "c = " << k.c << ", rho = " << k.rho;
  }
}

TEST(BivariateNormalMaxCdfTest, LimitsOfTheCorrelation) {
  // rho = 1: one variable, Phi(c); rho = -1: Z2 = -Z1, P(|Z| <= c).
  for (double c : {0.5, 1.0, 1.96, 3.0}) {
    EXPECT_NEAR(BivariateNormalMaxCdf(c, 1.0), NormalCdf(c), 1e-10);
    EXPECT_NEAR(BivariateNormalMaxCdf(c, -1.0), 2 * NormalCdf(c) - 1, 1e-10);
    EXPECT_NEAR(BivariateNormalMaxCdf(c, 0.0), NormalCdf(c) * NormalCdf(c),
                1e-15);
  }
}

TEST(MaxCriticalValueTest, AgreesWithScipyAndItsBounds) {
  // brentq on scipy's bivariate normal for P(max(Z1, Z2) > c) = 0.025.
  EXPECT_NEAR(MaxCriticalValue(0.025, 0.0), 2.238964375652972, 1e-8);
  EXPECT_NEAR(MaxCriticalValue(0.025, 0.5), 2.2121350929849144, 1e-8);
  EXPECT_NEAR(MaxCriticalValue(0.025, 0.894), 2.111628442833219, 1e-8);
  EXPECT_NEAR(MaxCriticalValue(0.025, -0.5), 2.241397418432548, 1e-8);
  // The single z at rho = 1, Bonferroni's at rho = -1.
  EXPECT_NEAR(MaxCriticalValue(0.025, 1.0), NormalQuantile(0.975), 1e-9);
  EXPECT_NEAR(MaxCriticalValue(0.025, -1.0), NormalQuantile(1 - 0.0125), 1e-8);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
