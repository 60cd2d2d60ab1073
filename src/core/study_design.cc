#include "core/study_design.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "core/job_map.h"
#include "google/protobuf/util/message_differencer.h"

namespace jtbd {
namespace design {
namespace {

absl::Status FieldError(absl::string_view source, absl::string_view path,
                        absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(source, ": ", path, ": ", what));
}

}  // namespace

absl::Status CheckDesign(absl::string_view source, v1::StudyDesign* design) {
  v1::StudyDesign checked = *design;
  v1::Job* job = checked.mutable_job();
  absl::flat_hash_set<std::string> steps;
  for (int s = 0; s < job->steps_size(); ++s) {
    v1::JobStep* step = job->mutable_steps(s);
    const std::string path = absl::StrCat("job.steps[", s, "].id");
    if (step->id().empty() &&
        step->universal_step() != v1::UNIVERSAL_STEP_UNSPECIFIED) {
      step->set_id(UniversalStepName(step->universal_step()));
    }
    if (step->id().empty())
      return FieldError(source, path, "the step id is blank");
    const v1::UniversalStep named = UniversalStepNamed(step->id());
    if (named != v1::UNIVERSAL_STEP_UNSPECIFIED) {
      if (step->universal_step() != v1::UNIVERSAL_STEP_UNSPECIFIED &&
          step->universal_step() != named) {
        return FieldError(source, path,
                          absl::StrCat("the id names the universal step \"",
                                       UniversalStepName(named),
                                       "\" but universal_step is another"));
      }
      step->set_id(UniversalStepName(named));
      step->set_universal_step(named);
    }
    if (!steps.insert(step->id()).second) {
      return FieldError(
          source, path,
          absl::StrCat("step \"", step->id(), "\" is already in the job map"));
    }
  }
  absl::flat_hash_set<std::string> outcomes;
  for (int o = 0; o < checked.outcomes_size(); ++o) {
    v1::DesiredOutcome* outcome = checked.mutable_outcomes(o);
    const std::string path = absl::StrCat("outcomes[", o, "]");
    if (outcome->id().empty()) {
      return FieldError(source, path + ".id", "the outcome id is blank");
    }
    if (!outcomes.insert(outcome->id()).second) {
      return FieldError(source, path + ".id",
                        absl::StrCat("outcome \"", outcome->id(),
                                     "\" is already in the design"));
    }
    if (outcome->job_step_id().empty()) continue;
    outcome->set_job_step_id(StepIdOf(outcome->job_step_id()));
    if (!steps.empty() && !steps.contains(outcome->job_step_id())) {
      return FieldError(source, path + ".job_step_id",
                        absl::StrCat("step \"", outcome->job_step_id(),
                                     "\" is not in the job map"));
    }
  }
  CompleteJobMap(&checked);
  *design = std::move(checked);
  return absl::OkStatus();
}

bool SameDesign(const v1::StudyDesign& a, const v1::StudyDesign& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

}  // namespace design
}  // namespace jtbd
