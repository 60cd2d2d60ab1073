#include "stats/binomial.h"

#include <cmath>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

double BinomialProbability(uint64_t n, uint64_t k, double p) {
  return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) -
                  std::lgamma(n - k + 1.0) + k * std::log(p) +
                  (n - k) * std::log1p(-p));
}

// Pearson chi-square of `draws` samples against the exact probabilities,
// pooling outcomes whose expected count is below 5 into the neighbours.
double ChiSquare(uint64_t n, double p, const std::vector<uint64_t>& observed,
                 uint64_t draws, int* degrees) {
  double statistic = 0, expected_pool = 0, observed_pool = 0;
  *degrees = -1;
  for (uint64_t k = 0; k <= n; ++k) {
    expected_pool += draws * BinomialProbability(n, k, p);
    observed_pool += observed[k];
    if (expected_pool >= 5 || k == n) {
      statistic += (observed_pool - expected_pool) *
                   (observed_pool - expected_pool) / expected_pool;
      ++*degrees;
      expected_pool = observed_pool = 0;
    }
  }
  return statistic;
}

class BinomialDistributionTest
    : public ::testing::TestWithParam<std::pair<uint64_t, double>> {};

TEST_P(BinomialDistributionTest, MatchesTheExactDistribution) {
  const auto [n, p] = GetParam();
  std::mt19937_64 rng(42);
  const uint64_t draws = 200000;
  std::vector<uint64_t> observed(n + 1, 0);
  for (uint64_t i = 0; i < draws; ++i) {
    const uint64_t k = SampleBinomial(n, p, rng);
    ASSERT_LE(k, n);
    ++observed[k];
  }
  int degrees = 0;
  const double statistic = ChiSquare(n, p, observed, draws, &degrees);
  // The 0.9999 quantile of chi-square is below df + 4.9 sqrt(2 df) + 12 for
  // these df: a correct sampler fails this about once in 10^4 seeds; a
  // wrong one (a mean or spread off by a few percent) fails it surely.
  EXPECT_LT(statistic, degrees + 4.9 * std::sqrt(2.0 * degrees) + 12)
      << "n = " << n << ", p = " << p << ", df = " << degrees;
}

INSTANTIATE_TEST_SUITE_P(
    InversionAndRejection, BinomialDistributionTest,
    ::testing::Values(std::make_pair(uint64_t{5}, 0.3),     // inversion
                      std::make_pair(uint64_t{40}, 0.1),    // inversion
                      std::make_pair(uint64_t{30}, 0.95),   // flipped
                      std::make_pair(uint64_t{25}, 0.4),    // BTRS, mean 10
                      std::make_pair(uint64_t{270}, 0.74),  // BTRS, Bosch
                      std::make_pair(uint64_t{1000}, 0.5),
                      std::make_pair(uint64_t{5000}, 0.013)));

TEST(BinomialTest, MeanAndVarianceForLargeCounts) {
  std::mt19937_64 rng(7);
  const uint64_t n = 1000000;
  const double p = 0.3;
  const int draws = 20000;
  double sum = 0, squares = 0;
  for (int i = 0; i < draws; ++i) {
    const double k = static_cast<double>(SampleBinomial(n, p, rng));
    sum += k;
    squares += k * k;
  }
  const double mean = sum / draws;
  const double variance = squares / draws - mean * mean;
  // Standard error of the mean: sqrt(n p q / draws) = 3.24.
  EXPECT_NEAR(mean, n * p, 5 * 3.24);
  EXPECT_NEAR(variance / (n * p * (1 - p)), 1.0, 0.05);
}

TEST(BinomialTest, DegenerateArguments) {
  std::mt19937_64 rng(1);
  EXPECT_EQ(SampleBinomial(0, 0.5, rng), 0u);
  EXPECT_EQ(SampleBinomial(10, 0, rng), 0u);
  EXPECT_EQ(SampleBinomial(10, -0.1, rng), 0u);
  EXPECT_EQ(SampleBinomial(10, 1, rng), 10u);
  EXPECT_EQ(SampleBinomial(10, 1.5, rng), 10u);
}

TEST(BinomialTest, SameSeedSameDraws) {
  std::mt19937_64 a(2024), b(2024);
  for (int i = 0; i < 1000; ++i) {
    const uint64_t n = 1 + i * 7;
    EXPECT_EQ(SampleBinomial(n, 0.37, a), SampleBinomial(n, 0.37, b));
  }
}

TEST(BinomialTest, PinnedDrawsForSeedOne) {
  // The sampler is ours, over the exactly specified std::mt19937_64, so these
  // draws are the same with every standard library.
  std::mt19937_64 rng(1);
  std::vector<uint64_t> draws;
  for (int i = 0; i < 4; ++i) draws.push_back(SampleBinomial(270, 0.74, rng));
  for (int i = 0; i < 4; ++i) draws.push_back(SampleBinomial(20, 0.1, rng));
  EXPECT_EQ(draws, (std::vector<uint64_t>{209, 201, 203, 200, 2, 2, 0, 2}));
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
