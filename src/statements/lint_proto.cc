#include "statements/lint_proto.h"

#include <string>

namespace jtbd {
namespace statements {

namespace {

void SetSpan(const ParsedStatement& p, Span span, v1::TextSpan* out) {
  if (span.empty()) return;
  out->set_begin(span.begin);
  out->set_end(span.end);
  out->set_text(p.text.substr(span.begin, span.end - span.begin));
}

void SetPart(const ParsedStatement& p, TokenRange range, v1::TextSpan* out) {
  SetSpan(p, p.SpanOf(range), out);
}

v1::StatementKind KindOf(Kind kind) {
  switch (kind) {
    case Kind::kJob:
      return v1::STATEMENT_KIND_JOB;
    case Kind::kOutcome:
      return v1::STATEMENT_KIND_OUTCOME;
    case Kind::kJobStory:
      return v1::STATEMENT_KIND_JOB_STORY;
    case Kind::kUnknown:
      break;
  }
  return v1::STATEMENT_KIND_UNSPECIFIED;
}

}  // namespace

static_assert(static_cast<int>(Severity::kError) == v1::LINT_SEVERITY_ERROR &&
                  static_cast<int>(Severity::kWarning) ==
                      v1::LINT_SEVERITY_WARNING &&
                  static_cast<int>(Severity::kInfo) == v1::LINT_SEVERITY_INFO,
              "Severity mirrors jtbd.v1.LintSeverity");
static_assert(
    static_cast<int>(Language::kEnglish) == v1::STATEMENT_LANGUAGE_ENGLISH &&
        static_cast<int>(Language::kFrench) == v1::STATEMENT_LANGUAGE_FRENCH &&
        static_cast<int>(Language::kAuto) == v1::STATEMENT_LANGUAGE_UNSPECIFIED,
    "Language mirrors jtbd.v1.StatementLanguage");

void ToProto(const LintedStatement& statement, v1::LintedStatement* out) {
  const ParsedStatement& p = statement.parsed;
  out->set_text(p.text);
  out->set_id(statement.id);
  out->set_kind(p.tokens.empty() ? v1::STATEMENT_KIND_UNSPECIFIED
                                 : KindOf(p.kind));
  out->set_language(static_cast<v1::StatementLanguage>(p.language));
  v1::StatementParts* parts = out->mutable_parts();
  SetPart(p, p.verb, parts->mutable_verb());
  SetPart(p, p.direction, parts->mutable_direction());
  SetPart(p, p.metric, parts->mutable_metric());
  SetPart(p, p.object, parts->mutable_object());
  SetPart(p, p.clarifier, parts->mutable_clarifier());
  SetPart(p, p.situation, parts->mutable_situation());
  SetPart(p, p.persona, parts->mutable_persona());
  SetPart(p, p.motivation, parts->mutable_motivation());
  SetPart(p, p.expected_outcome, parts->mutable_expected_outcome());
  parts->set_metric_class(p.metric_class);
  for (const Finding& f : statement.findings) {
    v1::LintFinding* finding = out->add_findings();
    const RuleInfo& info = InfoOf(f.rule);
    finding->set_rule(info.id);
    finding->set_rule_name(info.name);
    finding->set_severity(static_cast<v1::LintSeverity>(f.severity));
    finding->set_message(f.message);
    finding->set_suggestion(f.suggestion);
    SetSpan(p, f.span, finding->mutable_span());
    if (f.related >= 0) {
      finding->set_related_statement(static_cast<uint32_t>(f.related));
    }
  }
}

v1::LintReport ToProto(const std::vector<LintedStatement>& statements) {
  v1::LintReport report;
  for (const LintedStatement& s : statements) {
    ToProto(s, report.add_statements());
  }
  return report;
}

LintOptions OptionsFromProto(const v1::LintRequest& request) {
  LintOptions options;
  options.language = static_cast<Language>(request.language());
  if (options.language != Language::kEnglish &&
      options.language != Language::kFrench) {
    options.language = Language::kAuto;
  }
  options.solution_words.assign(request.solution_words().begin(),
                                request.solution_words().end());
  return options;
}

}  // namespace statements
}  // namespace jtbd
