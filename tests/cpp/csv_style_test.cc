// CSV for spreadsheets through jtbd.hpp (RestyleCsv over jtbd_csv_restyle).
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kSurvey =
    std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";

TEST(CppCsvStyleTest, FrenchSpreadsheetFromARenderedReport) {
  jtbd::ScoreOptions options;
  options.bootstrap_resamples = 0;
  const jtbd::Report report = jtbd::ScoreSurveyFile(kSurvey, options);
  const std::string canonical = report.Render(jtbd::Format::kCsv);
  jtbd::CsvStyle style;
  style.separator = ';';
  style.decimal_comma = true;
  style.byte_order_mark = true;
  const std::string french = jtbd::RestyleCsv(canonical, style);
  EXPECT_THAT(french, StartsWith("\xEF\xBB\xBFsegment;rank;outcome_id;"));
  // o10's importance, 9.659090909090908 in the canonical text.
  EXPECT_THAT(canonical, HasSubstr(",9.659090909090908,"));
  EXPECT_THAT(french, HasSubstr(";9,659090909090908;"));
  EXPECT_EQ(jtbd::RestyleCsv(canonical, jtbd::CsvStyle()), canonical);
}

TEST(CppCsvStyleTest, ImpossibleStylesThrow) {
  jtbd::CsvStyle comma_twice;
  comma_twice.decimal_comma = true;
  try {
    jtbd::RestyleCsv("a,1.5\r\n", comma_twice);
    FAIL() << "a decimal comma with ',' was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.what(), HasSubstr("jtbd_csv_restyle: a decimal comma"));
  }
  jtbd::CsvStyle pipe;
  pipe.separator = '|';
  EXPECT_THROW(jtbd::RestyleCsv("a\r\n", pipe), jtbd::Error);
  jtbd::CsvStyle french;
  french.separator = ';';
  EXPECT_THROW(jtbd::RestyleCsv("\"open\r\n", french), jtbd::Error);
}

}  // namespace
