// POST /v1/segment without sockets: the query parameters mean what
// `jtbd segment`'s flags mean (the reply is the fit's report rendered as
// the CLI renders it), and every refusal is a JSON error with its status.
#include "serve/segment_endpoint.h"

#include <fstream>
#include <iterator>
#include <string>

#include "absl/status/statusor.h"
#include "core/resource_limits.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"
#include "render/segmentation_render.h"
#include "segments/segmentation.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

std::string ExampleSurvey() {
  std::ifstream file(std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv",
                     std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file),
                     std::istreambuf_iterator<char>());
}

// What SegmentStudy gives for the survey read as `jtbd segment` reads it,
// rendered as `jtbd segment --format json` renders it.
std::string Expected(const std::string& csv,
                     const v1::SegmentationOptions& options,
                     const ReadOptions& read_options = ReadOptions()) {
  absl::StatusOr<Study> study = ReadSurveyCsv(csv, "body", read_options);
  EXPECT_TRUE(study.ok()) << study.status();
  if (!study.ok()) return "";
  absl::StatusOr<Segmentation> segmentation = SegmentStudy(*study, options);
  EXPECT_TRUE(segmentation.ok()) << segmentation.status();
  if (!segmentation.ok()) return "";
  absl::StatusOr<std::string> json =
      RenderSegmentationJson(segmentation->report);
  EXPECT_TRUE(json.ok()) << json.status();
  return json.ok() ? *json : "";
}

TEST(SegmentTest, EveryParameterMeansWhatTheFlagMeans) {
  const std::string survey = ExampleSurvey();
  ASSERT_FALSE(survey.empty());
  v1::SegmentationOptions options;
  options.set_k(3);
  options.set_starts(4);
  options.set_seed(7);
  options.set_threads(2);
  options.set_feature(v1::SEGMENT_FEATURE_RATING_OPPORTUNITY);
  options.set_principal_components(true);
  options.mutable_scoring()->set_confidence_level(0.9);
  options.mutable_scoring()->set_bootstrap_resamples(50);
  const JsonReply reply = Segment("text/csv", survey,
                                  {{"k", "3"},
                                   {"starts", "4"},
                                   {"seed", "7"},
                                   {"threads", "2"},
                                   {"feature", "ratings"},
                                   {"pca", "true"},
                                   {"confidence", "0.9"},
                                   {"bootstrap", "50"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.body, Expected(survey, options));
  EXPECT_THAT(reply.body, HasSubstr("\"k\": 3"));

  // Choosing k, on the scale given.
  const std::string seven =
      "respondent_id,imp_a,sat_a,imp_b,sat_b\n"
      "r1,7,1,1,7\nr2,7,2,2,7\nr3,6,1,1,6\n"
      "r4,1,7,7,1\nr5,2,7,7,2\nr6,1,6,6,1\n";
  v1::SegmentationOptions choose;
  choose.set_min_k(2);
  choose.set_max_k(3);
  choose.mutable_scoring()->set_bootstrap_resamples(0);
  ReadOptions on_seven;
  on_seven.scale = *Scale::Make(1, 7, 6);
  const JsonReply chosen = Segment(
      "text/csv", seven,
      {{"min_k", "2"}, {"max_k", "3"}, {"bootstrap", "0"}, {"scale", "1-7"}});
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(chosen.body, Expected(seven, choose, on_seven));
  // top_box moves the top box as --top-box does: here only 7s count.
  const JsonReply top_box = Segment(
      "text/csv", seven,
      {{"k", "2"}, {"bootstrap", "0"}, {"scale", "1-7"}, {"top_box", "7"}});
  ASSERT_EQ(top_box.status, 200) << top_box.body;
  v1::SegmentationOptions two;
  two.set_k(2);
  two.mutable_scoring()->set_bootstrap_resamples(0);
  on_seven.scale = *Scale::Make(1, 7, 7);
  EXPECT_EQ(top_box.body, Expected(seven, two, on_seven));
  on_seven.scale = *Scale::Make(1, 7, 6);
  EXPECT_NE(top_box.body, Expected(seven, two, on_seven));
}

TEST(SegmentTest, BadParametersAre400NamingThem) {
  const std::string survey = ExampleSurvey();
  struct Case {
    QueryParams params;
    std::string message;
  };
  const Case cases[] = {
      {{{"x", "1"}}, "unknown query parameter \\\"x\\\""},
      {{{"segment_by", "segment"}}, "unknown query parameter"},
      {{{"k", "3"}, {"k", "4"}}, "query parameter k is given more than once"},
      {{{"k", "three"}}, "query parameter k=\\\"three\\\": expected a whole"},
      {{{"k", "1"}}, "segmentation option k = 1: must be 0 (choose) or from 2"},
      {{{"k", "3"}, {"min_k", "2"}}, "give one or the other"},
      {{{"min_k", "5"}, {"max_k", "3"}}, "max_k = 3: must be at least min_k"},
      {{{"seed", "-1"}}, "query parameter seed=\\\"-1\\\""},
      {{{"feature", "top_box"}}, "expected top-box or ratings"},
      {{{"pca", "1"}}, "expected true or false"},
      {{{"confidence", "1"}}, "strictly between 0 and 1"},
      {{{"confidence", "nan"}}, "strictly between 0 and 1"},
      {{{"bootstrap", "1000001"}}, "bootstrap_resamples: 1000001"},
      {{{"scale", "1-x"}}, "expected MIN-MAX"},
      {{{"scale", "1-5"}, {"top_box", "6"}}, "query parameters scale/top_box"},
  };
  for (const Case& c : cases) {
    const JsonReply reply = Segment("text/csv", survey, c.params);
    EXPECT_EQ(reply.status, 400) << reply.body;
    EXPECT_THAT(reply.body, HasSubstr("\"INVALID_ARGUMENT\"")) << reply.body;
    EXPECT_THAT(reply.body, HasSubstr(c.message));
  }
}

TEST(SegmentTest, TheSurveysRefusalsNameTheBody) {
  const JsonReply bad =
      Segment("text/csv", "respondent_id,imp_a,sat_a\nr1,9,1\n", {{"k", "2"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("\"message\":\"body: line 2"));
  // Too few respondents for the k asked: the segmentation's refusal.
  const JsonReply small = Segment(
      "text/csv", "respondent_id,imp_a,sat_a\nr1,5,1\nr2,1,5\n", {{"k", "3"}});
  EXPECT_EQ(small.status, 400);
  EXPECT_THAT(small.body, HasSubstr("\"FAILED_PRECONDITION\""));
  EXPECT_THAT(small.body, HasSubstr("\"message\":\"body: "));
}

TEST(SegmentTest, OnlyCsvIsRead) {
  EXPECT_TRUE(IsSegmentMediaType("text/csv"));
  EXPECT_TRUE(IsSegmentMediaType("Text/CSV; charset=UTF-8"));
  EXPECT_FALSE(IsSegmentMediaType("application/json"));
  const JsonReply reply = Segment("application/json", "{}", {});
  EXPECT_EQ(reply.status, 415);
  EXPECT_THAT(reply.body, HasSubstr("/v1/segment reads text/csv"));
}

TEST(SegmentTest, HeldToTheLimits) {
  const std::string survey = ExampleSurvey();
  ResourceLimits limits;
  limits.max_request_bytes = survey.size() - 1;
  JsonReply reply = Segment("text/csv", survey, {}, limits);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("max_request_bytes"));
  limits = ResourceLimits();
  limits.max_respondents = 10;
  reply = Segment("text/csv", survey, {}, limits);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("max_respondents = 10"));
  // The default resamples count, and are refused before the body is read.
  limits = ResourceLimits();
  limits.max_bootstrap_resamples = 100;
  reply = Segment("text/csv", "not a survey", {}, limits);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(reply.body, HasSubstr("max_bootstrap_resamples = 100"));
  EXPECT_EQ(Segment("text/csv", survey,
                    {{"k", "2"}, {"starts", "2"}, {"bootstrap", "100"}}, limits)
                .status,
            200);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
