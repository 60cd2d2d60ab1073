// Fuzzes the sidecar's POST /v1/score and /v1/segment handling without
// sockets (serve::Score, serve::Segment): the first byte picks the
// endpoint (bit 6), the Content-Type and the query parameters, the rest is
// the body.
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
#include "jtbd/v1/scoring.pb.h"
#include "serve/score_endpoint.h"
#include "serve/segment_endpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kTypes[] = {"text/csv", "application/json",
                                       "Text/CSV; charset=UTF-8",
                                       "application/x-www-form-urlencoded"};
  const uint8_t control = data[0];
  const absl::string_view content_type = kTypes[control & 3];
  const bool segment = (control & 64) != 0;
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
  if (!segment && (control & 1)) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    jtbd::v1::ScoreRequest request;
    if (google::protobuf::util::JsonStringToMessage(
            google::protobuf::StringPiece(body.data(), body.size()), &request,
            options)
            .ok() &&
        request.options().bootstrap_resamples() > 2000) {
      return -1;
    }
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
  JTBD_FUZZ_CHECK(absl::EndsWith(reply.body, "\n"), what);
  // Every reply is JSON, errors included.
  google::protobuf::Value json;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(reply.body), &json);
  JTBD_FUZZ_CHECK(parsed.ok(), parsed.ToString() + "\n" + what);
  if (reply.status != 200) {
    JTBD_FUZZ_CHECK(absl::StrContains(reply.body, "\"error\""), what);
  }
  return 0;
}
