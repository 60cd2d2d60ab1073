// The wide layout: one row per respondent, imp_<id>/sat_<id> pairs.
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
#include "absl/strings/str_join.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/text_normalize.h"

namespace jtbd {

absl::Status LayOutWide(const SurveyHeader& header, SurveyLayout* layout) {
  // Answer columns by outcome id in lower case (header names match ignoring
  // case; duplicates were refused, so the ids are unique that way too).
  absl::flat_hash_map<std::string, size_t> importance_by_id;
  absl::flat_hash_map<std::string, size_t> satisfaction_by_id;
  std::vector<size_t> importance_columns;  // in header order
  std::vector<bool> is_answer_column(header.width, false);
  for (size_t i = 0; i < header.width; ++i) {
    const bool importance = absl::StartsWith(header.lower_names[i], "imp_");
    const bool satisfaction = absl::StartsWith(header.lower_names[i], "sat_");
    if (!importance && !satisfaction) continue;
    is_answer_column[i] = true;
    if (header.Cell(0, i).size() == 4) {
      return LayoutError(header, *layout, header.Line(0), i + 1,
                         "the column names no outcome after its prefix");
    }
    std::string id = header.lower_names[i].substr(4);
    if (importance) {
      importance_by_id.emplace(std::move(id), i);
      importance_columns.push_back(i);
    } else {
      satisfaction_by_id.emplace(std::move(id), i);
    }
  }

  // Pair the columns, reporting the leftmost one that has no partner.
  std::vector<bool> competitor_column(header.width, false);
  // Competitor columns with the importance column of their outcome (made
  // an outcome index below).
  std::vector<SurveyLayout::SolutionColumn> competitor_columns;
  for (size_t i = 0; i < header.width; ++i) {
    if (!is_answer_column[i]) continue;
    const absl::string_view id = absl::string_view(header.Cell(0, i)).substr(4);
    const std::string lower_id = header.lower_names[i].substr(4);
    if (absl::StartsWith(header.lower_names[i], "imp_")) {
      if (!satisfaction_by_id.contains(lower_id)) {
        return LayoutError(
            header, *layout, header.Line(0), i + 1,
            absl::StrCat("there is no sat_", id,
                         " column to go with this importance column"));
      }
      continue;
    }
    if (importance_by_id.contains(lower_id)) continue;
    // sat_<solution>__<outcome id> rates a competing solution on a known
    // outcome; the plugin's sat_<solution>_<outcome id> is taken when no
    // double-underscore split fits and exactly one single one does.
    // (end of the solution name, start of the outcome id) per fitting split.
    std::vector<std::pair<size_t, size_t>> splits;
    for (size_t separator : {size_t{2}, size_t{1}}) {
      for (size_t p = 0; p + separator < lower_id.size(); ++p) {
        if (lower_id.compare(p, separator, "__", separator) == 0 &&
            importance_by_id.contains(lower_id.substr(p + separator))) {
          splits.emplace_back(p, p + separator);
        }
      }
      if (!splits.empty()) break;
    }
    if (splits.empty()) {
      return LayoutError(
          header, *layout, header.Line(0), i + 1,
          absl::StrCat("there is no imp_", id,
                       " column to go with this satisfaction column"));
    }
    if (splits.size() > 1) {
      std::vector<std::string> readings;
      for (const auto& [end, start] : splits) {
        readings.push_back(absl::StrCat("solution ", Quoted(id.substr(0, end)),
                                        " on outcome ",
                                        Quoted(id.substr(start))));
      }
      return LayoutError(
          header, *layout, header.Line(0), i + 1,
          absl::StrCat("ambiguous competitor column: it reads as ",
                       absl::StrJoin(readings, " or as "),
                       "; rename it sat_<solution>__<outcome id> "
                       "with one reading, or name it in a survey "
                       "map"));
    }
    const auto [end, start] = splits[0];
    const absl::string_view solution = id.substr(0, end);
    if (TrimSpaces(solution).empty()) {
      return LayoutError(
          header, *layout, header.Line(0), i + 1,
          "ambiguous competitor column: it names no solution before "
          "the outcome id");
    }
    competitor_column[i] = true;
    competitor_columns.push_back({std::string(solution),
                                  importance_by_id.at(lower_id.substr(start)),
                                  i});
  }

  for (size_t column : importance_columns) {
    layout->outcomes.push_back(
        {header.Cell(0, column).substr(4), "", column,
         satisfaction_by_id.at(header.lower_names[column].substr(4))});
  }
  for (SurveyLayout::SolutionColumn& column : competitor_columns) {
    column.outcome = static_cast<size_t>(std::find(importance_columns.begin(),
                                                   importance_columns.end(),
                                                   column.outcome) -
                                         importance_columns.begin());
  }
  absl::Status status =
      AddSolutionColumns(header, std::move(competitor_columns), layout);
  if (!status.ok()) return status;
  for (absl::string_view name :
       {"respondent_id", "respondent", "id", "subject"}) {
    const auto it =
        std::find(header.lower_names.begin(), header.lower_names.end(), name);
    if (it != header.lower_names.end()) {
      layout->respondent_column = it - header.lower_names.begin();
      break;
    }
  }
  for (size_t i = 0; i < header.width; ++i) {
    if (competitor_column[i]) {
      continue;  // read as a competing solution's satisfaction
    } else if (!is_answer_column[i] &&
               static_cast<ptrdiff_t>(i) != layout->respondent_column) {
      layout->attributes.push_back({i, header.Cell(0, i)});
    }
  }
  return absl::OkStatus();
}

}  // namespace jtbd
