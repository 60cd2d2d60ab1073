// What the layout functions share: header width, references, the
// refusal format, solution columns, the weight and duration options, and
// the choice of the function for a format.
#include "io/survey_layout.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "io/source_position.h"
#include "io/text_normalize.h"

namespace jtbd {

const std::string& SurveyHeader::Cell(size_t row, size_t column) const {
  static const std::string* const kEmpty = new std::string();
  const std::vector<std::string>& cells = rows[row].cells;
  return column < cells.size() ? cells[column] : *kEmpty;
}

ptrdiff_t SurveyHeader::FindLower(absl::string_view name) const {
  const auto it = std::find(lower_names.begin(), lower_names.end(), name);
  return it == lower_names.end() ? ptrdiff_t{-1} : it - lower_names.begin();
}

absl::Status LayoutError(const SurveyHeader& header, const SurveyLayout& layout,
                         size_t line, size_t column, absl::string_view what) {
  // Both branches string_view: with "" the common type would be a temporary
  // std::string, destroyed before the view is used.
  const absl::string_view name =
      column != 0 && column <= layout.headers.size()
          ? absl::string_view(layout.headers[column - 1])
          : absl::string_view();
  return SourcePositionError(header.source, line, column, name, what);
}

absl::Status SurveyMapError(const ReadOptions& options, absl::string_view field,
                            absl::string_view what) {
  const std::string map_name = options.survey_map_source.empty()
                                   ? std::string("survey map")
                                   : options.survey_map_source;
  return absl::InvalidArgumentError(
      absl::StrCat(map_name, ": ", field, ": ", what));
}

std::string ExceedsLimit(absl::string_view what, LimitKind kind,
                         uint64_t limit) {
  return absl::StrCat(what, " exceeds the limit ", LimitHint(kind, limit));
}

absl::Status FixHeaderWidth(SurveyHeader* mutable_header,
                            SurveyLayout* layout) {
  SurveyHeader& header = *mutable_header;
  header.raw_width = header.rows[0].cells.size();
  for (size_t r = 1; r < header.rows.size(); ++r) {
    const size_t fields = header.rows[r].cells.size();
    if (fields != header.raw_width) {
      return LayoutError(
          header, *layout, header.Line(r),
          std::min(fields, header.raw_width) + 1,
          absl::StrCat("header row ", r + 1, " has ", fields,
                       " fields but header row 1 has ", header.raw_width));
    }
  }
  // Spreadsheets add empty columns after the last one used.
  header.width = header.raw_width;
  while (header.width > 1) {
    bool blank = true;
    for (size_t r = 0; r < header.rows.size(); ++r) {
      if (!header.Cell(r, header.width - 1).empty()) blank = false;
    }
    if (!blank) break;
    --header.width;
  }
  header.names.clear();
  header.lower_names.clear();
  layout->headers.clear();
  for (size_t c = 0; c < header.width; ++c) {
    layout->headers.push_back(header.Cell(0, c));
    header.names.push_back(NormalizeText(header.Cell(0, c)));
    header.lower_names.push_back(absl::AsciiStrToLower(header.Cell(0, c)));
  }
  return absl::OkStatus();
}

void SetReferences(const SurveyHeader& header, SurveyLayout* layout) {
  absl::flat_hash_map<std::string, size_t> uses;
  for (size_t c = 0; c < header.width; ++c) ++uses[header.names[c]];
  layout->references.clear();
  for (size_t c = 0; c < header.width; ++c) {
    if (!header.names[c].empty() && uses[header.names[c]] == 1 &&
        header.names[c][0] != '#') {
      layout->references.push_back(header.Cell(0, c));
    } else {
      layout->references.push_back(absl::StrCat("#", c + 1));
    }
  }
}

absl::Status CheckNamesForTables(const SurveyHeader& header,
                                 const SurveyLayout& layout) {
  absl::flat_hash_map<std::string, size_t> first_column;
  for (size_t c = 0; c < header.width; ++c) {
    if (header.Cell(0, c).empty()) {
      return LayoutError(header, layout, header.Line(0), c + 1,
                         "the header name is blank");
    }
    auto [it, inserted] = first_column.emplace(header.lower_names[c], c + 1);
    if (!inserted) {
      return LayoutError(
          header, layout, header.Line(0), c + 1,
          absl::StrCat("the header name repeats column ", it->second,
                       " (names are compared ignoring case)"));
    }
  }
  return absl::OkStatus();
}

absl::Status AddSolutionColumns(
    const SurveyHeader& header,
    std::vector<SurveyLayout::SolutionColumn> columns, SurveyLayout* layout) {
  // Names compare ignoring ASCII case and keep their first spelling; one
  // column per (solution, outcome).
  absl::flat_hash_map<std::string, std::string> spelling;
  absl::flat_hash_map<std::pair<std::string, size_t>, size_t> column_of;
  for (SurveyLayout::SolutionColumn& column : columns) {
    std::string lower = absl::AsciiStrToLower(column.solution);
    const std::string& name =
        spelling.emplace(lower, column.solution).first->second;
    column.solution = name;
    const auto [earlier, added] = column_of.emplace(
        std::make_pair(std::move(lower), column.outcome), column.column);
    if (!added) {
      return LayoutError(
          header, *layout, header.Line(0), column.column + 1,
          absl::StrCat("solution ", Quoted(name), " on outcome ",
                       Quoted(layout->outcomes[column.outcome].id),
                       " is already rated in column ", earlier->second + 1));
    }
    layout->solution_columns.push_back(std::move(column));
  }
  return absl::OkStatus();
}

namespace {

// The column of the weight or duration option: a reference as SurveyMap
// writes it, or a first-row name (NormalizeText form); -1 when none.
ptrdiff_t FindOptionColumn(const SurveyHeader& header,
                           const SurveyLayout& layout,
                           absl::string_view reference) {
  for (size_t c = 0; c < header.width; ++c) {
    if (layout.references[c] == reference ||
        header.names[c] == NormalizeText(reference)) {
      return static_cast<ptrdiff_t>(c);
    }
  }
  return -1;
}

// Takes `column` from the attributes or the ignored columns for a role of
// its own; false when the layout reads it as something else already.
bool TakeColumn(size_t column, SurveyLayout* layout) {
  auto& attributes = layout->attributes;
  const auto attribute =
      std::find_if(attributes.begin(), attributes.end(),
                   [column](const SurveyLayout::AttributeColumn& a) {
                     return a.column == column;
                   });
  if (attribute != attributes.end()) {
    attributes.erase(attribute);
    return true;
  }
  auto& ignored = layout->ignored_columns;
  const auto ignored_at = std::find(ignored.begin(), ignored.end(), column);
  if (ignored_at != ignored.end()) {
    ignored.erase(ignored_at);
    return true;
  }
  return false;
}

// A column with no name cannot be an attribute: a study refuses a nameless
// attribute at its first row, while an aggregate, which keeps no attribute,
// would read on and refuse the file elsewhere or not at all. Set aside,
// whatever the format, both reads agree (found by fuzz_survey_surveymonkey:
// a first header cell of tabs only).
void SetAsideNamelessAttributes(SurveyLayout* layout) {
  auto& attributes = layout->attributes;
  for (const SurveyLayout::AttributeColumn& attribute : attributes) {
    if (attribute.name.empty()) {
      layout->ignored_columns.push_back(attribute.column);
    }
  }
  attributes.erase(std::remove_if(attributes.begin(), attributes.end(),
                                  [](const SurveyLayout::AttributeColumn& a) {
                                    return a.name.empty();
                                  }),
                   attributes.end());
}

absl::Status ApplyWeightOption(const SurveyHeader& header,
                               const ReadOptions& options,
                               SurveyLayout* layout) {
  const absl::string_view reference = TrimSpaces(options.weight_column);
  if (reference.empty() || options.survey_map.has_value()) {
    return absl::OkStatus();
  }
  const ptrdiff_t found = FindOptionColumn(header, *layout, reference);
  if (found < 0) {
    return LayoutError(
        header, *layout, header.Line(0), 0,
        absl::StrCat("no weight column ", Quoted(reference), " in the header"));
  }
  if (!TakeColumn(static_cast<size_t>(found), layout)) {
    return LayoutError(header, *layout, header.Line(0), found + 1,
                       "the weight column is already read as answers or ids");
  }
  layout->weight_column = found;
  return absl::OkStatus();
}

// The duration column: the one ReadOptions names, else a column named
// duration or duration_seconds in long and wide layouts (Qualtrics' own is
// found by LayOutQualtrics); it stops being an attribute.
absl::Status ApplyDurationOption(const SurveyHeader& header,
                                 const ReadOptions& options,
                                 SurveyLayout* layout) {
  if (options.survey_map.has_value()) return absl::OkStatus();
  const absl::string_view reference = TrimSpaces(options.duration_column);
  ptrdiff_t found = -1;
  if (!reference.empty()) {
    found = FindOptionColumn(header, *layout, reference);
    if (found < 0) {
      return LayoutError(header, *layout, header.Line(0), 0,
                         absl::StrCat("no duration column ", Quoted(reference),
                                      " in the header"));
    }
  } else if (layout->format == v1::SURVEY_FORMAT_LONG ||
             layout->format == v1::SURVEY_FORMAT_WIDE) {
    for (absl::string_view name : {"duration", "duration_seconds"}) {
      found = header.FindLower(name);
      if (found >= 0) break;
    }
    if (found < 0) return absl::OkStatus();
  } else {
    return absl::OkStatus();
  }
  if (!TakeColumn(static_cast<size_t>(found), layout)) {
    return LayoutError(header, *layout, header.Line(0), found + 1,
                       "the duration column is already read as answers, ids "
                       "or weights");
  }
  layout->duration_column = found;
  return absl::OkStatus();
}

// Long and wide tables: names checked, then the layout the columns fit.
absl::Status LayOutTable(const SurveyHeader& header, v1::SurveyFormat format,
                         SurveyLayout* layout) {
  absl::Status status = CheckNamesForTables(header, *layout);
  if (!status.ok()) return status;
  const ptrdiff_t outcome = header.FindLower("outcome");
  const ptrdiff_t importance = header.FindLower("importance");
  const ptrdiff_t satisfaction = header.FindLower("satisfaction");
  const bool long_columns =
      outcome >= 0 && importance >= 0 && satisfaction >= 0;
  ptrdiff_t first_wide_column = -1;
  for (size_t i = 0; i < header.width; ++i) {
    if (absl::StartsWith(header.lower_names[i], "imp_") ||
        absl::StartsWith(header.lower_names[i], "sat_")) {
      first_wide_column = static_cast<ptrdiff_t>(i);
      break;
    }
  }
  SetReferences(header, layout);
  if (long_columns && first_wide_column >= 0) {
    return LayoutError(header, *layout, header.Line(0), first_wide_column + 1,
                       "a wide-layout answer column in a long-layout header "
                       "(outcome, importance, satisfaction); use one "
                       "layout");
  }
  if (format == v1::SURVEY_FORMAT_LONG) {
    return long_columns
               ? LayOutLong(header, outcome, importance, satisfaction, layout)
               : LayoutError(header, *layout, header.Line(0), 1,
                             "the long layout needs outcome, importance and "
                             "satisfaction columns");
  }
  return first_wide_column >= 0
             ? LayOutWide(header, layout)
             : LayoutError(header, *layout, header.Line(0), 1,
                           "the wide layout needs imp_<outcome> and "
                           "sat_<outcome> columns");
}

}  // namespace

absl::Status LayOutSurvey(const SurveyHeader& header, v1::SurveyFormat format,
                          const ReadOptions& options, SurveyLayout* layout) {
  if (options.survey_map.has_value()) {
    SetReferences(header, layout);
    return LayOutFromMap(header, options, *options.survey_map, layout);
  }
  absl::Status status;
  switch (format) {
    case v1::SURVEY_FORMAT_LONG:
    case v1::SURVEY_FORMAT_WIDE:
      status = LayOutTable(header, format, layout);
      break;
    case v1::SURVEY_FORMAT_QUALTRICS:
    case v1::SURVEY_FORMAT_QUALTRICS_LEGACY:
      status =
          LayOutQualtrics(header, options,
                          format == v1::SURVEY_FORMAT_QUALTRICS_LEGACY, layout);
      // After: the layout renames the columns it reads.
      SetReferences(header, layout);
      break;
    case v1::SURVEY_FORMAT_SURVEYMONKEY:
      status = LayOutSurveyMonkey(header, options, layout);
      SetReferences(header, layout);
      break;
    case v1::SURVEY_FORMAT_GOOGLE_FORMS:
      SetReferences(header, layout);
      status = LayOutGoogleForms(header, options, layout);
      break;
    case v1::SURVEY_FORMAT_TYPEFORM:
      SetReferences(header, layout);
      status = LayOutTypeform(header, options, layout);
      break;
    default:
      status = LayoutError(header, *layout, header.Line(0), 1, kUnknownLayout);
  }
  if (status.ok()) SetAsideNamelessAttributes(layout);
  if (status.ok()) status = ApplyWeightOption(header, options, layout);
  if (status.ok()) status = ApplyDurationOption(header, options, layout);
  return status;
}

}  // namespace jtbd
