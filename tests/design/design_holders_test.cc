// Studies and aggregates carrying a study design (issue 14, item 1): set
// and read back, saved and loaded with their files, attached with its
// coverage by scoring (the same coverage as `jtbd score --design`, whose
// numbers design_test.cc checks by hand), refused designs leaving them as
// they were, and merges of two designs refused.
#include <unistd.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/aggregate.h"
#include "core/scoring.h"
#include "core/study.h"
#include "design/design_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/saved_file.h"
#include "jtbd/v1/report.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/score_survey.h"
#include "pipeline/survey_read.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

std::string Data(const std::string& name) {
  return std::string(JTBD_TEST_DATA_DIR) + "/design/" + name;
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/jtbd_design_" + std::to_string(getpid()) +
         "_" + name;
}

v1::StudyDesign ReadDesign(const std::string& name) {
  const absl::StatusOr<std::string> bytes =
      ReadInputBytes(InputSource::File(Data(name)));
  EXPECT_TRUE(bytes.ok());
  absl::StatusOr<v1::StudyDesign> design =
      design::ParseDesign(*bytes, Data(name));
  EXPECT_TRUE(design.ok()) << design.status();
  return *design;
}

Study ReadStudy() {
  absl::StatusOr<Study> study = ReadSurveyStudy(
      InputSource::File(Data("survey.csv")), ReadOptions());
  EXPECT_TRUE(study.ok()) << study.status();
  return std::move(*study);
}

// The report of `jtbd score --design design.csv`, whose coverage
// design_test.cc checks number by number.
v1::Report ReferenceReport() {
  SurveyScoringOptions options;
  options.design = InputSource::File(Data("design.csv"));
  absl::StatusOr<v1::Report> report = ScoreSurvey(
      InputSource::File(Data("survey.csv")), ReadOptions(), options);
  EXPECT_TRUE(report.ok()) << report.status();
  return *report;
}

void ExpectSameDesignAndCoverage(const v1::Report& report) {
  const v1::Report reference = ReferenceReport();
  ASSERT_TRUE(report.has_design());
  EXPECT_EQ(report.design().SerializeAsString(),
            reference.design().SerializeAsString());
  EXPECT_EQ(report.coverage().SerializeAsString(),
            reference.coverage().SerializeAsString());
  EXPECT_EQ(report.coverage().most_opportunity_step_id(), "define");
  EXPECT_EQ(report.coverage().steps(0).outcome_count(), 2u);
  EXPECT_DOUBLE_EQ(report.coverage().steps(0).opportunity_excess(), 17.5);
}

TEST(StudyDesignTest, AStudyScoresWithItsDesign) {
  Study study = ReadStudy();
  EXPECT_FALSE(study.design().has_value());
  ASSERT_TRUE(study.SetDesign(ReadDesign("design.csv")).ok());
  ASSERT_TRUE(study.design().has_value());
  EXPECT_EQ(study.design()->job().statement(),
            "Get the work of a job invoiced and paid");
  const absl::StatusOr<v1::Report> report = study.Score(v1::ScoringOptions());
  ASSERT_TRUE(report.ok()) << report.status();
  ExpectSameDesignAndCoverage(*report);
  // Its aggregate carries it on.
  const Aggregate aggregate = study.ToAggregate();
  ASSERT_TRUE(aggregate.design().has_value());
  const absl::StatusOr<v1::Report> from_aggregate = ScoreAggregate(aggregate);
  ASSERT_TRUE(from_aggregate.ok());
  ExpectSameDesignAndCoverage(*from_aggregate);
  study.ClearDesign();
  const absl::StatusOr<v1::Report> plain = study.Score(v1::ScoringOptions());
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->has_design());
  EXPECT_FALSE(plain->has_coverage());
}

TEST(StudyDesignTest, ARefusedDesignLeavesTheStudyAsItWas) {
  Study study = ReadStudy();
  ASSERT_TRUE(study.SetDesign(ReadDesign("design.csv")).ok());
  const std::string before = study.ToProto().SerializeAsString();
  v1::StudyDesign bad;
  bad.add_outcomes()->set_id("a");
  bad.add_outcomes()->set_id("a");
  const absl::Status status = study.SetDesign(bad);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(status.message()),
            "design: outcomes[1].id: outcome \"a\" is already in the design");
  EXPECT_EQ(study.ToProto().SerializeAsString(), before);
  Aggregate aggregate = study.ToAggregate();
  const std::string aggregate_before = aggregate.ToProto().SerializeAsString();
  EXPECT_FALSE(aggregate.SetDesign(bad).ok());
  EXPECT_EQ(aggregate.ToProto().SerializeAsString(), aggregate_before);
}

TEST(StudyDesignTest, SavedAndLoadedWithTheStudyFile) {
  Study study = ReadStudy();
  ASSERT_TRUE(study.SetDesign(ReadDesign("design.csv")).ok());
  const std::string path = TempPath("study.jtbd");
  ASSERT_TRUE(SaveStudyFile(study, path).ok());
  absl::StatusOr<Study> loaded = LoadStudyFile(path);
  unlink(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_TRUE(loaded->design().has_value());
  EXPECT_EQ(loaded->design()->SerializeAsString(),
            study.design()->SerializeAsString());
  const absl::StatusOr<v1::Report> report = loaded->Score(v1::ScoringOptions());
  ASSERT_TRUE(report.ok());
  ExpectSameDesignAndCoverage(*report);
}

TEST(StudyDesignTest, SavedAndLoadedWithTheAggregateFileAndBytes) {
  Aggregate aggregate = ReadStudy().ToAggregate();
  ASSERT_TRUE(aggregate.SetDesign(ReadDesign("design.csv")).ok());
  const std::string path = TempPath("aggregate.jtbd");
  ASSERT_TRUE(SaveAggregateFile(aggregate, path).ok());
  absl::StatusOr<Aggregate> loaded = LoadAggregateFile(path);
  unlink(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_TRUE(loaded->design().has_value());
  const absl::StatusOr<v1::Report> report = ScoreAggregate(*loaded);
  ASSERT_TRUE(report.ok());
  ExpectSameDesignAndCoverage(*report);
  // The design changes no table: the format version stays 1.
  EXPECT_EQ(aggregate.ToProto().format_version(), Aggregate::kFormatVersion);
}

TEST(StudyDesignTest, ABadDesignInASavedMessageIsRefusedByPath) {
  v1::Study proto = ReadStudy().ToProto();
  proto.mutable_design()->add_outcomes()->set_id("");
  const absl::StatusOr<Study> study = Study::FromProto(proto);
  ASSERT_FALSE(study.ok());
  EXPECT_EQ(std::string(study.status().message()),
            "design: outcomes[0].id: the outcome id is blank");
  v1::Aggregate aggregate = ReadStudy().ToAggregate().ToProto();
  aggregate.mutable_design()->mutable_job()->add_steps();
  const absl::StatusOr<Aggregate> refused = Aggregate::FromProto(aggregate);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(std::string(refused.status().message()),
            "design: job.steps[0].id: the step id is blank");
}

TEST(AggregateDesignTest, MergesOnlyTheSameDesign) {
  Aggregate a = ReadStudy().ToAggregate();
  Aggregate b = ReadStudy().ToAggregate();
  ASSERT_TRUE(a.SetDesign(ReadDesign("design.csv")).ok());
  ASSERT_TRUE(b.SetDesign(ReadDesign("design.csv")).ok());
  ASSERT_TRUE(a.Merge(b).ok());
  EXPECT_EQ(a.respondent_count(), 8u);

  Aggregate other = ReadStudy().ToAggregate();
  ASSERT_TRUE(other.SetDesign(ReadDesign("outcomes_only.csv")).ok());
  const std::string before = a.ToProto().SerializeAsString();
  const absl::Status refused = a.Merge(other);
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(refused.message()),
              HasSubstr("cannot merge aggregates of two different study "
                        "designs (jobs \"Get the work of a job invoiced and "
                        "paid\" and \"\")"));
  EXPECT_EQ(a.ToProto().SerializeAsString(), before);

  // An aggregate without a design takes the other's.
  Aggregate plain = ReadStudy().ToAggregate();
  ASSERT_TRUE(plain.Merge(a).ok());
  ASSERT_TRUE(plain.design().has_value());
  EXPECT_EQ(plain.respondent_count(), 12u);
  ASSERT_TRUE(a.Merge(ReadStudy().ToAggregate()).ok());
  EXPECT_TRUE(a.design().has_value());
}

// Saved by main's libjtbd before studies and aggregates carried designs
// (tests/data/design/*_before_designs.jtbd, of survey.csv): they load,
// without a design, score as before (a: 20, b: 17.5, e: 12.5, d: 5, c: 0)
// and then take one.
TEST(StudyDesignTest, FilesSavedBeforeDesignsStillLoad) {
  absl::StatusOr<Study> study =
      LoadStudyFile(Data("study_before_designs.jtbd"));
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_FALSE(study->design().has_value());
  EXPECT_EQ(study->respondent_count(), 4u);
  absl::StatusOr<Aggregate> aggregate =
      LoadAggregateFile(Data("aggregate_before_designs.jtbd"));
  ASSERT_TRUE(aggregate.ok()) << aggregate.status();
  EXPECT_FALSE(aggregate->design().has_value());
  const absl::StatusOr<v1::Report> plain = ScoreAggregate(*aggregate);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->outcomes_size(), 5);
  EXPECT_EQ(plain->outcomes(0).outcome_id(), "a");
  EXPECT_DOUBLE_EQ(plain->outcomes(0).opportunity(), 20.0);
  EXPECT_DOUBLE_EQ(plain->outcomes(4).opportunity(), 0.0);
  EXPECT_FALSE(plain->has_coverage());
  ASSERT_TRUE(study->SetDesign(ReadDesign("design.csv")).ok());
  const absl::StatusOr<v1::Report> report = study->Score(v1::ScoringOptions());
  ASSERT_TRUE(report.ok());
  ExpectSameDesignAndCoverage(*report);
}

}  // namespace
}  // namespace jtbd
