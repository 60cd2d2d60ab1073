#include "io/survey_reader.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;

std::string GoodFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/good/", name);
}
std::string BadFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/bad/", name);
}

Study ReadGood(absl::string_view name) {
  absl::StatusOr<Study> study = ReadSurveyCsvFile(GoodFile(name), {});
  EXPECT_TRUE(study.ok()) << study.status();
  return study.ok() ? *std::move(study) : Study();
}

std::vector<std::string> OutcomeIds(const Study& study) {
  std::vector<std::string> ids;
  for (const Outcome& outcome : study.outcomes()) ids.push_back(outcome.id);
  return ids;
}

std::vector<std::string> RespondentIds(const Study& study) {
  std::vector<std::string> ids;
  for (size_t r = 0; r < study.respondent_count(); ++r) {
    ids.push_back(study.respondent_id(r));
  }
  return ids;
}

// (importance, satisfaction) of an answer given, or (-1, -1) when none.
std::pair<int, int> AnswerOf(const Study& study, absl::string_view respondent,
                             absl::string_view outcome) {
  const ptrdiff_t r = study.FindRespondent(respondent);
  const ptrdiff_t o = study.FindOutcome(outcome);
  if (r < 0 || o < 0 || !study.HasAnswer(r, o)) return {-1, -1};
  return {study.importance(r, o), study.satisfaction(r, o)};
}

std::string AttributeOf(const Study& study, absl::string_view respondent,
                        absl::string_view name) {
  const ptrdiff_t r = study.FindRespondent(respondent);
  if (r < 0) return "<no such respondent>";
  return std::string(study.attribute(r, name));
}

using Answer = std::pair<int, int>;

// ---------------------------------------------------------------- long

TEST(ReadSurveyCsvTest, ReadsALongFile) {
  const Study study = ReadGood("long_basic.csv");
  EXPECT_THAT(OutcomeIds(study), ElementsAre("o1", "o2", "o3"));
  EXPECT_THAT(RespondentIds(study), ElementsAre("r1", "r2", "r3"));
  EXPECT_EQ(study.answer_count(), 6u);
  EXPECT_EQ(AnswerOf(study, "r1", "o1"), Answer(5, 2));
  EXPECT_EQ(AnswerOf(study, "r1", "o2"), Answer(4, 0));  // " 4 ", NA
  EXPECT_EQ(AnswerOf(study, "r1", "o3"), Answer(2, 5));
  EXPECT_EQ(AnswerOf(study, "r2", "o2"), Answer(4, 0));  // 4.0, n/a
  EXPECT_EQ(AnswerOf(study, "r2", "o1"), Answer(0, 3));  // blank importance
  EXPECT_EQ(AnswerOf(study, "r3", "o3"), Answer(1, 0));  // " 1 ", N/A
  EXPECT_EQ(AnswerOf(study, "r2", "o3"), Answer(-1, -1));
  EXPECT_EQ(AnswerOf(study, "r3", "o1"), Answer(-1, -1));

  EXPECT_THAT(study.attribute_names(), ElementsAre("segment", "Region"));
  EXPECT_EQ(AttributeOf(study, "r1", "segment"), "A");
  EXPECT_EQ(AttributeOf(study, "r1", "Region"), "North");
  EXPECT_EQ(AttributeOf(study, "r2", "segment"), "B");
  EXPECT_EQ(AttributeOf(study, "r2", "Region"), "South, East");
  EXPECT_EQ(AttributeOf(study, "r3", "segment"), "");
  EXPECT_EQ(AttributeOf(study, "r3", "Region"), "Far\nNorth");
  EXPECT_EQ(study.scale(), Scale());
}

TEST(ReadSurveyCsvTest, ReadsALongFileWithBomCrlfAndOddHeaderCase) {
  const Study study = ReadGood("long_bom_crlf.csv");
  EXPECT_THAT(OutcomeIds(study), ElementsAre("Reduce the time it takes",
                                             "Minimize, the \"cost\""));
  EXPECT_THAT(RespondentIds(study), ElementsAre("s1", "s2"));
  EXPECT_EQ(study.answer_count(), 3u);
  EXPECT_EQ(AnswerOf(study, "s1", "Reduce the time it takes"), Answer(5, 1));
  EXPECT_EQ(AnswerOf(study, "s2", "Reduce the time it takes"), Answer(3, 4));
  EXPECT_EQ(AnswerOf(study, "s1", "Minimize, the \"cost\""), Answer(4, 4));
  EXPECT_THAT(study.attribute_names(), ElementsAre("Team"));
  EXPECT_EQ(AttributeOf(study, "s1", "Team"), "Caf\xC3\xA9 \"Ops\"");
  EXPECT_EQ(AttributeOf(study, "s2", "Team"), "");
}

TEST(ReadSurveyCsvTest, LongRespondentColumnPriority) {
  // "respondent" wins over "id"; "id" is then an attribute.
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "id,outcome,importance,satisfaction,respondent\nx,o,1,2,r\n", "t.csv",
      {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(RespondentIds(*study), ElementsAre("r"));
  EXPECT_EQ(AttributeOf(*study, "r", "id"), "x");
  // respondent_id before id before subject.
  study = ReadSurveyCsv(
      "subject,id,respondent_id,outcome,importance,satisfaction\n"
      "s,i,ri,o,1,2\n",
      "t.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(RespondentIds(*study), ElementsAre("ri"));
}

// ---------------------------------------------------------------- wide

TEST(ReadSurveyCsvTest, LongStatementAndJobStepDescribeOutcomes) {
  const Study study = ReadGood("long_statements.csv");
  EXPECT_THAT(OutcomeIds(study), ElementsAre("o1", "o2"));
  EXPECT_EQ(study.outcomes()[0].statement,
            "Minimize the time it takes to locate a file, when in a hurry");
  EXPECT_EQ(study.outcomes()[0].job_step_id, "locate");
  // Blank on its first row, given later.
  EXPECT_EQ(study.outcomes()[1].statement, "Minimize the number of errors");
  EXPECT_EQ(study.outcomes()[1].job_step_id, "execute");
  // Not respondent attributes: only segment is.
  EXPECT_THAT(study.attribute_names(), ElementsAre("segment"));
  EXPECT_EQ(AnswerOf(study, "r2", "o1"), Answer(4, 3));
}

TEST(ReadSurveyCsvTest, ReadsAWideFile) {
  const Study study = ReadGood("wide_basic.csv");
  // Ids as written in the imp_ columns; sat_ matched ignoring case;
  // sat_rival_speed rates a competing solution (competitor_columns_test).
  EXPECT_THAT(OutcomeIds(study), ElementsAre("speed", "Cost_Total"));
  EXPECT_THAT(RespondentIds(study), ElementsAre("alice", "bob", "carol"));
  EXPECT_EQ(study.answer_count(), 6u);
  EXPECT_EQ(AnswerOf(study, "alice", "speed"), Answer(5, 1));
  EXPECT_EQ(AnswerOf(study, "alice", "Cost_Total"), Answer(3, 3));
  EXPECT_EQ(AnswerOf(study, "bob", "speed"), Answer(4, 0));
  EXPECT_EQ(AnswerOf(study, "bob", "Cost_Total"), Answer(0, 2));
  EXPECT_EQ(AnswerOf(study, "carol", "speed"), Answer(1, 5));
  EXPECT_EQ(AnswerOf(study, "carol", "Cost_Total"), Answer(5, 4));
  // respondent_id is the id; "id" is an ordinary attribute.
  EXPECT_THAT(study.attribute_names(), ElementsAre("segment", "id"));
  EXPECT_EQ(AttributeOf(study, "alice", "segment"), "A");
  EXPECT_EQ(AttributeOf(study, "bob", "segment"), "B");
  EXPECT_EQ(AttributeOf(study, "carol", "segment"), "");
  EXPECT_EQ(AttributeOf(study, "carol", "id"), "x3");
}

TEST(ReadSurveyCsvTest, WideWithoutIdColumnNumbersTheRows) {
  const Study study = ReadGood("wide_no_id.csv");
  EXPECT_THAT(OutcomeIds(study), ElementsAre("a"));
  // Data rows, not lines: the blank line 3 does not count.
  EXPECT_THAT(RespondentIds(study), ElementsAre("1", "2", "3"));
  EXPECT_EQ(AnswerOf(study, "1", "a"), Answer(4, 4));
  EXPECT_EQ(AnswerOf(study, "2", "a"), Answer(2, 0));
  // A row's blank pair is still an answer (0, 0), as a long row would be.
  EXPECT_EQ(AnswerOf(study, "3", "a"), Answer(0, 0));
  EXPECT_EQ(study.answer_count(), 3u);
  EXPECT_EQ(AttributeOf(study, "1", "segment"), "A");
  EXPECT_EQ(AttributeOf(study, "2", "segment"), "B");
  EXPECT_EQ(AttributeOf(study, "3", "segment"), "");
}

TEST(ReadSurveyCsvTest, WideCompetitorColumnNeedsAKnownOutcomeSuffix) {
  // sat_a_b is outcome a_b's own column, not a competitor on b;
  // sat_x__a_b rates solution x on a_b (sat_x_a_b would be ambiguous).
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "imp_b,imp_a_b,sat_a_b,sat_b,sat_x__a_b\n1,2,3,4,5\n", "t.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(OutcomeIds(*study), ElementsAre("b", "a_b"));
  EXPECT_EQ(AnswerOf(*study, "1", "b"), Answer(1, 4));
  EXPECT_EQ(AnswerOf(*study, "1", "a_b"), Answer(2, 3));
  EXPECT_EQ(study->solution_satisfaction(0, 0, 1), 5);
  EXPECT_TRUE(study->attribute_names().empty());
}

// ---------------------------------------------------------------- ratings

TEST(ReadSurveyCsvTest, RatingsFollowTheScaleOption) {
  ReadOptions options;
  options.scale = *Scale::Make(1, 7, 6);
  absl::StatusOr<Study> study =
      ReadSurveyCsv("id,imp_a,sat_a\nr,7,+6\n", "seven.csv", options);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(study->scale(), options.scale);
  EXPECT_EQ(AnswerOf(*study, "r", "a"), Answer(7, 6));

  study = ReadSurveyCsv("id,imp_a,sat_a\nr,0,1\n", "seven.csv", options);
  EXPECT_EQ(study.status().message(),
            "seven.csv: line 2, column 2 (\"imp_a\"): importance 0 is outside "
            "the scale 1-7");
  study = ReadSurveyCsv("id,imp_a,sat_a\nr,8,1\n", "seven.csv", options);
  EXPECT_EQ(study.status().message(),
            "seven.csv: line 2, column 2 (\"imp_a\"): importance 8 is outside "
            "the scale 1-7");
  study = ReadSurveyCsv("id,imp_a,sat_a\nr,99999999999999,1\n", "seven.csv",
                        options);
  EXPECT_EQ(study.status().message(),
            "seven.csv: line 2, column 2 (\"imp_a\"): importance "
            "99999999999999 is outside the scale 1-7");
}

TEST(ReadSurveyCsvTest, NegativeRecodesAreNoAnswer) {
  // Qualtrics-style recodes (-99 "not applicable", -1 "don't know").
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "id,imp_a,sat_a,imp_b,sat_b\nr,-99,-1, -1.0 ,3\n", "t.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(AnswerOf(*study, "r", "a"), Answer(0, 0));
  EXPECT_EQ(AnswerOf(*study, "r", "b"), Answer(0, 3));
  // Zero is no recode: off the scale as before.
  EXPECT_EQ(
      ReadSurveyCsv("id,imp_a,sat_a\nr,-0,1\n", "t.csv", {}).status().message(),
      "t.csv: line 2, column 2 (\"imp_a\"): importance -0 is outside "
      "the scale 1-5");
}

TEST(ReadSurveyCsvTest, RefusesTextThatIsNeitherARatingNorALabel) {
  for (const char* cell : {"four", "NaN", "Somewhat important", "x"}) {
    absl::StatusOr<Study> study = ReadSurveyCsv(
        absl::StrCat("id,imp_a,sat_a\nr,\"", cell, "\",1\n"), "t.csv", {});
    EXPECT_EQ(study.status().message(),
              absl::StrCat("t.csv: line 2, column 2 (\"imp_a\"): \"", cell,
                           "\" is neither a rating on the scale 1-5 nor a "
                           "known importance label (a label map can name it)"))
        << cell;
  }
}

TEST(ReadSurveyCsvTest, RefusesCellsThatAreNotWholeNumbers) {
  for (const char* cell :
       {"4.", ".0", "4.01", "1e3", "4 5", "--4", "0x4", "-", "4,0"}) {
    absl::StatusOr<Study> study = ReadSurveyCsv(
        absl::StrCat("id,imp_a,sat_a\nr,\"", cell, "\",1\n"), "t.csv", {});
    EXPECT_EQ(study.status().message(),
              absl::StrCat("t.csv: line 2, column 2 (\"imp_a\"): \"", cell,
                           "\" is not a whole number"))
        << cell;
  }
  // Accepted spellings: zero fractions, signs, spaces and tabs around, the
  // no-answer words in any case.
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "id,imp_a,sat_a,imp_b,sat_b,imp_c,sat_c\n"
      "r,4.00,\t+3 ,  nA  ,N/a,\"  \",2.0\n",
      "t.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(AnswerOf(*study, "r", "a"), Answer(4, 3));
  EXPECT_EQ(AnswerOf(*study, "r", "b"), Answer(0, 0));
  EXPECT_EQ(AnswerOf(*study, "r", "c"), Answer(0, 2));
}

TEST(ReadSurveyCsvTest, LongCellsAreCutInMessages) {
  const std::string cell(100, 'x');
  absl::StatusOr<Study> study = ReadSurveyCsv(
      absl::StrCat("id,imp_a,sat_a\nr,", cell, ",1\n"), "t.csv", {});
  EXPECT_EQ(study.status().message(),
            absl::StrCat("t.csv: line 2, column 2 (\"imp_a\"): \"",
                         std::string(60, 'x'),
                         "...\" is neither a rating on the scale 1-5 nor a "
                         "known importance label (a label map can name it)"));
}

TEST(ReadSurveyCsvTest, RefusesAScaleAboveWhatAByteHolds) {
  ReadOptions options;
  // Scale::Make refuses it too; set the fields to reach the reader's check.
  options.scale.min = 250;
  options.scale.max = 260;
  options.scale.top_box_min = 255;
  EXPECT_EQ(
      ReadSurveyCsv("id,imp_a,sat_a\n", "t.csv", options).status().message(),
      "t.csv: scale maximum 260 is above 255, the largest rating jtbd "
      "stores");
}

TEST(ReadSurveyCsvTest, RefusesAnInvalidScale) {
  ReadOptions options;
  options.scale.top_box_min = 9;
  absl::StatusOr<Study> study =
      ReadSurveyCsv("id,imp_a,sat_a\n", "t.csv", options);
  EXPECT_EQ(study.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(study.status().message(),
            "t.csv: top box from 9 is outside the scale 1-5");
}

// ---------------------------------------------------------------- refusals

// Reads a bad fixture; expects INVALID_ARGUMENT and returns the message
// with the path prefix replaced by "P".
std::string RefusalOf(absl::string_view name) {
  const std::string path = BadFile(name);
  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, {});
  if (study.ok()) return "<accepted>";
  EXPECT_EQ(study.status().code(), absl::StatusCode::kInvalidArgument)
      << study.status();
  std::string message(study.status().message());
  if (message.compare(0, path.size(), path) != 0) {
    return absl::StrCat("<no path prefix> ", message);
  }
  return "P" + message.substr(path.size());
}

TEST(ReadSurveyCsvRefusalTest, EmptyFile) {
  EXPECT_EQ(RefusalOf("empty.csv"), "P: line 1, column 1: the file is empty");
  EXPECT_EQ(RefusalOf("blank_lines_only.csv"),
            "P: line 1, column 1: the file is empty");
  EXPECT_EQ(ReadSurveyCsv("\xEF\xBB\xBF", "bom.csv", {}).status().message(),
            "bom.csv: line 1, column 1: the file is empty");
}

TEST(ReadSurveyCsvRefusalTest, RatingOutsideTheScale) {
  EXPECT_EQ(RefusalOf("rating_outside_scale.csv"),
            "P: line 3, column 3 (\"importance\"): importance 7 is outside "
            "the scale 1-5");
}

TEST(ReadSurveyCsvRefusalTest, NotANumber) {
  EXPECT_EQ(RefusalOf("not_a_number.csv"),
            "P: line 4, column 4 (\"imp_b\"): \"abc\" is neither a rating on "
            "the scale 1-5 nor a known importance label (a label map can name "
            "it)");
}

TEST(ReadSurveyCsvRefusalTest, NotAWholeNumber) {
  EXPECT_EQ(RefusalOf("not_whole.csv"),
            "P: line 3, column 4 (\"satisfaction\"): \"4.5\" is not a whole "
            "number");
}

TEST(ReadSurveyCsvRefusalTest, WrongNumberOfFields) {
  EXPECT_EQ(RefusalOf("wrong_field_count.csv"),
            "P: line 3, column 4: expected 3 fields, as in the header, but "
            "found 4");
  // Too few: the column is the first missing one.
  EXPECT_EQ(
      ReadSurveyCsv("id,imp_a,sat_a\nr,1\n", "t.csv", {}).status().message(),
      "t.csv: line 2, column 3 (\"sat_a\"): expected 3 fields, as in the "
      "header, but found 2");
}

TEST(ReadSurveyCsvRefusalTest, UnterminatedQuote) {
  // The record on lines 2-3 closes its quote; the one on line 5 does not.
  EXPECT_EQ(RefusalOf("unterminated_quote.csv"),
            "P: line 5, column 5 (\"note\"): a quoted field is not closed: "
            "the closing quote is missing");
}

TEST(ReadSurveyCsvRefusalTest, TextAfterAClosingQuote) {
  EXPECT_EQ(RefusalOf("text_after_quote.csv"),
            "P: line 3, column 2 (\"outcome\"): text after the closing quote "
            "of a quoted field (a quote inside quotes must be doubled: \"\")");
}

constexpr absl::string_view kUnknownLayout =
    "the header matches no known layout: expected a long layout "
    "(respondent, outcome, importance, satisfaction), a wide layout "
    "(imp_<outcome>, sat_<outcome>), or a Qualtrics, SurveyMonkey, Google "
    "Forms or Typeform export (a format can also be forced, or the columns "
    "named by a survey map)";

TEST(ReadSurveyCsvRefusalTest, HeaderWithoutAnswerColumns) {
  EXPECT_EQ(RefusalOf("no_answer_columns.csv"),
            absl::StrCat("P: line 1, column 1 (\"name\"): ", kUnknownLayout));
  // Half a long layout is no layout.
  EXPECT_EQ(
      ReadSurveyCsv("\n\nrespondent,importance,satisfaction\n", "t.csv", {})
          .status()
          .message(),
      absl::StrCat("t.csv: line 3, column 1 (\"respondent\"): ",
                   kUnknownLayout));
}

TEST(ReadSurveyCsvRefusalTest, InvalidUtf8) {
  EXPECT_EQ(RefusalOf("invalid_utf8.csv"),
            "P: line 3, column 2 (\"outcome\"): invalid UTF-8 (byte 0xC0)");
  // In the header there is no valid name to show.
  EXPECT_EQ(RefusalOf("invalid_utf8_header.csv"),
            "P: line 1, column 5: invalid UTF-8 (byte 0xED)");
}

TEST(ReadSurveyCsvRefusalTest, DuplicateAnswerInALongFile) {
  EXPECT_EQ(RefusalOf("long_duplicate_answer.csv"),
            "P: line 5, column 2 (\"outcome\"): respondent r1 already rated "
            "outcome o1 on line 2");
}

TEST(ReadSurveyCsvRefusalTest, ImportanceWithoutSatisfaction) {
  EXPECT_EQ(RefusalOf("imp_without_sat.csv"),
            "P: line 1, column 4 (\"imp_b\"): there is no sat_b column to go "
            "with this importance column");
}

TEST(ReadSurveyCsvRefusalTest, SatisfactionWithoutImportance) {
  EXPECT_EQ(RefusalOf("sat_without_imp.csv"),
            "P: line 1, column 4 (\"sat_b\"): there is no imp_b column to go "
            "with this satisfaction column");
}

TEST(ReadSurveyCsvRefusalTest, DuplicateHeaderNames) {
  EXPECT_EQ(RefusalOf("duplicate_header.csv"),
            "P: line 1, column 5 (\"segment\"): the header name repeats "
            "column 2 (names are compared ignoring case)");
}

TEST(ReadSurveyCsvRefusalTest, BlankHeaderName) {
  EXPECT_EQ(RefusalOf("blank_header_name.csv"),
            "P: line 1, column 2: the header name is blank");
}

TEST(ReadSurveyCsvRefusalTest, ConflictingAttributeInALongFile) {
  // Line 4 leaves the segment blank, which is no conflict; line 6 is.
  EXPECT_EQ(RefusalOf("attribute_conflict.csv"),
            "P: line 6, column 5 (\"segment\"): respondent r7 has segment "
            "\"A\" on line 3 but \"B\" here");
}

TEST(ReadSurveyCsvRefusalTest, ConflictingStatementInALongFile) {
  EXPECT_EQ(RefusalOf("statement_conflict.csv"),
            "P: line 4, column 3 (\"statement\"): outcome o1 has statement "
            "\"Minimize the time\" on line 2 but \"Minimize the cost\" here");
}

TEST(ReadSurveyCsvRefusalTest, LongFileWithoutRespondentColumn) {
  EXPECT_EQ(RefusalOf("long_missing_respondent.csv"),
            "P: line 1, column 1 (\"name\"): the long layout (outcome, "
            "importance, satisfaction) "
            "needs a respondent column: respondent, respondent_id, id or "
            "subject");
}

TEST(ReadSurveyCsvRefusalTest, LongFileWithoutRows) {
  EXPECT_EQ(RefusalOf("long_no_rows.csv"),
            "P: line 1, column 1 (\"respondent\"): no answers: the header "
            "is followed by no rows");
}

TEST(ReadSurveyCsvRefusalTest, WideFileWithoutRows) {
  EXPECT_EQ(RefusalOf("wide_no_rows.csv"),
            "P: line 1, column 1 (\"id\"): no answers: the header is "
            "followed by no rows");
}

TEST(ReadSurveyCsvRefusalTest, DuplicateRespondentInAWideFile) {
  EXPECT_EQ(RefusalOf("wide_duplicate_respondent.csv"),
            "P: line 6, column 1 (\"Respondent\"): respondent r1 already has "
            "a row on line 2");
}

TEST(ReadSurveyCsvRefusalTest, MixedLayouts) {
  EXPECT_EQ(RefusalOf("mixed_layouts.csv"),
            "P: line 1, column 5 (\"imp_a\"): a wide-layout answer column in "
            "a long-layout header (outcome, importance, satisfaction); use "
            "one layout");
}

TEST(ReadSurveyCsvRefusalTest, BlankRespondentId) {
  EXPECT_EQ(RefusalOf("blank_respondent_id.csv"),
            "P: line 3, column 1 (\"respondent\"): the respondent id is blank");
}

TEST(ReadSurveyCsvRefusalTest, BlankOutcomeIdAndEmptyPrefix) {
  EXPECT_EQ(ReadSurveyCsv("respondent,outcome,importance,satisfaction\n"
                          "r, ,1,1\n",
                          "t.csv", {})
                .status()
                .message(),
            "t.csv: line 2, column 2 (\"outcome\"): the outcome id is blank");
  EXPECT_EQ(ReadSurveyCsv("id,IMP_,sat_\n", "t.csv", {}).status().message(),
            "t.csv: line 1, column 2 (\"IMP_\"): the column names no outcome "
            "after its prefix");
}

TEST(ReadSurveyCsvFileTest, MissingFileIsNotFoundAndNamesThePath) {
  const std::string path = BadFile("there_is_no_such_file.csv");
  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, {});
  EXPECT_EQ(study.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(study.status().message(),
            absl::StrCat(path, ": No such file or directory"));
}

TEST(ReadSurveyCsvFileTest, ADirectoryIsRefusedNotCrashedOn) {
  const std::string path = absl::StrCat(JTBD_TEST_DATA_DIR, "/io");
  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, {});
  EXPECT_FALSE(study.ok());
  EXPECT_EQ(study.status().message(), absl::StrCat(path, ": Is a directory"));
}

// ---------------------------------------------------------------- volume

// A deterministic generator of wide rows; also tallies what it wrote.
TEST(ReadSurveyCsvFileTest, LargeGeneratedWideFileRoundTrips) {
  constexpr int kOutcomes = 24;
  std::string text = "respondent_id,segment";
  for (int o = 0; o < kOutcomes; ++o) {
    absl::StrAppend(&text, ",imp_o", o, ",sat_o", o);
  }
  text += "\r\n";
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  std::vector<long> importance_sum(kOutcomes, 0);
  std::vector<long> satisfaction_sum(kOutcomes, 0);
  std::vector<long> blank_importance(kOutcomes, 0);
  size_t respondents = 0;
  size_t segment_b = 0;
  while (text.size() < 2 * 1024 * 1024) {
    const bool b = next() % 3 == 0;
    segment_b += b;
    absl::StrAppend(&text, "resp-", respondents, b ? ",\"B, late\"" : ",A");
    for (int o = 0; o < kOutcomes; ++o) {
      const int imp = next() % 6;  // 0 = blank
      const int sat = 1 + next() % 5;
      importance_sum[o] += imp;
      satisfaction_sum[o] += sat;
      if (imp == 0) {
        ++blank_importance[o];
        text += next() % 2 ? "," : ",NA";
      } else {
        absl::StrAppend(&text, ",", imp);
      }
      absl::StrAppend(&text, ",", sat);
    }
    text += "\r\n";
    ++respondents;
  }
  const std::string path = ::testing::TempDir() + "/jtbd_io_large_wide.csv";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(std::fwrite(text.data(), 1, text.size(), file), text.size());
  std::fclose(file);

  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, {});
  std::remove(path.c_str());
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_GT(respondents, 10000u);
  ASSERT_EQ(study->respondent_count(), respondents);
  ASSERT_EQ(study->outcome_count(), static_cast<size_t>(kOutcomes));
  EXPECT_EQ(study->answer_count(), respondents * kOutcomes);
  EXPECT_EQ(study->respondent_id(respondents - 1),
            absl::StrCat("resp-", respondents - 1));
  size_t read_segment_b = 0;
  for (size_t r = 0; r < respondents; ++r) {
    read_segment_b += study->attribute(r, "segment") == "B, late";
  }
  EXPECT_EQ(read_segment_b, segment_b);
  for (int o = 0; o < kOutcomes; ++o) {
    long importance = 0, satisfaction = 0, blanks = 0;
    for (size_t r = 0; r < respondents; ++r) {
      importance += study->importance(r, o);
      satisfaction += study->satisfaction(r, o);
      blanks += study->importance(r, o) == 0;
    }
    EXPECT_EQ(importance, importance_sum[o]) << "outcome " << o;
    EXPECT_EQ(satisfaction, satisfaction_sum[o]) << "outcome " << o;
    EXPECT_EQ(blanks, blank_importance[o]) << "outcome " << o;
  }
}

}  // namespace
}  // namespace jtbd
