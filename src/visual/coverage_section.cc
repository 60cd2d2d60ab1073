// The job-map coverage of a report scored with a study design (`jtbd score
// --design`, core/job_map_coverage.h): per step of the job map its desired
// outcomes, how many are scored, underserved and overserved, the
// opportunity above 10 they add up to and the highest one; the steps no
// outcome covers; the step with the most unmet opportunity. Every figure is
// the report's own (nothing recomputed here).
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "visual/markup.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace visual {
namespace {

// The step's display name: the universal step's, translated, unless the
// design named it.
std::string StepName(const v1::StepCoverage& step, Language language) {
  const CoverageMessages& messages = CoverageMessagesFor(language);
  const int universal = static_cast<int>(step.universal_step());
  const bool named = !step.name().empty() && step.name() != step.step_id();
  if (!named && universal > 0 && universal < 9) {
    return messages.step_names[universal];
  }
  return EscapeMarkup(step.name().empty() ? step.step_id() : step.name());
}

const v1::StepCoverage* StepWithId(const v1::JobMapCoverage& coverage,
                                   const std::string& id) {
  for (const v1::StepCoverage& step : coverage.steps()) {
    if (step.step_id() == id) return &step;
  }
  return nullptr;
}

std::string Reading(const v1::StepCoverage& step,
                    const v1::JobMapCoverage& coverage, Language language) {
  const CoverageMessages& messages = CoverageMessagesFor(language);
  std::string reading;
  if (step.outcome_count() == 0) {
    reading = messages.reading_none;
  } else if (step.all_underserved()) {
    reading = messages.reading_all_underserved;
  } else if (step.all_overserved()) {
    reading = messages.reading_all_overserved;
  }
  if (step.step_id() == coverage.most_opportunity_step_id()) {
    reading = reading.empty()
                  ? std::string(messages.reading_most)
                  : absl::StrCat(reading, "; ", messages.reading_most);
  }
  return reading;
}

std::string EscapedIds(
    const google::protobuf::RepeatedPtrField<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    absl::StrAppend(&out, out.empty() ? "" : ", ", EscapeMarkup(id));
  }
  return out;
}

std::string StepsWithoutOutcome(const v1::JobMapCoverage& coverage,
                                Language language) {
  return Count(language, coverage.uncovered_step_ids_size());
}

int OutcomeCount(const v1::JobMapCoverage& coverage) {
  int count = coverage.unassigned_outcome_ids_size();
  for (const v1::StepCoverage& step : coverage.steps()) {
    count += static_cast<int>(step.outcome_count());
  }
  return count;
}

std::string StepsTable(const v1::JobMapCoverage& coverage, Language language) {
  const CoverageMessages& messages = CoverageMessagesFor(language);
  std::string html = absl::StrCat(
      "<div class=\"table-wrap\"><table>\n<thead><tr><th>",
      messages.column_step, "</th><th class=\"num\">", messages.column_outcomes,
      "</th><th class=\"num\">", messages.column_scored,
      "</th><th class=\"num\">", messages.column_underserved,
      "</th><th class=\"num\">", messages.column_overserved,
      "</th><th class=\"num\">", messages.column_excess,
      "</th><th class=\"num\">", messages.column_highest, "</th><th>",
      messages.column_reading, "</th></tr></thead>\n<tbody>\n");
  for (const v1::StepCoverage& step : coverage.steps()) {
    absl::StrAppend(
        &html, "<tr data-step=\"", EscapeMarkup(step.step_id()), "\"><td>",
        StepName(step, language), "</td><td class=\"num\">",
        Count(language, step.outcome_count()), "</td><td class=\"num\">",
        Count(language, step.scored_outcome_count()), "</td><td class=\"num\">",
        Count(language, step.underserved_count()), "</td><td class=\"num\">",
        Count(language, step.overserved_count()), "</td><td class=\"num\">",
        Number(language, step.opportunity_excess(), 1),
        "</td><td class=\"num\">",
        step.has_max_opportunity()
            ? absl::StrCat(
                  Number(language, step.max_opportunity(), 1),
                  step.top_outcome_id().empty()
                      ? ""
                      : absl::StrCat(" <span class=\"interval\">",
                                     EscapeMarkup(step.top_outcome_id()),
                                     "</span>"))
            : std::string("\xE2\x80\x93"),
        "</td><td>", Reading(step, coverage, language), "</td></tr>\n");
  }
  html += "</tbody>\n</table></div>\n";
  return html;
}

}  // namespace

std::string CoverageSectionHtml(const v1::Report& report, Language language) {
  if (!report.has_coverage()) return std::string();
  const v1::JobMapCoverage& coverage = report.coverage();
  const CoverageMessages& messages = CoverageMessagesFor(language);
  std::string html = absl::StrCat("<section id=\"coverage\">\n<h2>",
                                  messages.title, "</h2>\n");
  const std::string& job = report.design().job().statement();
  if (!job.empty()) {
    absl::StrAppend(&html, "<p>",
                    absl::Substitute(messages.job, EscapeMarkup(job)),
                    "</p>\n");
  }
  absl::StrAppend(
      &html, "<p>",
      absl::Substitute(messages.intro, Count(language, coverage.steps_size()),
                       Count(language, OutcomeCount(coverage)),
                       StepsWithoutOutcome(coverage, language)),
      "</p>\n<p>");
  const v1::StepCoverage* most =
      StepWithId(coverage, coverage.most_opportunity_step_id());
  if (most != nullptr) {
    absl::StrAppend(
        &html, absl::Substitute(messages.most, StepName(*most, language),
                                Number(language, most->opportunity_excess(), 1),
                                Number(language, most->max_opportunity(), 1)));
  } else {
    html += messages.most_none;
  }
  absl::StrAppend(&html, "</p>\n", StepsTable(coverage, language));
  if (coverage.unassigned_outcome_ids_size() > 0) {
    absl::StrAppend(
        &html, "<p>",
        absl::Substitute(messages.unassigned,
                         EscapedIds(coverage.unassigned_outcome_ids())),
        "</p>\n");
  }
  if (coverage.unscored_outcome_ids_size() > 0) {
    absl::StrAppend(
        &html, "<p>",
        absl::Substitute(messages.unscored,
                         EscapedIds(coverage.unscored_outcome_ids())),
        "</p>\n");
  }
  absl::StrAppend(&html, "<p class=\"note\">", messages.note,
                  "</p>\n</section>\n");
  return html;
}

std::string CoverageSummaryHtml(const v1::Report& report, Language language) {
  if (!report.has_coverage()) return std::string();
  const v1::JobMapCoverage& coverage = report.coverage();
  const CoverageMessages& messages = CoverageMessagesFor(language);
  const v1::StepCoverage* most =
      StepWithId(coverage, coverage.most_opportunity_step_id());
  return absl::StrCat(
      "<p>",
      most != nullptr
          ? absl::Substitute(messages.summary, StepName(*most, language),
                             StepsWithoutOutcome(coverage, language))
          : absl::Substitute(messages.summary_no_most,
                             StepsWithoutOutcome(coverage, language)),
      "</p>\n");
}

}  // namespace visual
}  // namespace jtbd
