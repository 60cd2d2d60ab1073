// "Score this survey" (pipeline/score_survey.h): every path gives the report
// the Study path gives, which is itself checked against the io reader and
// Study::Score directly; descriptions reach aggregates; refusals come in
// the documented order.
#include "pipeline/score_survey.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/outcome_descriptions.h"
#include "io/survey_reader.h"
#include "jtbd/v1/report.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/survey_read.h"

namespace jtbd {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

std::string SourcePath(const std::string& relative) {
  return absl::StrCat(JTBD_SOURCE_DIR, "/", relative);
}

// Surveys of every reader shape: wide with two attributes, long with
// competing solutions, wide with competitor columns, a mapped CRM export
// with weights, a Qualtrics export.
struct Survey {
  std::string path;
  std::string segment_by;
  std::string map;  // survey map, if any
};

std::vector<Survey> Surveys() {
  return {
      {"examples/survey.csv", "segment", ""},
      {"examples/survey.csv", "role", ""},
      {"tests/data/competitors/long.csv", "region", ""},
      {"tests/data/competitors/wide.csv", "region", ""},
      {"tests/data/io/formats/crm_export.csv", "role",
       "tests/data/io/formats/crm_map.json"},
      {"tests/data/screening/survey_wide.csv", "team", ""},
  };
}

ReadOptions OptionsFor(const Survey& survey) {
  ReadOptions options;
  if (!survey.map.empty()) {
    absl::StatusOr<v1::SurveyMap> map =
        ReadSurveyMapFile(SourcePath(survey.map));
    EXPECT_TRUE(map.ok()) << map.status();
    if (map.ok()) options.survey_map = *std::move(map);
  }
  return options;
}

SurveyScoringOptions Scoring(const std::string& segment_by) {
  SurveyScoringOptions options;
  options.scoring.set_segment_by(segment_by);
  options.scoring.set_bootstrap_resamples(200);
  options.scoring.set_seed(11);
  return options;
}

void ExpectSameReport(const absl::StatusOr<v1::Report>& got,
                      const absl::StatusOr<v1::Report>& want) {
  ASSERT_TRUE(want.ok()) << want.status();
  ASSERT_TRUE(got.ok()) << got.status();
  std::string differences;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  EXPECT_TRUE(differencer.Compare(*got, *want)) << differences;
}

// The report of the reader's Study scored by Study::Score, outside the
// pipeline.
absl::StatusOr<v1::Report> StudyReport(const Survey& survey,
                                       const v1::ScoringOptions& scoring) {
  absl::StatusOr<Study> study =
      ReadSurveyCsvFile(SourcePath(survey.path), OptionsFor(survey));
  if (!study.ok()) return study.status();
  return study->Score(scoring);
}

TEST(CheapestScorePathTest, OnlyScreeningNeedsTheStudy) {
  v1::ScoringOptions options;
  EXPECT_EQ(CheapestScorePath(options), ScorePath::kAggregate);
  options.set_segment_by("segment");
  EXPECT_EQ(CheapestScorePath(options), ScorePath::kSegmentedAggregate);
  options.mutable_screening()->set_enabled(true);
  EXPECT_EQ(CheapestScorePath(options), ScorePath::kStudy);
  options.clear_segment_by();
  EXPECT_EQ(CheapestScorePath(options), ScorePath::kStudy);
  EXPECT_STREQ(ScorePathName(ScorePath::kAggregate), "aggregate");
  EXPECT_STREQ(ScorePathName(ScorePath::kSegmentedAggregate),
               "segmented_aggregate");
  EXPECT_STREQ(ScorePathName(ScorePath::kStudy), "study");
}

TEST(ScoreSurveyTest, TheStudyPathIsStudyScore) {
  for (const Survey& survey : Surveys()) {
    SCOPED_TRACE(survey.path);
    const SurveyScoringOptions options = Scoring(survey.segment_by);
    ExpectSameReport(ScoreSurveyVia(ScorePath::kStudy,
                                    InputSource::File(SourcePath(survey.path)),
                                    OptionsFor(survey), options),
                     StudyReport(survey, options.scoring));
  }
}

TEST(ScoreSurveyTest, TheAggregatePathGivesTheStudyPathsReport) {
  for (const Survey& survey : Surveys()) {
    SCOPED_TRACE(survey.path);
    const InputSource source = InputSource::File(SourcePath(survey.path));
    const SurveyScoringOptions options = Scoring("");
    ExpectSameReport(
        ScoreSurveyVia(ScorePath::kAggregate, source, OptionsFor(survey),
                       options),
        ScoreSurveyVia(ScorePath::kStudy, source, OptionsFor(survey), options));
    // And it is the path ScoreSurvey takes.
    ExpectSameReport(ScoreSurvey(source, OptionsFor(survey), options),
                     StudyReport(survey, options.scoring));
  }
}

TEST(ScoreSurveyTest, TheSegmentedPathGivesTheStudyPathsReport) {
  for (const Survey& survey : Surveys()) {
    SCOPED_TRACE(absl::StrCat(survey.path, " by ", survey.segment_by));
    const InputSource source = InputSource::File(SourcePath(survey.path));
    const SurveyScoringOptions options = Scoring(survey.segment_by);
    const absl::StatusOr<v1::Report> segmented = ScoreSurveyVia(
        ScorePath::kSegmentedAggregate, source, OptionsFor(survey), options);
    ExpectSameReport(segmented, ScoreSurveyVia(ScorePath::kStudy, source,
                                               OptionsFor(survey), options));
    ASSERT_TRUE(segmented.ok());
    EXPECT_GE(segmented->segments_size(), 2);
    ExpectSameReport(ScoreSurvey(source, OptionsFor(survey), options),
                     segmented);
  }
}

TEST(ScoreSurveyTest, ScreeningTakesTheStudyPath) {
  const Survey survey{"tests/data/screening/survey_wide.csv", "team", ""};
  SurveyScoringOptions options = Scoring("team");
  options.scoring.mutable_screening()->set_enabled(true);
  options.scoring.mutable_screening()->set_exclude(true);
  const absl::StatusOr<v1::Report> report = ScoreSurvey(
      InputSource::File(SourcePath(survey.path)), OptionsFor(survey), options);
  ExpectSameReport(report, StudyReport(survey, options.scoring));
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->has_screening());
}

TEST(ScoreSurveyTest, PathsThatCannotHonourTheOptionsAreRefusedFirst) {
  // The file does not exist: the refusal comes before any read.
  const InputSource missing = InputSource::File("/nonexistent/survey.csv");
  SurveyScoringOptions segmented = Scoring("segment");
  absl::StatusOr<v1::Report> report =
      ScoreSurveyVia(ScorePath::kAggregate, missing, ReadOptions(), segmented);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("segment_by"));
  report = ScoreSurveyVia(ScorePath::kSegmentedAggregate, missing,
                          ReadOptions(), Scoring(""));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  SurveyScoringOptions screened = Scoring("");
  screened.scoring.mutable_screening()->set_enabled(true);
  for (ScorePath path :
       {ScorePath::kAggregate, ScorePath::kSegmentedAggregate}) {
    report = ScoreSurveyVia(path, missing, ReadOptions(), screened);
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(report.status().message()), HasSubstr("screening"));
  }
  // Standard input feeds one of the survey and the descriptions.
  SurveyScoringOptions both = Scoring("");
  both.outcome_descriptions = InputSource::StandardInput();
  report = ScoreSurvey(InputSource::StandardInput(), ReadOptions(), both);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("standard input"));
  // The cheapest path reads, and says the file is missing.
  report = ScoreSurvey(missing, ReadOptions(), segmented);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kNotFound);
}

// Two outcomes, two segments, one respondent without a segment.
constexpr char kWide[] =
    "respondent_id,team,imp_a,sat_a,imp_b,sat_b\n"
    "r1,x,5,1,4,4\n"
    "r2,y,4,2,2,5\n"
    "r3,x,3,5,5,1\n"
    "r4,,5,5,1,1\n";

constexpr char kDescriptions[] =
    "id,statement,job_step\n"
    "b,Minimize the time to do b,execute\n"
    "a,Minimize the cost of a,\n";

TEST(ScoreSurveyTest, DescriptionsReachEveryPathsReport) {
  for (const std::string segment_by : {"", "team"}) {
    SCOPED_TRACE(segment_by);
    SurveyScoringOptions options = Scoring(segment_by);
    options.outcome_descriptions =
        InputSource::Bytes(kDescriptions, "descriptions.csv");
    const InputSource survey = InputSource::Bytes(kWide, "survey.csv");
    const absl::StatusOr<v1::Report> cheapest =
        ScoreSurvey(survey, ReadOptions(), options);
    ExpectSameReport(cheapest, ScoreSurveyVia(ScorePath::kStudy, survey,
                                              ReadOptions(), options));
    ASSERT_TRUE(cheapest.ok());
    // Every outcome of the whole sample and of each segment is described.
    std::vector<const v1::OutcomeScore*> scores;
    for (const v1::OutcomeScore& score : cheapest->outcomes()) {
      scores.push_back(&score);
    }
    for (const v1::SegmentReport& segment : cheapest->segments()) {
      for (const v1::OutcomeScore& score : segment.outcomes()) {
        scores.push_back(&score);
      }
    }
    EXPECT_EQ(scores.size(), segment_by.empty() ? 2u : 6u);
    for (const v1::OutcomeScore* score : scores) {
      EXPECT_EQ(score->statement(), score->outcome_id() == "a"
                                        ? "Minimize the cost of a"
                                        : "Minimize the time to do b");
    }
  }
}

TEST(DescribeOutcomesTest, AggregatesTakeStatementsAndJobSteps) {
  absl::StatusOr<SegmentedAggregate> aggregates =
      ReadSurveyCsvSegmentedAggregate(kWide, "survey.csv", ReadOptions(),
                                      "team");
  ASSERT_TRUE(aggregates.ok()) << aggregates.status();
  ASSERT_TRUE(
      DescribeOutcomes(InputSource::Bytes(kDescriptions, "descriptions.csv"),
                       ResourceLimits(), &*aggregates)
          .ok());
  const std::vector<const Aggregate*> all = {&aggregates->all,
                                             &aggregates->segments.at("x"),
                                             &aggregates->segments.at("y")};
  for (const Aggregate* aggregate : all) {
    ASSERT_EQ(aggregate->outcome_count(), 2u);
    EXPECT_EQ(aggregate->outcomes()[0],
              (Outcome{"a", "Minimize the cost of a", ""}));
    EXPECT_EQ(aggregate->outcomes()[1],
              (Outcome{"b", "Minimize the time to do b", "execute"}));
  }
}

TEST(DescribeOutcomesTest, ARefusalLeavesTheAggregateAsItWas) {
  absl::StatusOr<Aggregate> aggregate =
      ReadSurveyCsvAggregate(kWide, "survey.csv", ReadOptions());
  ASSERT_TRUE(aggregate.ok()) << aggregate.status();
  const std::vector<Outcome> before = aggregate->outcomes();
  // Row 2 describes a; row 3 names an outcome the survey lacks.
  const absl::Status status = ReadOutcomeDescriptionsCsv(
      "id,statement\na,A\nzz,Z\n", "d.csv", &*aggregate);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("d.csv: line 3, column 1 (\"id\"): outcome \"zz\" "
                        "is not in the survey (outcomes: a, b)"));
  EXPECT_EQ(aggregate->outcomes(), before);
  EXPECT_EQ(ReadOutcomeDescriptionsCsv("id,statement\n", "d.csv",
                                       static_cast<Aggregate*>(nullptr))
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AggregateTest, SetOutcomeDescriptionKeepsTheId) {
  absl::StatusOr<Aggregate> aggregate =
      Aggregate::Create(Scale(), {Outcome{"a", "", ""}});
  ASSERT_TRUE(aggregate.ok());
  ASSERT_TRUE(aggregate->SetOutcomeDescription(0, "statement", "step").ok());
  EXPECT_EQ(aggregate->outcomes()[0], (Outcome{"a", "statement", "step"}));
  EXPECT_EQ(aggregate->SetOutcomeDescription(1, "x", "y").code(),
            absl::StatusCode::kOutOfRange);
  // The statement travels with the aggregate (jtbd.v1.OutcomeTable has no
  // job step).
  absl::StatusOr<Aggregate> copy = Aggregate::FromProto(aggregate->ToProto());
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_EQ(copy->outcomes()[0].statement, "statement");
}

constexpr char kBadDescriptions[] = "id,statement\nnope,N\n";

TEST(ScoreSurveyTest, TheSurveysRefusalComesBeforeTheDescriptions) {
  const std::string bad_survey = "respondent_id,imp_a,sat_a\nr1,9,1\n";
  for (const std::string segment_by : {"", "team"}) {
    SurveyScoringOptions options = Scoring(segment_by);
    options.outcome_descriptions = InputSource::Bytes(kBadDescriptions, "d");
    const absl::StatusOr<v1::Report> report = ScoreSurvey(
        InputSource::Bytes(bad_survey, "s.csv"), ReadOptions(), options);
    EXPECT_THAT(std::string(report.status().message()),
                HasSubstr("s.csv: line 2"));
  }
}

TEST(ScoreSurveyTest, TheDescriptionsRefusalComesBeforeAMissingColumn) {
  const InputSource survey = InputSource::Bytes(kWide, "s.csv");
  for (ScorePath path : {ScorePath::kSegmentedAggregate, ScorePath::kStudy}) {
    SCOPED_TRACE(ScorePathName(path));
    SurveyScoringOptions options = Scoring("nosuch");
    options.outcome_descriptions = InputSource::Bytes(kBadDescriptions, "d");
    absl::StatusOr<v1::Report> report =
        ScoreSurveyVia(path, survey, ReadOptions(), options);
    EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(report.status().message()),
                HasSubstr("d: line 2, column 1 (\"id\"): outcome \"nope\""));
    // Good descriptions: the missing column, named as the CLI names it.
    options.outcome_descriptions = InputSource::Bytes(kDescriptions, "d");
    report = ScoreSurveyVia(path, survey, ReadOptions(), options);
    EXPECT_EQ(report.status(),
              absl::NotFoundError(
                  "s.csv: line 1: no column \"nosuch\" with respondent "
                  "values to segment by (respondent attribute columns: "
                  "team)"));
  }
}

TEST(ScoreSurveyTest, AMissingColumnNamesTheColumnsThereAre) {
  EXPECT_EQ(SegmentColumnNotFoundError("f.csv", "x", {}),
            absl::NotFoundError(
                "f.csv: line 1: no column \"x\" with respondent values to "
                "segment by (the file has no respondent attribute columns)"));
  const absl::StatusOr<v1::Report> report = ScoreSurvey(
      InputSource::Bytes("respondent_id,imp_a,sat_a\nr1,5,1\n", "f.csv"),
      ReadOptions(), Scoring("x"));
  EXPECT_EQ(report.status(), SegmentColumnNotFoundError("f.csv", "x", {}));
}

TEST(ScoreSurveyTest, OptionsAreCheckedAfterTheSurvey) {
  SurveyScoringOptions options = Scoring("team");
  options.scoring.set_confidence_level(2);
  absl::StatusOr<v1::Report> report =
      ScoreSurvey(InputSource::Bytes("respondent_id,imp_a\n", "s.csv"),
                  ReadOptions(), options);
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("s.csv"));
  report =
      ScoreSurvey(InputSource::Bytes(kWide, "s.csv"), ReadOptions(), options);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("confidence_level"));
}

// Standard input replaced by a file for the duration of a test.
class StandardInputFrom {
 public:
  explicit StandardInputFrom(const std::string& path)
      : saved_(dup(STDIN_FILENO)) {
    const int fd = open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0) << path;
    dup2(fd, STDIN_FILENO);
    close(fd);
  }
  ~StandardInputFrom() {
    dup2(saved_, STDIN_FILENO);
    close(saved_);
  }

 private:
  int saved_;
};

TEST(ScoreSurveyTest, EverySourceGivesTheSameReport) {
  const std::string path = SourcePath("examples/survey.csv");
  const std::string outcomes = SourcePath("examples/outcomes.csv");
  absl::StatusOr<std::string> bytes = ReadInputBytes(InputSource::File(path));
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  for (const std::string segment_by : {"", "segment"}) {
    SCOPED_TRACE(segment_by);
    SurveyScoringOptions options = Scoring(segment_by);
    options.outcome_descriptions = InputSource::File(outcomes);
    const absl::StatusOr<v1::Report> from_file =
        ScoreSurvey(InputSource::File(path), ReadOptions(), options);
    ASSERT_TRUE(from_file.ok()) << from_file.status();
    EXPECT_FALSE(from_file->outcomes(0).statement().empty());
    ExpectSameReport(ScoreSurvey(InputSource::Bytes(*bytes, "survey"),
                                 ReadOptions(), options),
                     from_file);
    {
      StandardInputFrom input(path);
      ExpectSameReport(
          ScoreSurvey(InputSource::StandardInput(), ReadOptions(), options),
          from_file);
    }
    {
      // The descriptions from standard input instead.
      StandardInputFrom input(outcomes);
      options.outcome_descriptions = InputSource::StandardInput();
      ExpectSameReport(
          ScoreSurvey(InputSource::File(path), ReadOptions(), options),
          from_file);
    }
  }
}

TEST(ScoreSurveyTest, MessagesNameStandardInput) {
  const std::string bad = SourcePath("tests/data/io/bad/not_a_number.csv");
  for (const std::string segment_by : {"", "nosuch"}) {
    StandardInputFrom input(bad);
    const absl::StatusOr<v1::Report> report = ScoreSurvey(
        InputSource::StandardInput(), ReadOptions(), Scoring(segment_by));
    EXPECT_THAT(std::string(report.status().message()),
                HasSubstr("<stdin>: line "));
  }
  StandardInputFrom input(SourcePath("examples/survey.csv"));
  SurveyScoringOptions options = Scoring("nosuch");
  options.outcome_descriptions =
      InputSource::File(SourcePath("examples/outcomes.csv"));
  // The missing column with descriptions reads standard input once only.
  EXPECT_THAT(ScoreSurvey(InputSource::StandardInput(), ReadOptions(), options)
                  .status()
                  .message(),
              HasSubstr("<stdin>: line 1: no column \"nosuch\""));
}

}  // namespace
}  // namespace jtbd
