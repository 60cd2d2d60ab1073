#include "stats/multinomial.h"

#include <numeric>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(MultinomialSamplerTest, DrawsAddUpAndSkipEmptyCells) {
  const std::vector<double> weights = {0, 60, 0, 140, 15, 55, 0, 0, 0};
  MultinomialSampler sampler(weights, 270);
  EXPECT_EQ(sampler.cell_count(), 9u);
  std::mt19937_64 rng(3);
  std::vector<uint64_t> draw(9);
  for (int i = 0; i < 1000; ++i) {
    sampler.Sample(rng, absl::MakeSpan(draw));
    EXPECT_EQ(std::accumulate(draw.begin(), draw.end(), uint64_t{0}), 270u);
    for (size_t k : {0, 2, 6, 7, 8}) EXPECT_EQ(draw[k], 0u) << k;
  }
}

TEST(MultinomialSamplerTest, CellMeansAndCovarianceMatchTheMultinomial) {
  // E[X_k] = n p_k, Var = n p_k (1 - p_k), Cov(X_j, X_k) = -n p_j p_k.
  const std::vector<double> weights = {60, 140, 15, 55};
  const uint64_t n = 270;
  MultinomialSampler sampler(weights, n);
  std::mt19937_64 rng(11);
  const int draws = 40000;
  std::vector<double> sum(4, 0), squares(4, 0);
  double cross01 = 0;
  std::vector<uint64_t> draw(4);
  for (int i = 0; i < draws; ++i) {
    sampler.Sample(rng, absl::MakeSpan(draw));
    for (int k = 0; k < 4; ++k) {
      sum[k] += draw[k];
      squares[k] += double(draw[k]) * draw[k];
    }
    cross01 += double(draw[0]) * draw[1];
  }
  for (int k = 0; k < 4; ++k) {
    const double p = weights[k] / 270;
    const double mean = sum[k] / draws;
    const double variance = squares[k] / draws - mean * mean;
    // 5 standard errors of the mean.
    EXPECT_NEAR(mean, n * p, 5 * std::sqrt(n * p * (1 - p) / draws)) << k;
    EXPECT_NEAR(variance / (n * p * (1 - p)), 1.0, 0.04) << k;
  }
  const double covariance =
      cross01 / draws - (sum[0] / draws) * (sum[1] / draws);
  EXPECT_NEAR(covariance / (-double(n) * 60 / 270 * 140 / 270), 1.0, 0.05);
}

TEST(MultinomialSamplerTest, FractionalWeights) {
  // Weighted tables: probabilities are weight sums over the total.
  MultinomialSampler sampler({0.5, 1.5}, 100000);
  std::mt19937_64 rng(5);
  std::vector<uint64_t> draw(2);
  sampler.Sample(rng, absl::MakeSpan(draw));
  EXPECT_NEAR(draw[0], 25000.0, 5 * std::sqrt(100000 * 0.25 * 0.75));
  EXPECT_EQ(draw[0] + draw[1], 100000u);
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
