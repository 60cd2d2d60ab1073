// The universal job map (Bettencourt & Ulwick 2008) and the job maps of
// study designs: the eight steps by name, and the map a design gets when it
// lists no steps of its own.
#ifndef JTBD_CORE_JOB_MAP_H_
#define JTBD_CORE_JOB_MAP_H_

#include <string>

#include "absl/strings/string_view.h"
#include "jtbd/v1/job.pb.h"

namespace jtbd {
namespace design {

// "define", "locate", ..., "conclude"; "" for UNSPECIFIED.
const char* UniversalStepName(v1::UniversalStep step);

// The universal step `name` names, ignoring ASCII case and the spaces
// around it; UNIVERSAL_STEP_UNSPECIFIED when it names none.
v1::UniversalStep UniversalStepNamed(absl::string_view name);

// The step id a design stores for `written`: a universal step's lower-case
// name (so "Define" and "define" are one step), else `written` as it is.
std::string StepIdOf(absl::string_view written);

// When the design's job lists no steps: the eight universal steps in order,
// then a custom step for each other job_step its outcomes name, in order of
// first appearance. A design that lists steps is left as it is.
void CompleteJobMap(v1::StudyDesign* design);

}  // namespace design
}  // namespace jtbd

#endif  // JTBD_CORE_JOB_MAP_H_
