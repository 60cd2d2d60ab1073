#include "statements/lint_render.h"

#include "absl/strings/str_cat.h"
#include "render/proto_json.h"
#include "statements/lint_proto.h"

namespace jtbd {
namespace statements {

std::string RenderLintTable(const std::vector<LintedStatement>& statements) {
  std::string out;
  int counts[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < statements.size(); ++i) {
    const LintedStatement& s = statements[i];
    absl::StrAppend(&out, i + 1, ". ", s.parsed.text, "\n");
    if (s.findings.empty()) absl::StrAppend(&out, "   ok\n");
    for (const Finding& f : s.findings) {
      const RuleInfo& info = InfoOf(f.rule);
      ++counts[static_cast<int>(f.severity)];
      absl::StrAppend(&out, "   ", SeverityName(f.severity), " ", info.id, " ",
                      info.name, ": ", f.message, "\n");
      if (!f.suggestion.empty()) {
        absl::StrAppend(&out, "     -> ", f.suggestion, "\n");
      }
    }
  }
  absl::StrAppend(
      &out, statements.size(),
      statements.size() == 1 ? " statement: " : " statements: ", counts[3],
      counts[3] == 1 ? " error, " : " errors, ", counts[2],
      counts[2] == 1 ? " warning, " : " warnings, ", counts[1], " info\n");
  return out;
}

absl::StatusOr<std::string> RenderLintJson(
    const std::vector<LintedStatement>& statements) {
  return render::MessageJson(ToProto(statements), /*indented=*/true,
                             "the lint report");
}

}  // namespace statements
}  // namespace jtbd
