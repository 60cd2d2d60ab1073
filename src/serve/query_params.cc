#include "serve/query_params.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace jtbd {
namespace serve {

std::string MediaType(absl::string_view content_type) {
  const absl::string_view type = content_type.substr(0, content_type.find(';'));
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(type));
}

absl::Status BadParam(absl::string_view name, absl::string_view value,
                      absl::string_view expected) {
  return absl::InvalidArgumentError(absl::StrCat(
      "query parameter ", name, "=\"", value, "\": expected ", expected));
}

absl::Status CheckGivenOnce(const QueryParams& params,
                            const std::string& name) {
  if (params.count(name) > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("query parameter ", name, " is given more than once"));
  }
  return absl::OkStatus();
}

bool TakeScaleParam(const std::string& name, const std::string& value,
                    ScaleParams* scale, absl::Status* status) {
  if (name == "scale") {
    const std::vector<absl::string_view> bounds = absl::StrSplit(value, '-');
    int min = 0;
    int max = 0;
    if (bounds.size() != 2 || !absl::SimpleAtoi(bounds[0], &min) ||
        !absl::SimpleAtoi(bounds[1], &max)) {
      *status = BadParam(name, value, "MIN-MAX, such as 1-5");
      return true;
    }
    scale->min = min;
    scale->max = max;
    return true;
  }
  if (name == "top_box") {
    int top_box = 0;
    if (!absl::SimpleAtoi(value, &top_box)) {
      *status = BadParam(name, value, "a rating");
      return true;
    }
    scale->top_box_min = top_box;
    return true;
  }
  return false;
}

absl::StatusOr<Scale> ScaleFromParams(const ScaleParams& params) {
  absl::StatusOr<Scale> scale =
      Scale::FromParts(Scale(), params.min, params.max, params.top_box_min);
  if (!scale.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "query parameters scale/top_box: ", scale.status().message()));
  }
  return scale;
}

}  // namespace serve
}  // namespace jtbd
