// Statements read from text: one per line, or the `--outcomes` CSV (id,
// statement, job_step) that `jtbd score` also reads.
#ifndef JTBD_STATEMENTS_STATEMENT_INPUT_H_
#define JTBD_STATEMENTS_STATEMENT_INPUT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"

namespace jtbd {
namespace statements {

struct StatementLine {
  std::string id;    // the CSV's id; empty for plain lines
  std::string text;  // as written, spaces around it removed
  size_t line = 0;   // 1-based, where it starts
};

// One statement per line (LF or CRLF; a leading byte order mark skipped);
// blank lines are not statements. Refusals are INVALID_ARGUMENT
// "<source>:<line>:<column>: <what>", column counting bytes from 1: text
// that is not UTF-8, or none at all. Held to limits.max_request_bytes.
absl::StatusOr<std::vector<StatementLine>> ReadStatementLines(
    absl::string_view data, absl::string_view source,
    const ResourceLimits& limits = ResourceLimits());

// The outcomes CSV, its header read as io/outcome_descriptions.h reads it
// (case ignored, a space inside counting as "_"): the id from the first of
// id, outcome_id, outcome (required), the text from `statement`
// (required); other columns ignored. Rows with a blank statement are not
// statements; a blank id, or an id twice, is refused. Refusals as above,
// the column being the CSV field number.
absl::StatusOr<std::vector<StatementLine>> ReadOutcomeStatementsCsv(
    absl::string_view data, absl::string_view source,
    const ResourceLimits& limits = ResourceLimits());

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_STATEMENT_INPUT_H_
