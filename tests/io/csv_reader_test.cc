#include "io/csv_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;

// One tokenized record: its fields copied out and the line where it starts.
struct Record {
  size_t line;
  std::vector<std::string> fields;
};

// Reads every record; stops at the end or the first error (returned via
// *error, empty `what` when none).
std::vector<Record> ReadAll(absl::string_view text, CsvError* error) {
  CsvReader reader(text);
  std::vector<Record> records;
  *error = CsvError();
  for (;;) {
    const CsvReader::Result result = reader.Read();
    if (result == CsvReader::Result::kEnd) break;
    if (result == CsvReader::Result::kError) {
      *error = reader.error();
      break;
    }
    Record record{reader.record_line(), {}};
    for (absl::string_view field : reader.fields()) {
      record.fields.emplace_back(field);
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<Record> ReadGood(absl::string_view text) {
  CsvError error;
  std::vector<Record> records = ReadAll(text, &error);
  EXPECT_EQ(error.what, "") << "at line " << error.line;
  return records;
}

TEST(CsvReaderTest, SplitsPlainFieldsIncludingEmptyOnes) {
  const std::vector<Record> records = ReadGood("a,b,c\n1,,3\n,,\nx,y,\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_THAT(records[1].fields, ElementsAre("1", "", "3"));
  EXPECT_THAT(records[2].fields, ElementsAre("", "", ""));
  EXPECT_THAT(records[3].fields, ElementsAre("x", "y", ""));
  EXPECT_EQ(records[3].line, 4u);
}

TEST(CsvReaderTest, KeepsSpacesAroundUnquotedFields) {
  const std::vector<Record> records = ReadGood(" a , b\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre(" a ", " b"));
}

TEST(CsvReaderTest, UnquotesFieldsWithDoubledQuotesAndCommas) {
  const std::vector<Record> records =
      ReadGood("\"a,b\",\"say \"\"hi\"\"\",\"\",\"\"\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a,b", "say \"hi\"", "", "\""));
}

TEST(CsvReaderTest, KeepsAQuoteInsideAnUnquotedFieldLiterally) {
  const std::vector<Record> records = ReadGood("5\" screen,x\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("5\" screen", "x"));
}

TEST(CsvReaderTest, EmbeddedNewlinesKeepLineNumbersRight) {
  const std::vector<Record> records = ReadGood(
      "h1,h2\n"                  // line 1
      "\"one\ntwo\nthree\",x\n"  // lines 2-4
      "y,\"a\"\"\nb\"\n"         // lines 5-6, escape then newline
      "z,w\n");                  // line 7
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("one\ntwo\nthree", "x"));
  EXPECT_EQ(records[2].line, 5u);
  EXPECT_THAT(records[2].fields, ElementsAre("y", "a\"\nb"));
  EXPECT_EQ(records[3].line, 7u);
  EXPECT_THAT(records[3].fields, ElementsAre("z", "w"));
}

TEST(CsvReaderTest, HandlesCrlfOutsideAndInsideQuotes) {
  const std::vector<Record> records =
      ReadGood("a,b\r\n\"x\r\ny\",\"q\"\r\nlast,\r\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b"));
  EXPECT_THAT(records[1].fields, ElementsAre("x\r\ny", "q"));
  EXPECT_EQ(records[2].line, 4u);
  EXPECT_THAT(records[2].fields, ElementsAre("last", ""));
}

TEST(CsvReaderTest, KeepsALoneCarriageReturnInsideAField) {
  const std::vector<Record> records = ReadGood("a\rb,c\r,d\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a\rb", "c\r", "d"));
}

TEST(CsvReaderTest, ReadsALastRecordWithoutLineBreak) {
  std::vector<Record> records = ReadGood("a,b\nc,\"d\"");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].fields, ElementsAre("c", "d"));
  records = ReadGood("a,b\r");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b"));
  records = ReadGood("a,");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", ""));
}

TEST(CsvReaderTest, StripsALeadingByteOrderMarkOnly) {
  const std::vector<Record> records =
      ReadGood("\xEF\xBB\xBFid,x\n\xEF\xBB\xBFy,z\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("id", "x"));
  EXPECT_EQ(records[0].line, 1u);
  // A BOM further on is ordinary (valid) text.
  EXPECT_THAT(records[1].fields, ElementsAre("\xEF\xBB\xBFy", "z"));
}

TEST(CsvReaderTest, SkipsBlankLinesButCountsThem) {
  const std::vector<Record> records =
      ReadGood("\n  \na,b\n\r\n\t \r\nc,d\n\n   ");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 3u);
  EXPECT_EQ(records[1].line, 6u);
  EXPECT_THAT(records[1].fields, ElementsAre("c", "d"));
}

TEST(CsvReaderTest, EmptyAndBlankTextHaveNoRecords) {
  EXPECT_TRUE(ReadGood("").empty());
  EXPECT_TRUE(ReadGood("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(ReadGood("\n\r\n  \n").empty());
  EXPECT_TRUE(ReadGood(" \t\r").empty());
  EXPECT_EQ(ReadGood("a,b\n  \r").size(), 1u);
}

TEST(CsvReaderTest, UnterminatedQuoteNamesTheLineWhereTheFieldStarts) {
  CsvError error;
  const std::vector<Record> records =
      ReadAll("a,b\n\"x\ny\",z\nq,\"open\nmore\nlines\n", &error);
  EXPECT_EQ(records.size(), 2u);
  EXPECT_EQ(error.line, 4u);
  EXPECT_EQ(error.field, 2u);
  EXPECT_EQ(error.what,
            "a quoted field is not closed: the closing quote is missing");
}

TEST(CsvReaderTest, RefusesTextAfterAClosingQuote) {
  CsvError error;
  ReadAll("a,b,c\n1,\"a\"b,3\n", &error);
  EXPECT_EQ(error.line, 2u);
  EXPECT_EQ(error.field, 2u);
  EXPECT_EQ(error.what,
            "text after the closing quote of a quoted field (a quote inside "
            "quotes must be doubled: \"\")");
  // A space after the quote is text too; a lone CR as well.
  ReadAll("\"a\" ,b\n", &error);
  EXPECT_EQ(error.field, 1u);
  ReadAll("x,\"a\"\ry\n", &error);
  EXPECT_EQ(error.field, 2u);
}

TEST(CsvReaderTest, InvalidUtf8NamesTheRecordLineAndField) {
  CsvError error;
  const std::vector<Record> records =
      ReadAll("a,b,c\n\"multi\nline\",ok,\"bad \xC3\x28\"\n", &error);
  EXPECT_EQ(records.size(), 1u);
  EXPECT_EQ(error.line, 2u);
  EXPECT_EQ(error.field, 3u);
  EXPECT_EQ(error.what, "invalid UTF-8 (byte 0xC3)");

  ReadAll("\xEF\xBB\xBF\xFF,b\n", &error);
  EXPECT_EQ(error.line, 1u);
  EXPECT_EQ(error.field, 1u);
  EXPECT_EQ(error.what, "invalid UTF-8 (byte 0xFF)");
}

TEST(CsvReaderTest, AnErrorIsSticky) {
  CsvReader reader("\"open\nx,y\n");
  EXPECT_EQ(reader.Read(), CsvReader::Result::kError);
  EXPECT_EQ(reader.Read(), CsvReader::Result::kError);
  EXPECT_EQ(reader.error().line, 1u);
}

TEST(CsvReaderTest, FieldsOfTheCurrentRecordSurviveUnescaping) {
  // Several escaped fields in one record share the reader's buffer.
  const std::vector<Record> records =
      ReadGood("\"a\"\"\",plain,\"b\"\"c\",\"d\"\"\"\"e\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a\"", "plain", "b\"c", "d\"\"e"));
}

}  // namespace
}  // namespace jtbd
