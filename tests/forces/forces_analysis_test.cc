#include "forces/forces_analysis.h"

#include <cmath>
#include <string>
#include <vector>

#include "forces/interview_forces.h"
#include "forces/interview_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "simulated_interviews.h"

namespace jtbd {
namespace forces {
namespace {

using ::testing::HasSubstr;

// Four interviews, by hand: balances +5, -3, +1, -2.
constexpr char kSmall[] =
    "interview,force,intensity,switched,segment,stage,date,solution_left\n"
    "a,push,4,1,smb,first thought,2026-01-01,Excel\n"
    "a,pull,3,1,smb,deciding,2026-01-11,\n"
    "a,anxiety,2,1,smb,,,\n"
    "a,push,2,1,smb,,,\n"
    "b,habit,3,0,mid,first thought,2026-01-01,Excel\n"
    "b,push,2,0,mid,deciding,2026-01-31,\n"
    "b,anxiety,2,0,mid,,,\n"
    "c,pull,1,0,smb,first thought,2026-02-01,Paper\n"
    "c,,,0,smb,deciding,2026-02-05,\n"
    "d,habit,2,0,mid,,,\n";

TEST(ForcesAnalysisTest, SmallSetByHand) {
  auto interviews = ReadInterviewsCsv(kSmall, "small.csv");
  ASSERT_TRUE(interviews.ok()) << interviews.status();
  auto report = AnalyzeForces(*interviews, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->interview_count(), 4u);
  EXPECT_EQ(report->observation_count(), 9u);
  EXPECT_EQ(report->switched_count(), 1u);
  ASSERT_EQ(report->forces_size(), 4);
  const v1::ForceSummary& push = report->forces(0);
  EXPECT_EQ(push.name(), "push");
  EXPECT_EQ(push.mention_count(), 2u);
  EXPECT_DOUBLE_EQ(push.prevalence(), 0.5);
  // a's strongest push is 4, b's is 2: mean 3, sd sqrt(2), t(1) interval.
  EXPECT_DOUBLE_EQ(push.mean_intensity(), 3);
  // 3 +- 12.706 (t, 1 degree of freedom) x 1, cut to the scale.
  EXPECT_DOUBLE_EQ(push.mean_intensity_interval().low(), 1);
  EXPECT_DOUBLE_EQ(push.mean_intensity_interval().high(), 5);
  EXPECT_LT(push.prevalence_interval().low(), 0.5);
  EXPECT_DOUBLE_EQ(report->forces(1).mean_intensity(), 2);

  EXPECT_EQ(report->segment_by(), "segment");
  ASSERT_EQ(report->segments_size(), 2);
  EXPECT_EQ(report->segments(0).value(), "mid");
  EXPECT_EQ(report->segments(1).switched_count(), 1u);
  // push mentioned once among smb: a mean, no t interval.
  EXPECT_EQ(report->segments(1).forces(0).mention_count(), 1u);
  EXPECT_DOUBLE_EQ(report->segments(1).forces(0).mean_intensity(), 4);
  EXPECT_FALSE(report->segments(1).forces(0).has_mean_intensity_interval());
  ASSERT_EQ(report->left_solutions_size(), 2);
  EXPECT_EQ(report->left_solutions(0).value(), "Excel");
  EXPECT_EQ(report->hired_solutions_size(), 0);

  const v1::BalanceSummary& balance = report->balance();
  EXPECT_EQ(balance.interviews(0).balance(), 5);
  EXPECT_EQ(balance.interviews(1).balance(), -3);
  EXPECT_EQ(balance.interviews(2).balance(), 1);
  EXPECT_EQ(balance.interviews(3).balance(), -2);
  EXPECT_DOUBLE_EQ(balance.mean_balance(), 0.25);
  EXPECT_EQ(balance.positive_switched_count(), 1u);
  EXPECT_EQ(balance.positive_stayed_count(), 1u);
  EXPECT_EQ(balance.non_positive_stayed_count(), 2u);
  EXPECT_DOUBLE_EQ(balance.agreement(), 0.75);
  EXPECT_FALSE(balance.interviews(2).agrees());

  ASSERT_EQ(report->stage_durations_size(), 1);
  const v1::StageDuration& first = report->stage_durations(0);
  EXPECT_EQ(first.name(), "first_thought");
  EXPECT_EQ(first.interview_count(), 3u);  // 10, 30, 4 days
  EXPECT_DOUBLE_EQ(first.median_days(), 10);
  EXPECT_DOUBLE_EQ(first.lower_quartile_days(), 7);
  EXPECT_DOUBLE_EQ(first.upper_quartile_days(), 20);

  ASSERT_EQ(report->comparisons_size(), 4);
  for (const v1::ForceComparison& c : report->comparisons()) {
    EXPECT_GE(c.adjusted_p_value(), c.p_value());
  }
  // One switcher: the model cannot be cross-validated, and says why.
  EXPECT_FALSE(report->has_model());
  EXPECT_THAT(report->model_note(), HasSubstr("only 1 interview switched"));
}

TEST(ForcesAnalysisTest, AllSwitchedKeepsTheAnalysisAndExplainsTheModel) {
  v1::SwitchInterviews interviews = testing::SimulateInterviews(40, 2);
  for (auto& interview : *interviews.mutable_interviews()) {
    interview.set_outcome(v1::SWITCH_OUTCOME_SWITCHED);
  }
  auto report = AnalyzeForces(interviews, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->forces_size(), 4);
  EXPECT_EQ(report->comparisons_size(), 0);
  EXPECT_THAT(report->model_note(),
              HasSubstr("every one of the 40 interviews switched"));
}

TEST(ForcesAnalysisTest, SimulatedSwitchersFeelMorePush) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(1000, 8);
  auto report = AnalyzeForces(interviews, {});
  ASSERT_TRUE(report.ok()) << report.status();
  // The t interval of push's mean intensity, recomputed.
  std::vector<double> push;
  for (const auto& interview : interviews.interviews()) {
    const int value = InterviewIntensities(interview)[0];
    if (value > 0) push.push_back(value);
  }
  double mean = 0;
  for (double v : push) mean += v;
  mean /= push.size();
  double squares = 0;
  for (double v : push) squares += (v - mean) * (v - mean);
  const double se = std::sqrt(squares / (push.size() - 1) / push.size());
  const double t = 1.9637;  // t(0.975, ~650 df), to 4 digits
  EXPECT_DOUBLE_EQ(report->forces(0).mean_intensity(), mean);
  EXPECT_NEAR(report->forces(0).mean_intensity_interval().high(), mean + t * se,
              1e-4 * se + 1e-12);
  ASSERT_EQ(report->comparisons_size(), 4);
  EXPECT_GT(report->comparisons(0).switcher_mean(),
            report->comparisons(0).stayer_mean());
  EXPECT_LT(report->comparisons(0).adjusted_p_value(), 0.001);
  EXPECT_LT(report->comparisons(2).switcher_mean(),
            report->comparisons(2).stayer_mean());
  ASSERT_TRUE(report->has_model());
  EXPECT_GT(report->model().auc(), 0.7);
  EXPECT_TRUE(report->model().coefficients().has_habit());
}

TEST(ForcesAnalysisTest, OneForceInterviewsAndAForceNeverMentioned) {
  v1::SwitchInterviews interviews = testing::SimulateInterviews(400, 12);
  for (auto& interview : *interviews.mutable_interviews()) {
    // Keep each interview's first observation that is not habit.
    v1::SwitchInterview kept = interview;
    kept.clear_observations();
    for (const auto& observation : interview.observations()) {
      if (observation.force() != v1::FORCE_HABIT) {
        *kept.add_observations() = observation;
        break;
      }
    }
    interview = kept;
  }
  auto report = AnalyzeForces(interviews, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->forces(3).mention_count(), 0u);
  EXPECT_DOUBLE_EQ(report->forces(3).mean_intensity(), 0);
  ASSERT_TRUE(report->has_model()) << report->model_note();
  // A predictor that is always 0 gets weight 0 under the penalty ...
  EXPECT_DOUBLE_EQ(report->model().coefficients().habit().estimate(), 0);
  EXPECT_GT(report->model().coefficients().push().estimate(), 0);
  // ... and without one the fit has no unique optimum: a note, no model.
  ForcesAnalysisOptions unpenalised;
  unpenalised.model.l2_penalty = 0;
  auto singular = AnalyzeForces(interviews, unpenalised);
  ASSERT_TRUE(singular.ok()) << singular.status();
  EXPECT_FALSE(singular->has_model());
  EXPECT_THAT(singular->model_note(), HasSubstr("singular"));
}

TEST(ForcesAnalysisTest, RefusesASegmentColumnNoInterviewHas) {
  ForcesAnalysisOptions options;
  options.segment_by = "segmnet";
  auto report = AnalyzeForces(testing::SimulateInterviews(20, 1), options);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(),
              HasSubstr("no interview has a value in column \"segmnet\""));
}

TEST(ForcesAnalysisTest, RefusesBadOptions) {
  ForcesAnalysisOptions options;
  options.model.folds = 1;
  EXPECT_EQ(AnalyzeForces(testing::SimulateInterviews(10, 1), options)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  options = {};
  options.confidence_level = 1;
  EXPECT_FALSE(AnalyzeForces(testing::SimulateInterviews(10, 1), options).ok());
}

}  // namespace
}  // namespace forces
}  // namespace jtbd
