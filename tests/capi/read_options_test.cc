// jtbd_read_options beyond the scale: forced formats, named questions,
// label maps and survey maps, from memory and from files. The expected
// scores are those of tests/data/io/formats/expected_long.csv, by hand:
//   o1: importance 5,4,5,1 -> 3 of 4 top box = 7.5; satisfaction 2,1,5,2 ->
//       1 of 4 = 2.5; opportunity 7.5 + 5 = 12.5
//   o2: importance 4,-,5,3 -> 2 of 3 = 6.667; satisfaction 3,4,1,- -> 1 of 3
//       = 3.333; opportunity 10
//   o3: importance 2,3,-,4 -> 1 of 3 = 3.333; satisfaction 5,3,2,4 -> 2 of 4
//       = 5; opportunity 3.333
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

constexpr double kTolerance = 1e-12;

std::string FormatFile(const char* name) {
  return std::string(JTBD_TEST_DATA_DIR) + "/io/formats/" + name;
}

ReadOptions NewOptions() {
  jtbd_read_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_read_options_create(&raw)), IsOk());
  return ReadOptions(raw);
}

Study ReadFile(const jtbd_read_options* options, const std::string& path) {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_study_read_csv_file(options, path.data(), path.size(), &raw)),
      IsOk());
  return Study(raw);
}

Outcome ReadMemory(const jtbd_read_options* options, const std::string& csv,
                   Study* study) {
  jtbd_study* raw = nullptr;
  Outcome outcome = Result(
      jtbd_study_read_csv(options, csv.data(), csv.size(), "m.csv", 5, &raw));
  study->reset(raw);
  return outcome;
}

// The report's outcome with this id (reports rank by opportunity).
jtbd_outcome_score ScoreOf(const jtbd_study* study, const std::string& id) {
  jtbd_report* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_score(study, nullptr, &raw)), IsOk());
  Report report(raw);
  for (size_t i = 0; i < jtbd_report_outcome_count(raw); ++i) {
    jtbd_outcome_score score = EmptyScore();
    EXPECT_THAT(Result(jtbd_report_outcome(raw, i, &score)), IsOk());
    if (std::string(score.outcome_id, score.outcome_id_len) == id) {
      score.outcome_id = nullptr;  // points into the report, now gone
      score.statement = nullptr;
      return score;
    }
  }
  ADD_FAILURE() << "no outcome " << id;
  return EmptyScore();
}

void ExpectTheSharedScores(const jtbd_study* study) {
  ASSERT_EQ(jtbd_study_outcome_count(study), 3u);
  ASSERT_EQ(jtbd_study_respondent_count(study), 4u);
  const jtbd_outcome_score o1 = ScoreOf(study, "o1");
  EXPECT_NEAR(o1.importance, 7.5, kTolerance);
  EXPECT_NEAR(o1.satisfaction, 2.5, kTolerance);
  EXPECT_NEAR(o1.opportunity, 12.5, kTolerance);
  const jtbd_outcome_score o2 = ScoreOf(study, "o2");
  EXPECT_NEAR(o2.importance, 20.0 / 3, kTolerance);
  EXPECT_NEAR(o2.satisfaction, 10.0 / 3, kTolerance);
  EXPECT_NEAR(o2.opportunity, 10.0, kTolerance);
  EXPECT_EQ(o2.importance_count, 3u);
  const jtbd_outcome_score o3 = ScoreOf(study, "o3");
  EXPECT_NEAR(o3.importance, 10.0 / 3, kTolerance);
  EXPECT_NEAR(o3.satisfaction, 5.0, kTolerance);
  EXPECT_NEAR(o3.opportunity, 10.0 / 3, kTolerance);
}

TEST(ReadOptionsTest, EveryExportReadsToTheSameScores) {
  for (const char* name :
       {"qualtrics.csv", "qualtrics_legacy.csv", "surveymonkey.csv",
        "google_forms.csv", "google_forms_fr.csv", "typeform.csv",
        "expected_long.csv"}) {
    SCOPED_TRACE(name);
    Study study = ReadFile(nullptr, FormatFile(name));
    ExpectTheSharedScores(study.get());
  }
}

TEST(ReadOptionsTest, StatementsReachTheReport) {
  Study study = ReadFile(nullptr, FormatFile("qualtrics.csv"));
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), nullptr, &raw)), IsOk());
  Report report(raw);
  const jtbd_outcome_score first = [&] {
    jtbd_outcome_score score = EmptyScore();
    EXPECT_THAT(Result(jtbd_report_outcome(raw, 0, &score)), IsOk());
    return score;
  }();
  EXPECT_EQ(std::string(first.statement, first.statement_len),
            "Minimize the time it takes to find a cut line");
}

TEST(ReadOptionsTest, AForcedFormat) {
  const std::string csv = "#,imp_a,sat_a\nt1,5,4\n";
  Study study;
  EXPECT_THAT(ReadMemory(nullptr, csv, &study),
              FailsWith(JTBD_INVALID_ARGUMENT, "m.csv: line 1: found no "));
  ReadOptions options = NewOptions();
  ASSERT_THAT(Result(jtbd_read_options_set_input_format(
                  options.get(), JTBD_INPUT_FORMAT_WIDE)),
              IsOk());
  ASSERT_THAT(ReadMemory(options.get(), csv, &study), IsOk());
  EXPECT_EQ(jtbd_study_outcome_count(study.get()), 1u);
  EXPECT_THAT(Result(jtbd_read_options_set_input_format(options.get(), 7)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "jtbd_read_options_set_input_format: format 7 is not "
                        "a jtbd_input_format (0-6)"));
  EXPECT_THAT(Result(jtbd_read_options_set_input_format(options.get(), -1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "format -1"));
  // The refused value left the wide format in place.
  ASSERT_THAT(ReadMemory(options.get(), csv, &study), IsOk());
}

TEST(ReadOptionsTest, NamedQuestions) {
  // Neither question text says importance or satisfaction.
  const std::string csv =
      "StartDate,ResponseId,Q2_1,Q2_2,Q3_1,Q3_2\n"
      "Start Date,Response ID,Rate A - x,Rate A - y,Rate B - x,Rate B - y\n"
      "2024-01-01,R_1,5,2,1,4\n";
  ReadOptions options = NewOptions();
  Study study;
  EXPECT_THAT(ReadMemory(options.get(), csv, &study),
              FailsWith(JTBD_INVALID_ARGUMENT, "found no importance"));
  ASSERT_THAT(
      Result(jtbd_read_options_add_importance_question(options.get(), "Q2", 2)),
      IsOk());
  ASSERT_THAT(Result(jtbd_read_options_add_satisfaction_question(options.get(),
                                                                 "Rate B", 6)),
              IsOk());
  ASSERT_THAT(ReadMemory(options.get(), csv, &study), IsOk());
  const jtbd_outcome_score x = ScoreOf(study.get(), "o1");
  EXPECT_NEAR(x.importance, 10.0, kTolerance);
  EXPECT_NEAR(x.satisfaction, 0.0, kTolerance);
  const jtbd_outcome_score y = ScoreOf(study.get(), "o2");
  EXPECT_NEAR(y.importance, 0.0, kTolerance);
  EXPECT_NEAR(y.satisfaction, 10.0, kTolerance);

  ASSERT_THAT(
      Result(jtbd_read_options_add_importance_question(options.get(), "Q9", 2)),
      IsOk());
  EXPECT_THAT(ReadMemory(options.get(), csv, &study),
              FailsWith(JTBD_INVALID_ARGUMENT, "no question \"Q9\""));
  ASSERT_THAT(Result(jtbd_read_options_clear_questions(options.get())), IsOk());
  EXPECT_THAT(ReadMemory(options.get(), csv, &study),
              FailsWith(JTBD_INVALID_ARGUMENT, "found no importance"));
  EXPECT_THAT(
      Result(jtbd_read_options_add_importance_question(options.get(), "", 0)),
      FailsWith(JTBD_INVALID_ARGUMENT, "question is empty"));
  EXPECT_THAT(Result(jtbd_read_options_add_satisfaction_question(options.get(),
                                                                 "\xFF", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "UTF-8"));
}

TEST(ReadOptionsTest, LabelsFromMemoryAndFile) {
  const std::string csv = "id,imp_a,sat_a\nr1,Critical,Hate it\n";
  Study study;
  EXPECT_THAT(ReadMemory(nullptr, csv, &study),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "m.csv: line 2, column 2 (\"imp_a\"): \"Critical\" is "
                        "neither a rating"));
  ReadOptions options = NewOptions();
  const std::string labels =
      "{\"importance\": {\"Critical\": 5}, \"satisfaction\": {\"Hate it\": "
      "1}}";
  ASSERT_THAT(Result(jtbd_read_options_set_labels(options.get(), labels.data(),
                                                  labels.size(), "l.json", 6)),
              IsOk());
  ASSERT_THAT(ReadMemory(options.get(), csv, &study), IsOk());
  EXPECT_NEAR(ScoreOf(study.get(), "a").importance, 10.0, kTolerance);

  // A refused map leaves the labels set before.
  const std::string bad = "label,rating\nCritical,high\n";
  EXPECT_THAT(Result(jtbd_read_options_set_labels(options.get(), bad.data(),
                                                  bad.size(), "bad.csv", 7)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "bad.csv: line 2, column 2 (\"rating\"): \"high\" is "
                        "not a rating"));
  ASSERT_THAT(ReadMemory(options.get(), csv, &study), IsOk());
  // Size 0 clears them.
  ASSERT_THAT(
      Result(jtbd_read_options_set_labels(options.get(), nullptr, 0, "", 0)),
      IsOk());
  EXPECT_THAT(ReadMemory(options.get(), csv, &study),
              FailsWith(JTBD_INVALID_ARGUMENT, "\"Critical\""));

  const std::string path = FormatFile("labels.csv");
  ASSERT_THAT(Result(jtbd_read_options_set_labels_file(
                  options.get(), path.data(), path.size())),
              IsOk());
  ASSERT_THAT(ReadMemory(options.get(), csv, &study), IsOk());
  const std::string missing = "/nonexistent/labels.csv";
  EXPECT_THAT(Result(jtbd_read_options_set_labels_file(
                  options.get(), missing.data(), missing.size())),
              FailsWith(JTBD_NOT_FOUND, "/nonexistent/labels.csv"));
  EXPECT_THAT(Result(jtbd_read_options_set_labels(nullptr, "", 0, "", 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(
      Result(jtbd_read_options_set_labels(options.get(), nullptr, 3, "", 0)),
      FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
}

TEST(ReadOptionsTest, SurveyMapFromFileAndMemory) {
  const std::string survey = FormatFile("crm_export.csv");
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, survey.data(),
                                              survey.size(), &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "no known layout"));
  ReadOptions options = NewOptions();
  const std::string map_path = FormatFile("crm_map.json");
  ASSERT_THAT(Result(jtbd_read_options_set_survey_map_file(
                  options.get(), map_path.data(), map_path.size())),
              IsOk());
  Study study = ReadFile(options.get(), survey);
  ASSERT_EQ(jtbd_study_respondent_count(study.get()), 4u);
  // Weighted by revenue 2.5, 1, 2.5, 0.5: o1's importance 5,4,5,1 is top
  // box for weight 6 of 6.5.
  EXPECT_NEAR(ScoreOf(study.get(), "o1").importance, 60.0 / 6.5, 1e-9);

  const std::string json =
      "{\"respondentIdColumn\": \"id\", \"outcomes\": [{\"id\": \"speed\", "
      "\"importanceColumn\": \"#2\", \"satisfactionColumn\": \"s\"}]}";
  ASSERT_THAT(Result(jtbd_read_options_set_survey_map(
                  options.get(), json.data(), json.size(), "m.json", 6)),
              IsOk());
  ASSERT_THAT(
      ReadMemory(options.get(), "id,i,s,x\nr1,5,2,y\nr2,1,4,z\n", &study),
      IsOk());
  EXPECT_NEAR(ScoreOf(study.get(), "speed").importance, 5.0, kTolerance);
  EXPECT_THAT(ReadMemory(options.get(), "id,i,t\nr1,5,2\n", &study),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "m.json: outcomes[0].satisfaction_column: no column "
                        "\"s\""));
  const std::string typo = "{\"outcome\": []}";
  EXPECT_THAT(Result(jtbd_read_options_set_survey_map(
                  options.get(), typo.data(), typo.size(), "t.json", 6)),
              FailsWith(JTBD_INVALID_ARGUMENT, "t.json: not a survey map"));
  ASSERT_THAT(Result(jtbd_read_options_set_survey_map(options.get(), nullptr, 0,
                                                      "", 0)),
              IsOk());
  ASSERT_THAT(ReadMemory(options.get(), "id,imp_a,sat_a\nr1,5,2\n", &study),
              IsOk());
}

TEST(ReadOptionsTest, WeightColumn) {
  ReadOptions options = NewOptions();
  ASSERT_THAT(
      Result(jtbd_read_options_set_weight_column(options.get(), "w", 1)),
      IsOk());
  Study study;
  ASSERT_THAT(ReadMemory(options.get(),
                         "id,w,imp_a,sat_a\nr1,3,5,1\nr2,1,2,1\n", &study),
              IsOk());
  // Importance top box: r1 only, weight 3 of 4.
  EXPECT_NEAR(ScoreOf(study.get(), "a").importance, 7.5, kTolerance);
  ASSERT_THAT(Result(jtbd_read_options_set_weight_column(options.get(), "", 0)),
              IsOk());
  ASSERT_THAT(ReadMemory(options.get(),
                         "id,w,imp_a,sat_a\nr1,3,5,1\nr2,1,2,1\n", &study),
              IsOk());
  EXPECT_NEAR(ScoreOf(study.get(), "a").importance, 5.0, kTolerance);
}

std::string SerializedAggregate(const jtbd_aggregate* aggregate) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_serialize(aggregate, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(raw);
}

TEST(ReadOptionsTest, AggregateReadsEqualTheStudysAggregate) {
  ReadOptions options = NewOptions();
  const std::string map_path = FormatFile("crm_map.json");
  ASSERT_THAT(Result(jtbd_read_options_set_survey_map_file(
                  options.get(), map_path.data(), map_path.size())),
              IsOk());
  const std::string survey = FormatFile("crm_export.csv");
  for (const jtbd_read_options* read_options :
       {static_cast<const jtbd_read_options*>(options.get())}) {
    Study study = ReadFile(read_options, survey);
    jtbd_aggregate* raw = nullptr;
    ASSERT_THAT(Result(jtbd_study_create_aggregate(study.get(), &raw)), IsOk());
    Aggregate from_study(raw);
    ASSERT_THAT(Result(jtbd_aggregate_read_csv_file(read_options, survey.data(),
                                                    survey.size(), &raw)),
                IsOk());
    Aggregate streamed(raw);
    EXPECT_EQ(jtbd_aggregate_respondent_count(streamed.get()), 4u);
    EXPECT_EQ(SerializedAggregate(streamed.get()),
              SerializedAggregate(from_study.get()));
  }
  const std::string csv = "id,imp_a,sat_a\nr1,5,1\nr1,4,2\n";
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_read_csv(nullptr, csv.data(), csv.size(),
                                             "d.csv", 5, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "d.csv: line 3, column 1 (\"id\"): respondent r1 "
                        "already has a row on line 2"));
  EXPECT_EQ(raw, nullptr);
  ASSERT_THAT(Result(jtbd_aggregate_read_csv(nullptr, csv.data(), 22, "d.csv",
                                             5, &raw)),
              IsOk());
  Aggregate one(raw);
  uint64_t count = 0;
  ASSERT_THAT(Result(jtbd_aggregate_cell(one.get(), 0, 5, 1, &count)), IsOk());
  EXPECT_EQ(count, 1u);
  EXPECT_THAT(Result(jtbd_aggregate_read_csv_file(nullptr, "x", 1, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
}

TEST(ReadOptionsTest, NullOptionsAreRefused) {
  EXPECT_THAT(Result(jtbd_read_options_set_input_format(nullptr, 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(
      Result(jtbd_read_options_add_importance_question(nullptr, "Q", 1)),
      FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(Result(jtbd_read_options_clear_questions(nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  EXPECT_THAT(Result(jtbd_read_options_set_survey_map_file(nullptr, "x", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
  ReadOptions options = NewOptions();
  EXPECT_THAT(
      Result(jtbd_read_options_set_survey_map_file(options.get(), nullptr, 0)),
      FailsWith(JTBD_INVALID_ARGUMENT, "path is NULL"));
  EXPECT_THAT(
      Result(jtbd_read_options_set_labels_file(options.get(), "a\0b", 3)),
      FailsWith(JTBD_INVALID_ARGUMENT, "path contains a NUL byte"));
  EXPECT_THAT(Result(jtbd_read_options_set_weight_column(nullptr, "w", 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
}

}  // namespace
}  // namespace jtbd_test
