#ifndef JTBD_IO_SURVEY_LAYOUT_H_
#define JTBD_IO_SURVEY_LAYOUT_H_

// Internal to io: from a survey file's header rows to its SurveyLayout.
// One pure function per export format (survey_layout_<format>.cc), the
// format detection (survey_format.cc) and the steps they share
// (survey_layout.cc; the question matching of survey-tool exports in
// survey_questions.h). Every survey-tool export comes out as a wide-like
// layout (one column per rating); only the long layout keeps a row per
// answer. A function writes into the layout as it goes, so that a refusal
// leaves in it what was understood so far (SurveyInspection's promise).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "io/survey_reader.h"
#include "jtbd/v1/survey_map.pb.h"

namespace jtbd {

// The header rows of a survey file, as read, with the first row's names
// in the two forms matching uses.
struct SurveyHeader {
  struct Row {
    size_t line = 0;
    std::vector<std::string> cells;  // trimmed
  };
  std::string source;  // names the file in messages
  std::vector<Row> rows;
  size_t raw_width = 0;                  // fields of the header rows
  size_t width = 0;                      // without the trailing empty columns
  std::vector<std::string> names;        // first row, NormalizeText form
  std::vector<std::string> lower_names;  // first row, ASCII lower case

  // A header cell, "" past the end of its row.
  const std::string& Cell(size_t row, size_t column) const;
  size_t Line(size_t row) const { return rows[row].line; }
  // Column of the first name (in lower_names) equal to `name`, or -1.
  ptrdiff_t FindLower(absl::string_view name) const;
};

// The refusal every step shares: <source>: line L, column C ("<header>"):
// what, the header name taken from layout.headers; column 0 = no column,
// line 0 = no line.
absl::Status LayoutError(const SurveyHeader& header, const SurveyLayout& layout,
                         size_t line, size_t column, absl::string_view what);
// "<map source>: <field>: <what>", about a survey map.
absl::Status SurveyMapError(const ReadOptions& options, absl::string_view field,
                            absl::string_view what);
// A refusal for exceeding a ResourceLimits value: the position message, as
// RESOURCE_EXHAUSTED.
inline absl::Status ToResourceExhausted(const absl::Status& status) {
  return absl::ResourceExhaustedError(status.message());
}
std::string ExceedsLimit(absl::string_view what, LimitKind kind,
                         uint64_t limit);

template <size_t N>
bool IsOneOf(absl::string_view value, const absl::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), value) != std::end(set);
}

// The first column of a Google Forms export, in a few languages (detection
// and the Google Forms layout).
inline constexpr absl::string_view kGoogleFormsTimestamps[] = {
    "timestamp",   "horodateur",           "marca temporal",
    "zeitstempel", "carimbo de data/hora", "informazioni cronologiche",
};
inline constexpr absl::string_view kUnknownLayout =
    "the header matches no known layout: expected a long layout "
    "(respondent, outcome, importance, satisfaction), a wide layout "
    "(imp_<outcome>, sat_<outcome>), or a Qualtrics, SurveyMonkey, Google "
    "Forms or Typeform export (a format can also be forced, or the columns "
    "named by a survey map)";

// ---------------------------------------------- detection (survey_format.cc)

// The header rows a format has unless a survey map says otherwise.
int DefaultHeaderRows(v1::SurveyFormat format);
// The format named by options.format, else detected from the first header
// row (header.names must be set).
absl::StatusOr<v1::SurveyFormat> SurveyFormatOf(const SurveyHeader& header,
                                                const ReadOptions& options,
                                                const SurveyLayout& layout);

// ------------------------------------------------ shared (survey_layout.cc)

// Checks that every header row has the first one's width, drops the
// trailing empty columns, sets names, lower_names and layout->headers.
absl::Status FixHeaderWidth(SurveyHeader* header, SurveyLayout* layout);
// layout->references: the first-row name, or "#<n>" when blank, repeated or
// itself starting with '#'.
void SetReferences(const SurveyHeader& header, SurveyLayout* layout);
// Long and wide tables name every column once.
absl::Status CheckNamesForTables(const SurveyHeader& header,
                                 const SurveyLayout& layout);
// Adds competitor columns (outcome = index in layout->outcomes): refuses a
// (solution, outcome) rated twice, spells each solution as first met.
absl::Status AddSolutionColumns(
    const SurveyHeader& header,
    std::vector<SurveyLayout::SolutionColumn> columns, SurveyLayout* layout);
// The layout of `format` (survey map: LayOutFromMap), then the options'
// weight and duration columns.
absl::Status LayOutSurvey(const SurveyHeader& header, v1::SurveyFormat format,
                          const ReadOptions& options, SurveyLayout* layout);

// ------------------------------------- one function per format, own file

// survey_layout_long.cc: respondent, outcome, importance, satisfaction
// columns (given), statement, job_step, solution; the rest attributes.
absl::Status LayOutLong(const SurveyHeader& header, size_t outcome,
                        size_t importance, size_t satisfaction,
                        SurveyLayout* layout);
// survey_layout_wide.cc: imp_<id>/sat_<id> pairs, competitor columns.
absl::Status LayOutWide(const SurveyHeader& header, SurveyLayout* layout);
// survey_layout_qualtrics.cc: the three-row export, or the legacy two-row
// one.
absl::Status LayOutQualtrics(const SurveyHeader& header,
                             const ReadOptions& options, bool legacy,
                             SurveyLayout* layout);
// survey_layout_surveymonkey.cc: question texts over row labels.
absl::Status LayOutSurveyMonkey(const SurveyHeader& header,
                                const ReadOptions& options,
                                SurveyLayout* layout);
// survey_layout_google_forms.cc: "Question [Row]" titles.
absl::Status LayOutGoogleForms(const SurveyHeader& header,
                               const ReadOptions& options,
                               SurveyLayout* layout);
// survey_layout_typeform.cc: "#", titles, trailing metadata.
absl::Status LayOutTypeform(const SurveyHeader& header,
                            const ReadOptions& options, SurveyLayout* layout);
// survey_layout_map.cc: what a jtbd.v1.SurveyMap says (references set).
absl::Status LayOutFromMap(const SurveyHeader& header,
                           const ReadOptions& options, const v1::SurveyMap& map,
                           SurveyLayout* layout);

}  // namespace jtbd

#endif  // JTBD_IO_SURVEY_LAYOUT_H_
