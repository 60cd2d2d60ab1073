// k-means: a hand example, Hamerly's bounds against plain Lloyd, and the
// same result whatever the number of threads.
#include "segments/kmeans.h"

#include <cmath>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace segments {
namespace {

using ::testing::ElementsAre;

FeatureMatrix Points(size_t columns, std::vector<double> values) {
  FeatureMatrix points(values.size() / columns, columns);
  points.values = std::move(values);
  return points;
}

// Overlapping Gaussian blobs, so that Lloyd's iterations have work to do.
FeatureMatrix Blobs(size_t n, size_t dimension, size_t centres, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;  // values only need to be fixed here
  std::vector<std::vector<double>> means(centres,
                                         std::vector<double>(dimension));
  for (auto& mean : means) {
    for (double& v : mean) v = 3 * normal(rng);
  }
  FeatureMatrix points(n, dimension);
  for (size_t i = 0; i < n; ++i) {
    for (size_t t = 0; t < dimension; ++t) {
      points.at(i, t) = means[i % centres][t] + 1.5 * normal(rng);
    }
  }
  return points;
}

TEST(KMeansTest, HandExample) {
  // Three pairs on a line: the optimum puts each pair in its own cluster,
  // centroids 0.5, 10.5, 20.5, inertia 6 x 0.25 = 1.5.
  FeatureMatrix points = Points(1, {20, 0, 10, 21, 1, 11});
  KMeansOptions options;
  options.k = 3;
  auto fit = FitKMeans(points, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  EXPECT_DOUBLE_EQ(fit->inertia, 1.5);
  EXPECT_TRUE(fit->converged);
  std::vector<double> centroids = fit->centroids.values;
  std::sort(centroids.begin(), centroids.end());
  EXPECT_THAT(centroids, ElementsAre(0.5, 10.5, 20.5));
  const auto& l = fit->labels;
  EXPECT_EQ(l[1], l[4]);  // 0 and 1
  EXPECT_EQ(l[2], l[5]);  // 10 and 11
  EXPECT_EQ(l[0], l[3]);  // 20 and 21
  EXPECT_NE(l[1], l[2]);
  EXPECT_NE(l[2], l[0]);
  EXPECT_NE(l[1], l[0]);
}

TEST(KMeansTest, LabelsAreNearestCentroidsAndInertiaTheirDistances) {
  FeatureMatrix points = Blobs(500, 4, 3, 11);
  KMeansOptions options;
  options.k = 3;
  auto fit = FitKMeans(points, options);
  ASSERT_TRUE(fit.ok()) << fit.status();
  double inertia = 0;
  std::vector<double> sums(3 * 4, 0), counts(3, 0);
  for (size_t i = 0; i < points.rows; ++i) {
    double square = 0;
    EXPECT_EQ(fit->labels[i],
              NearestCentroid(points.row(i), fit->centroids, &square));
    inertia += square;
    for (size_t t = 0; t < 4; ++t)
      sums[fit->labels[i] * 4 + t] += points.at(i, t);
    counts[fit->labels[i]] += 1;
  }
  EXPECT_DOUBLE_EQ(fit->inertia, inertia);
  // Converged: each centroid is the mean of its points.
  ASSERT_TRUE(fit->converged);
  for (size_t c = 0; c < 3; ++c) {
    for (size_t t = 0; t < 4; ++t) {
      EXPECT_NEAR(fit->centroids.at(c, t), sums[c * 4 + t] / counts[c], 1e-12);
    }
  }
}

TEST(KMeansTest, BoundsGiveLloydsResult) {
  for (uint64_t seed : {1, 2, 3}) {
    FeatureMatrix points = Blobs(2000, 6, 5, seed);
    KMeansOptions options;
    options.k = 5;
    options.starts = 6;
    options.seed = seed;
    auto hamerly = FitKMeans(points, options);
    options.use_bounds = false;
    auto lloyd = FitKMeans(points, options);
    ASSERT_TRUE(hamerly.ok() && lloyd.ok());
    EXPECT_EQ(hamerly->labels, lloyd->labels) << seed;
    EXPECT_EQ(hamerly->inertia, lloyd->inertia) << seed;
    EXPECT_EQ(hamerly->iterations, lloyd->iterations) << seed;
    EXPECT_EQ(hamerly->start, lloyd->start) << seed;
    EXPECT_EQ(hamerly->centroids.values, lloyd->centroids.values) << seed;
  }
}

TEST(KMeansTest, SameResultWithAnyNumberOfThreads) {
  FeatureMatrix points = Blobs(1500, 5, 4, 5);
  KMeansOptions options;
  options.k = 4;
  options.starts = 25;
  options.seed = 42;
  options.threads = 1;
  auto one = FitKMeans(points, options);
  options.threads = 2;
  auto two = FitKMeans(points, options);
  options.threads = 7;
  auto seven = FitKMeans(points, options);
  ASSERT_TRUE(one.ok() && two.ok() && seven.ok());
  for (const auto* other : {&*two, &*seven}) {
    EXPECT_EQ(one->labels, other->labels);
    EXPECT_EQ(one->inertia, other->inertia);
    EXPECT_EQ(one->start, other->start);
    EXPECT_EQ(one->centroids.values, other->centroids.values);
  }
  // More starts never do worse: the best of 25 includes the first start.
  options.starts = 1;
  auto single = FitKMeans(points, options);
  ASSERT_TRUE(single.ok());
  EXPECT_LE(one->inertia, single->inertia);
}

TEST(KMeansTest, StartSeedsAreDistinctAndStable) {
  EXPECT_NE(KMeansStartSeed(42, 0), KMeansStartSeed(42, 1));
  EXPECT_NE(KMeansStartSeed(42, 0), KMeansStartSeed(43, 0));
  EXPECT_EQ(KMeansStartSeed(42, 3), KMeansStartSeed(42, 3));
}

TEST(KMeansTest, MaxIterationsStopsEarly) {
  FeatureMatrix points = Blobs(1000, 3, 6, 9);
  KMeansOptions options;
  options.k = 6;
  options.starts = 1;
  options.max_iterations = 1;
  auto fit = FitKMeans(points, options);
  ASSERT_TRUE(fit.ok());
  EXPECT_EQ(fit->iterations, 1u);
  EXPECT_FALSE(fit->converged);
}

TEST(KMeansTest, RefusesImpossibleRequests) {
  FeatureMatrix duplicates = Points(1, {1, 1, 1, 2, 2});
  KMeansOptions options;
  options.k = 3;  // only two distinct points
  EXPECT_EQ(FitKMeans(duplicates, options).status().code(),
            absl::StatusCode::kFailedPrecondition);
  options.k = 2;
  auto two = FitKMeans(duplicates, options);
  ASSERT_TRUE(two.ok());
  EXPECT_DOUBLE_EQ(two->inertia, 0);
  options.k = 0;
  EXPECT_EQ(FitKMeans(duplicates, options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.k = 6;
  EXPECT_EQ(FitKMeans(duplicates, options).status().code(),
            absl::StatusCode::kFailedPrecondition);
  FeatureMatrix nan = Points(1, {0, NAN, 1});
  options.k = 2;
  EXPECT_EQ(FitKMeans(nan, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace segments
}  // namespace jtbd
