// "Score this survey": a survey from any source, how to read it and how to
// score it, in, a report out, by the cheapest path the options allow. Every
// face that scores a survey file or body (the CLI's `jtbd score`, the
// sidecar's text/csv /v1/score) calls this, so that they all choose, refuse
// and order their refusals alike.
#ifndef JTBD_PIPELINE_SCORE_SURVEY_H_
#define JTBD_PIPELINE_SCORE_SURVEY_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "io/survey_reader.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "pipeline/input_source.h"

namespace jtbd {

struct SurveyScoringOptions {
  // segment_by, statistics, method, screening: as Study::Score takes them.
  v1::ScoringOptions scoring;
  // Statements and job steps of the outcomes kept apart from the survey
  // (io/outcome_descriptions.h), read with the survey's limits; none when
  // unset.
  absl::optional<InputSource> outcome_descriptions;
  // A study design (design/design_reader.h: CSV, protobuf JSON or binary,
  // told apart by DetectDesignFormat), read with the survey's limits and
  // attached to the report with its job-map coverage (core/job_map_coverage.h);
  // none when unset.
  absl::optional<InputSource> design;
};

// How a survey reaches its report. Each gives the same report for the same
// data and options it accepts (tests/pipeline prove it).
enum class ScorePath {
  // Read straight into one Aggregate: memory does not grow with the rows
  // (wide-like layouts; the long one is read through a Study inside the
  // reader).
  kAggregate,
  // Read straight into the whole-sample aggregate and one per value of
  // segment_by: memory grows with the segments, not the rows.
  kSegmentedAggregate,
  // Read into a Study, which keeps every respondent: what screening, which
  // revisits respondents, needs.
  kStudy,
};

// "aggregate", "segmented_aggregate", "study".
const char* ScorePathName(ScorePath path);

// The cheapest path for these options: the study when screening is
// enabled, else the segmented aggregates with segment_by, else the
// aggregate. Outcome descriptions apply to every path.
ScorePath CheapestScorePath(const v1::ScoringOptions& options);

// Reads `survey` with `read_options` and scores it by
// CheapestScorePath(options.scoring). Refusals, in this order, as the
// first one met:
//   the survey's (reading standard input; io/survey_reader.h: format,
//     layout, values, limits; NOT_FOUND for a missing file);
//   the outcome descriptions' (io/outcome_descriptions.h);
//   NOT_FOUND when segment_by names no respondent attribute column that
//     some respondent has a value in:
//       <survey name>: line 1: no column "<segment_by>" with respondent
//       values to segment by (respondent attribute columns: a, b)
//     ("the file has no respondent attribute columns" when there are none);
//   the scoring options' (INVALID_ARGUMENT naming the option);
//   the design's (design/design_reader.h: file, line and column, or the
//     message field).
absl::StatusOr<v1::Report> ScoreSurvey(const InputSource& survey,
                                       const ReadOptions& read_options,
                                       const SurveyScoringOptions& options);

// The same by a given path, for tests and measurements. INVALID_ARGUMENT,
// before anything is read, when the path cannot honour the options:
// segment_by on kAggregate, none on kSegmentedAggregate, screening on
// either aggregate path (and, on every path and in ScoreSurvey, standard
// input given for both the survey and the descriptions).
absl::StatusOr<v1::Report> ScoreSurveyVia(ScorePath path,
                                          const InputSource& survey,
                                          const ReadOptions& read_options,
                                          const SurveyScoringOptions& options);

// The NOT_FOUND above, for a survey named `source_name` whose respondents
// have values in `attributes` (in the order first given).
absl::Status SegmentColumnNotFoundError(
    absl::string_view source_name, absl::string_view segment_by,
    const std::vector<std::string>& attributes);

}  // namespace jtbd

#endif  // JTBD_PIPELINE_SCORE_SURVEY_H_
