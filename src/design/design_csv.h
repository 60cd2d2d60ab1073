// A study design read from CSV: today's outcomes file (id, statement,
// job_step) is one, and optional rows give the job and the job map.
#ifndef JTBD_DESIGN_DESIGN_CSV_H_
#define JTBD_DESIGN_DESIGN_CSV_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "jtbd/v1/job.pb.h"

namespace jtbd {
namespace design {

// The header names the columns, compared as the outcomes file's are
// (io/outcome_descriptions.h: ignoring case and the spaces around them, a
// space inside counting as "_"): the id from the first of id, outcome_id,
// outcome (required); statement and job_step (optional); and, beyond the
// outcomes file, kind, executor and type (optional). Other columns are
// ignored, so every `--outcomes` file is a design.
//
// Each row is one of, by its kind cell (blank or no kind column: outcome):
//   outcome  a desired outcome: id, statement, job_step (a step id; the
//            eight universal step names match ignoring case);
//   job      the job, at most one row: statement, executor, type
//            (functional, emotional or social; blank: unspecified), id;
//   step     a step of the job map, in the order carried out: id (a
//            universal step name, or a custom step's id), statement = the
//            display name (optional).
// Without step rows the job map is the eight universal steps, then each
// other job_step the outcomes name, in order of first appearance
// (job_map.h). With step rows it is exactly those, and every outcome's
// job_step must be one of them.
//
// Refusals are INVALID_ARGUMENT (RESOURCE_EXHAUSTED for `limits`) with the
// message form of every CSV reader
//   <source>: line <L>, column <C> ("<header>"): <what is wrong>
// and the result is all or nothing.
absl::StatusOr<v1::StudyDesign> ReadDesignCsv(
    absl::string_view data, absl::string_view source_name,
    const ResourceLimits& limits = ResourceLimits());

}  // namespace design
}  // namespace jtbd

#endif  // JTBD_DESIGN_DESIGN_CSV_H_
