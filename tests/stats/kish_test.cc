#include "stats/kish.h"

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(KishEffectiveCountTest, HandNumbers) {
  // Weights 1, 2, 3: (1 + 2 + 3)^2 / (1 + 4 + 9) = 36 / 14.
  EXPECT_DOUBLE_EQ(KishEffectiveCount(6, 14), 36.0 / 14);
  // Unit weights: the count.
  EXPECT_DOUBLE_EQ(KishEffectiveCount(270, 270), 270.0);
  // Equal weights of any size: still the count.
  EXPECT_DOUBLE_EQ(KishEffectiveCount(5 * 2.5, 5 * 6.25), 5.0);
  EXPECT_EQ(KishEffectiveCount(0, 0), 0.0);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
