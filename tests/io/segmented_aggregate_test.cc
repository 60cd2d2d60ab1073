// ReadSurveyCsvSegmentedAggregate against the Study route it replaces:
// ReadSurveyCsv(...) then Study::Score with segment_by.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/segmented_scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

std::string ReadFixture(const std::string& relative) {
  std::ifstream in(std::string(JTBD_SOURCE_DIR) + "/" + relative,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

v1::ScoringOptions Options(const std::string& segment_by) {
  v1::ScoringOptions options;
  options.set_segment_by(segment_by);
  options.set_bootstrap_resamples(50);
  options.set_seed(42);
  return options;
}

void ExpectSameAggregate(const Aggregate& actual, const Aggregate& expected) {
  EXPECT_TRUE(MessageDifferencer::Equals(actual.ToProto(), expected.ToProto()))
      << actual.ToProto().DebugString() << "\nexpected:\n"
      << expected.ToProto().DebugString();
}

// For every attribute of the file: the streamed aggregates equal the
// study's, and so do the reports (bit for bit: same bootstrap streams,
// ordering and Holm sets). Returns how many attributes were compared.
size_t ExpectStreamingMatchesStudy(const std::string& data,
                                   const ReadOptions& options) {
  const absl::StatusOr<Study> study = ReadSurveyCsv(data, "f.csv", options);
  EXPECT_TRUE(study.ok()) << study.status();
  if (!study.ok()) return 0;
  for (const std::string& name : study->attribute_names()) {
    SCOPED_TRACE(name);
    SurveyInspection inspection;
    const absl::StatusOr<SegmentedAggregate> streamed =
        ReadSurveyCsvSegmentedAggregate(data, "f.csv", options, name,
                                        &inspection);
    EXPECT_TRUE(streamed.ok()) << streamed.status();
    if (!streamed.ok()) continue;
    EXPECT_EQ(inspection.attributes_given, study->attribute_names());
    const absl::StatusOr<SegmentedAggregate> expected =
        study->ToSegmentedAggregate(name);
    EXPECT_TRUE(expected.ok()) << expected.status();
    if (!expected.ok()) continue;
    EXPECT_EQ(streamed->segment_by, name);
    EXPECT_EQ(streamed->unsegmented_respondent_count,
              expected->unsegmented_respondent_count);
    ExpectSameAggregate(streamed->all, expected->all);
    EXPECT_EQ(streamed->segments.size(), expected->segments.size());
    for (const auto& [value, aggregate] : expected->segments) {
      SCOPED_TRACE(value);
      const auto found = streamed->segments.find(value);
      EXPECT_NE(found, streamed->segments.end());
      if (found != streamed->segments.end()) {
        ExpectSameAggregate(found->second, aggregate);
      }
    }
    const absl::StatusOr<v1::Report> report =
        ScoreSegmentedAggregate(*streamed, Options(name));
    const absl::StatusOr<v1::Report> scored = study->Score(Options(name));
    EXPECT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(scored.ok()) << scored.status();
    if (report.ok() && scored.ok()) {
      EXPECT_EQ(report->SerializeAsString(), scored->SerializeAsString());
      EXPECT_GT(report->segments_size(), 0);
    }
  }
  return study->attribute_names().size();
}

TEST(SegmentedAggregateTest, ExampleSurvey) {
  EXPECT_EQ(ExpectStreamingMatchesStudy(ReadFixture("examples/survey.csv"),
                                        ReadOptions()),
            3u);  // segment, role, company_size
}

TEST(SegmentedAggregateTest, DetectedFormats) {
  for (const char* file : {"tests/data/io/formats/qualtrics.csv",
                           "tests/data/io/formats/qualtrics_legacy.csv",
                           "tests/data/io/formats/surveymonkey.csv",
                           "tests/data/io/formats/google_forms.csv",
                           "tests/data/io/formats/typeform.csv",
                           "tests/data/io/good/wide_basic.csv",
                           "tests/data/io/good/wide_semicolon_trailing.csv",
                           "tests/data/io/good/long_basic.csv"}) {
    SCOPED_TRACE(file);
    EXPECT_GT(ExpectStreamingMatchesStudy(ReadFixture(file), ReadOptions()),
              0u);
  }
}

TEST(SegmentedAggregateTest, CompetitorColumns) {
  for (const char* file :
       {"tests/data/competitors/wide.csv", "tests/data/competitors/long.csv"}) {
    SCOPED_TRACE(file);
    EXPECT_GT(ExpectStreamingMatchesStudy(ReadFixture(file), ReadOptions()),
              0u);
  }
}

TEST(SegmentedAggregateTest, WeightedSurveyMap) {
  ReadOptions options;
  absl::StatusOr<v1::SurveyMap> map = ParseSurveyMapJson(
      ReadFixture("tests/data/io/formats/crm_map.json"), "crm_map.json");
  ASSERT_TRUE(map.ok()) << map.status();
  options.survey_map = *map;
  const std::string data = ReadFixture("tests/data/io/formats/crm_export.csv");
  EXPECT_EQ(ExpectStreamingMatchesStudy(data, options), 3u);
  const absl::StatusOr<SegmentedAggregate> streamed =
      ReadSurveyCsvSegmentedAggregate(data, "crm.csv", options, "role");
  ASSERT_TRUE(streamed.ok()) << streamed.status();
  EXPECT_TRUE(streamed->all.weighted());
  for (const auto& [value, aggregate] : streamed->segments) {
    EXPECT_TRUE(aggregate.weighted()) << value;
  }
}

// Weights turn on half-way: segments met before (all weights 1 so far)
// become weighted too, and so does a segment whose weights are all 1.
// Blank values (also only spaces) are unsegmented; values are trimmed.
TEST(SegmentedAggregateTest, WeightsBlankValuesAndCompetitors) {
  const std::string data =
      "respondent_id,team,w,imp_a,sat_a,imp_b,sat_b,sat_Rival__a,city\n"
      "r1,red,1,5,1,4,4,3,Lyon\n"
      "r2, blue ,1,4,2,,5,,\n"
      "r3,,1,5,5,3,2,4,Lyon\n"
      "r4,   ,1,2,2,5,1,5,Nantes\n"
      "r5,red,2.5,5,3,4,1,1,Nantes\n"
      "r6,green,1,1,5,5,5,,Lyon\n"
      "r7,blue,0.5,,,4,4,2,\n"
      "r8,red,1,4,4,1,2,3,Lyon\n";
  ReadOptions options;
  options.weight_column = "w";
  EXPECT_EQ(ExpectStreamingMatchesStudy(data, options), 2u);
  const absl::StatusOr<SegmentedAggregate> streamed =
      ReadSurveyCsvSegmentedAggregate(data, "f.csv", options, "team");
  ASSERT_TRUE(streamed.ok()) << streamed.status();
  EXPECT_EQ(streamed->unsegmented_respondent_count, 2u);  // r3, r4
  ASSERT_EQ(streamed->segments.size(), 3u);
  EXPECT_EQ(streamed->segments.at("blue").respondent_count(), 2u);
  EXPECT_EQ(streamed->segments.at("red").respondent_count(), 3u);
  // red: weights 1 + 2.5 + 1.
  EXPECT_DOUBLE_EQ(streamed->segments.at("red").TotalWeight(), 4.5);
  EXPECT_TRUE(streamed->segments.at("green").weighted());
  EXPECT_DOUBLE_EQ(streamed->all.TotalWeight(), 9.0);

  // Without the weight column: the unweighted counting path.
  EXPECT_EQ(ExpectStreamingMatchesStudy(data, ReadOptions()), 3u);
}

TEST(SegmentedAggregateTest, UnknownOrBlankAttributeIsNotFoundLikeStudy) {
  const std::string data =
      "respondent_id,empty,team,imp_a,sat_a\n"
      "r1,,red,5,1\n"
      "r2,,blue,4,2\n";
  const absl::StatusOr<Study> study = ReadSurveyCsv(data, "f.csv", {});
  ASSERT_TRUE(study.ok());
  for (const char* name : {"region", "empty"}) {
    SCOPED_TRACE(name);
    SurveyInspection inspection;
    const absl::StatusOr<SegmentedAggregate> streamed =
        ReadSurveyCsvSegmentedAggregate(data, "f.csv", {}, name, &inspection);
    EXPECT_EQ(streamed.status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(streamed.status(), study->Score(Options(name)).status());
    EXPECT_EQ(streamed.status().message(),
              absl::StrCat("no respondent has the attribute \"", name,
                           "\" to segment by (attributes: team)"));
    EXPECT_EQ(inspection.attributes_given, std::vector<std::string>{"team"});
  }
}

TEST(SegmentedAggregateTest, RefusesWhatTheStudyReadRefuses) {
  const std::string data =
      "respondent_id,team,imp_a,sat_a\n"
      "r1,red,5,1\n"
      "r1,blue,4,9\n";
  const absl::Status expected = ReadSurveyCsv(data, "f.csv", {}).status();
  ASSERT_FALSE(expected.ok());
  EXPECT_EQ(ReadSurveyCsvSegmentedAggregate(data, "f.csv", {}, "team").status(),
            expected);
}

std::string ManyTeams(size_t teams) {
  std::string data = "team,imp_a,sat_a\n";
  for (size_t t = 0; t < teams; ++t) absl::StrAppend(&data, "t", t, ",5,1\n");
  return data;
}

TEST(SegmentedAggregateTest, CapsDistinctValues) {
  const absl::StatusOr<SegmentedAggregate> at_cap =
      ReadSurveyCsvSegmentedAggregate(ManyTeams(kMaxSegmentValues), "f.csv", {},
                                      "team");
  ASSERT_TRUE(at_cap.ok()) << at_cap.status();
  EXPECT_EQ(at_cap->segments.size(), kMaxSegmentValues);

  const absl::StatusOr<SegmentedAggregate> past =
      ReadSurveyCsvSegmentedAggregate(ManyTeams(kMaxSegmentValues + 1), "f.csv",
                                      {}, "team");
  EXPECT_EQ(past.status().code(), absl::StatusCode::kResourceExhausted);
  // The header is line 1: value number 10001 is on line 10002, column 1.
  EXPECT_THAT(past.status().message(),
              HasSubstr("f.csv: line 10002, column 1"));
  EXPECT_THAT(past.status().message(),
              HasSubstr("more than 10000 distinct values of \"team\""));
  EXPECT_THAT(past.status().message(), HasSubstr("coarser attribute"));
}

TEST(SegmentedAggregateTest, FileFormAndMissingFile) {
  const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
  const absl::StatusOr<SegmentedAggregate> streamed =
      ReadSurveyCsvFileSegmentedAggregate(path, {}, "segment");
  ASSERT_TRUE(streamed.ok()) << streamed.status();
  EXPECT_EQ(streamed->segments.size(), 2u);  // field, office
  EXPECT_FALSE(
      ReadSurveyCsvFileSegmentedAggregate(path + ".missing", {}, "segment")
          .ok());
}

}  // namespace
}  // namespace jtbd
