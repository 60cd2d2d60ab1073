// Screening through the C ABI: options (validated, unchanged on refusal),
// durations, the duration column of a read, and the report's screening
// summary and flagged respondents. Expected flags are worked out by hand in
// the comments.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

ScoreOptions NewOptions() {
  jtbd_score_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  return ScoreOptions(raw);
}

// Five outcomes, four respondents:
//   "ok"    varied ratings, 300 s
//   "flat"  importance 4 and satisfaction 2 on all five outcomes
//           (straight-lining: under independent answering with each
//           outcome's shares, importance has chance 1/4 x 2/4 x 2/3 x 1/3 x
//           1/3 = 1/54 and satisfaction 1/4 x 2/4 x 3/4 x 1/4 x 1/4 =
//           3/512, together 1.1e-4 <= 0.001), 280 s
//   "quick" varied, 60 s: below a third of the median (290 s -> 96.7 s)
//   "holes" rates the importance of two outcomes only (3 of the 5 shown
//           blank > 50 %), 310 s
Study FourRespondents() {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  for (const char* id : {"a", "b", "c", "d", "e"}) {
    EXPECT_THAT(
        Result(jtbd_study_add_outcome(study.get(), id, 1, nullptr, 0, nullptr)),
        IsOk());
  }
  const std::vector<std::string> ids = {"ok", "flat", "quick", "holes"};
  const double durations[] = {300, 280, 60, 310};
  for (size_t r = 0; r < ids.size(); ++r) {
    EXPECT_THAT(Result(jtbd_study_add_respondent(study.get(), ids[r].data(),
                                                 ids[r].size(), nullptr)),
                IsOk());
    EXPECT_THAT(Result(jtbd_study_set_duration(study.get(), r, durations[r])),
                IsOk());
  }
  const uint8_t importance[4][5] = {
      {5, 4, 2, 1, 3}, {4, 4, 4, 4, 4}, {5, 3, 4, 2, 1}, {5, 2, 0, 0, 0}};
  const uint8_t satisfaction[4][5] = {
      {1, 2, 3, 4, 5}, {2, 2, 2, 2, 2}, {4, 4, 2, 1, 3}, {3, 1, 2, 4, 5}};
  std::vector<uint32_t> respondents;
  std::vector<uint32_t> outcomes;
  std::vector<uint8_t> imp;
  std::vector<uint8_t> sat;
  for (uint32_t r = 0; r < 4; ++r) {
    for (uint32_t o = 0; o < 5; ++o) {
      respondents.push_back(r);
      outcomes.push_back(o);
      imp.push_back(importance[r][o]);
      sat.push_back(satisfaction[r][o]);
    }
  }
  EXPECT_THAT(Result(jtbd_study_add_answers(study.get(), respondents.size(),
                                            respondents.data(), outcomes.data(),
                                            imp.data(), sat.data())),
              IsOk());
  return study;
}

TEST(ScreeningCapiTest, FlagsAndListsRespondents) {
  Study study = FourRespondents();
  ScoreOptions options = NewOptions();
  ASSERT_THAT(Result(jtbd_score_options_set_screening(options.get(), 1, 0)),
              IsOk());
  ASSERT_THAT(
      Result(jtbd_score_options_set_bootstrap_resamples(options.get(), 0)),
      IsOk());
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), options.get(), &raw)),
              IsOk());
  Report report(raw);
  EXPECT_EQ(jtbd_report_respondent_count(report.get()), 4u);  // kept

  jtbd_screening_info info;
  std::memset(&info, 0, sizeof(info));
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_screening(report.get(), &info)), IsOk());
  EXPECT_EQ(info.struct_size, sizeof(info));
  EXPECT_EQ(info.screened, 1u);
  EXPECT_EQ(info.excluded, 0u);
  EXPECT_EQ(info.screened_respondent_count, 4u);
  EXPECT_EQ(info.flagged_respondent_count, 3u);
  EXPECT_EQ(info.straight_lining_count, 1u);
  EXPECT_EQ(info.speeding_count, 1u);
  EXPECT_EQ(info.blanks_count, 1u);
  EXPECT_EQ(info.duration_count, 4u);
  EXPECT_EQ(info.straight_line_min_ratings, 5u);
  EXPECT_EQ(info.has,
            static_cast<uint32_t>(JTBD_SCREENING_HAS_SPEED_MEDIAN_FRACTION |
                                  JTBD_SCREENING_HAS_MEDIAN_DURATION |
                                  JTBD_SCREENING_HAS_SPEED_THRESHOLD));
  EXPECT_DOUBLE_EQ(info.median_duration_seconds, 290);  // (280 + 300) / 2
  EXPECT_DOUBLE_EQ(info.speed_threshold_seconds, 290.0 / 3);
  EXPECT_DOUBLE_EQ(info.max_blank_share, 0.5);

  ASSERT_EQ(jtbd_report_screened_count(report.get()), 3u);
  const char* expected_ids[] = {"flat", "quick", "holes"};
  const uint32_t expected_reasons[] = {JTBD_SCREENING_REASON_STRAIGHT_LINING,
                                       JTBD_SCREENING_REASON_SPEEDING,
                                       JTBD_SCREENING_REASON_BLANKS};
  const double expected_blank[] = {0, 0, 0.6};
  for (size_t i = 0; i < 3; ++i) {
    jtbd_screened_respondent flagged;
    std::memset(&flagged, 0, sizeof(flagged));
    flagged.struct_size = sizeof(flagged);
    ASSERT_THAT(
        Result(jtbd_report_screened_respondent(report.get(), i, &flagged)),
        IsOk());
    EXPECT_EQ(std::string(flagged.respondent_id, flagged.respondent_id_len),
              expected_ids[i]);
    EXPECT_EQ(flagged.index, i + 1);
    EXPECT_EQ(flagged.reasons, expected_reasons[i]);
    EXPECT_EQ(flagged.has_duration, 1u);
    EXPECT_DOUBLE_EQ(flagged.blank_share, expected_blank[i]);
  }
  jtbd_screened_respondent past;
  past.struct_size = sizeof(past);
  EXPECT_THAT(Result(jtbd_report_screened_respondent(report.get(), 3, &past)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 3 is out of range"));
  past.struct_size = 4;
  EXPECT_THAT(Result(jtbd_report_screened_respondent(report.get(), 0, &past)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out->struct_size is 4"));
}

TEST(ScreeningCapiTest, ExclusionScoresOnlyTheKeptRespondent) {
  Study study = FourRespondents();
  ScoreOptions options = NewOptions();
  ASSERT_THAT(Result(jtbd_score_options_set_screening(options.get(), 1, 1)),
              IsOk());
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), options.get(), &raw)),
              IsOk());
  Report report(raw);
  // Only "ok" is left: outcome a rated 5 / 1 gives I = 10, S = 0, O = 20.
  EXPECT_EQ(jtbd_report_respondent_count(report.get()), 1u);
  jtbd_outcome_score score = EmptyScore();
  ASSERT_THAT(Result(jtbd_report_outcome(report.get(), 0, &score)), IsOk());
  EXPECT_EQ(std::string(score.outcome_id, score.outcome_id_len), "a");
  EXPECT_DOUBLE_EQ(score.opportunity, 20);
  jtbd_screening_info info;
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_screening(report.get(), &info)), IsOk());
  EXPECT_EQ(info.excluded, 1u);
}

TEST(ScreeningCapiTest, OptionsAreValidatedAndUnchangedOnRefusal) {
  ScoreOptions options = NewOptions();
  EXPECT_THAT(Result(jtbd_score_options_set_screening(options.get(), 0, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "jtbd_score_options_set_screening: "
                        "screening.exclude needs screening.enabled"));
  EXPECT_THAT(
      Result(jtbd_score_options_set_screening_min_ratings(options.get(), 1)),
      FailsWith(JTBD_INVALID_ARGUMENT, "straight_line_min_ratings 1"));
  EXPECT_THAT(Result(jtbd_score_options_set_screening_speed_fraction(
                  options.get(), 1.5)),
              FailsWith(JTBD_INVALID_ARGUMENT, "speed_median_fraction"));
  EXPECT_THAT(
      Result(jtbd_score_options_set_screening_min_seconds(options.get(), -1)),
      FailsWith(JTBD_INVALID_ARGUMENT, "speed_min_seconds"));
  EXPECT_THAT(Result(jtbd_score_options_set_screening_max_blank_share(
                  options.get(), NAN)),
              FailsWith(JTBD_INVALID_ARGUMENT, "max_blank_share"));
  EXPECT_THAT(Result(jtbd_score_options_set_screening(nullptr, 1, 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options"));
  {
    // Every refusal above left the options as created: no screening.
    Study unscreened_study = FourRespondents();
    jtbd_report* unscreened = nullptr;
    ASSERT_THAT(Result(jtbd_study_score(unscreened_study.get(), options.get(),
                                        &unscreened)),
                IsOk());
    Report owned(unscreened);
    EXPECT_EQ(jtbd_report_screened_count(owned.get()), 0u);
    EXPECT_EQ(jtbd_report_respondent_count(owned.get()), 4u);
  }

  // Thresholds apply: with a 100 s minimum "quick" (60 s) speeds, and the
  // last speed rule set wins over the fraction.
  Study study = FourRespondents();
  ASSERT_THAT(Result(jtbd_score_options_set_screening(options.get(), 1, 0)),
              IsOk());
  ASSERT_THAT(Result(jtbd_score_options_set_screening_speed_fraction(
                  options.get(), 0.1)),
              IsOk());
  ASSERT_THAT(
      Result(jtbd_score_options_set_screening_min_seconds(options.get(), 290)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_score_options_set_screening_min_ratings(options.get(), 6)),
      IsOk());
  ASSERT_THAT(Result(jtbd_score_options_set_screening_max_blank_share(
                  options.get(), 0.6)),
              IsOk());
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), options.get(), &raw)),
              IsOk());
  Report report(raw);
  // Below 290 s: flat (280) and quick (60); five ratings < 6: no
  // straight-lining; 3/5 blank is not more than 0.6.
  jtbd_screening_info info;
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_screening(report.get(), &info)), IsOk());
  EXPECT_EQ(info.has & JTBD_SCREENING_HAS_SPEED_MEDIAN_FRACTION, 0u);
  EXPECT_DOUBLE_EQ(info.speed_min_seconds, 290);
  EXPECT_EQ(info.flagged_respondent_count, 2u);
  EXPECT_EQ(info.speeding_count, 2u);
  EXPECT_EQ(info.straight_lining_count, 0u);
  EXPECT_EQ(info.blanks_count, 0u);
}

TEST(ScreeningCapiTest, UnscreenedReportsAndAggregatesAndDurations) {
  Study study = FourRespondents();
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), nullptr, &raw)), IsOk());
  Report report(raw);
  jtbd_screening_info info;
  std::memset(&info, 0xAB, sizeof(info));
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_screening(report.get(), &info)), IsOk());
  EXPECT_EQ(info.screened, 0u);
  EXPECT_EQ(info.flagged_respondent_count, 0u);
  EXPECT_EQ(jtbd_report_screened_count(report.get()), 0u);
  EXPECT_EQ(jtbd_report_screened_count(nullptr), 0u);

  EXPECT_THAT(
      Result(jtbd_study_set_duration(study.get(), 0, -5)),
      FailsWith(JTBD_INVALID_ARGUMENT, "jtbd_study_set_duration: duration -5"));
  EXPECT_THAT(
      Result(jtbd_study_set_duration(study.get(), 9, 5)),
      FailsWith(JTBD_OUT_OF_RANGE,
                "jtbd_study_set_duration: respondent 9 is out of range"));

  jtbd_aggregate* aggregate = nullptr;
  ASSERT_THAT(Result(jtbd_study_create_aggregate(study.get(), &aggregate)),
              IsOk());
  Aggregate owned(aggregate);
  ScoreOptions options = NewOptions();
  ASSERT_THAT(Result(jtbd_score_options_set_screening(options.get(), 1, 0)),
              IsOk());
  jtbd_report* refused = nullptr;
  EXPECT_THAT(
      Result(jtbd_aggregate_score(owned.get(), options.get(), &refused)),
      FailsWith(JTBD_INVALID_ARGUMENT, "screening needs"));
  EXPECT_EQ(refused, nullptr);
}

TEST(ScreeningCapiTest, DurationColumnOfARead) {
  jtbd_read_options* raw_options = nullptr;
  ASSERT_THAT(Result(jtbd_read_options_create(&raw_options)), IsOk());
  ReadOptions options(raw_options);
  ASSERT_THAT(
      Result(jtbd_read_options_set_duration_column(options.get(), "secs", 4)),
      IsOk());
  const std::string csv = "id,secs,imp_a,sat_a\nr1,12,5,1\nr2,x,4,2\n";
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_read_csv(options.get(), csv.data(), csv.size(),
                                         "d.csv", 5, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "d.csv: line 3, column 2 (\"secs\"): duration \"x\""));
  EXPECT_EQ(raw, nullptr);
}

}  // namespace
}  // namespace jtbd_test
