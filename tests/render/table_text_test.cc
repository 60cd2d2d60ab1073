#include "render/table_text.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace render {
namespace {

using ::testing::ElementsAre;

TEST(CsvFieldTest, QuotesWhatRfc4180Needs) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("a;b"), "\"a;b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvFieldTest, NeutralisesEveryFormulaTrigger) {
  EXPECT_EQ(CsvField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvField("+33 1 23"), "'+33 1 23");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(CsvField("\tTAB"), "'\tTAB");
  // CR both triggers and needs quoting.
  EXPECT_EQ(CsvField("\r=x"), "\"'\r=x\"");
  // The classic payload: neutralised and quoted (it holds commas and quotes).
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  // A trigger later in the text is harmless.
  EXPECT_EQ(CsvField("a=b"), "a=b");
}

TEST(CsvFieldTest, PlainNumbersStayNumbers) {
  EXPECT_EQ(CsvField("-1.5"), "-1.5");
  EXPECT_EQ(CsvField("+2"), "+2");
  EXPECT_EQ(CsvField("-2e-05"), "-2e-05");
  EXPECT_EQ(CsvField("-"), "'-");
  EXPECT_EQ(CsvField("-inf"), "'-inf");
}

TEST(IsPlainNumberTest, AcceptsDecimalsOnly) {
  for (const char* yes :
       {"0", "12", "-1.5", "+3", ".5", "5.", "1e9", "2E-05"}) {
    EXPECT_TRUE(IsPlainNumber(yes)) << yes;
  }
  for (const char* no :
       {"", "-", ".", "1e", "e5", "1.2.3", "0x1F", "1,5", " 1", "nan", "1-2"}) {
    EXPECT_FALSE(IsPlainNumber(no)) << no;
  }
}

TEST(WrapTextTest, BreaksAtSpacesWithinTheWidth) {
  EXPECT_THAT(WrapText("Minimize the time it takes to find a cut", 16),
              ElementsAre("Minimize the", "time it takes to", "find a cut"));
  EXPECT_THAT(WrapText("short", 16), ElementsAre("short"));
  EXPECT_THAT(WrapText("", 16), ElementsAre(""));
  EXPECT_THAT(WrapText("  spaced   out  ", 16), ElementsAre("spaced out"));
}

TEST(WrapTextTest, CutsAWordLongerThanALineAtCodePoints) {
  EXPECT_THAT(WrapText("ab ééééééé cd", 3),
              ElementsAre("ab", "ééé", "ééé", "é", "cd"));
  for (const std::string& line : WrapText("ééééééé", 3)) {
    EXPECT_LE(DisplayWidth(line), 3u);
  }
}

}  // namespace
}  // namespace render
}  // namespace jtbd
