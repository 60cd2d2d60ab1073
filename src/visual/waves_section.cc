// The changes since the previous wave as `jtbd compare` computed them: how
// many outcomes changed significantly, and for each of them the change of
// importance, satisfaction and opportunity with its interval and adjusted
// p, and the band before and after.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "visual/markup.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace visual {
namespace {

// The change, signed, its interval and adjusted p; bold when significant.
std::string ChangeCell(const v1::ScoreChange& change, Language language,
                       int decimals) {
  std::string difference = Number(language, change.difference(), decimals);
  if (change.difference() > 0 &&
      difference.find_first_not_of("0.,") != std::string::npos) {
    difference = "+" + difference;
  }
  if (change.significant()) {
    difference = absl::StrCat("<strong>", difference, "</strong>");
  }
  return absl::StrCat("<td class=\"num\">", difference,
                      IntervalSpan(language, change.interval().low(),
                                   change.interval().high(), decimals),
                      "<span class=\"interval\">",
                      // "p < 0.001" rather than "p = < 0.001".
                      change.adjusted_p_value() < 0.001 ? "p " : "p = ",
                      PValueText(language, change.adjusted_p_value()),
                      "</span></td>");
}

int SignificantCount(const v1::WaveComparison& waves) {
  int count = 0;
  for (const v1::OutcomeChange& change : waves.changes()) {
    if (change.significant()) ++count;
  }
  return count;
}

}  // namespace

std::string WavesSectionHtml(const v1::WaveComparison& waves,
                             const v1::Report* report, Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  const Messages& base = MessagesFor(language);
  const int significant = SignificantCount(waves);
  const int opportunity_decimals =
      waves.score_method() == v1::SCORE_METHOD_OLSEN ? 3 : 1;
  std::string html = absl::StrCat(
      "<section id=\"waves\">\n<h2>", messages.waves_title, "</h2>\n<p>",
      absl::Substitute(
          significant == 1 ? messages.waves_intro_one : messages.waves_intro,
          Count(language, waves.first_respondent_count()),
          Count(language, waves.second_respondent_count()),
          Count(language, significant), Count(language, waves.changes_size()),
          Count(language, waves.family_size())),
      "</p>\n");
  if (significant == 0) {
    absl::StrAppend(&html, "<p>", messages.waves_none, "</p>\n");
  } else {
    absl::StrAppend(&html, "<div class=\"table-wrap\"><table>\n<thead><tr><th>",
                    base.column_outcome, "</th><th class=\"num\">",
                    base.column_importance, "</th><th class=\"num\">",
                    base.column_satisfaction, "</th><th class=\"num\">",
                    base.column_opportunity, "</th><th>", messages.column_bands,
                    "</th></tr></thead>\n<tbody>\n");
    for (const v1::OutcomeChange& change : waves.changes()) {
      if (!change.significant()) continue;
      absl::StrAppend(
          &html, "<tr data-outcome-id=\"", EscapeMarkup(change.outcome_id()),
          "\"><td>",
          OutcomeLabel(change.outcome_id(), change.statement(), report),
          "</td>", ChangeCell(change.importance(), language, 1),
          ChangeCell(change.satisfaction(), language, 1),
          ChangeCell(change.opportunity(), language, opportunity_decimals),
          "<td>", EscapeMarkup(BandText(language, change.band_before())),
          " \xE2\x86\x92 ",
          EscapeMarkup(BandText(language, change.band_after())),
          "</td></tr>\n");
    }
    absl::StrAppend(&html, "</tbody>\n</table></div>\n<p class=\"note\">",
                    messages.waves_note, "</p>\n");
  }
  if (waves.one_wave_outcomes_size() > 0) {
    std::vector<std::string> ids;
    for (const v1::OneWaveOutcome& outcome : waves.one_wave_outcomes()) {
      ids.push_back(EscapeMarkup(outcome.outcome_id()));
    }
    absl::StrAppend(
        &html, "<p class=\"note\">",
        absl::Substitute(messages.waves_one_wave, absl::StrJoin(ids, ", ")),
        "</p>\n");
  }
  html += "</section>\n";
  return html;
}

std::string WavesSummaryHtml(const v1::WaveComparison& waves,
                             Language language) {
  const SectionMessages& messages = SectionMessagesFor(language);
  const int significant = SignificantCount(waves);
  if (significant == 0) {
    return absl::StrCat("<p>", messages.summary_waves_none, "</p>\n");
  }
  return absl::StrCat("<p>",
                      significant == 1
                          ? messages.summary_waves_one
                          : absl::Substitute(messages.summary_waves,
                                             Count(language, significant)),
                      "</p>\n");
}

}  // namespace visual
}  // namespace jtbd
