#ifndef JTBD_FORCES_INTERVIEW_FORCES_H_
#define JTBD_FORCES_INTERVIEW_FORCES_H_

#include <array>
#include <string>

#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// One interview reduced to what the analysis and the model use: per force
// (kForces order) its intensity, the strongest of its observations, 0 when
// the interview never mentions it. The strongest rather than the sum, so
// that an interviewer who notes the same worry three times does not triple
// it; the Klement choice/use split is kept in the data but not separated
// here.
using ForceIntensities = std::array<int, 4>;
ForceIntensities InterviewIntensities(const v1::SwitchInterview& interview);

// push + pull - anxiety - habit.
int ForceBalance(const ForceIntensities& intensities);

// The interview's value of attribute `name`: the exact key, else the first
// key equal to it without case; "" when absent.
std::string AttributeValue(const v1::SwitchInterview& interview,
                           const std::string& name);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_INTERVIEW_FORCES_H_
