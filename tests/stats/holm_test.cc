#include "stats/holm.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;

TEST(HolmTest, StepDownByHand) {
  // p = 0.01, 0.04, 0.03, 0.005 (m = 4). Sorted: 0.005, 0.01, 0.03, 0.04;
  // times 4, 3, 2, 1: 0.02, 0.03, 0.06, 0.04; running maximum: 0.02, 0.03,
  // 0.06, 0.06 (monotone: 0.04's adjusted value is not below 0.03's).
  const std::vector<double> adjusted =
      HolmAdjustedPValues({0.01, 0.04, 0.03, 0.005});
  EXPECT_THAT(adjusted,
              ElementsAre(DoubleNear(0.03, 1e-15), DoubleNear(0.06, 1e-15),
                          DoubleNear(0.06, 1e-15), DoubleNear(0.02, 1e-15)));
  // At alpha = 0.05 Holm rejects 0.005 (<= 0.05/4) and 0.01 (<= 0.05/3),
  // then stops at 0.03 > 0.05/2: exactly the adjusted values <= 0.05.
  EXPECT_LE(adjusted[3], 0.05);
  EXPECT_LE(adjusted[0], 0.05);
  EXPECT_GT(adjusted[2], 0.05);
  EXPECT_GT(adjusted[1], 0.05);
}

TEST(HolmTest, CapsAtOneAndKeepsTies) {
  EXPECT_THAT(HolmAdjustedPValues({0.5, 0.6}),
              ElementsAre(DoubleNear(1.0, 0), DoubleNear(1.0, 0)));
  EXPECT_THAT(HolmAdjustedPValues({0.01, 0.01, 0.2}),
              ElementsAre(DoubleNear(0.03, 1e-15), DoubleNear(0.03, 1e-15),
                          DoubleNear(0.2, 1e-15)));
  EXPECT_TRUE(HolmAdjustedPValues({}).empty());
  EXPECT_THAT(HolmAdjustedPValues({0.04}), ElementsAre(0.04));
}

TEST(HolmTest, DomainExampleDoesNotSurviveOneHundredOutcomes) {
  // domain.md: with m = 100 the first threshold is 0.0005, so p = 0.0011 is
  // not significant at 0.05 even as the smallest p.
  std::vector<double> p(100, 0.5);
  p[0] = 0.0010885282130346612;
  EXPECT_NEAR(HolmAdjustedPValues(p)[0], 0.10885282130346612, 1e-14);
  EXPECT_GT(HolmAdjustedPValues(p)[0], 0.05);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
