// The Jacobi eigensolver, Kaiser's rule and the correlation of standardised
// features, against hand-computed decompositions.
#include "segments/principal_components.h"

#include <cmath>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace segments {
namespace {

FeatureMatrix Matrix(size_t rows, size_t columns, std::vector<double> values) {
  FeatureMatrix matrix(rows, columns);
  matrix.values = std::move(values);
  return matrix;
}

TEST(DecomposeSymmetricTest, TwoByTwo) {
  // [[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1) / sqrt 2 and
  // (1, -1) / sqrt 2 (entries of equal magnitude: the first is positive).
  auto eigen = DecomposeSymmetric(Matrix(2, 2, {2, 1, 1, 2}));
  ASSERT_TRUE(eigen.ok()) << eigen.status();
  const double r = 1 / std::sqrt(2.0);
  EXPECT_NEAR(eigen->values[0], 3, 1e-14);
  EXPECT_NEAR(eigen->values[1], 1, 1e-14);
  EXPECT_NEAR(eigen->vectors.at(0, 0), r, 1e-14);
  EXPECT_NEAR(eigen->vectors.at(1, 0), r, 1e-14);
  EXPECT_NEAR(eigen->vectors.at(0, 1), r, 1e-14);
  EXPECT_NEAR(eigen->vectors.at(1, 1), -r, 1e-14);
}

TEST(DecomposeSymmetricTest, TridiagonalThreeByThree) {
  // [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]: eigenvalues 2 + sqrt 2, 2 and
  // 2 - sqrt 2 with eigenvectors (1, -sqrt 2, 1) / 2 (sign-fixed to
  // (-1/2, sqrt 2 / 2, -1/2): its largest entry is made positive),
  // (1, 0, -1) / sqrt 2 and (1, sqrt 2, 1) / 2.
  auto eigen =
      DecomposeSymmetric(Matrix(3, 3, {2, -1, 0, -1, 2, -1, 0, -1, 2}));
  ASSERT_TRUE(eigen.ok()) << eigen.status();
  const double s = std::sqrt(2.0);
  EXPECT_NEAR(eigen->values[0], 2 + s, 1e-14);
  EXPECT_NEAR(eigen->values[1], 2, 1e-14);
  EXPECT_NEAR(eigen->values[2], 2 - s, 1e-14);
  const std::vector<std::vector<double>> expected = {
      {-0.5, s / 2, -0.5}, {1 / s, 0, -1 / s}, {0.5, s / 2, 0.5}};
  for (size_t j = 0; j < 3; ++j) {
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_NEAR(eigen->vectors.at(i, j), expected[j][i], 1e-14)
          << "vector " << j << " entry " << i;
    }
  }
}

TEST(DecomposeSymmetricTest, ReconstructsALargerMatrix) {
  // A V = V diag(values) and V'V = I on a 12 x 12 matrix with distinct
  // eigenvalues.
  const size_t n = 12;
  FeatureMatrix a(n, n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      a.at(i, j) = 1.0 / (1.0 + i + j) + (i == j ? static_cast<double>(i) : 0);
    }
  }
  auto eigen = DecomposeSymmetric(a);
  ASSERT_TRUE(eigen.ok()) << eigen.status();
  for (size_t j = 0; j < n; ++j) {
    if (j > 0) {
      EXPECT_GE(eigen->values[j - 1], eigen->values[j]);
    }
    for (size_t i = 0; i < n; ++i) {
      double av = 0;
      for (size_t t = 0; t < n; ++t) av += a.at(i, t) * eigen->vectors.at(t, j);
      EXPECT_NEAR(av, eigen->values[j] * eigen->vectors.at(i, j), 1e-12);
    }
    for (size_t other = 0; other < n; ++other) {
      double dot = 0;
      for (size_t t = 0; t < n; ++t) {
        dot += eigen->vectors.at(t, j) * eigen->vectors.at(t, other);
      }
      EXPECT_NEAR(dot, j == other ? 1 : 0, 1e-13);
    }
  }
}

TEST(DecomposeSymmetricTest, RefusesNonSymmetricAndNonSquare) {
  EXPECT_EQ(DecomposeSymmetric(Matrix(2, 2, {1, 2, 3, 4})).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecomposeSymmetric(Matrix(1, 2, {1, 2})).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecomposeSymmetric(Matrix(1, 1, {NAN})).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(KaiserComponentCountTest, KeepsEigenvaluesAboveOneAndAtLeastTwo) {
  EXPECT_EQ(KaiserComponentCount({1.6, 0.4}), 2u);  // one above 1, min 2
  EXPECT_EQ(KaiserComponentCount({3.0, 1.5, 1.2, 0.2, 0.1}), 3u);
  EXPECT_EQ(KaiserComponentCount({1.0, 1.0, 1.0}), 2u);  // 1 is not above 1
  EXPECT_EQ(KaiserComponentCount({1.0}), 1u);  // cannot keep more than exist
}

TEST(CorrelationOfStandardizedTest, HandExample) {
  // Features (1, 2, 3, 4) and (2, 1, 4, 3): both have mean 2.5 and variance
  // 5/3; their covariance is 3 / 3 = 1, so r = 0.6.
  const double sd = std::sqrt(5.0 / 3.0);
  FeatureMatrix z = Matrix(4, 2,
                           {-1.5 / sd, -0.5 / sd, -0.5 / sd, -1.5 / sd,
                            0.5 / sd, 1.5 / sd, 1.5 / sd, 0.5 / sd});
  FeatureMatrix correlation = CorrelationOfStandardized(z);
  EXPECT_NEAR(correlation.at(0, 0), 1, 1e-15);
  EXPECT_NEAR(correlation.at(1, 1), 1, 1e-15);
  EXPECT_NEAR(correlation.at(0, 1), 0.6, 1e-15);
  EXPECT_EQ(correlation.at(1, 0), correlation.at(0, 1));
}

}  // namespace
}  // namespace segments
}  // namespace jtbd
