// The fitted model: checks, prediction, bytes and saved files. The fit and
// its validation are in propensity_fit.cc.
#include "forces/propensity_model.h"

#include <cmath>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "forces/force_names.h"
#include "forces/logistic_regression.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "io/atomic_file.h"
#include "io/saved_file.h"
#include "io/source_position.h"

namespace jtbd {
namespace forces {
namespace {

const v1::ModelCoefficient& Weight(const v1::ForcesModel& model,
                                   v1::Force force) {
  switch (force) {
    case v1::FORCE_PUSH:
      return model.push();
    case v1::FORCE_PULL:
      return model.pull();
    case v1::FORCE_ANXIETY:
      return model.anxiety();
    default:
      return model.habit();
  }
}

// Far beyond any fitted weight (a log-odds per intensity point); bounding
// it keeps every log-odds a sum of finite terms, never inf - inf.
constexpr double kMaxEstimate = 1e6;

absl::Status CheckCoefficient(const v1::ModelCoefficient& coefficient,
                              absl::string_view name) {
  if (!(std::fabs(coefficient.estimate()) <= kMaxEstimate)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "forces model: ", name, ": the estimate ", coefficient.estimate(),
        " is not a number within +-", kMaxEstimate));
  }
  if (!std::isfinite(coefficient.estimate()) ||
      !std::isfinite(coefficient.standard_error()) ||
      coefficient.standard_error() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("forces model: ", name,
                     ": the estimate and standard error must be finite, the "
                     "standard error >= 0"));
  }
  // Written so that NaN fails too.
  const v1::Interval& interval = coefficient.interval();
  if (!(std::isfinite(interval.low()) && std::isfinite(interval.high()) &&
        interval.low() <= interval.high())) {
    return absl::InvalidArgumentError(
        absl::StrCat("forces model: ", name,
                     ": the interval must be finite with low <= high"));
  }
  return absl::OkStatus();
}

}  // namespace

PropensityModel::PropensityModel(v1::ForcesModel proto)
    : proto_(std::move(proto)) {
  for (const v1::SegmentWeight& weight : proto_.segment_weights()) {
    segment_weights_[weight.segment()] = weight.coefficient().estimate();
  }
}

absl::StatusOr<PropensityModel> PropensityModel::FromProto(
    const v1::ForcesModel& proto) {
  if (proto.format_version() != kFormatVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("forces model: format version ", proto.format_version(),
                     " (this library reads version ", kFormatVersion, ")"));
  }
  if (!proto.has_intercept() || !proto.has_push() || !proto.has_pull() ||
      !proto.has_anxiety() || !proto.has_habit()) {
    return absl::InvalidArgumentError(
        "forces model: the intercept and the four force weights are all "
        "required");
  }
  if (absl::Status s = CheckCoefficient(proto.intercept(), "intercept");
      !s.ok()) {
    return s;
  }
  for (v1::Force force : kForces) {
    if (absl::Status s =
            CheckCoefficient(Weight(proto, force), ForceName(force));
        !s.ok()) {
      return s;
    }
  }
  if (!(proto.confidence_level() >= 0 && proto.confidence_level() < 1)) {
    return absl::InvalidArgumentError(
        "forces model: confidence_level must be in [0, 1)");
  }
  if (!(proto.l2_penalty() >= 0) || !std::isfinite(proto.l2_penalty())) {
    return absl::InvalidArgumentError(
        "forces model: l2_penalty must be a finite number >= 0");
  }
  if (proto.segment_by().empty() && proto.segment_weights_size() != 0) {
    return absl::InvalidArgumentError(
        "forces model: segment weights without a segment_by attribute");
  }
  absl::flat_hash_map<std::string, int> seen;
  for (int i = 0; i < proto.segment_weights_size(); ++i) {
    const v1::SegmentWeight& weight = proto.segment_weights(i);
    if (weight.segment() == proto.reference_segment()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "forces model: segment_weights[", i, "] names the reference segment ",
          Quoted(weight.segment())));
    }
    if (!seen.emplace(weight.segment(), i).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("forces model: segment_weights[", i, "]: segment ",
                       Quoted(weight.segment()), " is given twice"));
    }
    if (absl::Status s = CheckCoefficient(
            weight.coefficient(), absl::StrCat("segment_weights[", i, "]"));
        !s.ok()) {
      return s;
    }
  }
  return PropensityModel(proto);
}

v1::ForcePrediction PropensityModel::PredictIntensities(
    const ForceIntensities& intensities, absl::string_view segment) const {
  v1::ForcePrediction prediction;
  double log_odds = proto_.intercept().estimate();
  double contributions[kForceCount];
  for (v1::Force force : kForces) {
    const int f = ForceIndex(force);
    // + 0.0: a force not mentioned contributes 0, never -0 (a negative
    // weight times 0), which outputs would print as "-0".
    contributions[f] = Weight(proto_, force).estimate() * intensities[f] + 0.0;
    log_odds += contributions[f];
  }
  v1::ForceContributions& out = *prediction.mutable_contributions();
  out.set_push(contributions[0]);
  out.set_pull(contributions[1]);
  out.set_anxiety(contributions[2]);
  out.set_habit(contributions[3]);
  if (!proto_.segment_by().empty()) {
    const auto found = segment_weights_.find(segment);
    const double contribution =
        found == segment_weights_.end() ? 0 : found->second;
    prediction.set_segment_contribution(contribution);
    log_odds += contribution;
  }
  prediction.set_log_odds(log_odds);
  prediction.set_probability(Logistic(log_odds));
  return prediction;
}

v1::ForcePrediction PropensityModel::Predict(
    const v1::SwitchInterview& interview) const {
  const std::string segment =
      proto_.segment_by().empty()
          ? std::string()
          : AttributeValue(interview, proto_.segment_by());
  v1::ForcePrediction prediction =
      PredictIntensities(InterviewIntensities(interview), segment);
  prediction.set_interview_id(interview.id());
  return prediction;
}

std::string SerializePropensityModel(const PropensityModel& model) {
  std::string bytes;
  // Deterministic: the same model gives the same bytes (and file).
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  model.proto().SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

absl::StatusOr<PropensityModel> ParsePropensityModel(
    absl::string_view bytes, absl::string_view source_name) {
  v1::ForcesModel proto;
  if (!proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": not a serialized jtbd.v1.ForcesModel"));
  }
  absl::StatusOr<PropensityModel> model = PropensityModel::FromProto(proto);
  if (!model.ok()) {
    return absl::Status(
        model.status().code(),
        absl::StrCat(source_name, ": ", model.status().message()));
  }
  return model;
}

absl::Status SavePropensityModelFile(const PropensityModel& model,
                                     const std::string& path) {
  return WriteFileAtomically(path,
                             EncodeSavedFile(SavedFileKind::kForcesModel,
                                             SerializePropensityModel(model)));
}

absl::StatusOr<PropensityModel> ParsePropensityModelFile(
    absl::string_view bytes, absl::string_view source_name) {
  absl::StatusOr<absl::string_view> content =
      DecodeSavedFile(bytes, SavedFileKind::kForcesModel, source_name);
  if (!content.ok()) return content.status();
  return ParsePropensityModel(*content, source_name);
}

absl::StatusOr<PropensityModel> LoadPropensityModelFile(
    const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  return ParsePropensityModelFile(*bytes, path);
}

}  // namespace forces
}  // namespace jtbd
