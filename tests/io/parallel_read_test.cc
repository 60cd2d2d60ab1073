// The aggregate read of a large wide file counts parts of the text on
// several threads (survey_rows_parallel.cc). Texts here are a few MB, past
// the size where that starts: the aggregate must equal the Study's (read
// one row at a time), and whatever the parts cannot handle — a repeated id
// across parts, a bad rating, quotes, a blank line, a missing final line
// break, the respondent limit — must give exactly the one-thread result.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "gtest/gtest.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

constexpr int kOutcomes = 40;

// About 3 MB: 18,000 rows of 40 outcomes, 2 % blank cells.
std::string WideText(int rows = 18000) {
  std::mt19937 rng(18);
  std::string text = "respondent_id,segment";
  for (int o = 0; o < kOutcomes; ++o) {
    absl::StrAppend(&text, ",imp_o", o, ",sat_o", o);
  }
  text += '\n';
  for (int r = 0; r < rows; ++r) {
    absl::StrAppend(&text, "r", r, r % 3 == 0 ? ",field" : ",office");
    for (int c = 0; c < 2 * kOutcomes; ++c) {
      text += ',';
      if (rng() % 50 != 0) text += static_cast<char>('1' + rng() % 5);
    }
    text += '\n';
  }
  return text;
}

// Both reads give the same outcome, and when they succeed the same tables.
void ExpectSameAsStudy(const std::string& text,
                       const ReadOptions& options = ReadOptions()) {
  const absl::StatusOr<Aggregate> aggregate =
      ReadSurveyCsvAggregate(text, "w.csv", options);
  const absl::StatusOr<Study> study = ReadSurveyCsv(text, "w.csv", options);
  ASSERT_EQ(aggregate.ok(), study.ok())
      << aggregate.status() << " vs " << study.status();
  if (!study.ok()) {
    EXPECT_EQ(aggregate.status(), study.status());
    return;
  }
  EXPECT_EQ(aggregate->ToProto().SerializeAsString(),
            study->ToAggregate().ToProto().SerializeAsString());
  EXPECT_EQ(aggregate->respondent_count(), study->respondent_count());
}

// Replaces line `line` (1-based, the header is line 1) of `text`.
std::string WithLine(std::string text, int line, const std::string& with) {
  size_t begin = 0;
  for (int l = 1; l < line; ++l) begin = text.find('\n', begin) + 1;
  const size_t end = text.find('\n', begin);
  return text.replace(begin, end - begin, with);
}

std::string Row(const std::string& id, const std::string& cell) {
  std::string row = id + ",field";
  for (int c = 0; c < 2 * kOutcomes; ++c) row += "," + cell;
  return row;
}

TEST(ParallelReadTest, PlainFileEqualsTheStudyRead) {
  ExpectSameAsStudy(WideText());
}

TEST(ParallelReadTest, IdRepeatedInAnotherPartIsRefusedAtItsLine) {
  const std::string text = WithLine(WideText(), 17000, Row("r5", "3"));
  const absl::Status status =
      ReadSurveyCsvAggregate(text, "w.csv", ReadOptions()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(status.message()).find("line 17000"), std::string::npos)
      << status;
  ExpectSameAsStudy(text);
}

TEST(ParallelReadTest, BadRatingLateInTheFileIsRefusedAsBefore) {
  ExpectSameAsStudy(WithLine(WideText(), 16000, Row("x1", "7")));
}

TEST(ParallelReadTest, QuotedFieldsAndLabelsGoTheOneThreadWay) {
  // A quoted line break: the cut must not fall inside it.
  ExpectSameAsStudy(WithLine(
      WideText(), 12000, "\"r-quoted\nid\",field" + Row("", "4").substr(6)));
  ExpectSameAsStudy(WithLine(WideText(), 15000, Row("x2", "4.0")));
}

TEST(ParallelReadTest, BlankLineAndMissingFinalLineBreak) {
  ExpectSameAsStudy(WithLine(WideText(), 14000, ""));
  std::string text = WideText();
  text.pop_back();
  ExpectSameAsStudy(text);
  ExpectSameAsStudy(text + "\r\n");
}

TEST(ParallelReadTest, RespondentLimitIsNamedAtItsRow) {
  ReadOptions options;
  options.limits.max_respondents = 17999;
  const absl::Status status =
      ReadSurveyCsvAggregate(WideText(), "w.csv", options).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(std::string(status.message()).find("line 18001"), std::string::npos)
      << status;
}

}  // namespace
}  // namespace jtbd
