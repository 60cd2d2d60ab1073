#include "stats/proportion_test.h"

#include <cmath>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(TwoProportionZTestTest, DomainExample) {
  // domain.md section 5: 70/80 in the segment vs 130/190 in the rest:
  // z = 3.27, p = 0.0011.
  std::optional<ZTest> test =
      TwoProportionZTest(70.0 / 80, 80, 130.0 / 190, 190);
  ASSERT_TRUE(test.has_value());
  EXPECT_NEAR(test->z, 3.27, 0.005);
  EXPECT_NEAR(test->p_value, 0.0011, 0.00005);
  // Hand-computed: pooled 200/270; z = (0.875 - 0.68421) / sqrt(0.74074 x
  // 0.25926 x (1/80 + 1/190)).
  EXPECT_NEAR(test->z, 3.2665857874494764, 1e-12);
  EXPECT_NEAR(test->p_value, 0.0010885282130346612, 1e-15);
  // Swapping the groups flips the sign only.
  std::optional<ZTest> swapped =
      TwoProportionZTest(130.0 / 190, 190, 70.0 / 80, 80);
  EXPECT_NEAR(swapped->z, -test->z, 1e-12);
  EXPECT_NEAR(swapped->p_value, test->p_value, 1e-15);
}

TEST(TwoProportionZTestTest, DegenerateCases) {
  EXPECT_FALSE(TwoProportionZTest(0.5, 0, 0.5, 10).has_value());
  EXPECT_FALSE(TwoProportionZTest(0.5, 10, 0.5, 0).has_value());
  // Everybody top box on both sides: no difference, p = 1.
  std::optional<ZTest> all = TwoProportionZTest(1, 10, 1, 20);
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->z, 0.0);
  EXPECT_EQ(all->p_value, 1.0);
}

TEST(DifferenceZTestTest, HandNumbers) {
  // Opportunity 13.0 vs 11.0 with variances 0.36 and 0.28: z = 2 / 0.8.
  std::optional<ZTest> test = DifferenceZTest(2.0, 0.36 + 0.28);
  ASSERT_TRUE(test.has_value());
  EXPECT_NEAR(test->z, 2.5, 1e-12);
  EXPECT_NEAR(test->p_value, 0.012419330651552278, 1e-15);
  EXPECT_EQ(DifferenceZTest(0, 0)->p_value, 1.0);
  EXPECT_FALSE(DifferenceZTest(1, 0).has_value());
  EXPECT_FALSE(DifferenceZTest(1, NAN).has_value());
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
