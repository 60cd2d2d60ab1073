// The scores of a roadmap read from a report jtbd already wrote (`jtbd score
// --format json`), for a CRM that keeps reports rather than answers.
#ifndef JTBD_ROADMAP_REPORT_SCORES_H_
#define JTBD_ROADMAP_REPORT_SCORES_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jtbd/v1/report.pb.h"
#include "roadmap/survey_scores.h"

namespace jtbd {
namespace roadmap {

// One group (the whole sample) from report.outcomes, or, when the report has
// segments, one per segment weighted by its share of the segmented
// respondents, outcomes matched by id, in the report's outcome order. A
// report keeps no answer tables, so there is nothing to redraw: the
// roadmap's robustness figures need the survey or an aggregate.
// INVALID_ARGUMENT, prefixed with `source`, for a report without outcomes
// or scored with Olsen's opportunity (0-1 shares, not the 0-10 scores the
// value model needs).
absl::StatusOr<SurveyScores> ScoresOfReport(const v1::Report& report,
                                            absl::string_view source);

// A jtbd.v1.Report in the protobuf JSON mapping (unknown fields refused),
// its errors prefixed with `source`.
absl::StatusOr<v1::Report> ParseReportJson(absl::string_view json,
                                           absl::string_view source);

}  // namespace roadmap
}  // namespace jtbd

#endif  // JTBD_ROADMAP_REPORT_SCORES_H_
