#ifndef JTBD_SERVE_PRIORITIZE_ENDPOINT_H_
#define JTBD_SERVE_PRIORITIZE_ENDPOINT_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"
#include "serve/score_endpoint.h"  // JsonReply, ErrorReply

namespace jtbd {
namespace serve {

// POST /v1/prioritize, independent of any socket: the survey and the
// initiatives CSV in one application/json body (serve/json_inputs.h):
//   {"survey": "<survey text>", "initiatives": "<initiatives CSV>"}
// ("surveyBase64" for a saved aggregate). Query parameters as
// `jtbd prioritize`'s flags: budget (required), node_limit, time_limit
// (seconds, 0: none), resamples, seed, frontier (budgets separated by
// commas), segment_by, scale (MIN-MAX) and top_box. 200 with exactly
// `jtbd prioritize --format json`'s output (the jtbd.v1.RoadmapReport); 400
// for bad input (naming the input, line and column: "initiatives: line 3,
// column 2 ..."); 413 over `limits` (the body's size, the reader's
// limits, resamples (default included) over max_bootstrap_resamples); 415
// for another media type.
JsonReply Prioritize(absl::string_view content_type, absl::string_view body,
                     const QueryParams& params,
                     const ResourceLimits& limits = ResourceLimits());

// Whether Prioritize() reads this Content-Type (application/json).
bool IsPrioritizeMediaType(absl::string_view content_type);

// The 415 reply for any other Content-Type.
// Prioritize(), answered as `view` says: JSON, or the roadmap section of
// the HTML report as a page of its own (visual_reply.h).
JsonReply PrioritizeAs(absl::string_view content_type, absl::string_view body,
                       const QueryParams& params, const ResourceLimits& limits,
                       const ReportView& view);
JsonReply UnsupportedPrioritizeMediaType(absl::string_view content_type);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_PRIORITIZE_ENDPOINT_H_
