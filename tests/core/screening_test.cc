// Screening of inattentive respondents: each rule at its boundaries, the
// report's summary, and exclusion scoring exactly as if the flagged
// respondents were not in the study.
#include "core/screening.h"

#include <cmath>
#include <string>
#include <vector>

#include "core/scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// One respondent as written in a test: ratings per outcome (0 = no answer;
// -1 in both = the pair never given), attributes and extras.
struct Row {
  std::string id;
  std::vector<int> importance;
  std::vector<int> satisfaction;
  double duration = -1;  // -1: unknown
  std::string segment;
  double weight = 1;
};

Study MakeStudy(size_t outcomes, const std::vector<Row>& rows) {
  Study study;
  for (size_t o = 0; o < outcomes; ++o) {
    EXPECT_TRUE(study.AddOutcome({"o" + std::to_string(o + 1), "", ""}).ok());
  }
  for (const Row& row : rows) {
    absl::StatusOr<size_t> r = study.AddRespondent(row.id);
    EXPECT_TRUE(r.ok()) << r.status();
    if (!row.segment.empty()) {
      EXPECT_TRUE(study.SetAttribute(*r, "segment", row.segment).ok());
    }
    if (row.weight != 1) EXPECT_TRUE(study.SetWeight(*r, row.weight).ok());
    if (row.duration >= 0) {
      EXPECT_TRUE(study.SetDuration(*r, row.duration).ok());
    }
    for (size_t o = 0; o < outcomes; ++o) {
      if (row.importance[o] < 0 && row.satisfaction[o] < 0) continue;
      const uint32_t r32 = static_cast<uint32_t>(*r);
      const uint32_t o32 = static_cast<uint32_t>(o);
      const uint8_t imp = static_cast<uint8_t>(std::max(0, row.importance[o]));
      const uint8_t sat =
          static_cast<uint8_t>(std::max(0, row.satisfaction[o]));
      EXPECT_TRUE(study
                      .AddAnswers({absl::MakeConstSpan(&r32, 1),
                                   absl::MakeConstSpan(&o32, 1),
                                   absl::MakeConstSpan(&imp, 1),
                                   absl::MakeConstSpan(&sat, 1)})
                      .ok());
    }
  }
  return study;
}

ScreeningResult Screen(const Study& study,
                       const v1::ScreeningOptions& options) {
  absl::StatusOr<ScreeningPlan> plan = MakeScreeningPlan(options);
  EXPECT_TRUE(plan.ok()) << plan.status();
  return ScreenRespondents(study, *plan);
}

// The run-length and blank-count mechanics, apart from the rules that
// weigh them (straight-lining's chance under independent answering, an
// outcome blank on both axes as not shown): those have their defaults
// tested in screening_rules_test.cc.
v1::ScreeningOptions Enabled() {
  v1::ScreeningOptions options;
  options.set_enabled(true);
  options.set_straight_line_max_chance(1);
  options.set_blanks_count_unshown(true);
  return options;
}

std::vector<std::string> FlaggedIds(const ScreeningResult& result) {
  std::vector<std::string> ids;
  for (const v1::ScreenedRespondent& r : result.summary.respondents()) {
    ids.push_back(r.respondent_id());
  }
  return ids;
}

TEST(ScreeningTest, StraightLiningNeedsAtLeastNEqualRatingsInABattery) {
  // Six outcomes; "-1" pairs are never given (blank share 1/6 or 2/6, below
  // the default 1/2, so only straight-lining can flag).
  const Study study =
      MakeStudy(6, {
                       // exactly 5 importance ratings, all 4: flagged
                       {"five", {4, 4, 4, 4, 4, -1}, {1, 2, 3, 4, 5, -1}},
                       // 4 equal ratings: too few to judge
                       {"four", {3, 3, 3, 3, -1, -1}, {1, 2, 3, 4, -1, -1}},
                       // six ratings, one differs
                       {"varied", {5, 5, 5, 5, 5, 4}, {1, 2, 3, 4, 5, 1}},
                       // the satisfaction battery alone straight-lines
                       {"sat", {1, 2, 3, 4, 5, 1}, {2, 2, 2, 2, 2, 2}},
                   });
  const ScreeningResult result = Screen(study, Enabled());
  EXPECT_THAT(result.flagged, ElementsAre(true, false, false, true));
  EXPECT_THAT(FlaggedIds(result), ElementsAre("five", "sat"));
  for (const v1::ScreenedRespondent& r : result.summary.respondents()) {
    EXPECT_THAT(r.reasons(), ElementsAre(v1::SCREENING_REASON_STRAIGHT_LINING));
  }
  EXPECT_EQ(result.summary.straight_lining_count(), 2u);
  EXPECT_EQ(result.summary.criteria().straight_line_min_ratings(), 5u);
  EXPECT_DOUBLE_EQ(result.summary.respondents(0).blank_share(), 1.0 / 6);

  // With N = 4 the four equal ratings are enough.
  v1::ScreeningOptions four = Enabled();
  four.set_straight_line_min_ratings(4);
  EXPECT_THAT(Screen(study, four).flagged,
              ElementsAre(true, true, false, true));
}

TEST(ScreeningTest, SpeedingIsStrictlyBelowAFractionOfTheMedian) {
  // Six known durations: the median of an even count is the mean of the two
  // middle ones, (100 + 140) / 2 = 120; a quarter of it is 30.
  const std::vector<int> varied = {1, 2, 3, 4, 5};
  const Study study = MakeStudy(5, {
                                       {"a", varied, varied, 29},
                                       {"b", varied, varied, 30},
                                       {"c", varied, varied, 100},
                                       {"d", varied, varied, 140},
                                       {"e", varied, varied, 500},
                                       {"f", varied, varied, 600},
                                       {"unknown", varied, varied},
                                   });
  v1::ScreeningOptions quarter = Enabled();
  quarter.set_speed_median_fraction(0.25);
  const ScreeningResult result = Screen(study, quarter);
  EXPECT_THAT(FlaggedIds(result), ElementsAre("a"));
  EXPECT_THAT(result.summary.respondents(0).reasons(),
              ElementsAre(v1::SCREENING_REASON_SPEEDING));
  EXPECT_EQ(result.summary.respondents(0).duration_seconds(), 29);
  EXPECT_EQ(result.summary.criteria().median_duration_seconds(), 120);
  EXPECT_EQ(result.summary.criteria().speed_threshold_seconds(), 30);
  EXPECT_EQ(result.summary.duration_count(), 6u);
  EXPECT_EQ(result.summary.speeding_count(), 1u);

  // Default: a third of the median, 40: a and b.
  const ScreeningResult third = Screen(study, Enabled());
  EXPECT_THAT(FlaggedIds(third), ElementsAre("a", "b"));
  EXPECT_DOUBLE_EQ(third.summary.criteria().speed_threshold_seconds(), 40);
  EXPECT_DOUBLE_EQ(third.summary.criteria().speed_median_fraction(), 1.0 / 3);

  // An absolute minimum replaces the fraction; 100 itself is not below it.
  v1::ScreeningOptions minimum = Enabled();
  minimum.set_speed_min_seconds(100);
  const ScreeningResult absolute = Screen(study, minimum);
  EXPECT_THAT(FlaggedIds(absolute), ElementsAre("a", "b"));
  EXPECT_FALSE(absolute.summary.criteria().has_speed_median_fraction());
  EXPECT_EQ(absolute.summary.criteria().speed_min_seconds(), 100);
  EXPECT_EQ(absolute.summary.criteria().speed_threshold_seconds(), 100);
}

TEST(ScreeningTest, OddCountMedianAndNoDurationsAtAll) {
  const std::vector<int> varied = {1, 2, 3};
  const Study odd = MakeStudy(3, {{"a", varied, varied, 10},
                                  {"b", varied, varied, 90},
                                  {"c", varied, varied, 31}});
  const ScreeningResult result = Screen(odd, Enabled());
  EXPECT_EQ(result.summary.criteria().median_duration_seconds(), 31);
  EXPECT_THAT(FlaggedIds(result), ElementsAre("a"));  // 10 < 31 / 3

  const Study none = MakeStudy(3, {{"a", varied, varied}});
  const ScreeningResult unjudged = Screen(none, Enabled());
  EXPECT_EQ(unjudged.summary.duration_count(), 0u);
  EXPECT_FALSE(unjudged.summary.criteria().has_median_duration_seconds());
  EXPECT_FALSE(unjudged.summary.criteria().has_speed_threshold_seconds());
  EXPECT_EQ(unjudged.summary.flagged_respondent_count(), 0u);
}

TEST(ScreeningTest, BlanksAreStrictlyMoreThanTheShare) {
  // Four outcomes; a pair with one rating missing counts as blank.
  const Study study = MakeStudy(
      4, {
             {"half", {1, 2, -1, 0}, {3, 4, -1, 5}},        // 2 of 4: kept
             {"three", {1, 0, -1, 4}, {2, 5, -1, 0}},       // 3 of 4: flagged
             {"none", {-1, -1, -1, -1}, {-1, -1, -1, -1}},  // 4 of 4
             {"full", {1, 2, 3, 4}, {4, 3, 2, 1}},
         });
  const ScreeningResult result = Screen(study, Enabled());
  EXPECT_THAT(FlaggedIds(result), ElementsAre("three", "none"));
  EXPECT_DOUBLE_EQ(result.summary.respondents(0).blank_share(), 0.75);
  EXPECT_DOUBLE_EQ(result.summary.respondents(1).blank_share(), 1.0);
  EXPECT_EQ(result.summary.blanks_count(), 2u);

  v1::ScreeningOptions quarter = Enabled();
  quarter.set_max_blank_share(0.25);
  EXPECT_THAT(FlaggedIds(Screen(study, quarter)),
              ElementsAre("half", "three", "none"));
  v1::ScreeningOptions all = Enabled();
  all.set_max_blank_share(1);
  EXPECT_TRUE(FlaggedIds(Screen(study, all)).empty());
}

TEST(ScreeningTest, ARespondentCanHaveEveryReason) {
  // Twelve outcomes, five rated 5/5 and seven never: straight-lining on
  // both batteries, 7/12 blank, and the fastest of three.
  std::vector<int> lazy(12, -1);
  for (int o = 0; o < 5; ++o) lazy[o] = 5;
  std::vector<int> full = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2};
  const Study study = MakeStudy(12, {{"ok1", full, full, 300},
                                     {"lazy", lazy, lazy, 20},
                                     {"ok2", full, full, 240}});
  const ScreeningResult result = Screen(study, Enabled());
  ASSERT_EQ(result.summary.respondents_size(), 1);
  const v1::ScreenedRespondent& lazy_one = result.summary.respondents(0);
  EXPECT_EQ(lazy_one.respondent_id(), "lazy");
  EXPECT_EQ(lazy_one.index(), 1u);
  EXPECT_THAT(
      lazy_one.reasons(),
      ElementsAre(v1::SCREENING_REASON_STRAIGHT_LINING,
                  v1::SCREENING_REASON_SPEEDING, v1::SCREENING_REASON_BLANKS));
  EXPECT_DOUBLE_EQ(lazy_one.blank_share(), 7.0 / 12);
  EXPECT_EQ(result.summary.flagged_respondent_count(), 1u);
  EXPECT_EQ(result.summary.straight_lining_count(), 1u);
  EXPECT_EQ(result.summary.speeding_count(), 1u);
  EXPECT_EQ(result.summary.blanks_count(), 1u);
  EXPECT_EQ(result.summary.screened_respondent_count(), 3u);
}

TEST(ScreeningTest, OptionsAreValidated) {
  auto refused = [](const v1::ScreeningOptions& options,
                    const std::string& words) {
    absl::StatusOr<ScreeningPlan> plan = MakeScreeningPlan(options);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(plan.status().message(), HasSubstr(words));
  };
  v1::ScreeningOptions options;
  options.set_exclude(true);
  refused(options, "screening.exclude needs screening.enabled");
  options = Enabled();
  options.set_straight_line_min_ratings(1);
  refused(options, "straight_line_min_ratings 1");
  for (double bad : {0.0, 1.0, -0.5, std::nan("")}) {
    options = Enabled();
    options.set_speed_median_fraction(bad);
    refused(options, "speed_median_fraction");
  }
  for (double bad : {-1.0, HUGE_VAL, std::nan("")}) {
    options = Enabled();
    options.set_speed_min_seconds(bad);
    refused(options, "speed_min_seconds");
  }
  options = Enabled();
  options.set_speed_min_seconds(10);
  options.set_speed_median_fraction(0.5);
  refused(options, "not both");
  for (double bad : {-0.1, 1.5, std::nan("")}) {
    options = Enabled();
    options.set_max_blank_share(bad);
    refused(options, "max_blank_share");
  }
  absl::StatusOr<ScreeningPlan> defaults =
      MakeScreeningPlan(v1::ScreeningOptions());
  ASSERT_TRUE(defaults.ok());
  EXPECT_FALSE(defaults->enabled);
}

TEST(StudyDurationTest, ValidatesAndRoundTripsThroughProto) {
  Study study;
  ASSERT_TRUE(study.AddRespondents(2).ok());
  EXPECT_FALSE(study.has_duration(0));
  for (double bad : {-1.0, HUGE_VAL, std::nan("")}) {
    EXPECT_EQ(study.SetDuration(0, bad).code(),
              absl::StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(study.SetDuration(2, 1).code(), absl::StatusCode::kOutOfRange);
  ASSERT_TRUE(study.SetDuration(1, 0).ok());
  const v1::Study proto = study.ToProto();
  EXPECT_FALSE(proto.respondents(0).has_duration_seconds());
  EXPECT_TRUE(proto.respondents(1).has_duration_seconds());
  absl::StatusOr<Study> back = Study::FromProto(proto);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->has_duration(0));
  EXPECT_EQ(back->duration(1), 0);

  v1::Study bad = proto;
  bad.mutable_respondents(0)->set_duration_seconds(-3);
  absl::StatusOr<Study> refused = Study::FromProto(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.status().message(),
              HasSubstr("respondents[0].duration_seconds"));
}

// Ten respondents in two segments, with weights and durations; "sl"
// straight-lines, "fast" speeds, "gaps" leaves blanks, and "sl" alone
// carries a weight other than 1.
std::vector<Row> MixedRows() {
  return {
      {"r1", {5, 4, 2, 3, 5, 1}, {2, 1, 4, 3, 2, 5}, 300, "a"},
      {"r2", {4, 5, 3, 2, 4, 4}, {1, 3, 5, 2, 3, 4}, 280, "b"},
      {"sl", {4, 4, 4, 4, 4, 4}, {2, 3, 1, 5, 2, 4}, 250, "a", 3.0},
      {"r3", {3, 4, 5, 5, 2, 1}, {3, 3, 2, 1, 5, 4}, 320, "b"},
      {"fast", {5, 5, 1, 2, 4, 3}, {1, 2, 2, 5, 4, 3}, 40, "a"},
      {"r4", {2, 5, 4, 4, 3, 5}, {4, 2, 1, 3, 5, 2}, 260, "b"},
      {"gaps", {5, 0, -1, -1, 4, -1}, {2, 3, -1, -1, 0, -1}, 200, "a"},
      {"r5", {4, 3, 5, 1, 5, 2}, {2, 5, 3, 4, 1, 3}, 310, ""},
      {"r6", {5, 4, 4, 3, 2, 5}, {1, 1, 2, 4, 3, 5}, 290, "b"},
      {"r7", {1, 5, 3, 4, 4, 2}, {5, 4, 1, 2, 3, 3}, 270, "a"},
  };
}

v1::ScoringOptions ScoringWith(bool exclude, const std::string& segment_by) {
  v1::ScoringOptions options;
  options.set_segment_by(segment_by);
  options.set_bootstrap_resamples(300);
  options.mutable_screening()->set_enabled(true);
  options.mutable_screening()->set_exclude(exclude);
  // The rules as Enabled() sets them: these tests are about exclusion.
  options.mutable_screening()->set_straight_line_max_chance(1);
  options.mutable_screening()->set_blanks_count_unshown(true);
  return options;
}

// A screened report without its screening block: the warning about the
// share flagged goes with it (3 of 10 here, above 10%).
void ClearScreeningWarnings(v1::Report* report) {
  auto* warnings = report->mutable_warnings();
  const int before = warnings->size();
  for (int i = warnings->size() - 1; i >= 0; --i) {
    if (warnings->Get(i).code() == v1::WARNING_CODE_SCREENING_FLAGGED_MANY) {
      warnings->DeleteSubrange(i, 1);
    }
  }
  EXPECT_EQ(warnings->size(), before - 1);
}

TEST(ScreeningScoreTest, ExclusionScoresExactlyTheStudyWithoutThem) {
  const std::vector<Row> rows = MixedRows();
  const Study study = MakeStudy(6, rows);
  std::vector<Row> kept;
  for (const Row& row : rows) {
    if (row.id != "sl" && row.id != "fast" && row.id != "gaps") {
      kept.push_back(row);
    }
  }
  const Study without = MakeStudy(6, kept);
  for (const std::string segment_by : {"", "segment"}) {
    SCOPED_TRACE(segment_by);
    absl::StatusOr<v1::Report> screened =
        study.Score(ScoringWith(true, segment_by));
    ASSERT_TRUE(screened.ok()) << screened.status();
    const v1::ScreeningSummary& summary = screened->screening();
    EXPECT_TRUE(summary.excluded());
    std::vector<std::string> ids;
    for (const auto& r : summary.respondents())
      ids.push_back(r.respondent_id());
    EXPECT_THAT(ids, ElementsAre("sl", "fast", "gaps"));

    v1::ScoringOptions plain = ScoringWith(false, segment_by);
    plain.clear_screening();
    absl::StatusOr<v1::Report> expected = without.Score(plain);
    ASSERT_TRUE(expected.ok()) << expected.status();
    // The weight of 3 left with "sl": the rest is scored unweighted.
    EXPECT_FALSE(screened->weighted());
    EXPECT_EQ(screened->respondent_count(), 7u);
    v1::Report compared = *screened;
    compared.clear_screening();
    ClearScreeningWarnings(&compared);
    std::string difference;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&difference);
    EXPECT_TRUE(differencer.Compare(compared, *expected)) << difference;
  }
}

TEST(ScreeningScoreTest, FlaggingAloneLeavesTheScoresUnchanged) {
  const Study study = MakeStudy(6, MixedRows());
  absl::StatusOr<v1::Report> flagged =
      study.Score(ScoringWith(false, "segment"));
  ASSERT_TRUE(flagged.ok()) << flagged.status();
  EXPECT_FALSE(flagged->screening().excluded());
  EXPECT_EQ(flagged->screening().flagged_respondent_count(), 3u);
  EXPECT_TRUE(flagged->weighted());
  v1::ScoringOptions plain = ScoringWith(false, "segment");
  plain.clear_screening();
  absl::StatusOr<v1::Report> unscreened = study.Score(plain);
  ASSERT_TRUE(unscreened.ok());
  EXPECT_FALSE(unscreened->has_screening());
  v1::Report compared = *flagged;
  compared.clear_screening();
  ClearScreeningWarnings(&compared);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(compared,
                                                                 *unscreened));
}

TEST(ScreeningScoreTest, AnAggregateCannotBeScreened) {
  const Study study = MakeStudy(6, MixedRows());
  absl::StatusOr<v1::Report> report =
      ScoreAggregate(study.ToAggregate(), ScoringWith(false, ""));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(), HasSubstr("screening needs"));
}

TEST(ScreeningScoreTest, BadScreeningOptionsAreRefusedByScore) {
  const Study study = MakeStudy(6, MixedRows());
  v1::ScoringOptions options;
  options.mutable_screening()->set_exclude(true);
  EXPECT_EQ(study.Score(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jtbd
