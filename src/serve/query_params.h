// What the sidecar's text/csv endpoints (/v1/score, /v1/segment) share about
// their query parameters: each given once, errors naming the parameter,
// and the scale of the survey (scale=MIN-MAX, top_box=N) read as the CLI's
// --scale and --top-box.
#ifndef JTBD_SERVE_QUERY_PARAMS_H_
#define JTBD_SERVE_QUERY_PARAMS_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "core/scale.h"

namespace jtbd {
namespace serve {

// How a CSV body is named in reader errors ("body: line 3, column 2 ...").
inline constexpr absl::string_view kBodySourceName = "body";

// Query parameters by name (the shape of httplib::Params).
using QueryParams = std::multimap<std::string, std::string>;

// "text/csv; charset=utf-8" -> "text/csv".
std::string MediaType(absl::string_view content_type);

// INVALID_ARGUMENT: query parameter <name>="<value>": expected <expected>.
absl::Status BadParam(absl::string_view name, absl::string_view value,
                      absl::string_view expected);

// INVALID_ARGUMENT when `name` is given more than once; endpoints check
// each parameter as they come to it, in name order.
absl::Status CheckGivenOnce(const QueryParams& params, const std::string& name);

// scale and top_box, when given.
struct ScaleParams {
  absl::optional<int> min;
  absl::optional<int> max;
  absl::optional<int> top_box_min;
};

// Takes name=value into `scale` when name is scale or top_box (false for
// any other name); *status is the refusal of a malformed value.
bool TakeScaleParam(const std::string& name, const std::string& value,
                    ScaleParams* scale, absl::Status* status);

// As `jtbd score`: 1-5 unless given; the top box from MAX - 1 (Ulwick's top
// two box) when only the scale is given. INVALID_ARGUMENT naming both
// parameters for an invalid scale.
absl::StatusOr<Scale> ScaleFromParams(const ScaleParams& params);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_QUERY_PARAMS_H_
