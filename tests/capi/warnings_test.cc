// The warnings of a report and of a segmentation through the C ABI: the
// same as the JSON rendering carries, indexes checked, struct sizes
// checked.
#include <cstring>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

const std::string& SurveyPath() {
  static const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
  return path;
}

jtbd_warning EmptyWarning() {
  jtbd_warning warning;
  std::memset(&warning, 0, sizeof(warning));
  warning.struct_size = sizeof(warning);
  return warning;
}

std::string Text(const char* text, size_t len) {
  return std::string(text, len);
}

TEST(WarningsTest, ReportWarningsAreTheJsonOnes) {
  jtbd_score_options* raw_options = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&raw_options)), IsOk());
  ScoreOptions options(raw_options);
  ASSERT_THAT(
      Result(jtbd_score_options_set_segment_by(raw_options, "segment", 7)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_score_options_set_bootstrap_resamples(raw_options, 0)),
      IsOk());
  jtbd_report* raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_score_survey_file(nullptr, raw_options, SurveyPath().c_str(),
                                    SurveyPath().size(), &raw)),
      IsOk());
  Report report(raw);
  const size_t count = jtbd_report_warning_count(raw);
  ASSERT_GT(count, 0u);
  jtbd_buffer* json_raw = nullptr;
  ASSERT_THAT(Result(jtbd_report_render(raw, JTBD_FORMAT_JSON, &json_raw)),
              IsOk());
  Buffer json_buffer(json_raw);
  const std::string json = BufferBytes(json_raw);
  for (size_t i = 0; i < count; ++i) {
    jtbd_warning warning = EmptyWarning();
    ASSERT_THAT(Result(jtbd_report_warning(raw, i, &warning)), IsOk());
    EXPECT_EQ(warning.code, JTBD_WARNING_CODE_BAND_UNCERTAIN) << i;
    EXPECT_EQ(warning.has & JTBD_WARNING_HAS_VALUE, 0u);
    EXPECT_EQ(warning.message[warning.message_len], '\0');
    // The message appears, escaped nowhere (plain ASCII), in the JSON.
    EXPECT_THAT(json, HasSubstr(Text(warning.message, warning.message_len)));
    EXPECT_GT(warning.outcome_id_len, 0u);
  }
  jtbd_warning warning = EmptyWarning();
  EXPECT_THAT(Result(jtbd_report_warning(raw, count, &warning)),
              FailsWith(JTBD_OUT_OF_RANGE, "index"));
  warning.struct_size = JTBD_WARNING_STRUCT_SIZE - 1;
  EXPECT_THAT(Result(jtbd_report_warning(raw, 0, &warning)),
              FailsWith(JTBD_INVALID_ARGUMENT, "JTBD_WARNING_STRUCT_SIZE"));
  EXPECT_EQ(jtbd_report_warning_count(nullptr), 0u);
  EXPECT_THAT(Result(jtbd_report_warning(nullptr, 0, &warning)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report"));
}

TEST(WarningsTest, AWeakSegmentationSaysSo) {
  jtbd_segmentation* raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_segment_survey_file(nullptr, nullptr, SurveyPath().c_str(),
                                      SurveyPath().size(), &raw)),
      IsOk());
  Segmentation segmentation(raw);
  ASSERT_GT(jtbd_segmentation_warning_count(raw), 0u);
  jtbd_warning warning = EmptyWarning();
  ASSERT_THAT(Result(jtbd_segmentation_warning(raw, 0, &warning)), IsOk());
  // The example's planted segments overlap: best mean silhouette 0.12.
  EXPECT_EQ(warning.code, JTBD_WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE);
  ASSERT_TRUE(warning.has & JTBD_WARNING_HAS_VALUE);
  EXPECT_LT(warning.value, 0.25);
  EXPECT_THAT(Text(warning.message, warning.message_len),
              HasSubstr("no substantial structure"));
  EXPECT_EQ(warning.segment_len, 0u);
  EXPECT_EQ(jtbd_segmentation_warning_count(nullptr), 0u);
}

}  // namespace
}  // namespace jtbd_test
