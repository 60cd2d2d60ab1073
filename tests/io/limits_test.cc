// ResourceLimits as the readers enforce them: each limit at exactly its
// value and one past it, and inputs shaped to make a careless (quadratic)
// reader take minutes. Those tests assert the outcome only: their runtime,
// well under a second each, is the evidence of linear time.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/crc32c.h"
#include "io/csv_reader.h"
#include "io/outcome_descriptions.h"
#include "io/rating_labels.h"
#include "io/saved_file.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

ResourceLimits Limits(uint64_t record_bytes, uint64_t columns) {
  ResourceLimits limits;
  limits.max_record_bytes = record_bytes;
  limits.max_columns = columns;
  return limits;
}

// Reads every record of `text`; the number read, or the error.
struct ReadResult {
  size_t records = 0;
  size_t last_field_count = 0;
  bool failed = false;
  CsvError error;
};

ReadResult ReadAll(absl::string_view text, const ResourceLimits& limits) {
  CsvReader reader(text, ',', limits);
  ReadResult result;
  for (;;) {
    const CsvReader::Result read = reader.Read();
    if (read == CsvReader::Result::kEnd) break;
    if (read == CsvReader::Result::kError) {
      result.failed = true;
      result.error = reader.error();
      break;
    }
    ++result.records;
    result.last_field_count = reader.fields().size();
  }
  return result;
}

// ------------------------------------------------------------ CsvReader

TEST(CsvLimitsTest, ColumnsAtTheLimitAndOnePast) {
  EXPECT_FALSE(ReadAll("a,b,c\n1,2,3\n", Limits(100, 3)).failed);
  const ReadResult past = ReadAll("a,b,c\n1,2,3,4\n", Limits(100, 3));
  ASSERT_TRUE(past.failed);
  EXPECT_TRUE(past.error.limit_exceeded);
  EXPECT_EQ(past.error.line, 2u);
  EXPECT_EQ(past.error.field, 4u);
  EXPECT_THAT(past.error.what,
              StartsWith("field 4 of the record exceeds the limit "
                         "max_columns = 3; raise it with"));
}

TEST(CsvLimitsTest, ColumnsCountedInQuotedRecordsToo) {
  EXPECT_FALSE(ReadAll("\"a\",\"b,\"\"\",c\n", Limits(100, 3)).failed);
  const ReadResult past = ReadAll("\"a\",\"b\",c,\"d\"\n", Limits(100, 3));
  ASSERT_TRUE(past.failed);
  EXPECT_TRUE(past.error.limit_exceeded);
  EXPECT_EQ(past.error.field, 4u);
}

TEST(CsvLimitsTest, ColumnsLimitBelowTheInitialArray) {
  EXPECT_EQ(ReadAll("a\nb\n", Limits(100, 1)).records, 2u);
  EXPECT_TRUE(ReadAll("a,b\n", Limits(100, 1)).error.limit_exceeded);
}

TEST(CsvLimitsTest, RecordBytesAtTheLimitAndOnePast) {
  // The line break is not part of the record: CRLF or LF alike.
  EXPECT_FALSE(ReadAll("ab,cd\n", Limits(5, 10)).failed);
  EXPECT_FALSE(ReadAll("ab,cd\r\nx\r\n", Limits(5, 10)).failed);
  EXPECT_FALSE(ReadAll("ab,cd", Limits(5, 10)).failed);
  const ReadResult past = ReadAll("x\nab,cde\n", Limits(5, 10));
  ASSERT_TRUE(past.failed);
  EXPECT_TRUE(past.error.limit_exceeded);
  EXPECT_EQ(past.error.line, 2u);
  EXPECT_EQ(past.error.field, 2u);  // the sixth byte, "e", is in field 2
  EXPECT_THAT(past.error.what,
              StartsWith("the record, over 5 bytes, exceeds the limit "
                         "max_record_bytes = 5"));
}

TEST(CsvLimitsTest, RecordBytesCountQuotesAndQuotedLineBreaks) {
  // "a\nb" with its quotes: 5 bytes.
  EXPECT_FALSE(ReadAll("\"a\nb\"\n", Limits(5, 10)).failed);
  EXPECT_FALSE(ReadAll("x,\"a\"\"b\"\n", Limits(8, 10)).failed);
  const ReadResult quoted = ReadAll("x,\"a\"\"b\"\n", Limits(7, 10));
  ASSERT_TRUE(quoted.failed);
  EXPECT_TRUE(quoted.error.limit_exceeded);
  EXPECT_EQ(quoted.error.field, 2u);
  // An unquoted field after a quoted one in the same record.
  EXPECT_FALSE(ReadAll("\"a\",bcd\n", Limits(7, 10)).failed);
  const ReadResult unquoted = ReadAll("\"a\",bcde\n", Limits(7, 10));
  ASSERT_TRUE(unquoted.failed);
  EXPECT_EQ(unquoted.error.field, 2u);
  // An unclosed quote within the limit is still malformed, not too long.
  const ReadResult unclosed = ReadAll("\"abc", Limits(10, 10));
  ASSERT_TRUE(unclosed.failed);
  EXPECT_FALSE(unclosed.error.limit_exceeded);
}

TEST(CsvLimitsTest, MillionColumnHeaderStopsAtTheLimit) {
  const std::string header = std::string(1000000, ',') + "\n";
  const ReadResult result = ReadAll(header, ResourceLimits());
  ASSERT_TRUE(result.failed);
  EXPECT_TRUE(result.error.limit_exceeded);
  EXPECT_EQ(result.error.field, 20001u);
  // The same in the quoted path.
  std::string quoted = "\"q\"";
  for (int i = 0; i < 1000000; ++i) quoted += ",\"\"";
  EXPECT_EQ(ReadAll(quoted, ResourceLimits()).error.field, 20001u);
}

// ------------------------------------------------- linear-time patterns

TEST(CsvLinearTimeTest, TenMegabytesOfEscapedQuotes) {
  std::string text = "\"";
  for (int i = 0; i < 5000000; ++i) text += "\"\"";
  text += "\"\n";
  CsvReader reader(text);
  ASSERT_EQ(reader.Read(), CsvReader::Result::kRecord);
  ASSERT_EQ(reader.fields().size(), 1u);
  EXPECT_EQ(reader.fields()[0], std::string(5000000, '"'));
}

TEST(CsvLinearTimeTest, OnlySeparators) {
  const std::string text(5000000, ',');
  const ReadResult limited = ReadAll(text, ResourceLimits());
  EXPECT_TRUE(limited.error.limit_exceeded);
  EXPECT_EQ(limited.error.field, 20001u);
  // Raised: one record of every empty field.
  const ReadResult raised = ReadAll(text, Limits(10000000, 10000000));
  EXPECT_FALSE(raised.failed);
  EXPECT_EQ(raised.records, 1u);
  EXPECT_EQ(raised.last_field_count, 5000001u);
}

TEST(CsvLinearTimeTest, RowOfCarriageReturns) {
  const std::string text = "a" + std::string(10000000, '\r') + "b\n";
  CsvReader reader(text, ',', Limits(20000000, 10));
  ASSERT_EQ(reader.Read(), CsvReader::Result::kRecord);
  EXPECT_EQ(reader.fields()[0].size(), 10000002u);
  // Without a line break at all, and over the default limit.
  const std::string bare(20000000, '\r');
  const ReadResult result = ReadAll(bare, ResourceLimits());
  EXPECT_TRUE(result.error.limit_exceeded);
}

TEST(CsvLinearTimeTest, HugeUnclosedQuoteStopsAtTheLimit) {
  const std::string text = "\"" + std::string(50000000, 'x');
  const ReadResult result = ReadAll(text, ResourceLimits());
  ASSERT_TRUE(result.failed);
  EXPECT_TRUE(result.error.limit_exceeded);
  EXPECT_EQ(result.error.field, 1u);
}

// --------------------------------------------------------- survey reader

std::string WideSurvey(int outcomes, int respondents) {
  std::string text = "respondent_id";
  for (int o = 1; o <= outcomes; ++o) absl::StrAppend(&text, ",imp_o", o);
  for (int o = 1; o <= outcomes; ++o) absl::StrAppend(&text, ",sat_o", o);
  text += "\n";
  for (int r = 1; r <= respondents; ++r) {
    absl::StrAppend(&text, "r", r);
    for (int o = 0; o < 2 * outcomes; ++o) text += ",4";
    text += "\n";
  }
  return text;
}

ReadOptions WithLimit(LimitKind kind, uint64_t value) {
  ReadOptions options;
  EXPECT_TRUE(
      SetLimit(&options.limits, static_cast<int32_t>(kind), value).ok());
  return options;
}

TEST(SurveyLimitsTest, OutcomesOfAWideHeader) {
  const std::string text = WideSurvey(3, 2);
  ASSERT_TRUE(
      ReadSurveyCsv(text, "w.csv", WithLimit(LimitKind::kOutcomes, 3)).ok());
  const auto study =
      ReadSurveyCsv(text, "w.csv", WithLimit(LimitKind::kOutcomes, 2));
  ASSERT_EQ(study.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(study.status().message()),
              StartsWith("w.csv: line 1: the header's 3 outcomes exceeds the "
                         "limit max_outcomes = 2; raise it with "
                         "jtbd_limits_set(JTBD_LIMIT_OUTCOMES) or "
                         "--max-outcomes"));
}

TEST(SurveyLimitsTest, RespondentsOfAWideFileInBothReads) {
  const std::string text = WideSurvey(2, 3);
  const ReadOptions at = WithLimit(LimitKind::kRespondents, 3);
  const ReadOptions past = WithLimit(LimitKind::kRespondents, 2);
  ASSERT_TRUE(ReadSurveyCsv(text, "w.csv", at).ok());
  ASSERT_TRUE(ReadSurveyCsvAggregate(text, "w.csv", at).ok());
  for (const absl::Status& status :
       {ReadSurveyCsv(text, "w.csv", past).status(),
        ReadSurveyCsvAggregate(text, "w.csv", past).status()}) {
    EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
    EXPECT_THAT(std::string(status.message()),
                StartsWith("w.csv: line 4: respondent 3 exceeds the limit "
                           "max_respondents = 2"));
  }
}

constexpr char kLong[] =
    "respondent,outcome,importance,satisfaction\n"
    "r1,o1,4,2\n"
    "r1,o2,5,3\n"
    "r2,o1,3,3\n"
    "r2,o2,4,4\n";

TEST(SurveyLimitsTest, RespondentsAndOutcomesOfALongFile) {
  ASSERT_TRUE(
      ReadSurveyCsv(kLong, "l.csv", WithLimit(LimitKind::kRespondents, 2))
          .ok());
  ASSERT_TRUE(
      ReadSurveyCsv(kLong, "l.csv", WithLimit(LimitKind::kOutcomes, 2)).ok());
  const auto respondents =
      ReadSurveyCsv(kLong, "l.csv", WithLimit(LimitKind::kRespondents, 1));
  EXPECT_EQ(respondents.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(respondents.status().message()),
              StartsWith("l.csv: line 4, column 1 (\"respondent\"): respondent "
                         "2 exceeds the limit max_respondents = 1"));
  const auto outcomes =
      ReadSurveyCsv(kLong, "l.csv", WithLimit(LimitKind::kOutcomes, 1));
  EXPECT_EQ(outcomes.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(outcomes.status().message()),
              StartsWith("l.csv: line 3, column 2 (\"outcome\"): outcome 2 "
                         "exceeds the limit max_outcomes = 1"));
  EXPECT_EQ(
      ReadSurveyCsvAggregate(kLong, "l.csv", WithLimit(LimitKind::kOutcomes, 1))
          .status()
          .code(),
      absl::StatusCode::kResourceExhausted);
}

TEST(SurveyLimitsTest, ColumnsAndRecordBytesNameFileLineAndColumn) {
  const std::string text = WideSurvey(2, 2);  // 5 columns
  ASSERT_TRUE(
      ReadSurveyCsv(text, "w.csv", WithLimit(LimitKind::kColumns, 5)).ok());
  const auto columns =
      ReadSurveyCsv(text, "w.csv", WithLimit(LimitKind::kColumns, 4));
  EXPECT_EQ(columns.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(columns.status().message()),
              StartsWith("w.csv: line 1, column 5: field 5 of the record "
                         "exceeds the limit max_columns = 4"));
  // Answer rows are "rN,4,4,4,4": 10 bytes. The fast path must not let a
  // longer one through.
  ASSERT_TRUE(
      ReadSurveyCsv(text, "w.csv", WithLimit(LimitKind::kRecordBytes, 41))
          .ok());  // the header is the longest record
  std::string longer = text + "r3,4,4,4,4" + std::string(40, ' ') + "\n";
  for (bool aggregate : {false, true}) {
    const ReadOptions options = WithLimit(LimitKind::kRecordBytes, 45);
    const absl::Status status =
        aggregate ? ReadSurveyCsvAggregate(longer, "w.csv", options).status()
                  : ReadSurveyCsv(longer, "w.csv", options).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
    EXPECT_THAT(std::string(status.message()),
                StartsWith("w.csv: line 4, column 5 (\"sat_o2\"): the record, "
                           "over 45 bytes, exceeds the limit "
                           "max_record_bytes = 45"));
  }
}

TEST(SurveyLinearTimeTest, TwentyThousandIdenticalHeaderNames) {
  std::string text = "respondent_id,imp_a,sat_a";
  for (int i = 0; i < 19997; ++i) text += ",note";
  text += "\n";
  const auto study = ReadSurveyCsv(text, "h.csv", ReadOptions());
  EXPECT_EQ(study.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(study.status().message()),
              HasSubstr("line 1, column 5 (\"note\"): the header name repeats "
                        "column 4"));
  // A layout that allows repeated names (Google Forms, after a timestamp).
  std::string forms = "Timestamp";
  for (int i = 0; i < 19999; ++i) forms += ",Comment";
  forms += "\n";
  const auto forms_study = ReadSurveyCsv(forms, "g.csv", ReadOptions());
  EXPECT_FALSE(forms_study.ok());  // no rating questions; refused quickly
}

TEST(SurveyLinearTimeTest, ManyRespondentsAndARepeatedId) {
  std::string text = WideSurvey(2, 100000);
  ASSERT_TRUE(ReadSurveyCsv(text, "w.csv", ReadOptions()).ok());
  text += "r7,1,1,1,1\n";
  const auto study = ReadSurveyCsv(text, "w.csv", ReadOptions());
  EXPECT_THAT(std::string(study.status().message()),
              HasSubstr("respondent r7 already has a row on line 8"));
  std::string long_text = "respondent,outcome,importance,satisfaction\n";
  for (int r = 0; r < 50000; ++r) {
    absl::StrAppend(&long_text, "r", r, ",o1,4,4\nr", r, ",o2,3,3\n");
  }
  const auto long_study = ReadSurveyCsv(long_text, "l.csv", ReadOptions());
  ASSERT_TRUE(long_study.ok()) << long_study.status();
  EXPECT_EQ(long_study->respondent_count(), 50000u);
}

// ------------------------------------------- labels, descriptions, maps

TEST(OtherReadersLimitsTest, LabelMapRecordOverTheDefaultLimit) {
  const std::string labels =
      "label,rating\n" + std::string(17 * 1024 * 1024, 'x') + ",3\n";
  const auto parsed = RatingLabels::Parse(labels, "labels.csv");
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(parsed.status().message()),
              StartsWith("labels.csv: line 2, column 1: the record, over "
                         "16777216 bytes, exceeds the limit max_record_bytes"));
}

TEST(OtherReadersLimitsTest, DeeplyNestedJsonMapsAreRefusedQuickly) {
  const std::string arrays =
      "{\"x\": " + std::string(1000000, '[') + std::string(1000000, ']') + "}";
  const auto labels = RatingLabels::Parse(arrays, "labels.json");
  EXPECT_EQ(labels.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(labels.status().message()),
              StartsWith("labels.json: line 1, column 106: the nesting"));
  const auto map = ParseSurveyMapJson(arrays, "map.json");
  EXPECT_EQ(map.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(map.status().message()),
              HasSubstr("max_json_depth = 100"));
}

// A saved file whose (checksummed) header announces more content than
// max_request_bytes is refused on the header alone.
TEST(OtherReadersLimitsTest, SavedFileHeaderAnnouncingTooMuch) {
  auto with_size = [](uint64_t size) {
    std::string bytes = EncodeSavedFile(SavedFileKind::kStudy, "");
    for (int i = 0; i < 8; ++i) {
      bytes[16 + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
    }
    const uint32_t crc = Crc32c(absl::string_view(bytes).substr(0, 28));
    for (int i = 0; i < 4; ++i) {
      bytes[28 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
    }
    return bytes;
  };
  const uint64_t limit = ResourceLimits::kDefaultMaxRequestBytes;
  // At the limit: only the missing bytes are wrong.
  EXPECT_EQ(DecodeSavedFile(with_size(limit), SavedFileKind::kStudy, "s.jtbd")
                .status()
                .code(),
            absl::StatusCode::kDataLoss);
  const absl::Status past =
      DecodeSavedFile(with_size(limit + 1), SavedFileKind::kStudy, "s.jtbd")
          .status();
  EXPECT_EQ(past.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(past.message()),
              StartsWith("s.jtbd: the content the header announces: "
                         "1073741825 bytes exceeds the limit "
                         "max_request_bytes = 1073741824"));
}

// Label maps and outcome descriptions take the limits of the read they are
// for: a limit set low refuses what the defaults accept.
TEST(OtherReadersLimitsTest, LabelMapHeldToTheGivenLimits) {
  const std::string labels = "label,rating,kind\nGreat,5,importance\n";
  ASSERT_TRUE(RatingLabels::Parse(labels, "l.csv").ok());
  ResourceLimits limits;
  limits.max_columns = 2;
  const auto columns = RatingLabels::Parse(labels, "l.csv", limits);
  EXPECT_EQ(columns.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(columns.status().message()),
              StartsWith("l.csv: line 1, column 3: field 3 of the record "
                         "exceeds the limit max_columns = 2"));
  limits = ResourceLimits();
  // The longest record, "Great,5,importance", has 18 bytes.
  limits.max_record_bytes = 18;
  EXPECT_TRUE(RatingLabels::Parse(labels, "l.csv", limits).ok());
  limits.max_record_bytes = 17;
  const auto record = RatingLabels::Parse(labels, "l.csv", limits);
  EXPECT_EQ(record.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(record.status().message()),
              StartsWith("l.csv: line 2, column 3"));
  EXPECT_THAT(std::string(record.status().message()),
              HasSubstr("max_record_bytes = 17"));
  limits = ResourceLimits();
  limits.max_request_bytes = labels.size() - 1;
  const auto bytes = RatingLabels::Parse(labels, "l.csv", limits);
  EXPECT_EQ(bytes.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(bytes.status().message()),
              StartsWith(absl::StrCat("l.csv: ", labels.size(),
                                      " bytes exceeds the limit "
                                      "max_request_bytes = ",
                                      labels.size() - 1)));
  const std::string json = R"({"importance": {"Great": 5}})";
  ASSERT_TRUE(RatingLabels::Parse(json, "l.json").ok());
  limits = ResourceLimits();
  limits.max_json_depth = 1;
  const auto depth = RatingLabels::Parse(json, "l.json", limits);
  EXPECT_EQ(depth.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(depth.status().message()),
              HasSubstr("l.json: line 1, column 16: the nesting of JSON "
                        "objects and arrays exceeds the limit "
                        "max_json_depth = 1"));
}

TEST(OtherReadersLimitsTest, LabelFileOverMaxRequestBytesIsRefused) {
  const std::string path = ::testing::TempDir() + "/limits_labels.csv";
  const std::string labels = "label,rating\nGreat,5\n";
  {
    FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::fwrite(labels.data(), 1, labels.size(), file);
    std::fclose(file);
  }
  ASSERT_TRUE(RatingLabels::ParseFile(path).ok());
  ResourceLimits limits;
  limits.max_request_bytes = labels.size() - 1;
  const auto parsed = RatingLabels::ParseFile(path, limits);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(parsed.status().message()),
              HasSubstr("max_request_bytes"));
  std::remove(path.c_str());
}

TEST(OtherReadersLimitsTest, OutcomeDescriptionsHeldToTheGivenLimits) {
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "respondent_id,imp_a,sat_a\nr1,5,2\n", "w.csv", ReadOptions());
  ASSERT_TRUE(study.ok()) << study.status();
  const std::string descriptions =
      "id,statement,job_step\na,Minimize the time,Prepare\n";
  ResourceLimits limits;
  limits.max_columns = 2;
  const absl::Status columns =
      ReadOutcomeDescriptionsCsv(descriptions, "d.csv", &*study, limits);
  EXPECT_EQ(columns.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(columns.message()),
              StartsWith("d.csv: line 1, column 3"));
  EXPECT_THAT(std::string(columns.message()), HasSubstr("max_columns = 2"));
  limits = ResourceLimits();
  // The header has 21 bytes; the second record 27, its 22nd in field 3.
  limits.max_record_bytes = 21;
  EXPECT_THAT(std::string(ReadOutcomeDescriptionsCsv(descriptions, "d.csv",
                                                     &*study, limits)
                              .message()),
              HasSubstr("d.csv: line 2, column 3"));
  limits = ResourceLimits();
  limits.max_request_bytes = 10;
  const absl::Status bytes =
      ReadOutcomeDescriptionsCsv(descriptions, "d.csv", &*study, limits);
  EXPECT_EQ(bytes.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(bytes.message()),
              StartsWith(absl::StrCat("d.csv: ", descriptions.size(),
                                      " bytes exceeds the limit "
                                      "max_request_bytes = 10")));
  EXPECT_EQ(study->outcomes()[0].statement, "") << "the study is unchanged";
  // The defaults accept it all.
  ASSERT_TRUE(ReadOutcomeDescriptionsCsv(descriptions, "d.csv", &*study).ok());
  EXPECT_EQ(study->outcomes()[0].statement, "Minimize the time");
}

// A saved aggregate announcing more respondents than a report counts is
// refused on load, as scoring would refuse it.
TEST(OtherReadersLimitsTest, SavedAggregateRespondentCountOver32Bits) {
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "respondent_id,imp_a,sat_a\nr1,5,2\n", "w.csv", ReadOptions());
  ASSERT_TRUE(study.ok());
  v1::Aggregate proto = study->ToAggregate().ToProto();
  proto.set_respondent_count(uint64_t{1} << 32);
  const std::string over =
      EncodeSavedFile(SavedFileKind::kAggregate, proto.SerializeAsString());
  const auto refused = ParseAggregateFile(over, "a.jtbd");
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(std::string(refused.status().message()),
              HasSubstr("aggregate respondent_count 4294967296 exceeds the "
                        "report's 32-bit counts"));
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("a.jtbd"));
  proto.set_respondent_count((uint64_t{1} << 32) - 1);
  const auto loaded = ParseAggregateFile(
      EncodeSavedFile(SavedFileKind::kAggregate, proto.SerializeAsString()),
      "a.jtbd");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->respondent_count(), (uint64_t{1} << 32) - 1);
}

}  // namespace
}  // namespace jtbd
