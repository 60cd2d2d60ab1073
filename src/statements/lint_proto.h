// Linted statements as jtbd.v1 messages (proto/jtbd/v1/statements.proto).
#ifndef JTBD_STATEMENTS_LINT_PROTO_H_
#define JTBD_STATEMENTS_LINT_PROTO_H_

#include <vector>

#include "jtbd/v1/statements.pb.h"
#include "statements/linter.h"

namespace jtbd {
namespace statements {

void ToProto(const LintedStatement& statement, v1::LintedStatement* out);
v1::LintReport ToProto(const std::vector<LintedStatement>& statements);

// The options a LintRequest asks for.
LintOptions OptionsFromProto(const v1::LintRequest& request);

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_LINT_PROTO_H_
