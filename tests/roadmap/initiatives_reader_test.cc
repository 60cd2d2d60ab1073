#include "roadmap/initiatives_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "roadmap_test_util.h"

namespace jtbd {
namespace roadmap {
namespace {

using ::testing::HasSubstr;
using testing::Scores;

SurveyScores TwoOutcomes() { return Scores({"o1", "o2"}, {8, 6}, {2, 3}); }

absl::Status Refusal(const std::string& text,
                     const SurveyScores& scores = TwoOutcomes()) {
  return ReadInitiativesCsv(text, "ini.csv", scores).status();
}

TEST(InitiativesReaderTest, ReadsRowsNeedsAndExcludes) {
  const std::string text =
      "initiative,cost,outcome,target_satisfaction,uplift,depends_on,excludes\n"
      "base,3,,,,,\n"
      "app,2,o1,9,,base,\n"
      "app,,o2,,2.5,,\n"
      "alt,4,o1,7,,,\"app|base\"\n";
  absl::StatusOr<std::vector<v1::Initiative>> read =
      ReadInitiativesCsv(text, "ini.csv", TwoOutcomes());
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[0].name(), "base");
  EXPECT_EQ((*read)[0].effects_size(), 0);
  const v1::Initiative& app = (*read)[1];
  EXPECT_EQ(app.cost(), 2);
  ASSERT_EQ(app.effects_size(), 2);
  EXPECT_EQ(app.effects(0).target_satisfaction(), 9);
  EXPECT_EQ(app.effects(1).uplift(), 2.5);
  EXPECT_THAT(app.needs(), ::testing::ElementsAre("base"));
  EXPECT_THAT((*read)[2].excludes(), ::testing::ElementsAre("app", "base"));
}

TEST(InitiativesReaderTest, ReadsFrenchExcelWithDecimalCommasAndBom) {
  const std::string text =
      "\xEF\xBB\xBFinitiative;cost;outcome;uplift;depends_on\n"
      "a;2,5;o1;1,5;\n"
      "b;1;o2;3;a\n";
  absl::StatusOr<std::vector<v1::Initiative>> read =
      ReadInitiativesCsv(text, "ini.csv", TwoOutcomes());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ((*read)[0].cost(), 2.5);
  EXPECT_EQ((*read)[0].effects(0).uplift(), 1.5);
}

TEST(InitiativesReaderTest, ReadsUtf16) {
  const std::string utf8 =
      "initiative,cost,outcome,target_satisfaction\na,1,o1,9\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  absl::StatusOr<std::vector<v1::Initiative>> read =
      ReadInitiativesCsv(utf16, "ini.csv", TwoOutcomes());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ((*read)[0].name(), "a");
}

struct RefusalCase {
  std::string text;
  std::string message;
};

TEST(InitiativesReaderTest, RefusesWithLineAndColumn) {
  const std::string header =
      "initiative,cost,outcome,target_satisfaction,depends_on,excludes\n";
  const std::vector<RefusalCase> cases = {
      {header + "a,0,o1,9,,\n",
       "ini.csv: line 2, column 2 (\"cost\"): cost \"0\" is not a number "
       "greater than 0"},
      {header + "a,-3,o1,9,,\n", "line 2, column 2 (\"cost\")"},
      {header + "a,cheap,o1,9,,\n",
       "line 2, column 2 (\"cost\"): cost \"cheap\" is not a number"},
      {header + "a,1,o1,9,,\nb,1,o9,9,,\n",
       "line 3, column 3 (\"outcome\"): outcome \"o9\" is not in the survey"},
      {header + "a,1,o1,11,,\n",
       "line 2, column 4 (\"target_satisfaction\"): target satisfaction "
       "\"11\" is not a number from 0 to 10"},
      {header + "a,1,o1,-1,,\n", "line 2, column 4"},
      {header + "a,1,o1,9,,\na,2,o2,9,,\n",
       "line 3, column 2 (\"cost\"): initiative \"a\" costs 1 on line 2, "
       "not 2"},
      {header + "a,1,o1,9,b,\nb,1,o2,9,c,\nc,1,o2,9,a,\n",
       "line 4, column 5 (\"depends_on\"): the dependencies form a cycle: "
       "a -> b -> c -> a"},
      {header + "a,1,o1,9,a,\n", "line 2, column 5 (\"depends_on\")"},
      {header + "a,1,o1,9,zz,\n",
       "line 2, column 5 (\"depends_on\"): \"a\" depends on \"zz\", which is "
       "not an initiative"},
      {header + "a,1,o1,9,,zz\n",
       "line 2, column 6 (\"excludes\"): \"a\" excludes \"zz\""},
      {header + ",1,o1,9,,\n", "line 2, column 1 (\"initiative\")"},
      {header + "a,,o1,9,,\n", "line 2, column 2 (\"cost\"): no cost"},
      {header + "a,1,o1,,,\n", "line 2, column 4"},
      {"initiative,cost,outcome\na,1,o1\n",
       "line 1: no \"target_satisfaction\" or \"uplift\" column"},
      {"name,cost,outcome,uplift\n", "line 1: no \"initiative\" column"},
      {"initiative,cost,outcome,uplift,segment\na,1,o1,2,s1\n",
       "line 2, column 5 (\"segment\"): segment \"s1\" given, but the scores "
       "are not segmented"},
      {header + "a,1,o1,\"9\n", "line 2"},
  };
  for (const RefusalCase& c : cases) {
    const absl::Status status = Refusal(c.text);
    EXPECT_FALSE(status.ok()) << c.text;
    EXPECT_THAT(std::string(status.message()), HasSubstr(c.message)) << c.text;
  }
}

TEST(InitiativesReaderTest, ChecksSegmentsAgainstTheScores) {
  SurveyScores scores = TwoOutcomes();
  scores.groups[0].segment = "north";
  scores.segment_by = "region";
  const std::string good =
      "initiative,cost,outcome,uplift,segment\na,1,o1,2,north\nb,1,o1,2,\n";
  EXPECT_TRUE(ReadInitiativesCsv(good, "ini.csv", scores).ok());
  EXPECT_THAT(
      std::string(
          Refusal("initiative,cost,outcome,uplift,segment\na,1,o1,2,south\n",
                  scores)
              .message()),
      HasSubstr("line 2, column 5 (\"segment\"): segment \"south\" is not a "
                "segment of the survey"));
}

}  // namespace
}  // namespace roadmap
}  // namespace jtbd
