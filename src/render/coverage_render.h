// The job-map coverage of a report (jtbd.v1.JobMapCoverage) as a table
// block for people and as CSV, one row per step.
#ifndef JTBD_RENDER_COVERAGE_RENDER_H_
#define JTBD_RENDER_COVERAGE_RENDER_H_

#include <string>

#include "jtbd/v1/report.pb.h"

namespace jtbd {

// The "Job map coverage" block of `jtbd score`'s table: one line per step
// in job-map order (outcomes, scored, underserved, overserved, opportunity
// above 10 and the highest opportunity, one decimal), then the uncovered
// steps, the step with the most opportunity and the outcomes attached to
// no step or without scores. "" when the report has no coverage. A
// segmented report then has one block per segment (its steps, its step
// with the most opportunity, its outcomes without scores).
std::string RenderCoverageTable(const v1::Report& report);

// RFC 4180 CSV, one row per step in job-map order:
// step_id,name,universal_step,outcomes,scored,underserved,overserved,
// all_underserved,all_overserved,opportunity_excess,max_opportunity,
// top_outcome_id,most_opportunity. Numbers unrounded (shortest round-trip
// form), booleans true/false, every text cell through CsvField. Only the
// header when the report has no coverage. When segments have coverage, a
// first column "segment": empty for the whole sample's rows, then each
// segment's rows under its name.
std::string RenderCoverageCsv(const v1::Report& report);

}  // namespace jtbd

#endif  // JTBD_RENDER_COVERAGE_RENDER_H_
