// jtbd.h: jtbd_report, a thin layer over jtbd::v1::Report, and rendering.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "render/report_render.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;

namespace {

// The smallest struct_size accepted: one that holds the outcome id (pointer
// and length). Nothing older than 1.0 exists, but a caller that only wants
// the id may pass less than the full struct.
constexpr size_t kMinOutcomeScoreSize =
    offsetof(jtbd_outcome_score, outcome_id_len) + sizeof(size_t);

// Fills the caller's struct the forward-compatible way (jtbd.h convention
// 8): build the full struct this library knows, then copy only the first
// min(struct_size, sizeof) bytes, so an older caller's smaller struct is
// never overrun and a newer caller's extra fields are left alone. The
// caller's struct_size is kept.
absl::Status FillOutcomeScore(const char* function,
                              const jtbd::v1::OutcomeScore& score,
                              jtbd_outcome_score* out) {
  const size_t caller_size = out->struct_size;
  if (caller_size < kMinOutcomeScoreSize) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": out->struct_size is ", caller_size,
                     "; set it to sizeof(jtbd_outcome_score) (",
                     sizeof(jtbd_outcome_score), ")"));
  }
  jtbd_outcome_score full;
  std::memset(&full, 0, sizeof(full));
  full.struct_size = caller_size;
  full.outcome_id = score.outcome_id().c_str();
  full.outcome_id_len = score.outcome_id().size();
  full.statement = score.statement().c_str();
  full.statement_len = score.statement().size();
  full.importance = score.importance();
  full.satisfaction = score.satisfaction();
  full.opportunity = score.opportunity();
  full.band = static_cast<int32_t>(score.band());
  full.rank = score.rank();
  full.importance_count = score.importance_count();
  full.importance_top_box_count = score.importance_top_box_count();
  full.satisfaction_count = score.satisfaction_count();
  full.satisfaction_top_box_count = score.satisfaction_top_box_count();
  full.both_count = score.both_count();
  full.both_top_box_count = score.both_top_box_count();
  std::memcpy(out, &full, std::min(caller_size, sizeof(full)));
  return absl::OkStatus();
}

absl::Status CheckIndex(const char* function, const char* argument,
                        size_t index, int size) {
  if (index < static_cast<size_t>(size)) return absl::OkStatus();
  return absl::OutOfRangeError(absl::StrCat(function, ": ", argument, " ",
                                            index, " is out of range (", size,
                                            " available)"));
}

}  // namespace

extern "C" {

void jtbd_report_destroy(jtbd_report* report) { delete report; }

size_t jtbd_report_respondent_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.respondent_count();
}

size_t jtbd_report_outcome_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.outcomes_size();
}

jtbd_error* jtbd_report_outcome(const jtbd_report* report, size_t index,
                                jtbd_outcome_score* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, report->report.outcomes_size()));
    return FillOutcomeScore(fn, report->report.outcomes(index), out);
  });
}

size_t jtbd_report_segment_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.segments_size();
}

jtbd_error* jtbd_report_segment_name(const jtbd_report* report, size_t segment,
                                     const char** name, size_t* name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "name", name));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "segment", segment, report->report.segments_size()));
    const std::string& value = report->report.segments(segment).name();
    *name = value.c_str();
    // Optional: the name is NUL-terminated too.
    if (name_len != nullptr) *name_len = value.size();
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_segment_respondent_count(const jtbd_report* report,
                                                 size_t segment,
                                                 size_t* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "count", count));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "segment", segment, report->report.segments_size()));
    *count = report->report.segments(segment).respondent_count();
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_segment_outcome(const jtbd_report* report,
                                        size_t segment, size_t index,
                                        jtbd_outcome_score* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "segment", segment, report->report.segments_size()));
    const jtbd::v1::SegmentReport& segment_report =
        report->report.segments(segment);
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, segment_report.outcomes_size()));
    return FillOutcomeScore(fn, segment_report.outcomes(index), out);
  });
}

jtbd_error* jtbd_report_render(const jtbd_report* report, int32_t format,
                               jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::RenderTable(report->report);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes,
                                   jtbd::RenderJson(report->report));
        break;
      }
      case JTBD_FORMAT_CSV:
        buffer->bytes = jtbd::RenderCsv(report->report);
        break;
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer, SerializeToBuffer(report->report));
        break;
      }
      default:
        return absl::InvalidArgumentError(
            absl::StrCat(fn, ": unknown format ", format,
                         " (expected a jtbd_format value, 1 to 4)"));
    }
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
