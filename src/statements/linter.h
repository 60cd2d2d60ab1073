// The statement linter: parse, check one statement, check a set.
#ifndef JTBD_STATEMENTS_LINTER_H_
#define JTBD_STATEMENTS_LINTER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "statements/lexicon.h"
#include "statements/lint_rules.h"
#include "statements/statement_parser.h"

namespace jtbd {
namespace statements {

struct LintOptions {
  // kAuto guesses each statement's language.
  Language language = Language::kAuto;
  // Solution, brand or technology words and phrases besides the built-in
  // list (JTBD-L005), matched like the built-in ones: whole words, case and
  // accents ignored.
  std::vector<std::string> solution_words;
};

struct LintedStatement {
  std::string id;  // the caller's, when any
  ParsedStatement parsed;
  std::vector<Finding> findings;  // rule order, set findings last
};

// Whether any finding is at warning level or above.
bool HasWarnings(const LintedStatement& statement);

// Built once per options (the user's words compiled), then used from any
// number of threads: every method is const.
class Linter {
 public:
  explicit Linter(LintOptions options);

  // One statement alone, without the set rules (duplicates): what a host
  // checks as a person types. InvalidArgument for text that is not UTF-8.
  absl::StatusOr<LintedStatement> Lint(absl::string_view text) const;

  // A whole set, duplicates included; `ids` is empty or one per statement.
  // The first statement that is not UTF-8 fails the call, naming its index
  // ("statement 3: ..."), 0-based.
  absl::StatusOr<std::vector<LintedStatement>> LintAll(
      absl::Span<const std::string> texts,
      absl::Span<const std::string> ids = {}) const;

  const LintOptions& options() const { return options_; }

 private:
  LintOptions options_;
  PhraseList user_solutions_;
};

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_LINTER_H_
