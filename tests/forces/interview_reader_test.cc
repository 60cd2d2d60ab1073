#include "forces/interview_reader.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace forces {
namespace {

using ::testing::HasSubstr;

constexpr char kEnglish[] =
    "interview,force,intensity,quote,source,segment,switched,stage,date,"
    "solution_left,solution_hired\n"
    "a1,push,4,Spreadsheets kept breaking,note-1,smb,1,first thought,"
    "2026-01-05,Excel,Tool\n"
    "a1,pull,5,\"Reports in one click, finally\",note-2,smb,1,deciding,"
    "2026-02-04,,\n"
    "a1,anxiety,2,,note-3,smb,1,,,,\n"
    "b2,habit,3,We know Excel,note-4,enterprise,0,,,Excel,\n"
    "b2,anxiety,4,Migration risk,note-5,enterprise,0,,,,\n"
    "c3,,,,,smb,1,first use,2026-03-01,,\n";

TEST(InterviewCsvTest, ReadsOneRowPerObservation) {
  auto read = ReadInterviewsCsv(kEnglish, "i.csv");
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->interviews_size(), 3);
  const v1::SwitchInterview& a = read->interviews(0);
  EXPECT_EQ(a.id(), "a1");
  EXPECT_EQ(a.outcome(), v1::SWITCH_OUTCOME_SWITCHED);
  ASSERT_EQ(a.observations_size(), 3);
  EXPECT_EQ(a.observations(1).force(), v1::FORCE_PULL);
  EXPECT_EQ(a.observations(1).intensity(), 5u);
  EXPECT_EQ(a.observations(1).quote(), "Reports in one click, finally");
  EXPECT_EQ(a.observations(1).source(), "note-2");
  EXPECT_EQ(a.solution_left(), "Excel");
  EXPECT_EQ(a.solution_hired(), "Tool");
  EXPECT_EQ(a.attributes().at("segment"), "smb");
  ASSERT_EQ(a.timeline_events_size(), 2);
  EXPECT_EQ(a.timeline_events(1).stage(), v1::TIMELINE_STAGE_DECIDING);
  EXPECT_EQ(a.timeline_events(1).date(), "2026-02-04");
  EXPECT_EQ(read->interviews(1).outcome(), v1::SWITCH_OUTCOME_STAYED);
  // A timeline-only row: an interview with no force mentioned.
  EXPECT_EQ(read->interviews(2).observations_size(), 0);
}

TEST(InterviewCsvTest, FrenchExportWithBomAndSemicolons) {
  const std::string text =
      "\xEF\xBB\xBF"
      "entretien;force;intensité;citation;segment;a_change;"
      "moment\n"
      "e1;Poussée;4;Trop de ressaisies;PME;oui;\n"
      "e1;Anxiété;2;Peur de perdre l'historique;PME;oui;choix\n"
      "e2;HABITUDE;5;On a nos habitudes;ETI;non;usage\n"
      "e2;attraction;1;;ETI;Non;\n";
  auto read = ReadInterviewsCsv(text, "fr.csv");
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->interviews_size(), 2);
  EXPECT_EQ(read->interviews(0).observations(0).force(), v1::FORCE_PUSH);
  EXPECT_EQ(read->interviews(0).observations(1).force(), v1::FORCE_ANXIETY);
  EXPECT_EQ(read->interviews(0).observations(1).moment(),
            v1::FORCE_MOMENT_CHOICE);
  EXPECT_EQ(read->interviews(1).observations(0).force(), v1::FORCE_HABIT);
  EXPECT_EQ(read->interviews(1).observations(0).moment(), v1::FORCE_MOMENT_USE);
  EXPECT_EQ(read->interviews(1).observations(1).force(), v1::FORCE_PULL);
  EXPECT_EQ(read->interviews(1).outcome(), v1::SWITCH_OUTCOME_STAYED);
}

TEST(InterviewCsvTest, Utf16LittleEndian) {
  const std::string utf8 =
      "interview\tforce\tintensity\tswitched\nx\tpush\t3\tyes\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  auto read = ReadInterviewsCsv(utf16, "u16.txt");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->interviews(0).observations(0).intensity(), 3u);
}

void ExpectRefusal(const std::string& text, const std::string& message) {
  auto read = ReadInterviewsCsv(text, "bad.csv");
  ASSERT_FALSE(read.ok()) << text;
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status().message(), HasSubstr(message));
}

TEST(InterviewCsvTest, RefusalsNameFileLineAndColumn) {
  ExpectRefusal(
      "interview,force,intensity,switched\n"
      "a,push,3,1\n"
      "b,pull,2,0\n"
      "a,habit,2,0\n",
      "bad.csv: line 4, column 4 (\"switched\"): interview \"a\" is stayed "
      "here but switched on line 2");
  ExpectRefusal(
      "interview,force,intensity,switched\na,shove,3,1\n",
      "bad.csv: line 2, column 2 (\"force\"): unknown force \"shove\"");
  ExpectRefusal("interview,force,intensity,switched\na,push,6,1\n",
                "bad.csv: line 2, column 3 (\"intensity\"): intensity \"6\" "
                "is off the scale");
  ExpectRefusal("interview,force,intensity,switched\na,push,0,1\n",
                "line 2, column 3");
  ExpectRefusal("interview,force,intensity,switched\na,push,,1\n",
                "a force needs an intensity");
  ExpectRefusal("interview,force,intensity,switched\na,push,2,maybe\n",
                "line 2, column 4 (\"switched\"): \"maybe\" is not a switched");
  ExpectRefusal("interview,force,intensity\na,push,2\n", "no switched column");
  ExpectRefusal("force,intensity,switched\npush,2,1\n", "no interview column");
  ExpectRefusal("interview,force,intensity,switched\n", "no interview");
  ExpectRefusal(
      "interview,force,intensity,switched,stage,date\n"
      "a,push,2,1,deciding,2026-01-10\n"
      "a,pull,2,1,first thought,2026-02-10\n",
      "line 2, column 6 (\"date\"): interview \"a\": stage deciding "
      "(2026-01-10) is dated before first_thought");
  ExpectRefusal(
      "interview,force,intensity,switched,stage,date\n"
      "a,push,2,1,deciding,2026-02-30\n",
      "\"2026-02-30\" is not a date");
  ExpectRefusal(
      "interview,force,intensity,switched,segment\n"
      "a,push,2,1,smb\n"
      "a,pull,2,1,enterprise\n",
      "line 3, column 5 (\"segment\"): \"enterprise\" differs from \"smb\"");
  ExpectRefusal("interview,force,intensity,switched\na,push,2,1,extra\n",
                "line 2, column 5: a value past the header's 4 columns");
}

TEST(InterviewCsvTest, OpenInterviewsMayLackTheOutcome) {
  InterviewReadOptions options;
  options.require_outcome = false;
  auto read = ReadInterviewsCsv(
      "interview,force,intensity\ndeal-1,push,4\ndeal-1,habit,2\n", "open.csv",
      options);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->interviews(0).outcome(), v1::SWITCH_OUTCOME_UNSPECIFIED);
  EXPECT_FALSE(
      ReadInterviewsCsv("interview,force,intensity\nd,push,4\n", "open.csv")
          .ok());
  // A switched value given is still checked.
  EXPECT_FALSE(
      ReadInterviewsCsv("interview,force,intensity,switched\nd,push,4,maybe\n",
                        "open.csv", options)
          .ok());
  EXPECT_TRUE(ParseInterviewsJson(R"({"interviews":[{"id":"x"}]})", "o.json",
                                  /*require_outcome=*/false)
                  .ok());
}

TEST(InterviewProtoTest, BinaryAndJsonAreHeldToTheSameRules) {
  auto read = ReadInterviewsCsv(kEnglish, "i.csv");
  ASSERT_TRUE(read.ok());
  auto binary = ParseInterviewsBinary(read->SerializeAsString(), "i.pb");
  ASSERT_TRUE(binary.ok()) << binary.status();
  EXPECT_EQ(binary->SerializeAsString(), read->SerializeAsString());

  auto json = ParseInterviewsJson(
      R"({"interviews":[{"id":"x","outcome":"SWITCH_OUTCOME_STAYED",)"
      R"("observations":[{"force":"FORCE_PUSH","intensity":3}]}]})",
      "i.json");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(json->interviews(0).observations(0).intensity(), 3u);

  auto bad = ParseInterviewsJson(
      R"({"interviews":[{"id":"x","outcome":"SWITCH_OUTCOME_STAYED",)"
      R"("observations":[{"force":"FORCE_PUSH","intensity":9}]}]})",
      "i.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(),
              HasSubstr("i.json: interviews[0] (\"x\"): observations[0]: "
                        "intensity 9 is off the scale"));
  auto no_outcome =
      ParseInterviewsJson(R"({"interviews":[{"id":"x"}]})", "i.json");
  EXPECT_THAT(no_outcome.status().message(), HasSubstr("no outcome"));
  auto twice = ParseInterviewsJson(
      R"({"interviews":[{"id":"x","outcome":1},{"id":"x","outcome":1}]})",
      "i.json");
  EXPECT_THAT(twice.status().message(), HasSubstr("the id is given twice"));
  EXPECT_FALSE(ParseInterviewsBinary("\xff\xff\xff", "i.pb").ok());
}

}  // namespace
}  // namespace forces
}  // namespace jtbd
