// The dialects survey files arrive in: separators, UTF-16, no-break spaces.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/text_encoding.h"
#include "io/text_normalize.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;

std::vector<std::vector<std::string>> Records(absl::string_view text,
                                              char separator) {
  CsvReader reader(text, separator);
  std::vector<std::vector<std::string>> records;
  while (reader.Read() == CsvReader::Result::kRecord) {
    records.emplace_back(reader.fields().begin(), reader.fields().end());
  }
  EXPECT_EQ(reader.error().what, "");
  return records;
}

// UTF-16 bytes of ASCII/BMP text given as UTF-8, with a byte order mark.
std::string Utf16(const std::u16string& text, bool little_endian, bool bom) {
  std::string bytes;
  auto put = [&](char16_t unit) {
    const char high = static_cast<char>(unit >> 8);
    const char low = static_cast<char>(unit & 0xFF);
    bytes += little_endian ? std::string{low, high} : std::string{high, low};
  };
  if (bom) put(0xFEFF);
  for (char16_t unit : text) put(unit);
  return bytes;
}

// ------------------------------------------------------------ separators

TEST(DetectSeparatorTest, PicksTheSeparatorThatSplitsTheHeaderMost) {
  EXPECT_EQ(CsvReader::DetectSeparator("a,b,c\n1;2;3;4;5\n"), ',');
  EXPECT_EQ(CsvReader::DetectSeparator("a;b;c\n1,2\n"), ';');
  EXPECT_EQ(CsvReader::DetectSeparator("a\tb\tc\n"), '\t');
  // French Excel: ';' between fields, commas inside them.
  EXPECT_EQ(CsvReader::DetectSeparator("id;note, longue;imp_a\n"), ';');
  EXPECT_EQ(CsvReader::DetectSeparator("id;a,b;c,d;e\n"), ';');
}

TEST(DetectSeparatorTest, TiesAndNothingGoToComma) {
  EXPECT_EQ(CsvReader::DetectSeparator("a,b;c\n"), ',');
  EXPECT_EQ(CsvReader::DetectSeparator("a,b\tc\n"), ',');
  EXPECT_EQ(CsvReader::DetectSeparator("single\n"), ',');
  EXPECT_EQ(CsvReader::DetectSeparator(""), ',');
  // Between ';' and TAB (no comma), ';' wins a tie.
  EXPECT_EQ(CsvReader::DetectSeparator("a;b\tc\n"), ';');
}

TEST(DetectSeparatorTest, CountsOnlyOutsideQuotesAndOnTheFirstRecord) {
  EXPECT_EQ(CsvReader::DetectSeparator("\"a;b;c;d\",e,f\n"), ',');
  EXPECT_EQ(CsvReader::DetectSeparator("\"x,\"\"y\"\",z\";b;c\n"), ';');
  // A quoted line break belongs to the header record.
  EXPECT_EQ(CsvReader::DetectSeparator("\"a\nb\";c;d\n1,2,3,4,5,6\n"), ';');
  // A BOM and blank lines (even with tabs) come before the header.
  EXPECT_EQ(CsvReader::DetectSeparator("\xEF\xBB\xBF\n \t \r\na;b\n"), ';');
}

TEST(CsvReaderDialectTest, SplitsOnTheSeparatorGiven) {
  EXPECT_THAT(
      Records("a;\"b;c\";d,e\n1;;3\n", ';'),
      ElementsAre(ElementsAre("a", "b;c", "d,e"), ElementsAre("1", "", "3")));
  EXPECT_THAT(Records("a\t\"b\tc\"\t\r\n", '\t'),
              ElementsAre(ElementsAre("a", "b\tc", "")));
}

TEST(CsvReaderDialectTest, SeekReadsARecordAgain) {
  CsvReader reader("h\n1\n2\n");
  ASSERT_EQ(reader.Read(), CsvReader::Result::kRecord);
  const CsvReader::Position before = reader.position();
  ASSERT_EQ(reader.Read(), CsvReader::Result::kRecord);
  EXPECT_THAT(reader.fields(), ElementsAre("1"));
  reader.Seek(before);
  ASSERT_EQ(reader.Read(), CsvReader::Result::kRecord);
  EXPECT_THAT(reader.fields(), ElementsAre("1"));
  EXPECT_EQ(reader.record_line(), 2u);
  ASSERT_EQ(reader.Read(), CsvReader::Result::kRecord);
  EXPECT_EQ(reader.record_line(), 3u);
}

// ------------------------------------------------------------ UTF-16

TEST(DecodeSurveyTextTest, LeavesUtf8AsItIs) {
  std::string storage;
  auto text = DecodeSurveyText("a,b\n", "t", &storage);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->utf8, "a,b\n");
  EXPECT_EQ(text->encoding, TextEncoding::kUtf8);
  text = DecodeSurveyText(
      "\xEF\xBB\xBF"
      "a",
      "t", &storage);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->utf8,
            "\xEF\xBB\xBF"
            "a");  // the CSV reader skips it
  EXPECT_EQ(text->encoding, TextEncoding::kUtf8WithBom);
  EXPECT_STREQ(TextEncodingName(text->encoding), "UTF-8 with BOM");
}

TEST(DecodeSurveyTextTest, ConvertsUtf16WithAByteOrderMark) {
  // "é" (U+00E9), "€" (U+20AC) and "𝄞" (U+1D11E, a surrogate pair).
  const std::u16string text = u"id\tnote\r\nr1\t\u00e9\u20ac\U0001D11E\r\n";
  const std::string expected =
      "id\tnote\r\nr1\t\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\r\n";
  for (bool little_endian : {true, false}) {
    std::string storage;
    auto decoded =
        DecodeSurveyText(Utf16(text, little_endian, true), "t", &storage);
    ASSERT_TRUE(decoded.ok()) << decoded.status();
    EXPECT_EQ(decoded->utf8, expected);
    EXPECT_EQ(decoded->encoding,
              little_endian ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be);
  }
}

TEST(DecodeSurveyTextTest, RecognizesUtf16WithoutAByteOrderMark) {
  for (bool little_endian : {true, false}) {
    std::string storage;
    auto decoded =
        DecodeSurveyText(Utf16(u"id,x\n", little_endian, false), "t", &storage);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->utf8, "id,x\n");
    EXPECT_EQ(decoded->encoding,
              little_endian ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be);
  }
}

TEST(DecodeSurveyTextTest, RefusalsNameTheLine) {
  std::string storage;
  // Line 3 holds a lone low surrogate.
  std::u16string text = u"a\nb\nc";
  text += static_cast<char16_t>(0xDC00);
  auto decoded = DecodeSurveyText(Utf16(text, true, true), "u.txt", &storage);
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(decoded.status().message(),
            "u.txt: line 3: invalid UTF-16: low surrogate 0xDC00 without a "
            "high surrogate before it");
  text = u"a\n";
  text += static_cast<char16_t>(0xD834);
  text += u"x";
  decoded = DecodeSurveyText(Utf16(text, false, true), "u.txt", &storage);
  EXPECT_EQ(decoded.status().message(),
            "u.txt: line 2: invalid UTF-16: high surrogate 0xD834 is not "
            "followed by a low surrogate");
  decoded =
      DecodeSurveyText(Utf16(u"a\n\nb", true, true) + "x", "u.txt", &storage);
  EXPECT_EQ(decoded.status().message(),
            "u.txt: line 3: invalid UTF-16: the file ends in the middle of a "
            "character (an odd number of bytes)");
}

// ------------------------------------------------------------ spaces

TEST(TrimSpacesTest, TrimsNoBreakSpacesToo) {
  EXPECT_EQ(TrimSpaces("\xC2\xA0 a b\t\xE2\x80\xAF"), "a b");
  EXPECT_EQ(TrimSpaces("\xC2\xA0\xC2\xA0"), "");
  // Inside, and other characters of the same lead bytes, stay.
  EXPECT_EQ(TrimSpaces("a\xC2\xA0"
                       "b"),
            "a\xC2\xA0"
            "b");
  EXPECT_EQ(TrimSpaces("\xC3\xA9"), "\xC3\xA9");
  EXPECT_EQ(TrimSpaces("\xE2\x80\xA6"), "\xE2\x80\xA6");  // an ellipsis
}

TEST(NormalizeTextTest, FoldsCaseAccentsSpacesAndApostrophes) {
  EXPECT_EQ(NormalizeText("  Extr\xC3\xAAmement\xC2\xA0IMPORTANT "),
            "extremement important");
  EXPECT_EQ(NormalizeText("Tr\xC3\x88S\xE2\x80\xAF satisfait\n"),
            "tres satisfait");
  EXPECT_EQ(NormalizeText("Don\xE2\x80\x99t  know"), "don't know");
  EXPECT_EQ(NormalizeText("\xC5\x92uvre \xC3\x87"
                          "a \xC3\x9F \xC5\xBD"),
            "oeuvre ca ss z");
  // Other scripts and symbols are kept.
  EXPECT_EQ(NormalizeText("\xC3\x97 \xE2\x82\xAC \xD0\x96"),
            "\xC3\x97 \xE2\x82\xAC \xD0\x96");
  EXPECT_EQ(NormalizeText(""), "");
}

// ------------------------------------------------------------ files

TEST(FileBytesTest, MapsRegularFilesAndReadsTheRest) {
  const std::string path =
      absl::StrCat(JTBD_TEST_DATA_DIR, "/io/formats/expected_long.csv");
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  ASSERT_TRUE(file.ok()) << file.status();
  absl::StatusOr<std::string> copy = ReadWholeFile(path);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(file->bytes(), *copy);
  FileBytes moved = *std::move(file);
  EXPECT_EQ(moved.bytes(), *copy);
  // An empty file cannot be mapped; it still reads, as nothing.
  const std::string empty =
      absl::StrCat(JTBD_TEST_DATA_DIR, "/io/bad/empty.csv");
  absl::StatusOr<FileBytes> nothing = FileBytes::Open(empty);
  ASSERT_TRUE(nothing.ok());
  EXPECT_EQ(nothing->bytes(), "");
  EXPECT_EQ(FileBytes::Open("/nonexistent/survey.csv").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace jtbd
