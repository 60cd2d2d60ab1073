#ifndef JTBD_SERVE_COMPARE_ENDPOINT_H_
#define JTBD_SERVE_COMPARE_ENDPOINT_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"
#include "serve/score_endpoint.h"  // JsonReply, ErrorReply

namespace jtbd {
namespace serve {

// POST /v1/compare, independent of any socket: two waves of a survey in one
// application/json body (one request, no multipart):
//   {"first": "<survey text>", "second": "<survey text>"}
// each wave a survey in any layout `jtbd score` reads; instead of "first"
// (or "second"), "firstBase64" ("secondBase64") carries the wave's bytes in
// base64 (RFC 4648), e.g. an aggregate saved by jtbd_aggregate_save_file.
// Any other field is refused. Query parameters as `jtbd compare`'s flags:
// segment_by, adjust (holm or bh), confidence, scale (MIN-MAX) and top_box.
// 200 with exactly `jtbd compare --format json`'s output (the
// jtbd.v1.WaveComparison); 400 for bad input (naming the wave: "first: line
// 3, ..."), waves on different scales or sharing no outcome; 413 over
// `limits` (the body's size, the reader's limits for each wave); 415 for
// another media type.
JsonReply Compare(absl::string_view content_type, absl::string_view body,
                  const QueryParams& params,
                  const ResourceLimits& limits = ResourceLimits());

// Whether Compare() reads this Content-Type (application/json, parameters
// such as charset ignored); the server asks before reading the body.
bool IsCompareMediaType(absl::string_view content_type);

// The 415 reply for any other Content-Type.
// Compare(), answered as `view` says: JSON, or the wave-changes section
// of the HTML report as a page of its own (visual_reply.h).
JsonReply CompareAs(absl::string_view content_type, absl::string_view body,
                    const QueryParams& params, const ResourceLimits& limits,
                    const ReportView& view);
JsonReply UnsupportedCompareMediaType(absl::string_view content_type);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_COMPARE_ENDPOINT_H_
