// The checks every form of a study design passes (jtbd.v1.StudyDesign:
// the job, its job map, its desired outcomes), in core so that studies and
// aggregates can hold a design and check one loaded from a saved file.
#ifndef JTBD_CORE_STUDY_DESIGN_H_
#define JTBD_CORE_STUDY_DESIGN_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "jtbd/v1/job.pb.h"

namespace jtbd {
namespace design {

// Normalizes and checks a design given as a message, in place: a step's id
// defaults to its universal step's name, and an id naming a universal step
// (in any case) becomes that name and sets universal_step; outcomes'
// job_step_id likewise. Then outcome and step ids must be non-blank and
// unique, and, when the job lists steps, every job_step_id one of them;
// when it lists none the job map is completed (job_map.h). INVALID_ARGUMENT
// naming the field by its path:
//   <source>: outcomes[2].job_step_id: step "x" is not in the job map
// A refused design is left as it was.
absl::Status CheckDesign(absl::string_view source, v1::StudyDesign* design);

// Whether two checked designs are the same design (field by field).
bool SameDesign(const v1::StudyDesign& a, const v1::StudyDesign& b);

}  // namespace design
}  // namespace jtbd

#endif  // JTBD_CORE_STUDY_DESIGN_H_
