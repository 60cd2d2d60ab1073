// POST /v1/lint as a plain function, like compare_endpoint.cc: the
// LintRequest read from JSON, linted by statements/linter.h as `jtbd lint`
// does, rendered as `jtbd lint --format json` renders it.
#include "serve/lint_endpoint.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "jtbd/v1/statements.pb.h"
#include "statements/lint_proto.h"
#include "statements/lint_render.h"
#include "statements/linter.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kJsonMediaType = "application/json";
constexpr int kUnsupportedMediaType = 415;

absl::StatusOr<v1::LintRequest> ParseLintRequest(absl::string_view body,
                                                 const ResourceLimits& limits) {
  absl::Status depth = CheckJsonDepth(body, limits.max_json_depth, "the body");
  if (!depth.ok()) return depth;
  v1::LintRequest request;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // newer clients, older library
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), &request,
      options);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("body: not a jtbd.v1.LintRequest in protobuf JSON: ",
                     parsed.message().ToString()));
  }
  if (request.statements().empty()) {
    return absl::InvalidArgumentError("body: \"statements\" is empty");
  }
  return request;
}

}  // namespace

bool IsLintMediaType(absl::string_view content_type) {
  return MediaType(content_type) == kJsonMediaType;
}

JsonReply UnsupportedLintMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": /v1/lint reads application/json (a "
                   "jtbd.v1.LintRequest: {\"statements\": [\"...\"]})"));
}

JsonReply Lint(absl::string_view content_type, absl::string_view body,
               const QueryParams& params, const ResourceLimits& limits) {
  if (!IsLintMediaType(content_type)) {
    return UnsupportedLintMediaType(content_type);
  }
  if (!params.empty()) {
    return ErrorReply(absl::InvalidArgumentError(absl::StrCat(
        "unknown query parameter \"", params.begin()->first,
        "\" (/v1/lint takes none: the LintRequest carries its options)")));
  }
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::LintRequest> request = ParseLintRequest(body, limits);
  if (!request.ok()) return ErrorReply(request.status());
  const statements::Linter linter(statements::OptionsFromProto(*request));
  const std::vector<std::string> texts(request->statements().begin(),
                                       request->statements().end());
  absl::StatusOr<std::vector<statements::LintedStatement>> linted =
      linter.LintAll(texts);
  if (!linted.ok()) return ErrorReply(linted.status());
  absl::StatusOr<std::string> json = statements::RenderLintJson(*linted);
  if (!json.ok()) return ErrorReply(json.status());
  JsonReply reply;
  reply.body = *std::move(json);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
