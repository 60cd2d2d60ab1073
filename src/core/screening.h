#ifndef JTBD_CORE_SCREENING_H_
#define JTBD_CORE_SCREENING_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "core/study.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

namespace jtbd {

// ScreeningOptions checked, with their defaults filled in (docs/SCORING.md,
// "Screening").
struct ScreeningPlan {
  static constexpr uint32_t kDefaultStraightLineMinRatings = 5;
  static constexpr double kDefaultSpeedMedianFraction = 1.0 / 3.0;
  static constexpr double kDefaultMaxBlankShare = 0.5;
  static constexpr double kDefaultStraightLineMaxChance = 0.001;

  bool enabled = false;
  bool exclude = false;
  uint32_t straight_line_min_ratings = kDefaultStraightLineMinRatings;
  // Exactly one of the two speed rules is set.
  absl::optional<double> speed_median_fraction = kDefaultSpeedMedianFraction;
  absl::optional<double> speed_min_seconds;
  double max_blank_share = kDefaultMaxBlankShare;
  double straight_line_max_chance = kDefaultStraightLineMaxChance;
  bool blanks_count_unshown = false;
};

// INVALID_ARGUMENT, naming the option, for exclude without enabled, fewer
// than 2 straight-line ratings, a median fraction outside (0, 1), a negative
// or non-finite minimum, both speed rules at once, a blank share outside
// [0, 1], or a straight-line chance outside (0, 1].
absl::StatusOr<ScreeningPlan> MakeScreeningPlan(
    const v1::ScreeningOptions& options);

// Per respondent of the study: whether any rule flagged it, and the summary
// the report carries (criteria, counts per reason, flagged respondents).
struct ScreeningResult {
  std::vector<bool> flagged;
  v1::ScreeningSummary summary;
};

// Applies the plan's three rules to every respondent (a pure function of
// the study):
//   straight-lining: a battery (the respondent's importance ratings, or its
//     satisfaction ratings, 0 = no answer left out) with at least
//     straight_line_min_ratings ratings, all equal, and a chance of the
//     respondent's equal batteries under independent answering at most
//     straight_line_max_chance (StraightLineChance), so that a run in a
//     short battery is not the evidence a run in a long one is;
//   speeding: a known duration strictly below the threshold, which is
//     speed_min_seconds or speed_median_fraction x the median of the known
//     durations (the mean of the two middle ones for an even count); not
//     judged when no respondent has a duration;
//   blanks: strictly more than max_blank_share of the outcomes shown to the
//     respondent without both an importance and a satisfaction rating; an
//     outcome blank on both axes counts as not shown unless
//     blanks_count_unshown (then every outcome is shown).
// summary.excluded is plan.exclude.
ScreeningResult ScreenRespondents(const Study& study,
                                  const ScreeningPlan& plan);

// Chance that independent answering gives the respondent's ratings on one
// axis (importance or satisfaction) all equal, over the outcomes it rated:
//   sum over ratings v of prod over those outcomes o of p(o, v),
// p(o, v) the share of v among all respondents' ratings of o on that axis
// (the respondent included, so no factor is 0). 1 when it rated none.
double StraightLineChance(const Study& study, size_t respondent,
                          bool importance);

}  // namespace jtbd

#endif  // JTBD_CORE_SCREENING_H_
