#ifndef JTBD_CORE_REPORT_WARNINGS_H_
#define JTBD_CORE_REPORT_WARNINGS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// Below this many (Kish effective) answers or respondents a figure gets a
// WARNING_CODE_SMALL_SAMPLE warning: the usual rule of thumb for the normal
// approximations behind the tests.
inline constexpr double kSmallSampleWarning = 30;
// Screening that flags more than this share of the respondents is warned
// about: either the survey or the rules need a look.
inline constexpr double kScreeningFlaggedWarningShare = 0.10;

// Appends the warnings of one unit (the whole sample, segment "" , or a
// named segment) with `respondents` (effective) respondents and these
// outcome scores: one small-sample warning for the unit when it has fewer
// than kSmallSampleWarning respondents, else one per outcome with fewer
// answers on either axis; one band-uncertain warning per outcome whose
// opportunity interval contains 10, 12 or 15 (outcomes with bands only).
void AppendUnitWarnings(
    const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& outcomes,
    double respondents, absl::string_view segment,
    google::protobuf::RepeatedPtrField<v1::Warning>* warnings);

// Recomputes report->warnings from the report itself: the whole sample, then
// each segment, then the screening summary. Idempotent.
void AddReportWarnings(v1::Report* report);

// "10", "10 and 12", "10, 12 and 15": the thresholds an interval contains.
std::string BandThresholdsWithin(double low, double high);

}  // namespace jtbd

#endif  // JTBD_CORE_REPORT_WARNINGS_H_
