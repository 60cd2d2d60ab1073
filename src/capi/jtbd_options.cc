// jtbd.h: jtbd_read_options and jtbd_score_options.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "capi/capi_internal.h"
#include "core/scale.h"
#include "jtbd/jtbd.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::TextArgument;

extern "C" {

jtbd_error* jtbd_read_options_create(jtbd_read_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_read_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_read_options_destroy(jtbd_read_options* options) { delete options; }

jtbd_error* jtbd_read_options_set_scale(jtbd_read_options* options, int32_t min,
                                        int32_t max, int32_t top_box_min) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Scale scale,
                               jtbd::Scale::Make(min, max, top_box_min));
    options->options.scale = scale;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_create(jtbd_score_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_score_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_score_options_destroy(jtbd_score_options* options) { delete options; }

jtbd_error* jtbd_score_options_set_segment_by(jtbd_score_options* options,
                                              const char* attribute,
                                              size_t attribute_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string name,
        TextArgument(fn, "attribute", attribute, attribute_len));
    options->options.set_segment_by(std::move(name));
    return absl::OkStatus();
  });
}

}  // extern "C"
