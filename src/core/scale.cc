#include "core/scale.h"

#include <limits>

#include "absl/strings/str_format.h"

namespace jtbd {

absl::StatusOr<Scale> Scale::FromParts(const Scale& defaults,
                                       absl::optional<int> min,
                                       absl::optional<int> max,
                                       absl::optional<int> top_box_min) {
  const int upper = max.value_or(defaults.max);
  // Below the lowest int, max - 1 would overflow; Make refuses such a max.
  const int top_two_box =
      upper > std::numeric_limits<int>::min() ? upper - 1 : upper;
  return Make(min.value_or(defaults.min), upper,
              top_box_min.value_or(max.has_value() ? top_two_box
                                                   : defaults.top_box_min));
}

absl::StatusOr<Scale> Scale::Make(int min, int max, int top_box_min) {
  Scale scale;
  scale.min = min;
  scale.max = max;
  scale.top_box_min = top_box_min;
  absl::Status status = scale.Validate();
  if (!status.ok()) return status;
  return scale;
}

absl::Status Scale::Validate() const {
  if (min < 1) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "scale minimum %d must be at least 1 (0 means no answer)", min));
  }
  if (max <= min) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "scale maximum %d must be greater than its minimum %d", max, min));
  }
  // Compare as differences to stay clear of overflow on hostile values.
  if (max - min >= kMaxPoints) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "scale %d-%d has %lld points; at most %d are supported", min, max,
        static_cast<long long>(max) - min + 1, kMaxPoints));
  }
  if (max > kMaxRating) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "scale maximum %d is above %d, the largest rating jtbd stores", max,
        kMaxRating));
  }
  if (top_box_min < min || top_box_min > max) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "top box from %d is outside the scale %d-%d", top_box_min, min, max));
  }
  return absl::OkStatus();
}

std::string Scale::ToString() const {
  return absl::StrFormat("%d-%d, top box %d-%d", min, max, top_box_min, max);
}

absl::StatusOr<Scale> Scale::FromProto(const v1::Scale& proto) {
  if (proto.min() == 0 && proto.max() == 0 && proto.top_box_min() == 0) {
    return Scale();
  }
  return Make(proto.min(), proto.max(), proto.top_box_min());
}

v1::Scale Scale::ToProto() const {
  v1::Scale proto;
  proto.set_min(min);
  proto.set_max(max);
  proto.set_top_box_min(top_box_min);
  return proto;
}

}  // namespace jtbd
