// The chosen roadmap as `jtbd prioritize` computed it: the initiatives
// chosen within the budget, what they cost, the opportunity they close and
// whether the choice is proven optimal; per chosen initiative the
// opportunity lost without it and how often redraws chose it; the outcomes
// it improves.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "visual/markup.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace visual {
namespace {

std::string EscapedList(
    const google::protobuf::RepeatedPtrField<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += EscapeMarkup(name);
  }
  return out;
}

std::string InitiativesTable(const v1::RoadmapReport& roadmap,
                             Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  const bool redrawn = roadmap.resamples() > 0;
  std::string html =
      absl::StrCat("<div class=\"table-wrap\"><table>\n<thead><tr><th>",
                   messages.column_initiative, "</th><th class=\"num\">",
                   messages.column_cost, "</th><th class=\"num\">",
                   messages.column_marginal, "</th>");
  if (redrawn) {
    absl::StrAppend(&html, "<th class=\"num\">", messages.column_chosen_share,
                    "</th>");
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const std::string& name : roadmap.selected_initiatives()) {
    const v1::InitiativeResult* result = nullptr;
    for (const v1::InitiativeResult& candidate : roadmap.initiatives()) {
      if (candidate.initiative() == name) result = &candidate;
    }
    const v1::MarginalValue* marginal = nullptr;
    for (const v1::MarginalValue& candidate : roadmap.marginal_values()) {
      if (candidate.initiative() == name) marginal = &candidate;
    }
    absl::StrAppend(&html, "<tr data-initiative=\"", EscapeMarkup(name),
                    "\"><td>", EscapeMarkup(name), "</td><td class=\"num\">",
                    result != nullptr ? AmountText(language, result->cost())
                                      : "\xE2\x80\x93",
                    "</td><td class=\"num\">",
                    marginal != nullptr
                        ? Number(language, marginal->marginal_value(), 1)
                        : "\xE2\x80\x93",
                    "</td>");
    if (redrawn) {
      absl::StrAppend(
          &html, "<td class=\"num\">",
          result != nullptr && result->has_chosen_share()
              ? EscapeMarkup(Percent(language, result->chosen_share()))
              : "\xE2\x80\x93",
          "</td>");
    }
    html += "</tr>\n";
  }
  html += "</tbody>\n</table></div>\n";
  return html;
}

std::string OutcomesTable(const v1::RoadmapReport& roadmap,
                          const v1::Report* report, Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  const Messages& base = MessagesFor(language);
  std::string html = absl::StrCat(
      "<h3>", messages.roadmap_outcomes,
      "</h3>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>",
      base.column_outcome, "</th><th class=\"num\">", messages.column_before,
      "</th><th class=\"num\">", messages.column_after,
      "</th><th class=\"num\">", messages.column_closed, "</th><th>",
      messages.column_by, "</th></tr></thead>\n<tbody>\n");
  for (const v1::OutcomeContribution& contribution : roadmap.contributions()) {
    std::string outcome = OutcomeLabel(contribution.outcome_id(), "", report);
    if (!contribution.segment().empty()) {
      absl::StrAppend(&outcome, " <span class=\"id\">",
                      EscapeMarkup(contribution.segment()), "</span>");
    }
    absl::StrAppend(&html, "<tr data-outcome-id=\"",
                    EscapeMarkup(contribution.outcome_id()),
                    "\" data-segment=\"", EscapeMarkup(contribution.segment()),
                    "\"><td>", outcome, "</td><td class=\"num\">",
                    Number(language, contribution.opportunity_before(), 1),
                    "</td><td class=\"num\">",
                    Number(language, contribution.opportunity_after(), 1),
                    "</td><td class=\"num\">",
                    Number(language, contribution.value(), 1), "</td><td>",
                    EscapedList(contribution.initiatives()), "</td></tr>\n");
  }
  html += "</tbody>\n</table></div>\n";
  return html;
}

}  // namespace

std::string RoadmapSectionHtml(const v1::RoadmapReport& roadmap,
                               const v1::Report* report, Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  std::string html = absl::StrCat("<section id=\"roadmap\">\n<h2>",
                                  messages.roadmap_title, "</h2>\n");
  if (roadmap.selected_initiatives_size() == 0) {
    absl::StrAppend(&html, "<p>",
                    absl::Substitute(messages.roadmap_none,
                                     AmountText(language, roadmap.budget())),
                    "</p>\n</section>\n");
    return html;
  }
  absl::StrAppend(
      &html, "<p id=\"roadmap-choice\">",
      absl::Substitute(messages.roadmap_intro,
                       AmountText(language, roadmap.budget()),
                       Count(language, roadmap.selected_initiatives_size()),
                       AmountText(language, roadmap.cost()),
                       Number(language, roadmap.value(), 1)),
      " ",
      roadmap.optimal() ? std::string(messages.roadmap_optimal)
                        : absl::Substitute(messages.roadmap_not_optimal,
                                           Number(language, roadmap.gap(), 1)),
      "</p>\n");
  if (roadmap.resamples() > 0) {
    absl::StrAppend(
        &html, "<p id=\"roadmap-stability\">",
        absl::Substitute(
            messages.roadmap_stability, Count(language, roadmap.resamples()),
            EscapeMarkup(Percent(language, roadmap.portfolio_optimal_share()))),
        "</p>\n");
  }
  absl::StrAppend(&html, InitiativesTable(roadmap, language),
                  OutcomesTable(roadmap, report, language), "</section>\n");
  return html;
}

std::string RoadmapSummaryHtml(const v1::RoadmapReport& roadmap,
                               Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  if (roadmap.selected_initiatives_size() == 0) {
    return absl::StrCat("<p>", messages.summary_roadmap_none, "</p>\n");
  }
  return absl::StrCat(
      "<p>",
      absl::Substitute(messages.summary_roadmap,
                       EscapedList(roadmap.selected_initiatives()),
                       AmountText(language, roadmap.cost()),
                       Number(language, roadmap.value(), 1)),
      "</p>\n");
}

}  // namespace visual
}  // namespace jtbd
