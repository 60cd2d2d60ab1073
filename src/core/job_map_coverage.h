// Job-map coverage: a study design's steps joined with the scores of the
// outcomes attached to them (docs/SCORING.md, "Job-map coverage").
#ifndef JTBD_CORE_JOB_MAP_COVERAGE_H_
#define JTBD_CORE_JOB_MAP_COVERAGE_H_

#include "jtbd/v1/job.pb.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {
namespace design {

// Per step of design.job().steps, in order: its outcomes, how many are
// scored (a band other than UNSPECIFIED and INSUFFICIENT_DATA in the
// report's whole-sample outcomes), underserved (EXTREME, HIGH, UNDERSERVED)
// and overserved (OVERSERVED), the sum of max(opportunity - 10, 0) and the
// highest opportunity; then the steps with no outcome, the step with the
// most opportunity, and the design's outcomes attached to no step or not in
// the report. `design` is expected checked (design_reader.h).
v1::JobMapCoverage ComputeCoverage(const v1::StudyDesign& design,
                                   const v1::Report& report);
// The same from one set of scores (a segment's).
v1::JobMapCoverage ComputeCoverage(
    const v1::StudyDesign& design,
    const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& outcomes);

// Sets report->design and report->coverage (and each segment's coverage,
// from its own scores), and gives every outcome score
// (segments' included) without a statement the design's statement.
void AttachDesign(const v1::StudyDesign& design, v1::Report* report);

}  // namespace design
}  // namespace jtbd

#endif  // JTBD_CORE_JOB_MAP_COVERAGE_H_
