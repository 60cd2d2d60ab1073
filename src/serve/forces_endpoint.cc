// POST /v1/forces and /v1/forces/predict as plain functions, like
// compare_endpoint.cc: the body read as `jtbd forces` reads a file (CSV or
// SwitchInterviews JSON), the query parameters translated into its flags,
// the analysis and the predictions rendered as the command renders them.
#include "serve/forces_endpoint.h"

#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "forces/forces_analysis.h"
#include "forces/interview_reader.h"
#include "forces/propensity_model.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/v1/forces.pb.h"
#include "render/forces_render.h"
#include "serve/visual_reply.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kCsvMediaType = "text/csv";
constexpr absl::string_view kJsonMediaType = "application/json";
constexpr int kUnsupportedMediaType = 415;

// One query parameter of /v1/forces into the options, as the CLI's flag of
// the same name (cli/forces_command.cc) takes it.
absl::Status TakeForcesParam(const std::string& name, const std::string& value,
                             forces::ForcesAnalysisOptions* options) {
  if (name == "segment_by") {
    if (value.empty()) return BadParam(name, value, "a column name");
    options->segment_by = value;
  } else if (name == "model_segment_by") {
    if (value.empty()) return BadParam(name, value, "a column name");
    options->model.segment_by = value;
  } else if (name == "folds") {
    uint32_t folds = 0;
    if (!absl::SimpleAtoi(value, &folds) || folds < 2 || folds > 100) {
      return BadParam(name, value, "a whole number from 2 to 100");
    }
    options->model.folds = folds;
  } else if (name == "seed") {
    if (!absl::SimpleAtoi(value, &options->model.seed)) {
      return BadParam(name, value, "a whole number from 0 to 2^64 - 1");
    }
  } else if (name == "l2") {
    double lambda = 0;
    // Written so that NaN fails too.
    if (!absl::SimpleAtod(value, &lambda) || !(lambda >= 0 && lambda <= 1e12)) {
      return BadParam(name, value, "a penalty from 0 to 1e12, such as 1");
    }
    options->model.l2_penalty = lambda;
  } else if (name == "confidence") {
    double level = 0;
    if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
      return BadParam(name, value, "a level strictly between 0 and 1");
    }
    options->confidence_level = level;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown query parameter \"", name,
        "\" (/v1/forces takes segment_by, model_segment_by, folds, seed, l2 "
        "and confidence)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::ForcesReport> AnalyzeBody(absl::string_view media_type,
                                             absl::string_view body,
                                             const QueryParams& params,
                                             const ResourceLimits& limits) {
  forces::ForcesAnalysisOptions options;
  for (const auto& param : params) {
    absl::Status status = CheckGivenOnce(params, param.first);
    if (status.ok())
      status = TakeForcesParam(param.first, param.second, &options);
    if (!status.ok()) return status;
  }
  absl::StatusOr<v1::SwitchInterviews> interviews;
  if (media_type == kCsvMediaType) {
    forces::InterviewReadOptions read;
    read.limits = limits;
    interviews = forces::ReadInterviewsCsv(body, kBodySourceName, read);
  } else {
    if (absl::Status depth =
            CheckJsonDepth(body, limits.max_json_depth, kBodySourceName);
        !depth.ok()) {
      return depth;
    }
    interviews = forces::ParseInterviewsJson(body, kBodySourceName);
  }
  if (!interviews.ok()) return interviews.status();
  return forces::AnalyzeForces(*interviews, options);
}

absl::StatusOr<v1::ForcePredictions> PredictBody(absl::string_view body,
                                                 const QueryParams& params,
                                                 const ResourceLimits& limits) {
  if (!params.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown query parameter \"", params.begin()->first,
        "\" (/v1/forces/predict takes none: the body carries the model)"));
  }
  if (absl::Status depth =
          CheckJsonDepth(body, limits.max_json_depth, kBodySourceName);
      !depth.ok()) {
    return depth;
  }
  v1::ForcePredictionRequest request;
  google::protobuf::util::JsonParseOptions json;
  json.ignore_unknown_fields = false;  // a misspelt "modle" must not pass
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), &request, json);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "body: not a jtbd.v1.ForcePredictionRequest in protobuf JSON: ",
        parsed.message().ToString()));
  }
  if (!request.has_model()) {
    return absl::InvalidArgumentError(
        "body: no \"model\" (the model.fitted of a /v1/forces reply)");
  }
  absl::StatusOr<forces::PropensityModel> model =
      forces::PropensityModel::FromProto(request.model());
  if (!model.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("body: model: ", model.status().message()));
  }
  v1::SwitchInterviews interviews;
  *interviews.mutable_interviews() = std::move(*request.mutable_interviews());
  if (absl::Status valid = forces::ValidateInterviews(
          interviews, kBodySourceName, /*require_outcome=*/false);
      !valid.ok()) {
    return valid;
  }
  v1::ForcePredictions predictions;
  for (const v1::SwitchInterview& interview : interviews.interviews()) {
    *predictions.add_predictions() = model->Predict(interview);
  }
  return predictions;
}

JsonReply Reply(absl::StatusOr<std::string> json) {
  if (!json.ok()) return ErrorReply(json.status());
  JsonReply reply;
  reply.body = *std::move(json);
  return reply;
}

}  // namespace

bool IsForcesMediaType(absl::string_view content_type) {
  const std::string media_type = MediaType(content_type);
  return media_type == kCsvMediaType || media_type == kJsonMediaType;
}

bool IsForcesPredictMediaType(absl::string_view content_type) {
  return MediaType(content_type) == kJsonMediaType;
}

JsonReply UnsupportedForcesMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": /v1/forces reads text/csv (interviews, one row per "
                   "force observation) or application/json (a "
                   "jtbd.v1.SwitchInterviews)"));
}

JsonReply UnsupportedForcesPredictMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": /v1/forces/predict reads application/json ({\"model\": "
                   "{...}, \"interviews\": [...]})"));
}

JsonReply Forces(absl::string_view content_type, absl::string_view body,
                 const QueryParams& params, const ResourceLimits& limits) {
  return ForcesAs(content_type, body, params, limits, ReportView());
}

JsonReply ForcesAs(absl::string_view content_type, absl::string_view body,
                   const QueryParams& params, const ResourceLimits& limits,
                   const ReportView& view) {
  if (!IsForcesMediaType(content_type)) {
    return UnsupportedForcesMediaType(content_type);
  }
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::ForcesReport> report =
      AnalyzeBody(MediaType(content_type), body, params, limits);
  if (!report.ok()) return ErrorReply(report.status());
  if (view.kind == ReportView::Kind::kHtml) {
    visual::ReportSections sections;
    sections.forces = &*report;
    return SectionsForPeople(sections, view, JsonReply());
  }
  return Reply(RenderForcesJson(*report));
}

JsonReply ForcesPredict(absl::string_view content_type, absl::string_view body,
                        const QueryParams& params,
                        const ResourceLimits& limits) {
  if (!IsForcesPredictMediaType(content_type)) {
    return UnsupportedForcesPredictMediaType(content_type);
  }
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::ForcePredictions> predictions =
      PredictBody(body, params, limits);
  if (!predictions.ok()) return ErrorReply(predictions.status());
  return Reply(RenderForcePredictionsJson(*predictions));
}

}  // namespace serve
}  // namespace jtbd
