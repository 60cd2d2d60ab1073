// jtbd_study: building, misuse, reading CSV, serializing.
#include <cmath>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

constexpr double kTolerance = 1e-12;

// The sample study (capi_test_util.h) in the wide CSV layout; blank = no
// answer.
constexpr char kSampleCsv[] =
    "respondent_id,segment,imp_speed,sat_speed,imp_cost,sat_cost\n"
    "r1,A,5,1,3,5\n"
    "r2,A,4,2,2,4\n"
    "r3,A,5,4,,5\n"
    "r4,B,2,5,5,1\n"
    "r5,B,3,,4,2\n"
    "r6,B,4,3,5,2\n";

Report ScoreStudy(const jtbd_study* study, const char* segment_by = nullptr) {
  ScoreOptions options;
  if (segment_by != nullptr) {
    jtbd_score_options* raw = nullptr;
    EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
    options.reset(raw);
    EXPECT_THAT(Result(jtbd_score_options_set_segment_by(
                    raw, segment_by, std::strlen(segment_by))),
                IsOk());
  }
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_study_score(study, options.get(), &report)), IsOk());
  return Report(report);
}

jtbd_outcome_score OutcomeAt(const jtbd_report* report, size_t index) {
  jtbd_outcome_score score = EmptyScore();
  EXPECT_THAT(Result(jtbd_report_outcome(report, index, &score)), IsOk());
  return score;
}

// The whole-sample scores computed by hand in capi_test_util.h.
void ExpectSampleScores(const jtbd_report* report) {
  ASSERT_EQ(jtbd_report_outcome_count(report), 2u);
  EXPECT_EQ(jtbd_report_respondent_count(report), 6u);
  const jtbd_outcome_score speed = OutcomeAt(report, 0);
  EXPECT_EQ(std::string(speed.outcome_id, speed.outcome_id_len), "speed");
  EXPECT_NEAR(speed.importance, 40.0 / 6, kTolerance);
  EXPECT_NEAR(speed.satisfaction, 4.0, kTolerance);
  EXPECT_NEAR(speed.opportunity, 28.0 / 3, kTolerance);
  EXPECT_EQ(speed.band, JTBD_BAND_APPROPRIATELY_SERVED);
  EXPECT_EQ(speed.rank, 1u);
  EXPECT_EQ(speed.importance_count, 6u);
  EXPECT_EQ(speed.importance_top_box_count, 4u);
  EXPECT_EQ(speed.satisfaction_count, 5u);
  EXPECT_EQ(speed.satisfaction_top_box_count, 2u);
  EXPECT_EQ(speed.both_count, 5u);
  EXPECT_EQ(speed.both_top_box_count, 1u);
  const jtbd_outcome_score cost = OutcomeAt(report, 1);
  EXPECT_EQ(std::string(cost.outcome_id, cost.outcome_id_len), "cost");
  EXPECT_NEAR(cost.importance, 6.0, kTolerance);
  EXPECT_NEAR(cost.satisfaction, 5.0, kTolerance);
  EXPECT_NEAR(cost.opportunity, 7.0, kTolerance);
  EXPECT_EQ(cost.band, JTBD_BAND_APPROPRIATELY_SERVED);
  EXPECT_EQ(cost.rank, 2u);
  EXPECT_EQ(cost.importance_count, 5u);
  EXPECT_EQ(cost.importance_top_box_count, 3u);
  EXPECT_EQ(cost.satisfaction_count, 6u);
  EXPECT_EQ(cost.satisfaction_top_box_count, 3u);
  EXPECT_EQ(cost.both_count, 5u);
  EXPECT_EQ(cost.both_top_box_count, 0u);
}

TEST(StudyTest, BoschCircularSaw) {
  // 270 users; 200 rate importance 4-5, 75 rate satisfaction 4-5.
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  ASSERT_THAT(
      Result(jtbd_study_add_outcome(raw, "off_track", 9, nullptr, 0, nullptr)),
      IsOk());
  size_t first = 99;
  ASSERT_THAT(Result(jtbd_study_add_respondents(raw, 270, &first)), IsOk());
  EXPECT_EQ(first, 0u);
  std::vector<uint32_t> respondents(270), outcomes(270, 0);
  std::vector<uint8_t> importance(270), satisfaction(270);
  for (uint32_t i = 0; i < 270; ++i) {
    respondents[i] = i;
    importance[i] = i < 200 ? 4 : 3;
    satisfaction[i] = i >= 195 ? 5 : 2;  // 75 top box, not aligned with I
  }
  ASSERT_THAT(Result(jtbd_study_add_answers(raw, 270, respondents.data(),
                                            outcomes.data(), importance.data(),
                                            satisfaction.data())),
              IsOk());
  Report report = ScoreStudy(raw);
  const jtbd_outcome_score score = OutcomeAt(report.get(), 0);
  EXPECT_NEAR(score.importance, 7.407407407407407, 1e-12);
  EXPECT_NEAR(score.satisfaction, 2.777777777777778, 1e-12);
  EXPECT_NEAR(score.opportunity, 12.037037037037036, 1e-12);
  EXPECT_EQ(score.band, JTBD_BAND_HIGH);
  EXPECT_EQ(score.both_top_box_count, 5u);  // respondents 195..199
  EXPECT_EQ(score.statement_len, 0u);
  EXPECT_STREQ(score.statement, "");
}

TEST(StudyTest, ScoresTheSampleAsComputedByHand) {
  Study study = MakeSampleStudy();
  EXPECT_EQ(jtbd_study_outcome_count(study.get()), 2u);
  EXPECT_EQ(jtbd_study_respondent_count(study.get()), 6u);
  Report report = ScoreStudy(study.get());
  ExpectSampleScores(report.get());
  EXPECT_EQ(jtbd_report_segment_count(report.get()), 0u);
}

TEST(StudyTest, EveryFunctionRefusesNullArguments) {
  Study study = MakeSampleStudy();
  jtbd_study* s = study.get();
  size_t index = 42;
  const uint32_t r[1] = {0};
  const uint8_t v[1] = {4};
  jtbd_report* report = nullptr;
  jtbd_aggregate* aggregate = nullptr;
  jtbd_buffer* buffer = nullptr;
  jtbd_study* out = nullptr;

  EXPECT_THAT(Result(jtbd_study_create(nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd_study_create: out"));
  EXPECT_THAT(Result(jtbd_study_set_scale(nullptr, 1, 5, 4)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_outcome(nullptr, "x", 1, "", 0, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_outcome(s, nullptr, 3, "", 0, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "id is NULL but its length"));
  EXPECT_THAT(Result(jtbd_study_add_outcome(s, "x", 1, nullptr, 4, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "statement is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_respondent(nullptr, "x", 1, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_respondent(s, nullptr, 1, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "id is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_respondents(nullptr, 1, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_set_attribute(nullptr, 0, "a", 1, "b", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_set_attribute(s, 0, nullptr, 1, "b", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "name is NULL"));
  EXPECT_THAT(Result(jtbd_study_set_attribute(s, 0, "a", 1, nullptr, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "value is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_answers(nullptr, 1, r, r, v, v)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_answers(s, 1, nullptr, r, v, v)),
              FailsWith(JTBD_INVALID_ARGUMENT, "respondents is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_answers(s, 1, r, nullptr, v, v)),
              FailsWith(JTBD_INVALID_ARGUMENT, "outcomes is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_answers(s, 1, r, r, nullptr, v)),
              FailsWith(JTBD_INVALID_ARGUMENT, "importance is NULL"));
  EXPECT_THAT(Result(jtbd_study_add_answers(s, 1, r, r, v, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "satisfaction is NULL"));
  EXPECT_THAT(Result(jtbd_study_score(nullptr, nullptr, &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_score(s, nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_study_create_aggregate(nullptr, &aggregate)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_create_aggregate(s, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_study_serialize(nullptr, &buffer)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_serialize(s, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_study_parse(nullptr, 5, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_study_parse("", 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, nullptr, 0, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is NULL"));
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, "x.csv", 5, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_study_read_csv(nullptr, nullptr, 10, "", 0, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_study_read_csv(nullptr, "a", 1, nullptr, 3, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "source_name is NULL"));
  EXPECT_THAT(Result(jtbd_study_read_csv(nullptr, "a", 1, "", 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(nullptr, "x", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(s, nullptr, 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is NULL"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(nullptr, "id", 2, "", 0)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "jtbd_study_describe_outcomes_csv: study is NULL"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(s, nullptr, 10, "", 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(s, "id", 2, nullptr, 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "source_name is NULL"));

  // Nothing was written, nothing changed.
  EXPECT_EQ(index, 42u);
  EXPECT_EQ(report, nullptr);
  EXPECT_EQ(aggregate, nullptr);
  EXPECT_EQ(buffer, nullptr);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(jtbd_study_outcome_count(s), 2u);
  EXPECT_EQ(jtbd_study_respondent_count(s), 6u);
  EXPECT_EQ(jtbd_study_outcome_count(nullptr), 0u);
  EXPECT_EQ(jtbd_study_respondent_count(nullptr), 0u);
  jtbd_study_destroy(nullptr);
  Report after = ScoreStudy(s);
  ExpectSampleScores(after.get());
}

TEST(StudyTest, CountZeroIsANoOpEvenWithNullArrays) {
  Study study = MakeSampleStudy();
  EXPECT_THAT(Result(jtbd_study_add_answers(study.get(), 0, nullptr, nullptr,
                                            nullptr, nullptr)),
              IsOk());
  Report report = ScoreStudy(study.get());
  ExpectSampleScores(report.get());
}

TEST(StudyTest, RejectedBatchLeavesTheStudyUnchanged) {
  Study study = MakeSampleStudy();
  size_t first = 0;
  ASSERT_THAT(Result(jtbd_study_add_respondents(study.get(), 2, &first)),
              IsOk());
  EXPECT_EQ(first, 6u);
  // Three valid answers, then a satisfaction of 9 at array index 3.
  const uint32_t respondents[] = {6, 6, 7, 7};
  const uint32_t outcomes[] = {0, 1, 0, 1};
  const uint8_t importance[] = {5, 5, 5, 5};
  const uint8_t satisfaction[] = {1, 1, 1, 9};
  EXPECT_THAT(
      Result(jtbd_study_add_answers(study.get(), 4, respondents, outcomes,
                                    importance, satisfaction)),
      FailsWith(JTBD_INVALID_ARGUMENT, "satisfaction[3] = 9"));
  // Unknown indices are named the same way.
  const uint32_t bad_respondent[] = {8};
  EXPECT_THAT(
      Result(jtbd_study_add_answers(study.get(), 1, bad_respondent, outcomes,
                                    importance, satisfaction)),
      FailsWith(JTBD_INVALID_ARGUMENT, "respondents[0] = 8"));
  const uint32_t bad_outcome[] = {2};
  EXPECT_THAT(
      Result(jtbd_study_add_answers(study.get(), 1, respondents, bad_outcome,
                                    importance, satisfaction)),
      FailsWith(JTBD_INVALID_ARGUMENT, "outcomes[0] = 2"));
  // A pair repeated inside one batch.
  const uint32_t twice[] = {6, 6};
  const uint32_t same_outcome[] = {0, 0};
  EXPECT_THAT(Result(jtbd_study_add_answers(study.get(), 2, twice, same_outcome,
                                            importance, satisfaction)),
              FailsWith(JTBD_INVALID_ARGUMENT, "respondents[1] = 6"));

  // The two new respondents have no answers: the scores are the sample's
  // (respondent count aside), and their pairs are still free.
  Report report = ScoreStudy(study.get());
  EXPECT_EQ(jtbd_report_respondent_count(report.get()), 8u);
  const jtbd_outcome_score speed = OutcomeAt(report.get(), 0);
  EXPECT_EQ(speed.importance_count, 6u);
  EXPECT_NEAR(speed.opportunity, 28.0 / 3, kTolerance);
  EXPECT_THAT(
      Result(jtbd_study_add_answers(study.get(), 3, respondents, outcomes,
                                    importance, satisfaction)),
      IsOk());
  Report later = ScoreStudy(study.get());
  EXPECT_EQ(OutcomeAt(later.get(), 0).importance_count, 8u);
}

TEST(StudyTest, OutcomeAndRespondentIds) {
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  size_t index = 99;
  ASSERT_THAT(Result(jtbd_study_add_outcome(raw, "a", 1, "", 0, &index)),
              IsOk());
  EXPECT_EQ(index, 0u);
  ASSERT_THAT(Result(jtbd_study_add_outcome(raw, "b", 1, "", 0, nullptr)),
              IsOk());
  EXPECT_THAT(Result(jtbd_study_add_outcome(raw, "a", 1, "", 0, &index)),
              FailsWith(JTBD_ALREADY_EXISTS, "\"a\""));
  EXPECT_EQ(index, 0u);
  EXPECT_THAT(Result(jtbd_study_add_outcome(raw, "", 0, "", 0, &index)),
              FailsWith(JTBD_INVALID_ARGUMENT, "empty"));
  EXPECT_EQ(jtbd_study_outcome_count(raw), 2u);

  ASSERT_THAT(Result(jtbd_study_add_respondent(raw, "p", 1, &index)), IsOk());
  EXPECT_EQ(index, 0u);
  EXPECT_THAT(Result(jtbd_study_add_respondent(raw, "p", 1, &index)),
              FailsWith(JTBD_ALREADY_EXISTS, "\"p\""));
  // Anonymous respondents may repeat.
  ASSERT_THAT(Result(jtbd_study_add_respondent(raw, nullptr, 0, &index)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_add_respondent(raw, "", 0, &index)), IsOk());
  EXPECT_EQ(index, 2u);
  EXPECT_EQ(jtbd_study_respondent_count(raw), 3u);
  EXPECT_THAT(Result(jtbd_study_set_attribute(raw, 3, "a", 1, "b", 1)),
              FailsWith(JTBD_OUT_OF_RANGE, "3"));
  EXPECT_THAT(Result(jtbd_study_set_attribute(raw, 0, "", 0, "b", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "name"));
}

TEST(StudyTest, TextMustBeUtf8) {
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  EXPECT_THAT(Result(jtbd_study_add_outcome(raw, "o\xff", 2, "", 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "id is not valid UTF-8"));
  EXPECT_THAT(Result(jtbd_study_add_outcome(raw, "o", 1, "\xc3", 1, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "statement is not valid UTF-8"));
  // Overlong encoding of '/' and a UTF-16 surrogate are not UTF-8 either.
  EXPECT_THAT(
      Result(jtbd_study_add_outcome(raw, "\xc0\xaf", 2, "", 0, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "UTF-8"));
  EXPECT_THAT(
      Result(jtbd_study_add_outcome(raw, "\xed\xa0\x80", 3, "", 0, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "UTF-8"));
  EXPECT_EQ(jtbd_study_outcome_count(raw), 0u);
  // Real multi-byte text is fine, and an embedded NUL is just a byte.
  const char id[] = "r\xc3\xa9sum\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\xa7";
  ASSERT_THAT(Result(jtbd_study_add_outcome(raw, id, sizeof(id) - 1, "a\0b", 3,
                                            nullptr)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_add_respondents(raw, 1, nullptr)), IsOk());
  Report report = ScoreStudy(raw);
  const jtbd_outcome_score score = OutcomeAt(report.get(), 0);
  EXPECT_EQ(std::string(score.outcome_id, score.outcome_id_len),
            std::string(id));
  EXPECT_EQ(std::string(score.statement, score.statement_len),
            std::string("a\0b", 3));
}

TEST(StudyTest, ScaleIsFixedOnceAnswersExist) {
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  EXPECT_THAT(Result(jtbd_study_set_scale(raw, 0, 5, 4)),
              FailsWith(JTBD_INVALID_ARGUMENT, ""));
  EXPECT_THAT(Result(jtbd_study_set_scale(raw, 1, 12, 10)),
              FailsWith(JTBD_INVALID_ARGUMENT, ""));
  EXPECT_THAT(Result(jtbd_study_set_scale(raw, 1, 5, 6)),
              FailsWith(JTBD_INVALID_ARGUMENT, ""));
  // 1-7, top box 6 and 7.
  ASSERT_THAT(Result(jtbd_study_set_scale(raw, 1, 7, 6)), IsOk());
  ASSERT_THAT(Result(jtbd_study_add_outcome(raw, "o", 1, "", 0, nullptr)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_add_respondents(raw, 4, nullptr)), IsOk());
  const uint32_t respondents[] = {0, 1, 2, 3};
  const uint32_t outcomes[] = {0, 0, 0, 0};
  const uint8_t importance[] = {7, 6, 5, 1};    // 2 of 4 top box
  const uint8_t satisfaction[] = {7, 2, 3, 4};  // 1 of 4
  ASSERT_THAT(Result(jtbd_study_add_answers(raw, 4, respondents, outcomes,
                                            importance, satisfaction)),
              IsOk());
  EXPECT_THAT(Result(jtbd_study_set_scale(raw, 1, 5, 4)),
              FailsWith(JTBD_FAILED_PRECONDITION, "scale"));
  Report report = ScoreStudy(raw);
  const jtbd_outcome_score score = OutcomeAt(report.get(), 0);
  EXPECT_NEAR(score.importance, 5.0, kTolerance);
  EXPECT_NEAR(score.satisfaction, 2.5, kTolerance);
  EXPECT_NEAR(score.opportunity, 7.5, kTolerance);
}

TEST(StudyTest, SegmentsByAttribute) {
  Study study = MakeSampleStudy();
  Report report = ScoreStudy(study.get(), "segment");
  ExpectSampleScores(report.get());
  ASSERT_EQ(jtbd_report_segment_count(report.get()), 2u);
  const char* name = nullptr;
  size_t name_len = 0;
  uint64_t count = 0;
  ASSERT_THAT(
      Result(jtbd_report_segment_name(report.get(), 0, &name, &name_len)),
      IsOk());
  EXPECT_EQ(std::string(name, name_len), "A");
  ASSERT_THAT(
      Result(jtbd_report_segment_respondent_count(report.get(), 0, &count)),
      IsOk());
  EXPECT_EQ(count, 3u);

  jtbd_outcome_score score = EmptyScore();
  ASSERT_THAT(Result(jtbd_report_segment_outcome(report.get(), 0, 0, &score)),
              IsOk());
  EXPECT_EQ(std::string(score.outcome_id), "speed");
  EXPECT_NEAR(score.importance, 10.0, kTolerance);
  EXPECT_NEAR(score.satisfaction, 10.0 / 3, kTolerance);
  EXPECT_NEAR(score.opportunity, 50.0 / 3, kTolerance);
  EXPECT_EQ(score.band, JTBD_BAND_EXTREME);
  EXPECT_EQ(score.rank, 1u);
  ASSERT_THAT(Result(jtbd_report_segment_outcome(report.get(), 0, 1, &score)),
              IsOk());
  EXPECT_EQ(std::string(score.outcome_id), "cost");
  EXPECT_NEAR(score.opportunity, 0.0, kTolerance);
  EXPECT_EQ(score.band, JTBD_BAND_OVERSERVED);

  ASSERT_THAT(Result(jtbd_report_segment_name(report.get(), 1, &name, nullptr)),
              IsOk());
  EXPECT_STREQ(name, "B");
  ASSERT_THAT(Result(jtbd_report_segment_outcome(report.get(), 1, 0, &score)),
              IsOk());
  EXPECT_EQ(std::string(score.outcome_id), "cost");
  EXPECT_NEAR(score.opportunity, 20.0, kTolerance);
  EXPECT_EQ(score.band, JTBD_BAND_EXTREME);
  ASSERT_THAT(Result(jtbd_report_segment_outcome(report.get(), 1, 1, &score)),
              IsOk());
  EXPECT_EQ(std::string(score.outcome_id), "speed");
  EXPECT_NEAR(score.importance, 10.0 / 3, kTolerance);
  EXPECT_NEAR(score.satisfaction, 5.0, kTolerance);
  EXPECT_EQ(score.band, JTBD_BAND_OVERSERVED);
  EXPECT_EQ(score.rank, 2u);

  // An attribute nobody has.
  jtbd_score_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  ASSERT_THAT(Result(jtbd_score_options_set_segment_by(raw, "region", 6)),
              IsOk());
  jtbd_report* missing = nullptr;
  EXPECT_THAT(Result(jtbd_study_score(study.get(), raw, &missing)),
              FailsWith(JTBD_NOT_FOUND, "region"));
  EXPECT_EQ(missing, nullptr);
  // Length 0 clears the option again.
  ASSERT_THAT(Result(jtbd_score_options_set_segment_by(raw, nullptr, 0)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_score(study.get(), raw, &missing)), IsOk());
  Report unsegmented(missing);
  EXPECT_EQ(jtbd_report_segment_count(unsegmented.get()), 0u);
}

TEST(StudyTest, ScoreOptionsRefuseNull) {
  EXPECT_THAT(Result(jtbd_score_options_create(nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_score_options_set_segment_by(nullptr, "a", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  jtbd_score_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  EXPECT_THAT(Result(jtbd_score_options_set_segment_by(raw, nullptr, 2)),
              FailsWith(JTBD_INVALID_ARGUMENT, "attribute is NULL"));
  jtbd_score_options_destroy(nullptr);
  EXPECT_THAT(Result(jtbd_read_options_create(nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_read_options_set_scale(nullptr, 1, 5, 4)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  jtbd_read_options_destroy(nullptr);
}

TEST(StudyTest, SerializeParseRoundTrip) {
  Study study = MakeSampleStudy();
  jtbd_buffer* raw_buffer = nullptr;
  ASSERT_THAT(Result(jtbd_study_serialize(study.get(), &raw_buffer)), IsOk());
  Buffer buffer(raw_buffer);
  const std::string bytes = BufferBytes(raw_buffer);
  EXPECT_FALSE(bytes.empty());

  jtbd_study* raw_copy = nullptr;
  ASSERT_THAT(Result(jtbd_study_parse(bytes.data(), bytes.size(), &raw_copy)),
              IsOk());
  Study copy(raw_copy);
  EXPECT_EQ(jtbd_study_outcome_count(raw_copy), 2u);
  EXPECT_EQ(jtbd_study_respondent_count(raw_copy), 6u);
  Report report = ScoreStudy(raw_copy, "segment");  // attributes survive
  ExpectSampleScores(report.get());
  EXPECT_EQ(jtbd_report_segment_count(report.get()), 2u);

  // Ids survive: re-adding one is refused.
  EXPECT_THAT(Result(jtbd_study_add_respondent(raw_copy, "r4", 2, nullptr)),
              FailsWith(JTBD_ALREADY_EXISTS, "r4"));

  // Empty bytes are an empty study; garbage is refused.
  jtbd_study* empty = nullptr;
  ASSERT_THAT(Result(jtbd_study_parse(nullptr, 0, &empty)), IsOk());
  Study empty_study(empty);
  EXPECT_EQ(jtbd_study_outcome_count(empty), 0u);
  jtbd_study* garbage = nullptr;
  EXPECT_THAT(Result(jtbd_study_parse("\x0a\x05x", 3, &garbage)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd.v1.Study"));
  EXPECT_EQ(garbage, nullptr);
}

TEST(StudyTest, ReadCsvFromMemory) {
  jtbd_study* raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_study_read_csv(nullptr, kSampleCsv, sizeof(kSampleCsv) - 1,
                                 "sample.csv", 10, &raw)),
      IsOk());
  Study study(raw);
  Report report = ScoreStudy(raw, "segment");
  ExpectSampleScores(report.get());
  EXPECT_EQ(jtbd_report_segment_count(report.get()), 2u);
}

TEST(StudyTest, ReadCsvErrorsNameSourceLineAndColumn) {
  const std::string bad =
      "respondent_id,segment,imp_speed,sat_speed\n"
      "r1,A,5,1\n"
      "r2,A,9,2\n";
  jtbd_study* raw = nullptr;
  const auto result = Result(
      jtbd_study_read_csv(nullptr, bad.data(), bad.size(), "bad.csv", 7, &raw));
  EXPECT_THAT(result,
              FailsWith(JTBD_INVALID_ARGUMENT, "bad.csv: line 3, column 3"));
  EXPECT_THAT(result.message, ::testing::HasSubstr("imp_speed"));
  EXPECT_EQ(raw, nullptr);
  EXPECT_THAT(Result(jtbd_study_read_csv(nullptr, nullptr, 0, "", 0, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "empty"));
  EXPECT_EQ(raw, nullptr);
}

TEST(StudyTest, ReadOptionsSetTheScale) {
  const std::string seven_point =
      "respondent_id,imp_o,sat_o\n"
      "a,7,1\n"
      "b,6,6\n"
      "c,5,7\n"
      "d,2,2\n";
  // On the default 1-5 scale, 7 is refused.
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_read_csv(nullptr, seven_point.data(),
                                         seven_point.size(), "", 0, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "line 2"));
  jtbd_read_options* raw_options = nullptr;
  ASSERT_THAT(Result(jtbd_read_options_create(&raw_options)), IsOk());
  ReadOptions options(raw_options);
  EXPECT_THAT(Result(jtbd_read_options_set_scale(raw_options, 3, 2, 2)),
              FailsWith(JTBD_INVALID_ARGUMENT, ""));
  ASSERT_THAT(Result(jtbd_read_options_set_scale(raw_options, 1, 7, 6)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_read_csv(raw_options, seven_point.data(),
                                         seven_point.size(), "", 0, &raw)),
              IsOk());
  Study study(raw);
  Report report = ScoreStudy(raw);
  const jtbd_outcome_score score = OutcomeAt(report.get(), 0);
  EXPECT_NEAR(score.importance, 5.0, kTolerance);    // 7, 6 of 4
  EXPECT_NEAR(score.satisfaction, 5.0, kTolerance);  // 6, 7 of 4
  EXPECT_NEAR(score.opportunity, 5.0, kTolerance);
}

TEST(StudyTest, ReadCsvFile) {
  const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
  jtbd_study* raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_study_read_csv_file(nullptr, path.data(), path.size(), &raw)),
      IsOk());
  Study study(raw);
  EXPECT_GE(jtbd_study_outcome_count(raw), 20u);
  EXPECT_GE(jtbd_study_respondent_count(raw), 150u);

  jtbd_study* missing = nullptr;
  const std::string nowhere = "/nonexistent/dir/survey.csv";
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, nowhere.data(),
                                              nowhere.size(), &missing)),
              FailsWith(JTBD_NOT_FOUND, nowhere));
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, "a\0b", 3, &missing)),
              FailsWith(JTBD_INVALID_ARGUMENT, "NUL"));
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, "", 0, &missing)),
              FailsWith(JTBD_INVALID_ARGUMENT, "empty"));
  // The length counts, not a terminating NUL: ".csv" is cut off.
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, path.data(),
                                              path.size() - 4, &missing)),
              FailsWith(JTBD_NOT_FOUND, "examples/survey: "));
  EXPECT_EQ(missing, nullptr);
}

// ------------------------------------------------------ outcome descriptions

// The statements of a report's outcomes by id.
std::map<std::string, std::string> StatementsById(const jtbd_report* report) {
  std::map<std::string, std::string> statements;
  for (size_t i = 0; i < jtbd_report_outcome_count(report); ++i) {
    const jtbd_outcome_score score = OutcomeAt(report, i);
    statements[std::string(score.outcome_id, score.outcome_id_len)] =
        std::string(score.statement, score.statement_len);
  }
  return statements;
}

Study ReadSampleCsv() {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_study_read_csv(nullptr, kSampleCsv, sizeof(kSampleCsv) - 1,
                                 "sample.csv", 10, &raw)),
      IsOk());
  return Study(raw);
}

TEST(StudyTest, DescribeOutcomesFromMemory) {
  Study study = ReadSampleCsv();
  const std::string descriptions =
      "Outcome_ID,Job Step,statement\n"
      "cost,send-the-invoice,\"Minimize the cost, per invoice\"\n";
  ASSERT_THAT(Result(jtbd_study_describe_outcomes_csv(
                  study.get(), descriptions.data(), descriptions.size(),
                  "descriptions.csv", 16)),
              IsOk());
  Report report = ScoreStudy(study.get());
  ExpectSampleScores(report.get());  // the scores do not move
  EXPECT_THAT(StatementsById(report.get()),
              ::testing::ElementsAre(
                  ::testing::Pair("cost", "Minimize the cost, per invoice"),
                  ::testing::Pair("speed", "")));
  // The job step travels with the study.
  jtbd_buffer* raw_buffer = nullptr;
  ASSERT_THAT(Result(jtbd_study_serialize(study.get(), &raw_buffer)), IsOk());
  Buffer buffer(raw_buffer);
  EXPECT_THAT(BufferBytes(raw_buffer),
              ::testing::HasSubstr("send-the-invoice"));
}

TEST(StudyTest, RefusedDescriptionsNameSourceLineColumnAndChangeNothing) {
  Study study = ReadSampleCsv();
  const std::string good = "id,statement\nspeed,Minimize the time\n";
  ASSERT_THAT(Result(jtbd_study_describe_outcomes_csv(study.get(), good.data(),
                                                      good.size(), "", 0)),
              IsOk());
  // Line 2 is fine, line 3 names an outcome the study does not have.
  const std::string bad =
      "id,statement\n"
      "cost,Minimize the cost\n"
      "price,Minimize the price\n";
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(study.get(), bad.data(),
                                                      bad.size(), "d.csv", 5)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "d.csv: line 3, column 1 (\"id\"): outcome \"price\" "
                        "is not in the survey (outcomes: speed, cost)"));
  const std::string twice = "id,statement\nspeed,a\nspeed,b\n";
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(
                  study.get(), twice.data(), twice.size(), "d.csv", 5)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "d.csv: line 3, column 1 (\"id\"): outcome speed is "
                        "already described on line 2"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(study.get(), nullptr, 0,
                                                      "d.csv", 5)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "d.csv: line 1, column 1: the file is empty"));
  // Invalid UTF-8 in the text is the reader's refusal, with its position.
  const std::string latin1 = "id,statement\nspeed,caf\xE9\n";
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv(
                  study.get(), latin1.data(), latin1.size(), "d.csv", 5)),
              FailsWith(JTBD_INVALID_ARGUMENT, "d.csv: line 2, column 2"));

  Report report = ScoreStudy(study.get());
  EXPECT_THAT(
      StatementsById(report.get()),
      ::testing::ElementsAre(::testing::Pair("cost", ""),
                             ::testing::Pair("speed", "Minimize the time")));
}

TEST(StudyTest, DescribeOutcomesFromTheExampleFile) {
  const std::string survey =
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
  const std::string outcomes =
      std::string(JTBD_SOURCE_DIR) + "/examples/outcomes.csv";
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_read_csv_file(nullptr, survey.data(),
                                              survey.size(), &raw)),
              IsOk());
  Study study(raw);
  ASSERT_THAT(Result(jtbd_study_describe_outcomes_csv_file(raw, outcomes.data(),
                                                           outcomes.size())),
              IsOk());
  Report report = ScoreStudy(raw);
  const std::map<std::string, std::string> statements =
      StatementsById(report.get());
  ASSERT_EQ(statements.size(), 24u);
  for (const auto& [id, statement] : statements) {
    EXPECT_THAT(statement, ::testing::StartsWith("M")) << id;
  }
  EXPECT_EQ(statements.at("o01"),
            "Minimize the time it takes to determine which completed work is "
            "ready to be invoiced");

  // A survey is no description file: it has no statement or job_step column.
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(raw, survey.data(),
                                                           survey.size())),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        survey + ": line 1, column 1 (\"respondent_id\"): the "
                                 "header has no outcome id column"));
  const std::string nowhere = "/nonexistent/dir/outcomes.csv";
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(raw, nowhere.data(),
                                                           nowhere.size())),
              FailsWith(JTBD_NOT_FOUND, nowhere));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(raw, "a\0b", 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "NUL"));
  EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(raw, "", 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is empty"));
  // Still described after the refusals.
  Report again = ScoreStudy(raw);
  EXPECT_EQ(StatementsById(again.get()), statements);
}

}  // namespace
}  // namespace jtbd_test
