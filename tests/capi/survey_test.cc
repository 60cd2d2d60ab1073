// Surveys in one step (jtbd_score_survey[_file], jtbd_segment_survey[_file])
// and the outcome descriptions of read options: each one-step call gives
// what the two steps give (read, then score or segment), and refuses alike.
#include <fstream>
#include <sstream>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string& SurveyPath() {
  static const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
  return path;
}
const std::string& OutcomesPath() {
  static const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/outcomes.csv";
  return path;
}

std::string FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string RenderJson(const jtbd_report* report) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_report_render(report, JTBD_FORMAT_JSON, &raw)),
              IsOk());
  Buffer buffer(raw);
  return BufferBytes(raw);
}

std::string RenderJson(const jtbd_segmentation* segmentation) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_segmentation_render(segmentation, JTBD_FORMAT_JSON, &raw)),
      IsOk());
  Buffer buffer(raw);
  return BufferBytes(raw);
}

ScoreOptions ScoreOptionsBy(const char* segment_by, uint32_t bootstrap) {
  jtbd_score_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  EXPECT_THAT(Result(jtbd_score_options_set_segment_by(raw, segment_by,
                                                       strlen(segment_by))),
              IsOk());
  EXPECT_THAT(Result(jtbd_score_options_set_bootstrap_resamples(raw, bootstrap)),
              IsOk());
  return options;
}

ReadOptions ReadOptionsDescribedBy(const std::string& path) {
  jtbd_read_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_read_options_create(&raw)), IsOk());
  ReadOptions options(raw);
  EXPECT_THAT(Result(jtbd_read_options_set_outcome_descriptions_file(
                  raw, path.data(), path.size())),
              IsOk());
  return options;
}

// The two steps: read a study, describe it, score it.
std::string TwoStepReport(const jtbd_score_options* options,
                          bool described) {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_read_csv_file(nullptr, SurveyPath().data(),
                                              SurveyPath().size(), &raw)),
              IsOk());
  Study study(raw);
  if (described) {
    EXPECT_THAT(Result(jtbd_study_describe_outcomes_csv_file(
                    raw, OutcomesPath().data(), OutcomesPath().size())),
                IsOk());
  }
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_study_score(raw, options, &report)), IsOk());
  Report owned(report);
  return RenderJson(report);
}

TEST(ScoreSurveyTest, FileGivesTheTwoStepReport) {
  for (const char* segment_by : {"", "segment"}) {
    SCOPED_TRACE(segment_by);
    ScoreOptions options = ScoreOptionsBy(segment_by, 200);
    jtbd_report* raw = nullptr;
    ASSERT_THAT(
        Result(jtbd_score_survey_file(nullptr, options.get(),
                                      SurveyPath().data(), SurveyPath().size(),
                                      &raw)),
        IsOk());
    Report report(raw);
    EXPECT_EQ(RenderJson(raw), TwoStepReport(options.get(), false));
  }
}

TEST(ScoreSurveyTest, BytesGiveTheFileReport) {
  const std::string text = FileText(SurveyPath());
  ScoreOptions options = ScoreOptionsBy("segment", 0);
  jtbd_report* from_bytes = nullptr;
  ASSERT_THAT(Result(jtbd_score_survey(nullptr, options.get(), text.data(),
                                       text.size(), "survey", 6, &from_bytes)),
              IsOk());
  Report bytes_report(from_bytes);
  jtbd_report* from_file = nullptr;
  ASSERT_THAT(Result(jtbd_score_survey_file(nullptr, options.get(),
                                            SurveyPath().data(),
                                            SurveyPath().size(), &from_file)),
              IsOk());
  Report file_report(from_file);
  EXPECT_EQ(RenderJson(from_bytes), RenderJson(from_file));
  EXPECT_EQ(jtbd_report_respondent_count(from_bytes), 180u);
  EXPECT_EQ(jtbd_report_segment_count(from_bytes), 2u);
}

TEST(ScoreSurveyTest, DefaultOptionsMayBeNull) {
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_survey_file(nullptr, nullptr,
                                            SurveyPath().data(),
                                            SurveyPath().size(), &raw)),
              IsOk());
  Report report(raw);
  EXPECT_EQ(RenderJson(raw), TwoStepReport(nullptr, false));
}

TEST(ScoreSurveyTest, ReadOptionsDescribeTheOutcomes) {
  ReadOptions read = ReadOptionsDescribedBy(OutcomesPath());
  ScoreOptions options = ScoreOptionsBy("segment", 200);
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_survey_file(read.get(), options.get(),
                                            SurveyPath().data(),
                                            SurveyPath().size(), &raw)),
              IsOk());
  Report report(raw);
  const std::string json = RenderJson(raw);
  EXPECT_THAT(json, HasSubstr("Minimize the time it takes to determine which "
                              "completed work is ready to be invoiced"));
  EXPECT_EQ(json, TwoStepReport(options.get(), true));
}

TEST(ScoreSurveyTest, DescriptionsAsTextApplyToEveryRead) {
  jtbd_read_options* raw_options = nullptr;
  ASSERT_THAT(Result(jtbd_read_options_create(&raw_options)), IsOk());
  ReadOptions read(raw_options);
  const std::string descriptions = "id,statement\no02,Minimize the rework\n";
  ASSERT_THAT(Result(jtbd_read_options_set_outcome_descriptions(
                  raw_options, descriptions.data(), descriptions.size(),
                  "notes.csv", 9)),
              IsOk());
  // A study read with these options is described...
  jtbd_study* study = nullptr;
  ASSERT_THAT(Result(jtbd_study_read_csv_file(raw_options, SurveyPath().data(),
                                              SurveyPath().size(), &study)),
              IsOk());
  Study owned_study(study);
  jtbd_report* report = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study, nullptr, &report)), IsOk());
  Report owned_report(report);
  EXPECT_THAT(RenderJson(report), HasSubstr("Minimize the rework"));
  // ...and so is an aggregate.
  jtbd_aggregate* aggregate = nullptr;
  ASSERT_THAT(
      Result(jtbd_aggregate_read_csv_file(raw_options, SurveyPath().data(),
                                          SurveyPath().size(), &aggregate)),
      IsOk());
  Aggregate owned_aggregate(aggregate);
  jtbd_report* aggregate_report = nullptr;
  ASSERT_THAT(
      Result(jtbd_aggregate_score(aggregate, nullptr, &aggregate_report)),
      IsOk());
  Report owned_aggregate_report(aggregate_report);
  EXPECT_THAT(RenderJson(aggregate_report), HasSubstr("Minimize the rework"));
  // Size 0 clears them.
  ASSERT_THAT(Result(jtbd_read_options_set_outcome_descriptions(
                  raw_options, nullptr, 0, nullptr, 0)),
              IsOk());
  jtbd_report* plain = nullptr;
  ASSERT_THAT(Result(jtbd_score_survey_file(raw_options, nullptr,
                                            SurveyPath().data(),
                                            SurveyPath().size(), &plain)),
              IsOk());
  Report owned_plain(plain);
  EXPECT_THAT(RenderJson(plain), Not(HasSubstr("Minimize the rework")));
}

TEST(ScoreSurveyTest, RefusedDescriptionsFailTheReadAndReturnNothing) {
  jtbd_read_options* raw_options = nullptr;
  ASSERT_THAT(Result(jtbd_read_options_create(&raw_options)), IsOk());
  ReadOptions read(raw_options);
  const std::string descriptions = "id,statement\nnope,Not an outcome\n";
  ASSERT_THAT(Result(jtbd_read_options_set_outcome_descriptions(
                  raw_options, descriptions.data(), descriptions.size(),
                  "notes.csv", 9)),
              IsOk());
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_score_survey_file(raw_options, nullptr,
                                            SurveyPath().data(),
                                            SurveyPath().size(), &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "notes.csv: line 2"));
  EXPECT_EQ(report, nullptr);
  jtbd_study* study = nullptr;
  EXPECT_THAT(Result(jtbd_study_read_csv_file(raw_options, SurveyPath().data(),
                                              SurveyPath().size(), &study)),
              FailsWith(JTBD_INVALID_ARGUMENT, "notes.csv: line 2"));
  EXPECT_EQ(study, nullptr);
  jtbd_segmentation* segmentation = nullptr;
  EXPECT_THAT(Result(jtbd_segment_survey_file(raw_options, nullptr,
                                              SurveyPath().data(),
                                              SurveyPath().size(),
                                              &segmentation)),
              FailsWith(JTBD_INVALID_ARGUMENT, "notes.csv: line 2"));
  EXPECT_EQ(segmentation, nullptr);
  // A descriptions file that is missing is refused when set.
  const std::string nowhere = "/nonexistent/dir/outcomes.csv";
  EXPECT_THAT(Result(jtbd_read_options_set_outcome_descriptions_file(
                  raw_options, nowhere.data(), nowhere.size())),
              FailsWith(JTBD_NOT_FOUND, nowhere));
  EXPECT_THAT(Result(jtbd_read_options_set_outcome_descriptions(
                  nullptr, "x", 1, nullptr, 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
}

TEST(ScoreSurveyTest, RefusalsNameTheSurvey) {
  jtbd_report* report = nullptr;
  const std::string nowhere = "/nonexistent/dir/survey.csv";
  EXPECT_THAT(Result(jtbd_score_survey_file(nullptr, nullptr, nowhere.data(),
                                            nowhere.size(), &report)),
              FailsWith(JTBD_NOT_FOUND, nowhere));
  ScoreOptions by_region = ScoreOptionsBy("region", 0);
  EXPECT_THAT(
      Result(jtbd_score_survey_file(nullptr, by_region.get(),
                                    SurveyPath().data(), SurveyPath().size(),
                                    &report)),
      FailsWith(JTBD_NOT_FOUND,
                "no column \"region\" with respondent values to segment by "
                "(respondent attribute columns: segment, role, "
                "company_size)"));
  const std::string bad = "respondent_id,imp_o1,sat_o1\nr1,9,1\n";
  EXPECT_THAT(Result(jtbd_score_survey(nullptr, nullptr, bad.data(),
                                       bad.size(), "crm-batch", 9, &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "crm-batch: line 2"));
  EXPECT_THAT(Result(jtbd_score_survey(nullptr, nullptr, nullptr, 3, "x", 1,
                                       &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_score_survey(nullptr, nullptr, bad.data(),
                                       bad.size(), "\xff", 1, &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "source_name is not valid"));
  EXPECT_THAT(Result(jtbd_score_survey_file(nullptr, nullptr, "", 0, &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is empty"));
  EXPECT_THAT(Result(jtbd_score_survey_file(nullptr, nullptr,
                                            SurveyPath().data(),
                                            SurveyPath().size(), nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_EQ(report, nullptr);
}

// ------------------------------------------------------------ segmentation

SegmentOptions SegmentOptionsWithK(uint32_t k) {
  jtbd_segment_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_segment_options_create(&raw)), IsOk());
  SegmentOptions options(raw);
  EXPECT_THAT(Result(jtbd_segment_options_set_k(raw, k)), IsOk());
  EXPECT_THAT(Result(jtbd_segment_options_set_starts(raw, 5)), IsOk());
  return options;
}

TEST(SegmentSurveyTest, FileAndBytesGiveTheTwoStepSegmentation) {
  SegmentOptions options = SegmentOptionsWithK(3);
  jtbd_study* study = nullptr;
  ASSERT_THAT(Result(jtbd_study_read_csv_file(nullptr, SurveyPath().data(),
                                              SurveyPath().size(), &study)),
              IsOk());
  Study owned_study(study);
  jtbd_segmentation* two_step = nullptr;
  ASSERT_THAT(Result(jtbd_study_segment(study, options.get(), &two_step)),
              IsOk());
  Segmentation owned_two_step(two_step);

  jtbd_segmentation* from_file = nullptr;
  ASSERT_THAT(Result(jtbd_segment_survey_file(nullptr, options.get(),
                                              SurveyPath().data(),
                                              SurveyPath().size(),
                                              &from_file)),
              IsOk());
  Segmentation owned_file(from_file);
  EXPECT_EQ(RenderJson(from_file), RenderJson(two_step));

  const std::string text = FileText(SurveyPath());
  jtbd_segmentation* from_bytes = nullptr;
  ASSERT_THAT(Result(jtbd_segment_survey(nullptr, options.get(), text.data(),
                                         text.size(), "survey", 6,
                                         &from_bytes)),
              IsOk());
  Segmentation owned_bytes(from_bytes);
  EXPECT_EQ(RenderJson(from_bytes), RenderJson(two_step));

  // The per-segment reports carry the study's scale, as the two steps do.
  jtbd_report* segment_report = nullptr;
  ASSERT_THAT(Result(jtbd_segmentation_create_segment_report(from_file, 1,
                                                             &segment_report)),
              IsOk());
  Report owned_segment_report(segment_report);
  jtbd_report* two_step_report = nullptr;
  ASSERT_THAT(Result(jtbd_segmentation_create_segment_report(two_step, 1,
                                                             &two_step_report)),
              IsOk());
  Report owned_two_step_report(two_step_report);
  EXPECT_EQ(RenderJson(segment_report), RenderJson(two_step_report));
}

TEST(SegmentSurveyTest, TooManySegmentsNameTheSurvey) {
  const std::string tiny =
      "respondent_id,imp_o1,sat_o1,imp_o2,sat_o2\nr1,5,1,4,2\nr2,1,5,2,4\n";
  SegmentOptions options = SegmentOptionsWithK(3);
  jtbd_segmentation* segmentation = nullptr;
  EXPECT_THAT(Result(jtbd_segment_survey(nullptr, options.get(), tiny.data(),
                                         tiny.size(), "tiny.csv", 8,
                                         &segmentation)),
              FailsWith(JTBD_FAILED_PRECONDITION, "tiny.csv: "));
  EXPECT_EQ(segmentation, nullptr);
  const std::string nowhere = "/nonexistent/dir/survey.csv";
  EXPECT_THAT(Result(jtbd_segment_survey_file(nullptr, nullptr, nowhere.data(),
                                              nowhere.size(), &segmentation)),
              FailsWith(JTBD_NOT_FOUND, nowhere));
  EXPECT_THAT(Result(jtbd_segment_survey_file(nullptr, nullptr,
                                              SurveyPath().data(),
                                              SurveyPath().size(), nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
}

}  // namespace
}  // namespace jtbd_test
