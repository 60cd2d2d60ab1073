// The warnings of reports and segmentations (docs/SCORING.md, "Warnings").
#include <cstddef>

#include "absl/status/status.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::ZeroedStruct;

namespace {

static_assert(
    static_cast<int>(JTBD_WARNING_CODE_SMALL_SAMPLE) ==
            jtbd::v1::WARNING_CODE_SMALL_SAMPLE &&
        static_cast<int>(JTBD_WARNING_CODE_BAND_UNCERTAIN) ==
            jtbd::v1::WARNING_CODE_BAND_UNCERTAIN &&
        static_cast<int>(JTBD_WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE) ==
            jtbd::v1::WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE &&
        static_cast<int>(JTBD_WARNING_CODE_SCREENING_FLAGGED_MANY) ==
            jtbd::v1::WARNING_CODE_SCREENING_FLAGGED_MANY,
    "jtbd_warning_code mirrors jtbd.v1.WarningCode");

jtbd_warning ToC(const jtbd::v1::Warning& warning) {
  auto full = ZeroedStruct<jtbd_warning>();
  full.code = static_cast<int32_t>(warning.code());
  full.message = warning.message().c_str();
  full.message_len = warning.message().size();
  full.outcome_id = warning.outcome_id().c_str();
  full.outcome_id_len = warning.outcome_id().size();
  full.segment = warning.segment().c_str();
  full.segment_len = warning.segment().size();
  if (warning.has_value()) {
    full.has |= JTBD_WARNING_HAS_VALUE;
    full.value = warning.value();
  }
  return full;
}

// Copies warning `index` of `warnings` into `out`.
template <typename Owner>
jtbd_error* WarningAt(
    const char* fn, const char* owner_name, const Owner* owner,
    const google::protobuf::RepeatedPtrField<jtbd::v1::Warning>* warnings,
    size_t index, jtbd_warning* out) {
  return Guard([&]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, owner_name, owner));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::Warning* warning,
                               ElementAt(fn, "index", *warnings, index));
    CopyOut(ToC(*warning), out);
    return absl::OkStatus();
  });
}

}  // namespace

extern "C" {

size_t jtbd_report_warning_count(const jtbd_report* report) {
  if (report == nullptr) return 0;
  return static_cast<size_t>(report->report.warnings_size());
}

jtbd_error* jtbd_report_warning(const jtbd_report* report, size_t index,
                                jtbd_warning* out) {
  return WarningAt(__func__, "report", report,
                   report == nullptr ? nullptr : &report->report.warnings(),
                   index, out);
}

size_t jtbd_segmentation_warning_count(const jtbd_segmentation* segmentation) {
  if (segmentation == nullptr) return 0;
  return static_cast<size_t>(segmentation->segmentation.report.warnings_size());
}

jtbd_error* jtbd_segmentation_warning(const jtbd_segmentation* segmentation,
                                      size_t index, jtbd_warning* out) {
  return WarningAt(__func__, "segmentation", segmentation,
                   segmentation == nullptr
                       ? nullptr
                       : &segmentation->segmentation.report.warnings(),
                   index, out);
}

}  // extern "C"
