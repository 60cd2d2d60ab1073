// jtbd.h: bytes in, bytes out. A jtbd.v1.ScoreRequest (binary or protobuf
// JSON) in, a jtbd.v1.Report out, with no handles in between; the request
// is held to a jtbd_limits (the defaults without one).
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "capi/capi_internal.h"
#include "core/resource_limits.h"
#include "core/score_request.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "render/report_render.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;

namespace {

const jtbd::ResourceLimits& LimitsOrDefault(const jtbd_limits* limits) {
  static const auto* const kDefaults = new jtbd::ResourceLimits();
  return limits == nullptr ? *kDefaults : limits->limits;
}

// NULL is allowed only with size 0 (meaning no bytes); the size itself is
// checked against max_request_bytes by the core.
absl::StatusOr<absl::string_view> RequestArgument(const char* function,
                                                  const char* argument,
                                                  const void* data,
                                                  size_t size) {
  if (size == 0) return absl::string_view();
  if (data == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        function, ": ", argument, " is NULL but its size is ", size));
  }
  return absl::string_view(static_cast<const char*>(data), size);
}

jtbd_error* ScoreBinary(const char* function, const jtbd_limits* limits,
                        const void* request, size_t request_size,
                        jtbd_buffer** report_out) {
  return Guard([&]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        absl::string_view bytes,
        RequestArgument(function, "request", request, request_size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "report_out", report_out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::v1::Report report,
        jtbd::ScoreRequestBytes(bytes, LimitsOrDefault(limits),
                                absl::StrCat(function, ": request")));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               SerializeToBuffer(report));
    Publish(std::move(buffer), report_out);
    return absl::OkStatus();
  });
}

jtbd_error* ScoreJson(const char* function, const jtbd_limits* limits,
                      const char* request_json, size_t request_size,
                      jtbd_buffer** report_json_out) {
  return Guard([&]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        absl::string_view json,
        RequestArgument(function, "request_json", request_json, request_size));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckNotNull(function, "report_json_out", report_json_out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::v1::Report report,
        jtbd::ScoreRequestJson(json, LimitsOrDefault(limits),
                               absl::StrCat(function, ": request_json")));
    auto buffer = std::make_unique<jtbd_buffer>();
    JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes, jtbd::RenderJson(report));
    Publish(std::move(buffer), report_json_out);
    return absl::OkStatus();
  });
}

}  // namespace

extern "C" {

jtbd_error* jtbd_score_request(const void* request, size_t request_size,
                               jtbd_buffer** report_out) {
  return ScoreBinary(__func__, nullptr, request, request_size, report_out);
}

jtbd_error* jtbd_score_request_with_limits(const jtbd_limits* limits,
                                           const void* request,
                                           size_t request_size,
                                           jtbd_buffer** report_out) {
  return ScoreBinary(__func__, limits, request, request_size, report_out);
}

jtbd_error* jtbd_score_request_json(const char* request_json,
                                    size_t request_size,
                                    jtbd_buffer** report_json_out) {
  return ScoreJson(__func__, nullptr, request_json, request_size,
                   report_json_out);
}

jtbd_error* jtbd_score_request_json_with_limits(const jtbd_limits* limits,
                                                const char* request_json,
                                                size_t request_size,
                                                jtbd_buffer** report_json_out) {
  return ScoreJson(__func__, limits, request_json, request_size,
                   report_json_out);
}

}  // extern "C"
