#include "core/report_warnings.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace jtbd {
namespace {

// The smaller of the two answer counts (Kish effective when weighted).
double AnswerCount(const v1::OutcomeScore& score) {
  const double importance = score.has_importance_effective_count()
                                ? score.importance_effective_count()
                                : score.importance_count();
  const double satisfaction = score.has_satisfaction_effective_count()
                                  ? score.satisfaction_effective_count()
                                  : score.satisfaction_count();
  return std::min(importance, satisfaction);
}

std::string Where(absl::string_view segment) {
  return segment.empty() ? std::string("the whole sample")
                         : absl::StrCat("segment ", segment);
}

v1::Warning* Add(v1::WarningCode code, absl::string_view segment,
                 google::protobuf::RepeatedPtrField<v1::Warning>* warnings) {
  v1::Warning* warning = warnings->Add();
  warning->set_code(code);
  warning->set_segment(std::string(segment));
  return warning;
}

}  // namespace

std::string BandThresholdsWithin(double low, double high) {
  std::vector<std::string> within;
  for (int threshold : {10, 12, 15}) {
    if (low < threshold && threshold <= high) {
      within.push_back(absl::StrCat(threshold));
    }
  }
  if (within.size() <= 1) return absl::StrJoin(within, "");
  const std::string last = within.back();
  within.pop_back();
  return absl::StrCat(absl::StrJoin(within, ", "), " and ", last);
}

void AppendUnitWarnings(
    const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& outcomes,
    double respondents, absl::string_view segment,
    google::protobuf::RepeatedPtrField<v1::Warning>* warnings) {
  const bool small_unit = respondents < kSmallSampleWarning;
  if (small_unit) {
    v1::Warning* warning =
        Add(v1::WARNING_CODE_SMALL_SAMPLE, segment, warnings);
    warning->set_value(respondents);
    warning->set_message(absl::StrFormat(
        "%s has %.4g respondents, fewer than %.0f: its intervals are wide "
        "and its tests approximate",
        Where(segment), respondents, kSmallSampleWarning));
  }
  for (const v1::OutcomeScore& score : outcomes) {
    if (score.band() == v1::BAND_INSUFFICIENT_DATA) continue;
    const double answers = AnswerCount(score);
    if (!small_unit && answers < kSmallSampleWarning) {
      v1::Warning* warning =
          Add(v1::WARNING_CODE_SMALL_SAMPLE, segment, warnings);
      warning->set_outcome_id(score.outcome_id());
      warning->set_value(answers);
      warning->set_message(absl::StrFormat(
          "%s in %s rests on %.4g answers, fewer than %.0f", score.outcome_id(),
          Where(segment), answers, kSmallSampleWarning));
    }
  }
  // Band warnings after the small-sample ones, so each kind is one run.
  for (const v1::OutcomeScore& score : outcomes) {
    if (score.band() == v1::BAND_INSUFFICIENT_DATA ||
        score.band() == v1::BAND_UNSPECIFIED ||
        !score.has_opportunity_interval()) {
      continue;
    }
    const v1::Interval& interval = score.opportunity_interval();
    const std::string thresholds =
        BandThresholdsWithin(interval.low(), interval.high());
    if (thresholds.empty()) continue;
    v1::Warning* warning =
        Add(v1::WARNING_CODE_BAND_UNCERTAIN, segment, warnings);
    warning->set_outcome_id(score.outcome_id());
    warning->set_message(absl::StrFormat(
        "%s in %s: opportunity %.1f, interval [%.1f, %.1f] contains %s; "
        "band uncertain",
        score.outcome_id(), Where(segment), score.opportunity(), interval.low(),
        interval.high(), thresholds));
  }
}

void AddReportWarnings(v1::Report* report) {
  auto* warnings = report->mutable_warnings();
  warnings->Clear();
  const double respondents = report->has_effective_respondent_count()
                                 ? report->effective_respondent_count()
                                 : report->respondent_count();
  AppendUnitWarnings(report->outcomes(), respondents, "", warnings);
  for (const v1::SegmentReport& segment : report->segments()) {
    AppendUnitWarnings(segment.outcomes(),
                       segment.has_effective_respondent_count()
                           ? segment.effective_respondent_count()
                           : segment.respondent_count(),
                       segment.name(), warnings);
  }
  if (report->has_screening()) {
    const v1::ScreeningSummary& screening = report->screening();
    const uint32_t screened = screening.screened_respondent_count();
    const double share =
        screened == 0
            ? 0
            : static_cast<double>(screening.flagged_respondent_count()) /
                  screened;
    if (share > kScreeningFlaggedWarningShare) {
      v1::Warning* warning =
          Add(v1::WARNING_CODE_SCREENING_FLAGGED_MANY, "", warnings);
      warning->set_value(share);
      warning->set_message(absl::StrFormat(
          "screening flagged %.1f%% of the respondents (%u of %u), more than "
          "%.0f%%; they were %s",
          100 * share, screening.flagged_respondent_count(), screened,
          100 * kScreeningFlaggedWarningShare,
          screening.excluded() ? "left out of the scores"
                               : "kept in the scores"));
    }
  }
}

}  // namespace jtbd
