// Fuzzes the sidecar's POST /v1/score and /v1/segment handling without
// sockets (serve::Score, serve::Segment): the first byte picks the
// endpoint (bit 6), the Content-Type (bits 0-1, or application/x-protobuf
// with bit 7 on /v1/score) and the query parameters, the rest is the body.
// A binary request that scores must score the same as JSON, with the same
// status.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "fuzz_check.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/stubs/stringpiece.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "render/report_render.h"
#include "serve/score_endpoint.h"
#include "serve/score_protobuf.h"
#include "serve/segment_endpoint.h"

namespace {

// A binary reply: the report, which JSON scores identically.
void CheckProtobufReply(const jtbd::v1::ScoreRequest& request,
                        const jtbd::serve::QueryParams& params,
                        const jtbd::serve::JsonReply& reply) {
  const std::string what = absl::StrCat(reply.status, " ", reply.body);
  jtbd::v1::Report report;
  JTBD_FUZZ_CHECK(report.ParseFromString(reply.body), what);
  std::string json_request;
  JTBD_FUZZ_CHECK(
      google::protobuf::util::MessageToJsonString(request, &json_request).ok(),
      request.ShortDebugString());
  const jtbd::serve::JsonReply as_json =
      jtbd::serve::Score("application/json", json_request, params);
  JTBD_FUZZ_CHECK(as_json.status == 200, as_json.body + json_request);
  const absl::StatusOr<std::string> rendered = jtbd::RenderJson(report);
  JTBD_FUZZ_CHECK(rendered.ok() && *rendered == as_json.body,
                  as_json.body + json_request);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kTypes[] = {"text/csv", "application/json",
                                       "Text/CSV; charset=UTF-8",
                                       "application/x-www-form-urlencoded"};
  const uint8_t control = data[0];
  const bool segment = (control & 64) != 0;
  const bool protobuf = !segment && (control & 128) != 0;
  const absl::string_view content_type =
      protobuf ? jtbd::serve::kProtobufMediaType : kTypes[control & 3];
  jtbd::serve::QueryParams params;
  if (segment) {
    // One cheap fit per input: one start, one thread, no bootstrap.
    params.emplace("starts", "1");
    params.emplace("threads", "1");
    params.emplace("bootstrap", "0");
    if (control & 4) params.emplace("k", "2");
    if (control & 32) params.emplace("pca", "true");
    if (control & 128) params.emplace("feature", "ratings");
  } else {
    if (control & 4) params.emplace("segment_by", "segment");
    if (control & 32) params.emplace("scale", "0-x");
  }
  if (control & 8) params.emplace("scale", "1-7");
  if (control & 16) params.emplace("top_box", "6");
  const absl::string_view body(reinterpret_cast<const char*>(data) + 1,
                               size - 1);

  // As in fuzz_capi_score_request: huge bootstraps are left to the
  // resource limits.
  jtbd::v1::ScoreRequest request;
  bool is_request = false;
  if (protobuf) {
    is_request =
        request.ParseFromArray(body.data(), static_cast<int>(body.size()));
  } else if (!segment && (control & 1)) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    is_request = google::protobuf::util::JsonStringToMessage(
                     google::protobuf::StringPiece(body.data(), body.size()),
                     &request, options)
                     .ok();
  }
  if (is_request && request.options().bootstrap_resamples() > 2000) {
    return -1;
  }

  const bool readable = segment ? jtbd::serve::IsSegmentMediaType(content_type)
                                : jtbd::serve::IsScoreMediaType(content_type);
  const jtbd::serve::JsonReply reply =
      segment ? jtbd::serve::Segment(content_type, body, params)
              : jtbd::serve::Score(content_type, body, params);
  const std::string what = absl::StrCat(reply.status, " ", reply.body);
  JTBD_FUZZ_CHECK(readable || reply.status == 415, what);
  JTBD_FUZZ_CHECK(reply.status == 200 || reply.status == 400 ||
                      reply.status == 413 || reply.status == 415,
                  what);
  if (protobuf && reply.status == 200) {
    JTBD_FUZZ_CHECK(reply.content_type == jtbd::serve::kProtobufMediaType,
                    what);
    CheckProtobufReply(request, params, reply);
    return 0;
  }
  JTBD_FUZZ_CHECK(reply.content_type == "application/json", what);
  JTBD_FUZZ_CHECK(absl::EndsWith(reply.body, "\n"), what);
  // Every other reply is JSON, errors included.
  google::protobuf::Value json;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(reply.body), &json);
  JTBD_FUZZ_CHECK(parsed.ok(), parsed.ToString() + "\n" + what);
  if (reply.status != 200) {
    JTBD_FUZZ_CHECK(absl::StrContains(reply.body, "\"error\""), what);
  }
  return 0;
}
