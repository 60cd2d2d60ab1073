// Fitting the propensity model, and its cross-validation.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "forces/classification_metrics.h"
#include "forces/force_names.h"
#include "forces/logistic_regression.h"
#include "forces/propensity_model.h"
#include "stats/normal.h"

namespace jtbd {
namespace forces {
namespace {

constexpr size_t kReliabilityBins = 10;

// The predictors of every interview, row-major: the four intensities, then
// one dummy per non-reference segment.
struct Design {
  std::vector<double> x;
  std::vector<int> y;
  size_t predictors = 4;
  std::vector<std::string> segments;  // sorted; [0] is the reference
};

Design MakeDesign(const v1::SwitchInterviews& interviews,
                  const std::string& segment_by) {
  Design design;
  std::vector<std::string> values;
  if (!segment_by.empty()) {
    absl::btree_set<std::string> distinct;
    for (const v1::SwitchInterview& interview : interviews.interviews()) {
      values.push_back(AttributeValue(interview, segment_by));
      distinct.insert(values.back());
    }
    design.segments.assign(distinct.begin(), distinct.end());
    design.predictors += design.segments.size() - 1;
  }
  const size_t n = static_cast<size_t>(interviews.interviews_size());
  design.x.reserve(n * design.predictors);
  for (size_t i = 0; i < n; ++i) {
    const v1::SwitchInterview& interview =
        interviews.interviews(static_cast<int>(i));
    const ForceIntensities intensities = InterviewIntensities(interview);
    for (int value : intensities) design.x.push_back(value);
    for (size_t s = 1; s < design.segments.size(); ++s) {
      design.x.push_back(values[i] == design.segments[s] ? 1 : 0);
    }
    design.y.push_back(interview.outcome() == v1::SWITCH_OUTCOME_SWITCHED);
  }
  return design;
}

v1::ModelCoefficient Coefficient(const LogisticFit& fit, size_t j, double z) {
  v1::ModelCoefficient coefficient;
  coefficient.set_estimate(fit.coefficients[j]);
  coefficient.set_standard_error(fit.standard_errors[j]);
  coefficient.mutable_interval()->set_low(fit.coefficients[j] -
                                          z * fit.standard_errors[j]);
  coefficient.mutable_interval()->set_high(fit.coefficients[j] +
                                           z * fit.standard_errors[j]);
  return coefficient;
}

v1::ForcesModel ModelProto(const LogisticFit& fit, const Design& design,
                           const PropensityOptions& options, size_t n) {
  const double z = stats::CriticalValue(options.confidence_level);
  v1::ForcesModel model;
  model.set_format_version(PropensityModel::kFormatVersion);
  *model.mutable_intercept() = Coefficient(fit, 0, z);
  *model.mutable_push() = Coefficient(fit, 1, z);
  *model.mutable_pull() = Coefficient(fit, 2, z);
  *model.mutable_anxiety() = Coefficient(fit, 3, z);
  *model.mutable_habit() = Coefficient(fit, 4, z);
  if (!options.segment_by.empty()) {
    model.set_segment_by(options.segment_by);
    model.set_reference_segment(design.segments[0]);
    for (size_t s = 1; s < design.segments.size(); ++s) {
      v1::SegmentWeight* weight = model.add_segment_weights();
      weight->set_segment(design.segments[s]);
      *weight->mutable_coefficient() = Coefficient(fit, 4 + s, z);
    }
  }
  model.set_l2_penalty(options.l2_penalty);
  model.set_interview_count(static_cast<uint32_t>(n));
  model.set_confidence_level(options.confidence_level);
  return model;
}

// Fold of each row: each class shuffled apart (Fisher-Yates on the raw
// mt19937_64 stream, which the standard fixes bit for bit, unlike its
// distributions) and dealt round-robin, so every fold holds both classes.
std::vector<uint32_t> StratifiedFolds(absl::Span<const int> y, uint32_t folds,
                                      uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<uint32_t> fold(y.size());
  for (int label = 0; label <= 1; ++label) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < y.size(); ++i) {
      if (y[i] == label) rows.push_back(i);
    }
    for (size_t i = rows.size(); i > 1; --i) {
      std::swap(rows[i - 1], rows[random() % i]);
    }
    for (size_t k = 0; k < rows.size(); ++k) {
      fold[rows[k]] = static_cast<uint32_t>(k % folds);
    }
  }
  return fold;
}

double Predict(const LogisticFit& fit, const Design& design, size_t row) {
  double eta = fit.coefficients[0];
  for (size_t j = 0; j < design.predictors; ++j) {
    eta += fit.coefficients[j + 1] * design.x[row * design.predictors + j];
  }
  return Logistic(eta);
}

}  // namespace

absl::Status CheckPropensityOptions(const PropensityOptions& options) {
  if (!(options.l2_penalty >= 0) || !std::isfinite(options.l2_penalty)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the L2 penalty ", options.l2_penalty, " is not a finite number >= 0"));
  }
  if (options.folds < 2 || options.folds > 100) {
    return absl::InvalidArgumentError(
        absl::StrCat("folds ", options.folds, " is not between 2 and 100"));
  }
  if (!(options.confidence_level > 0 && options.confidence_level < 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the confidence level ", options.confidence_level,
                     " is not strictly between 0 and 1"));
  }
  return absl::OkStatus();
}

absl::StatusOr<PropensityModel> FitPropensityModel(
    const v1::SwitchInterviews& interviews, const PropensityOptions& options) {
  if (absl::Status s = CheckPropensityOptions(options); !s.ok()) return s;
  const Design design = MakeDesign(interviews, options.segment_by);
  absl::StatusOr<LogisticFit> fit = FitPenalizedLogistic(
      design.x, design.predictors, design.y, options.l2_penalty);
  if (!fit.ok()) return fit.status();
  return PropensityModel::FromProto(
      ModelProto(*fit, design, options, design.y.size()));
}

absl::StatusOr<v1::PropensityReport> FitAndValidatePropensityModel(
    const v1::SwitchInterviews& interviews, const PropensityOptions& options) {
  if (absl::Status s = CheckPropensityOptions(options); !s.ok()) return s;
  const Design design = MakeDesign(interviews, options.segment_by);
  const size_t n = design.y.size();
  absl::StatusOr<LogisticFit> fit = FitPenalizedLogistic(
      design.x, design.predictors, design.y, options.l2_penalty);
  if (!fit.ok()) return fit.status();
  size_t switched = 0;
  for (int label : design.y) switched += label;
  const size_t smaller = std::min(switched, n - switched);
  if (smaller < 2) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot cross-validate a propensity model: only ", smaller,
                     " interview", smaller == 1 ? "" : "s", " ",
                     switched < n - switched ? "switched" : "stayed",
                     " (at least 2 of each outcome are needed)"));
  }
  const uint32_t folds =
      static_cast<uint32_t>(std::min<size_t>(options.folds, smaller));
  const std::vector<uint32_t> fold_of =
      StratifiedFolds(design.y, folds, options.seed);
  std::vector<double> out_of_fold(n, 0);
  for (uint32_t f = 0; f < folds; ++f) {
    Design train;
    train.predictors = design.predictors;
    for (size_t i = 0; i < n; ++i) {
      if (fold_of[i] == f) continue;
      train.x.insert(
          train.x.end(),
          design.x.begin() + static_cast<ptrdiff_t>(i * design.predictors),
          design.x.begin() +
              static_cast<ptrdiff_t>((i + 1) * design.predictors));
      train.y.push_back(design.y[i]);
    }
    absl::StatusOr<LogisticFit> fold_fit = FitPenalizedLogistic(
        train.x, train.predictors, train.y, options.l2_penalty);
    if (!fold_fit.ok()) {
      return absl::Status(fold_fit.status().code(),
                          absl::StrCat("cross-validation fold ", f + 1, ": ",
                                       fold_fit.status().message()));
    }
    for (size_t i = 0; i < n; ++i) {
      if (fold_of[i] == f) out_of_fold[i] = Predict(*fold_fit, design, i);
    }
  }
  std::vector<double> fitted(n);
  for (size_t i = 0; i < n; ++i) fitted[i] = Predict(*fit, design, i);

  v1::PropensityReport report;
  report.set_auc(RocAuc(out_of_fold, design.y));
  report.set_training_auc(RocAuc(fitted, design.y));
  report.set_folds(folds);
  report.set_seed(options.seed);
  report.set_brier_score(BrierScore(out_of_fold, design.y));
  for (const ReliabilityRow& row :
       ReliabilityTable(out_of_fold, design.y, kReliabilityBins)) {
    v1::ReliabilityBin* bin = report.add_reliability_bins();
    bin->set_lower(row.lower);
    bin->set_upper(row.upper);
    bin->set_interview_count(static_cast<uint32_t>(row.count));
    bin->set_mean_predicted(row.mean_predicted);
    bin->set_observed_share(row.observed_share);
  }
  *report.mutable_fitted() = ModelProto(*fit, design, options, n);
  const v1::ForcesModel& model = report.fitted();
  v1::ForceCoefficients& coefficients = *report.mutable_coefficients();
  *coefficients.mutable_push() = model.push();
  *coefficients.mutable_pull() = model.pull();
  *coefficients.mutable_anxiety() = model.anxiety();
  *coefficients.mutable_habit() = model.habit();
  *report.mutable_intercept() = model.intercept();
  report.set_iterations(static_cast<uint32_t>(fit->iterations));
  return report;
}

}  // namespace forces
}  // namespace jtbd
