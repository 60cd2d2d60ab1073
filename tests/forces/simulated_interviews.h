// Switch interviews whose outcomes follow known force weights, for the
// model's proof (and the benchmark).
#ifndef JTBD_TESTS_FORCES_SIMULATED_INTERVIEWS_H_
#define JTBD_TESTS_FORCES_SIMULATED_INTERVIEWS_H_

#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {
namespace testing {

struct SimulatedWeights {
  double intercept = -0.2;
  std::array<double, 4> forces = {0.6, 0.5, -0.55, -0.45};  // push..habit
};

// Each force is mentioned with probability 0.65 at an intensity uniform on
// 1-5; the outcome is drawn from logistic(intercept + weights . x). The
// true probability of each interview goes to *truth when given.
inline v1::SwitchInterviews SimulateInterviews(
    int n, uint64_t seed, const SimulatedWeights& weights = {},
    std::vector<double>* truth = nullptr) {
  std::mt19937_64 random(seed);
  auto uniform = [&random] {
    return static_cast<double>(random() >> 11) * 0x1.0p-53;
  };
  v1::SwitchInterviews interviews;
  for (int i = 0; i < n; ++i) {
    v1::SwitchInterview* interview = interviews.add_interviews();
    interview->set_id("i" + std::to_string(i + 1));
    double eta = weights.intercept;
    for (int f = 0; f < 4; ++f) {
      if (uniform() >= 0.65) continue;
      const int intensity = 1 + static_cast<int>(uniform() * 5);
      v1::ForceObservation* observation = interview->add_observations();
      observation->set_force(static_cast<v1::Force>(f + 1));
      observation->set_intensity(static_cast<uint32_t>(intensity));
      eta += weights.forces[f] * intensity;
    }
    const double p = 1 / (1 + std::exp(-eta));
    if (truth != nullptr) truth->push_back(p);
    interview->set_outcome(uniform() < p ? v1::SWITCH_OUTCOME_SWITCHED
                                         : v1::SWITCH_OUTCOME_STAYED);
    (*interview->mutable_attributes())["segment"] = i % 3 == 0 ? "smb" : "mid";
  }
  return interviews;
}

}  // namespace testing
}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_TESTS_FORCES_SIMULATED_INTERVIEWS_H_
