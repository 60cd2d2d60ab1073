// Study designs read from CSV and protobuf JSON, checked, and joined with
// scores as job-map coverage. Every expected number below is computed by
// hand from tests/data/design/survey.csv (4 respondents, scale 1-5, top box
// 4-5):
//   a: imp 5,5,5,5 -> I = 10;  sat 1,1,1,1 -> S = 0;   Opp = 10 + 10 = 20
//   b: imp 5,5,5,4 -> I = 10;  sat 5,1,1,1 -> S = 2.5; Opp = 10 + 7.5 = 17.5
//   c: imp 1,1,1,1 -> I = 0;   sat 5,5,5,5 -> S = 10;  Opp = 0 (overserved)
//   d: imp 5,5,1,1 -> I = 5;   sat 5,5,5,5 -> S = 10;  Opp = 5 (overserved)
//   e: imp 5,5,5,1 -> I = 7.5; sat 5,1,1,1 -> S = 2.5; Opp = 7.5 + 5 = 12.5
// The design puts a, b on define; c, d on locate; e and f (not in the
// survey) on execute; g on no step; gather-extras and conclude get none.
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/job_map_coverage.h"
#include "design/design_csv.h"
#include "design/design_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/score_survey.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Data(const std::string& name) {
  return std::string(JTBD_TEST_DATA_DIR) + "/design/" + name;
}

absl::StatusOr<v1::Report> Score(const std::string& design) {
  SurveyScoringOptions options;
  options.design = InputSource::File(Data(design));
  return ScoreSurvey(InputSource::File(Data("survey.csv")), ReadOptions(),
                     options);
}

void ExpectHandComputedCoverage(const v1::Report& report) {
  ASSERT_TRUE(report.has_coverage());
  const v1::JobMapCoverage& coverage = report.coverage();
  ASSERT_EQ(coverage.steps_size(), 5);
  const v1::StepCoverage& define = coverage.steps(0);
  EXPECT_EQ(define.step_id(), "define");
  EXPECT_EQ(define.name(), "Plan the invoice");
  EXPECT_EQ(define.universal_step(), v1::UNIVERSAL_STEP_DEFINE);
  EXPECT_EQ(define.outcome_count(), 2u);
  EXPECT_EQ(define.scored_outcome_count(), 2u);
  EXPECT_EQ(define.underserved_count(), 2u);
  EXPECT_EQ(define.overserved_count(), 0u);
  EXPECT_TRUE(define.all_underserved());
  EXPECT_FALSE(define.all_overserved());
  EXPECT_DOUBLE_EQ(define.opportunity_excess(), 10.0 + 7.5);
  EXPECT_DOUBLE_EQ(define.max_opportunity(), 20.0);
  EXPECT_EQ(define.top_outcome_id(), "a");

  const v1::StepCoverage& locate = coverage.steps(1);
  EXPECT_EQ(locate.step_id(), "locate");
  EXPECT_EQ(locate.name(), "locate");
  EXPECT_EQ(locate.outcome_count(), 2u);
  EXPECT_EQ(locate.scored_outcome_count(), 2u);
  EXPECT_EQ(locate.underserved_count(), 0u);
  EXPECT_EQ(locate.overserved_count(), 2u);
  EXPECT_FALSE(locate.all_underserved());
  EXPECT_TRUE(locate.all_overserved());
  EXPECT_DOUBLE_EQ(locate.opportunity_excess(), 0.0);
  EXPECT_DOUBLE_EQ(locate.max_opportunity(), 5.0);
  EXPECT_EQ(locate.top_outcome_id(), "d");

  const v1::StepCoverage& extras = coverage.steps(2);
  EXPECT_EQ(extras.step_id(), "gather-extras");
  EXPECT_EQ(extras.name(), "Gather extras");
  EXPECT_EQ(extras.universal_step(), v1::UNIVERSAL_STEP_UNSPECIFIED);
  EXPECT_EQ(extras.outcome_count(), 0u);
  EXPECT_FALSE(extras.has_max_opportunity());
  EXPECT_FALSE(extras.all_underserved());
  EXPECT_FALSE(extras.all_overserved());

  const v1::StepCoverage& execute = coverage.steps(3);
  EXPECT_EQ(execute.step_id(), "execute");
  EXPECT_EQ(execute.outcome_count(), 2u);  // e, and f without scores
  EXPECT_EQ(execute.scored_outcome_count(), 1u);
  EXPECT_EQ(execute.underserved_count(), 1u);
  EXPECT_TRUE(execute.all_underserved());
  EXPECT_DOUBLE_EQ(execute.opportunity_excess(), 2.5);
  EXPECT_DOUBLE_EQ(execute.max_opportunity(), 12.5);
  EXPECT_EQ(execute.top_outcome_id(), "e");

  EXPECT_EQ(coverage.steps(4).step_id(), "conclude");
  EXPECT_EQ(coverage.steps(4).outcome_count(), 0u);

  EXPECT_THAT(coverage.uncovered_step_ids(),
              ElementsAre("gather-extras", "conclude"));
  EXPECT_EQ(coverage.most_opportunity_step_id(), "define");
  EXPECT_THAT(coverage.unassigned_outcome_ids(), ElementsAre("g"));
  EXPECT_THAT(coverage.unscored_outcome_ids(), ElementsAre("f", "g"));

  EXPECT_EQ(report.design().job().statement(),
            "Get the work of a job invoiced and paid");
  EXPECT_EQ(report.design().job().executor(), "a field service firm");
  EXPECT_EQ(report.design().job().type(), v1::JOB_TYPE_FUNCTIONAL);
  // The scores the coverage was computed from, checked by hand too.
  for (const v1::OutcomeScore& score : report.outcomes()) {
    if (score.outcome_id() == "b") {
      EXPECT_DOUBLE_EQ(score.importance(), 10.0);
      EXPECT_DOUBLE_EQ(score.satisfaction(), 2.5);
      EXPECT_DOUBLE_EQ(score.opportunity(), 17.5);
      EXPECT_EQ(score.statement(),
                "Minimize the likelihood of billing under the wrong terms");
    }
    if (score.outcome_id() == "d") {
      EXPECT_DOUBLE_EQ(score.opportunity(), 5.0);
      EXPECT_EQ(score.band(), v1::BAND_OVERSERVED);
    }
  }
}

TEST(DesignCoverageTest, CsvDesignGivesTheHandComputedCoverage) {
  const absl::StatusOr<v1::Report> report = Score("design.csv");
  ASSERT_TRUE(report.ok()) << report.status();
  ExpectHandComputedCoverage(*report);
}

TEST(DesignCoverageTest, JsonDesignGivesTheSameCoverage) {
  const absl::StatusOr<v1::Report> csv = Score("design.csv");
  const absl::StatusOr<v1::Report> json = Score("design.json");
  ASSERT_TRUE(json.ok()) << json.status();
  ExpectHandComputedCoverage(*json);
  EXPECT_EQ(csv->coverage().SerializeAsString(),
            json->coverage().SerializeAsString());
}

TEST(DesignCoverageTest, BinaryDesignReadsBackTheSame) {
  const absl::StatusOr<v1::Report> csv = Score("design.csv");
  ASSERT_TRUE(csv.ok());
  const std::string bytes = csv->design().SerializeAsString();
  const absl::StatusOr<v1::StudyDesign> design =
      design::ParseDesign(bytes, "design.binpb", design::DesignFormat::kAuto);
  ASSERT_TRUE(design.ok()) << design.status();
  EXPECT_EQ(design->SerializeAsString(), bytes);
}

TEST(DesignCoverageTest, OutcomesFileIsADesignWithTheUniversalMap) {
  const absl::StatusOr<v1::Report> report = Score("outcomes_only.csv");
  ASSERT_TRUE(report.ok()) << report.status();
  const v1::JobMapCoverage& coverage = report->coverage();
  // The eight universal steps, then the custom "review".
  ASSERT_EQ(coverage.steps_size(), 9);
  EXPECT_EQ(coverage.steps(0).step_id(), "define");
  EXPECT_EQ(coverage.steps(7).step_id(), "conclude");
  EXPECT_EQ(coverage.steps(8).step_id(), "review");
  EXPECT_EQ(coverage.steps(8).universal_step(), v1::UNIVERSAL_STEP_UNSPECIFIED);
  EXPECT_EQ(coverage.steps(8).outcome_count(), 1u);  // d
  EXPECT_EQ(coverage.steps(1).outcome_count(), 1u);  // c
  EXPECT_THAT(
      coverage.uncovered_step_ids(),
      ElementsAre("prepare", "confirm", "monitor", "modify", "conclude"));
  // define: 10 + 7.5 above 10; execute: 2.5.
  EXPECT_EQ(coverage.most_opportunity_step_id(), "define");
  EXPECT_TRUE(coverage.unassigned_outcome_ids().empty());
  EXPECT_TRUE(coverage.unscored_outcome_ids().empty());
}

TEST(DesignCoverageTest, TiesGoToTheHigherMaximumThenTheEarlierStep) {
  v1::StudyDesign design;
  for (const char* step : {"s1", "s2", "s3"}) {
    design.mutable_job()->add_steps()->set_id(step);
  }
  v1::Report report;
  // s1: 11 + 11 (excess 2, max 11); s2: 12 (excess 2, max 12); s3: 12.
  const struct {
    const char* id;
    const char* step;
    double opp;
  } rows[] = {
      {"x", "s1", 11}, {"y", "s1", 11}, {"z", "s2", 12}, {"w", "s3", 12}};
  for (const auto& row : rows) {
    v1::DesiredOutcome* outcome = design.add_outcomes();
    outcome->set_id(row.id);
    outcome->set_job_step_id(row.step);
    v1::OutcomeScore* score = report.add_outcomes();
    score->set_outcome_id(row.id);
    score->set_opportunity(row.opp);
    score->set_band(v1::BAND_UNDERSERVED);
  }
  const v1::JobMapCoverage coverage = design::ComputeCoverage(design, report);
  EXPECT_DOUBLE_EQ(coverage.steps(0).opportunity_excess(), 2.0);
  EXPECT_EQ(coverage.most_opportunity_step_id(), "s2");
}

TEST(DesignCoverageTest, NoOutcomeAboveTenMeansNoMostOpportunityStep) {
  v1::StudyDesign design;
  design.mutable_job()->add_steps()->set_id("s1");
  v1::DesiredOutcome* outcome = design.add_outcomes();
  outcome->set_id("x");
  outcome->set_job_step_id("s1");
  v1::Report report;
  v1::OutcomeScore* score = report.add_outcomes();
  score->set_outcome_id("x");
  score->set_opportunity(10);  // underserved, but nothing above 10
  score->set_band(v1::BAND_UNDERSERVED);
  const v1::JobMapCoverage coverage = design::ComputeCoverage(design, report);
  EXPECT_EQ(coverage.most_opportunity_step_id(), "");
  EXPECT_TRUE(coverage.steps(0).all_underserved());
}

struct BadCsv {
  const char* text;
  const char* message;
};

TEST(DesignCsvTest, BadInputNamesLineAndColumn) {
  const BadCsv cases[] = {
      {"", "d.csv: line 1, column 1: the file is empty"},
      {"statement,job_step\nx,y\n",
       "d.csv: line 1, column 1 (\"statement\"): the header has no id column"},
      {"id,statement\n", "the header is followed by no rows"},
      {"id,statement,job_step\na,s,define\na,t,locate\n",
       "d.csv: line 3, column 1 (\"id\"): outcome \"a\" is already in the "
       "design on line 2"},
      {"id,statement\n,s\n",
       "d.csv: line 2, column 1 (\"id\"): the outcome id is blank"},
      {"id,statement\na,s,extra\n",
       "d.csv: line 2, column 3: expected 2 fields, as in the header, but "
       "found 3"},
      {"kind,id,statement\nbogus,a,s\n",
       "d.csv: line 2, column 1 (\"kind\"): unknown kind \"bogus\""},
      {"kind,id,statement,type\njob,j,Do it,x\n",
       "d.csv: line 2, column 4 (\"type\"): unknown job type \"x\""},
      {"kind,id,statement\njob,j,Do it\njob,k,Again\n",
       "d.csv: line 3, column 1 (\"kind\"): a second job row (the job is on "
       "line 2)"},
      {"kind,id,statement\njob,j,\n",
       "d.csv: line 2, column 3 (\"statement\"): the job row has no statement"},
      {"kind,id,statement\nstep,Define,\nstep,define,\n",
       "d.csv: line 3, column 2 (\"id\"): step \"define\" is already in the "
       "job map on line 2"},
      {"id,ID\na,b\n",
       "d.csv: line 1, column 2 (\"ID\"): the header name repeats column 1"},
      {"id,statement\n\"a,s\n", "d.csv: line 2"},
  };
  for (const BadCsv& bad : cases) {
    const absl::StatusOr<v1::StudyDesign> design =
        design::ReadDesignCsv(bad.text, "d.csv");
    ASSERT_FALSE(design.ok()) << bad.text;
    EXPECT_EQ(design.status().code(), absl::StatusCode::kInvalidArgument)
        << bad.text;
    EXPECT_THAT(std::string(design.status().message()), HasSubstr(bad.message))
        << bad.text;
  }
}

TEST(DesignCsvTest, AnOutcomeOnAStepOutsideTheMapIsRefusedWhereItIs) {
  const absl::StatusOr<v1::Report> report = Score("bad_step.csv");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(std::string(report.status().message()),
            Data("bad_step.csv") +
                ": line 4, column 4 (\"job_step\"): step \"nosuch\" is not in "
                "the job map (its step rows)");
}

TEST(DesignCsvTest, LimitsAreHeld) {
  ResourceLimits limits;
  limits.max_request_bytes = 10;
  const absl::StatusOr<v1::StudyDesign> design = design::ReadDesignCsv(
      "id,statement\na,Minimize the time\n", "d.csv", limits);
  ASSERT_FALSE(design.ok());
  EXPECT_EQ(design.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(DesignReaderTest, MessagesAreCheckedByField) {
  const struct {
    const char* json;
    const char* message;
  } cases[] = {
      {R"({"outcomes":[{"id":"a"},{"id":"a"}]})",
       "d.json: outcomes[1].id: outcome \"a\" is already in the design"},
      {R"({"outcomes":[{"statement":"s"}]})",
       "d.json: outcomes[0].id: the outcome id is blank"},
      {R"({"job":{"steps":[{"id":"s"}]},"outcomes":[{"id":"a","jobStepId":"t"}]})",
       "d.json: outcomes[0].job_step_id: step \"t\" is not in the job map"},
      {R"({"job":{"steps":[{"id":"define","universalStep":"UNIVERSAL_STEP_LOCATE"}]}})",
       "d.json: job.steps[0].id: the id names the universal step \"define\""},
      {R"({"job":{"steps":[{}]}})",
       "d.json: job.steps[0].id: the step id is blank"},
      {R"({"job": 3})",
       "d.json: line 1, column 9 (\"job\"): expected an object (a "
       "Job) (not a jtbd.v1.StudyDesign in protobuf JSON"},
  };
  for (const auto& bad : cases) {
    const absl::StatusOr<v1::StudyDesign> design =
        design::ParseDesign(bad.json, "d.json");
    ASSERT_FALSE(design.ok()) << bad.json;
    EXPECT_THAT(std::string(design.status().message()), HasSubstr(bad.message));
  }
  const absl::StatusOr<v1::StudyDesign> binary = design::ParseDesign(
      "\xff\xff\xff", "d.binpb", design::DesignFormat::kAuto);
  ASSERT_FALSE(binary.ok());
  EXPECT_THAT(std::string(binary.status().message()),
              HasSubstr("not a serialized jtbd.v1.StudyDesign"));
}

TEST(DesignReaderTest, ARefusedDesignLeavesNoReport) {
  SurveyScoringOptions options;
  options.design = InputSource::Bytes("id,statement\n,s\n", "bytes");
  const absl::StatusOr<v1::Report> report = ScoreSurvey(
      InputSource::File(Data("survey.csv")), ReadOptions(), options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(std::string(report.status().message()),
            "bytes: line 2, column 1 (\"id\"): the outcome id is blank");
  // CheckDesign leaves a refused message as it was.
  v1::StudyDesign design;
  design.add_outcomes()->set_id("a");
  design.add_outcomes()->set_job_step_id("Define");
  const std::string before = design.SerializeAsString();
  EXPECT_FALSE(design::CheckDesign("m", &design).ok());
  EXPECT_EQ(design.SerializeAsString(), before);
}

TEST(DesignReaderTest, NoDesignMeansNoCoverage) {
  const absl::StatusOr<v1::Report> report =
      ScoreSurvey(InputSource::File(Data("survey.csv")), ReadOptions(),
                  SurveyScoringOptions());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->has_coverage());
  EXPECT_FALSE(report->has_design());
}

}  // namespace
}  // namespace jtbd
