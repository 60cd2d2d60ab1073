#ifndef JTBD_SERVE_SCORE_ENDPOINT_H_
#define JTBD_SERVE_SCORE_ENDPOINT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"

namespace jtbd {
namespace serve {

// What the sidecar answers, before HTTP: a status and a body, JSON unless
// a protobuf request succeeded (score_protobuf.h).
struct JsonReply {
  int status = 200;
  std::string body;  // JSON: newline-terminated
  std::string content_type = "application/json";
};

// POST /v1/score, independent of any socket. By media type:
//   text/csv: a survey in any layout `jtbd score` reads, scored with the
//     query parameters segment_by, scale (MIN-MAX) and top_box as the CLI
//     flags of the same names;
//   application/json: a jtbd.v1.ScoreRequest in protobuf JSON (unknown
//     fields ignored), with no query parameters: the request carries them;
//   application/x-protobuf: the same request serialized, answered with the
//     serialized jtbd.v1.Report (ScoreProtobufRequest, score_protobuf.h).
// 200 with exactly `jtbd score --format json`'s output (or the binary
// report); 400 for bad input, 415 for another media type, each with
// ErrorReply's body.
//
// Each is held to `limits` (413 naming the limit): the body's size
// (max_request_bytes); a CSV body is read with them as ReadOptions.limits;
// a JSON request is checked as jtbd_score_request_json_with_limits checks
// it (core/score_request.h: JSON depth, study size, bootstrap resamples), a
// binary one likewise (no depth: it is not JSON).
JsonReply Score(absl::string_view content_type, absl::string_view body,
                const QueryParams& params,
                const ResourceLimits& limits = ResourceLimits());

// What a scored report is answered as, from the request's Accept and
// Accept-Language headers (visual_reply.h): JSON unless the client prefers
// text/html or image/svg+xml.
struct ReportView {
  enum class Kind { kJson, kHtml, kSvg };
  Kind kind = Kind::kJson;
  std::string lang = "en";  // "en" or "fr"
};

// Score(), with a CSV or JSON request's report answered as `view` says (the
// HTML report, or the landscape SVG: the renderers of `jtbd report` and
// `jtbd landscape`). Errors stay JSON; a binary request is answered in
// binary whatever `view` says.
JsonReply ScoreAs(absl::string_view content_type, absl::string_view body,
                  const QueryParams& params, const ResourceLimits& limits,
                  const ReportView& view);

// Whether Score() reads this Content-Type (text/csv, application/json or
// application/x-protobuf, parameters such as charset ignored). The server asks
// before reading the body, so that a form post is answered 415, not parsed.
bool IsScoreMediaType(absl::string_view content_type);

// INVALID_ARGUMENT naming the first query parameter, if any: a
// ScoreRequest body of `media_type` carries its options itself.
absl::Status RefuseQueryParams(const QueryParams& params,
                               absl::string_view media_type);

// The 415 reply for any other Content-Type.
JsonReply UnsupportedMediaType(absl::string_view content_type);

// GET /healthz: {"status":"ok","version":"1.0.0"}.
JsonReply Health();

// {"error":{"code":"INVALID_ARGUMENT","message":"..."}} with `status`.
JsonReply ErrorReply(int status, absl::string_view code,
                     absl::string_view message);

// The HTTP status for a failed absl::Status: 400 for what the caller sent
// (invalid, missing, conflicting), 413 for RESOURCE_EXHAUSTED, 500 otherwise;
// the body carries the status code's name and message.
JsonReply ErrorReply(const absl::Status& status);

// `text` as a JSON string literal, quotes included; ill-formed UTF-8 becomes
// U+FFFD so the reply is always valid JSON.
std::string JsonString(absl::string_view text);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_SCORE_ENDPOINT_H_
