// core/score_request.h: the one function the C ABI and the sidecar score
// requests through, held to ResourceLimits.
#include <string>

#include "absl/status/status.h"
#include "core/resource_limits.h"
#include "core/score_request.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/study.pb.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

// One outcome, two respondents: importance 5 and 4 (both top box: 10),
// satisfaction 2 and 4 (one of two: 5), opportunity 10 + 5 = 15.
v1::ScoreRequest SmallRequest() {
  v1::ScoreRequest request;
  v1::Study* study = request.mutable_study();
  study->add_outcomes()->set_id("speed");
  const int ratings[2][2] = {{5, 2}, {4, 4}};
  for (int r = 0; r < 2; ++r) {
    v1::Respondent* respondent = study->add_respondents();
    respondent->set_id(r == 0 ? "r1" : "r2");
    v1::Answer* answer = respondent->add_answers();
    answer->set_outcome_id("speed");
    answer->set_importance(ratings[r][0]);
    answer->set_satisfaction(ratings[r][1]);
  }
  return request;
}

TEST(ScoreRequestLimitsTest, ScoresWithinTheLimits) {
  v1::ScoreRequest request = SmallRequest();
  request.mutable_options()->set_bootstrap_resamples(0);
  const absl::StatusOr<v1::Report> report =
      ScoreRequestMessage(request, ResourceLimits());
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->outcomes_size(), 1);
  EXPECT_DOUBLE_EQ(report->outcomes(0).importance(), 10.0);
  EXPECT_DOUBLE_EQ(report->outcomes(0).satisfaction(), 5.0);
  EXPECT_DOUBLE_EQ(report->outcomes(0).opportunity(), 15.0);
}

TEST(ScoreRequestLimitsTest, BootstrapResamplesAgainstTheLimit) {
  ResourceLimits limits;
  limits.max_bootstrap_resamples = 2000;
  v1::ScoreRequest request = SmallRequest();
  EXPECT_TRUE(CheckScoreRequestLimits(request, limits).ok())
      << "unset: the default 2000, at the limit";
  limits.max_bootstrap_resamples = 1999;
  const absl::Status status = CheckScoreRequestLimits(request, limits);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(),
              HasSubstr("options.bootstrap_resamples: 2000 resamples exceeds "
                        "the limit max_bootstrap_resamples = 1999"));
  request.mutable_options()->set_bootstrap_resamples(1999);
  EXPECT_TRUE(CheckScoreRequestLimits(request, limits).ok());
  // The default limit against the fixed cap's worth of resamples.
  request.mutable_options()->set_bootstrap_resamples(1000000);
  EXPECT_EQ(CheckScoreRequestLimits(request, ResourceLimits()).code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(ScoreRequestLimitsTest, StudySizeIsCheckedBeforeItIsBuilt) {
  ResourceLimits limits;
  limits.max_respondents = 1;
  const absl::StatusOr<v1::Report> report =
      ScoreRequestMessage(SmallRequest(), limits);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(report.status().message(),
              HasSubstr("study: the study's 2 respondents exceeds the limit "
                        "max_respondents = 1"));
}

TEST(ScoreRequestLimitsTest, BytesAndJsonNameTheirSource) {
  const std::string bytes = SmallRequest().SerializeAsString();
  ResourceLimits limits;
  EXPECT_TRUE(ScoreRequestBytes(bytes, limits, "req").ok());
  limits.max_request_bytes = bytes.size() - 1;
  EXPECT_THAT(ScoreRequestBytes(bytes, limits, "req").status().message(),
              HasSubstr("req: " + std::to_string(bytes.size()) +
                        " bytes exceeds the limit max_request_bytes"));
  EXPECT_THAT(
      ScoreRequestBytes("\xff", ResourceLimits(), "req").status().message(),
      HasSubstr("req: the 1 bytes are not a serialized "
                "jtbd.v1.ScoreRequest"));
  limits = ResourceLimits();
  limits.max_json_depth = 1;
  const absl::Status depth =
      ScoreRequestJson(R"({"study": {}})", limits, "body").status();
  EXPECT_EQ(depth.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(depth.message(), HasSubstr("body: line 1, column 11"));
  EXPECT_THAT(
      ScoreRequestJson("[", ResourceLimits(), "body").status().message(),
      HasSubstr("body: not a jtbd.v1.ScoreRequest in protobuf JSON"));
}

}  // namespace
}  // namespace jtbd
