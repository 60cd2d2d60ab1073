// Duplicates and near-duplicates across a set of statements (JTBD-L008,
// JTBD-L009; docs/STATEMENTS.md explains the threshold).
#ifndef JTBD_STATEMENTS_NEAR_DUPLICATES_H_
#define JTBD_STATEMENTS_NEAR_DUPLICATES_H_

#include <string>
#include <vector>

#include "statements/lint_rules.h"
#include "statements/statement_parser.h"

namespace jtbd {
namespace statements {

// Near-duplicates: Jaccard similarity of the statements' content-word sets
// (stemmed, stop words out, the metric's class in) at least this.
constexpr double kNearDuplicateJaccard = 0.8;

// The content-word set of a statement, sorted and unique: what two
// statements are compared on. Exposed for tests.
std::vector<std::string> ContentWords(const ParsedStatement& statement);

// A light suffix-stripping stemmer (plural and verb endings) for English or
// French keys. Exposed for tests.
std::string Stem(const std::string& key, Language language);

double Jaccard(const std::vector<std::string>& a,
               const std::vector<std::string>& b);

// For each statement, the findings that need the set: an exact duplicate
// (same words once normalised) of an earlier statement, or a near-duplicate
// of one (the most similar earlier one). Statements are compared only with
// statements of the same kind. Candidates are found by prefix filtering on
// rare words first, so the usual set costs far less than all pairs.
std::vector<std::vector<Finding>> FindDuplicates(
    const std::vector<const ParsedStatement*>& statements);

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_NEAR_DUPLICATES_H_
