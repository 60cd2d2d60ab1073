// POST /v1/score with Content-Type application/x-protobuf: a binary
// jtbd.v1.ScoreRequest in, a binary jtbd.v1.Report out, for apps that
// compile the installed schemas (share/jtbd/proto) instead of speaking JSON.
#ifndef JTBD_SERVE_SCORE_PROTOBUF_H_
#define JTBD_SERVE_SCORE_PROTOBUF_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/score_endpoint.h"

namespace jtbd {
namespace serve {

inline constexpr absl::string_view kProtobufMediaType =
    "application/x-protobuf";

// The request is held to `limits` as a JSON request is (core/
// score_request.h: its size, study size and bootstrap resamples; 413 naming
// the limit) and carries its options itself, so query parameters are
// refused. 200 with the serialized report (content_type
// application/x-protobuf); errors stay JSON (ErrorReply), with the JSON
// request's statuses: 400 for bytes that are not a ScoreRequest or a study
// that does not hold together.
JsonReply ScoreProtobufRequest(absl::string_view body,
                               const QueryParams& params,
                               const ResourceLimits& limits);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_SCORE_PROTOBUF_H_
