#include "core/screening.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>

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
  if (options.has_straight_line_max_chance()) {
    const double chance = options.straight_line_max_chance();
    if (!(chance > 0 && chance <= 1)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "screening.straight_line_max_chance %g must be above 0 and at most "
          "1",
          chance));
    }
    plan.straight_line_max_chance = chance;
  }
  plan.blanks_count_unshown = options.blanks_count_unshown();
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

// Per outcome, the share of each scale value among all respondents' ratings
// on one axis (ratings are stored on the scale's own values, min >= 1,
// 0 = none): computed once per screening, not once per respondent.
std::vector<std::vector<double>> AnswerShares(const Study& study,
                                              bool importance) {
  const Scale& scale = study.scale();
  const size_t points = static_cast<size_t>(scale.max - scale.min + 1);
  std::vector<std::vector<double>> shares(study.outcome_count(),
                                          std::vector<double>(points, 0.0));
  for (size_t o = 0; o < study.outcome_count(); ++o) {
    double total = 0;
    for (size_t r = 0; r < study.respondent_count(); ++r) {
      const int value =
          importance ? study.importance(r, o) : study.satisfaction(r, o);
      if (value == 0) continue;
      shares[o][static_cast<size_t>(value - scale.min)] += 1;
      total += 1;
    }
    if (total > 0) {
      for (double& share : shares[o]) share /= total;
    }
  }
  return shares;
}

double ChanceFromShares(const std::vector<std::vector<double>>& shares,
                        const Study& study, size_t respondent,
                        bool importance) {
  if (shares.empty()) return 1.0;
  // log of prod_o p(o, v) per value v, summed in log space so that long
  // batteries do not underflow before the sum.
  std::vector<double> log_products(shares[0].size(), 0.0);
  size_t rated = 0;
  for (size_t o = 0; o < shares.size(); ++o) {
    const int value = importance ? study.importance(respondent, o)
                                 : study.satisfaction(respondent, o);
    if (value == 0) continue;
    ++rated;
    for (size_t v = 0; v < log_products.size(); ++v) {
      log_products[v] += shares[o][v] > 0
                             ? std::log(shares[o][v])
                             : -std::numeric_limits<double>::infinity();
    }
  }
  if (rated == 0) return 1.0;
  double chance = 0;
  for (const double log_product : log_products) chance += std::exp(log_product);
  return std::min(1.0, chance);
}

}  // namespace

double StraightLineChance(const Study& study, size_t respondent,
                          bool importance) {
  return ChanceFromShares(AnswerShares(study, importance), study, respondent,
                          importance);
}

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
  criteria.set_straight_line_max_chance(plan.straight_line_max_chance);
  criteria.set_blanks_count_unshown(plan.blanks_count_unshown);

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

  // Computed on the first equal battery of each axis.
  std::optional<std::vector<std::vector<double>>> importance_shares;
  std::optional<std::vector<std::vector<double>>> satisfaction_shares;
  for (size_t r = 0; r < respondents; ++r) {
    BatteryCheck importance;
    BatteryCheck satisfaction;
    size_t blanks = 0;
    size_t shown = 0;
    for (size_t o = 0; o < outcomes; ++o) {
      const int imp = study.importance(r, o);
      const int sat = study.satisfaction(r, o);
      importance.Add(imp);
      satisfaction.Add(sat);
      // Blank on both axes: not shown, unless every outcome was shown.
      if (imp == 0 && sat == 0 && !plan.blanks_count_unshown) continue;
      ++shown;
      if (imp == 0 || sat == 0) ++blanks;
    }
    // A respondent shown nothing answered nothing: all blank (with at
    // least one outcome in the study).
    const double blank_share =
        outcomes == 0 ? 0.0
        : shown == 0  ? 1.0
                     : static_cast<double>(blanks) / static_cast<double>(shown);
    // blanks / shown > share, decided without rounding the share.
    const bool too_blank =
        outcomes > 0 &&
        (shown == 0 ? plan.max_blank_share < 1
                    : static_cast<double>(blanks) >
                          plan.max_blank_share * static_cast<double>(shown));
    // Evidence of straight-lining is the chance of the equal batteries under
    // independent answering: both equal batteries multiply (answered
    // independently of each other), so a run on both short batteries can
    // count where a run on one does not.
    const bool imp_equal =
        importance.StraightLined(plan.straight_line_min_ratings);
    const bool sat_equal =
        satisfaction.StraightLined(plan.straight_line_min_ratings);
    double chance = 1.0;
    if (imp_equal) {
      if (!importance_shares) importance_shares = AnswerShares(study, true);
      chance *= ChanceFromShares(*importance_shares, study, r, true);
    }
    if (sat_equal) {
      if (!satisfaction_shares) {
        satisfaction_shares = AnswerShares(study, false);
      }
      chance *= ChanceFromShares(*satisfaction_shares, study, r, false);
    }
    const bool straight =
        (imp_equal || sat_equal) && chance <= plan.straight_line_max_chance;
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
    flagged->set_shown_outcome_count(static_cast<uint32_t>(shown));
    if (straight) flagged->set_straight_line_chance(chance);
  }
  summary.set_flagged_respondent_count(
      static_cast<uint32_t>(summary.respondents_size()));
  return result;
}

}  // namespace jtbd
