#ifndef JTBD_SERVE_SEGMENT_ENDPOINT_H_
#define JTBD_SERVE_SEGMENT_ENDPOINT_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"
#include "serve/score_endpoint.h"  // JsonReply, ErrorReply

namespace jtbd {
namespace serve {

// POST /v1/segment, independent of any socket: a text/csv survey in any
// layout `jtbd score` reads, segmented (pipeline/segment_survey.h) with the
// query parameters k, min_k, max_k, starts, seed, feature (top-box or
// ratings), pca (true or false), threads, confidence, bootstrap, scale
// (MIN-MAX) and top_box, as `jtbd segment`'s flags of the same names.
// 200 with exactly `jtbd segment --format json`'s output (the
// jtbd.v1.SegmentationReport); 400 for bad input or a survey that cannot
// be segmented into the k asked; 413 over `limits` (the body's size, the
// reader's limits, the bootstrap resamples, the default included); 415 for
// another media type.
JsonReply Segment(absl::string_view content_type, absl::string_view body,
                  const QueryParams& params,
                  const ResourceLimits& limits = ResourceLimits());

// Whether Segment() reads this Content-Type (text/csv, parameters such as
// charset ignored); the server asks before reading the body.
bool IsSegmentMediaType(absl::string_view content_type);

// The 415 reply for any other Content-Type.
JsonReply UnsupportedSegmentMediaType(absl::string_view content_type);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_SEGMENT_ENDPOINT_H_
