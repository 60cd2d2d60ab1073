#ifndef JTBD_SERVE_LINT_ENDPOINT_H_
#define JTBD_SERVE_LINT_ENDPOINT_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"
#include "serve/score_endpoint.h"  // JsonReply, ErrorReply

namespace jtbd {
namespace serve {

// POST /v1/lint, independent of any socket: a jtbd.v1.LintRequest in
// protobuf JSON (application/json; unknown fields ignored, as for
// ScoreRequest), e.g.
//   {"statements": ["Reduce the time it takes to pay"], "language":
//    "STATEMENT_LANGUAGE_ENGLISH", "solutionWords": ["Acme"]}
// 200 with exactly `jtbd lint --format json`'s output for those statements
// (a jtbd.v1.LintReport: findings are not an error); 400 for a body that is
// not such a request, no statements, or a query parameter (the request
// carries every option); 413 over `limits` (the body's size and JSON
// nesting); 415 for another media type.
JsonReply Lint(absl::string_view content_type, absl::string_view body,
               const QueryParams& params,
               const ResourceLimits& limits = ResourceLimits());

bool IsLintMediaType(absl::string_view content_type);
JsonReply UnsupportedLintMediaType(absl::string_view content_type);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_LINT_ENDPOINT_H_
