// Google Forms exports: a timestamp, then one title per column ("Question
// [Row]" for a grid's rows).
#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "io/survey_layout.h"
#include "io/survey_questions.h"

namespace jtbd {

absl::Status LayOutGoogleForms(const SurveyHeader& header,
                               const ReadOptions& options,
                               SurveyLayout* layout) {
  // Respondents are numbered by row; only a first column that is the
  // timestamp is left out.
  return LayOutTitled(
      header, options, /*respondent_name=*/"",
      [](size_t column, absl::string_view name) {
        return column == 0 && IsOneOf(name, kGoogleFormsTimestamps);
      },
      layout);
}

}  // namespace jtbd
