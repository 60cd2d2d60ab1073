#include "core/scoring.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "core/band.h"
#include "core/competitor_scoring.h"
#include "core/job_map_coverage.h"
#include "core/opportunity_bootstrap.h"
#include "core/report_warnings.h"
#include "core/worker_threads.h"
#include "stats/bootstrap.h"
#include "stats/kish.h"
#include "stats/normal.h"
#include "stats/opportunity_interval.h"
#include "stats/table_moments.h"
#include "stats/wilson.h"

namespace jtbd {
namespace {

bool IsTopBoxMethod(v1::ScoreMethod method) {
  return method != v1::SCORE_METHOD_MEAN;
}

// Ulwick's bands are calibrated on top-box opportunity (0-20).
bool HasBands(v1::ScoreMethod method) {
  return method == v1::SCORE_METHOD_ULWICK ||
         method == v1::SCORE_METHOD_TOP_BOX_ONLY;
}

v1::Interval ToProto(const stats::Interval& interval) {
  v1::Interval proto;
  proto.set_low(interval.low);
  proto.set_high(interval.high);
  return proto;
}

// Interval of an importance or satisfaction estimate: Wilson on the top-box
// share (x 10), or normal for a mean.
v1::Interval ScoreInterval(double score, double variance,
                           double effective_count, bool top_box, double z) {
  if (!top_box) return ToProto(stats::NormalInterval(score, variance, z));
  const stats::Interval share =
      stats::ModifiedWilsonInterval(score / 10, effective_count, z);
  return ToProto(stats::Interval{10 * share.low, 10 * share.high});
}

}  // namespace

absl::Status CheckFitsReport(uint64_t count, absl::string_view what) {
  if (count > std::numeric_limits<uint32_t>::max()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s %u exceeds the report's 32-bit counts", what, count));
  }
  return absl::OkStatus();
}

absl::StatusOr<ScoringPlan> MakeScoringPlan(const v1::ScoringOptions& options) {
  ScoringPlan plan;
  switch (options.method()) {
    case v1::SCORE_METHOD_UNSPECIFIED:
    case v1::SCORE_METHOD_ULWICK:
      plan.method = v1::SCORE_METHOD_ULWICK;
      break;
    case v1::SCORE_METHOD_MEAN:
    case v1::SCORE_METHOD_OLSEN:
    case v1::SCORE_METHOD_TOP_BOX_ONLY:
      plan.method = options.method();
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrFormat("method: %d is not a known score method",
                          static_cast<int>(options.method())));
  }
  if (options.has_confidence_level()) {
    const double level = options.confidence_level();
    if (!(level > 0 && level < 1)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "confidence_level: %g must be strictly between 0 and 1", level));
    }
    plan.confidence_level = level;
  }
  plan.critical_value = stats::CriticalValue(plan.confidence_level);
  if (options.has_bootstrap_resamples()) {
    if (options.bootstrap_resamples() > ScoringPlan::kMaxBootstrapResamples) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "bootstrap_resamples: %u is more than the %u allowed",
          options.bootstrap_resamples(), ScoringPlan::kMaxBootstrapResamples));
    }
    plan.bootstrap_resamples = options.bootstrap_resamples();
  }
  if (options.has_seed()) plan.seed = options.seed();
  switch (options.p_value_adjustment()) {
    case v1::P_VALUE_ADJUSTMENT_UNSPECIFIED:
    case v1::P_VALUE_ADJUSTMENT_HOLM:
      plan.p_value_adjustment = v1::P_VALUE_ADJUSTMENT_HOLM;
      break;
    case v1::P_VALUE_ADJUSTMENT_BH:
      plan.p_value_adjustment = v1::P_VALUE_ADJUSTMENT_BH;
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrFormat("p_value_adjustment: %d is not a known adjustment",
                          static_cast<int>(options.p_value_adjustment())));
  }
  return plan;
}

const char* ScoreMethodName(v1::ScoreMethod method) {
  switch (method) {
    case v1::SCORE_METHOD_ULWICK:
      return "ulwick_top_box";
    case v1::SCORE_METHOD_MEAN:
      return "mean_rescaled";
    case v1::SCORE_METHOD_OLSEN:
      return "olsen";
    case v1::SCORE_METHOD_TOP_BOX_ONLY:
      return "top_box_only";
    default:
      return "unspecified";
  }
}

v1::OpportunityIntervalMethod OpportunityIntervalMethodOf(
    const ScoringPlan& plan) {
  if (plan.method != v1::SCORE_METHOD_OLSEN) {
    return v1::OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION;
  }
  return plan.bootstrap_resamples > 0
             ? v1::OPPORTUNITY_INTERVAL_METHOD_BOOTSTRAP_PERCENTILE
             : v1::OPPORTUNITY_INTERVAL_METHOD_DELTA;
}

int MethodTopBoxMin(const Scale& scale, v1::ScoreMethod method) {
  return method == v1::SCORE_METHOD_TOP_BOX_ONLY ? scale.max
                                                 : scale.top_box_min;
}

stats::OpportunityIntervalInput OpportunityIntervalInputOf(
    const OutcomeEstimate& estimate, v1::ScoreMethod method) {
  stats::OpportunityIntervalInput input;
  input.scores = estimate.scores;
  input.importance_trials = estimate.importance_effective_count;
  input.satisfaction_trials = estimate.satisfaction_effective_count;
  input.top_box = IsTopBoxMethod(method);
  return input;
}

OutcomeEstimate EstimateOutcome(const Aggregate& aggregate, size_t outcome,
                                v1::ScoreMethod method) {
  const Scale& scale = aggregate.scale();
  const int top_box_min = MethodTopBoxMin(scale, method);
  // Per-answer scores by table index (index 0, "no answer", is unused).
  std::vector<double> scores(static_cast<size_t>(scale.points()) + 1, 0);
  for (int rating = scale.min; rating <= scale.max; ++rating) {
    const size_t index = static_cast<size_t>(rating - scale.min + 1);
    scores[index] = method == v1::SCORE_METHOD_MEAN
                        ? 10.0 * (rating - scale.min) / (scale.max - scale.min)
                        : (rating >= top_box_min ? 10.0 : 0.0);
  }
  const stats::TableMoments moments = stats::ComputeTableMoments(
      aggregate.WeightedTable(outcome), scores, scores);
  OutcomeEstimate estimate;
  estimate.has_importance = moments.importance.answered();
  estimate.has_satisfaction = moments.satisfaction.answered();
  estimate.scores = stats::EstimateScores(moments);
  estimate.importance_effective_count = moments.importance.effective_count();
  estimate.satisfaction_effective_count =
      moments.satisfaction.effective_count();
  if (estimate.has_scores()) {
    const stats::ScorePair& s = estimate.scores;
    if (method == v1::SCORE_METHOD_OLSEN) {
      estimate.opportunity =
          stats::OlsenOpportunity(s.importance, s.satisfaction);
      estimate.opportunity_variance = stats::OlsenOpportunityVariance(s);
    } else {
      estimate.opportunity =
          stats::UlwickOpportunity(s.importance, s.satisfaction);
      estimate.opportunity_variance = stats::UlwickOpportunityVariance(s);
    }
  }
  return estimate;
}

absl::StatusOr<v1::OutcomeScore> ScoreOutcome(const TopBoxCounts& c) {
  for (auto [count, what] : {std::pair<uint64_t, const char*>{
                                 c.importance_count, "importance count"},
                             {c.satisfaction_count, "satisfaction count"}}) {
    absl::Status status = CheckFitsReport(count, what);
    if (!status.ok()) return status;
  }
  v1::OutcomeScore score;
  score.set_importance_count(static_cast<uint32_t>(c.importance_count));
  score.set_importance_top_box_count(
      static_cast<uint32_t>(c.importance_top_box));
  score.set_satisfaction_count(static_cast<uint32_t>(c.satisfaction_count));
  score.set_satisfaction_top_box_count(
      static_cast<uint32_t>(c.satisfaction_top_box));
  score.set_both_count(static_cast<uint32_t>(c.both_count));
  score.set_both_top_box_count(static_cast<uint32_t>(c.both_top_box));
  score.set_band(ClassifyBand(c));
  if (score.band() == v1::BAND_INSUFFICIENT_DATA) {
    // No share exists without answers; scores stay 0 and the band says why.
    if (c.importance_count != 0) {
      score.set_importance(10.0 * static_cast<double>(c.importance_top_box) /
                           static_cast<double>(c.importance_count));
    }
    if (c.satisfaction_count != 0) {
      score.set_satisfaction(10.0 *
                             static_cast<double>(c.satisfaction_top_box) /
                             static_cast<double>(c.satisfaction_count));
    }
    return score;
  }
  const double importance = 10.0 * static_cast<double>(c.importance_top_box) /
                            static_cast<double>(c.importance_count);
  const double satisfaction = 10.0 *
                              static_cast<double>(c.satisfaction_top_box) /
                              static_cast<double>(c.satisfaction_count);
  score.set_importance(importance);
  score.set_satisfaction(satisfaction);
  score.set_opportunity(importance + std::max(importance - satisfaction, 0.0));
  return score;
}

void RankOutcomes(
    google::protobuf::RepeatedPtrField<v1::OutcomeScore>* scores) {
  std::vector<v1::OutcomeScore*> order(scores->pointer_begin(),
                                       scores->pointer_end());
  std::stable_sort(
      order.begin(), order.end(),
      [](const v1::OutcomeScore* a, const v1::OutcomeScore* b) {
        const bool a_data = a->band() != v1::BAND_INSUFFICIENT_DATA;
        const bool b_data = b->band() != v1::BAND_INSUFFICIENT_DATA;
        if (a_data != b_data) return a_data;
        return a->opportunity() > b->opportunity();
      });
  google::protobuf::RepeatedPtrField<v1::OutcomeScore> ranked;
  ranked.Reserve(scores->size());
  uint32_t rank = 0;
  for (v1::OutcomeScore* score : order) {
    v1::OutcomeScore* out = ranked.Add();
    out->Swap(score);
    out->set_rank(out->band() == v1::BAND_INSUFFICIENT_DATA ? 0 : ++rank);
  }
  scores->Swap(&ranked);
}

absl::StatusOr<v1::OutcomeScore> ScoreOutcome(
    const Aggregate& aggregate, size_t outcome, const ScoringPlan& plan,
    absl::string_view bootstrap_scope) {
  const v1::ScoreMethod method = plan.method;
  // Counts, and Ulwick's scores and band in exact arithmetic.
  absl::StatusOr<v1::OutcomeScore> score = ScoreOutcome(
      aggregate.Counts(outcome, MethodTopBoxMin(aggregate.scale(), method)));
  if (!score.ok()) return score;
  const OutcomeEstimate e = EstimateOutcome(aggregate, outcome, method);
  const stats::ScorePair& s = e.scores;
  if (aggregate.weighted() || !HasBands(method)) {
    score->set_importance(e.has_importance ? s.importance : 0);
    score->set_satisfaction(e.has_satisfaction ? s.satisfaction : 0);
    score->set_opportunity(e.has_scores() ? e.opportunity : 0);
    if (!e.has_scores()) {
      score->set_band(v1::BAND_INSUFFICIENT_DATA);
    } else if (HasBands(method)) {
      score->set_band(ClassifyBandFromScores(s.importance, s.satisfaction));
    } else {
      score->set_band(v1::BAND_UNSPECIFIED);
    }
  }
  const bool top_box = IsTopBoxMethod(method);
  const double z = plan.critical_value;
  if (e.has_importance) {
    *score->mutable_importance_interval() =
        ScoreInterval(s.importance, s.importance_variance,
                      e.importance_effective_count, top_box, z);
  }
  if (e.has_satisfaction) {
    *score->mutable_satisfaction_interval() =
        ScoreInterval(s.satisfaction, s.satisfaction_variance,
                      e.satisfaction_effective_count, top_box, z);
  }
  if (aggregate.weighted()) {
    if (e.has_importance) {
      score->set_importance_effective_count(e.importance_effective_count);
    }
    if (e.has_satisfaction) {
      score->set_satisfaction_effective_count(e.satisfaction_effective_count);
    }
  }
  if (!e.has_scores()) return score;
  const double opportunity = score->opportunity();
  score->set_opportunity_standard_error(std::sqrt(e.opportunity_variance));
  const v1::Interval delta =
      ToProto(stats::NormalInterval(opportunity, e.opportunity_variance, z));
  *score->mutable_opportunity_delta_interval() = delta;
  const bool ulwick = method != v1::SCORE_METHOD_OLSEN;
  if (ulwick) {
    *score->mutable_opportunity_interval() = ToProto(
        stats::UlwickOpportunityInterval(OpportunityIntervalInputOf(e, method),
                                         plan.confidence_level)
            .interval);
  } else if (plan.bootstrap_resamples == 0) {
    *score->mutable_opportunity_interval() = delta;
  }
  if (plan.bootstrap_resamples == 0) return score;
  const stats::BootstrapSummary bootstrap = BootstrapOpportunity(
      aggregate, outcome, method, plan.bootstrap_resamples,
      stats::BootstrapStreamSeed(plan.seed, bootstrap_scope,
                                 aggregate.outcomes()[outcome].id),
      plan.confidence_level);
  if (bootstrap.interval.has_value()) {
    *score->mutable_opportunity_bootstrap_interval() =
        ToProto(*bootstrap.interval);
    if (!ulwick) {
      *score->mutable_opportunity_interval() = ToProto(*bootstrap.interval);
    }
  }
  if (method != v1::SCORE_METHOD_OLSEN && bootstrap.defined_resamples > 0) {
    score->set_opportunity_at_least_10_probability(
        bootstrap.share_at_least_threshold);
  }
  return score;
}

absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate) {
  // Through MakeScoringPlan, so the defaults are computed exactly as for
  // explicit options (the critical value, to the last bit).
  return ScoreAggregate(aggregate, v1::ScoringOptions());
}

absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate,
                                          const v1::ScoringOptions& options) {
  // An aggregate has no respondents left to screen: silently skipping the
  // screening asked for would look like a screened report.
  if (options.screening().enabled()) {
    return absl::InvalidArgumentError(
        "screening needs the respondents: score a study, not an aggregate");
  }
  absl::StatusOr<ScoringPlan> plan = MakeScoringPlan(options);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<v1::Report> report = ScoreAggregate(aggregate, *plan, "");
  // The design the aggregate carries, so that its report has the job map's
  // coverage without the design given again.
  if (report.ok() && aggregate.design().has_value()) {
    design::AttachDesign(*aggregate.design(), &*report);
  }
  return report;
}

absl::StatusOr<v1::Report> ScoreAggregate(const Aggregate& aggregate,
                                          const ScoringPlan& plan,
                                          absl::string_view bootstrap_scope) {
  v1::Report report;
  absl::Status fits =
      CheckFitsReport(aggregate.respondent_count(), "respondent count");
  if (!fits.ok()) return fits;
  report.set_respondent_count(
      static_cast<uint32_t>(aggregate.respondent_count()));
  // The top-box rule the scores were computed with.
  Scale scale = aggregate.scale();
  scale.top_box_min = MethodTopBoxMin(scale, plan.method);
  *report.mutable_scale() = scale.ToProto();
  report.set_method(ScoreMethodName(plan.method));
  report.set_score_method(plan.method);
  report.set_confidence_level(plan.confidence_level);
  report.set_p_value_adjustment(plan.p_value_adjustment);
  report.set_bootstrap_resamples(plan.bootstrap_resamples);
  report.set_opportunity_interval_method(OpportunityIntervalMethodOf(plan));
  report.set_seed(plan.seed);
  report.set_weighted(aggregate.weighted());
  if (aggregate.weighted() && aggregate.outcome_count() != 0) {
    report.set_effective_respondent_count(stats::KishEffectiveCount(
        aggregate.TotalWeight(), aggregate.TotalWeightSquare()));
  }
  // Outcomes are independent (each bootstrap has its own stream), so with
  // a bootstrap, the costly part, they are scored on both cores: the same
  // scores, whichever thread computes them.
  const size_t m = aggregate.outcome_count();
  std::vector<absl::StatusOr<v1::OutcomeScore>> scores(m);
  const unsigned workers = plan.bootstrap_resamples > 0 && m >= 2 &&
                                   std::thread::hardware_concurrency() >= 2
                               ? 2
                               : 1;
  RunWorkers(workers, [&](unsigned worker) {
    for (size_t o = worker; o < m; o += workers) {
      scores[o] = ScoreOutcome(aggregate, o, plan, bootstrap_scope);
    }
  });
  for (size_t o = 0; o < m; ++o) {
    absl::StatusOr<v1::OutcomeScore>& score = scores[o];
    if (!score.ok()) return score.status();
    score->set_outcome_id(aggregate.outcomes()[o].id);
    score->set_statement(aggregate.outcomes()[o].statement);
    absl::Status competitors = ScoreCompetitors(aggregate, o, plan, &*score);
    if (!competitors.ok()) return competitors;
    *report.add_outcomes() = std::move(*score);
  }
  RankOutcomes(report.mutable_outcomes());
  for (const std::string& solution : aggregate.solutions()) {
    report.add_solutions(solution);
  }
  AdjustBestSolutionGapTests(report.mutable_outcomes());
  AddReportWarnings(&report);
  return report;
}

}  // namespace jtbd
