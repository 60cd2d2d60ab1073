// Screening through jtbd.hpp: ScoreOptions::Screening, Study::SetDuration,
// Report::screening(), ReadOptions::duration_column.
#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

// Six outcomes, three respondents: "steady" varied (200 s), "same" rates
// importance 3 and satisfaction 4 everywhere, values nobody else gives (each
// battery has chance (1/3)^6 under independent answering, both 1.9e-6 <=
// 0.001: straight-lining), "fast" varied in 20 s (below 1/3 of the median
// 200 s).
jtbd::Study ThreeRespondents() {
  jtbd::Study study;
  for (const char* id : {"a", "b", "c", "d", "e", "f"}) study.AddOutcome(id);
  for (const char* id : {"steady", "same", "fast"}) study.AddRespondent(id);
  study.SetDuration(0, 200);
  study.SetDuration(1, 210);
  study.SetDuration(2, 20);
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance = {5, 4, 1, 2, 5, 4, 3, 3, 3,
                                     3, 3, 3, 2, 5, 4, 1, 2, 5};
  std::vector<uint8_t> satisfaction = {1, 2, 3, 5, 1, 2, 4, 4, 4,
                                       4, 4, 4, 5, 3, 2, 1, 5, 3};
  for (uint32_t r = 0; r < 3; ++r) {
    for (uint32_t o = 0; o < 6; ++o) {
      respondents.push_back(r);
      outcomes.push_back(o);
    }
  }
  study.AddAnswers(respondents, outcomes, importance, satisfaction);
  return study;
}

TEST(ScreeningCppTest, FlagsThenExcludes) {
  const jtbd::Study study = ThreeRespondents();
  jtbd::ScoreOptions options;
  options.bootstrap_resamples = 0;
  options.screening.enabled = true;
  options.screening.min_ratings = 3;
  const jtbd::Report flagged = study.Score(options);
  const jtbd::ScreeningSummary& summary = flagged.screening();
  EXPECT_TRUE(summary.screened);
  EXPECT_FALSE(summary.excluded);
  EXPECT_EQ(flagged.respondent_count(), 3u);
  EXPECT_EQ(summary.straight_line_min_ratings, 3u);
  ASSERT_TRUE(summary.median_duration_seconds.has_value());
  EXPECT_EQ(*summary.median_duration_seconds, 200);
  ASSERT_EQ(summary.respondents.size(), 2u);
  EXPECT_EQ(summary.respondents[0].respondent_id, "same");
  EXPECT_TRUE(summary.respondents[0].straight_lining);
  EXPECT_FALSE(summary.respondents[0].speeding);
  EXPECT_EQ(summary.respondents[1].respondent_id, "fast");
  EXPECT_EQ(summary.respondents[1].index, 2u);
  EXPECT_TRUE(summary.respondents[1].speeding);
  EXPECT_EQ(*summary.respondents[1].duration_seconds, 20);

  options.screening.exclude = true;
  const jtbd::Report excluded = study.Score(options);
  EXPECT_TRUE(excluded.screening().excluded);
  // Only "steady" is left: a = (5, 1): I = 10, S = 0, O = 20.
  EXPECT_EQ(excluded.respondent_count(), 1u);
  EXPECT_EQ(excluded.outcomes()[0].outcome_id, "a");
  EXPECT_DOUBLE_EQ(excluded.outcomes()[0].opportunity, 20);

  // No screening: nothing flagged.
  EXPECT_FALSE(study.Score().screening().screened);
}

TEST(ScreeningCppTest, RefusalsThrow) {
  const jtbd::Study study = ThreeRespondents();
  jtbd::ScoreOptions options;
  options.screening.exclude = true;  // without enabled
  try {
    study.Score(options);
    FAIL() << "exclude without enabled was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.what(), HasSubstr("screening.exclude"));
  }
  jtbd::Study other = ThreeRespondents();
  EXPECT_THROW(other.SetDuration(0, -1), jtbd::Error);
}

TEST(ScreeningCppTest, DurationColumnOfARead) {
  jtbd::ReadOptions options;
  options.duration_column = "t";
  const jtbd::Study study = jtbd::Study::ReadCsv(
      "id,t,imp_a,sat_a,imp_b,sat_b\nr1,300,5,1,4,2\nr2,30,2,2,3,4\n"
      "r3,400,4,4,1,5\n",
      "t.csv", options);
  jtbd::ScoreOptions score;
  score.bootstrap_resamples = 0;
  score.screening.enabled = true;
  const jtbd::Report report = study.Score(score);
  ASSERT_EQ(report.screening().respondents.size(), 1u);
  EXPECT_EQ(report.screening().respondents[0].respondent_id, "r2");
  EXPECT_EQ(report.screening().duration_count, 3u);
}

}  // namespace
