// Typeform exports: "#" (the response id), one title per column, metadata
// columns at the end.
#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "io/survey_layout.h"
#include "io/survey_questions.h"

namespace jtbd {

namespace {

// Typeform's trailing metadata columns.
constexpr absl::string_view kTypeformIgnored[] = {
    "response type",     "start date (utc)", "stage date (utc)",
    "submit date (utc)", "network id",       "tags",
};

}  // namespace

absl::Status LayOutTypeform(const SurveyHeader& header,
                            const ReadOptions& options, SurveyLayout* layout) {
  return LayOutTitled(
      header, options, /*respondent_name=*/"#",
      [](size_t, absl::string_view name) {
        return IsOneOf(name, kTypeformIgnored);
      },
      layout);
}

}  // namespace jtbd
