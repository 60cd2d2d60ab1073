// Benjamini-Hochberg by hand, with the values R's p.adjust(method = "BH")
// gives (worked below; statsmodels' multipletests(method="fdr_bh") agrees).
#include "stats/benjamini_hochberg.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "stats/holm.h"

namespace jtbd {
namespace stats {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;

TEST(BenjaminiHochbergTest, StepUpByHand) {
  // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02:
  // sorted 0.005, 0.01, 0.03, 0.04; times m/j = 4, 2, 4/3, 1: 0.02, 0.02,
  // 0.04, 0.04; running minimum from the top: the same.
  EXPECT_THAT(BenjaminiHochbergAdjustedPValues({0.01, 0.04, 0.03, 0.005}),
              ElementsAre(DoubleNear(0.02, 1e-15), DoubleNear(0.04, 1e-15),
                          DoubleNear(0.04, 1e-15), DoubleNear(0.02, 1e-15)));
}

TEST(BenjaminiHochbergTest, StepUpCarriesLargerRanksDown) {
  // p.adjust(c(0.02, 0.5, 0.9, 0.03, 0.04), "BH") =
  // 0.06666667 0.625 0.9 0.06666667 0.06666667: sorted 0.02, 0.03, 0.04,
  // 0.5, 0.9; 5 p / j = 0.1, 0.075, 0.0667, 0.625, 0.9; the minimum from
  // the top gives 0.04's 0.0667 to 0.02 and 0.03 too.
  EXPECT_THAT(BenjaminiHochbergAdjustedPValues({0.02, 0.5, 0.9, 0.03, 0.04}),
              ElementsAre(DoubleNear(0.2 / 3, 1e-15), DoubleNear(0.625, 1e-15),
                          DoubleNear(0.9, 1e-15), DoubleNear(0.2 / 3, 1e-15),
                          DoubleNear(0.2 / 3, 1e-15)));
  // Holm on the same p rejects nothing at 0.05 (5 x 0.02 = 0.1); BH at
  // 0.1 rejects three.
  for (double p : HolmAdjustedPValues({0.02, 0.5, 0.9, 0.03, 0.04})) {
    EXPECT_GT(p, 0.05);
  }
}

TEST(BenjaminiHochbergTest, CapsAtOneTiesAndEdges) {
  // p.adjust(c(0.8, 0.9), "BH") = 0.9 0.9; p.adjust(c(0.01, 0.01, 0.2),
  // "BH") = 0.015 0.015 0.2.
  EXPECT_THAT(BenjaminiHochbergAdjustedPValues({0.8, 0.9}),
              ElementsAre(DoubleNear(0.9, 1e-15), DoubleNear(0.9, 1e-15)));
  EXPECT_THAT(BenjaminiHochbergAdjustedPValues({0.01, 0.01, 0.2}),
              ElementsAre(DoubleNear(0.015, 1e-15), DoubleNear(0.015, 1e-15),
                          DoubleNear(0.2, 1e-15)));
  EXPECT_THAT(BenjaminiHochbergAdjustedPValues({1.0, 1.0}),
              ElementsAre(1.0, 1.0));
  EXPECT_TRUE(BenjaminiHochbergAdjustedPValues({}).empty());
  EXPECT_THAT(BenjaminiHochbergAdjustedPValues({0.04}), ElementsAre(0.04));
}

TEST(BenjaminiHochbergTest, NeverAboveHolm) {
  const std::vector<double> p = {0.001, 0.2, 0.013, 0.04, 0.5, 0.0004, 0.07};
  const std::vector<double> bh = BenjaminiHochbergAdjustedPValues(p);
  const std::vector<double> holm = HolmAdjustedPValues(p);
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_LE(bh[i], holm[i] + 1e-15);
    EXPECT_GE(bh[i], p[i]);
  }
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
