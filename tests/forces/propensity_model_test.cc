#include "forces/propensity_model.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "forces/classification_metrics.h"
#include "forces/logistic_regression.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/saved_file.h"
#include "simulated_interviews.h"

namespace jtbd {
namespace forces {
namespace {

using ::testing::HasSubstr;

std::vector<int> Labels(const v1::SwitchInterviews& interviews) {
  std::vector<int> labels;
  for (const auto& interview : interviews.interviews()) {
    labels.push_back(interview.outcome() == v1::SWITCH_OUTCOME_SWITCHED);
  }
  return labels;
}

TEST(PropensityModelTest, RecoversTheSignsAndReachesTheSimulationsCeiling) {
  std::vector<double> truth;
  const v1::SwitchInterviews interviews =
      testing::SimulateInterviews(2000, 7, {}, &truth);
  PropensityOptions options;
  options.l2_penalty = 1.0;
  absl::StatusOr<v1::PropensityReport> report =
      FitAndValidatePropensityModel(interviews, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_GT(report->coefficients().push().estimate(), 0);
  EXPECT_GT(report->coefficients().pull().estimate(), 0);
  EXPECT_LT(report->coefficients().anxiety().estimate(), 0);
  EXPECT_LT(report->coefficients().habit().estimate(), 0);
  // Each true weight inside its 95% interval (a loose check: 4 intervals).
  const v1::ForceCoefficients& all = report->coefficients();
  const std::vector<std::pair<const v1::ModelCoefficient*, double>> weights = {
      {&all.push(), 0.6},
      {&all.pull(), 0.5},
      {&all.anxiety(), -0.55},
      {&all.habit(), -0.45}};
  for (const auto& [coefficient, weight] : weights) {
    const v1::ModelCoefficient& c = *coefficient;
    const double name = weight;
    EXPECT_LE(c.interval().low(), weight) << name;
    EXPECT_GE(c.interval().high(), weight) << name;
  }
  const double ceiling = RocAuc(truth, Labels(interviews));
  EXPECT_NEAR(report->auc(), ceiling, 0.03);
  EXPECT_EQ(report->folds(), 5u);
  EXPECT_GT(report->brier_score(), 0);
  EXPECT_LT(report->brier_score(), 0.25);
  uint32_t binned = 0;
  for (const v1::ReliabilityBin& bin : report->reliability_bins()) {
    binned += bin.interview_count();
    EXPECT_LE(bin.lower(), bin.mean_predicted());
    EXPECT_GE(bin.upper(), bin.mean_predicted());
  }
  EXPECT_EQ(binned, 2000u);
}

TEST(PropensityModelTest, SameSeedSameValidationOtherSeedOtherFolds) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(300, 3);
  PropensityOptions options;
  auto a = FitAndValidatePropensityModel(interviews, options);
  auto b = FitAndValidatePropensityModel(interviews, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->auc(), b->auc());
  EXPECT_EQ(a->brier_score(), b->brier_score());
  options.seed = 43;
  auto c = FitAndValidatePropensityModel(interviews, options);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a->brier_score(), c->brier_score());
  // The final model does not depend on the folds.
  EXPECT_EQ(a->coefficients().push().estimate(),
            c->coefficients().push().estimate());
}

TEST(PropensityModelTest, RefusesWhenEveryInterviewSwitched) {
  v1::SwitchInterviews interviews = testing::SimulateInterviews(50, 1);
  for (auto& interview : *interviews.mutable_interviews()) {
    interview.set_outcome(v1::SWITCH_OUTCOME_SWITCHED);
  }
  auto report = FitAndValidatePropensityModel(interviews, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(report.status().message(),
              HasSubstr("every one of the 50 interviews switched"));
  auto model = FitPropensityModel(interviews, {});
  EXPECT_EQ(model.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(PropensityModelTest, RefusesToCrossValidateASingleStayer) {
  v1::SwitchInterviews interviews = testing::SimulateInterviews(30, 1);
  for (auto& interview : *interviews.mutable_interviews()) {
    interview.set_outcome(v1::SWITCH_OUTCOME_SWITCHED);
  }
  interviews.mutable_interviews(4)->set_outcome(v1::SWITCH_OUTCOME_STAYED);
  auto report = FitAndValidatePropensityModel(interviews, {});
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.status().message(), HasSubstr("only 1 interview stayed"));
}

TEST(PropensityModelTest, FewerFoldsWhenAClassIsSmall) {
  v1::SwitchInterviews interviews = testing::SimulateInterviews(40, 2);
  int stayers = 0;
  for (auto& interview : *interviews.mutable_interviews()) {
    if (interview.outcome() == v1::SWITCH_OUTCOME_STAYED && ++stayers > 3) {
      interview.set_outcome(v1::SWITCH_OUTCOME_SWITCHED);
    }
  }
  ASSERT_EQ(stayers > 3 ? 3 : stayers, 3);
  auto report = FitAndValidatePropensityModel(interviews, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->folds(), 3u);
}

TEST(PropensityModelTest, PredictionIsTheSumOfContributions) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(400, 5);
  auto model = FitPropensityModel(interviews, {});
  ASSERT_TRUE(model.ok()) << model.status();
  const v1::ForcePrediction prediction =
      model->PredictIntensities({4, 3, 0, 2}, "");
  const v1::ForcesModel& m = model->proto();
  EXPECT_DOUBLE_EQ(prediction.contributions().push(), 4 * m.push().estimate());
  EXPECT_DOUBLE_EQ(prediction.contributions().anxiety(), 0);
  const double log_odds = m.intercept().estimate() + 4 * m.push().estimate() +
                          3 * m.pull().estimate() + 2 * m.habit().estimate();
  EXPECT_NEAR(prediction.log_odds(), log_odds, 1e-12);
  EXPECT_NEAR(prediction.probability(), 1 / (1 + std::exp(-log_odds)), 1e-12);
  // Predict on an interview: the strongest observation of each force.
  v1::SwitchInterview interview;
  interview.set_id("deal-9");
  auto* o = interview.add_observations();
  o->set_force(v1::FORCE_PUSH);
  o->set_intensity(2);
  o = interview.add_observations();
  o->set_force(v1::FORCE_PUSH);
  o->set_intensity(4);
  o = interview.add_observations();
  o->set_force(v1::FORCE_PULL);
  o->set_intensity(3);
  o = interview.add_observations();
  o->set_force(v1::FORCE_HABIT);
  o->set_intensity(2);
  const v1::ForcePrediction same = model->Predict(interview);
  EXPECT_EQ(same.interview_id(), "deal-9");
  EXPECT_DOUBLE_EQ(same.probability(), prediction.probability());
}

TEST(PropensityModelTest, SegmentDummies) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(600, 11);
  PropensityOptions options;
  options.segment_by = "segment";
  auto model = FitPropensityModel(interviews, options);
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ(model->proto().reference_segment(), "mid");
  ASSERT_EQ(model->proto().segment_weights_size(), 1);
  EXPECT_EQ(model->proto().segment_weights(0).segment(), "smb");
  const double weight =
      model->proto().segment_weights(0).coefficient().estimate();
  EXPECT_DOUBLE_EQ(
      model->PredictIntensities({1, 1, 1, 1}, "smb").segment_contribution(),
      weight);
  EXPECT_DOUBLE_EQ(
      model->PredictIntensities({1, 1, 1, 1}, "mid").segment_contribution(), 0);
  EXPECT_DOUBLE_EQ(
      model->PredictIntensities({1, 1, 1, 1}, "new").segment_contribution(), 0);
}

TEST(PropensityModelTest, SavedFileAndBytesRoundTrip) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(200, 9);
  auto model = FitPropensityModel(interviews, {});
  ASSERT_TRUE(model.ok());
  const std::string bytes = SerializePropensityModel(*model);
  auto parsed = ParsePropensityModel(bytes, "bytes");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(SerializePropensityModel(*parsed), bytes);

  const std::string path = ::testing::TempDir() + "/forces_model.jtbd";
  ASSERT_TRUE(SavePropensityModelFile(*model, path).ok());
  auto loaded = LoadPropensityModelFile(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(SerializePropensityModel(*loaded), bytes);
  // A segment model's envelope is refused by kind.
  const std::string other = EncodeSavedFile(SavedFileKind::kSegmentModel, "");
  auto wrong = ParsePropensityModelFile(other, "other.jtbd");
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(wrong.status().message(),
              HasSubstr("holds a segment model, not a forces model"));
  std::remove(path.c_str());
}

TEST(PropensityModelTest, FromProtoRefusesBrokenModels) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(200, 9);
  auto model = FitPropensityModel(interviews, {});
  ASSERT_TRUE(model.ok());
  v1::ForcesModel proto = model->proto();
  proto.set_format_version(2);
  EXPECT_THAT(PropensityModel::FromProto(proto).status().message(),
              HasSubstr("format version 2"));
  proto = model->proto();
  proto.mutable_pull()->set_estimate(std::nan(""));
  EXPECT_FALSE(PropensityModel::FromProto(proto).ok());
  proto = model->proto();
  proto.clear_habit();
  EXPECT_FALSE(PropensityModel::FromProto(proto).ok());
  proto = model->proto();
  proto.add_segment_weights()->set_segment("x");
  EXPECT_THAT(PropensityModel::FromProto(proto).status().message(),
              HasSubstr("without a segment_by"));
}

TEST(LogisticRegressionTest, GradientVanishesAtTheOptimum) {
  const v1::SwitchInterviews interviews = testing::SimulateInterviews(300, 4);
  std::vector<double> x;
  std::vector<int> y;
  for (const auto& interview : interviews.interviews()) {
    std::array<int, 4> v = InterviewIntensities(interview);
    x.insert(x.end(), v.begin(), v.end());
    y.push_back(interview.outcome() == v1::SWITCH_OUTCOME_SWITCHED);
  }
  const double lambda = 2.5;
  auto fit = FitPenalizedLogistic(x, 4, y, lambda);
  ASSERT_TRUE(fit.ok()) << fit.status();
  std::vector<double> gradient(5, 0);
  for (size_t i = 0; i < y.size(); ++i) {
    double eta = fit->coefficients[0];
    for (int j = 0; j < 4; ++j) eta += fit->coefficients[j + 1] * x[i * 4 + j];
    const double r = Logistic(eta) - y[i];
    gradient[0] += r;
    for (int j = 0; j < 4; ++j) gradient[j + 1] += r * x[i * 4 + j];
  }
  for (int j = 1; j < 5; ++j) gradient[j] += lambda * fit->coefficients[j];
  for (double g : gradient) EXPECT_NEAR(g, 0, 1e-8);
  for (double se : fit->standard_errors) EXPECT_GT(se, 0);
}

TEST(LogisticRegressionTest, UnpenalisedSeparationIsRefused) {
  const std::vector<double> x = {1, 2, 3, 4};
  const std::vector<int> y = {0, 0, 1, 1};
  auto fit = FitPenalizedLogistic(x, 1, y, 0);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.status().code(), absl::StatusCode::kFailedPrecondition);
  // A penalty makes the optimum finite.
  EXPECT_TRUE(FitPenalizedLogistic(x, 1, y, 0.1).ok());
}

TEST(ClassificationMetricsTest, AucWithTiesAndBrier) {
  EXPECT_DOUBLE_EQ(RocAuc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}), 0.75);
  EXPECT_DOUBLE_EQ(RocAuc({0.5, 0.5}, {0, 1}), 0.5);
  EXPECT_DOUBLE_EQ(BrierScore({0.2, 0.9}, {0, 1}), (0.04 + 0.01) / 2);
  const auto table =
      ReliabilityTable({0.05, 0.15, 0.12, 1.0}, {0, 1, 0, 1}, 10);
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table[1].count, 2u);
  EXPECT_DOUBLE_EQ(table[1].observed_share, 0.5);
  EXPECT_DOUBLE_EQ(table[2].lower, 0.9);
}

}  // namespace
}  // namespace forces
}  // namespace jtbd
