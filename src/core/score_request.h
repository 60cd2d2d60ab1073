// A jtbd.v1.ScoreRequest from bytes an input supplies (the C ABI's
// jtbd_score_request[_json][_with_limits], the sidecar's JSON body), held
// to ResourceLimits before any of it is built or scored. One function for
// both, so that they refuse and word refusals alike.
#ifndef JTBD_CORE_SCORE_REQUEST_H_
#define JTBD_CORE_SCORE_REQUEST_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

namespace jtbd {

// The bootstrap resamples `options` ask for, the default included when
// unset, against max_bootstrap_resamples (RESOURCE_EXHAUSTED naming
// options.bootstrap_resamples).
absl::Status CheckBootstrapResamples(const v1::ScoringOptions& options,
                                     const ResourceLimits& limits);

// What a parsed request asks for, against `limits`: the study's outcomes and
// respondents (max_outcomes, max_respondents, checked before
// Study::FromProto gives each respondent a row) and the bootstrap resamples
// its options ask for, the default included (max_bootstrap_resamples).
// RESOURCE_EXHAUSTED naming the field ("study", "options.bootstrap_resamples").
absl::Status CheckScoreRequestLimits(const v1::ScoreRequest& request,
                                     const ResourceLimits& limits);

// Checks the request (CheckScoreRequestLimits), builds its study and scores
// it. Study errors name their path from the request ("study.respondents[2]
// ...").
absl::StatusOr<v1::Report> ScoreRequestMessage(const v1::ScoreRequest& request,
                                               const ResourceLimits& limits);

// A request in binary protobuf or protobuf JSON (unknown fields ignored:
// newer clients, older library), scored as above. The bytes are checked
// against max_request_bytes, JSON against max_json_depth before protobuf
// parses it (protobuf parses deeply nested arrays in quadratic time).
// `source` names the bytes in messages ("the body: ...").
absl::StatusOr<v1::Report> ScoreRequestBytes(absl::string_view bytes,
                                             const ResourceLimits& limits,
                                             absl::string_view source);
absl::StatusOr<v1::Report> ScoreRequestJson(absl::string_view json,
                                            const ResourceLimits& limits,
                                            absl::string_view source);

}  // namespace jtbd

#endif  // JTBD_CORE_SCORE_REQUEST_H_
