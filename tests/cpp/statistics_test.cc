// The statistics of issue 3 through jtbd.hpp: ScoreOptions, intervals as
// std::optional<Interval>, segment comparisons, report info, weights.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr double kZ95 = 1.959963984540054;
constexpr double kZ90 = 1.6448536269514722;

static_assert(static_cast<int32_t>(jtbd::ScoreMethod::kOlsen) ==
              JTBD_SCORE_METHOD_OLSEN);
static_assert(static_cast<int32_t>(jtbd::ScoreMethod::kTopBoxOnly) ==
              JTBD_SCORE_METHOD_TOP_BOX_ONLY);

// 10 x the Wilson interval of x out of n.
jtbd::Interval Wilson(double x, double n, double z) {
  const double p = x / n;
  const double denominator = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denominator;
  const double half =
      z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
  return {10 * (centre - half), 10 * (centre + half)};
}

void ExpectInterval(const std::optional<jtbd::Interval>& actual,
                    const jtbd::Interval& expected) {
  ASSERT_TRUE(actual.has_value());
  EXPECT_NEAR(actual->low, expected.low, 1e-12);
  EXPECT_NEAR(actual->high, expected.high, 1e-12);
}

// Bosch: 270 respondents, 200 top box on importance, 75 on satisfaction,
// 60 on both.
jtbd::Study Bosch() {
  jtbd::Study study;
  study.AddOutcome("off_track");
  study.AddRespondents(270);
  std::vector<uint32_t> respondents, outcomes(270, 0);
  std::vector<uint8_t> importance, satisfaction;
  for (uint32_t r = 0; r < 270; ++r) {
    respondents.push_back(r);
    importance.push_back(r < 200 ? 5 : 2);
    satisfaction.push_back(r < 60 || (r >= 200 && r < 215) ? 5 : 2);
  }
  study.AddAnswers(respondents, outcomes, importance, satisfaction);
  return study;
}

TEST(CppStatisticsTest, DefaultsGiveIntervalsAndSayHow) {
  const jtbd::Report report = Bosch().Score();
  EXPECT_EQ(report.score_method(), jtbd::ScoreMethod::kUlwick);
  EXPECT_EQ(report.method(), "ulwick_top_box");
  EXPECT_EQ(report.confidence_level(), 0.95);
  EXPECT_EQ(report.bootstrap_resamples(), 2000u);
  EXPECT_EQ(report.seed(), 20240101u);
  EXPECT_FALSE(report.weighted());
  EXPECT_EQ(report.effective_respondent_count(), 270.0);
  EXPECT_EQ(report.segment_by(), "");
  EXPECT_EQ(report.scale_min(), 1);
  EXPECT_EQ(report.scale_max(), 5);
  EXPECT_EQ(report.top_box_min(), 4);

  const jtbd::OutcomeScore& score = report.outcomes().at(0);
  ExpectInterval(score.importance_interval, Wilson(200, 270, kZ95));
  ExpectInterval(score.satisfaction_interval, Wilson(75, 270, kZ95));
  // SCORING.md: SE(O) = 0.578.
  ASSERT_TRUE(score.opportunity_standard_error.has_value());
  EXPECT_NEAR(*score.opportunity_standard_error, 0.578, 0.0005);
  ASSERT_TRUE(score.opportunity_interval.has_value());
  EXPECT_GT(score.opportunity_interval->low, 10.0);
  EXPECT_LT(score.opportunity_interval->high, 14.0);
  ASSERT_TRUE(score.opportunity_at_least_10_probability.has_value());
  EXPECT_GT(*score.opportunity_at_least_10_probability, 0.99);
  EXPECT_FALSE(score.importance_effective_count.has_value());
}

TEST(CppStatisticsTest, OptionsApply) {
  const jtbd::Study study = Bosch();
  jtbd::ScoreOptions options;
  options.confidence_level = 0.9;
  options.bootstrap_resamples = 0;
  const jtbd::Report report = study.Score(options);
  EXPECT_EQ(report.confidence_level(), 0.9);
  const jtbd::OutcomeScore& score = report.outcomes().at(0);
  ExpectInterval(score.importance_interval, Wilson(200, 270, kZ90));
  ASSERT_TRUE(score.opportunity_delta_interval.has_value());
  ASSERT_TRUE(score.opportunity_interval.has_value());
  EXPECT_NEAR(score.opportunity_interval->low,
              score.opportunity_delta_interval->low, 0.1);
  EXPECT_FALSE(score.opportunity_bootstrap_interval.has_value());
  EXPECT_EQ(report.opportunity_interval_method(),
            jtbd::OpportunityIntervalMethod::kMomentSelection);
  EXPECT_FALSE(score.opportunity_at_least_10_probability.has_value());

  options.bootstrap_resamples = 400;
  options.seed = 77;
  const jtbd::Report first = study.Score(options);
  const jtbd::Report again = study.Score(options);
  options.seed = 78;
  const jtbd::Report other = study.Score(options);
  EXPECT_EQ(first.seed(), 77u);
  EXPECT_EQ(first.outcomes()[0].opportunity_bootstrap_interval->low,
            again.outcomes()[0].opportunity_bootstrap_interval->low);
  EXPECT_NE(first.outcomes()[0].opportunity_bootstrap_interval->low,
            other.outcomes()[0].opportunity_bootstrap_interval->low);

  options.method = jtbd::ScoreMethod::kOlsen;
  const jtbd::Report olsen = study.Score(options);
  EXPECT_EQ(olsen.score_method(), jtbd::ScoreMethod::kOlsen);
  EXPECT_EQ(olsen.method(), "olsen");
  EXPECT_NEAR(olsen.outcomes()[0].opportunity, (200.0 / 270) * (1 - 75.0 / 270),
              1e-12);
  EXPECT_EQ(olsen.outcomes()[0].band, jtbd::Band::kUnspecified);
}

TEST(CppStatisticsTest, BadOptionsThrow) {
  const jtbd::Study study = Bosch();
  jtbd::ScoreOptions options;
  options.confidence_level = 1.5;
  try {
    study.Score(options);
    FAIL() << "no exception";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("between 0 and 1"));
  }
  options.confidence_level.reset();
  options.bootstrap_resamples = 2000000;
  EXPECT_THROW(study.Score(options), jtbd::Error);
  options.bootstrap_resamples.reset();
  options.method = static_cast<jtbd::ScoreMethod>(9);
  EXPECT_THROW(study.Score(options), jtbd::Error);
}

// The sample of cpp_api_test.cc and capi_test_util.h: segment A (r1-r3)
// has "speed" significantly more underserved than B (hand computation in
// tests/capi/statistics_test.cc); B has nothing.
jtbd::Study Segmented() {
  struct Row {
    const char* segment;
    uint8_t importance[2];
    uint8_t satisfaction[2];
  };
  const Row rows[] = {{"A", {5, 3}, {1, 5}}, {"A", {4, 2}, {2, 4}},
                      {"A", {5, 0}, {4, 5}}, {"B", {2, 5}, {5, 1}},
                      {"B", {3, 4}, {0, 2}}, {"B", {4, 5}, {3, 2}}};
  jtbd::Study study;
  study.AddOutcome("speed");
  study.AddOutcome("cost");
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance, satisfaction;
  for (const Row& row : rows) {
    const size_t index = study.AddRespondent();
    study.SetAttribute(index, "segment", row.segment);
    for (uint32_t o = 0; o < 2; ++o) {
      respondents.push_back(static_cast<uint32_t>(index));
      outcomes.push_back(o);
      importance.push_back(row.importance[o]);
      satisfaction.push_back(row.satisfaction[o]);
    }
  }
  study.AddAnswers(respondents, outcomes, importance, satisfaction);
  return study;
}

TEST(CppStatisticsTest, SegmentComparisons) {
  jtbd::ScoreOptions options;
  options.segment_by = "segment";
  const jtbd::Report report = Segmented().Score(options);
  EXPECT_EQ(report.segment_by(), "segment");
  ASSERT_EQ(report.segments().size(), 2u);
  const jtbd::SegmentReport& a = report.segments()[0];
  EXPECT_EQ(a.rest_respondent_count, 3u);
  EXPECT_EQ(a.effective_respondent_count, 3.0);
  ASSERT_EQ(a.comparisons.size(), 2u);
  // Three respondents a side: speed's +13.3 is not significant under the
  // opportunity difference's test (the interval inverted; the figures are
  // tests/capi/statistics_test.cc's, from the Python reference).
  EXPECT_THAT(a.more_underserved_outcome_ids, IsEmpty());
  const jtbd::SegmentComparison& speed = a.comparisons[0];
  EXPECT_EQ(speed.outcome_id, a.outcomes[0].outcome_id);
  EXPECT_FALSE(speed.more_underserved);
  ASSERT_TRUE(speed.opportunity_difference.has_value());
  EXPECT_NEAR(*speed.opportunity_difference, 40.0 / 3, 1e-12);
  EXPECT_NEAR(speed.rest_opportunity, 10.0 / 3, 1e-12);
  ASSERT_TRUE(speed.opportunity_test.has_value());
  EXPECT_NEAR(speed.opportunity_test->z, 1.19225492091, 1e-6);
  ASSERT_TRUE(speed.opportunity_difference_interval.has_value());
  EXPECT_NEAR(speed.opportunity_difference_interval->low, -7.6159444460711736,
              1e-8);
  EXPECT_NEAR(speed.opportunity_difference_interval->high, 17.805579632638082,
              1e-8);
  ASSERT_TRUE(speed.importance_difference_interval.has_value());
  ASSERT_TRUE(speed.satisfaction_difference_interval.has_value());
  EXPECT_LT(speed.importance_difference_interval->low, 20.0 / 3);
  EXPECT_GT(speed.importance_difference_interval->high, 20.0 / 3);
  // cost: O 0 vs 20; the Wilson limits give it a test (the delta method's
  // zero variances gave none).
  const jtbd::SegmentComparison& cost = a.comparisons[1];
  EXPECT_EQ(cost.outcome_id, "cost");
  EXPECT_TRUE(cost.opportunity_difference.has_value());
  ASSERT_TRUE(cost.opportunity_test.has_value());
  EXPECT_NEAR(cost.opportunity_test->z, -2.28126219355, 1e-6);
  EXPECT_TRUE(cost.importance_test.has_value());
  EXPECT_THAT(report.segments()[1].more_underserved_outcome_ids, IsEmpty());
}

TEST(CppStatisticsTest, Weights) {
  // (importance, satisfaction, weight): (5, 2, 1), (5, 2, 3), (2, 5, 1),
  // (2, 5, 1): I = 20/3, S = 10/3, Kish n = 36/12 = 3.
  const std::vector<uint8_t> importance = {5, 5, 2, 2};
  const std::vector<uint8_t> satisfaction = {2, 2, 5, 5};
  const std::vector<double> weights = {1, 3, 1, 1};
  auto check = [](const jtbd::Report& report) {
    EXPECT_TRUE(report.weighted());
    EXPECT_NEAR(report.effective_respondent_count(), 3.0, 1e-12);
    const jtbd::OutcomeScore& score = report.outcomes().at(0);
    EXPECT_NEAR(score.importance, 20.0 / 3, 1e-12);
    ASSERT_TRUE(score.satisfaction_effective_count.has_value());
    EXPECT_NEAR(*score.satisfaction_effective_count, 3.0, 1e-12);
    // 2 of n_eff = 3: Brown, Cai and DasGupta's Poisson limits (scipy:
    // 10 gamma.ppf(0.05, 2) / 3, 10 (1 - gamma.ppf(0.05, 1) / 3)).
    ASSERT_TRUE(score.importance_interval.has_value());
    EXPECT_NEAR(score.importance_interval->low, 1.1845383689955409, 1e-11);
    EXPECT_NEAR(score.importance_interval->high, 9.829022352041498, 1e-11);
  };

  jtbd::Study study;
  study.AddOutcome("o1");
  study.AddRespondents(4);
  study.AddAnswers({0, 1, 2, 3}, {0, 0, 0, 0}, importance, satisfaction);
  EXPECT_THROW(study.SetWeight(0, -1), jtbd::Error);
  for (size_t r = 0; r < 4; ++r) study.SetWeight(r, weights[r]);
  check(study.Score());

  jtbd::Aggregate aggregate;
  aggregate.AddOutcome("o1");
  EXPECT_THROW(aggregate.AddWeightedRespondents(4, importance, satisfaction,
                                                std::vector<double>{1, 2}),
               jtbd::Error);
  aggregate.AddWeightedRespondents(4, importance, satisfaction, weights);
  check(aggregate.Score());
  jtbd::ScoreOptions options;
  options.confidence_level = 0.9;
  EXPECT_EQ(aggregate.Score(options).confidence_level(), 0.9);
  options.segment_by = "segment";
  try {
    aggregate.Score(options);
    FAIL() << "no exception";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("segment"));
  }
}

}  // namespace
