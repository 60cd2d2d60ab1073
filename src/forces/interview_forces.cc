#include "forces/interview_forces.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "forces/force_names.h"

namespace jtbd {
namespace forces {

ForceIntensities InterviewIntensities(const v1::SwitchInterview& interview) {
  ForceIntensities intensities = {0, 0, 0, 0};
  for (const v1::ForceObservation& observation : interview.observations()) {
    if (observation.force() < v1::FORCE_PUSH ||
        observation.force() > v1::FORCE_HABIT) {
      continue;
    }
    int& slot = intensities[ForceIndex(observation.force())];
    slot = std::max(slot, static_cast<int>(observation.intensity()));
  }
  return intensities;
}

int ForceBalance(const ForceIntensities& intensities) {
  return intensities[0] + intensities[1] - intensities[2] - intensities[3];
}

std::string AttributeValue(const v1::SwitchInterview& interview,
                           const std::string& name) {
  const auto found = interview.attributes().find(name);
  if (found != interview.attributes().end()) return found->second;
  for (const auto& [key, value] : interview.attributes()) {
    if (absl::EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

}  // namespace forces
}  // namespace jtbd
