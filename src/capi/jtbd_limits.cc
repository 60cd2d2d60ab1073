// jtbd.h: jtbd_limits, the ResourceLimits that read options and requests
// are held to.
#include <cstdint>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "core/resource_limits.h"
#include "jtbd/jtbd.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;

namespace {

// The function's name in front of a message from the core.
absl::Status InFunction(const char* function, const absl::Status& status) {
  return absl::Status(status.code(),
                      absl::StrCat(function, ": ", status.message()));
}

}  // namespace

extern "C" {

jtbd_error* jtbd_limits_create(jtbd_limits** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_limits>(), out);
    return absl::OkStatus();
  });
}

void jtbd_limits_destroy(jtbd_limits* limits) { delete limits; }

jtbd_error* jtbd_limits_set(jtbd_limits* limits, int32_t limit,
                            uint64_t value) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "limits", limits));
    absl::Status status = jtbd::SetLimit(&limits->limits, limit, value);
    return status.ok() ? status : InFunction(fn, status);
  });
}

jtbd_error* jtbd_limits_get(const jtbd_limits* limits, int32_t limit,
                            uint64_t* value_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "limits", limits));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "value_out", value_out));
    absl::StatusOr<uint64_t> value = jtbd::GetLimit(limits->limits, limit);
    if (!value.ok()) return InFunction(fn, value.status());
    *value_out = *value;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_limits(jtbd_read_options* options,
                                         const jtbd_limits* limits) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    options->options.limits =
        limits == nullptr ? jtbd::ResourceLimits() : limits->limits;
    return absl::OkStatus();
  });
}

}  // extern "C"
