// `jtbd lint`'s outputs: a table for people, JSON (the protobuf mapping of
// jtbd.v1.LintReport).
#ifndef JTBD_STATEMENTS_LINT_RENDER_H_
#define JTBD_STATEMENTS_LINT_RENDER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "statements/linter.h"

namespace jtbd {
namespace statements {

// One block per statement: its number, its text, then one line per finding
// (severity, rule id and name, message) and its suggestion; "ok" when none.
// A last line counts statements and findings by severity.
std::string RenderLintTable(const std::vector<LintedStatement>& statements);

absl::StatusOr<std::string> RenderLintJson(
    const std::vector<LintedStatement>& statements);

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_LINT_RENDER_H_
