// The statistics of issue 3 through the C ABI: score options, intervals and
// their presence bits, respondent weights, segment comparisons, report info,
// weighted aggregates. Expected numbers are recomputed here from the
// formulas of docs/SCORING.md, independently of the library.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

constexpr double kZ95 = 1.959963984540054;   // Phi^-1(0.975)
constexpr double kZ90 = 1.6448536269514722;  // Phi^-1(0.95)
constexpr unsigned char kSentinel = 0xAB;

// 10 x the Wilson score interval of x successes out of n.
jtbd_interval Wilson(double x, double n, double z) {
  const double p = x / n;
  const double denominator = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denominator;
  const double half =
      z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
  return jtbd_interval{10 * (centre - half), 10 * (centre + half)};
}

// Delta-method standard error of Ulwick's opportunity (I >= S branch) when
// all n respondents answered both ratings.
double OpportunitySe(double top_i, double top_s, double top_both, double n) {
  const double p_i = top_i / n;
  const double p_s = top_s / n;
  const double var_i = 100 * p_i * (1 - p_i) / n;
  const double var_s = 100 * p_s * (1 - p_s) / n;
  const double cov = 100 * (top_both / n - p_i * p_s) / n;
  return std::sqrt(4 * var_i + var_s - 4 * cov);
}

ScoreOptions NewOptions() {
  jtbd_score_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  return ScoreOptions(raw);
}

// The Bosch circular-saw outcome: 270 respondents answer both ratings; 200
// are top box on importance, 75 on satisfaction, 60 on both.
Study BoschStudy() {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  EXPECT_THAT(
      Result(jtbd_study_add_outcome(raw, "off_track", 9, nullptr, 0, nullptr)),
      IsOk());
  size_t first = 0;
  EXPECT_THAT(Result(jtbd_study_add_respondents(raw, 270, &first)), IsOk());
  std::vector<uint32_t> respondents, outcomes(270, 0);
  std::vector<uint8_t> importance, satisfaction;
  for (uint32_t r = 0; r < 270; ++r) {
    respondents.push_back(r);
    importance.push_back(r < 200 ? 5 : 2);
    satisfaction.push_back(r < 60 || (r >= 200 && r < 215) ? 5 : 2);
  }
  EXPECT_THAT(Result(jtbd_study_add_answers(raw, 270, respondents.data(),
                                            outcomes.data(), importance.data(),
                                            satisfaction.data())),
              IsOk());
  return study;
}

Report ScoreStudy(const jtbd_study* study, const jtbd_score_options* options) {
  jtbd_report* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_score(study, options, &raw)), IsOk());
  return Report(raw);
}

jtbd_outcome_score OutcomeOf(const jtbd_report* report, size_t index) {
  jtbd_outcome_score score = EmptyScore();
  EXPECT_THAT(Result(jtbd_report_outcome(report, index, &score)), IsOk());
  return score;
}

jtbd_report_info InfoOf(const jtbd_report* report) {
  jtbd_report_info info;
  std::memset(&info, 0, sizeof(info));
  info.struct_size = sizeof(info);
  EXPECT_THAT(Result(jtbd_report_get_info(report, &info)), IsOk());
  return info;
}

jtbd_segment_comparison ComparisonOf(const jtbd_report* report, size_t segment,
                                     size_t index) {
  jtbd_segment_comparison comparison;
  std::memset(&comparison, 0, sizeof(comparison));
  comparison.struct_size = sizeof(comparison);
  EXPECT_THAT(Result(jtbd_report_segment_comparison(report, segment, index,
                                                    &comparison)),
              IsOk());
  return comparison;
}

void ExpectInterval(const jtbd_interval& actual, const jtbd_interval& expected,
                    double tolerance = 1e-12) {
  EXPECT_NEAR(actual.low, expected.low, tolerance);
  EXPECT_NEAR(actual.high, expected.high, tolerance);
}

TEST(StatisticsTest, BoschDefaultsWilsonAndDeltaMethod) {
  const Study study = BoschStudy();
  const Report report = ScoreStudy(study.get(), nullptr);
  const jtbd_outcome_score score = OutcomeOf(report.get(), 0);
  EXPECT_EQ(score.has, static_cast<uint32_t>(
                           JTBD_SCORE_HAS_IMPORTANCE_INTERVAL |
                           JTBD_SCORE_HAS_SATISFACTION_INTERVAL |
                           JTBD_SCORE_HAS_OPPORTUNITY_INTERVAL |
                           JTBD_SCORE_HAS_OPPORTUNITY_DELTA_INTERVAL |
                           JTBD_SCORE_HAS_OPPORTUNITY_STANDARD_ERROR |
                           JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY |
                           JTBD_SCORE_HAS_OPPORTUNITY_BOOTSTRAP_INTERVAL));
  // domain.md: I = 7.41 in [6.85, 7.89], S = 2.78 in [2.28, 3.34].
  ExpectInterval(score.importance_interval, Wilson(200, 270, kZ95));
  ExpectInterval(score.satisfaction_interval, Wilson(75, 270, kZ95));
  EXPECT_NEAR(score.importance_interval.low, 6.85, 0.005);
  EXPECT_NEAR(score.satisfaction_interval.high, 3.34, 0.005);
  // SCORING.md: SE(O) = 0.578 with 60 of 270 top box on both.
  const double se = OpportunitySe(200, 75, 60, 270);
  EXPECT_NEAR(se, 0.578, 0.0005);
  EXPECT_NEAR(score.opportunity_standard_error, se, 1e-12);
  ExpectInterval(
      score.opportunity_delta_interval,
      {score.opportunity - kZ95 * se, score.opportunity + kZ95 * se});
  // Far from I = S and from the edges, the reported, bootstrap and delta
  // intervals nearly agree.
  for (const jtbd_interval& interval :
       {score.opportunity_interval, score.opportunity_bootstrap_interval}) {
    EXPECT_NEAR(interval.low, score.opportunity_delta_interval.low, 0.15);
    EXPECT_NEAR(interval.high, score.opportunity_delta_interval.high, 0.15);
  }
  // O = 12.04 with SE 0.58: P(O >= 10) is about Phi(3.5) = 0.9998.
  EXPECT_GT(score.opportunity_at_least_10_probability, 0.99);
  EXPECT_LE(score.opportunity_at_least_10_probability, 1.0);
  EXPECT_EQ(score.importance_effective_count, 0.0);  // absent: unweighted

  const jtbd_report_info info = InfoOf(report.get());
  EXPECT_EQ(info.struct_size, sizeof(info));
  EXPECT_EQ(std::string(info.method, info.method_len), "ulwick_top_box");
  EXPECT_EQ(info.method[info.method_len], '\0');
  EXPECT_EQ(info.score_method, JTBD_SCORE_METHOD_ULWICK);
  EXPECT_EQ(info.confidence_level, 0.95);
  EXPECT_EQ(info.bootstrap_resamples, 2000u);
  EXPECT_EQ(info.seed, 20240101u);
  EXPECT_EQ(info.weighted, 0u);
  EXPECT_EQ(info.effective_respondent_count, 270.0);
  EXPECT_EQ(info.respondent_count, 270u);
  EXPECT_EQ(info.segment_by_len, 0u);
  EXPECT_EQ(info.unsegmented_respondent_count, 0u);
  EXPECT_EQ(info.scale_min, 1);
  EXPECT_EQ(info.scale_max, 5);
  EXPECT_EQ(info.scale_top_box_min, 4);
  EXPECT_EQ(info.opportunity_interval_method,
            JTBD_OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION);
}

TEST(StatisticsTest, OptionsChangeConfidenceBootstrapAndSeed) {
  const Study study = BoschStudy();
  ScoreOptions options = NewOptions();
  ASSERT_THAT(
      Result(jtbd_score_options_set_confidence_level(options.get(), 0.9)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_score_options_set_bootstrap_resamples(options.get(), 0)),
      IsOk());
  const Report report = ScoreStudy(study.get(), options.get());
  const jtbd_outcome_score score = OutcomeOf(report.get(), 0);
  ExpectInterval(score.importance_interval, Wilson(200, 270, kZ90));
  const double se = OpportunitySe(200, 75, 60, 270);
  const jtbd_interval delta = {score.opportunity - kZ90 * se,
                               score.opportunity + kZ90 * se};
  ExpectInterval(score.opportunity_delta_interval, delta);
  // Without bootstrap: the reported interval (not the delta one, though
  // close to it here), no bootstrap interval and no probability.
  EXPECT_NE(score.opportunity_interval.low,
            score.opportunity_delta_interval.low);
  EXPECT_NEAR(score.opportunity_interval.low,
              score.opportunity_delta_interval.low, 0.1);
  EXPECT_NEAR(score.opportunity_interval.high,
              score.opportunity_delta_interval.high, 0.1);
  EXPECT_TRUE(score.has & JTBD_SCORE_HAS_OPPORTUNITY_INTERVAL);
  EXPECT_FALSE(score.has & JTBD_SCORE_HAS_OPPORTUNITY_BOOTSTRAP_INTERVAL);
  EXPECT_FALSE(score.has & JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY);
  const jtbd_report_info info = InfoOf(report.get());
  EXPECT_EQ(info.confidence_level, 0.9);
  EXPECT_EQ(info.bootstrap_resamples, 0u);
}

TEST(StatisticsTest, TheSeedMakesTheBootstrapReproducible) {
  const Study study = BoschStudy();
  auto interval_with_seed = [&study](uint64_t seed) {
    ScoreOptions options = NewOptions();
    EXPECT_THAT(Result(jtbd_score_options_set_seed(options.get(), seed)),
                IsOk());
    EXPECT_THAT(
        Result(jtbd_score_options_set_bootstrap_resamples(options.get(), 500)),
        IsOk());
    const Report report = ScoreStudy(study.get(), options.get());
    EXPECT_EQ(InfoOf(report.get()).seed, seed);
    EXPECT_EQ(InfoOf(report.get()).bootstrap_resamples, 500u);
    return OutcomeOf(report.get(), 0).opportunity_bootstrap_interval;
  };
  const jtbd_interval first = interval_with_seed(7);
  const jtbd_interval again = interval_with_seed(7);
  const jtbd_interval other = interval_with_seed(8);
  EXPECT_EQ(first.low, again.low);
  EXPECT_EQ(first.high, again.high);
  EXPECT_TRUE(first.low != other.low || first.high != other.high);
  // UINT64_MAX is a seed like any other.
  const jtbd_interval largest =
      interval_with_seed(std::numeric_limits<uint64_t>::max());
  EXPECT_GT(largest.high, largest.low);
}

TEST(StatisticsTest, RefusedOptionsLeaveTheOptionsUnchanged) {
  ScoreOptions options = NewOptions();
  for (double level : {0.0, 1.0, -0.5, 1.5, std::nan(""),
                       std::numeric_limits<double>::infinity()}) {
    EXPECT_THAT(
        Result(jtbd_score_options_set_confidence_level(options.get(), level)),
        FailsWith(JTBD_INVALID_ARGUMENT, "strictly between 0 and 1"))
        << level;
  }
  EXPECT_THAT(Result(jtbd_score_options_set_bootstrap_resamples(options.get(),
                                                                1000001)),
              FailsWith(JTBD_INVALID_ARGUMENT, "1000000"));
  for (int32_t method : {-1, 5, 99}) {
    EXPECT_THAT(Result(jtbd_score_options_set_method(options.get(), method)),
                FailsWith(JTBD_INVALID_ARGUMENT, "not a jtbd_score_method"))
        << method;
  }
  // Still the defaults.
  const Study study = BoschStudy();
  const Report report = ScoreStudy(study.get(), options.get());
  const jtbd_report_info info = InfoOf(report.get());
  EXPECT_EQ(info.confidence_level, 0.95);
  EXPECT_EQ(info.bootstrap_resamples, 2000u);
  EXPECT_EQ(info.score_method, JTBD_SCORE_METHOD_ULWICK);

  // The largest resample count is accepted.
  EXPECT_THAT(Result(jtbd_score_options_set_bootstrap_resamples(options.get(),
                                                                1000000)),
              IsOk());
  EXPECT_THAT(Result(jtbd_score_options_set_method(
                  options.get(), JTBD_SCORE_METHOD_UNSPECIFIED)),
              IsOk());
}

TEST(StatisticsTest, AlternativeMethodsAreRecorded) {
  const Study study = BoschStudy();
  ScoreOptions options = NewOptions();
  ASSERT_THAT(Result(jtbd_score_options_set_method(options.get(),
                                                   JTBD_SCORE_METHOD_OLSEN)),
              IsOk());
  const Report olsen = ScoreStudy(study.get(), options.get());
  const jtbd_outcome_score score = OutcomeOf(olsen.get(), 0);
  // domain.md: 0.741 x 0.722 = 0.535.
  EXPECT_NEAR(score.opportunity, (200.0 / 270) * (1 - 75.0 / 270), 1e-12);
  EXPECT_EQ(score.band, JTBD_BAND_UNSPECIFIED);
  EXPECT_FALSE(score.has & JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY);
  jtbd_report_info info = InfoOf(olsen.get());
  EXPECT_EQ(info.score_method, JTBD_SCORE_METHOD_OLSEN);
  EXPECT_EQ(std::string(info.method, info.method_len), "olsen");

  ASSERT_THAT(Result(jtbd_score_options_set_method(
                  options.get(), JTBD_SCORE_METHOD_TOP_BOX_ONLY)),
              IsOk());
  const Report top_box_only = ScoreStudy(study.get(), options.get());
  info = InfoOf(top_box_only.get());
  EXPECT_EQ(std::string(info.method, info.method_len), "top_box_only");
  EXPECT_EQ(info.scale_top_box_min, 5);  // the rule actually used
  // Only 5s count: the Bosch study's 5s are its top-box answers.
  EXPECT_NEAR(OutcomeOf(top_box_only.get(), 0).importance, 2000.0 / 270, 1e-12);
}

// One outcome; respondents (importance, satisfaction, weight):
// (5, 2, 1), (5, 2, 3), (2, 5, 1), (2, 5, 1). Weighted by hand: W = 6,
// importance top box weight 4 -> I = 20/3, satisfaction 2 -> S = 10/3,
// Kish n = 6^2 / (1 + 9 + 1 + 1) = 3 for both and for the respondents.
constexpr uint8_t kWeightedImportance[4] = {5, 5, 2, 2};
constexpr uint8_t kWeightedSatisfaction[4] = {2, 2, 5, 5};
constexpr double kWeights[4] = {1, 3, 1, 1};

void ExpectWeightedScores(const jtbd_report* report) {
  const jtbd_outcome_score score = OutcomeOf(report, 0);
  EXPECT_NEAR(score.importance, 20.0 / 3, 1e-12);
  EXPECT_NEAR(score.satisfaction, 10.0 / 3, 1e-12);
  EXPECT_NEAR(score.opportunity, 10.0, 1e-12);
  EXPECT_EQ(score.importance_count, 4u);  // counts stay unweighted
  EXPECT_EQ(score.importance_top_box_count, 2u);
  ASSERT_TRUE(score.has & JTBD_SCORE_HAS_IMPORTANCE_EFFECTIVE_COUNT);
  ASSERT_TRUE(score.has & JTBD_SCORE_HAS_SATISFACTION_EFFECTIVE_COUNT);
  EXPECT_NEAR(score.importance_effective_count, 3.0, 1e-12);
  EXPECT_NEAR(score.satisfaction_effective_count, 3.0, 1e-12);
  // 2 of n_eff = 3: within 3 of both edges, so Brown, Cai and DasGupta's
  // Poisson limits (scipy: 10 gamma.ppf(0.05, 2) / 3, 10 (1 - gamma.ppf(
  // 0.05, 1) / 3)).
  ExpectInterval(score.importance_interval,
                 {1.1845383689955409, 9.829022352041498}, 1e-11);
  const jtbd_report_info info = InfoOf(report);
  EXPECT_EQ(info.weighted, 1u);
  EXPECT_NEAR(info.effective_respondent_count, 3.0, 1e-12);
}

TEST(StatisticsTest, StudyWeights) {
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  ASSERT_THAT(Result(jtbd_study_add_outcome(raw, "o1", 2, nullptr, 0, nullptr)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_add_respondents(raw, 4, nullptr)), IsOk());
  const uint32_t respondents[4] = {0, 1, 2, 3};
  const uint32_t outcomes[4] = {0, 0, 0, 0};
  ASSERT_THAT(Result(jtbd_study_add_answers(raw, 4, respondents, outcomes,
                                            kWeightedImportance,
                                            kWeightedSatisfaction)),
              IsOk());
  for (double bad :
       {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    EXPECT_THAT(Result(jtbd_study_set_weight(raw, 1, bad)),
                FailsWith(JTBD_INVALID_ARGUMENT, "finite and greater than 0"))
        << bad;
  }
  EXPECT_THAT(Result(jtbd_study_set_weight(raw, 4, 2.0)),
              FailsWith(JTBD_OUT_OF_RANGE, "4"));
  EXPECT_THAT(Result(jtbd_study_set_weight(nullptr, 0, 2.0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  // Refused weights changed nothing: still unweighted.
  EXPECT_EQ(InfoOf(ScoreStudy(raw, nullptr).get()).weighted, 0u);

  for (uint32_t r = 0; r < 4; ++r) {
    ASSERT_THAT(Result(jtbd_study_set_weight(raw, r, kWeights[r])), IsOk());
  }
  ExpectWeightedScores(ScoreStudy(raw, nullptr).get());

  // Weights survive serialization.
  jtbd_buffer* bytes = nullptr;
  ASSERT_THAT(Result(jtbd_study_serialize(raw, &bytes)), IsOk());
  Buffer owned(bytes);
  jtbd_study* parsed = nullptr;
  ASSERT_THAT(Result(jtbd_study_parse(jtbd_buffer_data(bytes),
                                      jtbd_buffer_size(bytes), &parsed)),
              IsOk());
  Study parsed_study(parsed);
  ExpectWeightedScores(ScoreStudy(parsed, nullptr).get());
}

Aggregate OneOutcomeAggregate() {
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_create(&raw)), IsOk());
  EXPECT_THAT(Result(jtbd_aggregate_add_outcome(raw, "o1", 2, nullptr, 0)),
              IsOk());
  return Aggregate(raw);
}

Report ScoreAggregateWith(const jtbd_aggregate* aggregate,
                          const jtbd_score_options* options) {
  jtbd_report* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_score(aggregate, options, &raw)), IsOk());
  return Report(raw);
}

TEST(StatisticsTest, WeightedAggregate) {
  Aggregate aggregate = OneOutcomeAggregate();
  // Refused whole: a bad weight, or no weights at all.
  const double bad[4] = {1, 0, 1, 1};
  EXPECT_THAT(
      Result(jtbd_aggregate_add_weighted_respondents(
          aggregate.get(), 4, kWeightedImportance, kWeightedSatisfaction, bad)),
      FailsWith(JTBD_INVALID_ARGUMENT, "weights[1]"));
  EXPECT_THAT(Result(jtbd_aggregate_add_weighted_respondents(
                  aggregate.get(), 4, kWeightedImportance,
                  kWeightedSatisfaction, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "weights is NULL"));
  const uint8_t off_scale[4] = {5, 9, 2, 2};
  EXPECT_THAT(
      Result(jtbd_aggregate_add_weighted_respondents(
          aggregate.get(), 4, off_scale, kWeightedSatisfaction, kWeights)),
      FailsWith(JTBD_INVALID_ARGUMENT, "9"));
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 0u);
  // count 0 is a no-op, even with NULL arrays.
  EXPECT_THAT(Result(jtbd_aggregate_add_weighted_respondents(
                  aggregate.get(), 0, nullptr, nullptr, nullptr)),
              IsOk());

  // Two batches merge to the same weighted scores as the study.
  ASSERT_THAT(Result(jtbd_aggregate_add_weighted_respondents(
                  aggregate.get(), 2, kWeightedImportance,
                  kWeightedSatisfaction, kWeights)),
              IsOk());
  Aggregate rest = OneOutcomeAggregate();
  ASSERT_THAT(Result(jtbd_aggregate_add_weighted_respondents(
                  rest.get(), 2, kWeightedImportance + 2,
                  kWeightedSatisfaction + 2, kWeights + 2)),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_merge(aggregate.get(), rest.get())),
              IsOk());
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 4u);
  ExpectWeightedScores(ScoreAggregateWith(aggregate.get(), nullptr).get());

  // The weights survive serialization.
  jtbd_buffer* bytes = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_serialize(aggregate.get(), &bytes)),
              IsOk());
  Buffer owned(bytes);
  jtbd_aggregate* parsed = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_parse(jtbd_buffer_data(bytes),
                                          jtbd_buffer_size(bytes), &parsed)),
              IsOk());
  Aggregate parsed_aggregate(parsed);
  ExpectWeightedScores(ScoreAggregateWith(parsed, nullptr).get());
}

TEST(StatisticsTest, AggregateScoreWithOptions) {
  const Study study = BoschStudy();
  jtbd_aggregate* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create_aggregate(study.get(), &raw)), IsOk());
  Aggregate aggregate(raw);

  auto serialized = [](const jtbd_report* report) {
    jtbd_buffer* buffer = nullptr;
    EXPECT_THAT(
        Result(jtbd_report_render(report, JTBD_FORMAT_PROTOBUF, &buffer)),
        IsOk());
    Buffer owned(buffer);
    return BufferBytes(buffer);
  };
  // NULL options are the defaults: what the study itself gives.
  const Report defaults = ScoreAggregateWith(raw, nullptr);
  EXPECT_EQ(serialized(defaults.get()),
            serialized(ScoreStudy(study.get(), nullptr).get()));
  // jtbd_aggregate_score keeps scoring with the defaults too.
  jtbd_report* plain_raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_score(raw, nullptr, &plain_raw)), IsOk());
  Report plain(plain_raw);
  const jtbd_outcome_score plain_score = OutcomeOf(plain.get(), 0);
  const jtbd_outcome_score default_score = OutcomeOf(defaults.get(), 0);
  EXPECT_EQ(plain_score.has, default_score.has);
  ExpectInterval(plain_score.satisfaction_interval,
                 default_score.satisfaction_interval);
  ExpectInterval(plain_score.opportunity_interval,
                 default_score.opportunity_interval);
  EXPECT_EQ(plain_score.opportunity_at_least_10_probability,
            default_score.opportunity_at_least_10_probability);
  EXPECT_EQ(InfoOf(plain.get()).bootstrap_resamples, 2000u);

  // The options apply, and the aggregate scores like the study.
  ScoreOptions options = NewOptions();
  ASSERT_THAT(
      Result(jtbd_score_options_set_confidence_level(options.get(), 0.9)),
      IsOk());
  ASSERT_THAT(Result(jtbd_score_options_set_seed(options.get(), 42)), IsOk());
  const Report from_aggregate = ScoreAggregateWith(raw, options.get());
  const Report from_study = ScoreStudy(study.get(), options.get());
  EXPECT_EQ(serialized(from_aggregate.get()), serialized(from_study.get()));
  ExpectInterval(OutcomeOf(from_aggregate.get(), 0).importance_interval,
                 Wilson(200, 270, kZ90));

  // An aggregate has no attributes to segment by.
  ASSERT_THAT(
      Result(jtbd_score_options_set_segment_by(options.get(), "segment", 7)),
      IsOk());
  jtbd_report* refused = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_score(raw, options.get(), &refused)),
              FailsWith(JTBD_INVALID_ARGUMENT, "segment"));
  EXPECT_EQ(refused, nullptr);
  EXPECT_THAT(Result(jtbd_aggregate_score(nullptr, nullptr, &refused)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_score(raw, nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
}

// The sample study (capi_test_util.h) segmented: A = r1-r3, B = r4-r6, each
// the other's rest. By hand (top box 4-5):
//   speed  A: I 3/3, S 1/3, O 50/3, Var(O) = Var(S) = 100(1/3)(2/3)/3
//          B: I 1/3, S 1/2, O = I = 10/3, Var(O) = Var(I) = same 200/27
//          (the covariance is 0 in A: everyone there is top box on I)
//   cost   A: I 0/2, S 3/3, O 0;  B: I 3/3, S 0/3, O 20; variances 0.
class SegmentComparisonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    study_ = MakeSampleStudy();
    ScoreOptions options = NewOptions();
    ASSERT_THAT(
        Result(jtbd_score_options_set_segment_by(options.get(), "segment", 7)),
        IsOk());
    report_ = ScoreStudy(study_.get(), options.get());
    ASSERT_EQ(jtbd_report_segment_count(report_.get()), 2u);
  }

  // Two-sided p of a pooled two-proportion z-test.
  static double PooledTest(double x1, double n1, double x2, double n2,
                           double* z) {
    const double pooled = (x1 + x2) / (n1 + n2);
    *z = (x1 / n1 - x2 / n2) /
         std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    return std::erfc(std::fabs(*z) / std::sqrt(2.0));
  }

  Study study_;
  Report report_;
};

TEST_F(SegmentComparisonTest, SegmentAAgainstTheRest) {
  // Comparison i is about outcome i of the segment: speed, then cost.
  const jtbd_segment_comparison speed = ComparisonOf(report_.get(), 0, 0);
  const jtbd_segment_comparison cost = ComparisonOf(report_.get(), 0, 1);
  EXPECT_EQ(std::string(speed.outcome_id, speed.outcome_id_len), "speed");
  EXPECT_EQ(std::string(cost.outcome_id), "cost");

  EXPECT_NEAR(speed.rest_importance, 10.0 / 3, 1e-12);
  EXPECT_NEAR(speed.rest_satisfaction, 5.0, 1e-12);
  EXPECT_NEAR(speed.rest_opportunity, 10.0 / 3, 1e-12);
  EXPECT_NEAR(speed.importance_difference, 10 - 10.0 / 3, 1e-12);
  EXPECT_NEAR(speed.satisfaction_difference, 10.0 / 3 - 5, 1e-12);
  EXPECT_NEAR(speed.opportunity_difference, 50.0 / 3 - 10.0 / 3, 1e-12);

  // Importance: speed 3/3 vs 1/3, cost 0/2 vs 3/3. Holm over segments x
  // outcomes: B's rest is A, so B's two p-values equal A's; the two cost
  // tests come first (4 p_cost, 3 p_cost), then the two speed tests.
  double z_speed = 0, z_cost = 0;
  const double p_speed = PooledTest(3, 3, 1, 3, &z_speed);
  const double p_cost = PooledTest(0, 2, 3, 3, &z_cost);
  EXPECT_NEAR(speed.importance_test.z, z_speed, 1e-12);
  EXPECT_NEAR(speed.importance_test.p_value, p_speed, 1e-12);
  EXPECT_NEAR(cost.importance_test.z, z_cost, 1e-12);
  EXPECT_NEAR(cost.importance_test.p_value, p_cost, 1e-12);
  ASSERT_LT(p_cost, p_speed);
  EXPECT_NEAR(cost.importance_test.holm_adjusted_p_value,
              std::min(1.0, 4 * p_cost), 1e-12);
  EXPECT_NEAR(speed.importance_test.holm_adjusted_p_value,
              std::min(1.0, std::max(4 * p_cost, 2 * p_speed)), 1e-12);

  // Opportunity (docs/SCORING.md, "Opportunity differences"): MOVER on the
  // two sides' moment-selection intervals, and its test that interval
  // inverted. Figures from tests/stats/opportunity_interval_reference.py
  // (difference_interval, and bisection on its critical value), with
  // counts (nI, xI, nS, xS, nb, x11, xIb, xSb):
  //   speed A (3, 3, 3, 1, 3, 1, 3, 1)  B (3, 1, 2, 1, 2, 0, 1, 1)
  //   cost  A (2, 0, 3, 3, 2, 0, 0, 2)  B (3, 3, 3, 0, 3, 0, 3, 0)
  // Three respondents a side are too few for speed's +13.3 (the delta
  // method, blind to the kink and the small n, gave z 3.46).
  const double z_speed_o = 1.19225492091, z_cost_o = -2.28126219355;
  const double p_speed_o = std::erfc(std::fabs(z_speed_o) / std::sqrt(2.0));
  const double p_cost_o = std::erfc(std::fabs(z_cost_o) / std::sqrt(2.0));
  EXPECT_NEAR(speed.opportunity_test.z, z_speed_o, 1e-6);
  EXPECT_NEAR(speed.opportunity_test.p_value, 0.233161304464, 1e-6);
  EXPECT_NEAR(speed.opportunity_difference_interval.low, -7.6159444460711736,
              1e-8);
  EXPECT_NEAR(speed.opportunity_difference_interval.high, 17.805579632638082,
              1e-8);
  EXPECT_NEAR(cost.opportunity_test.z, z_cost_o, 1e-6);
  EXPECT_NEAR(cost.opportunity_test.p_value, 0.0225329364578, 1e-6);
  EXPECT_NEAR(cost.opportunity_difference_interval.low, -20.0, 1e-8);
  EXPECT_NEAR(cost.opportunity_difference_interval.high, -1.7735742639636278,
              1e-8);
  // Holm over A's and B's two tests each (B's mirror A's): the cost tests
  // first (4 p, 3 p), then speed's (2 p, 1 p), each kept monotone.
  EXPECT_NEAR(cost.opportunity_test.holm_adjusted_p_value, 4 * p_cost_o, 1e-6);
  EXPECT_NEAR(speed.opportunity_test.holm_adjusted_p_value,
              std::max(4 * p_cost_o, 2 * p_speed_o), 1e-6);
  // Importance and satisfaction: Newcombe's hybrid score interval x10 from
  // plain Wilson limits. speed importance 3/3 vs 1/3.
  const double z95 = 1.959963984540054;
  const auto wilson = [z95](double p, double n) {
    const double d = 1 + z95 * z95 / n;
    const double c = (p + z95 * z95 / (2 * n)) / d;
    const double h =
        z95 * std::sqrt(p * (1 - p) / n + z95 * z95 / (4 * n * n)) / d;
    return std::pair<double, double>(std::max(0.0, c - h),
                                     std::min(1.0, c + h));
  };
  const auto [l1, u1] = wilson(1.0, 3);
  const auto [l2, u2] = wilson(1.0 / 3, 3);
  EXPECT_NEAR(speed.importance_difference_interval.low,
              10 * (2.0 / 3 - std::hypot(1 - l1, u2 - 1.0 / 3)), 1e-12);
  EXPECT_NEAR(speed.importance_difference_interval.high,
              10 * (2.0 / 3 + std::hypot(u1 - 1, 1.0 / 3 - l2)), 1e-12);
  EXPECT_EQ(speed.more_underserved, 0u);
  EXPECT_EQ(speed.has,
            static_cast<uint32_t>(JTBD_COMPARISON_HAS_IMPORTANCE_DIFFERENCE |
                                  JTBD_COMPARISON_HAS_SATISFACTION_DIFFERENCE |
                                  JTBD_COMPARISON_HAS_OPPORTUNITY_DIFFERENCE |
                                  JTBD_COMPARISON_HAS_IMPORTANCE_TEST |
                                  JTBD_COMPARISON_HAS_SATISFACTION_TEST |
                                  JTBD_COMPARISON_HAS_OPPORTUNITY_TEST));
  // cost: O 0 vs 20. The delta method's variances were 0 there (no test);
  // the Wilson limits are not.
  EXPECT_NEAR(cost.opportunity_difference, -20.0, 1e-12);
  EXPECT_NE(cost.has & JTBD_COMPARISON_HAS_OPPORTUNITY_TEST, 0u);
  EXPECT_EQ(cost.more_underserved, 0u);

  // Neither segment has an outcome significantly more underserved.
  for (size_t segment = 0; segment < 2; ++segment) {
    size_t count = 99;
    ASSERT_THAT(Result(jtbd_report_segment_more_underserved_count(
                    report_.get(), segment, &count)),
                IsOk());
    EXPECT_EQ(count, 0u);
  }
  const char* id = nullptr;
  size_t id_len = 0;
  EXPECT_THAT(Result(jtbd_report_segment_more_underserved_id(report_.get(), 0,
                                                             0, &id, &id_len)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 0"));
}

TEST_F(SegmentComparisonTest, SegmentCounts) {
  for (size_t segment = 0; segment < 2; ++segment) {
    uint64_t rest = 0;
    double effective = 0;
    ASSERT_THAT(Result(jtbd_report_segment_rest_respondent_count(
                    report_.get(), segment, &rest)),
                IsOk());
    EXPECT_EQ(rest, 3u);
    ASSERT_THAT(Result(jtbd_report_segment_effective_respondent_count(
                    report_.get(), segment, &effective)),
                IsOk());
    EXPECT_EQ(effective, 3.0);  // unweighted: the respondent count
  }
  const jtbd_report_info info = InfoOf(report_.get());
  EXPECT_EQ(std::string(info.segment_by, info.segment_by_len), "segment");
  EXPECT_EQ(info.unsegmented_respondent_count, 0u);
}

TEST_F(SegmentComparisonTest, StructSizesAreHonoured) {
  // Below the 1.0 size: refused, untouched.
  jtbd_segment_comparison before;
  std::memset(&before, kSentinel, sizeof(before));
  before.struct_size = JTBD_SEGMENT_COMPARISON_STRUCT_SIZE - 1;
  jtbd_segment_comparison after = before;
  EXPECT_THAT(
      Result(jtbd_report_segment_comparison(report_.get(), 0, 0, &after)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "at least JTBD_SEGMENT_COMPARISON_STRUCT_SIZE"));
  EXPECT_EQ(std::memcmp(&before, &after, sizeof(before)), 0);

  // A newer, larger struct keeps the fields this library does not know.
  struct GrownInfo {
    jtbd_report_info known;
    unsigned char future[16];
  } grown;
  std::memset(&grown, kSentinel, sizeof(grown));
  grown.known.struct_size = sizeof(grown);
  ASSERT_THAT(Result(jtbd_report_get_info(report_.get(), &grown.known)),
              IsOk());
  EXPECT_EQ(grown.known.struct_size, sizeof(grown));
  EXPECT_EQ(grown.known.scale_top_box_min, 4);
  for (unsigned char byte : grown.future) EXPECT_EQ(byte, kSentinel);

  jtbd_report_info tiny;
  std::memset(&tiny, kSentinel, sizeof(tiny));
  tiny.struct_size = JTBD_REPORT_INFO_STRUCT_SIZE - 1;
  EXPECT_THAT(Result(jtbd_report_get_info(report_.get(), &tiny)),
              FailsWith(JTBD_INVALID_ARGUMENT, "JTBD_REPORT_INFO_STRUCT_SIZE"));
}

TEST_F(SegmentComparisonTest, IndicesAndNullArguments) {
  jtbd_segment_comparison comparison;
  std::memset(&comparison, 0, sizeof(comparison));
  comparison.struct_size = sizeof(comparison);
  EXPECT_THAT(
      Result(jtbd_report_segment_comparison(report_.get(), 2, 0, &comparison)),
      FailsWith(JTBD_OUT_OF_RANGE, "segment 2"));
  EXPECT_THAT(
      Result(jtbd_report_segment_comparison(report_.get(), 0, 2, &comparison)),
      FailsWith(JTBD_OUT_OF_RANGE, "index 2"));
  EXPECT_THAT(
      Result(jtbd_report_segment_comparison(nullptr, 0, 0, &comparison)),
      FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(
      Result(jtbd_report_segment_comparison(report_.get(), 0, 0, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  uint64_t count = 7;
  size_t outcomes = 7;
  double effective = 7;
  const char* id = nullptr;
  EXPECT_THAT(Result(jtbd_report_segment_rest_respondent_count(report_.get(), 2,
                                                               &count)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment 2"));
  EXPECT_THAT(Result(jtbd_report_segment_rest_respondent_count(report_.get(), 0,
                                                               nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "count is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_effective_respondent_count(
                  report_.get(), 2, &effective)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment 2"));
  EXPECT_THAT(Result(jtbd_report_segment_effective_respondent_count(
                  nullptr, 0, &effective)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_more_underserved_count(report_.get(),
                                                                2, &outcomes)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment 2"));
  EXPECT_THAT(Result(jtbd_report_segment_more_underserved_id(
                  report_.get(), 0, 0, nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "id is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_more_underserved_id(nullptr, 0, 0, &id,
                                                             nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_EQ(count, 7u);
  EXPECT_EQ(outcomes, 7u);
  EXPECT_EQ(effective, 7.0);
  EXPECT_EQ(id, nullptr);
  jtbd_report_info info;
  info.struct_size = sizeof(info);
  EXPECT_THAT(Result(jtbd_report_get_info(nullptr, &info)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(Result(jtbd_report_get_info(report_.get(), nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
}

TEST(StatisticsTest, ScoreOptionSettersRefuseNull) {
  EXPECT_THAT(Result(jtbd_score_options_set_confidence_level(nullptr, 0.9)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(Result(jtbd_score_options_set_bootstrap_resamples(nullptr, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(Result(jtbd_score_options_set_seed(nullptr, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(Result(jtbd_score_options_set_method(nullptr, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_add_weighted_respondents(
                  nullptr, 0, nullptr, nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
}

TEST(StatisticsTest, OutcomeWithoutAnswersHasNoStatistics) {
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  ASSERT_THAT(
      Result(jtbd_study_add_outcome(raw, "rated", 5, nullptr, 0, nullptr)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_study_add_outcome(raw, "half", 4, nullptr, 0, nullptr)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_study_add_outcome(raw, "never", 5, nullptr, 0, nullptr)),
      IsOk());
  ASSERT_THAT(Result(jtbd_study_add_respondents(raw, 2, nullptr)), IsOk());
  // "half" gets importance answers only.
  const uint32_t respondents[4] = {0, 1, 0, 1};
  const uint32_t outcomes[4] = {0, 0, 1, 1};
  const uint8_t importance[4] = {5, 2, 4, 1};
  const uint8_t satisfaction[4] = {1, 5, 0, 0};
  ASSERT_THAT(Result(jtbd_study_add_answers(raw, 4, respondents, outcomes,
                                            importance, satisfaction)),
              IsOk());
  const Report report = ScoreStudy(raw, nullptr);
  // Ranked: rated first, then the two without data in declaration order.
  const jtbd_outcome_score half = OutcomeOf(report.get(), 1);
  const jtbd_outcome_score never = OutcomeOf(report.get(), 2);
  ASSERT_EQ(std::string(half.outcome_id), "half");
  EXPECT_EQ(half.has,
            static_cast<uint32_t>(JTBD_SCORE_HAS_IMPORTANCE_INTERVAL));
  // 1 of 2: Poisson limits (scipy: 10 gamma.ppf(0.05, 1) / 2).
  ExpectInterval(half.importance_interval,
                 {0.2564664719377529, 9.743533528062247}, 1e-11);
  ASSERT_EQ(std::string(never.outcome_id), "never");
  EXPECT_EQ(never.has, 0u);
  EXPECT_EQ(never.opportunity_interval.high, 0.0);
}

}  // namespace
}  // namespace jtbd_test
