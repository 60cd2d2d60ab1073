#include "design/design_reader.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "design/design_csv.h"
#include "design/job_map.h"
#include "google/protobuf/util/json_util.h"

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

DesignFormat DetectDesignFormat(absl::string_view data,
                                absl::string_view source_name) {
  if (absl::EndsWithIgnoreCase(source_name, ".json"))
    return DesignFormat::kJson;
  if (absl::EndsWithIgnoreCase(source_name, ".binpb") ||
      absl::EndsWithIgnoreCase(source_name, ".pb")) {
    return DesignFormat::kBinary;
  }
  for (char c : data) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' ? DesignFormat::kJson : DesignFormat::kCsv;
  }
  return DesignFormat::kCsv;
}

absl::StatusOr<v1::StudyDesign> ParseDesign(absl::string_view data,
                                            absl::string_view source_name,
                                            DesignFormat format,
                                            const ResourceLimits& limits) {
  if (format == DesignFormat::kAuto) {
    format = DetectDesignFormat(data, source_name);
  }
  if (format == DesignFormat::kCsv) {
    return ReadDesignCsv(data, source_name, limits);
  }
  if (absl::Status size =
          CheckRequestBytes(data.size(), limits.max_request_bytes, source_name);
      !size.ok()) {
    return size;
  }
  v1::StudyDesign design;
  if (format == DesignFormat::kBinary) {
    if (!design.ParseFromArray(data.data(), static_cast<int>(data.size()))) {
      return absl::InvalidArgumentError(
          absl::StrCat(source_name, ": the ", data.size(),
                       " bytes are not a serialized jtbd.v1.StudyDesign"));
    }
  } else {
    if (absl::Status depth =
            CheckJsonDepth(data, limits.max_json_depth, source_name);
        !depth.ok()) {
      return depth;
    }
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;  // newer writers, older library
    const auto parsed = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(data.data(), data.size()), &design,
        options);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          source_name, ": not a jtbd.v1.StudyDesign in protobuf JSON: ",
          parsed.message().ToString()));
    }
  }
  if (absl::Status checked = CheckDesign(source_name, &design); !checked.ok()) {
    return checked;
  }
  return design;
}

}  // namespace design
}  // namespace jtbd
