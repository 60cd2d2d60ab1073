#ifndef JTBD_IO_SURVEY_QUESTIONS_H_
#define JTBD_IO_SURVEY_QUESTIONS_H_

// Internal to io: what the survey-tool exports (Qualtrics, SurveyMonkey,
// Google Forms, Typeform) share once their header is split into questions:
// picking the importance and satisfaction questions and pairing their rows
// into the outcomes of a wide-like layout.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "io/survey_layout.h"
#include "io/survey_reader.h"

namespace jtbd {

// One question of an export: a matrix (grid) with one column per row
// (statement), or a single column.
struct Question {
  std::string id;         // Qualtrics "Q2"; elsewhere the question text
  std::string import_id;  // Qualtrics "QID2"; else empty
  std::string text;       // the question text, for people
  std::string normalized_text;
  std::vector<size_t> columns;
  std::vector<std::string> statements;  // per column
  bool single = false;                  // not a matrix
  bool has_statement_rows = true;       // statements are row labels to compare

  std::string Describe() const {
    if (id == text || text.empty()) return absl::StrCat("\"", text, "\"");
    return absl::StrCat(id, " (\"", text, "\")");
  }
};

// "Question [Row]" -> ("Question", "Row"); false otherwise (detection and
// the titled exports).
bool SplitGridTitle(absl::string_view title, absl::string_view* question,
                    absl::string_view* row);

// Picks the importance and satisfaction questions (named by the options, or
// by their text) and pairs their rows into layout->outcomes; the other
// questions' columns become attributes named by attribute_name(column).
// Refusals about the pairing name the line of header row statement_row.
absl::Status AssignOutcomes(
    const SurveyHeader& header, const ReadOptions& options,
    std::vector<Question>& questions, size_t statement_row,
    const std::function<std::string(size_t)>& attribute_name,
    SurveyLayout* layout);

// Google Forms and Typeform: one title per column, "Question [Row]" for a
// grid's rows, any other title a single question. A column whose
// normalized name is respondent_name (when not empty) holds the respondent
// id; ignored(column, normalized name) says which are metadata.
absl::Status LayOutTitled(
    const SurveyHeader& header, const ReadOptions& options,
    absl::string_view respondent_name,
    const std::function<bool(size_t, absl::string_view)>& ignored,
    SurveyLayout* layout);

}  // namespace jtbd

#endif  // JTBD_IO_SURVEY_QUESTIONS_H_
