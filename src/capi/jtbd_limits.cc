// jtbd.h: jtbd_read_options_set_limit and _get_limit, the ResourceLimits of
// a read.
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "core/resource_limits.h"
#include "jtbd/jtbd.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;

namespace {

// The function's name in front of a message from the core.
absl::Status InFunction(const char* function, const absl::Status& status) {
  return absl::Status(status.code(),
                      absl::StrCat(function, ": ", status.message()));
}

}  // namespace

extern "C" {

jtbd_error* jtbd_read_options_set_limit(jtbd_read_options* options,
                                        int32_t limit, uint64_t value) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    absl::Status status =
        jtbd::SetLimit(&options->options.limits, limit, value);
    return status.ok() ? status : InFunction(fn, status);
  });
}

jtbd_error* jtbd_read_options_get_limit(const jtbd_read_options* options,
                                        int32_t limit, uint64_t* value_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "value_out", value_out));
    absl::StatusOr<uint64_t> value =
        jtbd::GetLimit(options->options.limits, limit);
    if (!value.ok()) return InFunction(fn, value.status());
    *value_out = *value;
    return absl::OkStatus();
  });
}

}  // extern "C"
