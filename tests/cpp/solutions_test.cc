// Competing solutions through jtbd.hpp: Study::AddSolution and
// AddSolutionAnswers, and the report's SolutionScore values and best
// solution, against numbers computed by hand.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Four respondents rate outcome "o" (importance 5: I = 10; ours 4, 2, 2, 2:
// S = 2.5). Acme: 5, 5, 1 by r0-r2 (S_A = 10 x 2/3); Beta: 4 by r3 only
// (S_B = 10). Segment "a" = r0, r1; "b" = r2, r3.
jtbd::Study FourRespondents() {
  jtbd::Study study;
  study.AddOutcome("o");
  study.AddRespondents(4);
  EXPECT_EQ(study.AddSolution("Acme"), 0u);
  EXPECT_EQ(study.AddSolution("Beta"), 1u);
  EXPECT_EQ(study.AddSolution("beta"), 1u);
  EXPECT_EQ(study.solution_count(), 2u);
  study.AddAnswers({0, 1, 2, 3}, {0, 0, 0, 0}, {5, 5, 5, 5}, {4, 2, 2, 2});
  study.AddSolutionAnswers({0, 1, 2, 3}, {0, 0, 0, 1}, {0, 0, 0, 0},
                           {5, 5, 1, 4});
  for (size_t r = 0; r < 4; ++r) {
    study.SetAttribute(r, "group", r < 2 ? "a" : "b");
  }
  return study;
}

TEST(CppSolutionsTest, ScoresEachSolutionAndTheBest) {
  jtbd::ScoreOptions options;
  options.bootstrap_resamples = 0;
  options.segment_by = "group";
  const jtbd::Report report = FourRespondents().Score(options);
  EXPECT_THAT(report.solutions(), ElementsAre("Acme", "Beta"));
  const jtbd::OutcomeScore& o = report.outcomes()[0];
  ASSERT_EQ(o.solutions.size(), 2u);
  const jtbd::SolutionScore& acme = o.solutions[0];
  EXPECT_EQ(acme.count, 3u);
  EXPECT_EQ(acme.top_box_count, 2u);
  EXPECT_DOUBLE_EQ(*acme.satisfaction, 20.0 / 3);
  EXPECT_DOUBLE_EQ(*acme.satisfaction_gap, 20.0 / 3 - 2.5);
  EXPECT_DOUBLE_EQ(*acme.opportunity, 10 + (10 - 20.0 / 3));
  EXPECT_FALSE(acme.effective_count.has_value());
  const jtbd::SolutionScore& beta = o.solutions[1];
  EXPECT_EQ(beta.count, 1u);
  EXPECT_DOUBLE_EQ(*beta.satisfaction, 10.0);
  // Beta wins with 10 (one rater): target min(10, 12) = 10, gap 7.5.
  EXPECT_EQ(o.best_solution, "Beta");
  EXPECT_DOUBLE_EQ(*o.satisfaction_target, 10.0);
  EXPECT_DOUBLE_EQ(*o.best_solution_gap, 7.5);
  // Var(S_B) = 0 (share 1), Var(S) = 100 x 0.25 x 0.75 / 4 = 4.6875; r3
  // rated both with our score 0, a constant among the one who did: Cov 0.
  ASSERT_TRUE(o.best_solution_gap_test.has_value());
  EXPECT_NEAR(o.best_solution_gap_test->z, 7.5 / std::sqrt(4.6875), 1e-12);
  // Segment a: only Acme was rated (2 of 2 top box).
  const jtbd::OutcomeScore& a = report.segments()[0].outcomes[0];
  EXPECT_EQ(a.best_solution, "Acme");
  EXPECT_DOUBLE_EQ(*a.solutions[0].satisfaction, 10.0);
  EXPECT_FALSE(a.solutions[1].satisfaction.has_value());
  EXPECT_EQ(a.solutions[1].count, 0u);
}

TEST(CppSolutionsTest, RefusedBatchesThrowAndChangeNothing) {
  jtbd::Study study = FourRespondents();
  try {
    study.AddSolutionAnswers({0, 3}, {1, 0}, {0, 0}, {3, 9});
    FAIL() << "no exception";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.what(), HasSubstr("satisfaction[1] = 9"));
  }
  EXPECT_THROW(study.AddSolutionAnswers({0}, {1, 0}, {0}, {3}), jtbd::Error);
  jtbd::ScoreOptions options;
  options.bootstrap_resamples = 0;
  EXPECT_EQ(study.Score(options).outcomes()[0].solutions[1].count, 1u);
}

}  // namespace
