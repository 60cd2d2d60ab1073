// Silhouettes against hand computations; several labellings and samples in
// one pass; independence from the number of threads.
#include "segments/silhouette.h"

#include <cmath>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace segments {
namespace {

FeatureMatrix Points(size_t columns, std::vector<double> values) {
  FeatureMatrix points(values.size() / columns, columns);
  points.values = std::move(values);
  return points;
}

TEST(SilhouetteTest, OneDimensionalHandExample) {
  // Points 0, 1 | 4, 6:
  //   0: a = 1, b = (4 + 6) / 2 = 5    -> 4/5
  //   1: a = 1, b = (3 + 5) / 2 = 4    -> 3/4
  //   4: a = 2, b = (4 + 3) / 2 = 3.5  -> 1.5/3.5 = 3/7
  //   6: a = 2, b = (6 + 5) / 2 = 5.5  -> 3.5/5.5 = 7/11
  FeatureMatrix points = Points(1, {0, 1, 4, 6});
  std::vector<uint32_t> labels = {0, 0, 1, 1};
  auto summary = ComputeSilhouette(points, labels, 2);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_NEAR(summary->values[0], 0.8, 1e-15);
  EXPECT_NEAR(summary->values[1], 0.75, 1e-15);
  EXPECT_NEAR(summary->values[2], 3.0 / 7.0, 1e-15);
  EXPECT_NEAR(summary->values[3], 7.0 / 11.0, 1e-15);
  const double mean = (0.8 + 0.75 + 3.0 / 7.0 + 7.0 / 11.0) / 4;
  EXPECT_NEAR(summary->mean, mean, 1e-15);
  EXPECT_NEAR(summary->cluster_means[0], (0.8 + 0.75) / 2, 1e-15);
  EXPECT_NEAR(summary->cluster_means[1], (3.0 / 7.0 + 7.0 / 11.0) / 2, 1e-15);
}

TEST(SilhouetteTest, EuclideanAndSingletons) {
  // (0,0) and (3,4) together, (6,8) alone. (0,0): a = 5, b = 10 -> 1/2;
  // (3,4): a = 5, b = 5 -> 0; (6,8) alone -> 0. Mean 1/6.
  FeatureMatrix points = Points(2, {0, 0, 3, 4, 6, 8});
  std::vector<uint32_t> labels = {0, 0, 1};
  auto summary = ComputeSilhouette(points, labels, 2);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_THAT(summary->values, ::testing::ElementsAre(0.5, 0.0, 0.0));
  EXPECT_NEAR(summary->mean, 1.0 / 6.0, 1e-15);
}

TEST(SilhouetteTest, SeveralLabellingsSamplesAndThreads) {
  // 700 random points (more than one distance block), three labellings:
  // each result equals the single-labelling computation, a sample gives
  // the sampled points' exact values, and 1 or 3 threads agree bit for bit.
  std::mt19937_64 rng(3);
  const size_t n = 700, d = 5;
  FeatureMatrix points(n, d);
  for (double& v : points.values) v = static_cast<double>(rng() % 1000) / 100;
  std::vector<std::vector<uint32_t>> labels(3, std::vector<uint32_t>(n));
  for (size_t i = 0; i < n; ++i) {
    labels[0][i] = static_cast<uint32_t>(i % 2);
    labels[1][i] = static_cast<uint32_t>(rng() % 4);
    labels[2][i] = points.at(i, 0) < 5 ? 0 : (points.at(i, 1) < 5 ? 1 : 2);
  }
  std::vector<Labelling> labellings = {
      {labels[0], 2}, {labels[1], 4}, {labels[2], 3}};
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  auto one = ComputeSilhouettes(points, labellings, all, 1);
  auto three = ComputeSilhouettes(points, labellings, all, 3);
  ASSERT_TRUE(one.ok() && three.ok());
  std::vector<size_t> sample = {3, 17, 250, 699};
  auto sampled = ComputeSilhouettes(points, labellings, sample, 2);
  ASSERT_TRUE(sampled.ok());
  for (size_t l = 0; l < 3; ++l) {
    auto single =
        ComputeSilhouette(points, labels[l], labellings[l].cluster_count);
    ASSERT_TRUE(single.ok());
    EXPECT_EQ((*one)[l].values, single->values);
    EXPECT_EQ((*one)[l].values, (*three)[l].values);
    EXPECT_EQ((*one)[l].mean, (*three)[l].mean);
    for (size_t s = 0; s < sample.size(); ++s) {
      EXPECT_EQ((*sampled)[l].values[s], single->values[sample[s]]);
    }
    // A direct O(n^2) computation of one point's silhouette.
    const size_t i = 250;
    std::vector<double> sums(labellings[l].cluster_count, 0);
    std::vector<double> sizes(labellings[l].cluster_count, 0);
    for (size_t j = 0; j < n; ++j) {
      double square = 0;
      for (size_t t = 0; t < d; ++t) {
        const double diff = points.at(i, t) - points.at(j, t);
        square += diff * diff;
      }
      sums[labels[l][j]] += std::sqrt(square);
      sizes[labels[l][j]] += 1;
    }
    const uint32_t own = labels[l][i];
    const double a = sums[own] / (sizes[own] - 1);
    double b = INFINITY;
    for (size_t c = 0; c < sums.size(); ++c) {
      if (c != own && sizes[c] > 0) b = std::min(b, sums[c] / sizes[c]);
    }
    EXPECT_NEAR(single->values[i], (b - a) / std::max(a, b), 1e-12);
  }
  // Clear clusters score higher than random labels.
  EXPECT_GT((*one)[2].mean, (*one)[1].mean);
}

TEST(SilhouetteTest, RefusesBadLabels) {
  FeatureMatrix points = Points(1, {0, 1, 2});
  std::vector<uint32_t> labels = {0, 1, 2};
  EXPECT_FALSE(ComputeSilhouette(points, labels, 2).ok());
  std::vector<uint32_t> short_labels = {0, 1};
  EXPECT_FALSE(ComputeSilhouette(points, short_labels, 2).ok());
  std::vector<uint32_t> good = {0, 1, 1};
  std::vector<Labelling> labellings = {{good, 2}};
  std::vector<size_t> out_of_range = {5};
  EXPECT_FALSE(ComputeSilhouettes(points, labellings, out_of_range, 1).ok());
}

}  // namespace
}  // namespace segments
}  // namespace jtbd
