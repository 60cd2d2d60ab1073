#include "visual/report_sections.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "visual/markup.h"

namespace jtbd {
namespace visual {

std::string IntervalSpan(Language language, double low, double high,
                         int decimals) {
  return absl::StrCat("<span class=\"interval\">",
                      Number(language, low, decimals), "\xE2\x80\x93",
                      Number(language, high, decimals), "</span>");
}

std::string PValueText(Language language, double p) {
  if (p < 0.001) return "&lt; " + Number(language, 0.001, 3);
  return Number(language, p, 3);
}

std::string AmountText(Language language, double value) {
  const bool whole = std::fabs(value - std::round(value)) < 1e-9;
  return Number(language, value, whole ? 0 : 1);
}

std::string OutcomeLabel(const std::string& outcome_id,
                         const std::string& statement,
                         const v1::Report* report) {
  std::string text = statement;
  if (text.empty() && report != nullptr) {
    for (const v1::OutcomeScore& score : report->outcomes()) {
      if (score.outcome_id() == outcome_id) text = score.statement();
    }
  }
  if (text.empty()) return EscapeMarkup(outcome_id);
  return absl::StrCat(EscapeMarkup(text), " <span class=\"id\">",
                      EscapeMarkup(outcome_id), "</span>");
}

std::string SectionsHtml(const ReportSections& sections,
                         const v1::Report* report, Language language) {
  std::string html;
  if (sections.forces != nullptr) {
    html += ForcesSectionHtml(*sections.forces, language);
  }
  if (sections.waves != nullptr) {
    html += WavesSectionHtml(*sections.waves, report, language);
  }
  if (sections.roadmap != nullptr) {
    html += RoadmapSectionHtml(*sections.roadmap, report, language);
  }
  return html;
}

std::string SectionsSummaryHtml(const ReportSections& sections,
                                Language language) {
  std::string html;
  if (sections.forces != nullptr) {
    html += ForcesSummaryHtml(*sections.forces, language);
  }
  if (sections.waves != nullptr) {
    html += WavesSummaryHtml(*sections.waves, language);
  }
  if (sections.roadmap != nullptr) {
    html += RoadmapSummaryHtml(*sections.roadmap, language);
  }
  return html;
}

}  // namespace visual
}  // namespace jtbd
