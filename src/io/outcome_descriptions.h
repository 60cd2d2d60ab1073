#ifndef JTBD_IO_OUTCOME_DESCRIPTIONS_H_
#define JTBD_IO_OUTCOME_DESCRIPTIONS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "core/segmented_scoring.h"
#include "core/study.h"

namespace jtbd {

// Attaches outcome statements and job-map steps kept apart from the survey
// (wide survey files carry only outcome ids) to the outcomes of `study`, of
// an aggregate, or of the whole sample and every segment of segmented
// aggregates (whose reports then carry them, as a described study's do).
//
// The CSV header names the columns, compared ignoring case and the spaces
// around them, a space inside counting as "_" ("Job Step" = job_step): the
// outcome id from the first of id, outcome_id, outcome (required); at least
// one of statement and job_step; other columns are ignored. One row per
// outcome: each id must be an outcome of the study, at most once; a blank
// statement or job step leaves that field as it was, and outcomes without a
// row keep what they had.
//
// All or nothing: the whole text is checked before the study (or
// aggregate) changes, so a refusal leaves it as it was. Refusals are
// INVALID_ARGUMENT (NOT_FOUND for a missing file) with survey_reader.h's
// message form
//   <source>: line <L>, column <C> ("<header>"): <what is wrong>
//
// Held to `limits` (RESOURCE_EXHAUSTED naming the limit, the study
// unchanged): the text's size (max_request_bytes; a file's checked before
// it is read) and its records (max_record_bytes, max_columns).
absl::Status ReadOutcomeDescriptionsCsv(
    absl::string_view data, absl::string_view source_name, Study* study,
    const ResourceLimits& limits = ResourceLimits());
absl::Status ReadOutcomeDescriptionsCsv(
    absl::string_view data, absl::string_view source_name, Aggregate* aggregate,
    const ResourceLimits& limits = ResourceLimits());
absl::Status ReadOutcomeDescriptionsCsv(
    absl::string_view data, absl::string_view source_name,
    SegmentedAggregate* aggregates,
    const ResourceLimits& limits = ResourceLimits());
absl::Status ReadOutcomeDescriptionsCsvFile(
    const std::string& path, Study* study,
    const ResourceLimits& limits = ResourceLimits());

}  // namespace jtbd

#endif  // JTBD_IO_OUTCOME_DESCRIPTIONS_H_
