#include "core/job_map.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"

namespace jtbd {
namespace design {
namespace {

constexpr const char* kNames[] = {"",        "define",  "locate",
                                  "prepare", "confirm", "execute",
                                  "monitor", "modify",  "conclude"};
constexpr int kUniversalStepCount = 8;

}  // namespace

const char* UniversalStepName(v1::UniversalStep step) {
  const int index = static_cast<int>(step);
  if (index < 0 || index > kUniversalStepCount) return "";
  return kNames[index];
}

v1::UniversalStep UniversalStepNamed(absl::string_view name) {
  const std::string lower =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  for (int i = 1; i <= kUniversalStepCount; ++i) {
    if (lower == kNames[i]) return static_cast<v1::UniversalStep>(i);
  }
  return v1::UNIVERSAL_STEP_UNSPECIFIED;
}

std::string StepIdOf(absl::string_view written) {
  const v1::UniversalStep step = UniversalStepNamed(written);
  if (step != v1::UNIVERSAL_STEP_UNSPECIFIED) return UniversalStepName(step);
  return std::string(written);
}

void CompleteJobMap(v1::StudyDesign* design) {
  v1::Job* job = design->mutable_job();
  if (job->steps_size() > 0) return;
  absl::flat_hash_set<std::string> known;
  for (int i = 1; i <= kUniversalStepCount; ++i) {
    v1::JobStep* step = job->add_steps();
    step->set_id(kNames[i]);
    step->set_universal_step(static_cast<v1::UniversalStep>(i));
    known.insert(kNames[i]);
  }
  for (const v1::DesiredOutcome& outcome : design->outcomes()) {
    const std::string& id = outcome.job_step_id();
    if (id.empty() || !known.insert(id).second) continue;
    job->add_steps()->set_id(id);
  }
}

}  // namespace design
}  // namespace jtbd
