// The C ABI of designs carried by studies and aggregates (issue 14, item 1)
// and of the design's fields and coverage lists read back (item 5). The
// data is tests/data/design (design_test.cc computes its coverage by hand):
// steps define (a, b), locate (c, d), gather-extras (none), execute (e, f),
// conclude (none); g on no step; f and g not in the survey.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::ElementsAre;

std::string Data(const std::string& name) {
  return std::string(JTBD_TEST_DATA_DIR) + "/design/" + name;
}

Study ReadStudy() {
  const std::string path = Data("survey.csv");
  jtbd_study* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_study_read_csv_file(nullptr, path.data(), path.size(), &raw)),
      IsOk());
  return Study(raw);
}

Aggregate ReadAggregate() {
  const std::string path = Data("survey.csv");
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_read_csv_file(nullptr, path.data(),
                                                  path.size(), &raw)),
              IsOk());
  return Aggregate(raw);
}

std::vector<std::string> List(const jtbd_report* report, int32_t list) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < jtbd_report_coverage_list_count(report, list); ++i) {
    const char* id = nullptr;
    size_t id_len = 0;
    EXPECT_THAT(
        Result(jtbd_report_coverage_list_item(report, list, i, &id, &id_len)),
        IsOk());
    ids.emplace_back(id, id_len);
  }
  return ids;
}

// The design's fields as design.csv gives them, normalized by the checks
// (DEFINE -> define).
void ExpectDesignOfTheFile(jtbd_design* design) {
  ASSERT_NE(design, nullptr);
  jtbd_design_job job = {};
  job.struct_size = sizeof(job);
  ASSERT_THAT(Result(jtbd_design_get_job(design, &job)), IsOk());
  EXPECT_EQ(std::string(job.id, job.id_len), "invoice");
  EXPECT_EQ(std::string(job.statement, job.statement_len),
            "Get the work of a job invoiced and paid");
  EXPECT_EQ(std::string(job.executor, job.executor_len),
            "a field service firm");
  EXPECT_EQ(job.type, JTBD_JOB_TYPE_FUNCTIONAL);
  EXPECT_EQ(job.step_count, 5u);
  EXPECT_EQ(job.outcome_count, 7u);
  const char* const ids[] = {"define", "locate", "gather-extras", "execute",
                             "conclude"};
  const size_t counts[] = {2, 2, 0, 2, 0};
  for (size_t s = 0; s < 5; ++s) {
    jtbd_design_step step = {};
    step.struct_size = sizeof(step);
    ASSERT_THAT(Result(jtbd_design_get_step(design, s, &step)), IsOk());
    EXPECT_EQ(std::string(step.id, step.id_len), ids[s]);
    EXPECT_EQ(step.outcome_count, counts[s]) << ids[s];
  }
  jtbd_design_step step = {};
  step.struct_size = sizeof(step);
  ASSERT_THAT(Result(jtbd_design_get_step(design, 0, &step)), IsOk());
  EXPECT_EQ(std::string(step.name, step.name_len), "Plan the invoice");
  EXPECT_EQ(step.universal_step, JTBD_UNIVERSAL_STEP_DEFINE);
  ASSERT_THAT(Result(jtbd_design_get_step(design, 2, &step)), IsOk());
  EXPECT_EQ(step.universal_step, JTBD_UNIVERSAL_STEP_CUSTOM);
  EXPECT_THAT(Result(jtbd_design_get_step(design, 5, &step)),
              FailsWith(JTBD_OUT_OF_RANGE, "index"));
  jtbd_design_outcome outcome = {};
  outcome.struct_size = sizeof(outcome);
  ASSERT_THAT(Result(jtbd_design_get_outcome(design, 1, &outcome)), IsOk());
  EXPECT_EQ(std::string(outcome.id, outcome.id_len), "b");
  EXPECT_EQ(std::string(outcome.statement, outcome.statement_len),
            "Minimize the likelihood of billing under the wrong terms");
  EXPECT_EQ(std::string(outcome.job_step_id, outcome.job_step_id_len),
            "define");
  ASSERT_THAT(Result(jtbd_design_get_outcome(design, 6, &outcome)), IsOk());
  EXPECT_EQ(outcome.job_step_id_len, 0u);
  EXPECT_THAT(Result(jtbd_design_get_outcome(design, 7, &outcome)),
              FailsWith(JTBD_OUT_OF_RANGE, "index"));
}

void ExpectCoverageOfTheFile(const jtbd_report* report) {
  ASSERT_EQ(jtbd_report_coverage_step_count(report), 5u);
  EXPECT_THAT(List(report, JTBD_COVERAGE_UNCOVERED_STEPS),
              ElementsAre("gather-extras", "conclude"));
  EXPECT_THAT(List(report, JTBD_COVERAGE_UNASSIGNED_OUTCOMES),
              ElementsAre("g"));
  EXPECT_THAT(List(report, JTBD_COVERAGE_UNSCORED_OUTCOMES),
              ElementsAre("f", "g"));
  EXPECT_EQ(jtbd_report_coverage_list_count(report, 3), 0u);
  const char* id = nullptr;
  size_t id_len = 0;
  EXPECT_THAT(Result(jtbd_report_coverage_list_item(report, 3, 0, &id,
                                                    &id_len)),
              FailsWith(JTBD_INVALID_ARGUMENT, "not a jtbd_coverage_list"));
  EXPECT_THAT(Result(jtbd_report_coverage_list_item(
                  report, JTBD_COVERAGE_UNASSIGNED_OUTCOMES, 1, &id, &id_len)),
              FailsWith(JTBD_OUT_OF_RANGE, "index"));
  jtbd_design* design = nullptr;
  ASSERT_THAT(Result(jtbd_report_design(report, &design)), IsOk());
  ExpectDesignOfTheFile(design);
  jtbd_design_free(design);
}

TEST(CapiDesignTest, AStudyCarriesItsDesignIntoItsReports) {
  Study study = ReadStudy();
  jtbd_design* design = nullptr;
  ASSERT_THAT(Result(jtbd_study_design(study.get(), &design)), IsOk());
  EXPECT_EQ(design, nullptr);
  const std::string path = Data("design.csv");
  ASSERT_THAT(Result(jtbd_study_set_design_file(study.get(), path.data(),
                                                path.size())),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_design(study.get(), &design)), IsOk());
  ExpectDesignOfTheFile(design);
  jtbd_design_free(design);

  // A bad design: refused with its line and column, the study unchanged.
  const char bad[] = "id,statement,job_step\na,s,define\na,t,locate\n";
  EXPECT_THAT(Result(jtbd_study_set_design(study.get(), bad, std::strlen(bad),
                                           "bad.csv", 7)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "bad.csv: line 3, column 1 (\"id\"): outcome \"a\""));
  ASSERT_THAT(Result(jtbd_study_design(study.get(), &design)), IsOk());
  ExpectDesignOfTheFile(design);
  jtbd_design_free(design);

  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), nullptr, &raw)), IsOk());
  Report report(raw);
  ExpectCoverageOfTheFile(report.get());

  // Saved and loaded with the study's file.
  const std::string file = ::testing::TempDir() + "/jtbd_capi_design_" +
                           std::to_string(getpid()) + ".jtbd";
  ASSERT_THAT(Result(jtbd_study_save_file(study.get(), file.data(),
                                          file.size())),
              IsOk());
  jtbd_study* loaded_raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_load_file(file.data(), file.size(),
                                          &loaded_raw)),
              IsOk());
  unlink(file.c_str());
  Study loaded(loaded_raw);
  ASSERT_THAT(Result(jtbd_study_score(loaded.get(), nullptr, &raw)), IsOk());
  Report again(raw);
  ExpectCoverageOfTheFile(again.get());

  // Size 0 clears it.
  ASSERT_THAT(Result(jtbd_study_set_design(study.get(), nullptr, 0, nullptr,
                                           0)),
              IsOk());
  ASSERT_THAT(Result(jtbd_study_score(study.get(), nullptr, &raw)), IsOk());
  Report plain(raw);
  EXPECT_EQ(jtbd_report_coverage_step_count(plain.get()), 0u);
  ASSERT_THAT(Result(jtbd_report_design(plain.get(), &design)), IsOk());
  EXPECT_EQ(design, nullptr);
}

TEST(CapiDesignTest, AnAggregateCarriesItsDesignAndMergesOnlyTheSame) {
  Aggregate aggregate = ReadAggregate();
  const std::string design_path = Data("design.csv");
  std::string text;
  {
    FILE* file = std::fopen(design_path.c_str(), "rb");
    ASSERT_NE(file, nullptr);
    char chunk[4096];
    size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof(chunk), file)) > 0) {
      text.append(chunk, n);
    }
    std::fclose(file);
  }
  ASSERT_THAT(Result(jtbd_aggregate_set_design(aggregate.get(), text.data(),
                                               text.size(), "design.csv",
                                               10)),
              IsOk());
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_score(aggregate.get(), nullptr, &raw)),
              IsOk());
  Report report(raw);
  ExpectCoverageOfTheFile(report.get());

  // The encoded bytes carry it.
  jtbd_buffer* buffer = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_encode(aggregate.get(), &buffer)), IsOk());
  Buffer bytes(buffer);
  jtbd_aggregate* decoded_raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_decode(
                  jtbd_buffer_data(bytes.get()), jtbd_buffer_size(bytes.get()),
                  "m", 1, &decoded_raw)),
              IsOk());
  Aggregate decoded(decoded_raw);
  jtbd_design* design = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_design(decoded.get(), &design)), IsOk());
  ExpectDesignOfTheFile(design);
  jtbd_design_free(design);

  // The same design merges; another is refused, into unchanged.
  Aggregate same = ReadAggregate();
  const std::string csv_path = Data("design.csv");
  ASSERT_THAT(Result(jtbd_aggregate_set_design_file(
                  same.get(), csv_path.data(), csv_path.size())),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_merge(aggregate.get(), same.get())),
              IsOk());
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 8u);
  Aggregate other = ReadAggregate();
  const std::string other_path = Data("outcomes_only.csv");
  ASSERT_THAT(Result(jtbd_aggregate_set_design_file(
                  other.get(), other_path.data(), other_path.size())),
              IsOk());
  EXPECT_THAT(Result(jtbd_aggregate_merge(aggregate.get(), other.get())),
              FailsWith(JTBD_FAILED_PRECONDITION,
                        "two different study designs"));
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 8u);
}

TEST(CapiDesignTest, ADesignSetBeforeTheOutcomesSurvivesTheirDeclaration) {
  jtbd_aggregate* raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_create(&raw)), IsOk());
  Aggregate aggregate(raw);
  const std::string path = Data("design.csv");
  ASSERT_THAT(Result(jtbd_aggregate_set_design_file(aggregate.get(),
                                                    path.data(), path.size())),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_set_scale(aggregate.get(), 1, 5, 4)),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_add_outcome(aggregate.get(), "a", 1, "", 0)),
              IsOk());
  jtbd_design* design = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_design(aggregate.get(), &design)), IsOk());
  ExpectDesignOfTheFile(design);
  jtbd_design_free(design);
}

// A ScoreRequest carries its design in study.design (issue 14, item 3):
// one outcome on "define", one on no step; a refused design names its path.
TEST(CapiDesignTest, AJsonScoreRequestCarriesItsDesign) {
  const std::string request =
      R"({"study": {"outcomes": [{"id": "a"}, {"id": "b"}],)"
      R"( "respondents": [{"answers": [)"
      R"({"outcomeId": "a", "importance": 5, "satisfaction": 1},)"
      R"({"outcomeId": "b", "importance": 1, "satisfaction": 5}]}],)"
      R"( "design": {"outcomes": [{"id": "a", "jobStepId": "define"},)"
      R"( {"id": "b"}]}}})";
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_request_json(request.data(), request.size(),
                                             &raw)),
              IsOk());
  Buffer buffer(raw);
  std::string json;
  for (size_t i = 0; i < jtbd_buffer_size(buffer.get()); ++i) {
    const char c = reinterpret_cast<const char*>(jtbd_buffer_data(buffer.get()))[i];
    if (c != ' ' && c != '\n') json.push_back(c);
  }
  // The eight universal steps (the design lists none); a alone on define:
  // I = 10, S = 0, Opp = 20, 10 above 10; b on no step.
  for (const char* piece :
       {R"("outcomeCount":1)", R"("scoredOutcomeCount":1)",
        R"("underservedCount":1)", R"("allUnderserved":true)",
        R"("opportunityExcess":10)", R"("maxOpportunity":20)",
        R"("topOutcomeId":"a")"}) {
    EXPECT_NE(json.find(piece), std::string::npos) << piece << " in " << json;
  }
  EXPECT_NE(json.find(R"("unassignedOutcomeIds":["b"])"), std::string::npos);
  EXPECT_NE(json.find(R"("mostOpportunityStepId":"define")"),
            std::string::npos);

  const std::string bad =
      R"({"study": {"design": {"outcomes": [{"id": ""}]}}})";
  jtbd_buffer* refused = nullptr;
  EXPECT_THAT(Result(jtbd_score_request_json(bad.data(), bad.size(),
                                             &refused)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "study.design: outcomes[0].id: the outcome id is "
                        "blank"));
}

}  // namespace
}  // namespace jtbd_test
