// Qualtrics exports: question ids, question texts, ImportIds (legacy:
// V1..V10 metadata over two rows).
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/survey_questions.h"
#include "io/text_normalize.h"

namespace jtbd {

namespace {

// Qualtrics metadata columns (first header row, NormalizeText form) that
// are neither answers nor useful attributes: times, progress, personal
// data. DistributionChannel, UserLanguage and ExternalReference are kept
// as attributes.
constexpr absl::string_view kQualtricsIgnored[] = {
    "startdate",          "enddate",          "status",
    "ipaddress",          "progress",         "duration (in seconds)",
    "finished",           "recordeddate",     "recipientlastname",
    "recipientfirstname", "recipientemail",   "locationlatitude",
    "locationlongitude",  "q_recaptchascore", "q_relevantidduplicate",
};

// "Q2_13" -> ("Q2", 13); false when the name does not end in _<digits>.
bool SplitMatrixId(absl::string_view id, absl::string_view* question,
                   size_t* row) {
  const size_t underscore = id.rfind('_');
  if (underscore == absl::string_view::npos || underscore == 0 ||
      underscore + 1 == id.size()) {
    return false;
  }
  const absl::string_view digits = id.substr(underscore + 1);
  if (!std::all_of(digits.begin(), digits.end(),
                   [](char c) { return absl::ascii_isdigit(c); })) {
    return false;
  }
  *question = id.substr(0, underscore);
  return absl::SimpleAtoi(digits, row);
}

// {"ImportId":"QID2_1"} -> "QID2_1"; "" when absent.
std::string ImportIdOf(absl::string_view cell) {
  constexpr absl::string_view kKey = "\"importid\"";
  const std::string lower = absl::AsciiStrToLower(cell);
  size_t at = absl::string_view(lower).find(kKey);
  if (at == std::string::npos) return "";
  at = cell.find(':', at + kKey.size());
  if (at == absl::string_view::npos) return "";
  const size_t open = cell.find('"', at);
  if (open == absl::string_view::npos) return "";
  const size_t close = cell.find('"', open + 1);
  if (close == absl::string_view::npos) return "";
  return std::string(cell.substr(open + 1, close - open - 1));
}

// "<question> - <statement>" split at the LAST " - " (a statement holding
// " - " itself cannot be told apart; the question text then keeps part of
// it). No " - ": the whole text is both.
void SplitQuestionText(absl::string_view text, absl::string_view* question,
                       absl::string_view* statement) {
  const size_t dash = text.rfind(" - ");
  if (dash == absl::string_view::npos) {
    *question = text;
    *statement = text;
    return;
  }
  *question = TrimSpaces(text.substr(0, dash));
  *statement = TrimSpaces(text.substr(dash + 3));
}

}  // namespace

absl::Status LayOutQualtrics(const SurveyHeader& header,
                             const ReadOptions& options, bool legacy,
                             SurveyLayout* layout) {
  const bool has_import_row = !legacy && header.rows.size() > 2;
  std::vector<Question> questions;
  absl::flat_hash_map<std::string, size_t> question_index;
  layout->headers.clear();
  for (size_t c = 0; c < header.width; ++c) {
    const std::string& id = header.Cell(0, c);
    const std::string& text = header.Cell(1, c);
    layout->headers.push_back(id.empty() ? text : id);
    if (legacy) {
      // V1..V10 hold the response metadata, named in the second row.
      const std::string field = NormalizeText(text);
      if (header.names[c].size() > 1 && header.names[c][0] == 'v' &&
          std::all_of(header.names[c].begin() + 1, header.names[c].end(),
                      [](char ch) { return absl::ascii_isdigit(ch); })) {
        layout->headers.back() = text;
        if (field == "responseid") {
          layout->respondent_column = static_cast<ptrdiff_t>(c);
        } else if (field == "externaldatareference") {
          layout->attributes.push_back({c, text});
        } else {
          layout->ignored_columns.push_back(c);
        }
        continue;
      }
    } else {
      if (header.names[c] == "responseid") {
        layout->respondent_column = static_cast<ptrdiff_t>(c);
        continue;
      }
      if (header.names[c] == "duration (in seconds)" &&
          TrimSpaces(options.duration_column).empty() &&
          layout->duration_column < 0) {
        layout->duration_column = static_cast<ptrdiff_t>(c);
        continue;
      }
      if (IsOneOf(header.names[c], kQualtricsIgnored)) {
        layout->ignored_columns.push_back(c);
        continue;
      }
    }
    if (id.empty()) {
      return LayoutError(header, *layout, header.Line(0), c + 1,
                         "the question id is blank");
    }
    std::string import_id = has_import_row ? ImportIdOf(header.Cell(2, c)) : "";
    absl::string_view question_id;
    size_t row = 0;
    const bool matrix = SplitMatrixId(id, &question_id, &row);
    absl::string_view question_text;
    absl::string_view statement;
    if (matrix) {
      SplitQuestionText(text, &question_text, &statement);
      absl::string_view import_question;
      size_t import_row = 0;
      if (SplitMatrixId(import_id, &import_question, &import_row)) {
        import_id = std::string(import_question);
      }
    } else {
      question_id = id;
      question_text = text;
      statement = text;
    }
    const std::string key = absl::AsciiStrToLower(question_id);
    auto [it, inserted] = question_index.emplace(key, questions.size());
    if (inserted) {
      Question question;
      question.id = std::string(question_id);
      question.import_id = import_id;
      question.text = std::string(question_text);
      question.normalized_text = NormalizeText(question_text);
      question.single = !matrix;
      questions.push_back(std::move(question));
    } else if (!matrix || questions[it->second].single) {
      return LayoutError(
          header, *layout, header.Line(0), c + 1,
          absl::StrCat("question id ", id, " repeats column ",
                       questions[it->second].columns.front() + 1));
    }
    questions[it->second].columns.push_back(c);
    questions[it->second].statements.emplace_back(statement);
  }
  return AssignOutcomes(
      header, options, questions, 1,
      [&](size_t column) { return header.Cell(0, column); }, layout);
}

}  // namespace jtbd
