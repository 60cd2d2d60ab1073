#include "statements/linter.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "statements/near_duplicates.h"

namespace jtbd {
namespace statements {

bool HasWarnings(const LintedStatement& statement) {
  return std::any_of(
      statement.findings.begin(), statement.findings.end(),
      [](const Finding& f) { return f.severity >= Severity::kWarning; });
}

Linter::Linter(LintOptions options) : options_(std::move(options)) {
  // Not MakePhrases: a "=" in a user's word is text, not a tag.
  for (const std::string& word : options_.solution_words) {
    Phrase phrase;
    phrase.text = word;
    phrase.keys = PhraseKeys(word);
    if (!phrase.keys.empty()) user_solutions_.push_back(std::move(phrase));
  }
  std::stable_sort(user_solutions_.begin(), user_solutions_.end(),
                   [](const Phrase& a, const Phrase& b) {
                     return a.keys.size() > b.keys.size();
                   });
}

absl::StatusOr<LintedStatement> Linter::Lint(absl::string_view text) const {
  absl::StatusOr<ParsedStatement> parsed =
      ParseStatement(text, options_.language);
  if (!parsed.ok()) return parsed.status();
  LintedStatement out;
  out.parsed = *std::move(parsed);
  out.findings = LintStatement(out.parsed, user_solutions_);
  return out;
}

absl::StatusOr<std::vector<LintedStatement>> Linter::LintAll(
    absl::Span<const std::string> texts,
    absl::Span<const std::string> ids) const {
  if (!ids.empty() && ids.size() != texts.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat(ids.size(), " ids for ", texts.size(), " statements"));
  }
  std::vector<LintedStatement> out;
  out.reserve(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    absl::StatusOr<LintedStatement> one = Lint(texts[i]);
    if (!one.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("statement ", i, ": ", one.status().message()));
    }
    if (!ids.empty()) one->id = ids[i];
    out.push_back(*std::move(one));
  }
  std::vector<const ParsedStatement*> parsed;
  parsed.reserve(out.size());
  for (const LintedStatement& s : out) parsed.push_back(&s.parsed);
  std::vector<std::vector<Finding>> set_findings = FindDuplicates(parsed);
  for (size_t i = 0; i < out.size(); ++i) {
    for (Finding& f : set_findings[i]) out[i].findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace statements
}  // namespace jtbd
