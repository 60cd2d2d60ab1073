// Competing solutions through the C ABI: declaring solutions, atomic
// batches of their ratings, and the report's per-solution scores and best
// solution, checked against numbers computed by hand.
#include <cmath>
#include <cstring>
#include <string>

#include "capi_test_util.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

// Five respondents, one outcome "o1": importance 5 from all (I = 10); our
// satisfaction 4, 4, 2, 2, 2 (S = 4); Acme rated 5, 1, 5, 5, 1 by all
// (S_A = 6); Beta declared, never rated. All in segment "x".
Study FiveRespondents() {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  EXPECT_THAT(
      Result(jtbd_study_add_outcome(study.get(), "o1", 2, "", 0, nullptr)),
      IsOk());
  EXPECT_THAT(Result(jtbd_study_add_respondents(study.get(), 5, nullptr)),
              IsOk());
  size_t acme = 9, beta = 9, again = 9;
  EXPECT_THAT(Result(jtbd_study_add_solution(study.get(), "Acme", 4, &acme)),
              IsOk());
  EXPECT_THAT(Result(jtbd_study_add_solution(study.get(), "Beta", 4, &beta)),
              IsOk());
  EXPECT_THAT(Result(jtbd_study_add_solution(study.get(), "ACME", 4, &again)),
              IsOk());
  EXPECT_EQ(acme, 0u);
  EXPECT_EQ(beta, 1u);
  EXPECT_EQ(again, 0u);
  EXPECT_EQ(jtbd_study_solution_count(study.get()), 2u);
  const uint32_t respondents[5] = {0, 1, 2, 3, 4};
  const uint32_t outcomes[5] = {0, 0, 0, 0, 0};
  const uint32_t solutions[5] = {0, 0, 0, 0, 0};
  const uint8_t importance[5] = {5, 5, 5, 5, 5};
  const uint8_t ours[5] = {4, 4, 2, 2, 2};
  const uint8_t theirs[5] = {5, 1, 5, 5, 1};
  EXPECT_THAT(Result(jtbd_study_add_answers(study.get(), 5, respondents,
                                            outcomes, importance, ours)),
              IsOk());
  EXPECT_THAT(Result(jtbd_study_add_solution_answers(
                  study.get(), 5, respondents, solutions, outcomes, theirs)),
              IsOk());
  for (size_t r = 0; r < 5; ++r) {
    EXPECT_THAT(
        Result(jtbd_study_set_attribute(study.get(), r, "seg", 3, "x", 1)),
        IsOk());
  }
  return study;
}

Report Score(const jtbd_study* study, bool segmented) {
  jtbd_score_options* options_raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&options_raw)), IsOk());
  ScoreOptions options(options_raw);
  EXPECT_THAT(
      Result(jtbd_score_options_set_bootstrap_resamples(options.get(), 0)),
      IsOk());
  if (segmented) {
    EXPECT_THAT(
        Result(jtbd_score_options_set_segment_by(options.get(), "seg", 3)),
        IsOk());
  }
  jtbd_report* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_score(study, options.get(), &raw)), IsOk());
  return Report(raw);
}

jtbd_solution_score EmptySolution() {
  jtbd_solution_score score;
  std::memset(&score, 0, sizeof(score));
  score.struct_size = sizeof(score);
  return score;
}

jtbd_best_solution EmptyBest() {
  jtbd_best_solution best;
  std::memset(&best, 0, sizeof(best));
  best.struct_size = sizeof(best);
  return best;
}

TEST(CapiSolutionsTest, ReportsEachSolutionAndTheBest) {
  const Study study = FiveRespondents();
  const Report report = Score(study.get(), false);
  ASSERT_EQ(jtbd_report_solution_count(report.get()), 2u);
  const char* name = nullptr;
  size_t name_len = 0;
  ASSERT_THAT(
      Result(jtbd_report_solution_name(report.get(), 1, &name, &name_len)),
      IsOk());
  EXPECT_EQ(std::string(name, name_len), "Beta");

  jtbd_solution_score acme = EmptySolution();
  ASSERT_THAT(Result(jtbd_report_outcome_solution(report.get(), 0, 0, &acme)),
              IsOk());
  EXPECT_EQ(std::string(acme.solution, acme.solution_len), "Acme");
  EXPECT_EQ(acme.has,
            static_cast<uint32_t>(JTBD_SOLUTION_HAS_SATISFACTION |
                                  JTBD_SOLUTION_HAS_OPPORTUNITY |
                                  JTBD_SOLUTION_HAS_SATISFACTION_GAP |
                                  JTBD_SOLUTION_HAS_SATISFACTION_GAP_TEST));
  EXPECT_EQ(acme.count, 5u);
  EXPECT_EQ(acme.top_box_count, 3u);
  EXPECT_EQ(acme.both_count, 5u);
  EXPECT_DOUBLE_EQ(acme.satisfaction, 6.0);
  // 3 of 5: Brown, Cai and DasGupta's Poisson limits on both sides (scipy:
  // 10 gamma.ppf(0.05, 3) / 5, 10 (1 - gamma.ppf(0.05, 2) / 5)).
  EXPECT_NEAR(acme.satisfaction_interval.low, 1.6353828943279072, 1e-9);
  EXPECT_NEAR(acme.satisfaction_interval.high, 9.289276978602675, 1e-9);
  EXPECT_DOUBLE_EQ(acme.opportunity, 14.0);  // 10 + (10 - 6)
  EXPECT_DOUBLE_EQ(acme.satisfaction_gap, 2.0);
  // Var(S_A) = Var(S) = 100 x 0.6 x 0.4 / 5 = 4.8; the five rate both, with
  // score covariance -4, so Cov = -4 x 5 / 25 = -0.8: Var(gap) = 11.2.
  const double z = 2 / std::sqrt(11.2);
  EXPECT_NEAR(acme.satisfaction_gap_test.z, z, 1e-12);
  EXPECT_NEAR(acme.satisfaction_gap_test.p_value, std::erfc(z / std::sqrt(2.0)),
              1e-12);

  jtbd_solution_score beta = EmptySolution();
  ASSERT_THAT(Result(jtbd_report_outcome_solution(report.get(), 0, 1, &beta)),
              IsOk());
  EXPECT_EQ(beta.has, 0u);
  EXPECT_EQ(beta.count, 0u);

  jtbd_best_solution best = EmptyBest();
  ASSERT_THAT(Result(jtbd_report_outcome_best_solution(report.get(), 0, &best)),
              IsOk());
  EXPECT_EQ(std::string(best.best_solution, best.best_solution_len), "Acme");
  EXPECT_EQ(best.has, static_cast<uint32_t>(JTBD_BEST_SOLUTION_HAS_SOLUTION |
                                            JTBD_BEST_SOLUTION_HAS_GAP |
                                            JTBD_BEST_SOLUTION_HAS_GAP_TEST));
  EXPECT_DOUBLE_EQ(best.best_solution_gap, 2.0);
  EXPECT_DOUBLE_EQ(best.satisfaction_target, 7.2);
  EXPECT_NEAR(best.best_solution_gap_test.z, z, 1e-12);
  // One gap test in the family (Beta is unrated): Holm leaves it as it is.
  EXPECT_DOUBLE_EQ(best.best_solution_gap_test.holm_adjusted_p_value,
                   best.best_solution_gap_test.p_value);
}

TEST(CapiSolutionsTest, SegmentsHaveTheirOwn) {
  const Study study = FiveRespondents();
  const Report report = Score(study.get(), true);
  ASSERT_EQ(jtbd_report_segment_count(report.get()), 1u);
  jtbd_solution_score acme = EmptySolution();
  ASSERT_THAT(Result(jtbd_report_segment_outcome_solution(report.get(), 0, 0, 0,
                                                          &acme)),
              IsOk());
  EXPECT_DOUBLE_EQ(acme.satisfaction, 6.0);
  jtbd_best_solution best = EmptyBest();
  ASSERT_THAT(Result(jtbd_report_segment_outcome_best_solution(report.get(), 0,
                                                               0, &best)),
              IsOk());
  EXPECT_DOUBLE_EQ(best.satisfaction_target, 7.2);
  EXPECT_THAT(Result(jtbd_report_segment_outcome_best_solution(report.get(), 1,
                                                               0, &best)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment 1 is out of range"));
}

TEST(CapiSolutionsTest, RefusalsNameTheArgument) {
  const Study study = FiveRespondents();
  const uint32_t respondents[2] = {0, 1};
  const uint32_t bad_solutions[2] = {1, 2};
  const uint32_t outcomes[2] = {0, 0};
  const uint8_t ratings[2] = {4, 4};
  EXPECT_THAT(
      Result(jtbd_study_add_solution_answers(study.get(), 2, respondents,
                                             bad_solutions, outcomes, ratings)),
      FailsWith(JTBD_INVALID_ARGUMENT, "solutions[1] = 2 is out of range"));
  // The refused batch left Beta unrated.
  const Report report = Score(study.get(), false);
  jtbd_solution_score beta = EmptySolution();
  ASSERT_THAT(Result(jtbd_report_outcome_solution(report.get(), 0, 1, &beta)),
              IsOk());
  EXPECT_EQ(beta.count, 0u);
  EXPECT_THAT(Result(jtbd_study_add_solution_answers(
                  study.get(), 2, respondents, nullptr, outcomes, ratings)),
              FailsWith(JTBD_INVALID_ARGUMENT, "solutions"));
  EXPECT_THAT(Result(jtbd_study_add_solution(study.get(), "", 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "solution name"));
  EXPECT_THAT(Result(jtbd_report_outcome_solution(report.get(), 0, 2, &beta)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 2 is out of range"));
  EXPECT_THAT(Result(jtbd_report_outcome_solution(report.get(), 1, 0, &beta)),
              FailsWith(JTBD_OUT_OF_RANGE, "outcome 1 is out of range"));
  beta.struct_size = JTBD_SOLUTION_SCORE_STRUCT_SIZE - 1;
  EXPECT_THAT(Result(jtbd_report_outcome_solution(report.get(), 0, 0, &beta)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "set it to sizeof(jtbd_solution_score)"));
  jtbd_best_solution best;
  std::memset(&best, 0, sizeof(best));
  best.struct_size = JTBD_BEST_SOLUTION_STRUCT_SIZE - 1;
  EXPECT_THAT(
      Result(jtbd_report_outcome_best_solution(report.get(), 0, &best)),
      FailsWith(JTBD_INVALID_ARGUMENT, "JTBD_BEST_SOLUTION_STRUCT_SIZE"));
  const char* name = nullptr;
  EXPECT_THAT(
      Result(jtbd_report_solution_name(report.get(), 2, &name, nullptr)),
      FailsWith(JTBD_OUT_OF_RANGE, "index 2"));
  EXPECT_EQ(jtbd_report_solution_count(nullptr), 0u);
  EXPECT_EQ(jtbd_study_solution_count(nullptr), 0u);
}

}  // namespace
}  // namespace jtbd_test
