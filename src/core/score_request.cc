#include "core/score_request.h"

#include <climits>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "core/scoring.h"
#include "core/study.h"
#include "google/protobuf/stubs/stringpiece.h"
#include "google/protobuf/util/json_util.h"

namespace jtbd {

namespace {

// max_request_bytes, then protobuf's own limit (a limit may be raised past
// it); before protobuf allocates for what the bytes announce.
absl::Status CheckRequestSize(size_t size, const ResourceLimits& limits,
                              absl::string_view source) {
  absl::Status status =
      CheckRequestBytes(size, limits.max_request_bytes, source);
  if (!status.ok()) return status;
  if (size > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": ", size, " bytes; at most ", INT_MAX, " are accepted"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckBootstrapResamples(const v1::ScoringOptions& options,
                                     const ResourceLimits& limits) {
  // Unset means the library's default, which the input then asks for too.
  const uint64_t resamples = options.has_bootstrap_resamples()
                                 ? options.bootstrap_resamples()
                                 : ScoringPlan::kDefaultBootstrapResamples;
  if (resamples > limits.max_bootstrap_resamples) {
    return LimitExceededError(
        LimitKind::kBootstrapResamples, limits.max_bootstrap_resamples,
        "options.bootstrap_resamples", absl::StrCat(resamples, " resamples"));
  }
  return absl::OkStatus();
}

absl::Status CheckScoreRequestLimits(const v1::ScoreRequest& request,
                                     const ResourceLimits& limits) {
  absl::Status size =
      CheckStudySize(request.study().outcomes_size(),
                     request.study().respondents_size(), limits, "study");
  if (!size.ok()) return size;
  return CheckBootstrapResamples(request.options(), limits);
}

absl::StatusOr<v1::Report> ScoreRequestMessage(const v1::ScoreRequest& request,
                                               const ResourceLimits& limits) {
  absl::Status checked = CheckScoreRequestLimits(request, limits);
  if (!checked.ok()) return checked;
  absl::StatusOr<Study> study = Study::FromProto(request.study());
  if (!study.ok()) {
    // Paths in the message are relative to the study; make them relative to
    // the request the caller wrote.
    return absl::Status(study.status().code(),
                        absl::StrCat("study.", study.status().message()));
  }
  return study->Score(request.options());
}

absl::StatusOr<v1::Report> ScoreRequestBytes(absl::string_view bytes,
                                             const ResourceLimits& limits,
                                             absl::string_view source) {
  absl::Status size = CheckRequestSize(bytes.size(), limits, source);
  if (!size.ok()) return size;
  v1::ScoreRequest request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": the ", bytes.size(),
                     " bytes are not a serialized jtbd.v1.ScoreRequest"));
  }
  return ScoreRequestMessage(request, limits);
}

absl::StatusOr<v1::Report> ScoreRequestJson(absl::string_view json,
                                            const ResourceLimits& limits,
                                            absl::string_view source) {
  absl::Status size = CheckRequestSize(json.size(), limits, source);
  if (!size.ok()) return size;
  absl::Status depth = CheckJsonDepth(json, limits.max_json_depth, source);
  if (!depth.ok()) return depth;
  v1::ScoreRequest request;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // newer clients, older library
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &request,
      options);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": not a jtbd.v1.ScoreRequest in protobuf JSON: ",
                     parsed.message().ToString()));
  }
  return ScoreRequestMessage(request, limits);
}

}  // namespace jtbd
