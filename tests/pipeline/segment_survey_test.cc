// "Segment this survey" (pipeline/segment_survey.h): the same segmentation
// as SegmentStudy on the reader's Study, a saved model that tags the
// survey's respondents as the fit did, and refusals in the documented
// order, naming the survey.
#include "pipeline/segment_survey.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/saved_file.h"
#include "io/survey_reader.h"
#include "pipeline/input_source.h"

namespace jtbd {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string SurveyPath() {
  return absl::StrCat(JTBD_SOURCE_DIR, "/examples/survey.csv");
}

v1::SegmentationOptions Options() {
  v1::SegmentationOptions options;
  options.set_min_k(2);
  options.set_max_k(4);
  options.set_starts(5);
  options.mutable_scoring()->set_bootstrap_resamples(100);
  return options;
}

TEST(SegmentSurveyTest, IsSegmentStudyOnTheReadersStudy) {
  const absl::StatusOr<Segmentation> segmentation =
      SegmentSurvey(InputSource::File(SurveyPath()), ReadOptions(), Options());
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  absl::StatusOr<Study> study = ReadSurveyCsvFile(SurveyPath(), ReadOptions());
  ASSERT_TRUE(study.ok()) << study.status();
  const absl::StatusOr<Segmentation> direct = SegmentStudy(*study, Options());
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_TRUE(MessageDifferencer::Equals(segmentation->report, direct->report));
  EXPECT_TRUE(MessageDifferencer::Equals(segmentation->model.ToProto(),
                                         direct->model.ToProto()));
  EXPECT_EQ(segmentation->report.respondents_size(),
            static_cast<int>(study->respondent_count()));
}

TEST(SegmentSurveyTest, OptionsAreRefusedBeforeTheSurveyIsRead) {
  v1::SegmentationOptions options = Options();
  options.set_k(1);
  const absl::StatusOr<Segmentation> segmentation = SegmentSurvey(
      InputSource::File("/nonexistent/survey.csv"), ReadOptions(), options);
  EXPECT_EQ(segmentation.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(segmentation.status().message()),
              StartsWith("segmentation option k = 1: "));
}

TEST(SegmentSurveyTest, RefusalsNameTheSurvey) {
  // The reader's refusal.
  absl::StatusOr<Segmentation> segmentation = SegmentSurvey(
      InputSource::Bytes("respondent_id,imp_a,sat_a\nr1,9,1\n", "body"),
      ReadOptions(), Options());
  EXPECT_EQ(segmentation.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(segmentation.status().message()),
              StartsWith("body: line 2"));
  // The segmentation's: two respondents cannot form two segments.
  segmentation =
      SegmentSurvey(InputSource::Bytes("respondent_id,imp_a,sat_a,imp_b,sat_b\n"
                                       "r1,5,1,1,5\nr2,1,5,5,1\n",
                                       "small.csv"),
                    ReadOptions(), Options());
  EXPECT_EQ(segmentation.status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(segmentation.status().message()),
              StartsWith("small.csv: "));
}

TEST(SegmentSurveyTest, DescriptionsReachTheSegmentsReports) {
  const InputSource descriptions = InputSource::Bytes(
      "id,statement\no02,Minimize the rework\n", "notes.csv");
  const absl::StatusOr<Segmentation> segmentation = SegmentSurvey(
      InputSource::File(SurveyPath()), ReadOptions(), Options(), descriptions);
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  ASSERT_GT(segmentation->report.segments_size(), 0);
  bool described = false;
  for (const v1::OutcomeScore& score :
       segmentation->report.segments(0).scores().outcomes()) {
    if (score.outcome_id() == "o02") {
      described = score.statement() == "Minimize the rework";
    }
  }
  EXPECT_TRUE(described);
  // Refused descriptions come after the survey's refusals, before the
  // segmentation's.
  const absl::StatusOr<Segmentation> refused = SegmentSurvey(
      InputSource::File(SurveyPath()), ReadOptions(), Options(),
      InputSource::Bytes("id,statement\nnope,x\n", "notes.csv"));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refused.status().message()),
              StartsWith("notes.csv: line 2"));
  const absl::StatusOr<Segmentation> both_stdin =
      SegmentSurvey(InputSource::StandardInput(), ReadOptions(), Options(),
                    InputSource::StandardInput());
  EXPECT_EQ(both_stdin.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(both_stdin.status().message()),
              HasSubstr("not both"));
}

TEST(TagSurveyRespondentsTest, TheSavedModelTagsAsTheFitDid) {
  const absl::StatusOr<Segmentation> segmentation =
      SegmentSurvey(InputSource::File(SurveyPath()), ReadOptions(), Options());
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  // Saved as `jtbd segment --save-model` saves it, read back as bytes.
  const std::string saved =
      EncodeSavedFile(SavedFileKind::kSegmentModel,
                      segmentation->model.ToProto().SerializeAsString());
  const absl::StatusOr<SegmentModel> model =
      ReadSegmentModel(InputSource::Bytes(saved, "model.jtbd"));
  ASSERT_TRUE(model.ok()) << model.status();
  const absl::StatusOr<RespondentSegments> tagged = TagSurveyRespondents(
      InputSource::File(SurveyPath()), ReadOptions(), *model);
  ASSERT_TRUE(tagged.ok()) << tagged.status();
  const auto& fitted = segmentation->report.respondents();
  ASSERT_EQ(tagged->size(), fitted.size());
  for (int r = 0; r < fitted.size(); ++r) {
    EXPECT_EQ((*tagged)[r].respondent_id(), fitted[r].respondent_id());
    EXPECT_EQ((*tagged)[r].cluster(), fitted[r].cluster()) << r;
  }
}

TEST(TagSurveyRespondentsTest, RefusalsNameTheirSource) {
  EXPECT_THAT(
      std::string(ReadSegmentModel(InputSource::Bytes("not a model", "m.jtbd"))
                      .status()
                      .message()),
      HasSubstr("m.jtbd"));
  EXPECT_EQ(ReadSegmentModel(InputSource::File("/nonexistent/model.jtbd"))
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  const absl::StatusOr<Segmentation> segmentation =
      SegmentSurvey(InputSource::File(SurveyPath()), ReadOptions(), Options());
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  // A survey on another scale than the model's.
  ReadOptions seven;
  seven.scale = *Scale::Make(1, 7, 6);
  const absl::StatusOr<RespondentSegments> tagged = TagSurveyRespondents(
      InputSource::Bytes("respondent_id,imp_o1,sat_o1\nr1,7,1\n", "s.csv"),
      seven, segmentation->model);
  EXPECT_EQ(tagged.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(tagged.status().message()), StartsWith("s.csv: "));
}

}  // namespace
}  // namespace jtbd
