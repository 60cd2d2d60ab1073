// The adjusted Rand index against hand-computed contingency tables.
#include "segments/adjusted_rand_index.h"

#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace segments {
namespace {

double Ari(std::vector<uint32_t> a, std::vector<uint32_t> b) {
  absl::StatusOr<double> ari = AdjustedRandIndex(a, b);
  EXPECT_TRUE(ari.ok()) << ari.status();
  return ari.ok() ? *ari : -2;
}

TEST(AdjustedRandIndexTest, IdenticalUpToRenaming) {
  EXPECT_DOUBLE_EQ(Ari({0, 0, 1, 1, 2}, {5, 5, 3, 3, 9}), 1.0);
}

TEST(AdjustedRandIndexTest, SplitCluster) {
  // {0,1}{2,3} vs {0,1}{2}{3}: sum C(n_ij,2) = 1; rows 1 + 1 = 2, columns
  // 1; C(4,2) = 6: expected 2/6, maximum 3/2, ARI = (2/3) / (7/6) = 4/7
  // (scikit-learn's documented value, 0.5714...).
  EXPECT_NEAR(Ari({0, 0, 1, 1}, {0, 0, 1, 2}), 4.0 / 7.0, 1e-15);
}

TEST(AdjustedRandIndexTest, HandTable) {
  // Rows {0,1}{2,3,4}{5}, columns {0,1,2}{3,4,5}: cells 2,1,2,1 -> index 2;
  // row pairs 1 + 3 + 0 = 4, column pairs 3 + 3 = 6, C(6,2) = 15:
  // expected 24/15 = 1.6, maximum 5, ARI = 0.4 / 3.4 = 2/17.
  EXPECT_NEAR(Ari({0, 0, 1, 1, 1, 2}, {0, 0, 0, 1, 1, 1}), 2.0 / 17.0, 1e-15);
}

TEST(AdjustedRandIndexTest, DegenerateCases) {
  // One cluster against all singletons: no agreement beyond chance.
  EXPECT_DOUBLE_EQ(Ari({0, 0, 0, 0}, {0, 1, 2, 3}), 0.0);
  // Both a single cluster: identical.
  EXPECT_DOUBLE_EQ(Ari({1, 1, 1}, {2, 2, 2}), 1.0);
  EXPECT_DOUBLE_EQ(Ari({0}, {4}), 1.0);
  EXPECT_FALSE(
      AdjustedRandIndex(std::vector<uint32_t>{0, 1}, std::vector<uint32_t>{0})
          .ok());
  EXPECT_FALSE(AdjustedRandIndex({}, {}).ok());
}

}  // namespace
}  // namespace segments
}  // namespace jtbd
