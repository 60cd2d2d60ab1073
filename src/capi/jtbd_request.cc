// jtbd.h: bytes in, bytes out. A jtbd.v1.ScoreRequest (binary or protobuf
// JSON) in, a jtbd.v1.Report out, with no handles in between.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "core/resource_limits.h"
#include "core/study.h"
#include "google/protobuf/stubs/stringpiece.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "render/report_render.h"

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;

namespace {

absl::StatusOr<jtbd::v1::Report> Score(const jtbd::v1::ScoreRequest& request) {
  const absl::Status size = jtbd::CheckStudySize(
      request.study().outcomes_size(), request.study().respondents_size(),
      jtbd::ResourceLimits(), "study");
  if (!size.ok()) return size;
  absl::StatusOr<jtbd::Study> study = jtbd::Study::FromProto(request.study());
  if (!study.ok()) {
    // Paths in the message are relative to the study; make them relative to
    // the request the caller wrote.
    return absl::Status(study.status().code(),
                        absl::StrCat("study.", study.status().message()));
  }
  return study->Score(request.options());
}

}  // namespace

extern "C" {

jtbd_error* jtbd_score_request(const void* request, size_t request_size,
                               jtbd_buffer** report_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckBytesArgument(fn, "request", request, request_size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report_out", report_out));
    jtbd::v1::ScoreRequest parsed;
    if (!parsed.ParseFromArray(request, static_cast<int>(request_size))) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": the ", request_size,
                       " bytes are not a serialized jtbd.v1.ScoreRequest"));
    }
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::v1::Report report, Score(parsed));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               SerializeToBuffer(report));
    Publish(std::move(buffer), report_out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_request_json(const char* request_json,
                                    size_t request_size,
                                    jtbd_buffer** report_json_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckBytesArgument(fn, "request_json", request_json, request_size));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckNotNull(fn, "report_json_out", report_json_out));
    // protobuf parses deeply nested arrays in quadratic time.
    JTBD_CAPI_RETURN_IF_ERROR(jtbd::CheckJsonDepth(
        absl::string_view(request_size == 0 ? "" : request_json, request_size),
        jtbd::ResourceLimits::kDefaultMaxJsonDepth,
        absl::StrCat(fn, ": request_json")));
    jtbd::v1::ScoreRequest parsed;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;  // newer clients, older library
    const auto parse_status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(request_size == 0 ? "" : request_json,
                                      request_size),
        &parsed, options);
    if (!parse_status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": not a jtbd.v1.ScoreRequest in protobuf JSON: ",
                       parse_status.message().ToString()));
    }
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::v1::Report report, Score(parsed));
    auto buffer = std::make_unique<jtbd_buffer>();
    JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes, jtbd::RenderJson(report));
    Publish(std::move(buffer), report_json_out);
    return absl::OkStatus();
  });
}

}  // extern "C"
