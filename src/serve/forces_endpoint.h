#ifndef JTBD_SERVE_FORCES_ENDPOINT_H_
#define JTBD_SERVE_FORCES_ENDPOINT_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"
#include "serve/score_endpoint.h"  // JsonReply, ErrorReply

namespace jtbd {
namespace serve {

// POST /v1/forces, independent of any socket: switch interviews as the
// body, by media type
//   text/csv: the CSV `jtbd forces` reads (docs/FORCES.md; errors "body:
//     line L, column C ..."), held to `limits` as its ReadOptions;
//   application/json: a jtbd.v1.SwitchInterviews in protobuf JSON (errors
//     naming interviews[i]).
// Query parameters as `jtbd forces`' flags: segment_by, model_segment_by,
// folds, seed, l2, confidence. 200 with exactly `jtbd forces --format
// json`'s output (the jtbd.v1.ForcesReport; its model.fitted is what
// /v1/forces/predict takes); 400 for bad input, 413 over `limits`, 415 for
// another media type.
JsonReply Forces(absl::string_view content_type, absl::string_view body,
                 const QueryParams& params,
                 const ResourceLimits& limits = ResourceLimits());

// POST /v1/forces/predict: deals scored with a fitted model, statelessly.
// The application/json body is a jtbd.v1.ForcePredictionRequest:
//   {"model": <model.fitted of a /v1/forces reply, or a model saved by
//    `jtbd forces --save-model` converted to JSON>,
//    "interviews": [{"id": "deal-42", "observations": [{"force":
//    "FORCE_PUSH", "intensity": 4}, ...], "attributes": {"segment":
//    "smb"}}, ...]}
// The model travels in the request rather than living on the server: a
// CRM keeps the JSON it got once (a few hundred bytes) and the sidecar
// needs no model store, no upload step and no state to lose; the JSON
// mapping rather than saved-file bytes, so that it is readable and checked
// field by field (PropensityModel::FromProto). The interviews are open
// (outcome unspecified allowed). No query parameters. 200 with exactly
// `jtbd forces --apply MODEL --format json`'s output (jtbd.v1.
// ForcePredictions); 400 for a bad model or interview, 413, 415.
// Forces(), answered as `view` says: JSON, or the forces section of the
// HTML report as a page of its own (visual_reply.h). Errors stay JSON.
JsonReply ForcesAs(absl::string_view content_type, absl::string_view body,
                   const QueryParams& params, const ResourceLimits& limits,
                   const ReportView& view);
JsonReply ForcesPredict(absl::string_view content_type, absl::string_view body,
                        const QueryParams& params,
                        const ResourceLimits& limits = ResourceLimits());

// Whether Forces() reads this Content-Type (text/csv or application/json);
// ForcesPredict() reads application/json only.
bool IsForcesMediaType(absl::string_view content_type);
bool IsForcesPredictMediaType(absl::string_view content_type);

// The 415 replies for any other Content-Type.
JsonReply UnsupportedForcesMediaType(absl::string_view content_type);
JsonReply UnsupportedForcesPredictMediaType(absl::string_view content_type);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_FORCES_ENDPOINT_H_
