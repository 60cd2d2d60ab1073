#ifndef JTBD_RENDER_SCREENING_RENDER_H_
#define JTBD_RENDER_SCREENING_RENDER_H_

#include <string>

#include "jtbd/v1/report.pb.h"

namespace jtbd {

// The table's screening lines under the title: the rules, the counts per
// reason, and whether flagged respondents were excluded. Empty when the
// report was not screened.
std::string ScreeningSummaryLines(const v1::Report& report);

// The table's "Screened respondents" block: one line per flagged
// respondent with its reasons, duration and blank share. Empty when the
// report was not screened.
std::string ScreenedRespondentLines(const v1::Report& report);

// "straight_lining", "speeding", "blanks"; "unspecified" otherwise.
const char* ScreeningReasonName(v1::ScreeningReason reason);

}  // namespace jtbd

#endif  // JTBD_RENDER_SCREENING_RENDER_H_
