// Survey durations (for screening's speeding rule): detected in wide, long
// and Qualtrics files, named by an option or a survey map, refused with the
// line and column when not a non-negative number.
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string ScreeningFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/screening/", name);
}

// The refusal's message with the path replaced by "P".
std::string Refusal(const std::string& path, const ReadOptions& options = {}) {
  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, options);
  if (study.ok()) return "<accepted>";
  EXPECT_EQ(study.status().code(), absl::StatusCode::kInvalidArgument);
  std::string message(study.status().message());
  if (message.compare(0, path.size(), path) == 0) {
    message = "P" + message.substr(path.size());
  }
  return message;
}

void ExpectDurations(const Study& study) {
  ASSERT_EQ(study.respondent_count(), 3u);
  EXPECT_EQ(study.duration(0), 412);
  EXPECT_FALSE(study.has_duration(1));  // blank: unknown
  EXPECT_EQ(study.duration(2), 95.5);
}

TEST(DurationColumnTest, WideDurationSecondsColumnIsNoAttribute) {
  SurveyInspection inspection;
  absl::StatusOr<Study> study = ReadSurveyCsvFile(
      ScreeningFile("wide_durations.csv"), ReadOptions(), &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  ExpectDurations(*study);
  EXPECT_THAT(study->attribute_names(), ElementsAre("role"));
  EXPECT_EQ(inspection.layout.duration_column, 2);
  EXPECT_EQ(SurveyLayoutToMap(inspection.layout).duration_column(),
            "duration_seconds");
  // The aggregate read checks durations too, and equals the study's.
  absl::StatusOr<Aggregate> aggregate = ReadSurveyCsvFileAggregate(
      ScreeningFile("wide_durations.csv"), ReadOptions());
  ASSERT_TRUE(aggregate.ok()) << aggregate.status();
  EXPECT_EQ(aggregate->respondent_count(), 3u);
}

TEST(DurationColumnTest, LongDurationRepeatedOnEveryRow) {
  absl::StatusOr<Study> study =
      ReadSurveyCsvFile(ScreeningFile("long_durations.csv"), ReadOptions());
  ASSERT_TRUE(study.ok()) << study.status();
  ExpectDurations(*study);
  EXPECT_THAT(study->attribute_names(), IsEmpty());
  EXPECT_EQ(Refusal(ScreeningFile("long_durations_disagree.csv")),
            "P: line 3, column 5 (\"duration\"): respondent r1 has duration "
            "412 on line 2 but \"400\" here");
  // Blank on one row and given on another disagree too.
  EXPECT_EQ(
      ReadSurveyCsv("respondent,outcome,importance,satisfaction,duration\n"
                    "r1,a,5,2,\nr1,b,4,3,60\n",
                    "l.csv", ReadOptions())
          .status()
          .message(),
      "l.csv: line 3, column 5 (\"duration\"): respondent r1 has no "
      "duration on line 2 but \"60\" here");
}

TEST(DurationColumnTest, QualtricsDurationInSeconds) {
  SurveyInspection inspection;
  absl::StatusOr<Study> study = ReadSurveyCsvFile(
      ScreeningFile("qualtrics_durations.csv"), ReadOptions(), &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  ASSERT_EQ(study->respondent_count(), 3u);
  EXPECT_EQ(study->duration(0), 463);
  EXPECT_EQ(study->duration(1), 47);
  EXPECT_EQ(study->duration(2), 492);
  EXPECT_EQ(inspection.layout.duration_column, 4);
  EXPECT_EQ(Refusal(ScreeningFile("qualtrics_duration_bad.csv")),
            "P: line 5, column 5 (\"Duration (in seconds)\"): duration \"7 "
            "min\" is not a number of seconds (at least 0)");
}

TEST(DurationColumnTest, NegativeDurationRefusedInBothReads) {
  const std::string path = ScreeningFile("wide_duration_negative.csv");
  const std::string expected =
      "P: line 3, column 2 (\"duration\"): duration \"-4\" is not a number of "
      "seconds (at least 0)";
  EXPECT_EQ(Refusal(path), expected);
  absl::StatusOr<Aggregate> aggregate =
      ReadSurveyCsvFileAggregate(path, ReadOptions());
  ASSERT_FALSE(aggregate.ok());
  EXPECT_EQ(aggregate.status().message(),
            absl::StrCat(path, expected.substr(1)));
}

TEST(DurationColumnTest, NamedByTheOptionsOrAMap) {
  ReadOptions options;
  options.duration_column = "secs";
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "id,secs,imp_a,sat_a\nr1,30,5,1\nr2,nan,4,2\n", "d.csv", options);
  EXPECT_EQ(study.status().message(),
            "d.csv: line 3, column 2 (\"secs\"): duration \"nan\" is not a "
            "number of seconds (at least 0)");
  study = ReadSurveyCsv("id,secs,imp_a,sat_a\nr1,30,5,1\n", "d.csv", options);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(study->duration(0), 30);
  EXPECT_THAT(study->attribute_names(), IsEmpty());
  EXPECT_EQ(ReadSurveyCsv("id,t,imp_a,sat_a\nr1,1,5,1\n", "d.csv", options)
                .status()
                .message(),
            "d.csv: line 1: no duration column \"secs\" in the header");
  options.duration_column = "imp_a";
  EXPECT_EQ(ReadSurveyCsv("id,t,imp_a,sat_a\nr1,1,5,1\n", "d.csv", options)
                .status()
                .message(),
            "d.csv: line 1, column 3 (\"imp_a\"): the duration column is "
            "already read as answers, ids or weights");

  ReadOptions mapped;
  absl::StatusOr<v1::SurveyMap> map = ParseSurveyMapJson(
      R"({"respondentIdColumn": "id", "durationColumn": "t",
          "outcomes": [{"id": "a", "importanceColumn": "imp_a",
                        "satisfactionColumn": "sat_a"}]})",
      "m.json");
  ASSERT_TRUE(map.ok()) << map.status();
  mapped.survey_map = *map;
  study = ReadSurveyCsv("id,t,imp_a,sat_a\nr1,12.5,5,1\n", "d.csv", mapped);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(study->duration(0), 12.5);
}

}  // namespace
}  // namespace jtbd
