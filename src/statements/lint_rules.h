// The lint rules of one statement (docs/STATEMENTS.md has the table).
#ifndef JTBD_STATEMENTS_LINT_RULES_H_
#define JTBD_STATEMENTS_LINT_RULES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "statements/lexicon.h"
#include "statements/statement_parser.h"

namespace jtbd {
namespace statements {

// Values equal jtbd.v1.LintSeverity and jtbd_lint_severity.
enum class Severity { kUnspecified = 0, kInfo = 1, kWarning = 2, kError = 3 };

// Stable: a rule's number is its id (JTBD-L<number>) forever; a retired
// rule's number is never reused.
enum class Rule {
  kNonCanonicalDirection = 1,
  kMissingMetric = 2,
  kCompoundMetric = 3,
  kVagueQualifier = 4,
  kSolutionWord = 5,
  kTwoNeeds = 6,
  kNotANeed = 7,
  kDuplicate = 8,
  kNearDuplicate = 9,
  kJobStoryMissingPart = 10,
  kPersonaNotSituation = 11,
};
constexpr int kRuleCount = 11;

struct RuleInfo {
  Rule rule;
  const char* id;    // "JTBD-L001"
  const char* name;  // "non-canonical-direction"
  Severity severity;
};

const RuleInfo& InfoOf(Rule rule);
// Every rule, in id order.
const std::vector<RuleInfo>& AllRules();
// The rule named `name` ("two-needs") or with id `name` ("JTBD-L006").
const RuleInfo* FindRule(const std::string& name);
const char* SeverityName(Severity severity);  // "error", "warning", "info"

struct Finding {
  Rule rule = Rule::kNonCanonicalDirection;
  Severity severity = Severity::kWarning;
  std::string message;
  // The statement rewritten, when a rewrite exists; else empty.
  std::string suggestion;
  // What the finding is about, in the statement's NFC text.
  Span span;
  // For duplicates: the index (in the set) of the earlier statement.
  int64_t related = -1;
};

// Every finding of one statement alone (duplicates need the set: see
// near_duplicates.h). `user_solutions` are the caller's solution words,
// already a PhraseList.
std::vector<Finding> LintStatement(const ParsedStatement& statement,
                                   const PhraseList& user_solutions);

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_LINT_RULES_H_
