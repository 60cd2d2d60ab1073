// Survey exports (Qualtrics, SurveyMonkey, Google Forms, Typeform), dialects
// and survey maps. Each export fixture (tests/data/io/formats, written by
// hand from the published layouts) carries the same answers as
// expected_long.csv, and every importer is checked against that one long
// file.
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "io/source_position.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string FormatFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/formats/", name);
}
std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  EXPECT_TRUE(in.good() || in.eof()) << path;
  return bytes.str();
}

std::string GoodFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/good/", name);
}
std::string BadFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/bad/", name);
}

Study Read(const std::string& path, const ReadOptions& options = {},
           SurveyInspection* inspection = nullptr) {
  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, options, inspection);
  EXPECT_TRUE(study.ok()) << study.status();
  return study.ok() ? *std::move(study) : Study();
}

// The refusal's message with the path replaced by "P".
std::string Refusal(const std::string& path, const ReadOptions& options = {}) {
  absl::StatusOr<Study> study = ReadSurveyCsvFile(path, options);
  if (study.ok()) return "<accepted>";
  EXPECT_EQ(study.status().code(), absl::StatusCode::kInvalidArgument)
      << study.status();
  std::string message(study.status().message());
  if (message.compare(0, path.size(), path) == 0) {
    message = "P" + message.substr(path.size());
  }
  return message;
}

std::vector<std::string> Statements(const Study& study) {
  std::vector<std::string> statements;
  for (const Outcome& outcome : study.outcomes()) {
    statements.push_back(outcome.statement);
  }
  return statements;
}

std::vector<std::string> RespondentIds(const Study& study) {
  std::vector<std::string> ids;
  for (size_t r = 0; r < study.respondent_count(); ++r) {
    ids.push_back(study.respondent_id(r));
  }
  return ids;
}

// Compares answers (by respondent position and outcome id), statements and
// one attribute with the long-format expectation.
void ExpectSameAsLong(const Study& study, absl::string_view role_attribute,
                      bool same_statements = true) {
  const Study expected = Read(FormatFile("expected_long.csv"));
  ASSERT_EQ(study.outcome_count(), expected.outcome_count());
  ASSERT_EQ(study.respondent_count(), expected.respondent_count());
  for (size_t o = 0; o < expected.outcome_count(); ++o) {
    EXPECT_EQ(study.outcomes()[o].id, expected.outcomes()[o].id);
    if (same_statements) {
      EXPECT_EQ(study.outcomes()[o].statement,
                expected.outcomes()[o].statement);
    }
  }
  for (size_t r = 0; r < expected.respondent_count(); ++r) {
    for (size_t o = 0; o < expected.outcome_count(); ++o) {
      EXPECT_TRUE(study.HasAnswer(r, o)) << r << " " << o;
      EXPECT_EQ(study.importance(r, o), expected.importance(r, o))
          << "respondent " << r << ", outcome " << o;
      EXPECT_EQ(study.satisfaction(r, o), expected.satisfaction(r, o))
          << "respondent " << r << ", outcome " << o;
    }
    if (!role_attribute.empty()) {
      EXPECT_EQ(study.attribute(r, role_attribute),
                expected.attribute(r, "role"))
          << r;
    }
  }
  EXPECT_EQ(study.answer_count(), 12u);
}

// Same outcomes, respondents, answers and attributes.
void ExpectSameStudy(const Study& a, const Study& b) {
  ASSERT_EQ(a.outcomes(), b.outcomes());
  ASSERT_EQ(RespondentIds(a), RespondentIds(b));
  EXPECT_EQ(a.attribute_names(), b.attribute_names());
  EXPECT_EQ(a.answer_count(), b.answer_count());
  for (size_t r = 0; r < a.respondent_count(); ++r) {
    for (size_t o = 0; o < a.outcome_count(); ++o) {
      EXPECT_EQ(a.HasAnswer(r, o), b.HasAnswer(r, o));
      EXPECT_EQ(a.importance(r, o), b.importance(r, o));
      EXPECT_EQ(a.satisfaction(r, o), b.satisfaction(r, o));
    }
    for (const std::string& name : a.attribute_names()) {
      EXPECT_EQ(a.attribute(r, name), b.attribute(r, name));
    }
  }
}

// ------------------------------------------------------------ Qualtrics

TEST(QualtricsTest, ReadsTheThreeRowExport) {
  SurveyInspection inspection;
  const Study study = Read(FormatFile("qualtrics.csv"), {}, &inspection);
  ExpectSameAsLong(study, "Q1");
  EXPECT_THAT(RespondentIds(study), ElementsAre("R_1AbCdEfGh", "R_2BcDeFgHi",
                                                "R_3CdEfGhIj", "R_4DeFgHiJk"));
  // Metadata is not kept, except where it can segment or link to a CRM.
  EXPECT_THAT(study.attribute_names(),
              ElementsAre("DistributionChannel", "UserLanguage", "Q1",
                          "ExternalReference"));
  EXPECT_EQ(study.attribute(1, "ExternalReference"), "CRM-0042");
  EXPECT_EQ(study.attribute(1, "DistributionChannel"), "email");

  ASSERT_TRUE(inspection.layout_known);
  const SurveyLayout& layout = inspection.layout;
  EXPECT_EQ(layout.format, v1::SURVEY_FORMAT_QUALTRICS);
  EXPECT_EQ(layout.header_rows, 3u);
  EXPECT_EQ(layout.respondent_column, 8);
  ASSERT_EQ(layout.outcomes.size(), 3u);
  EXPECT_EQ(layout.outcomes[2].importance, 20u);    // Q2_3
  EXPECT_EQ(layout.outcomes[2].satisfaction, 23u);  // Q3_3
  EXPECT_THAT(layout.importance_questions,
              ElementsAre("Q2 (\"How important is each of the following to "
                          "you when you cut wood?\")"));
  EXPECT_THAT(layout.satisfaction_questions,
              ElementsAre("Q3 (\"How satisfied are you with your current saw "
                          "on each of the following?\")"));
  // 14 metadata columns, Duration (in seconds) read as durations.
  EXPECT_EQ(layout.ignored_columns.size(), 12u);
  EXPECT_EQ(layout.duration_column, 5);
  EXPECT_EQ(study.duration(0), 463);
  EXPECT_EQ(inspection.rows, 4u);
  EXPECT_EQ(inspection.encoding, TextEncoding::kUtf8);
}

TEST(QualtricsTest, ReadsTheLegacyExportWithLabelText) {
  SurveyInspection inspection;
  const Study study = Read(FormatFile("qualtrics_legacy.csv"), {}, &inspection);
  ExpectSameAsLong(study, "Q1");
  EXPECT_EQ(inspection.layout.format, v1::SURVEY_FORMAT_QUALTRICS_LEGACY);
  EXPECT_EQ(inspection.layout.header_rows, 2u);
  EXPECT_EQ(study.respondent_id(3), "R_4DeFgHiJk");
  EXPECT_THAT(study.attribute_names(),
              ElementsAre("Q1", "ExternalDataReference"));
  EXPECT_EQ(study.attribute(1, "ExternalDataReference"), "CRM-0042");
}

TEST(QualtricsTest, WithoutTheImportIdRowTheThirdRecordIsAnswers) {
  const std::string csv =
      "StartDate,ResponseId,Q2_1,Q3_1\n"
      "Start Date,Response ID,How important? - Cut,How satisfied? - Cut\n"
      "2024-01-01,R_1,5,1\n"
      "2024-01-02,R_2,4,2\n";
  absl::StatusOr<Study> study = ReadSurveyCsv(csv, "q.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(RespondentIds(*study), ElementsAre("R_1", "R_2"));
  EXPECT_EQ(study->importance(0, 0), 5);
  EXPECT_EQ(study->outcomes()[0].statement, "Cut");
}

TEST(QualtricsTest, StatementIsTheTextAfterTheLastDash) {
  const std::string csv =
      "StartDate,ResponseId,Q2_1,Q3_1\n"
      "Start Date,Response ID,How important - really - is this? - Self - "
      "service,How satisfied - really - are you? - Self - service\n"
      "2024-01-01,R_1,5,1\n";
  absl::StatusOr<Study> study = ReadSurveyCsv(csv, "q.csv", {});
  ASSERT_TRUE(study.ok()) << study.status();
  // A statement holding " - " is cut: the documented ambiguity.
  EXPECT_EQ(study->outcomes()[0].statement, "service");
}

TEST(QualtricsTest, QuestionsNamedByOptionsPairInOrder) {
  // Q4/Q5 hold a second page of outcomes; Q6 reads as importance too but
  // is not named.
  const std::string csv =
      "StartDate,ResponseId,Q2_1,Q2_2,Q3_1,Q3_2,Q4_1,Q5_1,Q6_1\n"
      "Start Date,Response ID,Rate A - a1,Rate A - a2,Rate B - a1,Rate B - "
      "a2,Rate C - c1,Rate D - c1,How important overall? - x\n"
      "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"_"
      "recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_1\"\"}\",\"{\"\"ImportId\""
      "\":\"\"QID2_2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_1\"\"}\",\"{\"\""
      "ImportId\"\":\"\"QID3_2\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_1\"\"}\","
      "\"{\"\"ImportId\"\":\"\"QID5_1\"\"}\",\"{\"\"ImportId\"\":\"\"QID6_1\""
      "\"}\"\n"
      "2024-01-01,R_1,1,2,3,4,5,1,3\n";
  ReadOptions options;
  options.importance_questions = {"q2", "QID4"};      // an id and an ImportId
  options.satisfaction_questions = {"Q3", "Rate D"};  // an id and a text
  SurveyInspection inspection;
  absl::StatusOr<Study> study =
      ReadSurveyCsv(csv, "q.csv", options, &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(Statements(*study), ElementsAre("a1", "a2", "c1"));
  EXPECT_EQ(study->importance(0, 0), 1);
  EXPECT_EQ(study->satisfaction(0, 0), 3);
  EXPECT_EQ(study->importance(0, 1), 2);
  EXPECT_EQ(study->satisfaction(0, 1), 4);
  EXPECT_EQ(study->importance(0, 2), 5);
  EXPECT_EQ(study->satisfaction(0, 2), 1);
  EXPECT_THAT(study->attribute_names(), ElementsAre("Q6_1"));
  EXPECT_EQ(inspection.layout.importance_questions.size(), 2u);

  options.importance_questions = {"Q9"};
  study = ReadSurveyCsv(csv, "q.csv", options);
  EXPECT_EQ(study.status().message(),
            "q.csv: line 1: no question \"Q9\" (named as importance) in the "
            "header; its questions are: Q2 (\"Rate A\"), Q3 (\"Rate B\"), Q4 "
            "(\"Rate C\"), Q5 (\"Rate D\"), Q6 (\"How important overall?\")");
}

TEST(QualtricsTest, Refusals) {
  EXPECT_EQ(
      Refusal(BadFile("qualtrics_row_counts_differ.csv")),
      "P: line 2: the importance question(s) Q2 (\"How important is each of "
      "the following?\") have 3 rows but the satisfaction question(s) Q3 "
      "(\"How satisfied are you?\") have 2; the k-th rows pair, so the counts "
      "must match (a survey map can pair columns explicitly)");
  EXPECT_EQ(Refusal(BadFile("qualtrics_statements_differ.csv")),
            "P: line 2, column 6 (\"Q3_1\"): satisfaction row 1 \"Stay on "
            "track\" does not match importance row 1 \"Find a cut line\" "
            "(column 4); the k-th rows pair, so their statements must be the "
            "same (a survey map can pair columns explicitly)");
  EXPECT_EQ(Refusal(BadFile("qualtrics_no_rating_questions.csv")),
            "P: line 2: found no importance and no satisfaction question "
            "(none whose text says important or satisfied); name them "
            "explicitly, or give a survey map. Questions: Q1 (\"What is your "
            "trade?\"), Q2 (\"How often do you do each of the following?\")");
  // The record of line 6 starts there, though its cell spans two lines.
  EXPECT_EQ(Refusal(BadFile("qualtrics_unknown_label.csv")),
            "P: line 5, column 4 (\"Q2_1\"): \"Somewhat important\" is neither "
            "a rating on the scale 1-5 nor a known importance label (a label "
            "map can name it)");
  EXPECT_EQ(Refusal(BadFile("qualtrics_header_only.csv")),
            "P: line 3, column 1 (\"StartDate\"): no answers: the header is "
            "followed by no rows");
  EXPECT_EQ(Refusal(BadFile("surveymonkey_truncated_header.csv")),
            "P: line 1: the file ends within the header: a SurveyMonkey "
            "export has 2 header rows");
}

TEST(QualtricsTest, ALabelMapSettlesUnknownLabels) {
  ReadOptions options;
  options.labels.Add("Somewhat important", 3, {RatingKind::kImportance});
  const Study study = Read(BadFile("qualtrics_unknown_label.csv"), options);
  EXPECT_EQ(study.importance(1, 0), 3);
  EXPECT_EQ(study.satisfaction(1, 1), 4);  // "Very\nsatisfied"
}

// ------------------------------------------------------------ others

TEST(SurveyMonkeyTest, CarriesQuestionTextOverBlankCells) {
  SurveyInspection inspection;
  const Study study = Read(FormatFile("surveymonkey.csv"), {}, &inspection);
  ExpectSameAsLong(study, "What is your trade?");
  EXPECT_EQ(inspection.layout.format, v1::SURVEY_FORMAT_SURVEYMONKEY);
  EXPECT_EQ(inspection.layout.header_rows, 2u);
  EXPECT_THAT(RespondentIds(study), ElementsAre("11400000001", "11400000002",
                                                "11400000003", "11400000004"));
  EXPECT_THAT(
      study.attribute_names(),
      ElementsAre("Collector ID", "What is your trade?", "Custom Data 1"));
  // Matrix columns are named by their row labels in messages.
  EXPECT_EQ(inspection.layout.headers[11],
            "Minimize the likelihood that the cut goes off track");
  EXPECT_EQ(inspection.layout.references[11], "#12");
}

TEST(SurveyMonkeyTest, ANamelessColumnIsSetAsideByBothReads) {
  // The respondent id's header cell holds only tabs, so the column has no
  // name: it cannot be an attribute. The study read used to refuse it at the
  // first row while the aggregate read, which keeps no attribute, went on
  // (fuzz_survey_surveymonkey, regressions/survey_surveymonkey).
  std::string csv = ReadFileOrDie(FormatFile("surveymonkey.csv"));
  csv.replace(0, std::string("Respondent ID").size(), "\t\t\t\t");
  ReadOptions options;  // without "Respondent ID" nothing says SurveyMonkey
  options.format = InputFormat::kSurveyMonkey;
  SurveyInspection inspection;
  const absl::StatusOr<Study> study =
      ReadSurveyCsv(csv, "nameless.csv", options, &inspection);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(
      study->attribute_names(),
      ElementsAre("Collector ID", "What is your trade?", "Custom Data 1"));
  EXPECT_THAT(inspection.layout.ignored_columns, Contains(0u));
  const absl::StatusOr<Aggregate> aggregate =
      ReadSurveyCsvAggregate(csv, "nameless.csv", options);
  ASSERT_TRUE(aggregate.ok()) << aggregate.status();
  EXPECT_EQ(study->ToAggregate().ToProto().SerializeAsString(),
            aggregate->ToProto().SerializeAsString());
  // With a bad byte further down, both refuse it with the same message.
  csv += "11400000009,401234567,,,,,,,,Ecus\xC7\n";
  const absl::StatusOr<Study> bad_study =
      ReadSurveyCsv(csv, "nameless.csv", options, nullptr);
  const absl::StatusOr<Aggregate> bad_aggregate =
      ReadSurveyCsvAggregate(csv, "nameless.csv", options);
  ASSERT_FALSE(bad_study.ok());
  EXPECT_EQ(bad_study.status(), bad_aggregate.status());
  EXPECT_THAT(bad_study.status().message(), HasSubstr("invalid UTF-8"));
}

TEST(GoogleFormsTest, ReadsGridColumnsAndLabels) {
  SurveyInspection inspection;
  const Study study = Read(FormatFile("google_forms.csv"), {}, &inspection);
  ExpectSameAsLong(study, "What is your trade?");
  EXPECT_EQ(inspection.layout.format, v1::SURVEY_FORMAT_GOOGLE_FORMS);
  EXPECT_THAT(RespondentIds(study), ElementsAre("1", "2", "3", "4"));
  EXPECT_THAT(study.attribute_names(),
              ElementsAre("Email Address", "What is your trade?"));
}

TEST(GoogleFormsTest, ReadsAFrenchExcelResave) {
  SurveyInspection inspection;
  const Study study = Read(FormatFile("google_forms_fr.csv"), {}, &inspection);
  // The trades are in French, so only the answers compare.
  ExpectSameAsLong(study, "", /*same_statements=*/false);
  EXPECT_EQ(inspection.separator, ';');
  EXPECT_EQ(inspection.encoding, TextEncoding::kUtf8WithBom);
  EXPECT_EQ(study.outcomes()[2].statement,
            "R\xC3\xA9"
            "duire l'effort de nettoyage de la sciure, des "
            "copeaux et des d\xC3\xA9"
            "bris");
  EXPECT_EQ(study.attribute(0, "Quel est votre m\xC3\xA9tier\xE2\x80\xAF?"),
            "Charpentier");
}

TEST(TypeformTest, PairsImportanceAndSatisfactionTitlesInOrder) {
  SurveyInspection inspection;
  const Study study = Read(FormatFile("typeform.csv"), {}, &inspection);
  ExpectSameAsLong(study, "What is your trade?", /*same_statements=*/false);
  EXPECT_EQ(inspection.layout.format, v1::SURVEY_FORMAT_TYPEFORM);
  EXPECT_EQ(study.respondent_id(0), "k3x9a1b2c3d4e5f6");
  // Single questions: the statement is the importance question's title.
  EXPECT_EQ(study.outcomes()[0].statement,
            "How important is it to you to minimize the time it takes to find "
            "a cut line?");
  EXPECT_THAT(study.attribute_names(), ElementsAre("What is your trade?"));
  EXPECT_EQ(inspection.layout.ignored_columns.size(), 5u);
}

TEST(FormatOptionTest, AForcedFormatOverridesDetection) {
  // A Typeform-looking file read as wide: "#" is an attribute.
  const std::string csv = "#,imp_a,sat_a\nt1,5,4\n";
  ReadOptions options;
  absl::StatusOr<Study> study = ReadSurveyCsv(csv, "f.csv", options);
  EXPECT_THAT(std::string(study.status().message()),
              HasSubstr("found no importance and no satisfaction question"));
  options.format = InputFormat::kWide;
  study = ReadSurveyCsv(csv, "f.csv", options);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_EQ(study->outcomes()[0].id, "a");
  EXPECT_EQ(study->attribute(0, "#"), "t1");
  // Forcing a format the file is not is refused by that format's rules.
  options.format = InputFormat::kLong;
  EXPECT_EQ(ReadSurveyCsv(csv, "f.csv", options).status().message(),
            "f.csv: line 1, column 1 (\"#\"): the long layout needs outcome, "
            "importance and satisfaction columns");
  options.format = InputFormat::kQualtrics;
  EXPECT_EQ(
      std::string(ReadSurveyCsv(csv, "f.csv", options).status().message()),
      "f.csv: line 2: found no importance and no satisfaction question "
      "(none whose text says important or satisfied); name them "
      "explicitly, or give a survey map. Questions: # (\"t1\"), imp_a "
      "(\"5\"), sat_a (\"4\")");
}

TEST(FormatOptionTest, NamesRoundTrip) {
  for (InputFormat format :
       {InputFormat::kAuto, InputFormat::kLong, InputFormat::kWide,
        InputFormat::kQualtrics, InputFormat::kSurveyMonkey,
        InputFormat::kGoogleForms, InputFormat::kTypeform}) {
    InputFormat parsed = InputFormat::kAuto;
    EXPECT_TRUE(ParseInputFormat(InputFormatName(format), &parsed));
    EXPECT_EQ(parsed, format);
  }
  InputFormat parsed;
  EXPECT_FALSE(ParseInputFormat("excel", &parsed));
  EXPECT_STREQ(SurveyFormatName(v1::SURVEY_FORMAT_QUALTRICS_LEGACY),
               "qualtrics-legacy");
}

// ------------------------------------------------------------ dialects

TEST(DialectTest, ExcelUnicodeTextIsUtf16WithTabs) {
  SurveyInspection inspection;
  const Study study = Read(GoodFile("excel_unicode_text.txt"), {}, &inspection);
  EXPECT_EQ(inspection.encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(inspection.separator, '\t');
  ASSERT_EQ(study.respondent_count(), 3u);
  EXPECT_EQ(study.importance(0, 1), 4);  // Very important
  EXPECT_EQ(study.satisfaction(0, 1), 4);
  EXPECT_EQ(study.satisfaction(1, 0), 0);
  EXPECT_EQ(study.importance(2, 0), 1);
  EXPECT_EQ(study.importance(2, 1), 0);  // Not applicable
  EXPECT_EQ(study.attribute(1, "segment"), "south");
}

TEST(DialectTest, Utf16ErrorsNameTheLineOfTheOriginal) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("id,imp_a,sat_a\r\nr1,5,2\r\nr2,9,1\r\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_EQ(ReadSurveyCsv(utf16, "u.txt", {}).status().message(),
            "u.txt: line 3, column 2 (\"imp_a\"): importance 9 is outside the "
            "scale 1-5");
}

TEST(DialectTest, SemicolonsNoBreakSpacesAndTrailingEmptyColumns) {
  SurveyInspection inspection;
  const Study study =
      Read(GoodFile("wide_semicolon_trailing.csv"), {}, &inspection);
  EXPECT_EQ(inspection.separator, ';');
  // "Segment\u00A0" is trimmed; its value "\u00A0north\u00A0" too.
  EXPECT_THAT(study.attribute_names(), ElementsAre("Segment"));
  EXPECT_EQ(study.attribute(0, "Segment"), "north");
  EXPECT_EQ(study.importance(0, 0), 5);
  EXPECT_EQ(study.satisfaction(0, 0), 4);  // Très satisfait
  EXPECT_EQ(study.importance(1, 0), 5);    // Extrêmement important
  EXPECT_EQ(study.satisfaction(1, 0), 0);  // -99
  EXPECT_EQ(study.importance(2, 0), 0);    // N/A, a short row
  EXPECT_EQ(inspection.layout.headers.size(), 4u);
}

TEST(DialectTest, RefusalsAboutSeparatorsAndTrailingColumns) {
  EXPECT_EQ(Refusal(BadFile("semicolon_field_count.csv")),
            "P: line 3, column 3 (\"sat_a\"): expected 3 fields, as in the "
            "header, but found 2");
  EXPECT_EQ(Refusal(BadFile("trailing_column_value.csv")),
            "P: line 3, column 5: \"x\" is in a column with no header name");
  EXPECT_EQ(
      ReadSurveyCsv("id,imp_a,sat_a,,\nr1,5\n", "t.csv", {}).status().message(),
      "t.csv: line 2, column 3 (\"sat_a\"): expected 3 to 5 fields, as "
      "in the header (whose last 2 are empty), but found 2");
  EXPECT_EQ(ReadSurveyCsv("id,imp_a,sat_a,,\nr1,5,1,,,\n", "t.csv", {})
                .status()
                .message(),
            "t.csv: line 2, column 6: expected 3 to 5 fields, as in the header "
            "(whose last 2 are empty), but found 6");
}

// Plain lines are split by a fast path; anything unusual goes through the
// general tokenizer. Both must read the same study and refuse the same way.
TEST(DialectTest, FastAndGeneralPathsAgree) {
  std::string plain = "respondent_id,segment,imp_a,sat_a,imp_b,sat_b,,\r\n";
  std::string quoted = plain;
  for (int r = 0; r < 300; ++r) {
    const std::string cells[] = {absl::StrCat("r", r),
                                 r % 3 ? "north" : " south ",
                                 absl::StrCat(r % 5 + 1),
                                 r % 7 ? absl::StrCat(r % 4 + 2) : "",
                                 r % 11 ? "Very important" : "N/A",
                                 r % 2 ? "-1" : "3"};
    std::string plain_row;
    std::string quoted_row;
    for (const std::string& cell : cells) {
      absl::StrAppend(&plain_row, cell, ",");
      absl::StrAppend(&quoted_row, "\"", cell, "\",");
    }
    // Some rows stop at the last named column, some have the empty ones.
    absl::StrAppend(&plain, plain_row, r % 2 ? "\r\n" : ",\r\n");
    absl::StrAppend(&quoted, quoted_row, r % 2 ? "\r\n" : ",\r\n");
    if (r % 50 == 0) {
      plain += "  \t\r\n";
      quoted += "\n";
    }
  }
  plain.pop_back();  // no line break after the last row: a final CR
  quoted.resize(quoted.size() - 2);
  absl::StatusOr<Study> fast = ReadSurveyCsv(plain, "p.csv", {});
  absl::StatusOr<Study> general = ReadSurveyCsv(quoted, "q.csv", {});
  ASSERT_TRUE(fast.ok()) << fast.status();
  ASSERT_TRUE(general.ok()) << general.status();
  ExpectSameStudy(*fast, *general);
  EXPECT_EQ(fast->respondent_count(), 300u);
  EXPECT_EQ(fast->attribute(0, "segment"), "south");
  EXPECT_EQ(fast->importance(10, 1), 4);  // Very important
  EXPECT_EQ(fast->importance(11, 1), 0);  // N/A
  EXPECT_EQ(fast->satisfaction(7, 0), 0);

  // The leftmost bad cell is named, the same way on both paths.
  for (const char* row : {"r9,x,7,2,9,1\n", "\"r9\",x,7,2,9,1\n"}) {
    EXPECT_EQ(ReadSurveyCsv(absl::StrCat("respondent_id,segment,imp_a,sat_a,"
                                         "imp_b,sat_b\nr1,x,1,1,1,1\n",
                                         row),
                            "t.csv", {})
                  .status()
                  .message(),
              "t.csv: line 3, column 3 (\"imp_a\"): importance 7 is outside "
              "the scale 1-5");
  }
  // A row of the wrong width is refused for its width even when a cell is
  // bad too, on both paths.
  for (const char* row : {"r9,x,7,2,9\n", "\"r9\",x,7,2,9\n"}) {
    EXPECT_EQ(ReadSurveyCsv(absl::StrCat("respondent_id,segment,imp_a,sat_a,"
                                         "imp_b,sat_b\n",
                                         row),
                            "t.csv", {})
                  .status()
                  .message(),
              "t.csv: line 2, column 6 (\"sat_b\"): expected 6 fields, as in "
              "the header, but found 5");
  }
  // Invalid UTF-8 on a later plain line.
  EXPECT_EQ(ReadSurveyCsv("id,imp_a,sat_a\nr1,1,1\nr2,\xC0,1\n", "t.csv", {})
                .status()
                .message(),
            "t.csv: line 3, column 2 (\"imp_a\"): invalid UTF-8 (byte 0xC0)");
}

// Dense rows of single digits are read four cells at a time; blanks,
// wider cells and bad digits anywhere in such a run must come out the same
// as through the general tokenizer, errors naming the leftmost bad cell.
TEST(DialectTest, DenseDigitRowsReadLikeQuotedOnes) {
  std::string header = "id";
  for (int o = 0; o < 10; ++o) absl::StrAppend(&header, ",imp_", o, ",sat_", o);
  std::string plain = header + "\n";
  std::string quoted = header + "\n";
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % 100;
  };
  for (int r = 0; r < 400; ++r) {
    absl::StrAppend(&plain, "r", r);
    absl::StrAppend(&quoted, "\"r", r, "\"");
    for (int c = 0; c < 20; ++c) {
      const uint32_t roll = next();
      const std::string cell = roll < 5    ? ""
                               : roll < 8  ? " 4"
                               : roll < 10 ? "Very important"
                                           : absl::StrCat(roll % 5 + 1);
      // "Very important" is an importance label only.
      const std::string written = c % 2 == 1 && roll >= 8 && roll < 10
                                      ? std::string("Very satisfied")
                                      : cell;
      absl::StrAppend(&plain, ",", written);
      absl::StrAppend(&quoted, ",\"", written, "\"");
    }
    plain += "\n";
    quoted += "\n";
  }
  absl::StatusOr<Study> fast = ReadSurveyCsv(plain, "p.csv", {});
  absl::StatusOr<Study> general = ReadSurveyCsv(quoted, "q.csv", {});
  ASSERT_TRUE(fast.ok()) << fast.status();
  ASSERT_TRUE(general.ok()) << general.status();
  ExpectSameStudy(*fast, *general);
  absl::StatusOr<Aggregate> aggregate = ReadSurveyCsvAggregate(plain, "p", {});
  ASSERT_TRUE(aggregate.ok());
  EXPECT_EQ(aggregate->ToProto().SerializeAsString(),
            general->ToAggregate().ToProto().SerializeAsString());

  // A bad digit inside a run of four, at every position of the run.
  for (int bad = 1; bad <= 20; ++bad) {
    std::string row = "x";
    for (int c = 1; c <= 20; ++c) absl::StrAppend(&row, ",", c == bad ? 6 : 3);
    const std::string expected = absl::StrCat(
        "t.csv: line 2, column ", bad + 1, " (\"", bad % 2 ? "imp_" : "sat_",
        (bad - 1) / 2, "\"): ", bad % 2 ? "importance" : "satisfaction",
        " 6 is outside the scale 1-5");
    EXPECT_EQ(ReadSurveyCsv(header + "\n" + row + "\n", "t.csv", {})
                  .status()
                  .message(),
              expected);
    EXPECT_EQ(ReadSurveyCsvAggregate(header + "\n" + row + "\n", "t.csv", {})
                  .status()
                  .message(),
              expected);
  }
}

// ------------------------------------------------------------ maps

absl::StatusOr<v1::SurveyMap> MapOf(absl::string_view json) {
  return ParseSurveyMapJson(json, "m.json");
}

TEST(SurveyMapTest, SettlesAFileDetectionCannot) {
  const std::string path = FormatFile("crm_export.csv");
  EXPECT_THAT(Refusal(path), HasSubstr("the header matches no known layout"));
  absl::StatusOr<v1::SurveyMap> map =
      ReadSurveyMapFile(FormatFile("crm_map.json"));
  ASSERT_TRUE(map.ok()) << map.status();
  ReadOptions options;
  options.survey_map = *map;
  SurveyInspection inspection;
  const Study study = Read(path, options, &inspection);
  ExpectSameAsLong(study, "role");
  EXPECT_THAT(RespondentIds(study),
              ElementsAre("C-001", "C-002", "C-003", "C-004"));
  EXPECT_THAT(study.attribute_names(),
              ElementsAre("role", "Account tier", "solution"));
  EXPECT_EQ(study.attribute(2, "solution"), "Brand A");
  EXPECT_TRUE(study.weighted());
  EXPECT_DOUBLE_EQ(study.weight(0), 2.5);
  EXPECT_DOUBLE_EQ(study.weight(3), 0.5);
  EXPECT_TRUE(inspection.layout.ignored_columns.empty());
}

TEST(SurveyMapTest, WrittenMapsReadTheFileTheSameWay) {
  for (const char* name :
       {"qualtrics.csv", "qualtrics_legacy.csv", "surveymonkey.csv",
        "google_forms.csv", "google_forms_fr.csv", "typeform.csv",
        "expected_long.csv"}) {
    SCOPED_TRACE(name);
    SurveyInspection inspection;
    const Study detected = Read(FormatFile(name), {}, &inspection);
    const std::string json =
        SurveyMapToJson(SurveyLayoutToMap(inspection.layout));
    absl::StatusOr<v1::SurveyMap> map = ParseSurveyMapJson(json, "written");
    ASSERT_TRUE(map.ok()) << map.status() << json;
    ReadOptions options;
    options.survey_map = *map;
    const Study mapped = Read(FormatFile(name), options);
    ExpectSameStudy(mapped, detected);
  }
}

TEST(SurveyMapTest, TheMapOfAQualtricsExport) {
  SurveyInspection inspection;
  Read(FormatFile("qualtrics.csv"), {}, &inspection);
  const v1::SurveyMap map = SurveyLayoutToMap(inspection.layout);
  EXPECT_EQ(map.format(), v1::SURVEY_FORMAT_QUALTRICS);
  EXPECT_EQ(map.header_rows(), 3u);
  EXPECT_EQ(map.respondent_id_column(), "ResponseId");
  ASSERT_EQ(map.outcomes_size(), 3);
  EXPECT_EQ(map.outcomes(1).id(), "o2");
  EXPECT_EQ(map.outcomes(1).importance_column(), "Q2_2");
  EXPECT_EQ(map.outcomes(1).satisfaction_column(), "Q3_2");
  EXPECT_EQ(map.outcomes(1).statement(),
            "Minimize the likelihood that the cut goes off track");
  // Attributes in column order; the study lists them as first given.
  EXPECT_EQ(map.attributes(0).column(), "ExternalReference");
  EXPECT_EQ(map.attributes(3).column(), "Q1");
  EXPECT_EQ(map.attributes(3).name(), "Q1");
  EXPECT_THAT(SurveyMapToJson(map), HasSubstr("\"respondentIdColumn\": "
                                              "\"ResponseId\""));
}

TEST(SurveyMapTest, MapsCarryLabelsAndLongLayouts) {
  absl::StatusOr<v1::SurveyMap> map = MapOf(R"({
    "respondentIdColumn": "who",
    "longLayout": {"outcomeColumn": "what", "importanceColumn": "#3",
                   "satisfactionColumn": "sat"},
    "outcomes": [{"id": "o2", "statement": "Second"}],
    "attributes": [{"column": "team", "name": "segment"}],
    "labels": [{"label": "Top", "rating": 5, "kind": "RATING_KIND_IMPORTANCE"},
               {"label": "Pass", "rating": 0}]
  })");
  ASSERT_TRUE(map.ok()) << map.status();
  ReadOptions options;
  options.survey_map = *map;
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "who,what,imp,sat,team,extra\n"
      "a,o1,Top,2,red,x\n"
      "a,o2,Pass,Pass,red,y\n"
      "b,o2,3,4,blue,z\n",
      "l.csv", options);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_THAT(Statements(*study), ElementsAre("", "Second"));
  EXPECT_EQ(study->importance(0, 0), 5);
  EXPECT_EQ(study->importance(0, 1), 0);
  EXPECT_EQ(study->satisfaction(0, 1), 0);
  EXPECT_EQ(study->attribute(1, "segment"), "blue");
  EXPECT_THAT(study->attribute_names(), ElementsAre("segment"));
  // "Top" is an importance label only.
  study = ReadSurveyCsv("who,what,imp,sat,team,extra\na,o1,1,Top,red,x\n",
                        "l.csv", options);
  EXPECT_THAT(std::string(study.status().message()),
              HasSubstr("\"Top\" is neither a rating"));
}

TEST(SurveyMapTest, Refusals) {
  auto refusal = [](absl::string_view json, absl::string_view csv) {
    absl::StatusOr<v1::SurveyMap> map = MapOf(json);
    if (!map.ok()) return std::string(map.status().message());
    ReadOptions options;
    options.survey_map = *map;
    options.survey_map_source = "m.json";
    absl::StatusOr<Study> study = ReadSurveyCsv(csv, "s.csv", options);
    return study.ok() ? std::string("<accepted>")
                      : std::string(study.status().message());
  };
  const std::string csv = "id,a,b,c,c\nr1,1,2,3,4\n";
  EXPECT_THAT(refusal("{\"outcomes\": [{\"id\": \"o1\"}], \"colour\": 1}", csv),
              HasSubstr("m.json: not a survey map (jtbd.v1.SurveyMap as "
                        "JSON): "));
  EXPECT_EQ(refusal("{}", csv), "m.json: outcomes: the map names no outcomes");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "z"}]})",
                    csv),
            "m.json: outcomes[0].satisfaction_column: no column \"z\" in the "
            "first header row of s.csv (line 1)");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "c"}]})",
                    csv),
            "m.json: outcomes[0].satisfaction_column: column name \"c\" is "
            "ambiguous in s.csv: columns #4 and #5 (name one as #<n>)");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "#9"}]})",
                    csv),
            "m.json: outcomes[0].satisfaction_column: column \"#9\" is not a "
            "column number from #1 to #5 of s.csv");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "b"},
                                     {"id": "o2", "importanceColumn": "A",
                                      "satisfactionColumn": "#4"}]})",
                    csv),
            "m.json: outcomes[1].importance_column: column \"A\" is already "
            "used as outcomes[0].importance_column");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "b"},
                                     {"id": "o1"}]})",
                    csv),
            "m.json: outcomes[1]: outcome id \"o1\" is given twice");
  EXPECT_EQ(
      refusal(R"({"outcomes": [{"id": " ", "importanceColumn": "a"}]})", csv),
      "m.json: outcomes[0]: the outcome id is blank");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "b"}],
                       "weightColumn": "#4"})",
                    csv),
            "<accepted>");
  EXPECT_EQ(refusal(R"({"outcomes": [{"id": "o1", "importanceColumn": "a",
                                      "satisfactionColumn": "b"}],
                       "weightColumn": "id"})",
                    csv),
            "s.csv: line 2, column 1 (\"id\"): weight \"r1\" is not a finite "
            "number greater than 0");
  EXPECT_EQ(refusal(R"({"headerRows": 3, "outcomes": [{"id": "o1",
                       "importanceColumn": "a", "satisfactionColumn": "b"}]})",
                    csv),
            "s.csv: line 2: the file ends within the header: the survey map "
            "says the file has 3 header rows");
  EXPECT_EQ(refusal(R"({"longLayout": {"outcomeColumn": "a"}})", csv),
            "m.json: respondent_id_column: a long layout needs the respondent "
            "id column");
  EXPECT_EQ(refusal(R"({"labels": [{"label": "x", "rating": 9}],
                       "outcomes": [{"id": "o1"}]})",
                    csv),
            "m.json: labels[0]: label \"x\" has rating 9, outside the scale "
            "1-5 (0 means no answer)");
  EXPECT_EQ(refusal(R"({"respondentIdColumn": "id", "longLayout": {
                       "outcomeColumn": "a", "importanceColumn": "b",
                       "satisfactionColumn": "#4"},
                       "outcomes": [{"id": "o9"}]})",
                    csv),
            "m.json: outcomes[0]: outcome \"o9\" has no rows in s.csv");
}

// ------------------------------------------------------------ aggregates

// Reading straight into the scoring aggregate gives the study's aggregate.
TEST(AggregateReadTest, EqualsTheStudysAggregate) {
  struct Case {
    std::string path;
    ReadOptions options;
  };
  std::vector<Case> cases;
  for (const char* name :
       {"qualtrics.csv", "qualtrics_legacy.csv", "surveymonkey.csv",
        "google_forms.csv", "google_forms_fr.csv", "typeform.csv",
        "expected_long.csv"}) {
    cases.push_back({FormatFile(name), {}});
  }
  cases.push_back({GoodFile("excel_unicode_text.txt"), {}});
  cases.push_back({GoodFile("wide_semicolon_trailing.csv"), {}});
  Case crm{FormatFile("crm_export.csv"), {}};
  crm.options.survey_map = *ReadSurveyMapFile(FormatFile("crm_map.json"));
  cases.push_back(crm);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    absl::StatusOr<Aggregate> streamed =
        ReadSurveyCsvFileAggregate(c.path, c.options);
    ASSERT_TRUE(streamed.ok()) << streamed.status();
    const Study study = Read(c.path, c.options);
    EXPECT_EQ(streamed->ToProto().SerializeAsString(),
              study.ToAggregate().ToProto().SerializeAsString());
    EXPECT_EQ(streamed->respondent_count(), study.respondent_count());
  }
  // The weighted one is weighted.
  EXPECT_TRUE(ReadSurveyCsvFileAggregate(crm.path, crm.options)->weighted());
  // Weights of 1 only: not weighted, as a study.
  ReadOptions unit;
  unit.weight_column = "w";
  absl::StatusOr<Aggregate> unweighted =
      ReadSurveyCsvAggregate("id,w,imp_a,sat_a\nr1,1,5,1\n", "u.csv", unit);
  ASSERT_TRUE(unweighted.ok()) << unweighted.status();
  EXPECT_FALSE(unweighted->weighted());
}

TEST(AggregateReadTest, RefusesLikeTheStudyRead) {
  for (const char* csv :
       {"id,imp_a,sat_a\nr1,5,1\nr2,4,2\nr1,3,3\n", "id,imp_a,sat_a\nr1,9,1\n",
        "id,imp_a,sat_a\n,1,1\n", "id,imp_a,sat_a\n"}) {
    SCOPED_TRACE(csv);
    const absl::Status from_study = ReadSurveyCsv(csv, "a.csv", {}).status();
    const absl::Status from_aggregate =
        ReadSurveyCsvAggregate(csv, "a.csv", {}).status();
    EXPECT_FALSE(from_study.ok());
    EXPECT_EQ(from_aggregate, from_study);
  }
  EXPECT_EQ(ReadSurveyCsvAggregate("id,imp_a,sat_a\nr1,5,1\nr2,4,2\nr1,3,3\n",
                                   "a.csv", {})
                .status()
                .message(),
            "a.csv: line 4, column 1 (\"id\"): respondent r1 already has a "
            "row on line 2");
}

// ------------------------------------------------------------ options

TEST(WeightOptionTest, AColumnOfWeights) {
  ReadOptions options;
  options.weight_column = "w";
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "id,w,imp_a,sat_a\nr1,2,5,1\nr2,0.5,4,2\n", "w.csv", options);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_DOUBLE_EQ(study->weight(0), 2);
  EXPECT_DOUBLE_EQ(study->weight(1), 0.5);
  EXPECT_TRUE(study->attribute_names().empty());
  EXPECT_EQ(ReadSurveyCsv("id,w,imp_a,sat_a\nr1,,5,1\n", "w.csv", options)
                .status()
                .message(),
            "w.csv: line 2, column 2 (\"w\"): the weight is blank");
  EXPECT_EQ(ReadSurveyCsv("id,w,imp_a,sat_a\nr1,-2,5,1\n", "w.csv", options)
                .status()
                .message(),
            "w.csv: line 2, column 2 (\"w\"): weight \"-2\" is not a finite "
            "number greater than 0");
  EXPECT_EQ(ReadSurveyCsv("id,v,imp_a,sat_a\nr1,1,5,1\n", "w.csv", options)
                .status()
                .message(),
            "w.csv: line 1: no weight column \"w\" in the header");
  // A long file repeats the weight on each of a respondent's rows.
  study = ReadSurveyCsv(
      "id,outcome,importance,satisfaction,w\nr1,a,5,1,2\nr1,b,4,1,2.0\n"
      "r1,c,4,1,3\n",
      "w.csv", options);
  EXPECT_EQ(study.status().message(),
            "w.csv: line 4, column 5 (\"w\"): respondent r1 has weight 2 on "
            "line 2 but \"3\" here");
}

TEST(ProgressTest, ReportsRowsAndBytes) {
  std::string csv = "id,imp_a,sat_a\n";
  for (int r = 0; r < 5000; ++r) absl::StrAppend(&csv, "r", r, ",5,1\n");
  std::vector<ReadProgress> reports;
  ReadOptions options;
  options.progress = [&reports](const ReadProgress& progress) {
    reports.push_back(progress);
  };
  absl::StatusOr<Study> study = ReadSurveyCsv(csv, "p.csv", options);
  ASSERT_TRUE(study.ok());
  ASSERT_EQ(reports.size(), 3u);  // rows 2048, 4096, and the end
  EXPECT_EQ(reports[0].rows, 2048u);
  EXPECT_EQ(reports[1].rows, 4096u);
  EXPECT_EQ(reports[2].rows, 5000u);
  EXPECT_EQ(reports[2].bytes_read, csv.size());
  EXPECT_EQ(reports[2].bytes_total, csv.size());
  EXPECT_LT(reports[0].bytes_read, reports[1].bytes_read);
}

TEST(InspectionTest, KnowsTheLayoutEvenWhenARowIsRefused) {
  SurveyInspection inspection;
  absl::StatusOr<Study> study = ReadSurveyCsv(
      "id,imp_a,sat_a\nr1,5,1\nr2,7,1\n", "i.csv", {}, &inspection);
  EXPECT_FALSE(study.ok());
  EXPECT_TRUE(inspection.layout_known);
  EXPECT_EQ(inspection.layout.format, v1::SURVEY_FORMAT_WIDE);
  EXPECT_EQ(inspection.rows, 1u);
  // Not when the header itself is not understood.
  study = ReadSurveyCsv("x,y\n1,2\n", "i.csv", {}, &inspection);
  EXPECT_FALSE(inspection.layout_known);
}

}  // namespace
}  // namespace jtbd
