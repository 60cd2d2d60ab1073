// Questions of survey-tool exports: which are importance and satisfaction,
// and how their rows pair into outcomes.
#include "io/survey_questions.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/source_position.h"
#include "io/text_normalize.h"

namespace jtbd {

namespace {

enum class QuestionKind { kNone, kImportance, kSatisfaction };

// From the question text (NormalizeText form): "important", "importance",
// "importants" (French too) or "satisf..." ("satisfied", "satisfaction",
// "satisfait", "insatisfait"); a text saying both says neither.
QuestionKind KindFromText(absl::string_view normalized) {
  const bool importance = ContainsWord(normalized, "importan");
  const bool satisfaction = ContainsWord(normalized, "satisf");
  if (importance && !satisfaction) return QuestionKind::kImportance;
  if (satisfaction && !importance) return QuestionKind::kSatisfaction;
  return QuestionKind::kNone;
}

absl::StatusOr<std::vector<const Question*>> NamedQuestions(
    const SurveyHeader& header, const SurveyLayout& layout,
    const std::vector<Question>& questions,
    const std::vector<std::string>& names, absl::string_view kind) {
  std::vector<const Question*> found;
  for (const std::string& name : names) {
    const std::string wanted = NormalizeText(name);
    const Question* match = nullptr;
    for (const Question& question : questions) {
      if (NormalizeText(question.id) == wanted ||
          (!question.import_id.empty() &&
           NormalizeText(question.import_id) == wanted) ||
          question.normalized_text == wanted) {
        match = &question;
        break;
      }
    }
    if (match == nullptr) {
      std::vector<std::string> known;
      for (const Question& question : questions) {
        known.push_back(question.Describe());
      }
      return LayoutError(
          header, layout, header.Line(0), 0,
          absl::StrCat("no question ", Quoted(name), " (named as ", kind,
                       ") in the header; its questions are: ",
                       absl::StrJoin(known, ", ")));
    }
    found.push_back(match);
  }
  return found;
}

}  // namespace

// "Question [Row]" -> ("Question", "Row"); false otherwise.
bool SplitGridTitle(absl::string_view title, absl::string_view* question,
                    absl::string_view* row) {
  if (title.size() < 4 || title.back() != ']') return false;
  const size_t open = title.rfind(" [");
  if (open == absl::string_view::npos || open == 0) return false;
  *question = TrimSpaces(title.substr(0, open));
  *row = TrimSpaces(title.substr(open + 2, title.size() - open - 3));
  return !question->empty() && !row->empty();
}

absl::Status AssignOutcomes(
    const SurveyHeader& header, const ReadOptions& options,
    std::vector<Question>& questions, size_t statement_row,
    const std::function<std::string(size_t)>& attribute_name,
    SurveyLayout* layout) {
  std::vector<const Question*> importance;
  std::vector<const Question*> satisfaction;
  if (!options.importance_questions.empty()) {
    auto found = NamedQuestions(header, *layout, questions,
                                options.importance_questions, "importance");
    if (!found.ok()) return found.status();
    importance = *std::move(found);
  }
  if (!options.satisfaction_questions.empty()) {
    auto found = NamedQuestions(header, *layout, questions,
                                options.satisfaction_questions, "satisfaction");
    if (!found.ok()) return found.status();
    satisfaction = *std::move(found);
  }
  // Matrices first; single questions only when no matrix reads as either.
  for (bool single : {false, true}) {
    std::vector<const Question*> found_importance;
    std::vector<const Question*> found_satisfaction;
    for (const Question& question : questions) {
      if (question.single != single) continue;
      const bool taken = std::find(importance.begin(), importance.end(),
                                   &question) != importance.end() ||
                         std::find(satisfaction.begin(), satisfaction.end(),
                                   &question) != satisfaction.end();
      if (taken) continue;
      switch (KindFromText(question.normalized_text)) {
        case QuestionKind::kImportance:
          found_importance.push_back(&question);
          break;
        case QuestionKind::kSatisfaction:
          found_satisfaction.push_back(&question);
          break;
        case QuestionKind::kNone:
          break;
      }
    }
    if (options.importance_questions.empty() && importance.empty()) {
      importance = found_importance;
    }
    if (options.satisfaction_questions.empty() && satisfaction.empty()) {
      satisfaction = found_satisfaction;
    }
    if (!importance.empty() && !satisfaction.empty()) break;
    // Matrices that read as one kind are not completed by single questions.
    if (!found_importance.empty() || !found_satisfaction.empty()) break;
  }
  if (importance.empty() || satisfaction.empty()) {
    std::vector<std::string> known;
    for (const Question& question : questions) {
      known.push_back(question.Describe());
    }
    const char* missing = importance.empty() && satisfaction.empty()
                              ? "no importance and no satisfaction question"
                          : importance.empty() ? "no importance question"
                                               : "no satisfaction question";
    return LayoutError(
        header, *layout, header.Line(statement_row), 0,
        absl::StrCat(
            "found ", missing,
            " (none whose text says important or satisfied); name "
            "them explicitly, or give a survey map. Questions: ",
            known.empty() ? std::string("none") : absl::StrJoin(known, ", ")));
  }

  struct Row {
    const Question* question;
    size_t index;
  };
  auto rows_of = [](const std::vector<const Question*>& list) {
    std::vector<Row> rows;
    for (const Question* question : list) {
      for (size_t i = 0; i < question->columns.size(); ++i) {
        rows.push_back({question, i});
      }
    }
    return rows;
  };
  auto describe = [](const std::vector<const Question*>& list) {
    std::vector<std::string> parts;
    for (const Question* question : list) parts.push_back(question->Describe());
    return absl::StrJoin(parts, ", ");
  };
  const std::vector<Row> importance_rows = rows_of(importance);
  const std::vector<Row> satisfaction_rows = rows_of(satisfaction);
  if (importance_rows.size() != satisfaction_rows.size()) {
    return LayoutError(
        header, *layout, header.Line(statement_row), 0,
        absl::StrCat("the importance question(s) ", describe(importance),
                     " have ", importance_rows.size(),
                     " rows but the satisfaction question(s) ",
                     describe(satisfaction), " have ", satisfaction_rows.size(),
                     "; the k-th rows pair, so the counts must match (a "
                     "survey map can pair columns explicitly)"));
  }
  std::vector<bool> used(header.width, false);
  for (size_t k = 0; k < importance_rows.size(); ++k) {
    const Row& imp = importance_rows[k];
    const Row& sat = satisfaction_rows[k];
    const size_t imp_column = imp.question->columns[imp.index];
    const size_t sat_column = sat.question->columns[sat.index];
    const std::string& imp_statement = imp.question->statements[imp.index];
    const std::string& sat_statement = sat.question->statements[sat.index];
    if (imp.question->has_statement_rows && sat.question->has_statement_rows &&
        NormalizeText(imp_statement) != NormalizeText(sat_statement)) {
      return LayoutError(
          header, *layout, header.Line(statement_row), sat_column + 1,
          absl::StrCat("satisfaction row ", k + 1, " ", Quoted(sat_statement),
                       " does not match importance row ", k + 1, " ",
                       Quoted(imp_statement), " (column ", imp_column + 1,
                       "); the k-th rows pair, so their statements must be "
                       "the same (a survey map can pair columns explicitly)"));
    }
    if (imp_column == sat_column) {
      return LayoutError(
          header, *layout, header.Line(0), imp_column + 1,
          "the same column is named as importance and satisfaction");
    }
    layout->outcomes.push_back(
        {absl::StrCat("o", k + 1),
         imp_statement.empty() ? sat_statement : imp_statement, imp_column,
         sat_column});
    used[imp_column] = true;
    used[sat_column] = true;
  }
  for (const Question* question : importance) {
    layout->importance_questions.push_back(question->Describe());
  }
  for (const Question* question : satisfaction) {
    layout->satisfaction_questions.push_back(question->Describe());
  }
  for (const Question& question : questions) {
    for (size_t column : question.columns) {
      if (!used[column]) {
        layout->attributes.push_back({column, attribute_name(column)});
      }
    }
  }
  std::sort(layout->attributes.begin(), layout->attributes.end(),
            [](const SurveyLayout::AttributeColumn& a,
               const SurveyLayout::AttributeColumn& b) {
              return a.column < b.column;
            });
  return absl::OkStatus();
}

absl::Status LayOutTitled(
    const SurveyHeader& header, const ReadOptions& options,
    absl::string_view respondent_name,
    const std::function<bool(size_t, absl::string_view)>& ignored,
    SurveyLayout* layout) {
  std::vector<Question> questions;
  absl::flat_hash_map<std::string, size_t> grid_index;
  for (size_t c = 0; c < header.width; ++c) {
    const std::string& title = header.Cell(0, c);
    if (title.empty()) {
      return LayoutError(header, *layout, header.Line(0), c + 1,
                         "the header name is blank");
    }
    if (!respondent_name.empty() && header.names[c] == respondent_name) {
      layout->respondent_column = static_cast<ptrdiff_t>(c);
      continue;
    }
    if (ignored(c, header.names[c])) {
      layout->ignored_columns.push_back(c);
      continue;
    }
    absl::string_view question_text;
    absl::string_view row;
    if (SplitGridTitle(title, &question_text, &row)) {
      const std::string key = NormalizeText(question_text);
      auto [it, inserted] = grid_index.emplace(key, questions.size());
      if (inserted) {
        Question question;
        question.id = std::string(question_text);
        question.text = std::string(question_text);
        question.normalized_text = key;
        questions.push_back(std::move(question));
      }
      questions[it->second].columns.push_back(c);
      questions[it->second].statements.emplace_back(row);
      continue;
    }
    Question question;
    question.id = title;
    question.text = title;
    question.normalized_text = header.names[c];
    question.single = true;
    question.has_statement_rows = false;
    question.columns.push_back(c);
    question.statements.push_back(title);
    questions.push_back(std::move(question));
  }
  return AssignOutcomes(
      header, options, questions, 0,
      [&](size_t column) { return header.Cell(0, column); }, layout);
}

}  // namespace jtbd
