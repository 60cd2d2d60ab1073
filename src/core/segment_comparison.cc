#include "core/segment_comparison.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "stats/benjamini_hochberg.h"
#include "stats/holm.h"
#include "stats/newcombe.h"
#include "stats/normal.h"
#include "stats/opportunity_difference.h"
#include "stats/proportion_test.h"

namespace jtbd {
namespace {

// The tests of one measure across a family (one segment's outcomes, or
// every segment's), adjusted together.
class TestFamily {
 public:
  void Add(v1::SignificanceTest* test) {
    p_values_.push_back(test->p_value());
    outputs_.push_back(test);
  }
  // Holm always (holm_adjusted_p_value); Benjamini-Hochberg, when chosen,
  // as adjusted_p_value. Under Holm adjusted_p_value stays absent: it would
  // repeat holm_adjusted_p_value in every test of every report (and the
  // JSON printer's memory grows with every field printed).
  void Adjust(v1::PValueAdjustment adjustment) {
    const std::vector<double> holm = stats::HolmAdjustedPValues(p_values_);
    std::vector<double> bh;
    if (adjustment == v1::P_VALUE_ADJUSTMENT_BH) {
      bh = stats::BenjaminiHochbergAdjustedPValues(p_values_);
    }
    for (size_t k = 0; k < outputs_.size(); ++k) {
      outputs_[k]->set_holm_adjusted_p_value(holm[k]);
      if (bh.empty()) {
        outputs_[k]->clear_adjusted_p_value();
      } else {
        outputs_[k]->set_adjusted_p_value(bh[k]);
      }
    }
  }

 private:
  std::vector<double> p_values_;
  std::vector<v1::SignificanceTest*> outputs_;
};

// The adjusted p-value under the report's adjustment.
double DecidingPValue(const v1::SignificanceTest& test) {
  return test.has_adjusted_p_value() ? test.adjusted_p_value()
                                     : test.holm_adjusted_p_value();
}

void SetTest(const stats::ZTest& test, v1::SignificanceTest* out) {
  out->set_z(test.z);
  out->set_p_value(test.p_value);
}

v1::Interval ToProto(const stats::Interval& interval) {
  v1::Interval out;
  out.set_low(interval.low);
  out.set_high(interval.high);
  return out;
}

// The interval of a score's difference between two groups: Newcombe for
// top-box shares, normal for means.
v1::Interval ScoreDifferenceInterval(bool top_box, double segment_score,
                                     double segment_variance,
                                     double segment_count, double rest_score,
                                     double rest_variance, double rest_count,
                                     double z) {
  const double difference = segment_score - rest_score;
  if (!top_box) {
    return ToProto(
        stats::NormalInterval(difference, segment_variance + rest_variance, z));
  }
  const stats::Interval shares = stats::NewcombeDifferenceInterval(
      segment_score / 10, segment_count, rest_score / 10, rest_count, z);
  return ToProto(stats::Interval{10 * shares.low, 10 * shares.high});
}

// A test of one score (importance or satisfaction) between two groups.
std::optional<stats::ZTest> ScoreTest(bool top_box, double segment_score,
                                      double segment_variance,
                                      double segment_count, double rest_score,
                                      double rest_variance, double rest_count) {
  if (top_box) {
    return stats::TwoProportionZTest(segment_score / 10, segment_count,
                                     rest_score / 10, rest_count);
  }
  return stats::DifferenceZTest(segment_score - rest_score,
                                segment_variance + rest_variance);
}

}  // namespace

absl::Status CompareSegment(const Aggregate& segment, const Aggregate& rest,
                            const ScoringPlan& plan,
                            v1::SegmentReport* report) {
  if (segment.outcomes().size() != rest.outcomes().size()) {
    return absl::FailedPreconditionError(
        "segment and rest aggregates have different outcomes");
  }
  if (rest.respondent_count() > std::numeric_limits<uint32_t>::max()) {
    return absl::OutOfRangeError("respondent count exceeds 32 bits");
  }
  absl::flat_hash_map<std::string, size_t> index;
  for (size_t o = 0; o < segment.outcomes().size(); ++o) {
    if (segment.outcomes()[o].id != rest.outcomes()[o].id) {
      return absl::FailedPreconditionError(
          "segment and rest aggregates have different outcomes");
    }
    index.emplace(segment.outcomes()[o].id, o);
  }
  const bool top_box = plan.method != v1::SCORE_METHOD_MEAN;
  report->clear_comparisons();
  report->clear_more_underserved_outcome_ids();
  report->set_rest_respondent_count(
      static_cast<uint32_t>(rest.respondent_count()));
  for (const v1::OutcomeScore& score : report->outcomes()) {
    auto it = index.find(score.outcome_id());
    if (it == index.end()) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "the segment report scores \"%s\", which the aggregates do not have",
          score.outcome_id()));
    }
    const OutcomeEstimate in =
        EstimateOutcome(segment, it->second, plan.method);
    const OutcomeEstimate out = EstimateOutcome(rest, it->second, plan.method);
    v1::SegmentComparison* c = report->add_comparisons();
    c->set_outcome_id(score.outcome_id());
    c->set_rest_importance(out.has_importance ? out.scores.importance : 0);
    c->set_rest_satisfaction(out.has_satisfaction ? out.scores.satisfaction
                                                  : 0);
    c->set_rest_opportunity(out.has_scores() ? out.opportunity : 0);
    if (in.has_importance && out.has_importance) {
      c->set_importance_difference(in.scores.importance -
                                   out.scores.importance);
      std::optional<stats::ZTest> test = ScoreTest(
          top_box, in.scores.importance, in.scores.importance_variance,
          in.importance_effective_count, out.scores.importance,
          out.scores.importance_variance, out.importance_effective_count);
      if (test) SetTest(*test, c->mutable_importance_test());
      *c->mutable_importance_difference_interval() = ScoreDifferenceInterval(
          top_box, in.scores.importance, in.scores.importance_variance,
          in.importance_effective_count, out.scores.importance,
          out.scores.importance_variance, out.importance_effective_count,
          plan.critical_value);
    }
    if (in.has_satisfaction && out.has_satisfaction) {
      c->set_satisfaction_difference(in.scores.satisfaction -
                                     out.scores.satisfaction);
      std::optional<stats::ZTest> test = ScoreTest(
          top_box, in.scores.satisfaction, in.scores.satisfaction_variance,
          in.satisfaction_effective_count, out.scores.satisfaction,
          out.scores.satisfaction_variance, out.satisfaction_effective_count);
      if (test) SetTest(*test, c->mutable_satisfaction_test());
      *c->mutable_satisfaction_difference_interval() = ScoreDifferenceInterval(
          top_box, in.scores.satisfaction, in.scores.satisfaction_variance,
          in.satisfaction_effective_count, out.scores.satisfaction,
          out.scores.satisfaction_variance, out.satisfaction_effective_count,
          plan.critical_value);
    }
    if (in.has_scores() && out.has_scores()) {
      const double difference = in.opportunity - out.opportunity;
      c->set_opportunity_difference(difference);
      if (plan.method == v1::SCORE_METHOD_OLSEN) {
        // Olsen's opportunity is smooth: the delta method holds.
        const double variance =
            in.opportunity_variance + out.opportunity_variance;
        std::optional<stats::ZTest> test =
            stats::DifferenceZTest(difference, variance);
        if (test) SetTest(*test, c->mutable_opportunity_test());
        *c->mutable_opportunity_difference_interval() = ToProto(
            stats::NormalInterval(difference, variance, plan.critical_value));
      } else {
        const stats::OpportunityDifference test =
            stats::UlwickOpportunityDifference(
                {in.opportunity, OpportunityIntervalInputOf(in, plan.method)},
                {out.opportunity, OpportunityIntervalInputOf(out, plan.method)},
                plan.confidence_level);
        c->mutable_opportunity_test()->set_z(test.z);
        c->mutable_opportunity_test()->set_p_value(test.p_value);
        *c->mutable_opportunity_difference_interval() = ToProto(test.interval);
      }
    }
  }
  AdjustSegmentComparisons({report}, plan);
  return absl::OkStatus();
}

void AdjustSegmentComparisons(absl::Span<v1::SegmentReport* const> segments,
                              const ScoringPlan& plan) {
  TestFamily importance_tests, satisfaction_tests, opportunity_tests;
  for (v1::SegmentReport* segment : segments) {
    for (v1::SegmentComparison& c : *segment->mutable_comparisons()) {
      if (c.has_importance_test()) {
        importance_tests.Add(c.mutable_importance_test());
      }
      if (c.has_satisfaction_test()) {
        satisfaction_tests.Add(c.mutable_satisfaction_test());
      }
      if (c.has_opportunity_test()) {
        opportunity_tests.Add(c.mutable_opportunity_test());
      }
    }
  }
  importance_tests.Adjust(plan.p_value_adjustment);
  satisfaction_tests.Adjust(plan.p_value_adjustment);
  opportunity_tests.Adjust(plan.p_value_adjustment);
  const double alpha = 1 - plan.confidence_level;
  for (v1::SegmentReport* segment : segments) {
    segment->clear_more_underserved_outcome_ids();
    for (v1::SegmentComparison& c : *segment->mutable_comparisons()) {
      const bool more_underserved =
          c.has_opportunity_difference() && c.opportunity_difference() > 0 &&
          c.has_opportunity_test() &&
          DecidingPValue(c.opportunity_test()) < alpha;
      c.set_more_underserved(more_underserved);
      if (more_underserved) {
        segment->add_more_underserved_outcome_ids(c.outcome_id());
      }
    }
  }
}

}  // namespace jtbd
