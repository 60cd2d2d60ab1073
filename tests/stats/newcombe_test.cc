#include "stats/newcombe.h"

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

constexpr double kZ95 = 1.959963984540054;

struct Example {
  double x1, n1, x2, n2;
  double low, high;  // Newcombe 1998, Table II, method 10 (4 decimals)
};

// Newcombe (1998), "Interval estimation for the difference between
// independent proportions: comparison of eleven methods", Stat. Med. 17,
// 873-890, Table II: the eight worked examples (a)-(h), method 10.
TEST(NewcombeDifferenceIntervalTest, NewcombesWorkedExamples) {
  const Example examples[] = {
      {56, 70, 48, 80, 0.0524, 0.3339}, {9, 10, 3, 10, 0.1705, 0.8090},
      {6, 7, 2, 7, 0.0582, 0.8062},     {5, 56, 0, 29, -0.0381, 0.1926},
      {0, 10, 0, 20, -0.1611, 0.2775},  {0, 10, 0, 10, -0.2775, 0.2775},
      {10, 10, 0, 20, 0.6791, 1.0000},  {10, 10, 0, 10, 0.6075, 1.0000},
  };
  for (const Example& e : examples) {
    const Interval interval =
        NewcombeDifferenceInterval(e.x1 / e.n1, e.n1, e.x2 / e.n2, e.n2, kZ95);
    EXPECT_NEAR(interval.low, e.low, 5e-5) << e.x1 << "/" << e.n1;
    EXPECT_NEAR(interval.high, e.high, 5e-5) << e.x1 << "/" << e.n1;
  }
}

TEST(NewcombeDifferenceIntervalTest, HandComputedToFullPrecision) {
  // 56/70 vs 48/80. Wilson (z = 1.96): [0.69204, 0.87715] and [0.49045,
  // 0.70019]; d = 0.2; low = 0.2 - sqrt((0.8 - 0.69204)^2 + (0.70019 -
  // 0.6)^2), high = 0.2 + sqrt((0.87715 - 0.8)^2 + (0.6 - 0.49045)^2),
  // evaluated in Python from the same formulas.
  const Interval interval =
      NewcombeDifferenceInterval(56.0 / 70, 70, 48.0 / 80, 80, kZ95);
  EXPECT_NEAR(interval.low, 0.052431472402364981, 1e-14);
  EXPECT_NEAR(interval.high, 0.33387265403690602, 1e-14);
}

TEST(NewcombeDifferenceIntervalTest, SwappingTheGroupsMirrorsTheInterval) {
  const Interval forward =
      NewcombeDifferenceInterval(9.0 / 10, 10, 3.0 / 10, 10, kZ95);
  const Interval backward =
      NewcombeDifferenceInterval(3.0 / 10, 10, 9.0 / 10, 10, kZ95);
  EXPECT_NEAR(forward.low, -backward.high, 1e-15);
  EXPECT_NEAR(forward.high, -backward.low, 1e-15);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
