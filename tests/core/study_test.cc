#include "core/study.h"

#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

struct Answers {
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance, satisfaction;
  void Add(uint32_t r, uint32_t o, uint8_t i, uint8_t s) {
    respondents.push_back(r);
    outcomes.push_back(o);
    importance.push_back(i);
    satisfaction.push_back(s);
  }
  AnswerBatch Batch() const {
    return AnswerBatch{respondents, outcomes, importance, satisfaction};
  }
};

Study TwoOutcomes(size_t respondents) {
  Study study;
  EXPECT_EQ(*study.AddOutcome({"o1", "Minimize the time it takes to x", ""}),
            0u);
  EXPECT_EQ(*study.AddOutcome({"o2", "", ""}), 1u);
  EXPECT_EQ(*study.AddRespondents(respondents), 0u);
  return study;
}

TEST(StudyTest, BoschCaseEndToEnd) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"off_track", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(270).ok());
  Answers answers;
  for (uint32_t r = 0; r < 270; ++r) {
    answers.Add(r, 0, r < 200 ? 5 : 2, r < 75 ? 4 : 1);
  }
  ASSERT_TRUE(study.AddAnswers(answers.Batch()).ok());
  v1::Report report = *study.Score({});
  ASSERT_EQ(report.outcomes_size(), 1);
  const v1::OutcomeScore& s = report.outcomes(0);
  EXPECT_EQ(s.outcome_id(), "off_track");
  EXPECT_NEAR(s.importance(), 7.407407407407407, 1e-12);
  EXPECT_NEAR(s.satisfaction(), 2.777777777777778, 1e-12);
  EXPECT_NEAR(s.opportunity(), 12.037037037037036, 1e-12);
  EXPECT_EQ(s.band(), v1::BAND_HIGH);
  EXPECT_EQ(s.both_top_box_count(), 75u);
  EXPECT_EQ(report.respondent_count(), 270u);
  EXPECT_EQ(report.method(), "ulwick_top_box");
  EXPECT_EQ(report.scale().top_box_min(), 4);
}

TEST(StudyTest, RejectedBatchLeavesStudyUnchanged) {
  Study study = TwoOutcomes(3);
  Answers first;
  first.Add(0, 0, 5, 1);
  ASSERT_TRUE(study.AddAnswers(first.Batch()).ok());
  const v1::Study before = study.ToProto();

  Answers out_of_scale;
  out_of_scale.Add(1, 0, 4, 4);
  out_of_scale.Add(2, 1, 4, 4);
  out_of_scale.Add(2, 0, 6, 4);
  absl::Status status = study.AddAnswers(out_of_scale.Batch());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("importance[2] = 6"));

  Answers repeated_in_batch;
  repeated_in_batch.Add(1, 1, 4, 4);
  repeated_in_batch.Add(1, 1, 3, 3);
  status = study.AddAnswers(repeated_in_batch.Batch());
  EXPECT_THAT(status.message(), HasSubstr("respondents[1] = 1 already rated"));

  Answers repeated_across_batches;
  repeated_across_batches.Add(2, 0, 1, 1);
  repeated_across_batches.Add(0, 0, 1, 1);
  status = study.AddAnswers(repeated_across_batches.Batch());
  EXPECT_THAT(status.message(), HasSubstr("respondents[1] = 0 already rated"));

  Answers bad_indices;
  bad_indices.Add(0, 1, 1, 1);
  bad_indices.Add(3, 0, 1, 1);
  EXPECT_THAT(study.AddAnswers(bad_indices.Batch()).message(),
              HasSubstr("respondents[1] = 3 is out of range"));
  Answers bad_outcome;
  bad_outcome.Add(0, 2, 1, 1);
  EXPECT_THAT(study.AddAnswers(bad_outcome.Batch()).message(),
              HasSubstr("outcomes[0] = 2 is out of range"));
  Answers bad_satisfaction;
  bad_satisfaction.Add(1, 0, 0, 9);
  EXPECT_THAT(study.AddAnswers(bad_satisfaction.Batch()).message(),
              HasSubstr("satisfaction[0] = 9 is outside the scale 1-5"));

  EXPECT_EQ(study.ToProto().SerializeAsString(), before.SerializeAsString());
  EXPECT_EQ(study.answer_count(), 1u);
  // The pairs a rejected batch touched are still free.
  Answers retry;
  retry.Add(1, 1, 4, 4);
  retry.Add(2, 0, 1, 1);
  EXPECT_TRUE(study.AddAnswers(retry.Batch()).ok());
}

TEST(StudyTest, MismatchedArraysAreRefused) {
  Study study = TwoOutcomes(1);
  std::vector<uint32_t> r = {0, 0}, o = {0};
  std::vector<uint8_t> i = {1, 1}, s = {1, 1};
  EXPECT_THAT(study.AddAnswers({r, o, i, s}).message(),
              HasSubstr("differ in length"));
}

TEST(StudyTest, DeclarationsAreValidated) {
  Study study;
  EXPECT_EQ(study.AddOutcome({"", "", ""}).status().code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(study.AddOutcome({"o1", "", ""}).ok());
  EXPECT_EQ(study.AddOutcome({"o1", "", ""}).status().code(),
            absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(study.AddRespondent("r1").ok());
  EXPECT_EQ(study.AddRespondent("r1").status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(study.AddRespondent("").ok());
  EXPECT_TRUE(study.AddRespondent("").ok());
  EXPECT_EQ(study.FindRespondent("r1"), 0);
  EXPECT_EQ(study.FindRespondent("r2"), -1);
  EXPECT_EQ(study.SetAttribute(9, "segment", "a").code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(study.SetAttribute(0, "", "a").code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(StudyTest, OutcomesCanBeDescribedAfterDeclaration) {
  Study study = TwoOutcomes(0);
  ASSERT_TRUE(study.SetOutcomeStatement(1, "Minimize the number of x").ok());
  ASSERT_TRUE(study.SetOutcomeJobStep(1, "execute").ok());
  EXPECT_EQ(study.outcomes()[1].statement, "Minimize the number of x");
  EXPECT_EQ(study.outcomes()[1].job_step_id, "execute");
  EXPECT_EQ(study.FindOutcome("o2"), 1);
  EXPECT_EQ(study.SetOutcomeStatement(2, "x").code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(study.SetOutcomeJobStep(2, "x").code(),
            absl::StatusCode::kOutOfRange);
  // The statement reaches the report.
  v1::Report report = *study.Score({});
  EXPECT_EQ(report.outcomes(1).statement(), "Minimize the number of x");
}

TEST(StudyTest, ScaleIsFixedOnceAnswersExist) {
  Study study = TwoOutcomes(1);
  EXPECT_TRUE(study.SetScale(*Scale::Make(1, 7, 6)).ok());
  Scale bad;
  bad.min = 0;
  EXPECT_FALSE(study.SetScale(bad).ok());
  Answers a;
  a.Add(0, 0, 7, 6);
  ASSERT_TRUE(study.AddAnswers(a.Batch()).ok());
  EXPECT_EQ(study.SetScale(Scale()).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(study.importance(0, 0), 7);
  EXPECT_EQ(study.satisfaction(0, 0), 6);
  EXPECT_FALSE(study.HasAnswer(0, 1));
}

// An independent scorer: straight from the list of answers, no tables.
struct Expected {
  double importance, satisfaction, opportunity;
  uint32_t n_i, n_s;
};
Expected Naive(const Answers& a, uint32_t outcome, int top,
               const std::vector<bool>* keep = nullptr) {
  double xi = 0, ni = 0, xs = 0, ns = 0;
  for (size_t k = 0; k < a.outcomes.size(); ++k) {
    if (a.outcomes[k] != outcome) continue;
    if (keep && !(*keep)[a.respondents[k]]) continue;
    if (a.importance[k]) ++ni, xi += a.importance[k] >= top;
    if (a.satisfaction[k]) ++ns, xs += a.satisfaction[k] >= top;
  }
  Expected e;
  e.importance = 10 * xi / ni;
  e.satisfaction = 10 * xs / ns;
  e.opportunity = e.importance + std::max(e.importance - e.satisfaction, 0.0);
  e.n_i = static_cast<uint32_t>(ni);
  e.n_s = static_cast<uint32_t>(ns);
  return e;
}

TEST(StudyTest, ScoresMatchAnIndependentComputationWithSegments) {
  std::mt19937 rng(20261126);
  Study study;
  ASSERT_TRUE(study.SetScale(*Scale::Make(1, 7, 6)).ok());
  const uint32_t outcomes = 12, respondents = 400;
  for (uint32_t o = 0; o < outcomes; ++o) {
    ASSERT_TRUE(study.AddOutcome({"o" + std::to_string(o), "", ""}).ok());
  }
  std::vector<bool> in_a(respondents);
  for (uint32_t r = 0; r < respondents; ++r) {
    ASSERT_EQ(*study.AddRespondent("r" + std::to_string(r)), r);
    const int group = static_cast<int>(rng() % 3);  // 2 = no segment value
    in_a[r] = group == 0;
    if (group < 2) {
      ASSERT_TRUE(
          study.SetAttribute(r, "segment", group == 0 ? "A" : "B").ok());
    } else if (rng() % 2) {
      ASSERT_TRUE(study.SetAttribute(r, "segment", "").ok());
    }
  }
  Answers answers;
  for (uint32_t r = 0; r < respondents; ++r) {
    for (uint32_t o = 0; o < outcomes; ++o) {
      if (rng() % 20 == 0) continue;  // never asked
      // Segment A leans high on importance for even outcomes.
      const bool lean = in_a[r] && o % 2 == 0;
      uint8_t imp = static_cast<uint8_t>(lean ? 5 + rng() % 3 : 1 + rng() % 7);
      uint8_t sat = static_cast<uint8_t>(1 + rng() % 7);
      if (rng() % 25 == 0) imp = 0;
      if (rng() % 25 == 0) sat = 0;
      answers.Add(r, o, imp, sat);
    }
  }
  ASSERT_TRUE(study.AddAnswers(answers.Batch()).ok());
  v1::ScoringOptions options;
  options.set_segment_by("segment");
  v1::Report report = *study.Score(options);
  ASSERT_EQ(report.outcomes_size(), static_cast<int>(outcomes));
  ASSERT_EQ(report.segments_size(), 2);
  EXPECT_EQ(report.segments(0).name(), "A");
  EXPECT_EQ(report.segments(1).name(), "B");
  uint32_t a_count = 0, b_count = 0;
  std::vector<bool> in_b(respondents);
  for (uint32_t r = 0; r < respondents; ++r) {
    in_b[r] = study.attribute(r, "segment") == "B";
    a_count += in_a[r];
    b_count += in_b[r];
  }
  EXPECT_EQ(report.segments(0).respondent_count(), a_count);
  EXPECT_EQ(report.segments(1).respondent_count(), b_count);
  EXPECT_EQ(report.unsegmented_respondent_count(),
            respondents - a_count - b_count);

  auto check =
      [&](const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& scores,
          const std::vector<bool>* keep) {
        double previous = 1e9;
        for (const v1::OutcomeScore& s : scores) {
          const uint32_t o =
              static_cast<uint32_t>(std::stoi(s.outcome_id().substr(1)));
          Expected e = Naive(answers, o, 6, keep);
          EXPECT_NEAR(s.importance(), e.importance, 1e-12) << s.outcome_id();
          EXPECT_NEAR(s.satisfaction(), e.satisfaction, 1e-12)
              << s.outcome_id();
          EXPECT_NEAR(s.opportunity(), e.opportunity, 1e-12) << s.outcome_id();
          EXPECT_EQ(s.importance_count(), e.n_i);
          EXPECT_EQ(s.satisfaction_count(), e.n_s);
          EXPECT_LE(s.opportunity(), previous);
          previous = s.opportunity();
        }
      };
  check(report.outcomes(), nullptr);
  check(report.segments(0).outcomes(), &in_a);
  check(report.segments(1).outcomes(), &in_b);
}

TEST(StudyTest, UnknownSegmentAttributeIsNotFound) {
  Study study = TwoOutcomes(1);
  ASSERT_TRUE(study.SetAttribute(0, "role", "x").ok());
  v1::ScoringOptions options;
  options.set_segment_by("segment");
  absl::Status status = study.Score(options).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("\"segment\""));
  EXPECT_THAT(status.message(), HasSubstr("role"));
}

TEST(StudyTest, ProtoRoundTripKeepsEverything) {
  Study study = TwoOutcomes(0);
  ASSERT_TRUE(study.AddRespondent("alice").ok());
  ASSERT_TRUE(study.AddRespondent("bob").ok());
  ASSERT_TRUE(study.SetAttribute(1, "segment", "field").ok());
  Answers a;
  a.Add(0, 1, 5, 0);
  a.Add(1, 0, 0, 2);
  ASSERT_TRUE(study.AddAnswers(a.Batch()).ok());
  v1::Study proto = study.ToProto();
  EXPECT_EQ(proto.respondents(1).attributes().at("segment"), "field");
  Study copy = *Study::FromProto(proto);
  EXPECT_EQ(copy.ToProto().SerializeAsString(), proto.SerializeAsString());
  EXPECT_EQ(copy.importance(0, 1), 5);
  EXPECT_EQ(copy.satisfaction(1, 0), 2);
  EXPECT_EQ(copy.outcomes()[0].statement, "Minimize the time it takes to x");
}

TEST(StudyTest, FromProtoNamesTheOffendingPath) {
  v1::Study proto;
  proto.add_outcomes()->set_id("o1");
  v1::Respondent* r = proto.add_respondents();
  r->set_id("r1");
  v1::Answer* answer = r->add_answers();
  answer->set_outcome_id("o1");
  answer->set_importance(4);
  answer = r->add_answers();
  answer->set_outcome_id("o1");
  answer->set_satisfaction(7);
  EXPECT_THAT(Study::FromProto(proto).status().message(),
              HasSubstr("respondents[0].answers[1].satisfaction: 7 is "
                        "outside the scale 1-5"));
  answer->set_satisfaction(3);
  EXPECT_THAT(Study::FromProto(proto).status().message(),
              HasSubstr("respondents[0].answers[1].outcome_id: respondent "
                        "\"r1\" already rated \"o1\""));
  answer->set_outcome_id("o9");
  EXPECT_THAT(Study::FromProto(proto).status().message(),
              HasSubstr("\"o9\" is not a declared outcome"));
  proto.add_outcomes()->set_id("o1");
  EXPECT_THAT(Study::FromProto(proto).status().message(),
              HasSubstr("outcomes[1].id"));
  proto.mutable_scale()->set_min(2);
  EXPECT_THAT(Study::FromProto(proto).status().message(), HasSubstr("scale"));
}

}  // namespace
}  // namespace jtbd
