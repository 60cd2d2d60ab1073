// Bytes in, bytes out: jtbd_score_request (binary) and
// jtbd_score_request_json, checked against the hand computation in
// capi_test_util.h. The requests are written and the reports read with a
// hand-rolled wire codec, as a foreign-language client would.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

constexpr double kTolerance = 1e-12;

// jtbd.v1.OutcomeScore field numbers.
enum : int {
  kOutcomeId = 1,
  kStatement = 2,
  kImportance = 3,
  kSatisfaction = 4,
  kOpportunity = 5,
  kBand = 6,
  kImportanceCount = 7,
  kImportanceTopBox = 8,
  kSatisfactionCount = 9,
  kSatisfactionTopBox = 10,
  kBothCount = 11,
  kBothTopBox = 12,
  kRank = 13,
};

std::string ScoreBinary(const std::string& request) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_request(request.data(), request.size(), &raw)),
              IsOk());
  Buffer buffer(raw);
  return raw == nullptr ? "" : BufferBytes(raw);
}

std::string ScoreJson(const std::string& request) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_score_request_json(request.data(), request.size(), &raw)),
      IsOk());
  Buffer buffer(raw);
  return raw == nullptr ? "" : BufferBytes(raw);
}

// The number after `"key":` that follows position `from` in `json`.
double JsonNumberAfter(const std::string& json, size_t from,
                       const std::string& key) {
  const size_t at = json.find("\"" + key + "\":", from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "no " << key << " after " << from;
    return -1;
  }
  return std::strtod(json.c_str() + at + key.size() + 3, nullptr);
}

TEST(ScoreRequestTest, BinaryReportMatchesHandComputation) {
  const WireMessage report =
      WireMessage::Parse(ScoreBinary(SampleScoreRequest("")));
  EXPECT_EQ(report.Number(3), 6u);  // respondent_count
  const std::vector<WireMessage> outcomes = report.Messages(1);
  ASSERT_EQ(outcomes.size(), 2u);

  const WireMessage& speed = outcomes[0];
  EXPECT_EQ(speed.String(kOutcomeId), "speed");
  EXPECT_EQ(speed.String(kStatement), kSampleStatements[0]);
  EXPECT_NEAR(speed.Double(kImportance), 40.0 / 6, kTolerance);
  EXPECT_NEAR(speed.Double(kSatisfaction), 4.0, kTolerance);
  EXPECT_NEAR(speed.Double(kOpportunity), 28.0 / 3, kTolerance);
  EXPECT_EQ(speed.Number(kBand),
            static_cast<uint64_t>(JTBD_BAND_APPROPRIATELY_SERVED));
  EXPECT_EQ(speed.Number(kImportanceCount), 6u);
  EXPECT_EQ(speed.Number(kImportanceTopBox), 4u);
  EXPECT_EQ(speed.Number(kSatisfactionCount), 5u);
  EXPECT_EQ(speed.Number(kSatisfactionTopBox), 2u);
  EXPECT_EQ(speed.Number(kBothCount), 5u);
  EXPECT_EQ(speed.Number(kBothTopBox), 1u);
  EXPECT_EQ(speed.Number(kRank), 1u);

  const WireMessage& cost = outcomes[1];
  EXPECT_EQ(cost.String(kOutcomeId), "cost");
  EXPECT_NEAR(cost.Double(kImportance), 6.0, kTolerance);
  EXPECT_NEAR(cost.Double(kSatisfaction), 5.0, kTolerance);
  EXPECT_NEAR(cost.Double(kOpportunity), 7.0, kTolerance);
  EXPECT_EQ(cost.Number(kRank), 2u);
  EXPECT_TRUE(report.Messages(2).empty());  // no segments asked for
}

TEST(ScoreRequestTest, BinaryReportWithSegments) {
  const WireMessage report =
      WireMessage::Parse(ScoreBinary(SampleScoreRequest("segment")));
  const std::vector<WireMessage> segments = report.Messages(2);
  ASSERT_EQ(segments.size(), 2u);
  // SegmentReport: name 1, respondent_count 2, outcomes 3.
  EXPECT_EQ(segments[0].String(1), "A");
  EXPECT_EQ(segments[0].Number(2), 3u);
  const std::vector<WireMessage> a = segments[0].Messages(3);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].String(kOutcomeId), "speed");
  EXPECT_NEAR(a[0].Double(kOpportunity), 50.0 / 3, kTolerance);
  EXPECT_EQ(a[0].Number(kBand), static_cast<uint64_t>(JTBD_BAND_EXTREME));
  EXPECT_EQ(a[1].String(kOutcomeId), "cost");
  EXPECT_EQ(a[1].Number(kBand), static_cast<uint64_t>(JTBD_BAND_OVERSERVED));

  EXPECT_EQ(segments[1].String(1), "B");
  const std::vector<WireMessage> b = segments[1].Messages(3);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].String(kOutcomeId), "cost");
  EXPECT_NEAR(b[0].Double(kOpportunity), 20.0, kTolerance);
  EXPECT_EQ(b[1].String(kOutcomeId), "speed");
  EXPECT_NEAR(b[1].Double(kImportance), 10.0 / 3, kTolerance);
  EXPECT_NEAR(b[1].Double(kOpportunity), 10.0 / 3, kTolerance);
  EXPECT_EQ(b[1].Number(kBand), static_cast<uint64_t>(JTBD_BAND_OVERSERVED));
}

TEST(ScoreRequestTest, SameReportAsTheStudyHandle) {
  Study study = MakeSampleStudy();
  jtbd_score_options* options = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&options)), IsOk());
  ScoreOptions owned_options(options);
  ASSERT_THAT(Result(jtbd_score_options_set_segment_by(options, "segment", 7)),
              IsOk());
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), options, &raw)), IsOk());
  Report report(raw);
  jtbd_buffer* rendered = nullptr;
  ASSERT_THAT(Result(jtbd_report_render(raw, JTBD_FORMAT_PROTOBUF, &rendered)),
              IsOk());
  Buffer owned_rendered(rendered);
  EXPECT_EQ(BufferBytes(rendered), ScoreBinary(SampleScoreRequest("segment")));
}

TEST(ScoreRequestTest, JsonRequestMatchesHandComputation) {
  const std::string request = R"({
    "study": {
      "outcomes": [{"id": "speed"}, {"id": "cost"}],
      "scale": {"min": 1, "max": 5, "topBoxMin": 4},
      "respondents": [
        {"id": "r1", "attributes": {"segment": "A"}, "answers": [
          {"outcomeId": "speed", "importance": 5, "satisfaction": 1},
          {"outcomeId": "cost", "importance": 3, "satisfaction": 5}]},
        {"id": "r2", "attributes": {"segment": "A"}, "answers": [
          {"outcomeId": "speed", "importance": 4, "satisfaction": 2},
          {"outcomeId": "cost", "importance": 2, "satisfaction": 4}]},
        {"id": "r3", "attributes": {"segment": "A"}, "answers": [
          {"outcomeId": "speed", "importance": 5, "satisfaction": 4},
          {"outcomeId": "cost", "satisfaction": 5}]},
        {"id": "r4", "attributes": {"segment": "B"}, "answers": [
          {"outcomeId": "speed", "importance": 2, "satisfaction": 5},
          {"outcomeId": "cost", "importance": 5, "satisfaction": 1}]},
        {"id": "r5", "attributes": {"segment": "B"}, "answers": [
          {"outcomeId": "speed", "importance": 3},
          {"outcomeId": "cost", "importance": 4, "satisfaction": 2}]},
        {"id": "r6", "attributes": {"segment": "B"}, "answers": [
          {"outcomeId": "speed", "importance": 4, "satisfaction": 3},
          {"outcomeId": "cost", "importance": 5, "satisfaction": 2}]}
      ],
      "addedInSomeLaterVersion": {"x": 1}
    },
    "options": {"segmentBy": "segment"}
  })";
  const std::string json = ScoreJson(request);
  const size_t speed = json.find("\"outcomeId\": \"speed\"");
  ASSERT_NE(speed, std::string::npos) << json;
  EXPECT_NEAR(JsonNumberAfter(json, speed, "importance"), 40.0 / 6, 1e-12);
  EXPECT_NEAR(JsonNumberAfter(json, speed, "satisfaction"), 4.0, 1e-12);
  EXPECT_NEAR(JsonNumberAfter(json, speed, "opportunity"), 28.0 / 3, 1e-12);
  EXPECT_EQ(JsonNumberAfter(json, speed, "importanceCount"), 6);
  EXPECT_EQ(JsonNumberAfter(json, speed, "satisfactionTopBoxCount"), 2);
  const size_t cost = json.find("\"outcomeId\": \"cost\"");
  ASSERT_NE(cost, std::string::npos);
  EXPECT_NEAR(JsonNumberAfter(json, cost, "opportunity"), 7.0, 1e-12);
  // lowerCamelCase, enums by name, segments, defaults printed.
  EXPECT_THAT(json, HasSubstr("\"band\": \"BAND_APPROPRIATELY_SERVED\""));
  EXPECT_THAT(json, HasSubstr("\"segments\""));
  EXPECT_THAT(json, HasSubstr("\"name\": \"A\""));
  EXPECT_THAT(json, HasSubstr("\"unsegmentedRespondentCount\": 0"));
  const size_t segment_b = json.find("\"name\": \"B\"");
  ASSERT_NE(segment_b, std::string::npos);
  EXPECT_NEAR(JsonNumberAfter(json, segment_b, "opportunity"), 20.0, 1e-12);
}

TEST(ScoreRequestTest, MalformedRequestsAreInvalidArguments) {
  jtbd_buffer* out = nullptr;
  EXPECT_THAT(Result(jtbd_score_request("\x0a\x10", 2, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd.v1.ScoreRequest"));
  EXPECT_THAT(Result(jtbd_score_request_json("{\"study\": 3}", 12, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "protobuf JSON"));
  EXPECT_THAT(Result(jtbd_score_request_json("not json", 8, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "protobuf JSON"));
  // Well-formed but inconsistent: the error names the path.
  const std::string unknown_outcome = R"({"study": {
      "outcomes": [{"id": "speed"}],
      "respondents": [{"id": "r1", "answers": [
        {"outcomeId": "sped", "importance": 5}]}]}})";
  EXPECT_THAT(Result(jtbd_score_request_json(unknown_outcome.data(),
                                             unknown_outcome.size(), &out)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "study.respondents[0].answers[0].outcome_id"));
  const std::string off_scale = R"({"study": {
      "outcomes": [{"id": "speed"}],
      "respondents": [{"id": "r1", "answers": [
        {"outcomeId": "speed", "importance": 6}]}]}})";
  EXPECT_THAT(
      Result(jtbd_score_request_json(off_scale.data(), off_scale.size(), &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "importance: 6"));
  const std::string unknown_segment =
      R"({"study": {"outcomes": [{"id": "o"}]},
          "options": {"segmentBy": "region"}})";
  EXPECT_THAT(Result(jtbd_score_request_json(unknown_segment.data(),
                                             unknown_segment.size(), &out)),
              FailsWith(JTBD_NOT_FOUND, "region"));
  EXPECT_EQ(out, nullptr);
}

TEST(ScoreRequestTest, EmptyRequestScoresAnEmptyStudy) {
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_request(nullptr, 0, &raw)), IsOk());
  Buffer buffer(raw);
  const WireMessage report = WireMessage::Parse(BufferBytes(raw));
  EXPECT_TRUE(report.Messages(1).empty());
  EXPECT_EQ(report.Number(3), 0u);
}

TEST(ScoreRequestTest, RefusesNullArguments) {
  jtbd_buffer* out = nullptr;
  EXPECT_THAT(Result(jtbd_score_request(nullptr, 4, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "request is NULL"));
  EXPECT_THAT(Result(jtbd_score_request("", 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report_out is NULL"));
  EXPECT_THAT(Result(jtbd_score_request_json(nullptr, 2, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "request_json is NULL"));
  EXPECT_THAT(Result(jtbd_score_request_json("{}", 2, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report_json_out is NULL"));
  EXPECT_EQ(out, nullptr);
}

}  // namespace
}  // namespace jtbd_test
