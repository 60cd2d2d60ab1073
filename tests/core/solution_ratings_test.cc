// Storage of competing solutions' satisfaction: SolutionRatings, and the
// Study API over it (declaration, atomic batches, protobuf round trip).
#include "core/solution_ratings.h"

#include <string>

#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(SolutionRatingsTest, NamesCompareIgnoringCaseAndKeepTheFirstSpelling) {
  SolutionRatings ratings;
  EXPECT_EQ(*ratings.Declare("Acme"), 0u);
  EXPECT_EQ(*ratings.Declare("Beta Saw"), 1u);
  EXPECT_EQ(*ratings.Declare("ACME"), 0u);
  EXPECT_THAT(ratings.names(), ElementsAre("Acme", "Beta Saw"));
  EXPECT_EQ(ratings.Find("beta saw"), 1);
  EXPECT_EQ(ratings.Find("gamma"), -1);
  EXPECT_EQ(ratings.Declare("").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SolutionRatingsTest, StoresRatingsSparselyAndCountsThem) {
  SolutionRatings ratings;
  ASSERT_TRUE(ratings.Declare("a").ok());
  ASSERT_TRUE(ratings.Declare("b").ok());
  EXPECT_EQ(ratings.Get(3, 1, 7), 0);
  ratings.Set(3, 1, 7, 4);
  ratings.Set(0, 0, 0, 2);
  EXPECT_EQ(ratings.Get(3, 1, 7), 4);
  EXPECT_EQ(ratings.Get(3, 0, 7), 0);
  EXPECT_EQ(ratings.Get(0, 0, 0), 2);
  EXPECT_EQ(ratings.rating_count(), 2u);
  ratings.Set(3, 1, 7, 5);  // replaces
  EXPECT_EQ(ratings.rating_count(), 2u);
  ratings.Set(3, 1, 7, 0);  // clears
  EXPECT_EQ(ratings.Get(3, 1, 7), 0);
  EXPECT_EQ(ratings.rating_count(), 1u);
}

// Two outcomes, three respondents, solutions "Acme" and "Beta".
Study SmallStudy() {
  Study study;
  EXPECT_TRUE(study.AddOutcome({"o1", "", ""}).ok());
  EXPECT_TRUE(study.AddOutcome({"o2", "", ""}).ok());
  EXPECT_TRUE(study.AddRespondent("r1").ok());
  EXPECT_TRUE(study.AddRespondent("r2").ok());
  EXPECT_TRUE(study.AddRespondent("r3").ok());
  EXPECT_EQ(*study.AddSolution("Acme"), 0u);
  EXPECT_EQ(*study.AddSolution("Beta"), 1u);
  return study;
}

absl::Status Add(Study* study, std::vector<uint32_t> respondents,
                 std::vector<uint32_t> solutions,
                 std::vector<uint32_t> outcomes,
                 std::vector<uint8_t> satisfaction) {
  return study->AddSolutionAnswers(
      {respondents, solutions, outcomes, satisfaction});
}

TEST(StudySolutionAnswersTest, StoresABatch) {
  Study study = SmallStudy();
  ASSERT_TRUE(Add(&study, {0, 1, 2}, {0, 1, 0}, {1, 1, 0}, {5, 3, 0}).ok());
  EXPECT_EQ(study.solution_satisfaction(0, 0, 1), 5);
  EXPECT_EQ(study.solution_satisfaction(1, 1, 1), 3);
  EXPECT_EQ(study.solution_satisfaction(2, 0, 0), 0);  // 0 = no answer
  EXPECT_EQ(study.solution_answer_count(), 2u);
  EXPECT_EQ(study.FindSolution("ACME"), 0);
}

TEST(StudySolutionAnswersTest, RefusedBatchesNameTheIndexAndChangeNothing) {
  Study study = SmallStudy();
  ASSERT_TRUE(Add(&study, {2}, {1}, {0}, {4}).ok());
  struct Case {
    std::vector<uint32_t> r, s, o;
    std::vector<uint8_t> sat;
    const char* message;
  };
  const Case cases[] = {
      {{0, 3}, {0, 0}, {0, 0}, {1, 1}, "respondents[1] = 3 is out of range"},
      {{0, 1}, {0, 2}, {0, 0}, {1, 1}, "solutions[1] = 2 is out of range"},
      {{0, 1}, {0, 0}, {0, 2}, {1, 1}, "outcomes[1] = 2 is out of range"},
      {{0, 1}, {0, 0}, {0, 0}, {1, 6}, "satisfaction[1] = 6 is outside"},
      {{0, 0}, {0, 0}, {1, 1}, {1, 2}, "respondents[1] = 0 already rated"},
      {{0, 2}, {0, 1}, {0, 0}, {1, 3}, "respondents[1] = 2 already rated"},
      {{0}, {0, 0}, {0}, {1}, "differ in length"},
  };
  for (const Case& c : cases) {
    const absl::Status status = Add(&study, c.r, c.s, c.o, c.sat);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(status.message()), HasSubstr(c.message));
    EXPECT_EQ(study.solution_answer_count(), 1u) << c.message;
    EXPECT_EQ(study.solution_satisfaction(0, 0, 0), 0) << c.message;
    EXPECT_EQ(study.solution_satisfaction(0, 0, 1), 0) << c.message;
  }
}

TEST(StudySolutionAnswersTest, ProtoRoundTripAndErrorsNameThePath) {
  Study study = SmallStudy();
  ASSERT_TRUE(Add(&study, {0, 2}, {1, 0}, {1, 0}, {5, 2}).ok());
  const v1::Study proto = study.ToProto();
  ASSERT_EQ(proto.respondents(0).solution_answers_size(), 1);
  EXPECT_EQ(proto.respondents(0).solution_answers(0).solution(), "Beta");
  EXPECT_EQ(proto.respondents(0).solution_answers(0).outcome_id(), "o2");
  EXPECT_EQ(proto.respondents(0).solution_answers(0).satisfaction(), 5);
  absl::StatusOr<Study> back = Study::FromProto(proto);
  ASSERT_TRUE(back.ok()) << back.status();
  // Solutions are declared in first-met order: Beta (respondent 0) first.
  EXPECT_THAT(back->solutions(), ElementsAre("Beta", "Acme"));
  EXPECT_EQ(back->solution_satisfaction(0, 0, 1), 5);
  EXPECT_EQ(back->solution_satisfaction(2, 1, 0), 2);

  v1::Study bad = proto;
  bad.mutable_respondents(2)->mutable_solution_answers(0)->set_outcome_id("x");
  EXPECT_THAT(std::string(Study::FromProto(bad).status().message()),
              HasSubstr("respondents[2].solution_answers[0].outcome_id"));
  bad = proto;
  bad.mutable_respondents(2)->mutable_solution_answers(0)->set_satisfaction(9);
  EXPECT_THAT(std::string(Study::FromProto(bad).status().message()),
              HasSubstr("respondents[2].solution_answers[0].satisfaction: 9"));
  bad = proto;
  *bad.mutable_respondents(2)->add_solution_answers() =
      bad.respondents(2).solution_answers(0);
  bad.mutable_respondents(2)->mutable_solution_answers(1)->set_solution("ACME");
  EXPECT_THAT(std::string(Study::FromProto(bad).status().message()),
              HasSubstr("respondents[2].solution_answers[1]: respondent "
                        "\"r3\" already rated"));
  bad = proto;
  bad.mutable_respondents(0)->mutable_solution_answers(0)->set_solution("");
  EXPECT_THAT(std::string(Study::FromProto(bad).status().message()),
              HasSubstr("respondents[0].solution_answers[0].solution"));
}

}  // namespace
}  // namespace jtbd
