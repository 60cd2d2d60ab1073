#include "visual/report_summary.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "visual/markup.h"

namespace jtbd {
namespace visual {
namespace {

bool Underserved(v1::Band band) {
  return band == v1::BAND_EXTREME || band == v1::BAND_HIGH ||
         band == v1::BAND_UNDERSERVED;
}

std::string Paragraph(const std::string& text) {
  return absl::StrCat("<p>", text, "</p>\n");
}

// A list item: the outcome, its opportunity and band.
std::string Item(const v1::Report& report, Language language,
                 const v1::OutcomeScore& score) {
  std::string item = absl::StrCat(
      "<li><strong>", OutcomeName(score), "</strong> \xE2\x80\x94 ",
      MessagesFor(language).opportunity_word, " ",
      OpportunityText(report, language, score.opportunity()));
  if (score.band() != v1::BAND_UNSPECIFIED) {
    absl::StrAppend(&item, " (", EscapeMarkup(BandText(language, score.band())),
                    ")");
  }
  return item + "</li>\n";
}

std::string Signed(Language language, double value, int decimals) {
  const std::string number = Number(language, value, decimals);
  return value > 0 && number.find_first_not_of("0.,") != std::string::npos
             ? "+" + number
             : number;
}

}  // namespace

std::string OutcomeName(const v1::OutcomeScore& score) {
  if (score.statement().empty()) return EscapeMarkup(score.outcome_id());
  return absl::StrCat(EscapeMarkup(score.statement()), " (",
                      EscapeMarkup(score.outcome_id()), ")");
}

std::string OpportunityText(const v1::Report& report, Language language,
                            double value) {
  return Number(language, value,
                report.score_method() == v1::SCORE_METHOD_OLSEN ? 3 : 1);
}

std::string SummaryHtml(const v1::Report& report, Language language) {
  const Messages& messages = MessagesFor(language);
  std::string html;
  // The most underserved; without bands (mean or Olsen scores), the
  // highest opportunities.
  bool any_band = false;
  for (const v1::OutcomeScore& score : report.outcomes()) {
    any_band = any_band || score.band() != v1::BAND_UNSPECIFIED;
  }
  std::string items;
  int listed = 0;
  for (const v1::OutcomeScore& score : report.outcomes()) {
    if (listed == kSummaryOutcomes) break;
    const bool pick = any_band ? Underserved(score.band()) : score.rank() > 0;
    if (!pick) continue;
    items += Item(report, language, score);
    ++listed;
  }
  if (listed > 0) {
    html += Paragraph(messages.summary_underserved);
    absl::StrAppend(&html, "<ol class=\"underserved\">\n", items, "</ol>\n");
  } else {
    html += Paragraph(messages.summary_no_underserved);
  }
  // Overserved.
  items.clear();
  listed = 0;
  for (const v1::OutcomeScore& score : report.outcomes()) {
    if (score.band() != v1::BAND_OVERSERVED || listed == kSummaryOutcomes) {
      continue;
    }
    items += Item(report, language, score);
    ++listed;
  }
  if (listed > 0) {
    html += Paragraph(messages.summary_overserved);
    absl::StrAppend(&html, "<ul class=\"overserved\">\n", items, "</ul>\n");
  } else if (any_band) {
    html += Paragraph(messages.summary_no_overserved);
  }
  // Segments that differ from the rest.
  if (report.segments_size() > 0) {
    bool any = false;
    for (const v1::SegmentReport& segment : report.segments()) {
      if (segment.more_underserved_outcome_ids_size() == 0) continue;
      any = true;
      absl::flat_hash_map<std::string, const v1::OutcomeScore*> scores;
      for (const v1::OutcomeScore& score : segment.outcomes()) {
        scores.emplace(score.outcome_id(), &score);
      }
      html += Paragraph(absl::Substitute(
          messages.summary_segment,
          absl::StrCat("<strong>", EscapeMarkup(segment.name()), "</strong>"),
          Count(language, segment.respondent_count())));
      html += "<ul class=\"segment-differences\">\n";
      for (const v1::SegmentComparison& comparison : segment.comparisons()) {
        if (!comparison.more_underserved()) continue;
        const auto found = scores.find(comparison.outcome_id());
        if (found == scores.end()) continue;
        const v1::OutcomeScore& score = *found->second;
        absl::StrAppend(
            &html, "<li><strong>", OutcomeName(score),
            "</strong> \xE2\x80\x94 ", messages.opportunity_word, " ",
            OpportunityText(report, language, score.opportunity()), " / ",
            OpportunityText(report, language, comparison.rest_opportunity()),
            " (", Signed(language, comparison.opportunity_difference(), 1),
            ")</li>\n");
      }
      html += "</ul>\n";
    }
    if (!any) html += Paragraph(messages.summary_segments_same);
  }
  int uncertain = 0;
  for (const v1::Warning& warning : report.warnings()) {
    if (warning.code() == v1::WARNING_CODE_BAND_UNCERTAIN &&
        warning.segment().empty()) {
      ++uncertain;
    }
  }
  if (uncertain > 0) {
    html += Paragraph(absl::Substitute(messages.summary_uncertain,
                                       Count(language, uncertain)));
  }
  return html;
}

}  // namespace visual
}  // namespace jtbd
