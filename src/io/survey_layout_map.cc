// A jtbd.v1.SurveyMap: the columns named by reference (first-row name or
// #<n>), replacing detection.
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/text_normalize.h"

namespace jtbd {

absl::Status LayOutFromMap(const SurveyHeader& header,
                           const ReadOptions& options, const v1::SurveyMap& map,
                           SurveyLayout* layout) {
  std::vector<std::string> roles(header.width);  // what each column is, if used
  auto resolve = [&](absl::string_view field, const std::string& reference,
                     bool required, ptrdiff_t* column) -> absl::Status {
    *column = -1;
    const absl::string_view ref = TrimSpaces(reference);
    if (ref.empty()) {
      if (required) return SurveyMapError(options, field, "no column given");
      return absl::OkStatus();
    }
    if (ref[0] == '#' && ref.size() > 1) {
      size_t number = 0;
      if (!absl::SimpleAtoi(ref.substr(1), &number) || number == 0 ||
          number > header.width) {
        return SurveyMapError(
            options, field,
            absl::StrCat("column ", Quoted(ref),
                         " is not a column number from #1 "
                         "to #",
                         header.width, " of ", header.source));
      }
      *column = static_cast<ptrdiff_t>(number - 1);
    } else {
      const std::string wanted = NormalizeText(ref);
      std::vector<size_t> matches;
      for (size_t c = 0; c < header.width; ++c) {
        if (header.names[c] == wanted) matches.push_back(c);
      }
      if (matches.empty()) {
        return SurveyMapError(
            options, field,
            absl::StrCat("no column ", Quoted(ref),
                         " in the first header row of ", header.source,
                         " (line ", header.Line(0), ")"));
      }
      if (matches.size() > 1) {
        return SurveyMapError(
            options, field,
            absl::StrCat("column name ", Quoted(ref), " is ambiguous in ",
                         header.source, ": columns #", matches[0] + 1, " and #",
                         matches[1] + 1, " (name one as #<n>)"));
      }
      *column = static_cast<ptrdiff_t>(matches[0]);
    }
    std::string& role = roles[*column];
    if (!role.empty()) {
      return SurveyMapError(
          options, field,
          absl::StrCat("column ", Quoted(ref), " is already used as ", role));
    }
    role = std::string(field);
    return absl::OkStatus();
  };

  ptrdiff_t column = -1;
  absl::Status status = resolve("respondent_id_column",
                                map.respondent_id_column(), false, &column);
  if (!status.ok()) return status;
  layout->respondent_column = column;

  if (map.has_long_layout()) {
    const v1::SurveyMapLongLayout& long_layout = map.long_layout();
    if (layout->respondent_column < 0) {
      return SurveyMapError(options, "respondent_id_column",
                            "a long layout needs the respondent id column");
    }
    ptrdiff_t outcome = -1;
    ptrdiff_t importance = -1;
    ptrdiff_t satisfaction = -1;
    for (auto [field, reference, required, target] : std::initializer_list<
             std::tuple<const char*, const std::string*, bool, ptrdiff_t*>>{
             {"long_layout.outcome_column", &long_layout.outcome_column(), true,
              &outcome},
             {"long_layout.importance_column", &long_layout.importance_column(),
              true, &importance},
             {"long_layout.satisfaction_column",
              &long_layout.satisfaction_column(), true, &satisfaction},
             {"long_layout.statement_column", &long_layout.statement_column(),
              false, &layout->statement_column},
             {"long_layout.job_step_column", &long_layout.job_step_column(),
              false, &layout->job_step_column},
             {"long_layout.solution_column", &long_layout.solution_column(),
              false, &layout->solution_column}}) {
      status = resolve(field, *reference, required, target);
      if (!status.ok()) return status;
    }
    layout->long_layout = true;
    layout->outcome_column = static_cast<size_t>(outcome);
    layout->importance_column = static_cast<size_t>(importance);
    layout->satisfaction_column = static_cast<size_t>(satisfaction);
  } else if (map.outcomes().empty()) {
    return SurveyMapError(options, "outcomes", "the map names no outcomes");
  }

  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < map.outcomes_size(); ++i) {
    const v1::SurveyMapOutcome& outcome = map.outcomes(i);
    const std::string field = absl::StrCat("outcomes[", i, "]");
    const absl::string_view id = TrimSpaces(outcome.id());
    if (id.empty())
      return SurveyMapError(options, field, "the outcome id is blank");
    if (!ids.insert(std::string(id)).second) {
      return SurveyMapError(
          options, field,
          absl::StrCat("outcome id ", Quoted(id), " is given twice"));
    }
    SurveyLayout::OutcomeColumns columns{
        std::string(id), std::string(outcome.statement()), 0, 0};
    if (!map.has_long_layout()) {
      ptrdiff_t importance = -1;
      ptrdiff_t satisfaction = -1;
      status = resolve(absl::StrCat(field, ".importance_column"),
                       outcome.importance_column(), true, &importance);
      if (!status.ok()) return status;
      status = resolve(absl::StrCat(field, ".satisfaction_column"),
                       outcome.satisfaction_column(), true, &satisfaction);
      if (!status.ok()) return status;
      columns.importance = static_cast<size_t>(importance);
      columns.satisfaction = static_cast<size_t>(satisfaction);
    } else if (!outcome.importance_column().empty() ||
               !outcome.satisfaction_column().empty()) {
      return SurveyMapError(options, field,
                            "in a long layout the rating columns are "
                            "long_layout's; outcomes only add statements");
    }
    layout->outcomes.push_back(std::move(columns));
  }

  std::vector<SurveyLayout::SolutionColumn> solution_columns;
  for (int i = 0; i < map.solution_columns_size(); ++i) {
    const v1::SurveyMapSolutionColumn& entry = map.solution_columns(i);
    const std::string field = absl::StrCat("solution_columns[", i, "]");
    if (map.has_long_layout()) {
      return SurveyMapError(options, field,
                            "a long layout names its solutions in "
                            "long_layout.solution_column");
    }
    const absl::string_view solution = TrimSpaces(entry.solution());
    if (solution.empty()) {
      return SurveyMapError(options, absl::StrCat(field, ".solution"),
                            "the solution name is blank");
    }
    const absl::string_view outcome_id = TrimSpaces(entry.outcome_id());
    const auto outcome =
        std::find_if(layout->outcomes.begin(), layout->outcomes.end(),
                     [outcome_id](const SurveyLayout::OutcomeColumns& outcome) {
                       return outcome.id == outcome_id;
                     });
    if (outcome == layout->outcomes.end()) {
      return SurveyMapError(
          options, absl::StrCat(field, ".outcome_id"),
          absl::StrCat(Quoted(outcome_id),
                       " is not an id of the map's outcomes"));
    }
    status =
        resolve(absl::StrCat(field, ".column"), entry.column(), true, &column);
    if (!status.ok()) return status;
    solution_columns.push_back(
        {std::string(solution),
         static_cast<size_t>(outcome - layout->outcomes.begin()),
         static_cast<size_t>(column)});
  }
  status = AddSolutionColumns(header, std::move(solution_columns), layout);
  if (!status.ok()) return status;

  absl::flat_hash_set<std::string> attribute_names;
  auto add_attribute = [&](size_t column, std::string name,
                           absl::string_view field) -> absl::Status {
    if (name.empty()) name = header.Cell(0, column);
    if (name.empty()) name = layout->references[column];
    if (!attribute_names.insert(name).second) {
      return SurveyMapError(
          options, field,
          absl::StrCat("attribute name ", Quoted(name), " is given twice"));
    }
    layout->attributes.push_back({column, std::move(name)});
    return absl::OkStatus();
  };
  for (int i = 0; i < map.attributes_size(); ++i) {
    const std::string field = absl::StrCat("attributes[", i, "]");
    status = resolve(absl::StrCat(field, ".column"), map.attributes(i).column(),
                     true, &column);
    if (!status.ok()) return status;
    status =
        add_attribute(static_cast<size_t>(column),
                      std::string(TrimSpaces(map.attributes(i).name())), field);
    if (!status.ok()) return status;
  }
  status = resolve("solution_column", map.solution_column(), false, &column);
  if (!status.ok()) return status;
  if (column >= 0) {
    status = add_attribute(static_cast<size_t>(column), "solution",
                           "solution_column");
    if (!status.ok()) return status;
  }
  status = resolve("weight_column", map.weight_column(), false, &column);
  if (!status.ok()) return status;
  layout->weight_column = column;
  status = resolve("duration_column", map.duration_column(), false, &column);
  if (!status.ok()) return status;
  layout->duration_column = column;
  for (size_t c = 0; c < header.width; ++c) {
    if (roles[c].empty()) layout->ignored_columns.push_back(c);
  }
  return absl::OkStatus();
}

}  // namespace jtbd
