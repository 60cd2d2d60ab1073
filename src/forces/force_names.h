#ifndef JTBD_FORCES_FORCE_NAMES_H_
#define JTBD_FORCES_FORCE_NAMES_H_

#include <array>
#include <optional>

#include "absl/strings/string_view.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// The four forces in the order every report and model uses.
constexpr std::array<v1::Force, 4> kForces = {
    v1::FORCE_PUSH, v1::FORCE_PULL, v1::FORCE_ANXIETY, v1::FORCE_HABIT};
constexpr int kForceCount = 4;

// 0..3 in kForces order; the force must be specified.
int ForceIndex(v1::Force force);
// "push", "pull", "anxiety", "habit" ("unspecified" otherwise): the keys of
// the JSON outputs.
const char* ForceName(v1::Force force);
// +1 for push and pull (toward change), -1 for anxiety and habit.
int ForceSign(v1::Force force);

// A force as written in a file (in NormalizeText form: lower case, no
// accents): push|pull|anxiety|habit, French poussee|attraction|anxiete|
// habitude, Klement's inertia|inertie for habit.
std::optional<v1::Force> ParseForce(absl::string_view normalized);

// "first_thought", ... ("unspecified").
const char* StageName(v1::TimelineStage stage);
// A stage as written (normalized; spaces, hyphens and underscores alike):
// first thought, passive looking, active looking, deciding, first use,
// ongoing use, and the French premiere pensee, recherche passive,
// recherche active, decision, premiere utilisation, utilisation continue.
std::optional<v1::TimelineStage> ParseStage(absl::string_view normalized);

// choice|use, French choix|usage|utilisation.
std::optional<v1::ForceMoment> ParseMoment(absl::string_view normalized);

// The outcome as written (normalized): 1|yes|oui|true|switched|won|churned
// or 0|no|non|false|stayed|lost|retained.
std::optional<v1::SwitchOutcome> ParseSwitched(absl::string_view normalized);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_FORCE_NAMES_H_
