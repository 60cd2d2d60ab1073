// Job statements, desired-outcome statements and job stories split into
// their parts (../shared/domain.md §2 and §9, docs/STATEMENTS.md).
#ifndef JTBD_STATEMENTS_STATEMENT_PARSER_H_
#define JTBD_STATEMENTS_STATEMENT_PARSER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "statements/statement_text.h"

namespace jtbd {
namespace statements {

enum class Kind { kUnknown = 0, kJob = 1, kOutcome = 2, kJobStory = 3 };

// Token indices [begin, end) of a part; begin == end when absent.
struct TokenRange {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin >= end; }
};

struct ParsedStatement {
  // The statement in NFC (io's ComposeLatin), with nothing else changed:
  // every Span is a byte range of this string.
  std::string text;
  Kind kind = Kind::kUnknown;
  Language language = Language::kEnglish;
  std::vector<Token> tokens;

  // Job statement: verb + object + clarifier. Desired outcome: direction +
  // metric + object of control (`object`) + clarifier. Job story:
  // situation (or a persona in its place) + motivation + expected outcome.
  TokenRange verb, direction, metric, object, clarifier;
  TokenRange situation, persona, motivation, expected_outcome;
  // The metric's class ("time", "likelihood", "number", "amount",
  // "frequency"); empty when no metric phrase was found.
  std::string metric_class;
  // For an outcome: whether the direction is Minimize/Increase as written,
  // and which of the two it means.
  bool direction_canonical = false;
  bool direction_minimize = false;

  // The bytes of a part (empty span when absent); leading and trailing
  // punctuation tokens are left out.
  Span SpanOf(TokenRange range) const;
  absl::string_view TextOf(TokenRange range) const;
};

// Parses one statement. `text` must be valid UTF-8 (else InvalidArgument
// naming the byte offset); `language` kAuto guesses English or French from
// the words. Never fails on well-formed text: what cannot be recognised
// comes back as a job statement, which the lint rules then judge.
absl::StatusOr<ParsedStatement> ParseStatement(absl::string_view text,
                                               Language language);

// The guess kAuto makes, on tokens.
Language DetectLanguage(const std::vector<Token>& tokens);

const char* KindName(Kind kind);              // "job", "outcome", "job_story"
const char* LanguageCode(Language language);  // "en", "fr", "auto"

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_STATEMENT_PARSER_H_
