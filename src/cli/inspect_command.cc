// jtbd inspect: reads a survey as `jtbd score` would and prints what was
// understood (format, respondents, outcomes with their statements and
// columns, attributes, answer and blank counts); --write-map writes that
// understanding as an editable survey map for `jtbd score --map`.
#include "cli/inspect_command.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/survey_input.h"
#include "core/scale.h"
#include "core/study.h"
#include "io/survey_reader.h"
#include "io/text_encoding.h"
#include "pipeline/input_source.h"
#include "pipeline/survey_read.h"
#include "segments/attribute_overrepresentation.h"

namespace jtbd {
namespace cli {
namespace {

struct InspectArgs {
  SurveyInputArgs input;
  absl::optional<int> scale_min;
  absl::optional<int> scale_max;
  absl::optional<int> top_box_min;
  std::string map_output_path;  // --write-map; "-": standard output
  std::string input_path;
  bool help = false;
};

std::string ParseArgs(const std::vector<std::string>& raw, InspectArgs* args) {
  auto takes_value = [](const std::string& name) {
    return IsSurveyInputFlag(name) || name == "--scale" ||
           name == "--top-box" || name == "--write-map";
  };
  auto on_option = [args](const std::string& name,
                          const std::string& value) -> std::string {
    if (IsSurveyInputFlag(name)) {
      return ParseSurveyInputFlag(name, value, &args->input);
    } else if (name == "--scale") {
      const std::vector<absl::string_view> bounds = absl::StrSplit(value, '-');
      int min = 0;
      int max = 0;
      if (bounds.size() != 2 || !absl::SimpleAtoi(bounds[0], &min) ||
          !absl::SimpleAtoi(bounds[1], &max)) {
        return absl::StrCat("bad --scale \"", value,
                            "\" (expected MIN-MAX, such as 1-5)");
      }
      args->scale_min = min;
      args->scale_max = max;
    } else if (name == "--top-box") {
      int top_box = 0;
      if (!absl::SimpleAtoi(value, &top_box)) {
        return absl::StrCat("bad --top-box \"", value,
                            "\" (expected a rating)");
      }
      args->top_box_min = top_box;
    } else {
      if (value.empty()) return "--write-map needs a file name";
      args->map_output_path = value;
    }
    return "";
  };
  ParsedArguments parsed;
  std::string problem = WalkArguments(raw, takes_value, on_option, &parsed);
  if (!problem.empty()) return problem;
  args->help = parsed.help;
  const std::vector<std::string>& positional = parsed.positional;
  if (args->help) return "";
  if (positional.empty()) return "missing the survey FILE";
  if (positional.size() > 1) {
    return absl::StrCat("expected one survey FILE, got ", positional.size(),
                        ": ", absl::StrJoin(positional, " "));
  }
  args->input_path = positional[0];
  if (args->input_path == "-" && args->input.map_path == "-") {
    return "standard input can feed the survey or --map, not both";
  }
  return CheckSurveyInputArgs(args->input);
}

std::string SeparatorName(char separator) {
  if (separator == '\t') return "TAB";
  return absl::StrCat("\"", std::string(1, separator), "\"");
}

// "Q2_1 (#19)": how a map names the column, and its number.
std::string ColumnName(const SurveyLayout& layout, size_t column) {
  const std::string number = absl::StrCat("#", column + 1);
  if (column >= layout.references.size() ||
      layout.references[column] == number) {
    return number;
  }
  return absl::StrCat(layout.references[column], " (", number, ")");
}

// Columns of a plain-text table, padded to their widest cell (counted in
// code points, so that accented text lines up).
std::string Table(const std::vector<std::vector<std::string>>& rows) {
  auto width_of = [](const std::string& text) {
    size_t width = 0;
    for (unsigned char c : text) width += (c & 0xC0) != 0x80;
    return width;
  };
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], width_of(row[c]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = "  ";
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) {
        line.append(widths[c] - width_of(row[c]) + 2, ' ');
      }
    }
    out += line + "\n";
  }
  return out;
}

std::string Describe(const std::string& source,
                     const SurveyInspection& inspection, const Study* study) {
  const SurveyLayout& layout = inspection.layout;
  std::string out = absl::StrCat("file:          ", source, "\n");
  absl::StrAppend(&out, "format:        ", SurveyFormatName(layout.format),
                  " (", layout.header_rows, " header row",
                  layout.header_rows == 1 ? "" : "s", "), ",
                  TextEncodingName(inspection.encoding), ", separator ",
                  SeparatorName(inspection.separator), "\n");
  absl::StrAppend(
      &out, "respondents:   ",
      study != nullptr ? absl::StrCat(study->respondent_count())
                       : std::string("?"),
      layout.respondent_column >= 0
          ? absl::StrCat(" (ids from column ",
                         ColumnName(layout, layout.respondent_column), ")")
          : std::string(" (numbered by row)"),
      "\n");
  if (layout.weight_column >= 0) {
    absl::StrAppend(&out, "weights:       column ",
                    ColumnName(layout, layout.weight_column), "\n");
  }
  if (layout.duration_column >= 0) {
    absl::StrAppend(&out, "durations:     column ",
                    ColumnName(layout, layout.duration_column), "\n");
  }
  if (!layout.importance_questions.empty()) {
    absl::StrAppend(&out, "importance:    ",
                    absl::StrJoin(layout.importance_questions, ", "), "\n");
    absl::StrAppend(&out, "satisfaction:  ",
                    absl::StrJoin(layout.satisfaction_questions, ", "), "\n");
  }

  if (layout.long_layout) {
    absl::StrAppend(
        &out, "long layout:   outcome ids in ",
        ColumnName(layout, layout.outcome_column), ", importance in ",
        ColumnName(layout, layout.importance_column), ", satisfaction in ",
        ColumnName(layout, layout.satisfaction_column), "\n");
  }
  const size_t outcome_count =
      study != nullptr ? study->outcome_count() : layout.outcomes.size();
  absl::StrAppend(&out, "outcomes:      ", outcome_count, "\n");
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"id", "importance", "satisfaction", "answers I/S",
                  "blank I/S", "statement"});
  for (size_t o = 0; o < outcome_count; ++o) {
    std::vector<std::string> row;
    const bool from_layout = !layout.long_layout && o < layout.outcomes.size();
    row.push_back(study != nullptr ? study->outcomes()[o].id
                                   : layout.outcomes[o].id);
    row.push_back(from_layout
                      ? ColumnName(layout, layout.outcomes[o].importance)
                      : std::string("-"));
    row.push_back(from_layout
                      ? ColumnName(layout, layout.outcomes[o].satisfaction)
                      : std::string("-"));
    if (study != nullptr) {
      size_t importance = 0;
      size_t satisfaction = 0;
      size_t asked = 0;
      for (size_t r = 0; r < study->respondent_count(); ++r) {
        if (!study->HasAnswer(r, o)) continue;
        ++asked;
        importance += study->importance(r, o) != 0;
        satisfaction += study->satisfaction(r, o) != 0;
      }
      row.push_back(absl::StrCat(importance, "/", satisfaction));
      row.push_back(
          absl::StrCat(asked - importance, "/", asked - satisfaction));
      row.push_back(study->outcomes()[o].statement);
    } else {
      row.push_back("?");
      row.push_back("?");
      row.push_back(layout.outcomes[o].statement);
    }
    rows.push_back(std::move(row));
  }
  out += Table(rows);

  // Competing solutions: a long file's solution column, or a wide file's
  // competitor columns, with how many ratings each solution got.
  if (layout.solution_column >= 0) {
    absl::StrAppend(&out, "solutions:     named in column ",
                    ColumnName(layout, layout.solution_column), "\n");
  }
  if (!layout.solution_columns.empty()) {
    rows.clear();
    rows.push_back({"solution", "outcome", "column", "ratings"});
    for (const SurveyLayout::SolutionColumn& column : layout.solution_columns) {
      std::vector<std::string> row{column.solution,
                                   layout.outcomes[column.outcome].id,
                                   ColumnName(layout, column.column)};
      const ptrdiff_t solution =
          study != nullptr ? study->FindSolution(column.solution) : -1;
      if (solution >= 0) {
        size_t ratings = 0;
        for (size_t r = 0; r < study->respondent_count(); ++r) {
          ratings +=
              study->solution_satisfaction(r, solution, column.outcome) != 0;
        }
        row.push_back(absl::StrCat(ratings));
      } else {
        row.push_back("?");
      }
      rows.push_back(std::move(row));
    }
    absl::StrAppend(&out, "solutions:     ", layout.solution_columns.size(),
                    " competitor column",
                    layout.solution_columns.size() == 1 ? "" : "s", "\n");
    out += Table(rows);
  } else if (study != nullptr && study->solution_count() != 0) {
    absl::StrAppend(
        &out, "solutions:     ", absl::StrJoin(study->solutions(), ", "), "\n");
  }
  absl::StrAppend(&out, "attributes:    ", layout.attributes.size(), "\n");
  if (!layout.attributes.empty()) {
    rows.clear();
    rows.push_back(
        {"name", "column", "values", "blank", "distinct", "segment profiles"});
    for (const SurveyLayout::AttributeColumn& attribute : layout.attributes) {
      std::vector<std::string> row{attribute.name,
                                   ColumnName(layout, attribute.column)};
      if (study != nullptr) {
        size_t values = 0;
        absl::flat_hash_set<absl::string_view> distinct;
        for (size_t r = 0; r < study->respondent_count(); ++r) {
          const absl::string_view value = study->attribute(r, attribute.name);
          if (value.empty()) continue;
          ++values;
          distinct.insert(value);
        }
        row.push_back(absl::StrCat(values));
        row.push_back(absl::StrCat(study->respondent_count() - values));
        row.push_back(absl::StrCat(distinct.size()));
        // The rule `jtbd segment` applies to its clustered respondents,
        // applied here to all of them.
        row.push_back(IsMostlyUniqueAttribute(distinct.size(), values)
                          ? "set aside: mostly unique values (an id, an "
                            "e-mail, free text)"
                          : "tested");
      } else {
        row.insert(row.end(), {"?", "?", "?", "?"});
      }
      rows.push_back(std::move(row));
    }
    out += Table(rows);
  }
  if (!layout.ignored_columns.empty()) {
    std::vector<std::string> names;
    for (size_t column : layout.ignored_columns) {
      names.push_back(ColumnName(layout, column));
    }
    absl::StrAppend(&out, "ignored:       ", layout.ignored_columns.size(),
                    " column", layout.ignored_columns.size() == 1 ? "" : "s",
                    ": ", absl::StrJoin(names, ", "), "\n");
  }
  return out;
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "jtbd: %s\n", std::string(status.message()).c_str());
  return kExitBadData;
}

}  // namespace

int RunInspect(const std::vector<std::string>& raw_args) {
  InspectArgs args;
  const std::string problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, InspectSynopsis());
  if (args.help) {
    std::fputs(InspectUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  const absl::StatusOr<Scale> scale = Scale::FromParts(
      Scale(), args.scale_min, args.scale_max, args.top_box_min);
  if (!scale.ok()) {
    return UsageError(std::string(scale.status().message()), InspectSynopsis());
  }
  const InputSource survey = SourceOf(args.input_path);
  const std::string& source = survey.name();
  const absl::StatusOr<ReadOptions> options =
      MakeReadOptions(args.input, *scale, source);
  if (!options.ok()) return Fail(options.status());

  SurveyInspection inspection;
  const absl::StatusOr<Study> study =
      ReadSurveyStudy(survey, *options, &inspection);
  CloseProgress();
  // What was understood is worth showing even when a row is then refused.
  if (inspection.layout_known) {
    const absl::Status printed = WriteStdout(
        Describe(source, inspection, study.ok() ? &*study : nullptr));
    if (!printed.ok()) return Fail(printed);
    if (!args.map_output_path.empty()) {
      const std::string json =
          SurveyMapToJson(SurveyLayoutToMap(inspection.layout));
      const absl::Status written =
          args.map_output_path == "-"
              ? WriteStdout(json)
              : WriteFileAtomically(args.map_output_path, json);
      if (!written.ok()) return Fail(written);
    }
  }
  if (!study.ok()) return Fail(study.status());
  return kExitOk;
}

}  // namespace cli
}  // namespace jtbd
