#include "io/outcome_descriptions.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/outcome.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;

std::string OutcomesFile(absl::string_view kind, absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/outcomes/", kind, "/", name);
}

// A study declaring o01..o<count> with no descriptions.
Study StudyWithOutcomes(int count) {
  Study study;
  for (int o = 1; o <= count; ++o) {
    EXPECT_TRUE(
        study.AddOutcome(Outcome{absl::StrCat(o < 10 ? "o0" : "o", o), "", ""})
            .ok());
  }
  return study;
}

std::vector<std::string> Statements(const Study& study) {
  std::vector<std::string> statements;
  for (const Outcome& outcome : study.outcomes()) {
    statements.push_back(outcome.statement);
  }
  return statements;
}

std::vector<std::string> JobSteps(const Study& study) {
  std::vector<std::string> steps;
  for (const Outcome& outcome : study.outcomes()) {
    steps.push_back(outcome.job_step_id);
  }
  return steps;
}

// ---------------------------------------------------------------- good

TEST(ReadOutcomeDescriptionsTest, DescribesTheOutcomesOfAFile) {
  Study study = StudyWithOutcomes(4);
  ASSERT_TRUE(study.SetOutcomeStatement(3, "kept: no row for o04").ok());
  absl::Status status = ReadOutcomeDescriptionsCsvFile(
      OutcomesFile("good", "described.csv"), &study);
  ASSERT_TRUE(status.ok()) << status;
  // BOM and CRLF skipped, quoted commas and "" kept, spaces around cells
  // trimmed, the notes column ignored, the blank job step of o02 left unset.
  EXPECT_THAT(
      Statements(study),
      ElementsAre(
          "Minimize the time it takes to decide, with the customer, what to "
          "bill",
          "Minimize the number of \"manual\" steps",
          "Minimize the likelihood of a missing item", "kept: no row for o04"));
  EXPECT_THAT(JobSteps(study), ElementsAre("define", "", "locate", ""));
  // Ids, answers and order are untouched.
  EXPECT_EQ(study.outcomes()[2].id, "o03");
  EXPECT_EQ(study.outcome_count(), 4u);
}

TEST(ReadOutcomeDescriptionsTest, HeaderNamesIgnoreCaseAndSpaces) {
  Study study = StudyWithOutcomes(3);
  ASSERT_TRUE(study.SetOutcomeJobStep(0, "define").ok());
  absl::Status status = ReadOutcomeDescriptionsCsvFile(
      OutcomesFile("good", "other_names.csv"), &study);
  ASSERT_TRUE(status.ok()) << status;
  // " Outcome ID " is the id column, "Job Step" the job step; no statement
  // column, so statements stay empty; o01's blank step keeps "define".
  EXPECT_THAT(JobSteps(study), ElementsAre("define", "prepare", ""));
  EXPECT_THAT(Statements(study), ElementsAre("", "", ""));
}

TEST(ReadOutcomeDescriptionsTest, StatementsOnlyWithAnOutcomeColumn) {
  Study study = StudyWithOutcomes(3);
  absl::Status status = ReadOutcomeDescriptionsCsvFile(
      OutcomesFile("good", "statements_only.csv"), &study);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(Statements(study),
              ElementsAre("", "",
                          "Minimize the time it takes\nto send the "
                          "invoice"));
  EXPECT_THAT(JobSteps(study), ElementsAre("", "", ""));
}

TEST(ReadOutcomeDescriptionsTest, IdWinsOverOutcomeIdAndOutcome) {
  Study study = StudyWithOutcomes(2);
  // "outcome" is just another column when "id" is present.
  ASSERT_TRUE(
      ReadOutcomeDescriptionsCsv(
          "outcome,statement,ID\no01,second outcome,o02\n", "m.csv", &study)
          .ok());
  EXPECT_THAT(Statements(study), ElementsAre("", "second outcome"));
  ASSERT_TRUE(
      ReadOutcomeDescriptionsCsv(
          "outcome,statement,outcome_id\no01,first,o01\n", "m.csv", &study)
          .ok());
  EXPECT_THAT(Statements(study), ElementsAre("first", "second outcome"));
}

TEST(ReadOutcomeDescriptionsTest, ASecondFileOverwritesOnlyWhatItGives) {
  Study study = StudyWithOutcomes(2);
  ASSERT_TRUE(ReadOutcomeDescriptionsCsv(
                  "id,statement,job_step\no01,one,define\no02,two,locate\n",
                  "first.csv", &study)
                  .ok());
  ASSERT_TRUE(ReadOutcomeDescriptionsCsv("id,statement,job_step\no02,TWO,\n",
                                         "second.csv", &study)
                  .ok());
  EXPECT_THAT(Statements(study), ElementsAre("one", "TWO"));
  EXPECT_THAT(JobSteps(study), ElementsAre("define", "locate"));
}

TEST(ReadOutcomeDescriptionsTest, StatementsReachTheReport) {
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "respondent_id,imp_o01,sat_o01,imp_o02,sat_o02\n"
      "r1,5,2,3,3\n"
      "r2,4,4,5,1\n",
      "s.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  ASSERT_TRUE(ReadOutcomeDescriptionsCsv(
                  "id,statement\no02,Minimize the cost\n", "d.csv", &*study)
                  .ok());
  absl::StatusOr<v1::Report> report = study->Score(v1::ScoringOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->outcomes_size(), 2);
  // o01: I = 10 (2 of 2), S = 5 (1 of 2), Opp = 15, ranked first;
  // o02: I = 5, S = 0, Opp = 10.
  EXPECT_EQ(report->outcomes(0).outcome_id(), "o01");
  EXPECT_EQ(report->outcomes(0).statement(), "");
  EXPECT_DOUBLE_EQ(report->outcomes(0).opportunity(), 15.0);
  EXPECT_EQ(report->outcomes(1).outcome_id(), "o02");
  EXPECT_EQ(report->outcomes(1).statement(), "Minimize the cost");
  EXPECT_DOUBLE_EQ(report->outcomes(1).opportunity(), 10.0);
  // The job step is kept with the study (and its serialized form).
  ASSERT_TRUE(
      ReadOutcomeDescriptionsCsv("id,job_step\no01,define\n", "d.csv", &*study)
          .ok());
  EXPECT_EQ(study->ToProto().outcomes(0).job_step_id(), "define");
}

TEST(ReadOutcomeDescriptionsTest, TheExampleDescribesEveryExampleOutcome) {
  absl::StatusOr<Study> study = ReadSurveyCsvFile(
      absl::StrCat(JTBD_SOURCE_DIR, "/examples/survey.csv"), {});
  ASSERT_TRUE(study.ok()) << study.status();
  absl::Status status = ReadOutcomeDescriptionsCsvFile(
      absl::StrCat(JTBD_SOURCE_DIR, "/examples/outcomes.csv"), &*study);
  ASSERT_TRUE(status.ok()) << status;
  ASSERT_EQ(study->outcome_count(), 24u);
  for (const Outcome& outcome : study->outcomes()) {
    EXPECT_FALSE(outcome.statement.empty()) << outcome.id;
    EXPECT_FALSE(outcome.job_step_id.empty()) << outcome.id;
  }
  EXPECT_EQ(study->outcomes()[0].statement,
            "Minimize the time it takes to determine which completed work is "
            "ready to be invoiced");
  EXPECT_EQ(study->outcomes()[0].job_step_id, "define");
}

// ------------------------------------------------------------- refusals

// The message of a refused fixture with its path shown as "P", after
// checking that the study it was applied to is unchanged.
std::string RefusalOf(absl::string_view name) {
  const std::string path = OutcomesFile("bad", name);
  Study study = StudyWithOutcomes(12);
  EXPECT_TRUE(study.SetOutcomeStatement(0, "before").ok());
  const std::vector<Outcome> before = study.outcomes();
  absl::Status status = ReadOutcomeDescriptionsCsvFile(path, &study);
  if (status.ok()) return "<accepted>";
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_EQ(study.outcomes(), before) << name << " changed the study";
  std::string message(status.message());
  if (message.compare(0, path.size(), path) != 0) {
    return absl::StrCat("<no path prefix> ", message);
  }
  return absl::StrCat("P", message.substr(path.size()));
}

TEST(ReadOutcomeDescriptionsRefusalTest, EmptyFile) {
  EXPECT_EQ(RefusalOf("empty.csv"), "P: line 1, column 1: the file is empty");
}

TEST(ReadOutcomeDescriptionsRefusalTest, HeaderWithoutRows) {
  EXPECT_EQ(RefusalOf("header_only.csv"),
            "P: line 1, column 1 (\"id\"): no descriptions: the header is "
            "followed by no rows");
}

TEST(ReadOutcomeDescriptionsRefusalTest, NoIdColumn) {
  EXPECT_EQ(RefusalOf("no_id_column.csv"),
            "P: line 1, column 1 (\"name\"): the header has no outcome id "
            "column: id, outcome_id or outcome");
}

TEST(ReadOutcomeDescriptionsRefusalTest, NeitherStatementNorJobStep) {
  EXPECT_EQ(RefusalOf("no_text_columns.csv"),
            "P: line 1, column 1 (\"id\"): the header has neither a statement "
            "nor a job_step column, so it describes nothing");
}

TEST(ReadOutcomeDescriptionsRefusalTest, UnknownOutcomeListsTenOutcomes) {
  // Line 2 is fine, yet nothing is applied (RefusalOf checks).
  EXPECT_EQ(RefusalOf("unknown_outcome.csv"),
            "P: line 3, column 1 (\"id\"): outcome \"o99\" is not in the "
            "survey (outcomes: o01, o02, o03, o04, o05, o06, o07, o08, o09, "
            "o10, ...)");
  // Few enough outcomes are all listed, without "...".
  Study study = StudyWithOutcomes(2);
  EXPECT_EQ(ReadOutcomeDescriptionsCsv("id,statement\nO01,x\n", "m.csv", &study)
                .message(),
            "m.csv: line 2, column 1 (\"id\"): outcome \"O01\" is not in the "
            "survey (outcomes: o01, o02)");
  Study empty;
  EXPECT_EQ(ReadOutcomeDescriptionsCsv("id,statement\no01,x\n", "m.csv", &empty)
                .message(),
            "m.csv: line 2, column 1 (\"id\"): outcome \"o01\" is not in the "
            "survey (it has no outcomes)");
}

TEST(ReadOutcomeDescriptionsRefusalTest, AnOutcomeDescribedTwice) {
  EXPECT_EQ(RefusalOf("duplicate_id.csv"),
            "P: line 4, column 1 (\"id\"): outcome o01 is already described "
            "on line 2");
}

TEST(ReadOutcomeDescriptionsRefusalTest, BlankId) {
  EXPECT_EQ(RefusalOf("blank_id.csv"),
            "P: line 3, column 1 (\"id\"): the outcome id is blank");
}

TEST(ReadOutcomeDescriptionsRefusalTest, UnquotedCommaInAStatement) {
  EXPECT_EQ(RefusalOf("wrong_field_count.csv"),
            "P: line 3, column 4: expected 3 fields, as in the header, but "
            "found 4");
}

TEST(ReadOutcomeDescriptionsRefusalTest, RepeatedColumnName) {
  EXPECT_EQ(RefusalOf("duplicate_column.csv"),
            "P: line 1, column 4 (\"Statement\"): the header name repeats "
            "column 2 (names are compared ignoring case)");
  // Repeated ignored columns do no harm.
  Study study = StudyWithOutcomes(1);
  EXPECT_TRUE(ReadOutcomeDescriptionsCsv("note,id,note,statement\nx,o01,y,z\n",
                                         "m.csv", &study)
                  .ok());
  EXPECT_THAT(Statements(study), ElementsAre("z"));
}

TEST(ReadOutcomeDescriptionsRefusalTest, UnterminatedQuote) {
  EXPECT_EQ(RefusalOf("unterminated_quote.csv"),
            "P: line 2, column 2 (\"statement\"): a quoted field is not "
            "closed: the closing quote is missing");
}

TEST(ReadOutcomeDescriptionsRefusalTest, InvalidUtf8) {
  EXPECT_EQ(RefusalOf("invalid_utf8.csv"),
            "P: line 3, column 2 (\"statement\"): invalid UTF-8 (byte 0xC0)");
}

// Found by fuzz_outcome_descriptions (tests/fuzz/regressions): the
// column's header in a refusal was read from a destroyed temporary. A name
// longer than the small-string buffer came out as freed heap memory.
TEST(ReadOutcomeDescriptionsRefusalTest, NamesALongHeaderOfTheRefusedColumn) {
  Study study = StudyWithOutcomes(1);
  const absl::Status status = ReadOutcomeDescriptionsCsv(
      "id,statement,comments from the research team\no01,x,\xC0\n", "P",
      &study);
  EXPECT_EQ(status.message(),
            "P: line 2, column 3 (\"comments from the research team\"): "
            "invalid UTF-8 (byte 0xC0)");
  EXPECT_THAT(Statements(study), ElementsAre(""));
}

TEST(ReadOutcomeDescriptionsRefusalTest, MissingFileIsNotFound) {
  const std::string path = OutcomesFile("bad", "there_is_no_such_file.csv");
  Study study = StudyWithOutcomes(1);
  absl::Status status = ReadOutcomeDescriptionsCsvFile(path, &study);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(),
            absl::StrCat(path, ": No such file or directory"));
}

TEST(ReadOutcomeDescriptionsRefusalTest, NullStudy) {
  EXPECT_EQ(ReadOutcomeDescriptionsCsv("id,statement\no01,x\n", "m.csv",
                                       static_cast<Study*>(nullptr))
                .code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace jtbd
