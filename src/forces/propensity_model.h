#ifndef JTBD_FORCES_PROPENSITY_MODEL_H_
#define JTBD_FORCES_PROPENSITY_MODEL_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "forces/interview_forces.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// How the propensity model is fitted and validated.
struct PropensityOptions {
  // lambda of the L2 penalty on the slopes (not the intercept):
  // scikit-learn's C = 1 / lambda.
  double l2_penalty = 1.0;
  // Cross-validation folds, 2-100; fewer when a class has fewer
  // interviews (the report says how many were used).
  uint32_t folds = 5;
  // Seed of the fold assignment.
  uint64_t seed = 42;
  // Level of the coefficients' intervals.
  double confidence_level = 0.95;
  // Non-empty: one dummy per value of this attribute but the first in
  // sorted order (the reference; a blank value is a value like the others).
  std::string segment_by;
};

// INVALID_ARGUMENT naming the option that is out of range.
absl::Status CheckPropensityOptions(const PropensityOptions& options);

// A fitted propensity model: P(switch) = logistic(intercept + sum over the
// forces of weight x intensity [+ the weight of the interview's segment]),
// intensities as InterviewIntensities gives them (0 = not mentioned).
// Saved as jtbd.v1.ForcesModel.
class PropensityModel {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  // INVALID_ARGUMENT for another format version, missing coefficients,
  // values that are not finite, estimates beyond +-1e6, an interval with
  // low > high, a confidence level outside [0, 1), a negative standard
  // error or penalty, segment weights without segment_by, repeated, or
  // naming the reference.
  static absl::StatusOr<PropensityModel> FromProto(
      const v1::ForcesModel& proto);
  const v1::ForcesModel& proto() const { return proto_; }

  // The model applied to one interview (its observations and, with
  // segments, its segment_by attribute): the probability, the log-odds and
  // each force's contribution (weight x intensity). A segment the model
  // does not know contributes 0, as the reference does.
  v1::ForcePrediction Predict(const v1::SwitchInterview& interview) const;
  // The same from the four intensities (kForces order, each 0-5) and a
  // segment value: the call a CRM makes when a rep logs a conversation.
  v1::ForcePrediction PredictIntensities(const ForceIntensities& intensities,
                                         absl::string_view segment) const;

 private:
  explicit PropensityModel(v1::ForcesModel proto);
  v1::ForcesModel proto_;
  absl::flat_hash_map<std::string, double> segment_weights_;
};

// Fits the model on every interview (Newton/IRLS, logistic_regression.h).
// FAILED_PRECONDITION when every interview switched or every one stayed,
// or the fit has no finite optimum.
absl::StatusOr<PropensityModel> FitPropensityModel(
    const v1::SwitchInterviews& interviews, const PropensityOptions& options);

// Fits the model and validates it by stratified k-fold cross-validation
// (seeded; each fold refitted with the same options): AUC and Brier score
// of the pooled out-of-fold predictions, a ten-bin reliability table of
// them, the training AUC, and the coefficients with Wald intervals from the
// penalised Hessian. FAILED_PRECONDITION as FitPropensityModel, and when
// switchers or stayers number fewer than 2 (no fold could hold both).
absl::StatusOr<v1::PropensityReport> FitAndValidatePropensityModel(
    const v1::SwitchInterviews& interviews, const PropensityOptions& options);

// The model as protobuf bytes (no envelope), and back (errors start with
// `source_name`).
std::string SerializePropensityModel(const PropensityModel& model);
absl::StatusOr<PropensityModel> ParsePropensityModel(
    absl::string_view bytes, absl::string_view source_name);

// In jtbd's saved-file envelope (io/saved_file.h, kind "forces model"):
// atomically to a path, from bytes, from a path.
absl::Status SavePropensityModelFile(const PropensityModel& model,
                                     const std::string& path);
absl::StatusOr<PropensityModel> ParsePropensityModelFile(
    absl::string_view bytes, absl::string_view source_name);
absl::StatusOr<PropensityModel> LoadPropensityModelFile(
    const std::string& path);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_PROPENSITY_MODEL_H_
