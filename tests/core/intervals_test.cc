// Intervals of the whole-sample scores: Wilson, delta method (with the
// importance-satisfaction covariance), bootstrap, options and methods.
#include <cmath>
#include <string>
#include <vector>

#include "core/scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "stats/wilson.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

constexpr double kZ95 = 1.959963984540054;

// Adds `count` respondents who all rate outcome `outcome` (importance,
// satisfaction).
void AddRespondents(Study* study, uint32_t outcome, int count, uint8_t imp,
                    uint8_t sat) {
  const uint32_t first = static_cast<uint32_t>(*study->AddRespondents(count));
  std::vector<uint32_t> rs, os;
  std::vector<uint8_t> is, ss;
  for (int k = 0; k < count; ++k) {
    rs.push_back(first + k);
    os.push_back(outcome);
    is.push_back(imp);
    ss.push_back(sat);
  }
  ASSERT_TRUE(study->AddAnswers({rs, os, is, ss}).ok());
}

// The Bosch outcome (270 users, 200 top-box importance, 75 top-box
// satisfaction) with 60 top box on both, spread over the ratings so that the
// alternative methods differ: (5,4) x 60, (4,1) x 70, (5,1) x 70, (2,5) x 15,
// (3,2) x 55.
Study Bosch() {
  Study study;
  EXPECT_TRUE(study.AddOutcome({"off_track", "", ""}).ok());
  AddRespondents(&study, 0, 60, 5, 4);
  AddRespondents(&study, 0, 70, 4, 1);
  AddRespondents(&study, 0, 70, 5, 1);
  AddRespondents(&study, 0, 15, 2, 5);
  AddRespondents(&study, 0, 55, 3, 2);
  return study;
}

v1::ScoringOptions Options(v1::ScoreMethod method = v1::SCORE_METHOD_ULWICK) {
  v1::ScoringOptions options;
  options.set_method(method);
  return options;
}

TEST(IntervalsTest, BoschUlwickWilsonDeltaAndBootstrap) {
  const v1::Report report = *Bosch().Score({});
  EXPECT_EQ(report.score_method(), v1::SCORE_METHOD_ULWICK);
  EXPECT_EQ(report.method(), "ulwick_top_box");
  EXPECT_DOUBLE_EQ(report.confidence_level(), 0.95);
  EXPECT_EQ(report.bootstrap_resamples(), 2000u);
  EXPECT_EQ(report.seed(), 20240101u);
  EXPECT_FALSE(report.weighted());
  EXPECT_FALSE(report.has_effective_respondent_count());
  const v1::OutcomeScore& s = report.outcomes(0);
  EXPECT_NEAR(s.opportunity(), 12.037037037037036, 1e-12);
  // Wilson (domain.md: [6.85, 7.89] and [2.28, 3.34]), z = 1.959964.
  EXPECT_NEAR(s.importance_interval().low(), 6.853501188477602, 1e-12);
  EXPECT_NEAR(s.importance_interval().high(), 7.89377121358484, 1e-12);
  EXPECT_NEAR(s.satisfaction_interval().low(), 2.2775393982803287, 1e-12);
  EXPECT_NEAR(s.satisfaction_interval().high(), 3.3403629998158784, 1e-12);
  // Delta method with Cov = 100 (60/270 - 200/270 x 75/270) / 270 =
  // 0.0060966: SE = sqrt(4 x 0.0711274 + 0.0743027 - 4 x 0.0060966) =
  // 0.578295 (0.599 without the covariance).
  EXPECT_NEAR(s.opportunity_standard_error(), 0.5782954664330139, 1e-12);
  EXPECT_NEAR(s.opportunity_delta_interval().low(), 10.90359875040554, 1e-11);
  EXPECT_NEAR(s.opportunity_delta_interval().high(), 13.170475323668537, 1e-11);
  // The bootstrap percentile interval agrees with the delta interval to
  // Monte Carlo error here (far from I = S, n = 270).
  ASSERT_TRUE(s.has_opportunity_interval());
  EXPECT_NEAR(s.opportunity_interval().low(), 10.9036, 0.12);
  EXPECT_NEAR(s.opportunity_interval().high(), 13.1705, 0.12);
  EXPECT_LT(s.opportunity_interval().low(), s.opportunity());
  EXPECT_GT(s.opportunity_interval().high(), s.opportunity());
  // P(Opp >= 10) = Phi((12.04 - 10) / 0.578) = 0.9998 by the normal
  // approximation.
  ASSERT_TRUE(s.has_opportunity_at_least_10_probability());
  EXPECT_GE(s.opportunity_at_least_10_probability(), 0.995);
  EXPECT_LE(s.opportunity_at_least_10_probability(), 1.0);
}

TEST(IntervalsTest, SameSeedSameReportOtherSeedOtherInterval) {
  const Study study = Bosch();
  v1::ScoringOptions options;
  options.set_seed(7);
  const std::string a = study.Score(options)->SerializeAsString();
  const std::string b = study.Score(options)->SerializeAsString();
  EXPECT_EQ(a, b);
  options.set_seed(8);
  const v1::Report other = *study.Score(options);
  v1::Report first;
  ASSERT_TRUE(first.ParseFromString(a));
  EXPECT_EQ(other.seed(), 8u);
  EXPECT_NE(other.outcomes(0).opportunity_bootstrap_interval().low(),
            first.outcomes(0).opportunity_bootstrap_interval().low());
  // Only the bootstrap depends on the seed.
  EXPECT_EQ(other.outcomes(0).opportunity_delta_interval().low(),
            first.outcomes(0).opportunity_delta_interval().low());
  EXPECT_EQ(other.outcomes(0).opportunity_interval().low(),
            first.outcomes(0).opportunity_interval().low());
}

TEST(IntervalsTest, BootstrapStreamIsPerOutcome) {
  // Adding another outcome (declared first) leaves off_track's resamples
  // unchanged, and the aggregate path gives what the study path gives.
  Study alone = Bosch();
  Study both;
  ASSERT_TRUE(both.AddOutcome({"other", "", ""}).ok());
  ASSERT_TRUE(both.AddOutcome({"off_track", "", ""}).ok());
  AddRespondents(&both, 1, 60, 5, 4);
  AddRespondents(&both, 1, 70, 4, 1);
  AddRespondents(&both, 1, 70, 5, 1);
  AddRespondents(&both, 1, 15, 2, 5);
  AddRespondents(&both, 1, 55, 3, 2);
  AddRespondents(&both, 0, 30, 4, 4);
  const v1::Report a = *alone.Score({});
  const v1::Report b = *both.Score({});
  const v1::OutcomeScore& in_b =
      b.outcomes(0).outcome_id() == "off_track" ? b.outcomes(0) : b.outcomes(1);
  // 30 more respondents skipped off_track: same answers, one more missing
  // cell, so compare with a study that has them too.
  EXPECT_EQ(in_b.importance_count(), 270u);
  Study alone_with_skips = Bosch();
  ASSERT_TRUE(alone_with_skips.AddRespondents(30).ok());
  const v1::Report c = *alone_with_skips.Score({});
  EXPECT_EQ(in_b.opportunity_interval().low(),
            c.outcomes(0).opportunity_interval().low());
  EXPECT_EQ(in_b.opportunity_interval().high(),
            c.outcomes(0).opportunity_interval().high());
  EXPECT_EQ(ScoreAggregate(alone.ToAggregate(), v1::ScoringOptions())
                ->SerializeAsString(),
            a.SerializeAsString());
}

TEST(IntervalsTest, WholeSampleIntervalsDoNotDependOnSegments) {
  Study study = Bosch();
  for (size_t r = 0; r < study.respondent_count(); ++r) {
    ASSERT_TRUE(study.SetAttribute(r, "role", r % 2 ? "a" : "b").ok());
  }
  v1::ScoringOptions options;
  const v1::Report plain = *study.Score(options);
  options.set_segment_by("role");
  const v1::Report segmented = *study.Score(options);
  ASSERT_EQ(segmented.segments_size(), 2);
  EXPECT_EQ(plain.outcomes(0).SerializeAsString(),
            segmented.outcomes(0).SerializeAsString());
  // Each segment has its own stream (the segments' answers are nearly the
  // same; their resamples are not).
  EXPECT_NE(
      segmented.segments(0).outcomes(0).opportunity_bootstrap_interval().low(),
      segmented.segments(1).outcomes(0).opportunity_bootstrap_interval().low());
}

TEST(IntervalsTest, WithoutBootstrapNoBootstrapInterval) {
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(0);
  const v1::Report report = *Bosch().Score(options);
  EXPECT_EQ(report.bootstrap_resamples(), 0u);
  EXPECT_EQ(report.opportunity_interval_method(),
            v1::OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION);
  const v1::OutcomeScore& s = report.outcomes(0);
  EXPECT_FALSE(s.has_opportunity_bootstrap_interval());
  EXPECT_FALSE(s.has_opportunity_at_least_10_probability());
  // Bosch is far on the I > S side: the interval of 2I - S alone, which is
  // not the delta interval (Wilson limits through MOVER, not +- z SE).
  EXPECT_LT(s.opportunity_interval().low(), s.opportunity());
  EXPECT_GT(s.opportunity_interval().high(), s.opportunity());
  EXPECT_NE(s.opportunity_interval().low(),
            s.opportunity_delta_interval().low());
  // Olsen's opportunity is smooth: without bootstrap, the delta interval.
  options.set_method(v1::SCORE_METHOD_OLSEN);
  const v1::Report olsen = *Bosch().Score(options);
  EXPECT_EQ(olsen.opportunity_interval_method(),
            v1::OPPORTUNITY_INTERVAL_METHOD_DELTA);
  EXPECT_EQ(olsen.outcomes(0).opportunity_interval().low(),
            olsen.outcomes(0).opportunity_delta_interval().low());
  options.set_bootstrap_resamples(200);
  const v1::Report olsen_bootstrap = *Bosch().Score(options);
  EXPECT_EQ(olsen_bootstrap.opportunity_interval_method(),
            v1::OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE);
  EXPECT_EQ(olsen_bootstrap.outcomes(0).opportunity_interval().low(),
            olsen_bootstrap.outcomes(0).opportunity_bootstrap_interval().low());
}

TEST(IntervalsTest, ConfidenceLevelSetsEveryInterval) {
  v1::ScoringOptions options;
  options.set_confidence_level(0.90);
  options.set_bootstrap_resamples(0);
  const v1::Report report = *Bosch().Score(options);
  EXPECT_DOUBLE_EQ(report.confidence_level(), 0.90);
  const v1::OutcomeScore& s = report.outcomes(0);
  const double z90 = 1.6448536269514722;
  const stats::Interval wilson = stats::WilsonInterval(200.0 / 270, 270, z90);
  EXPECT_NEAR(s.importance_interval().low(), 10 * wilson.low, 1e-12);
  EXPECT_NEAR(s.importance_interval().high(), 10 * wilson.high, 1e-12);
  EXPECT_NEAR(s.opportunity_delta_interval().high() - s.opportunity(),
              z90 * 0.5782954664330139, 1e-11);
}

TEST(IntervalsTest, InvalidOptionsAreRefused) {
  const Study study = Bosch();
  for (double level : {0.0, 1.0, -0.5, 1.5, std::nan("")}) {
    v1::ScoringOptions options;
    options.set_confidence_level(level);
    absl::StatusOr<v1::Report> report = study.Score(options);
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument)
        << level;
    EXPECT_THAT(report.status().message(), HasSubstr("confidence_level"));
  }
  v1::ScoringOptions many;
  many.set_bootstrap_resamples(ScoringPlan::kMaxBootstrapResamples + 1);
  EXPECT_THAT(study.Score(many).status().message(),
              HasSubstr("bootstrap_resamples"));
  v1::ScoringOptions unknown;
  unknown.set_method(static_cast<v1::ScoreMethod>(99));
  EXPECT_EQ(study.Score(unknown).status().code(),
            absl::StatusCode::kInvalidArgument);
  // The aggregate path validates the same way.
  EXPECT_EQ(ScoreAggregate(study.ToAggregate(), many).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(IntervalsTest, NoIntervalsWithoutAnswers) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"rated", "", ""}).ok());
  ASSERT_TRUE(study.AddOutcome({"skipped", "", ""}).ok());
  AddRespondents(&study, 0, 10, 5, 1);
  const v1::Report report = *study.Score({});
  const v1::OutcomeScore& skipped = report.outcomes(1);
  ASSERT_EQ(skipped.outcome_id(), "skipped");
  EXPECT_EQ(skipped.band(), v1::BAND_INSUFFICIENT_DATA);
  EXPECT_FALSE(skipped.has_importance_interval());
  EXPECT_FALSE(skipped.has_opportunity_interval());
  EXPECT_FALSE(skipped.has_opportunity_standard_error());
  // All top-box importance, no top-box satisfaction: Wilson stays inside
  // [0, 10]; the delta interval is degenerate (variances 0), the bootstrap
  // too.
  const v1::OutcomeScore& rated = report.outcomes(0);
  EXPECT_NEAR(rated.importance_interval().high(), 10.0, 1e-12);
  EXPECT_NEAR(rated.importance_interval().low(), 10 * 10 / (10 + kZ95 * kZ95),
              1e-12);
  EXPECT_EQ(rated.opportunity_standard_error(), 0.0);
  EXPECT_EQ(rated.opportunity_bootstrap_interval().low(), 20.0);
  EXPECT_EQ(rated.opportunity_bootstrap_interval().high(), 20.0);
  // The reported interval is not a point: I = 10 far above S = 0, so the
  // MOVER interval of 2I - S from the Wilson limits of I (10 of 10) and S
  // (0 of 10), uncorrelated (nobody top box on satisfaction).
  const double z2 = kZ95 * kZ95;
  const double importance_drop = 20 - 2 * 10 * 10 / (10 + z2);
  const double satisfaction_rise = 10 * z2 / (10 + z2);
  EXPECT_NEAR(rated.opportunity_interval().low(),
              20 - std::sqrt(importance_drop * importance_drop +
                             satisfaction_rise * satisfaction_rise),
              1e-12);
  EXPECT_NEAR(rated.opportunity_interval().high(), 20.0, 1e-12);
  EXPECT_EQ(rated.opportunity_at_least_10_probability(), 1.0);
}

// P(opportunity >= 10) counts a resample exactly at 10 as at least 10:
// every respondent top box on both axes gives I = S = 10 and an opportunity
// of exactly 10 in every resample, so the share is 1, not 0. An outcome at
// 10 only at the estimate (I = 5, S = 0 from 6 of 12) gets a share strictly
// between 0 and 1.
TEST(IntervalsTest, AtLeast10CountsAnExactTie) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"tie", "", ""}).ok());
  ASSERT_TRUE(study.AddOutcome({"estimate_only", "", ""}).ok());
  AddRespondents(&study, 0, 12, 5, 5);
  AddRespondents(&study, 1, 6, 5, 1);
  AddRespondents(&study, 1, 6, 1, 1);
  const v1::Report report = *study.Score({});
  const v1::OutcomeScore& tie = report.outcomes(0).outcome_id() == "tie"
                                    ? report.outcomes(0)
                                    : report.outcomes(1);
  const v1::OutcomeScore& estimate_only =
      &tie == &report.outcomes(0) ? report.outcomes(1) : report.outcomes(0);
  EXPECT_EQ(tie.opportunity(), 10.0);
  EXPECT_EQ(tie.opportunity_bootstrap_interval().low(), 10.0);
  EXPECT_EQ(tie.opportunity_bootstrap_interval().high(), 10.0);
  EXPECT_LT(tie.opportunity_interval().low(), 10.0);
  EXPECT_GT(tie.opportunity_interval().high(), 10.0);
  EXPECT_EQ(tie.opportunity_at_least_10_probability(), 1.0);
  EXPECT_EQ(estimate_only.opportunity(), 10.0);
  EXPECT_GT(estimate_only.opportunity_at_least_10_probability(), 0.3);
  EXPECT_LT(estimate_only.opportunity_at_least_10_probability(), 0.9);
}

TEST(AlternativeScoresTest, OlsenOnBosch) {
  const v1::Report report = *Bosch().Score(Options(v1::SCORE_METHOD_OLSEN));
  EXPECT_EQ(report.method(), "olsen");
  EXPECT_EQ(report.score_method(), v1::SCORE_METHOD_OLSEN);
  const v1::OutcomeScore& s = report.outcomes(0);
  // domain.md: 0.741 x 0.722 = 0.535.
  EXPECT_NEAR(s.opportunity(), 0.535, 0.0005);
  EXPECT_NEAR(s.opportunity(), 200.0 / 270 * (1 - 75.0 / 270), 1e-15);
  EXPECT_NEAR(s.importance(), 2000.0 / 270, 1e-12);
  EXPECT_EQ(s.band(), v1::BAND_UNSPECIFIED);
  // Delta: gI = (1 - S/10)/10, gS = -(I/10)/10, with the covariance.
  EXPECT_NEAR(s.opportunity_standard_error(), 0.026710840067553546, 1e-14);
  EXPECT_NEAR(s.opportunity_interval().low(), 0.48263, 0.006);
  EXPECT_NEAR(s.opportunity_interval().high(), 0.58733, 0.006);
  EXPECT_FALSE(s.has_opportunity_at_least_10_probability());
  // Shares: Wilson as for Ulwick.
  EXPECT_NEAR(s.importance_interval().low(), 6.853501188477602, 1e-12);
}

TEST(AlternativeScoresTest, MeanOnBosch) {
  const v1::Report report = *Bosch().Score(Options(v1::SCORE_METHOD_MEAN));
  EXPECT_EQ(report.method(), "mean_rescaled");
  const v1::OutcomeScore& s = report.outcomes(0);
  // Importance mean 1125 / 270 = 4.1667 -> 10 (4.1667 - 1) / 4 = 7.9167;
  // satisfaction 565 / 270 = 2.0926 -> 2.7315; Opp = 2 I - S.
  EXPECT_NEAR(s.importance(), 10 * (1125.0 / 270 - 1) / 4, 1e-12);
  EXPECT_NEAR(s.satisfaction(), 10 * (565.0 / 270 - 1) / 4, 1e-12);
  EXPECT_NEAR(s.opportunity(), 13.101851851851851, 1e-12);
  EXPECT_EQ(s.band(), v1::BAND_UNSPECIFIED);
  // Normal intervals for means (Var = variance of the scores / n).
  EXPECT_NEAR(s.importance_interval().low(), 7.63699005945339, 1e-12);
  EXPECT_NEAR(s.importance_interval().high(), 8.196343273879945, 1e-12);
  EXPECT_NEAR(s.opportunity_standard_error(), 0.37489731697175566, 1e-12);
  EXPECT_NEAR(s.opportunity_interval().low(), 12.3671, 0.08);
  EXPECT_NEAR(s.opportunity_interval().high(), 13.8366, 0.08);
  EXPECT_EQ(s.opportunity_at_least_10_probability(), 1.0);
  // Counts keep the scale's top-box rule.
  EXPECT_EQ(s.importance_top_box_count(), 200u);
}

TEST(AlternativeScoresTest, TopBoxOnlyOnBosch) {
  const v1::Report report =
      *Bosch().Score(Options(v1::SCORE_METHOD_TOP_BOX_ONLY));
  EXPECT_EQ(report.method(), "top_box_only");
  // The top-box rule used: 5 only.
  EXPECT_EQ(report.scale().top_box_min(), 5);
  const v1::OutcomeScore& s = report.outcomes(0);
  EXPECT_EQ(s.importance_top_box_count(), 130u);
  EXPECT_EQ(s.satisfaction_top_box_count(), 15u);
  EXPECT_NEAR(s.importance(), 1300.0 / 270, 1e-12);
  EXPECT_NEAR(s.satisfaction(), 150.0 / 270, 1e-12);
  EXPECT_NEAR(s.opportunity(), 9.074074074074074, 1e-12);
  EXPECT_EQ(s.band(), v1::BAND_APPROPRIATELY_SERVED);
  EXPECT_NEAR(s.opportunity_standard_error(), 0.6549224659973256, 1e-12);
  const stats::Interval wilson = stats::WilsonInterval(130.0 / 270, 270, kZ95);
  EXPECT_NEAR(s.importance_interval().low(), 10 * wilson.low, 1e-12);
  // About P(Z >= (10 - 9.07) / 0.65) = 0.078.
  EXPECT_NEAR(s.opportunity_at_least_10_probability(), 0.078, 0.03);
}

TEST(AlternativeScoresTest, UlwickIsTheDefault) {
  const Study study = Bosch();
  EXPECT_EQ(study.Score({})->SerializeAsString(),
            study.Score(Options(v1::SCORE_METHOD_ULWICK))->SerializeAsString());
}

}  // namespace
}  // namespace jtbd
