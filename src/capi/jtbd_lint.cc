// jtbd.h: statements linted (jtbd_linter_*, jtbd_lint_result_*): the
// translation of `jtbd lint` (statements/linter.h), one statement at a time
// for a host checking as a person types, or a whole set.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/statements.pb.h"
#include "statements/lint_proto.h"
#include "statements/lint_render.h"
#include "statements/linter.h"

struct jtbd_linter {
  explicit jtbd_linter(jtbd::statements::LintOptions options)
      : linter(std::move(options)) {}
  // Rebuilt when a word is added (the words are compiled once per build).
  jtbd::statements::Linter linter;
};

struct jtbd_lint_result {
  // Text handed out points into these statements.
  std::vector<jtbd::statements::LintedStatement> statements;
};

using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::TextArgument;
using jtbd::capi::ZeroedStruct;

static_assert(static_cast<int>(JTBD_STATEMENT_LANGUAGE_UNSPECIFIED) ==
                      jtbd::v1::STATEMENT_LANGUAGE_UNSPECIFIED &&
                  static_cast<int>(JTBD_STATEMENT_LANGUAGE_ENGLISH) ==
                      jtbd::v1::STATEMENT_LANGUAGE_ENGLISH &&
                  static_cast<int>(JTBD_STATEMENT_LANGUAGE_FRENCH) ==
                      jtbd::v1::STATEMENT_LANGUAGE_FRENCH,
              "jtbd_statement_language mirrors jtbd.v1.StatementLanguage");
static_assert(static_cast<int>(JTBD_STATEMENT_KIND_UNSPECIFIED) ==
                      jtbd::v1::STATEMENT_KIND_UNSPECIFIED &&
                  static_cast<int>(JTBD_STATEMENT_KIND_JOB) ==
                      jtbd::v1::STATEMENT_KIND_JOB &&
                  static_cast<int>(JTBD_STATEMENT_KIND_OUTCOME) ==
                      jtbd::v1::STATEMENT_KIND_OUTCOME &&
                  static_cast<int>(JTBD_STATEMENT_KIND_JOB_STORY) ==
                      jtbd::v1::STATEMENT_KIND_JOB_STORY,
              "jtbd_statement_kind mirrors jtbd.v1.StatementKind");
static_assert(static_cast<int>(JTBD_LINT_SEVERITY_UNSPECIFIED) ==
                      jtbd::v1::LINT_SEVERITY_UNSPECIFIED &&
                  static_cast<int>(JTBD_LINT_SEVERITY_INFO) ==
                      jtbd::v1::LINT_SEVERITY_INFO &&
                  static_cast<int>(JTBD_LINT_SEVERITY_WARNING) ==
                      jtbd::v1::LINT_SEVERITY_WARNING &&
                  static_cast<int>(JTBD_LINT_SEVERITY_ERROR) ==
                      jtbd::v1::LINT_SEVERITY_ERROR,
              "jtbd_lint_severity mirrors jtbd.v1.LintSeverity");
static_assert(static_cast<int>(jtbd::statements::Severity::kError) ==
                  JTBD_LINT_SEVERITY_ERROR,
              "Severity mirrors jtbd_lint_severity");

namespace {

using jtbd::statements::Kind;
using jtbd::statements::LintedStatement;

jtbd_text_span ToC(jtbd::statements::Span span) {
  return jtbd_text_span{span.begin, span.end};
}

int32_t KindOf(const LintedStatement& s) {
  if (s.parsed.tokens.empty()) return JTBD_STATEMENT_KIND_UNSPECIFIED;
  switch (s.parsed.kind) {
    case Kind::kJob:
      return JTBD_STATEMENT_KIND_JOB;
    case Kind::kOutcome:
      return JTBD_STATEMENT_KIND_OUTCOME;
    case Kind::kJobStory:
      return JTBD_STATEMENT_KIND_JOB_STORY;
    case Kind::kUnknown:
      break;
  }
  return JTBD_STATEMENT_KIND_UNSPECIFIED;
}

// The caller's text, as a string: the C arrays' element `i`.
absl::StatusOr<std::string> ElementText(const char* function, const char* array,
                                        size_t i, const char* const* texts,
                                        const size_t* lens) {
  const std::string argument = absl::StrCat(array, "[", i, "]");
  return TextArgument(function, argument.c_str(), texts[i], lens[i]);
}

}  // namespace

jtbd_error* jtbd_linter_create(int32_t language, jtbd_linter** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    if (language < JTBD_STATEMENT_LANGUAGE_UNSPECIFIED ||
        language > JTBD_STATEMENT_LANGUAGE_FRENCH) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": unknown language ", language,
                       " (expected a jtbd_statement_language value, 0 to 2)"));
    }
    jtbd::statements::LintOptions options;
    options.language = static_cast<jtbd::statements::Language>(language);
    Publish(std::make_unique<jtbd_linter>(std::move(options)), out);
    return absl::OkStatus();
  });
}

void jtbd_linter_destroy(jtbd_linter* linter) { delete linter; }

jtbd_error* jtbd_linter_add_solution_word(jtbd_linter* linter, const char* word,
                                          size_t word_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "linter", linter));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string text,
                               TextArgument(fn, "word", word, word_len));
    if (jtbd::statements::PhraseKeys(text).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(fn, ": word is blank"));
    }
    jtbd::statements::LintOptions options = linter->linter.options();
    options.solution_words.push_back(std::move(text));
    // Built aside, then swapped in: a failure leaves the linter as it was.
    jtbd::statements::Linter rebuilt(std::move(options));
    linter->linter = std::move(rebuilt);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_linter_lint(const jtbd_linter* linter, const char* text,
                             size_t text_len, jtbd_lint_result** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "linter", linter));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string statement,
                               TextArgument(fn, "text", text, text_len));
    auto result = std::make_unique<jtbd_lint_result>();
    JTBD_CAPI_ASSIGN_OR_RETURN(LintedStatement linted,
                               linter->linter.Lint(statement));
    result->statements.push_back(std::move(linted));
    Publish(std::move(result), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_linter_lint_all(const jtbd_linter* linter,
                                 const char* const* texts,
                                 const size_t* text_lens,
                                 const char* const* ids, const size_t* id_lens,
                                 size_t count, jtbd_lint_result** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "linter", linter));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    if (count > 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "texts", texts));
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "text_lens", text_lens));
    }
    if (ids != nullptr && count > 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id_lens", id_lens));
    }
    std::vector<std::string> statements;
    std::vector<std::string> statement_ids;
    statements.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      JTBD_CAPI_ASSIGN_OR_RETURN(std::string text,
                                 ElementText(fn, "texts", i, texts, text_lens));
      statements.push_back(std::move(text));
      if (ids != nullptr) {
        JTBD_CAPI_ASSIGN_OR_RETURN(std::string id,
                                   ElementText(fn, "ids", i, ids, id_lens));
        statement_ids.push_back(std::move(id));
      }
    }
    auto result = std::make_unique<jtbd_lint_result>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        result->statements, linter->linter.LintAll(statements, statement_ids));
    Publish(std::move(result), out);
    return absl::OkStatus();
  });
}

void jtbd_lint_result_destroy(jtbd_lint_result* result) { delete result; }

size_t jtbd_lint_result_statement_count(const jtbd_lint_result* result) {
  return result == nullptr ? 0 : result->statements.size();
}

jtbd_error* jtbd_lint_result_statement(const jtbd_lint_result* result,
                                       size_t index,
                                       jtbd_linted_statement* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "result", result));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, result->statements.size()));
    const LintedStatement& s = result->statements[index];
    const jtbd::statements::ParsedStatement& p = s.parsed;
    jtbd_linted_statement c = ZeroedStruct<jtbd_linted_statement>();
    c.text = p.text.c_str();
    c.text_len = p.text.size();
    c.id = s.id.c_str();
    c.id_len = s.id.size();
    c.kind = KindOf(s);
    c.language = static_cast<int32_t>(p.language);
    c.verb = ToC(p.SpanOf(p.verb));
    c.direction = ToC(p.SpanOf(p.direction));
    c.metric = ToC(p.SpanOf(p.metric));
    c.object = ToC(p.SpanOf(p.object));
    c.clarifier = ToC(p.SpanOf(p.clarifier));
    c.situation = ToC(p.SpanOf(p.situation));
    c.persona = ToC(p.SpanOf(p.persona));
    c.motivation = ToC(p.SpanOf(p.motivation));
    c.expected_outcome = ToC(p.SpanOf(p.expected_outcome));
    c.finding_count = s.findings.size();
    c.has_warnings = jtbd::statements::HasWarnings(s) ? 1 : 0;
    CopyOut(c, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_lint_result_finding(const jtbd_lint_result* result,
                                     size_t statement, size_t index,
                                     jtbd_lint_finding* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "result", result));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "statement", statement, result->statements.size()));
    const LintedStatement& s = result->statements[statement];
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, s.findings.size()));
    const jtbd::statements::Finding& f = s.findings[index];
    const jtbd::statements::RuleInfo& info = jtbd::statements::InfoOf(f.rule);
    jtbd_lint_finding c = ZeroedStruct<jtbd_lint_finding>();
    c.rule = info.id;
    c.rule_len = std::char_traits<char>::length(info.id);
    c.rule_name = info.name;
    c.rule_name_len = std::char_traits<char>::length(info.name);
    c.severity = static_cast<int32_t>(f.severity);
    c.message = f.message.c_str();
    c.message_len = f.message.size();
    c.suggestion = f.suggestion.c_str();
    c.suggestion_len = f.suggestion.size();
    c.span = ToC(f.span);
    c.related_statement = f.related;
    CopyOut(c, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_lint_result_render(const jtbd_lint_result* result,
                                    int32_t format, jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "result", result));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::statements::RenderLintTable(result->statements);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(
            buffer->bytes,
            jtbd::statements::RenderLintJson(result->statements));
        break;
      }
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(
            buffer,
            SerializeToBuffer(jtbd::statements::ToProto(result->statements)));
        break;
      }
      default:
        return absl::InvalidArgumentError(absl::StrCat(
            fn, ": format ", format,
            " is not one of JTBD_FORMAT_TABLE, JTBD_FORMAT_JSON (2) and "
            "JTBD_FORMAT_PROTOBUF (4)"));
    }
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}
