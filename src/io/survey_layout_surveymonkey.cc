// SurveyMonkey exports: question texts over row labels (two header rows).
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/survey_questions.h"
#include "io/text_normalize.h"

namespace jtbd {

namespace {

// SurveyMonkey's leading columns that are not kept (Collector ID and Custom
// Data are attributes).
constexpr absl::string_view kSurveyMonkeyIgnored[] = {
    "start date",    "end date",   "ip address",
    "email address", "first name", "last name",
};
// Row labels of SurveyMonkey columns that are not matrix rows.
constexpr absl::string_view kSurveyMonkeySingleLabels[] = {
    "", "response", "open-ended response"};
constexpr absl::string_view kSurveyMonkeyOtherLabels[] = {
    "other (please specify)", "open-ended response", "response"};

}  // namespace

absl::Status LayOutSurveyMonkey(const SurveyHeader& header,
                                const ReadOptions& options,
                                SurveyLayout* layout) {
  std::vector<Question> questions;
  std::vector<std::string> attribute_names(header.width);
  layout->headers.clear();
  size_t c = 0;
  while (c < header.width) {
    // A question spans its own column and the blank-topped ones after it.
    size_t end = c + 1;
    while (end < header.width && header.Cell(0, end).empty()) ++end;
    const std::string& text = header.Cell(0, c);
    const std::string normalized = NormalizeText(text);
    if (end == c + 1 &&
        IsOneOf(NormalizeText(header.Cell(1, c)), kSurveyMonkeySingleLabels)) {
      layout->headers.push_back(text);
      if (normalized == "respondent id") {
        layout->respondent_column = static_cast<ptrdiff_t>(c);
      } else if (IsOneOf(normalized, kSurveyMonkeyIgnored)) {
        layout->ignored_columns.push_back(c);
      } else if (normalized == "collector id" ||
                 absl::StartsWith(normalized, "custom data")) {
        layout->attributes.push_back({c, text});
      } else {
        Question question;
        question.id = text;
        question.text = text;
        question.normalized_text = normalized;
        question.single = true;
        question.has_statement_rows = false;
        question.columns.push_back(c);
        question.statements.push_back(text);
        attribute_names[c] = text;
        questions.push_back(std::move(question));
      }
      c = end;
      continue;
    }
    Question question;
    question.id = text;
    question.text = text;
    question.normalized_text = normalized;
    for (size_t k = c; k < end; ++k) {
      const std::string& label = header.Cell(1, k);
      layout->headers.push_back(label.empty() ? text : label);
      if (IsOneOf(NormalizeText(label), kSurveyMonkeyOtherLabels) ||
          label.empty()) {
        // "Other (please specify)" and comment boxes: text, not ratings.
        layout->attributes.push_back(
            {k, label.empty() ? text : absl::StrCat(text, " - ", label)});
        continue;
      }
      question.columns.push_back(k);
      question.statements.push_back(label);
      attribute_names[k] = absl::StrCat(text, " - ", label);
    }
    if (!question.columns.empty()) questions.push_back(std::move(question));
    c = end;
  }
  return AssignOutcomes(
      header, options, questions, 1,
      [&attribute_names](size_t column) { return attribute_names[column]; },
      layout);
}

}  // namespace jtbd
