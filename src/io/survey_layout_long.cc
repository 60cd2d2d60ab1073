// The long layout: one row per (respondent, outcome) answer.
#include <algorithm>
#include <cstddef>
#include <initializer_list>
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
#include "io/text_normalize.h"

namespace jtbd {

absl::Status LayOutLong(const SurveyHeader& header, size_t outcome,
                        size_t importance, size_t satisfaction,
                        SurveyLayout* layout) {
  layout->long_layout = true;
  layout->outcome_column = outcome;
  layout->importance_column = importance;
  layout->satisfaction_column = satisfaction;
  auto find = [&](std::initializer_list<absl::string_view> names) {
    for (absl::string_view name : names) {
      for (size_t c = 0; c < header.width; ++c) {
        if (header.lower_names[c] == name) return static_cast<ptrdiff_t>(c);
      }
    }
    return ptrdiff_t{-1};
  };
  layout->respondent_column =
      find({"respondent", "respondent_id", "id", "subject"});
  if (layout->respondent_column < 0) {
    return LayoutError(
        header, *layout, header.Line(0), 1,
        "the long layout (outcome, importance, satisfaction) needs a "
        "respondent column: respondent, respondent_id, id or "
        "subject");
  }
  // Columns that describe the outcome, not the respondent: a long export
  // from a database often repeats the statement on every row.
  layout->statement_column = find({"statement"});
  layout->job_step_column = find({"job_step"});
  // Rows naming a competing solution rate it (docs/SCORING.md).
  layout->solution_column = find({"solution"});
  for (size_t c = 0; c < header.width; ++c) {
    const ptrdiff_t column = static_cast<ptrdiff_t>(c);
    if (column != layout->respondent_column && c != outcome &&
        c != importance && c != satisfaction &&
        column != layout->statement_column &&
        column != layout->job_step_column &&
        column != layout->solution_column) {
      layout->attributes.push_back({c, header.Cell(0, c)});
    }
  }
  return absl::OkStatus();
}

}  // namespace jtbd
