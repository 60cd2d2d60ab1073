// Segments compared with the rest of the respondents: differences, z-tests,
// Holm adjustment, and the outcomes more underserved in a segment.
#include "core/segment_comparison.h"

#include <cmath>
#include <string>
#include <vector>

#include "core/scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "stats/benjamini_hochberg.h"
#include "stats/holm.h"
#include "stats/proportion_test.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Builds respondents of one segment: for each outcome, how many rate
// importance top box (5, else 2) and satisfaction top box (4, else 1).
struct SegmentSpec {
  std::string name;  // empty: no segment attribute
  int respondents;
  std::vector<std::pair<int, int>> top_boxes;  // per outcome
};

Study MakeStudy(const std::vector<SegmentSpec>& specs, size_t outcomes) {
  Study study;
  for (size_t o = 0; o < outcomes; ++o) {
    EXPECT_TRUE(study.AddOutcome({"o" + std::to_string(o + 1), "", ""}).ok());
  }
  std::vector<uint32_t> rs, os;
  std::vector<uint8_t> is, ss;
  for (const SegmentSpec& spec : specs) {
    const size_t first = *study.AddRespondents(spec.respondents);
    for (int k = 0; k < spec.respondents; ++k) {
      if (!spec.name.empty()) {
        EXPECT_TRUE(study.SetAttribute(first + k, "role", spec.name).ok());
      }
      for (size_t o = 0; o < outcomes; ++o) {
        rs.push_back(static_cast<uint32_t>(first + k));
        os.push_back(static_cast<uint32_t>(o));
        is.push_back(k < spec.top_boxes[o].first ? 5 : 2);
        ss.push_back(k < spec.top_boxes[o].second ? 4 : 1);
      }
    }
  }
  EXPECT_TRUE(study.AddAnswers({rs, os, is, ss}).ok());
  return study;
}

const v1::SegmentComparison& Find(const v1::SegmentReport& segment,
                                  const std::string& id) {
  for (const v1::SegmentComparison& c : segment.comparisons()) {
    if (c.outcome_id() == id) return c;
  }
  ADD_FAILURE() << id;
  return segment.comparisons(0);
}

// field (80): o1 importance 70 top, satisfaction 10; o2 40 and 40; o3 20
// and 60. office (190): o1 130 and 95; o2 95 and 95; o3 150 and 40.
Study FieldAndOffice() {
  return MakeStudy({{"field", 80, {{70, 10}, {40, 40}, {20, 60}}},
                    {"office", 190, {{130, 95}, {95, 95}, {150, 40}}}},
                   3);
}

v1::ScoringOptions BySegment() {
  v1::ScoringOptions options;
  options.set_segment_by("role");
  options.set_bootstrap_resamples(200);
  return options;
}

TEST(SegmentComparisonTest, DomainZTestAndHolmAcrossSegmentsAndOutcomes) {
  const v1::Report report = *FieldAndOffice().Score(BySegment());
  ASSERT_EQ(report.segments_size(), 2);
  const v1::SegmentReport& field = report.segments(0);
  ASSERT_EQ(field.name(), "field");
  EXPECT_EQ(field.rest_respondent_count(), 190u);
  const v1::SegmentComparison& o1 = Find(field, "o1");
  // domain.md: 70/80 vs 130/190: z = 3.27, p = 0.0011.
  EXPECT_NEAR(o1.importance_difference(), 8.75 - 1300.0 / 190, 1e-12);
  EXPECT_NEAR(o1.importance_test().z(), 3.2665857874494764, 1e-12);
  EXPECT_NEAR(o1.importance_test().p_value(), 0.0010885282130346612, 1e-15);
  // Holm over the importance tests of both segments, 2 x 3 = 6 (segments x
  // outcomes): with two segments each one's rest is the other, so office's
  // p-values equal field's. o3's two are far smaller, o2's are 1 (40/80 vs
  // 95/190), so o1's are third and fourth: max(4 p, 3 p) = 4 p for both.
  EXPECT_NEAR(Find(field, "o2").importance_test().p_value(), 1.0, 1e-15);
  EXPECT_LT(Find(field, "o3").importance_test().p_value(), 1e-6);
  EXPECT_NEAR(o1.importance_test().holm_adjusted_p_value(),
              4 * 0.0010885282130346612, 1e-15);
  EXPECT_NEAR(
      Find(report.segments(1), "o1").importance_test().holm_adjusted_p_value(),
      4 * 0.0010885282130346612, 1e-15);
  // Holm is the default adjustment, and the report says so.
  EXPECT_EQ(report.p_value_adjustment(), v1::P_VALUE_ADJUSTMENT_HOLM);
  // Under Holm, holm_adjusted_p_value is the adjusted p: no second copy.
  EXPECT_FALSE(o1.importance_test().has_adjusted_p_value());
  EXPECT_NEAR(Find(field, "o2").importance_test().holm_adjusted_p_value(), 1.0,
              1e-15);
  // The rest of field is office here: its scores are office's.
  const v1::SegmentReport& office = report.segments(1);
  for (const v1::OutcomeScore& s : office.outcomes()) {
    const v1::SegmentComparison& c = Find(field, s.outcome_id());
    EXPECT_DOUBLE_EQ(c.rest_importance(), s.importance());
    EXPECT_DOUBLE_EQ(c.rest_satisfaction(), s.satisfaction());
    EXPECT_DOUBLE_EQ(c.rest_opportunity(), s.opportunity());
  }
}

// Ulwick's opportunity test is its difference's interval inverted
// (docs/SCORING.md, "Opportunity differences"; the figures themselves are
// checked against the Python reference in tests/cli/test_cli.py): same sign
// as the difference, p = erfc(|z| / sqrt 2), and p < alpha exactly when the
// interval excludes 0. Olsen's keeps the delta method's z-test.
TEST(SegmentComparisonTest, OpportunityTestIsTheIntervalInverted) {
  const v1::Report report = *FieldAndOffice().Score(BySegment());
  for (const v1::SegmentComparison& c : report.segments(0).comparisons()) {
    ASSERT_TRUE(c.has_opportunity_difference_interval()) << c.outcome_id();
    const v1::Interval& interval = c.opportunity_difference_interval();
    EXPECT_LE(interval.low(), c.opportunity_difference());
    EXPECT_GE(interval.high(), c.opportunity_difference());
    const v1::SignificanceTest& test = c.opportunity_test();
    EXPECT_EQ(std::signbit(test.z()), std::signbit(c.opportunity_difference()))
        << c.outcome_id();
    EXPECT_NEAR(test.p_value(), std::erfc(std::fabs(test.z()) / std::sqrt(2.0)),
                1e-15);
    EXPECT_EQ(test.p_value() < 0.05, interval.low() > 0 || interval.high() < 0)
        << c.outcome_id();
    ASSERT_TRUE(c.has_importance_difference_interval());
    EXPECT_LE(c.importance_difference_interval().low(),
              c.importance_difference());
    EXPECT_GE(c.importance_difference_interval().high(),
              c.importance_difference());
  }
}

TEST(SegmentComparisonTest, OlsenOpportunityTestUsesBothDeltaVariances) {
  v1::ScoringOptions options = BySegment();
  options.set_method(v1::SCORE_METHOD_OLSEN);
  const v1::Report report = *FieldAndOffice().Score(options);
  const v1::SegmentReport& field = report.segments(0);
  const v1::SegmentReport& office = report.segments(1);
  for (int k = 0; k < field.outcomes_size(); ++k) {
    const v1::OutcomeScore& in = field.outcomes(k);
    const v1::SegmentComparison& c = field.comparisons(k);
    ASSERT_EQ(c.outcome_id(), in.outcome_id());  // in the order of outcomes
    const v1::OutcomeScore* out = nullptr;
    for (const v1::OutcomeScore& s : office.outcomes()) {
      if (s.outcome_id() == in.outcome_id()) out = &s;
    }
    ASSERT_NE(out, nullptr);
    const double difference = in.opportunity() - out->opportunity();
    EXPECT_NEAR(c.opportunity_difference(), difference, 1e-12);
    const double se = std::sqrt(std::pow(in.opportunity_standard_error(), 2) +
                                std::pow(out->opportunity_standard_error(), 2));
    if (se > 0) {
      EXPECT_NEAR(c.opportunity_test().z(), difference / se, 1e-9);
      const double z95 = 1.959963984540054;
      EXPECT_NEAR(c.opportunity_difference_interval().low(),
                  difference - z95 * se, 1e-9);
      EXPECT_NEAR(c.opportunity_difference_interval().high(),
                  difference + z95 * se, 1e-9);
    }
  }
}

TEST(SegmentComparisonTest, MoreUnderservedListsPerSegment) {
  const v1::Report report = *FieldAndOffice().Score(BySegment());
  // o1: field I 8.75 S 1.25 -> Opp 16.25 vs office 6.84 / 5 -> 8.68.
  // o3: field 2.5 / 7.5 -> 2.5 vs office 7.89 / 2.11 -> 13.68.
  const v1::SegmentReport& field = report.segments(0);
  const v1::SegmentReport& office = report.segments(1);
  EXPECT_THAT(field.more_underserved_outcome_ids(), ElementsAre("o1"));
  EXPECT_THAT(office.more_underserved_outcome_ids(), ElementsAre("o3"));
  EXPECT_TRUE(Find(field, "o1").more_underserved());
  EXPECT_FALSE(Find(field, "o2").more_underserved());
  EXPECT_FALSE(Find(field, "o3").more_underserved());
  EXPECT_LT(Find(field, "o3").opportunity_difference(), 0);
  EXPECT_LT(Find(field, "o1").opportunity_test().holm_adjusted_p_value(), 0.05);
}

TEST(SegmentComparisonTest, AlphaFollowsTheConfidenceLevel) {
  // A modest difference: significant at alpha = 0.10, not at 0.01.
  const Study study =
      MakeStudy({{"a", 100, {{70, 30}}}, {"b", 100, {{58, 30}}}}, 1);
  v1::ScoringOptions options = BySegment();
  options.set_confidence_level(0.90);
  const v1::Report loose = *study.Score(options);
  const double p = loose.segments(0)
                       .comparisons(0)
                       .opportunity_test()
                       .holm_adjusted_p_value();
  ASSERT_GT(p, 0.01);
  ASSERT_LT(p, 0.10);
  EXPECT_THAT(loose.segments(0).more_underserved_outcome_ids(),
              ElementsAre("o1"));
  options.set_confidence_level(0.99);
  const v1::Report strict = *study.Score(options);
  EXPECT_THAT(strict.segments(0).more_underserved_outcome_ids(), IsEmpty());
}

TEST(SegmentComparisonTest, RestIncludesUnsegmentedRespondents) {
  // a (50): o1 40 top / 10; b (50): 20 / 10; unsegmented (100): 50 / 10.
  const Study study = MakeStudy(
      {{"a", 50, {{40, 10}}}, {"b", 50, {{20, 10}}}, {"", 100, {{50, 10}}}}, 1);
  const v1::Report report = *study.Score(BySegment());
  EXPECT_EQ(report.unsegmented_respondent_count(), 100u);
  const v1::SegmentReport& a = report.segments(0);
  EXPECT_EQ(a.rest_respondent_count(), 150u);
  // Rest of a: (20 + 50) / 150 importance, 20 / 150 satisfaction.
  const v1::SegmentComparison& c = a.comparisons(0);
  EXPECT_NEAR(c.rest_importance(), 700.0 / 150, 1e-12);
  EXPECT_NEAR(c.rest_satisfaction(), 200.0 / 150, 1e-12);
  const std::optional<stats::ZTest> z =
      stats::TwoProportionZTest(0.8, 50, 70.0 / 150, 150);
  EXPECT_NEAR(c.importance_test().z(), z->z, 1e-12);
  // One outcome, two segments: Holm over a's and b's p-values.
  const std::vector<double> holm = stats::HolmAdjustedPValues(
      {c.importance_test().p_value(),
       report.segments(1).comparisons(0).importance_test().p_value()});
  EXPECT_DOUBLE_EQ(c.importance_test().holm_adjusted_p_value(), holm[0]);
}

TEST(SegmentComparisonTest, MeanMethodComparesMeans) {
  v1::ScoringOptions options = BySegment();
  options.set_method(v1::SCORE_METHOD_MEAN);
  const Study study = FieldAndOffice();
  const v1::Report report = *study.Score(options);
  const v1::SegmentComparison& c = Find(report.segments(0), "o1");
  // Field: 70 of 80 rate 5 (score 10), 10 rate 2 (2.5).
  const double mean = (70 * 10 + 10 * 2.5) / 80.0;
  const double variance =
      (70 * std::pow(10 - mean, 2) + 10 * std::pow(2.5 - mean, 2)) / 80 / 80;
  const double rest_mean = (130 * 10 + 60 * 2.5) / 190.0;
  const double rest_variance =
      (130 * std::pow(10 - rest_mean, 2) + 60 * std::pow(2.5 - rest_mean, 2)) /
      190 / 190;
  EXPECT_NEAR(c.importance_difference(), mean - rest_mean, 1e-12);
  EXPECT_NEAR(c.importance_test().z(),
              (mean - rest_mean) / std::sqrt(variance + rest_variance), 1e-9);
}

TEST(SegmentComparisonTest, NoTestWithoutAnswersOnOneSide) {
  // Only segment a answered o2.
  Study study = MakeStudy({{"a", 10, {{5, 5}}}, {"b", 10, {{5, 5}}}}, 1);
  ASSERT_TRUE(study.AddOutcome({"o2", "", ""}).ok());
  const uint32_t r = 0, o = 1;
  const uint8_t imp = 5, sat = 1;
  ASSERT_TRUE(
      study
          .AddAnswers({absl::MakeConstSpan(&r, 1), absl::MakeConstSpan(&o, 1),
                       absl::MakeConstSpan(&imp, 1),
                       absl::MakeConstSpan(&sat, 1)})
          .ok());
  const v1::Report report = *study.Score(BySegment());
  const v1::SegmentComparison& c = Find(report.segments(0), "o2");
  EXPECT_FALSE(c.has_importance_difference());
  EXPECT_FALSE(c.has_importance_test());
  EXPECT_FALSE(c.has_opportunity_test());
  EXPECT_FALSE(c.more_underserved());
  // o1: 5/10 in both segments, p = 1; adjusted = raw.
  const v1::SegmentComparison& o1 = Find(report.segments(0), "o1");
  EXPECT_DOUBLE_EQ(o1.importance_test().holm_adjusted_p_value(),
                   o1.importance_test().p_value());
}

// Three segments that differ on three outcomes, and their p-values of one
// measure in report order (segments, then each one's comparisons).
Study ThreeSegments() {
  return MakeStudy({{"a", 60, {{50, 10}, {30, 30}, {25, 20}}},
                    {"b", 60, {{30, 30}, {45, 15}, {30, 30}}},
                    {"c", 60, {{30, 35}, {30, 30}, {40, 12}}}},
                   3);
}

std::vector<double> OpportunityPValues(const v1::Report& report) {
  std::vector<double> p;
  for (const v1::SegmentReport& segment : report.segments()) {
    for (const v1::SegmentComparison& c : segment.comparisons()) {
      if (c.has_opportunity_test()) p.push_back(c.opportunity_test().p_value());
    }
  }
  return p;
}

TEST(SegmentComparisonTest, OneFamilyAcrossSegmentsAndOutcomes) {
  // With G segments adjusted one by one, the chance of a false finding grew
  // to about G alpha; the family is now all G x m tests of a measure.
  const v1::Report report = *ThreeSegments().Score(BySegment());
  const std::vector<double> p = OpportunityPValues(report);
  ASSERT_EQ(p.size(), 9u);
  const std::vector<double> holm = stats::HolmAdjustedPValues(p);
  size_t k = 0;
  for (const v1::SegmentReport& segment : report.segments()) {
    for (const v1::SegmentComparison& c : segment.comparisons()) {
      EXPECT_DOUBLE_EQ(c.opportunity_test().holm_adjusted_p_value(), holm[k]);
      EXPECT_FALSE(c.opportunity_test().has_adjusted_p_value());
      EXPECT_EQ(c.more_underserved(),
                c.opportunity_difference() > 0 && holm[k] < 0.05);
      ++k;
    }
  }
  // Each segment's more underserved outcome stands out.
  EXPECT_THAT(report.segments(0).more_underserved_outcome_ids(),
              ElementsAre("o1"));
  EXPECT_THAT(report.segments(1).more_underserved_outcome_ids(),
              ElementsAre("o2"));
  EXPECT_THAT(report.segments(2).more_underserved_outcome_ids(),
              ElementsAre("o3"));
}

TEST(SegmentComparisonTest, BenjaminiHochbergOnRequest) {
  v1::ScoringOptions options = BySegment();
  options.set_p_value_adjustment(v1::P_VALUE_ADJUSTMENT_BH);
  const v1::Report report = *ThreeSegments().Score(options);
  EXPECT_EQ(report.p_value_adjustment(), v1::P_VALUE_ADJUSTMENT_BH);
  const std::vector<double> p = OpportunityPValues(report);
  const std::vector<double> bh = stats::BenjaminiHochbergAdjustedPValues(p);
  const std::vector<double> holm = stats::HolmAdjustedPValues(p);
  size_t k = 0;
  size_t holm_findings = 0, bh_findings = 0;
  for (const v1::SegmentReport& segment : report.segments()) {
    for (const v1::SegmentComparison& c : segment.comparisons()) {
      // Holm is still reported; BH decides.
      EXPECT_DOUBLE_EQ(c.opportunity_test().holm_adjusted_p_value(), holm[k]);
      EXPECT_DOUBLE_EQ(c.opportunity_test().adjusted_p_value(), bh[k]);
      EXPECT_EQ(c.more_underserved(),
                c.opportunity_difference() > 0 && bh[k] < 0.05);
      holm_findings += c.opportunity_difference() > 0 && holm[k] < 0.05;
      bh_findings += c.more_underserved();
      ++k;
    }
  }
  EXPECT_GE(bh_findings, holm_findings);
}

TEST(SegmentComparisonTest, RefusesAnUnknownAdjustment) {
  v1::ScoringOptions options = BySegment();
  options.set_p_value_adjustment(static_cast<v1::PValueAdjustment>(7));
  const absl::StatusOr<v1::Report> report = FieldAndOffice().Score(options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(report.status().message()),
              ::testing::HasSubstr("p_value_adjustment"));
}

TEST(SegmentComparisonTest, RefusesMismatchedAggregates) {
  const Study study = FieldAndOffice();
  const Aggregate whole = study.ToAggregate();
  const Aggregate other = *Aggregate::Create(
      Scale(), {{"x", "", ""}, {"y", "", ""}, {"z", "", ""}});
  v1::SegmentReport segment;
  segment.add_outcomes()->set_outcome_id("o1");
  EXPECT_EQ(CompareSegment(whole, other, ScoringPlan(), &segment).code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace jtbd
