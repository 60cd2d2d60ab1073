#include "core/screening.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace jtbd {

absl::StatusOr<ScreeningPlan> MakeScreeningPlan(
    const v1::ScreeningOptions& options) {
  ScreeningPlan plan;
  plan.enabled = options.enabled();
  plan.exclude = options.exclude();
  if (plan.exclude && !plan.enabled) {
    return absl::InvalidArgumentError(
        "screening.exclude needs screening.enabled: only flagged respondents "
        "can be excluded");
  }
  if (options.has_straight_line_min_ratings()) {
    if (options.straight_line_min_ratings() < 2) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "screening.straight_line_min_ratings %u must be at least 2 (one "
          "rating is always \"the same\")",
          options.straight_line_min_ratings()));
    }
    plan.straight_line_min_ratings = options.straight_line_min_ratings();
  }
  if (options.has_speed_median_fraction() && options.has_speed_min_seconds()) {
    return absl::InvalidArgumentError(
        "screening: give speed_median_fraction or speed_min_seconds, not "
        "both");
  }
  if (options.has_speed_median_fraction()) {
    const double fraction = options.speed_median_fraction();
    // Written so that NaN fails too.
    if (!(fraction > 0 && fraction < 1)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "screening.speed_median_fraction %g must be strictly between 0 and "
          "1",
          fraction));
    }
    plan.speed_median_fraction = fraction;
  }
  if (options.has_speed_min_seconds()) {
    const double seconds = options.speed_min_seconds();
    if (!std::isfinite(seconds) || !(seconds >= 0)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "screening.speed_min_seconds %g must be a finite number of seconds, "
          "at least 0",
          seconds));
    }
    plan.speed_min_seconds = seconds;
    plan.speed_median_fraction.reset();
  }
  if (options.has_max_blank_share()) {
    const double share = options.max_blank_share();
    if (!(share >= 0 && share <= 1)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "screening.max_blank_share %g must be from 0 to 1", share));
    }
    plan.max_blank_share = share;
  }
  return plan;
}

namespace {

// Whether the ratings given (0 = none) are at least min_ratings and equal.
class BatteryCheck {
 public:
  void Add(int rating) {
    if (rating == 0) return;
    if (count_ == 0) first_ = rating;
    if (rating != first_) all_same_ = false;
    ++count_;
  }
  bool StraightLined(uint32_t min_ratings) const {
    return count_ >= min_ratings && all_same_;
  }

 private:
  uint32_t count_ = 0;
  int first_ = 0;
  bool all_same_ = true;
};

double Median(std::vector<double> values) {
  const size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + middle, values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + middle);
  return lower + (upper - lower) / 2;
}

}  // namespace

ScreeningResult ScreenRespondents(const Study& study,
                                  const ScreeningPlan& plan) {
  ScreeningResult result;
  const size_t respondents = study.respondent_count();
  const size_t outcomes = study.outcome_count();
  result.flagged.assign(respondents, false);
  v1::ScreeningSummary& summary = result.summary;
  summary.set_excluded(plan.exclude);
  summary.set_screened_respondent_count(static_cast<uint32_t>(respondents));

  v1::ScreeningCriteria& criteria = *summary.mutable_criteria();
  criteria.set_straight_line_min_ratings(plan.straight_line_min_ratings);
  if (plan.speed_median_fraction.has_value()) {
    criteria.set_speed_median_fraction(*plan.speed_median_fraction);
  }
  if (plan.speed_min_seconds.has_value()) {
    criteria.set_speed_min_seconds(*plan.speed_min_seconds);
  }
  criteria.set_max_blank_share(plan.max_blank_share);

  std::vector<double> durations;
  for (size_t r = 0; r < respondents; ++r) {
    if (study.has_duration(r)) durations.push_back(study.duration(r));
  }
  summary.set_duration_count(static_cast<uint32_t>(durations.size()));
  absl::optional<double> threshold;
  if (!durations.empty()) {
    const double median = Median(durations);
    criteria.set_median_duration_seconds(median);
    threshold = plan.speed_min_seconds.has_value()
                    ? *plan.speed_min_seconds
                    : *plan.speed_median_fraction * median;
    criteria.set_speed_threshold_seconds(*threshold);
  }

  for (size_t r = 0; r < respondents; ++r) {
    BatteryCheck importance;
    BatteryCheck satisfaction;
    size_t blanks = 0;
    for (size_t o = 0; o < outcomes; ++o) {
      const int imp = study.importance(r, o);
      const int sat = study.satisfaction(r, o);
      importance.Add(imp);
      satisfaction.Add(sat);
      if (imp == 0 || sat == 0) ++blanks;
    }
    const double blank_share =
        outcomes == 0
            ? 0.0
            : static_cast<double>(blanks) / static_cast<double>(outcomes);
    // blanks / outcomes > share, decided without rounding the share.
    const bool too_blank = static_cast<double>(blanks) >
                           plan.max_blank_share * static_cast<double>(outcomes);
    const bool straight =
        importance.StraightLined(plan.straight_line_min_ratings) ||
        satisfaction.StraightLined(plan.straight_line_min_ratings);
    const bool speeding = threshold.has_value() && study.has_duration(r) &&
                          study.duration(r) < *threshold;
    if (!straight && !speeding && !too_blank) continue;
    result.flagged[r] = true;
    v1::ScreenedRespondent* flagged = summary.add_respondents();
    flagged->set_respondent_id(study.respondent_id(r));
    flagged->set_index(static_cast<uint32_t>(r));
    if (straight) {
      flagged->add_reasons(v1::SCREENING_REASON_STRAIGHT_LINING);
      summary.set_straight_lining_count(summary.straight_lining_count() + 1);
    }
    if (speeding) {
      flagged->add_reasons(v1::SCREENING_REASON_SPEEDING);
      summary.set_speeding_count(summary.speeding_count() + 1);
    }
    if (too_blank) {
      flagged->add_reasons(v1::SCREENING_REASON_BLANKS);
      summary.set_blanks_count(summary.blanks_count() + 1);
    }
    if (study.has_duration(r)) flagged->set_duration_seconds(study.duration(r));
    flagged->set_blank_share(blank_share);
  }
  summary.set_flagged_respondent_count(
      static_cast<uint32_t>(summary.respondents_size()));
  return result;
}

}  // namespace jtbd
