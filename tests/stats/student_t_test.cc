#include "stats/student_t.h"

#include <cmath>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

// References from scipy.stats.t (ppf, cdf).
TEST(StudentTTest, CriticalValuesMatchReference) {
  EXPECT_NEAR(StudentTCriticalValue(0.95, 1), 12.70620474, 1e-7);
  EXPECT_NEAR(StudentTCriticalValue(0.95, 2), 4.30265273, 1e-7);
  EXPECT_NEAR(StudentTCriticalValue(0.95, 10), 2.22813885, 1e-7);
  EXPECT_NEAR(StudentTCriticalValue(0.95, 30), 2.04227246, 1e-7);
}

TEST(StudentTTest, CdfMatchesReferenceAndIsSymmetric) {
  EXPECT_NEAR(StudentTCdf(-1.5, 7), 0.08864924349498501, 1e-10);
  EXPECT_NEAR(StudentTCdf(1.5, 7), 1 - 0.08864924349498501, 1e-10);
  EXPECT_DOUBLE_EQ(StudentTCdf(0, 3), 0.5);
}

TEST(StudentTTest, ApproachesTheNormalForManyDegreesOfFreedom) {
  EXPECT_NEAR(StudentTCriticalValue(0.95, 1e6), 1.959964, 1e-5);
}

TEST(StudentTTest, NanOutsideTheDomain) {
  EXPECT_TRUE(std::isnan(StudentTCriticalValue(1.0, 5)));
  EXPECT_TRUE(std::isnan(StudentTCriticalValue(0.95, 0)));
  EXPECT_TRUE(std::isnan(StudentTCdf(1, -1)));
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
