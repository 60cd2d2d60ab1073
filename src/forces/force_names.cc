#include "forces/force_names.h"

#include <string>

#include "absl/strings/str_replace.h"

namespace jtbd {
namespace forces {

int ForceIndex(v1::Force force) { return static_cast<int>(force) - 1; }

const char* ForceName(v1::Force force) {
  switch (force) {
    case v1::FORCE_PUSH:
      return "push";
    case v1::FORCE_PULL:
      return "pull";
    case v1::FORCE_ANXIETY:
      return "anxiety";
    case v1::FORCE_HABIT:
      return "habit";
    default:
      return "unspecified";
  }
}

int ForceSign(v1::Force force) {
  return force == v1::FORCE_PUSH || force == v1::FORCE_PULL ? 1 : -1;
}

std::optional<v1::Force> ParseForce(absl::string_view text) {
  if (text == "push" || text == "poussee") return v1::FORCE_PUSH;
  if (text == "pull" || text == "attraction") return v1::FORCE_PULL;
  if (text == "anxiety" || text == "anxiete") return v1::FORCE_ANXIETY;
  if (text == "habit" || text == "habitude" || text == "inertia" ||
      text == "inertie") {
    return v1::FORCE_HABIT;
  }
  return std::nullopt;
}

const char* StageName(v1::TimelineStage stage) {
  switch (stage) {
    case v1::TIMELINE_STAGE_FIRST_THOUGHT:
      return "first_thought";
    case v1::TIMELINE_STAGE_PASSIVE_LOOKING:
      return "passive_looking";
    case v1::TIMELINE_STAGE_ACTIVE_LOOKING:
      return "active_looking";
    case v1::TIMELINE_STAGE_DECIDING:
      return "deciding";
    case v1::TIMELINE_STAGE_FIRST_USE:
      return "first_use";
    case v1::TIMELINE_STAGE_ONGOING_USE:
      return "ongoing_use";
    default:
      return "unspecified";
  }
}

std::optional<v1::TimelineStage> ParseStage(absl::string_view text) {
  const std::string key = absl::StrReplaceAll(text, {{" ", "_"}, {"-", "_"}});
  if (key == "first_thought" || key == "premiere_pensee") {
    return v1::TIMELINE_STAGE_FIRST_THOUGHT;
  }
  if (key == "passive_looking" || key == "recherche_passive") {
    return v1::TIMELINE_STAGE_PASSIVE_LOOKING;
  }
  if (key == "active_looking" || key == "recherche_active") {
    return v1::TIMELINE_STAGE_ACTIVE_LOOKING;
  }
  if (key == "deciding" || key == "decision")
    return v1::TIMELINE_STAGE_DECIDING;
  if (key == "first_use" || key == "consuming" ||
      key == "premiere_utilisation") {
    return v1::TIMELINE_STAGE_FIRST_USE;
  }
  if (key == "ongoing_use" || key == "utilisation_continue") {
    return v1::TIMELINE_STAGE_ONGOING_USE;
  }
  return std::nullopt;
}

std::optional<v1::ForceMoment> ParseMoment(absl::string_view text) {
  if (text == "choice" || text == "choix") return v1::FORCE_MOMENT_CHOICE;
  if (text == "use" || text == "usage" || text == "utilisation") {
    return v1::FORCE_MOMENT_USE;
  }
  return std::nullopt;
}

std::optional<v1::SwitchOutcome> ParseSwitched(absl::string_view text) {
  if (text == "1" || text == "yes" || text == "oui" || text == "true" ||
      text == "switched" || text == "won" || text == "churned") {
    return v1::SWITCH_OUTCOME_SWITCHED;
  }
  if (text == "0" || text == "no" || text == "non" || text == "false" ||
      text == "stayed" || text == "lost" || text == "retained") {
    return v1::SWITCH_OUTCOME_STAYED;
  }
  return std::nullopt;
}

}  // namespace forces
}  // namespace jtbd
