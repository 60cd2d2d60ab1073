// jtbd.h: screening of inattentive respondents — the options, the study's
// durations, the read option naming the duration column, and the report's
// screening summary and flagged respondents.
#include <cstddef>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "core/screening.h"
#include "jtbd/jtbd.h"

using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::Guard;
using jtbd::capi::TextArgument;
using jtbd::capi::ZeroedStruct;

namespace {

// Applies `change` to a copy of the screening options and keeps it only
// when the library accepts the result, so a refused value leaves the
// options unchanged; the message names the C function.
template <typename Change>
absl::Status ChangeScreening(const char* function, jtbd_score_options* options,
                             Change change) {
  jtbd::v1::ScreeningOptions screening = options->options.screening();
  change(&screening);
  absl::StatusOr<jtbd::ScreeningPlan> plan = jtbd::MakeScreeningPlan(screening);
  if (!plan.ok()) {
    return absl::Status(plan.status().code(),
                        absl::StrCat(function, ": ", plan.status().message()));
  }
  *options->options.mutable_screening() = std::move(screening);
  return absl::OkStatus();
}

jtbd_screening_info ToC(const jtbd::v1::Report& report) {
  auto full = ZeroedStruct<jtbd_screening_info>();
  if (!report.has_screening()) return full;
  const jtbd::v1::ScreeningSummary& summary = report.screening();
  const jtbd::v1::ScreeningCriteria& criteria = summary.criteria();
  full.screened = 1;
  full.excluded = summary.excluded() ? 1 : 0;
  full.screened_respondent_count = summary.screened_respondent_count();
  full.flagged_respondent_count = summary.flagged_respondent_count();
  full.straight_lining_count = summary.straight_lining_count();
  full.speeding_count = summary.speeding_count();
  full.blanks_count = summary.blanks_count();
  full.duration_count = summary.duration_count();
  full.straight_line_min_ratings = criteria.straight_line_min_ratings();
  full.max_blank_share = criteria.max_blank_share();
  uint32_t has = 0;
  if (criteria.has_speed_median_fraction()) {
    has |= JTBD_SCREENING_HAS_SPEED_MEDIAN_FRACTION;
    full.speed_median_fraction = criteria.speed_median_fraction();
  }
  if (criteria.has_speed_min_seconds()) {
    has |= JTBD_SCREENING_HAS_SPEED_MIN_SECONDS;
    full.speed_min_seconds = criteria.speed_min_seconds();
  }
  if (criteria.has_median_duration_seconds()) {
    has |= JTBD_SCREENING_HAS_MEDIAN_DURATION;
    full.median_duration_seconds = criteria.median_duration_seconds();
  }
  if (criteria.has_speed_threshold_seconds()) {
    has |= JTBD_SCREENING_HAS_SPEED_THRESHOLD;
    full.speed_threshold_seconds = criteria.speed_threshold_seconds();
  }
  full.has = has;
  return full;
}

jtbd_screened_respondent ToC(const jtbd::v1::ScreenedRespondent& flagged) {
  auto full = ZeroedStruct<jtbd_screened_respondent>();
  full.respondent_id = flagged.respondent_id().c_str();
  full.respondent_id_len = flagged.respondent_id().size();
  full.index = flagged.index();
  for (int reason : flagged.reasons()) {
    switch (reason) {
      case jtbd::v1::SCREENING_REASON_STRAIGHT_LINING:
        full.reasons |= JTBD_SCREENING_REASON_STRAIGHT_LINING;
        break;
      case jtbd::v1::SCREENING_REASON_SPEEDING:
        full.reasons |= JTBD_SCREENING_REASON_SPEEDING;
        break;
      case jtbd::v1::SCREENING_REASON_BLANKS:
        full.reasons |= JTBD_SCREENING_REASON_BLANKS;
        break;
      default:
        break;
    }
  }
  full.has_duration = flagged.has_duration_seconds() ? 1 : 0;
  full.duration_seconds = flagged.duration_seconds();
  full.blank_share = flagged.blank_share();
  return full;
}

}  // namespace

extern "C" {

jtbd_error* jtbd_read_options_set_duration_column(jtbd_read_options* options,
                                                  const char* column,
                                                  size_t column_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string name,
                               TextArgument(fn, "column", column, column_len));
    options->options.duration_column = std::move(name);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_set_screening(jtbd_score_options* options,
                                             uint32_t enabled,
                                             uint32_t exclude) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    return ChangeScreening(fn, options,
                           [&](jtbd::v1::ScreeningOptions* screening) {
                             screening->set_enabled(enabled != 0);
                             screening->set_exclude(exclude != 0);
                           });
  });
}

jtbd_error* jtbd_score_options_set_screening_min_ratings(
    jtbd_score_options* options, uint32_t ratings) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    return ChangeScreening(fn, options,
                           [&](jtbd::v1::ScreeningOptions* screening) {
                             screening->set_straight_line_min_ratings(ratings);
                           });
  });
}

jtbd_error* jtbd_score_options_set_screening_speed_fraction(
    jtbd_score_options* options, double fraction) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    return ChangeScreening(fn, options,
                           [&](jtbd::v1::ScreeningOptions* screening) {
                             screening->clear_speed_min_seconds();
                             screening->set_speed_median_fraction(fraction);
                           });
  });
}

jtbd_error* jtbd_score_options_set_screening_min_seconds(
    jtbd_score_options* options, double seconds) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    return ChangeScreening(fn, options,
                           [&](jtbd::v1::ScreeningOptions* screening) {
                             screening->clear_speed_median_fraction();
                             screening->set_speed_min_seconds(seconds);
                           });
  });
}

jtbd_error* jtbd_score_options_set_screening_max_blank_share(
    jtbd_score_options* options, double share) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    return ChangeScreening(fn, options,
                           [&](jtbd::v1::ScreeningOptions* screening) {
                             screening->set_max_blank_share(share);
                           });
  });
}

jtbd_error* jtbd_study_set_duration(jtbd_study* study, size_t respondent,
                                    double seconds) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(fn, "respondent", respondent,
                                         study->study.respondent_count()));
    absl::Status status = study->study.SetDuration(respondent, seconds);
    if (status.ok()) return status;
    return absl::Status(status.code(),
                        absl::StrCat(fn, ": ", status.message()));
  });
}

jtbd_error* jtbd_report_get_screening(const jtbd_report* report,
                                      jtbd_screening_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    CopyOut(ToC(report->report), out);
    return absl::OkStatus();
  });
}

uint64_t jtbd_report_screened_count(const jtbd_report* report) {
  return report == nullptr ? 0
                           : static_cast<uint64_t>(
                                 report->report.screening().respondents_size());
}

jtbd_error* jtbd_report_screened_respondent(const jtbd_report* report,
                                            size_t index,
                                            jtbd_screened_respondent* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const auto& flagged = report->report.screening().respondents();
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, static_cast<size_t>(flagged.size())));
    CopyOut(ToC(flagged[static_cast<int>(index)]), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
