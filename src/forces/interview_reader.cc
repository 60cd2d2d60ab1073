// Interviews as protobuf, the checks every source shares, and files by name.
#include "forces/interview_reader.h"

#include <iostream>
#include <iterator>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "forces/calendar_date.h"
#include "forces/force_names.h"
#include "google/protobuf/util/json_util.h"
#include "io/source_position.h"

namespace jtbd {
namespace forces {
namespace {

absl::Status InterviewError(absl::string_view source, int index,
                            const v1::SwitchInterview& interview,
                            absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(
      source, ": interviews[", index, "] (",
      interview.id().empty() ? "no id" : Quoted(interview.id()), "): ", what));
}

}  // namespace

absl::Status ValidateInterviews(const v1::SwitchInterviews& interviews,
                                absl::string_view source,
                                bool require_outcome) {
  if (interviews.interviews_size() == 0) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": no interview"));
  }
  absl::flat_hash_set<absl::string_view> ids;
  for (int i = 0; i < interviews.interviews_size(); ++i) {
    const v1::SwitchInterview& interview = interviews.interviews(i);
    if (interview.id().empty()) {
      return InterviewError(source, i, interview, "no id");
    }
    if (!ids.insert(interview.id()).second) {
      return InterviewError(source, i, interview, "the id is given twice");
    }
    const bool known = interview.outcome() == v1::SWITCH_OUTCOME_SWITCHED ||
                       interview.outcome() == v1::SWITCH_OUTCOME_STAYED;
    if (!known && (require_outcome ||
                   interview.outcome() != v1::SWITCH_OUTCOME_UNSPECIFIED)) {
      return InterviewError(source, i, interview,
                            "no outcome (switched or stayed)");
    }
    for (int k = 0; k < interview.observations_size(); ++k) {
      const v1::ForceObservation& observation = interview.observations(k);
      if (observation.force() < v1::FORCE_PUSH ||
          observation.force() > v1::FORCE_HABIT) {
        return InterviewError(source, i, interview,
                              absl::StrCat("observations[", k,
                                           "]: no force (push, pull, "
                                           "anxiety or habit)"));
      }
      if (observation.intensity() < 1 || observation.intensity() > 5) {
        return InterviewError(
            source, i, interview,
            absl::StrCat("observations[", k, "]: intensity ",
                         observation.intensity(), " is off the scale (1-5)"));
      }
      if (observation.moment() < v1::FORCE_MOMENT_UNSPECIFIED ||
          observation.moment() > v1::FORCE_MOMENT_USE) {
        return InterviewError(
            source, i, interview,
            absl::StrCat("observations[", k, "]: unknown moment"));
      }
    }
    absl::flat_hash_set<int> stages;
    for (int k = 0; k < interview.timeline_events_size(); ++k) {
      const v1::TimelineEvent& event = interview.timeline_events(k);
      if (event.stage() < v1::TIMELINE_STAGE_FIRST_THOUGHT ||
          event.stage() > v1::TIMELINE_STAGE_ONGOING_USE) {
        return InterviewError(
            source, i, interview,
            absl::StrCat("timeline_events[", k, "]: no stage"));
      }
      if (!stages.insert(event.stage()).second) {
        return InterviewError(
            source, i, interview,
            absl::StrCat("timeline_events[", k, "]: stage ",
                         StageName(event.stage()), " is given twice"));
      }
      if (!event.date().empty() && !DaysFromIsoDate(event.date())) {
        return InterviewError(
            source, i, interview,
            absl::StrCat("timeline_events[", k, "]: ", Quoted(event.date()),
                         " is not a date (YYYY-MM-DD)"));
      }
    }
    for (const v1::TimelineEvent& later : interview.timeline_events()) {
      if (later.date().empty()) continue;
      for (const v1::TimelineEvent& earlier : interview.timeline_events()) {
        if (earlier.date().empty() || earlier.stage() >= later.stage())
          continue;
        if (*DaysFromIsoDate(earlier.date()) > *DaysFromIsoDate(later.date())) {
          return InterviewError(
              source, i, interview,
              absl::StrCat("stage ", StageName(later.stage()), " (",
                           later.date(), ") is dated before ",
                           StageName(earlier.stage()), " (", earlier.date(),
                           ")"));
        }
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::SwitchInterviews> ParseInterviewsBinary(
    absl::string_view bytes, absl::string_view source_name,
    bool require_outcome) {
  if (absl::Status size = CheckRequestBytes(
          bytes.size(), ResourceLimits::kDefaultMaxRequestBytes, source_name);
      !size.ok()) {
    return size;
  }
  v1::SwitchInterviews interviews;
  if (!interviews.ParseFromArray(bytes.data(),
                                 static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": the ", bytes.size(),
                     " bytes are not a serialized jtbd.v1.SwitchInterviews"));
  }
  if (absl::Status valid =
          ValidateInterviews(interviews, source_name, require_outcome);
      !valid.ok()) {
    return valid;
  }
  return interviews;
}

absl::StatusOr<v1::SwitchInterviews> ParseInterviewsJson(
    absl::string_view bytes, absl::string_view source_name,
    bool require_outcome) {
  if (absl::Status size = CheckRequestBytes(
          bytes.size(), ResourceLimits::kDefaultMaxRequestBytes, source_name);
      !size.ok()) {
    return size;
  }
  if (absl::Status depth = CheckJsonDepth(
          bytes, ResourceLimits::kDefaultMaxJsonDepth, source_name);
      !depth.ok()) {
    return depth;
  }
  v1::SwitchInterviews interviews;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // newer writers, older library
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(bytes.data(), bytes.size()), &interviews,
      options);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        source_name, ": not a jtbd.v1.SwitchInterviews in protobuf JSON: ",
        parsed.message().ToString()));
  }
  if (absl::Status valid =
          ValidateInterviews(interviews, source_name, require_outcome);
      !valid.ok()) {
    return valid;
  }
  return interviews;
}

absl::StatusOr<v1::SwitchInterviews> ReadInterviewsFile(
    const std::string& path, const InterviewReadOptions& options) {
  std::string bytes;
  std::string source = path;
  if (path == "-") {
    source = "<stdin>";
    bytes.assign(std::istreambuf_iterator<char>(std::cin),
                 std::istreambuf_iterator<char>());
  } else {
    absl::StatusOr<std::string> read = ReadWholeFile(path);
    if (!read.ok()) return read.status();
    bytes = *std::move(read);
  }
  if (absl::EndsWithIgnoreCase(path, ".json")) {
    return ParseInterviewsJson(bytes, source, options.require_outcome);
  }
  if (absl::EndsWithIgnoreCase(path, ".pb") ||
      absl::EndsWithIgnoreCase(path, ".binpb")) {
    return ParseInterviewsBinary(bytes, source, options.require_outcome);
  }
  return ReadInterviewsCsv(bytes, source, options);
}

}  // namespace forces
}  // namespace jtbd
