#include "render/csv_style.h"

#include <string>

#include "gtest/gtest.h"

namespace jtbd {
namespace render {
namespace {

constexpr char kCanonical[] =
    "segment,outcome_id,statement,importance,delta\r\n"
    ",o1,\"Minimize cost, fast\",7.5,-0.25\r\n"
    "\"a;b\",o2,\"'=1+1\",10,2e-05\r\n";

TEST(RestyleCsvTest, DefaultStyleIsTheCanonicalText) {
  EXPECT_EQ(*RestyleCsv(kCanonical, CsvStyle()), kCanonical);
}

TEST(RestyleCsvTest, ByteOrderMarkFirst) {
  CsvStyle style;
  style.byte_order_mark = true;
  EXPECT_EQ(*RestyleCsv(kCanonical, style),
            std::string("\xEF\xBB\xBF") + kCanonical);
}

TEST(RestyleCsvTest, FrenchSpreadsheet) {
  CsvStyle style;
  style.separator = ';';
  style.decimal_comma = true;
  // Numbers written bare get a decimal comma; quoted text keeps its quotes
  // and its content (a quoted "7.5" would stay text); record ends are kept.
  EXPECT_EQ(*RestyleCsv(kCanonical, style),
            "segment;outcome_id;statement;importance;delta\r\n"
            ";o1;\"Minimize cost, fast\";7,5;-0,25\r\n"
            "\"a;b\";o2;\"'=1+1\";10;2e-05\r\n");
}

TEST(RestyleCsvTest, SemicolonsWithoutDecimalComma) {
  CsvStyle style;
  style.separator = ';';
  EXPECT_EQ(*RestyleCsv("a,b.5,1.5\n,\n", style), "a;b.5;1.5\n;\n");
}

TEST(RestyleCsvTest, TabsQuoteFieldsHoldingTabs) {
  CsvStyle style;
  style.separator = '\t';
  EXPECT_EQ(*RestyleCsv("x\ty,1\n", style), "\"x\ty\"\t1\n");
}

TEST(RestyleCsvTest, RefusesImpossibleStylesAndBrokenCsv) {
  CsvStyle comma_twice;
  comma_twice.decimal_comma = true;
  EXPECT_FALSE(RestyleCsv("1.5\n", comma_twice).ok());
  CsvStyle pipe;
  pipe.separator = '|';
  EXPECT_FALSE(RestyleCsv("1.5\n", pipe).ok());
  CsvStyle french;
  french.separator = ';';
  EXPECT_EQ(RestyleCsv("a,\"open\n", french).status().message(),
            "CSV byte 3: a quoted field is never closed");
  EXPECT_FALSE(RestyleCsv("\"a\"b,c\n", french).ok());
}

}  // namespace
}  // namespace render
}  // namespace jtbd
