#ifndef JTBD_FORCES_INTERVIEW_READER_H_
#define JTBD_FORCES_INTERVIEW_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// How interviews are read.
struct InterviewReadOptions {
  ResourceLimits limits;
  // false for interviews still open (live deals and accounts to score with
  // a model): the switched column may be absent and the outcome
  // unspecified. A switched value given is checked all the same.
  bool require_outcome = true;
};

// Switch interviews from CSV text (docs/FORCES.md), through the survey
// files' dialect handling: UTF-8 with or without BOM or UTF-16, separated by
// , ; or TAB (detected from the header). One row per force observation:
//   interview (or entretien, interview_id, id)  required
//   switched  (or outcome, a_change)             required: 1/0, yes/no,
//             oui/non, true/false, switched/stayed, won/lost,
//             churned/retained; the same on every row of an interview
//   force     push|pull|anxiety|habit, poussee|attraction|anxiete|habitude
//             (accents and case ignored); blank on a timeline-only row
//   intensity 1-5 (intensite), required with a force
//   quote (citation), source, moment (choice|use, choix|usage)
//   stage (etape), date (YYYY-MM-DD): a timeline event of the interview
//   solution_left (left, from, ancienne_solution), solution_hired (hired,
//   to, nouvelle_solution)
// Every other column is a respondent attribute (segment among them). An
// interview's rows may be anywhere in the file; interviews come out in the
// order of their first row. Solutions and attributes keep their first
// non-blank value; a different one later is refused.
//
// Refusals (INVALID_ARGUMENT, "<source>: line L, column C ("name"): ...";
// RESOURCE_EXHAUSTED beyond `limits`) return nothing of the file: a missing
// interview or switched column, an unknown force, stage or moment, an
// intensity off 1-5, an intensity or moment without a force, a date that is
// not a date or without a stage, an interview whose switched value or
// attribute changes, a stage dated twice differently, dated stages out of
// order, a row with more fields than the header, no interview at all.
absl::StatusOr<v1::SwitchInterviews> ReadInterviewsCsv(
    absl::string_view bytes, absl::string_view source_name,
    const InterviewReadOptions& options = InterviewReadOptions());

// A jtbd.v1.SwitchInterviews message as protobuf bytes (binary, or the
// JSON mapping), held to the same rules as the CSV (ValidateInterviews);
// errors name the source and the interview.
absl::StatusOr<v1::SwitchInterviews> ParseInterviewsBinary(
    absl::string_view bytes, absl::string_view source_name,
    bool require_outcome = true);
absl::StatusOr<v1::SwitchInterviews> ParseInterviewsJson(
    absl::string_view bytes, absl::string_view source_name,
    bool require_outcome = true);

// What every set of interviews must be, whatever it came from: at least one
// interview; ids non-empty and unique; an outcome; forces specified with
// intensity 1-5; stages specified, dates YYYY-MM-DD or empty, dated stages
// in timeline order.
absl::Status ValidateInterviews(const v1::SwitchInterviews& interviews,
                                absl::string_view source_name,
                                bool require_outcome = true);

// A file by its name: .json the JSON mapping, .pb or .binpb binary, any
// other name (or `-`, standard input) CSV.
absl::StatusOr<v1::SwitchInterviews> ReadInterviewsFile(
    const std::string& path,
    const InterviewReadOptions& options = InterviewReadOptions());

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_INTERVIEW_READER_H_
