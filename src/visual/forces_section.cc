// The switching forces as `jtbd forces` computed them, for a
// decision-maker: the four forces with their prevalence and intensity
// (intervals), switchers against stayers, the balance's agreement with the
// outcome, and the propensity model's quality and weights in plain words.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "visual/markup.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace visual {
namespace {

const char* ForceName(const SectionMessages& messages, v1::Force force) {
  const int index = static_cast<int>(force);
  return index >= 0 && index <= 4 ? messages.force_names[index]
                                  : messages.force_names[0];
}

// Conventional reading of an AUC: 0.6, 0.7 and 0.8 the usual cut-offs.
const char* Quality(const SectionMessages& messages, double auc) {
  if (auc < 0.6) return messages.model_quality_words[0];
  if (auc < 0.7) return messages.model_quality_words[1];
  if (auc < 0.8) return messages.model_quality_words[2];
  return messages.model_quality_words[3];
}

// A force's weight, the sign of its effect read from its interval.
std::string WeightRow(const SectionMessages& messages, Language language,
                      v1::Force force, const char* key,
                      const v1::ModelCoefficient& weight) {
  const char* reading = messages.effect_unclear;
  if (weight.interval().low() > 0) reading = messages.effect_up;
  if (weight.interval().high() < 0) reading = messages.effect_down;
  return absl::StrCat("<tr data-force=\"", key, "\"><td>",
                      ForceName(messages, force), "</td><td class=\"num\">",
                      Number(language, weight.estimate(), 2),
                      IntervalSpan(language, weight.interval().low(),
                                   weight.interval().high(), 2),
                      "</td><td>", reading, "</td></tr>\n");
}

std::string ModelHtml(const v1::ForcesReport& forces, Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  std::string html = absl::StrCat("<h3>", messages.model_title, "</h3>\n");
  if (!forces.has_model()) {
    absl::StrAppend(&html, "<p>",
                    absl::Substitute(messages.model_none,
                                     EscapeMarkup(forces.model_note())),
                    "</p>\n");
    return html;
  }
  const v1::PropensityReport& model = forces.model();
  absl::StrAppend(
      &html, "<p id=\"forces-model\">",
      absl::Substitute(messages.model_quality, Quality(messages, model.auc()),
                       Number(language, model.auc(), 2),
                       Count(language, model.folds()),
                       Number(language, model.brier_score(), 3)),
      "</p>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>",
      messages.column_force, "</th><th class=\"num\">", messages.column_weight,
      "</th><th>", messages.column_reading, "</th></tr></thead>\n<tbody>\n");
  const v1::ForceCoefficients& weights = model.coefficients();
  absl::StrAppend(
      &html,
      WeightRow(messages, language, v1::FORCE_PUSH, "push", weights.push()),
      WeightRow(messages, language, v1::FORCE_PULL, "pull", weights.pull()),
      WeightRow(messages, language, v1::FORCE_ANXIETY, "anxiety",
                weights.anxiety()),
      WeightRow(messages, language, v1::FORCE_HABIT, "habit", weights.habit()),
      "</tbody>\n</table></div>\n");
  return html;
}

}  // namespace

std::string ForcesSectionHtml(const v1::ForcesReport& forces,
                              Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  const Messages& base = MessagesFor(language);
  const double level =
      forces.confidence_level() > 0 ? forces.confidence_level() : 0.95;
  std::string html = absl::StrCat(
      "<section id=\"forces\">\n<h2>", messages.forces_title, "</h2>\n<p>",
      absl::Substitute(messages.forces_intro,
                       Count(language, forces.interview_count()),
                       Count(language, forces.switched_count()),
                       Count(language, forces.stayed_count()),
                       EscapeMarkup(Percent(language, level))),
      "</p>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>",
      messages.column_force, "</th><th class=\"num\">",
      messages.column_mentioned, "</th><th class=\"num\">",
      messages.column_intensity, "</th><th class=\"num\">",
      messages.column_switchers, "</th><th class=\"num\">",
      messages.column_stayers, "</th><th class=\"num\">",
      base.column_adjusted_p, "</th></tr></thead>\n<tbody>\n");
  for (const v1::ForceSummary& force : forces.forces()) {
    const v1::ForceComparison* comparison = nullptr;
    for (const v1::ForceComparison& candidate : forces.comparisons()) {
      if (candidate.force() == force.force()) comparison = &candidate;
    }
    absl::StrAppend(
        &html, "<tr data-force=\"", EscapeMarkup(force.name()), "\"><td>",
        ForceName(messages, force.force()), "</td><td class=\"num\">",
        EscapeMarkup(Percent(language, force.prevalence())),
        "<span class=\"interval\">",
        EscapeMarkup(Percent(language, force.prevalence_interval().low())),
        "\xE2\x80\x93",
        EscapeMarkup(Percent(language, force.prevalence_interval().high())),
        "</span></td><td class=\"num\">");
    if (force.mention_count() > 0) {
      absl::StrAppend(
          &html, Number(language, force.mean_intensity(), 1),
          IntervalSpan(language, force.mean_intensity_interval().low(),
                       force.mean_intensity_interval().high(), 1));
    } else {
      html += "\xE2\x80\x93";
    }
    html += "</td>";
    if (comparison != nullptr) {
      absl::StrAppend(&html, "<td class=\"num\">",
                      Number(language, comparison->switcher_mean(), 1),
                      "</td><td class=\"num\">",
                      Number(language, comparison->stayer_mean(), 1),
                      "</td><td class=\"num\">",
                      PValueText(language, comparison->adjusted_p_value()),
                      "</td>");
    } else {
      html +=
          "<td class=\"num\">\xE2\x80\x93</td><td "
          "class=\"num\">\xE2\x80\x93</td><td class=\"num\">\xE2\x80\x93</td>";
    }
    html += "</tr>\n";
  }
  absl::StrAppend(&html, "</tbody>\n</table></div>\n<p class=\"note\">",
                  messages.forces_note, "</p>\n");
  if (forces.has_balance()) {
    const v1::BalanceSummary& balance = forces.balance();
    absl::StrAppend(
        &html, "<p id=\"forces-balance\">",
        absl::Substitute(
            messages.forces_balance,
            EscapeMarkup(Percent(language, balance.agreement())),
            EscapeMarkup(Percent(language, balance.agreement_interval().low())),
            EscapeMarkup(
                Percent(language, balance.agreement_interval().high()))),
        "</p>\n");
  }
  absl::StrAppend(&html, ModelHtml(forces, language), "</section>\n");
  return html;
}

std::string ForcesSummaryHtml(const v1::ForcesReport& forces,
                              Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  return absl::StrCat(
      "<p>",
      absl::Substitute(
          messages.summary_forces, Count(language, forces.switched_count()),
          Count(language, forces.interview_count()),
          EscapeMarkup(Percent(language, forces.balance().agreement()))),
      "</p>\n");
}

}  // namespace visual
}  // namespace jtbd
