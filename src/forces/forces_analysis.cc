#include "forces/forces_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "forces/calendar_date.h"
#include "forces/force_names.h"
#include "forces/interview_forces.h"
#include "stats/holm.h"
#include "stats/mann_whitney.h"
#include "stats/normal.h"
#include "stats/student_t.h"
#include "stats/wilson.h"

namespace jtbd {
namespace forces {
namespace {

struct Row {
  ForceIntensities intensities;
  bool switched = false;
};

void SetInterval(double low, double high, v1::Interval* interval) {
  interval->set_low(low);
  interval->set_high(high);
}

v1::ForceSummary Summarize(const std::vector<Row>& rows,
                           const std::vector<size_t>& members, v1::Force force,
                           double confidence_level) {
  const int f = ForceIndex(force);
  v1::ForceSummary summary;
  summary.set_force(force);
  summary.set_name(ForceName(force));
  summary.set_interview_count(static_cast<uint32_t>(members.size()));
  std::vector<double> intensities;
  for (size_t i : members) {
    if (rows[i].intensities[f] > 0)
      intensities.push_back(rows[i].intensities[f]);
  }
  summary.set_mention_count(static_cast<uint32_t>(intensities.size()));
  if (members.empty()) return summary;
  const double n = static_cast<double>(members.size());
  const double share = static_cast<double>(intensities.size()) / n;
  summary.set_prevalence(share);
  const stats::Interval wilson =
      stats::WilsonInterval(share, n, stats::CriticalValue(confidence_level));
  SetInterval(wilson.low, wilson.high, summary.mutable_prevalence_interval());
  if (intensities.empty()) return summary;
  const double m = static_cast<double>(intensities.size());
  double mean = 0;
  for (double value : intensities) mean += value;
  mean /= m;
  summary.set_mean_intensity(mean);
  if (intensities.size() >= 2) {
    double squares = 0;
    for (double value : intensities) squares += (value - mean) * (value - mean);
    const double standard_error = std::sqrt(squares / (m - 1) / m);
    const double t = stats::StudentTCriticalValue(confidence_level, m - 1);
    // Kept on the 1-5 scale: a mean intensity cannot leave it, however few
    // the mentions (t intervals of two or three mentions are wide).
    SetInterval(std::max(1.0, mean - t * standard_error),
                std::min(5.0, mean + t * standard_error),
                summary.mutable_mean_intensity_interval());
  }
  return summary;
}

// Groups of interviews by a text (empty texts left out), in sorted order.
void AddGroups(const std::vector<Row>& rows,
               const std::vector<std::string>& keys, double confidence_level,
               google::protobuf::RepeatedPtrField<v1::ForceGroup>* out) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i].empty()) groups[keys[i]].push_back(i);
  }
  for (const auto& [value, members] : groups) {
    v1::ForceGroup* group = out->Add();
    group->set_value(value);
    group->set_interview_count(static_cast<uint32_t>(members.size()));
    uint32_t switched = 0;
    for (size_t i : members) switched += rows[i].switched ? 1 : 0;
    group->set_switched_count(switched);
    for (v1::Force force : kForces) {
      *group->add_forces() = Summarize(rows, members, force, confidence_level);
    }
  }
}

// Linear interpolation between order statistics (R's type 7).
double Quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) *
                             (sorted[above] - sorted[below]);
}

void AddStageDurations(const v1::SwitchInterviews& interviews,
                       v1::ForcesReport* report) {
  std::map<int, std::vector<double>> days_by_stage;
  for (const v1::SwitchInterview& interview : interviews.interviews()) {
    std::vector<std::pair<int, int64_t>> dated;
    for (const v1::TimelineEvent& event : interview.timeline_events()) {
      if (event.date().empty()) continue;
      const std::optional<int64_t> days = DaysFromIsoDate(event.date());
      if (days) dated.emplace_back(event.stage(), *days);
    }
    std::sort(dated.begin(), dated.end());
    for (size_t k = 0; k + 1 < dated.size(); ++k) {
      days_by_stage[dated[k].first].push_back(
          static_cast<double>(dated[k + 1].second - dated[k].second));
    }
  }
  for (auto& [stage, days] : days_by_stage) {
    std::sort(days.begin(), days.end());
    v1::StageDuration* duration = report->add_stage_durations();
    duration->set_stage(static_cast<v1::TimelineStage>(stage));
    duration->set_name(StageName(static_cast<v1::TimelineStage>(stage)));
    duration->set_interview_count(static_cast<uint32_t>(days.size()));
    duration->set_median_days(Quantile(days, 0.5));
    duration->set_lower_quartile_days(Quantile(days, 0.25));
    duration->set_upper_quartile_days(Quantile(days, 0.75));
  }
}

void AddBalance(const v1::SwitchInterviews& interviews,
                const std::vector<Row>& rows, double confidence_level,
                v1::BalanceSummary* balance) {
  double sum = 0;
  double switcher_sum = 0;
  double stayer_sum = 0;
  uint32_t counts[2][2] = {{0, 0}, {0, 0}};  // [positive][switched]
  for (size_t i = 0; i < rows.size(); ++i) {
    const int value = ForceBalance(rows[i].intensities);
    const bool positive = value > 0;
    sum += value;
    (rows[i].switched ? switcher_sum : stayer_sum) += value;
    ++counts[positive][rows[i].switched];
    v1::InterviewBalance* entry = balance->add_interviews();
    entry->set_interview_id(interviews.interviews(static_cast<int>(i)).id());
    entry->set_balance(value);
    entry->set_outcome(rows[i].switched ? v1::SWITCH_OUTCOME_SWITCHED
                                        : v1::SWITCH_OUTCOME_STAYED);
    entry->set_agrees(positive == rows[i].switched);
  }
  const double n = static_cast<double>(rows.size());
  const uint32_t switchers = counts[0][1] + counts[1][1];
  const uint32_t stayers = counts[0][0] + counts[1][0];
  balance->set_mean_balance(sum / n);
  if (switchers > 0)
    balance->set_switcher_mean_balance(switcher_sum / switchers);
  if (stayers > 0) balance->set_stayer_mean_balance(stayer_sum / stayers);
  balance->set_positive_switched_count(counts[1][1]);
  balance->set_positive_stayed_count(counts[1][0]);
  balance->set_non_positive_switched_count(counts[0][1]);
  balance->set_non_positive_stayed_count(counts[0][0]);
  const double agreement = (counts[1][1] + counts[0][0]) / n;
  balance->set_agreement(agreement);
  const stats::Interval wilson = stats::WilsonInterval(
      agreement, n, stats::CriticalValue(confidence_level));
  SetInterval(wilson.low, wilson.high, balance->mutable_agreement_interval());
}

void AddComparisons(const std::vector<Row>& rows, v1::ForcesReport* report) {
  std::vector<double> p_values;
  for (v1::Force force : kForces) {
    const int f = ForceIndex(force);
    std::vector<double> switchers;
    std::vector<double> stayers;
    for (const Row& row : rows) {
      (row.switched ? switchers : stayers).push_back(row.intensities[f]);
    }
    if (switchers.empty() || stayers.empty()) return;
    const stats::MannWhitneyResult test =
        stats::MannWhitneyTest(switchers, stayers);
    v1::ForceComparison* comparison = report->add_comparisons();
    comparison->set_force(force);
    comparison->set_name(ForceName(force));
    double sum = 0;
    for (double v : switchers) sum += v;
    comparison->set_switcher_mean(sum / static_cast<double>(switchers.size()));
    sum = 0;
    for (double v : stayers) sum += v;
    comparison->set_stayer_mean(sum / static_cast<double>(stayers.size()));
    comparison->set_mann_whitney_u(test.u);
    comparison->set_z(test.z);
    comparison->set_p_value(test.p_value);
    comparison->set_common_language_effect(test.common_language_effect);
    p_values.push_back(test.p_value);
  }
  const std::vector<double> adjusted = stats::HolmAdjustedPValues(p_values);
  for (size_t k = 0; k < adjusted.size(); ++k) {
    report->mutable_comparisons(static_cast<int>(k))
        ->set_adjusted_p_value(adjusted[k]);
  }
}

std::string ChooseSegmentBy(const v1::SwitchInterviews& interviews,
                            const std::string& requested) {
  if (!requested.empty()) return requested;
  for (const v1::SwitchInterview& interview : interviews.interviews()) {
    for (const auto& [key, value] : interview.attributes()) {
      if (absl::EqualsIgnoreCase(key, "segment")) return key;
    }
  }
  return "";
}

}  // namespace

absl::StatusOr<v1::ForcesReport> AnalyzeForces(
    const v1::SwitchInterviews& interviews,
    const ForcesAnalysisOptions& options) {
  if (!(options.confidence_level > 0 && options.confidence_level < 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the confidence level ", options.confidence_level,
                     " is not strictly between 0 and 1"));
  }
  PropensityOptions model_options = options.model;
  model_options.confidence_level = options.confidence_level;
  if (absl::Status s = CheckPropensityOptions(model_options); !s.ok()) {
    return s;
  }
  if (interviews.interviews_size() == 0) {
    return absl::InvalidArgumentError("no interview to analyse");
  }
  v1::ForcesReport report;
  report.set_confidence_level(options.confidence_level);
  std::vector<Row> rows;
  std::vector<size_t> everyone;
  uint32_t observations = 0;
  for (const v1::SwitchInterview& interview : interviews.interviews()) {
    everyone.push_back(rows.size());
    rows.push_back({InterviewIntensities(interview),
                    interview.outcome() == v1::SWITCH_OUTCOME_SWITCHED});
    observations += static_cast<uint32_t>(interview.observations_size());
  }
  uint32_t switched = 0;
  for (const Row& row : rows) switched += row.switched ? 1 : 0;
  report.set_interview_count(static_cast<uint32_t>(rows.size()));
  report.set_observation_count(observations);
  report.set_switched_count(switched);
  report.set_stayed_count(static_cast<uint32_t>(rows.size()) - switched);
  for (v1::Force force : kForces) {
    *report.add_forces() =
        Summarize(rows, everyone, force, options.confidence_level);
  }
  const std::string segment_by =
      ChooseSegmentBy(interviews, options.segment_by);
  report.set_segment_by(segment_by);
  // A segment column asked for by name must exist: a typo would otherwise
  // print no segments without a word.
  for (const std::string& name :
       {options.segment_by, options.model.segment_by}) {
    if (name.empty()) continue;
    bool found = false;
    for (const v1::SwitchInterview& interview : interviews.interviews()) {
      found = found || !AttributeValue(interview, name).empty();
    }
    if (!found) {
      return absl::InvalidArgumentError(absl::StrCat(
          "no interview has a value in column \"", name, "\" (--segment-by)"));
    }
  }
  std::vector<std::string> segments;
  std::vector<std::string> left;
  std::vector<std::string> hired;
  for (const v1::SwitchInterview& interview : interviews.interviews()) {
    segments.push_back(segment_by.empty()
                           ? std::string()
                           : AttributeValue(interview, segment_by));
    left.push_back(interview.solution_left());
    hired.push_back(interview.solution_hired());
  }
  AddGroups(rows, segments, options.confidence_level,
            report.mutable_segments());
  AddGroups(rows, left, options.confidence_level,
            report.mutable_left_solutions());
  AddGroups(rows, hired, options.confidence_level,
            report.mutable_hired_solutions());
  AddBalance(interviews, rows, options.confidence_level,
             report.mutable_balance());
  AddStageDurations(interviews, &report);
  AddComparisons(rows, &report);
  if (options.fit_model) {
    absl::StatusOr<v1::PropensityReport> model =
        FitAndValidatePropensityModel(interviews, model_options);
    if (model.ok()) {
      *report.mutable_model() = *std::move(model);
    } else if (model.status().code() == absl::StatusCode::kFailedPrecondition) {
      report.set_model_note(std::string(model.status().message()));
    } else {
      return model.status();
    }
  }
  return report;
}

}  // namespace forces
}  // namespace jtbd
