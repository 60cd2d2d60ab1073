// POST /v1/score in binary protobuf: the C ABI's jtbd_score_request behind
// HTTP, through the same core function (ScoreRequestBytes) and limits.
#include "serve/score_protobuf.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/score_request.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {
namespace serve {

JsonReply ScoreProtobufRequest(absl::string_view body,
                               const QueryParams& params,
                               const ResourceLimits& limits) {
  absl::Status no_params = RefuseQueryParams(params, kProtobufMediaType);
  if (!no_params.ok()) return ErrorReply(no_params);
  absl::StatusOr<v1::Report> report =
      ScoreRequestBytes(body, limits, "the body");
  if (!report.ok()) return ErrorReply(report.status());
  JsonReply reply;
  if (!report->SerializeToString(&reply.body)) {
    return ErrorReply(
        absl::InternalError("the report could not be serialized"));
  }
  reply.status = 200;
  reply.content_type = std::string(kProtobufMediaType);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
