#ifndef JTBD_IO_SURVEY_READER_H_
#define JTBD_IO_SURVEY_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/scale.h"
#include "core/study.h"

namespace jtbd {

// How a survey file is read.
struct ReadOptions {
  Scale scale;  // the scale answers must lie on (default 1-5, top box 4)
};

// Reads a survey CSV whose layout (long or wide) is detected from its header.
// Long: respondent (or respondent_id, id, subject), outcome, importance,
// satisfaction; optional statement and job_step columns describe outcomes;
// every other column is a respondent attribute. Wide: imp_<id>/sat_<id>
// pairs, the respondent id from respondent_id, respondent, id or subject
// (else the row number), every other column an attribute.
// Strict: any refusal is INVALID_ARGUMENT (NOT_FOUND for a missing file) with
// a message of the form
//   <source>: line <L>, column <C> ("<header>"): <what is wrong>
// where L is the line where the offending record starts and C the 1-based
// field number. Nothing half-read is ever returned.
absl::StatusOr<Study> ReadSurveyCsv(absl::string_view data,
                                    absl::string_view source_name,
                                    const ReadOptions& options);
absl::StatusOr<Study> ReadSurveyCsvFile(const std::string& path,
                                        const ReadOptions& options);

}  // namespace jtbd

#endif  // JTBD_IO_SURVEY_READER_H_
