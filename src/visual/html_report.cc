#include "visual/html_report.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "render/band_name.h"
#include "visual/landscape_svg.h"
#include "visual/markup.h"
#include "visual/report_summary.h"

namespace jtbd {
namespace visual {
namespace {

// Outcomes of a segment shown in its "top outcomes" table.
constexpr int kSegmentTop = 5;

// System fonts, fluid width, tables that scroll sideways on a phone rather
// than squeeze, and print rules: no shadows, sections start on a new page,
// table headers repeat, rows never split.
constexpr char kStyle[] = R"css(
:root{color-scheme:light;--ink:#1a1a1a;--muted:#5a5a5a;--rule:#d9d9d9;--accent:#0072B2}
*{box-sizing:border-box}
body{margin:0;background:#fafafa;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;background:#fff}
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0 .25rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.1rem;margin:1.5rem 0 .4rem}
.meta,.note,footer{color:var(--muted);font-size:.9rem}
figure{margin:1rem 0}
svg.jtbd-landscape{display:block;width:100%;max-width:720px;height:auto}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92rem;font-variant-numeric:tabular-nums}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{background:#f0f4f8;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.interval{display:block;color:var(--muted);font-size:.8rem}
.id{color:var(--muted);font-size:.85rem}
.band{display:inline-block;padding:0 .4rem;border-radius:.25rem;border:1px solid #888;font-size:.82rem;white-space:nowrap}
.band-extreme{background:#D55E00;color:#fff;border-color:#D55E00}
.band-high{background:#E69F00;color:#1a1a1a;border-color:#E69F00}
.band-underserved{background:#fbeee6}
.band-overserved{background:#e8f1f8}
.band-table_stakes{background:#f2f2f2}
ol.underserved li,ul li{margin:.2rem 0}
.warnings li{margin:.3rem 0}
@media (max-width:40rem){
 body{font-size:15px}
 main{padding:1rem .75rem 2rem}
 h1{font-size:1.5rem}
 th,td{padding:.3rem .35rem}
 table{font-size:.85rem}
}
@media print{
 body{background:#fff;font-size:11pt}
 main{max-width:none;padding:0}
 h2{break-after:avoid-page}
 #landscape,#ranking,#segments,#forces,#waves,#roadmap{break-before:page}
 figure,tr,li{break-inside:avoid}
 thead{display:table-header-group}
 .table-wrap{overflow:visible}
 .band{print-color-adjust:exact;-webkit-print-color-adjust:exact}
 @page{margin:15mm}
}
)css";

// The same look inside someone else's page: every rule under .jtbd-report.
constexpr char kFragmentStyle[] = R"css(
.jtbd-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;color:#1a1a1a}
.jtbd-report svg.jtbd-landscape{display:block;width:100%;max-width:720px;height:auto;background:#fff}
.jtbd-report table{border-collapse:collapse;font-variant-numeric:tabular-nums}
.jtbd-report th,.jtbd-report td{padding:.25rem .5rem;border-bottom:1px solid #d9d9d9;text-align:left;vertical-align:top}
.jtbd-report td.num,.jtbd-report th.num{text-align:right;white-space:nowrap}
.jtbd-report .interval{display:block;color:#5a5a5a;font-size:.8em}
.jtbd-report .id{color:#5a5a5a;font-size:.85em}
.jtbd-report .band{display:inline-block;padding:0 .4rem;border-radius:.25rem;border:1px solid #888;white-space:nowrap}
.jtbd-report .band-extreme{background:#D55E00;color:#fff;border-color:#D55E00}
.jtbd-report .band-high{background:#E69F00;color:#1a1a1a;border-color:#E69F00}
)css";

class HtmlWriter {
 public:
  HtmlWriter(const v1::Report& report, const HtmlOptions& options)
      : report_(report),
        options_(options),
        language_(options.language),
        messages_(MessagesFor(options.language)) {}

  absl::StatusOr<std::string> Write() {
    if (options_.fragment) return WriteFragment();
    std::string html;
    absl::StrAppend(&html, "<!DOCTYPE html>\n<html lang=\"",
                    LanguageCode(language_),
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n"
                    "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
                    EscapeMarkup(messages_.report_title), "</title>\n<style>",
                    kStyle, "</style>\n</head>\n<body>\n<main>\n");
    WriteHeader(&html);
    absl::StrAppend(&html, "<section id=\"summary\">\n<h2>", messages_.summary,
                    "</h2>\n", SummaryHtml(report_, language_),
                    CoverageSummaryHtml(report_, language_),
                    SectionsSummaryHtml(options_.sections, language_),
                    "</section>\n");
    absl::Status status = WriteLandscapes(&html);
    if (!status.ok()) return status;
    WriteRanking(&html);
    html += CoverageSectionHtml(report_, language_);
    WriteSegments(&html);
    WriteCompetitors(&html);
    WriteScreening(&html);
    html += SectionsHtml(options_.sections, &report_, language_);
    WriteWarnings(&html);
    absl::StrAppend(&html, "<footer>\n<p>",
                    absl::Substitute(messages_.method_note,
                                     EscapeMarkup(Percent(language_, Level()))),
                    "</p>\n<p>", messages_.generated_by,
                    "</p>\n</footer>\n</main>\n</body>\n</html>\n");
    return html;
  }

 private:
  // A notebook cell: summary, landscape and ranking, styles scoped.
  absl::StatusOr<std::string> WriteFragment() const {
    std::string html = absl::StrCat("<div class=\"jtbd-report\" lang=\"",
                                    LanguageCode(language_), "\">\n<style>",
                                    kFragmentStyle, "</style>\n");
    absl::StrAppend(&html, "<h3>", messages_.summary, "</h3>\n",
                    SummaryHtml(report_, language_));
    LandscapeOptions options;
    options.language = language_;
    options.intervals = options_.intervals;
    options.embedded = true;
    const absl::StatusOr<std::string> svg =
        RenderLandscapeSvg(report_, options);
    if (!svg.ok()) return svg.status();
    absl::StrAppend(&html, *svg, "<h3>", messages_.ranked_title, "</h3>\n",
                    RankedTable(report_.outcomes(), 0), "</div>\n");
    return html;
  }

  double Level() const {
    return report_.confidence_level() > 0 ? report_.confidence_level() : 0.95;
  }

  void WriteHeader(std::string* html) const {
    int min = report_.scale().min();
    int max = report_.scale().max();
    int top = report_.scale().top_box_min();
    if (min == 0 && max == 0 && top == 0) min = 1, max = 5, top = 4;
    absl::StrAppend(
        html, "<header>\n<h1>", EscapeMarkup(messages_.report_title),
        "</h1>\n<p class=\"meta\">",
        absl::Substitute(messages_.report_meta,
                         Count(language_, report_.respondent_count()),
                         absl::StrCat(min, "\xE2\x80\x93", max),
                         absl::StrCat(top, "\xE2\x80\x93", max),
                         EscapeMarkup(Percent(language_, Level()))),
        "</p>\n</header>\n");
  }

  absl::Status WriteLandscapes(std::string* html) const {
    absl::StrAppend(html, "<section id=\"landscape\">\n<h2>",
                    messages_.landscape_title, "</h2>\n");
    LandscapeOptions options;
    options.language = language_;
    options.intervals = options_.intervals;
    options.embedded = true;
    options.series = LandscapeOptions::Series::kWholeSample;
    absl::StatusOr<std::string> svg = RenderLandscapeSvg(report_, options);
    if (!svg.ok()) return svg.status();
    absl::StrAppend(html, "<figure>\n", *svg, "</figure>\n");
    if (report_.segments_size() > 0) {
      options.series = LandscapeOptions::Series::kAuto;
      options.intervals = false;  // whiskers of several segments crowd
      svg = RenderLandscapeSvg(report_, options);
      if (!svg.ok()) return svg.status();
      absl::StrAppend(html, "<figure>\n", *svg, "</figure>\n");
    }
    html->append("</section>\n");
    return absl::OkStatus();
  }

  std::string Score(double value, bool present, const v1::Interval* interval,
                    int decimals) const {
    if (!present) return "\xE2\x80\x93";
    std::string cell = Number(language_, value, decimals);
    if (interval != nullptr) {
      absl::StrAppend(&cell, "<span class=\"interval\">",
                      Number(language_, interval->low(), decimals),
                      "\xE2\x80\x93",
                      Number(language_, interval->high(), decimals), "</span>");
    }
    return cell;
  }

  std::string BandCell(v1::Band band) const {
    return absl::StrCat("<span class=\"band band-", BandName(band), "\">",
                        EscapeMarkup(BandText(language_, band)), "</span>");
  }

  std::string OutcomeCell(const v1::OutcomeScore& score) const {
    if (score.statement().empty()) return EscapeMarkup(score.outcome_id());
    return absl::StrCat(EscapeMarkup(score.statement()), " <span class=\"id\">",
                        EscapeMarkup(score.outcome_id()), "</span>");
  }

  // The ranked table of `outcomes`, at most `limit` rows (0: all).
  std::string RankedTable(
      const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& outcomes,
      int limit) const {
    const int opportunity_decimals =
        report_.score_method() == v1::SCORE_METHOD_OLSEN ? 3 : 1;
    std::string html = absl::StrCat(
        "<div class=\"table-wrap\"><table>\n<thead><tr><th class=\"num\">",
        messages_.column_rank, "</th><th>", messages_.column_outcome,
        "</th><th class=\"num\">", messages_.column_importance,
        "</th><th class=\"num\">", messages_.column_satisfaction,
        "</th><th class=\"num\">", messages_.column_opportunity, "</th><th>",
        messages_.column_band, "</th><th class=\"num\">",
        messages_.column_answers, "</th></tr></thead>\n<tbody>\n");
    int rows = 0;
    for (const v1::OutcomeScore& score : outcomes) {
      if (limit > 0 && rows++ == limit) break;
      const bool has_i = score.importance_count() > 0;
      const bool has_s = score.satisfaction_count() > 0;
      absl::StrAppend(
          &html, "<tr data-outcome-id=\"", EscapeMarkup(score.outcome_id()),
          "\"><td class=\"num\">",
          score.rank() > 0 ? absl::StrCat(score.rank()) : "\xE2\x80\x93",
          "</td><td>", OutcomeCell(score), "</td><td class=\"num\">",
          Score(score.importance(), has_i,
                score.has_importance_interval() ? &score.importance_interval()
                                                : nullptr,
                1),
          "</td><td class=\"num\">",
          Score(score.satisfaction(), has_s,
                score.has_satisfaction_interval()
                    ? &score.satisfaction_interval()
                    : nullptr,
                1),
          "</td><td class=\"num\">",
          Score(score.opportunity(), has_i && has_s,
                score.has_opportunity_interval() ? &score.opportunity_interval()
                                                 : nullptr,
                opportunity_decimals),
          "</td><td>", BandCell(score.band()), "</td><td class=\"num\">",
          Count(language_, score.importance_count()), " / ",
          Count(language_, score.satisfaction_count()), "</td></tr>\n");
    }
    html += "</tbody>\n</table></div>\n";
    return html;
  }

  void WriteRanking(std::string* html) const {
    absl::StrAppend(html, "<section id=\"ranking\">\n<h2>",
                    messages_.ranked_title, "</h2>\n",
                    RankedTable(report_.outcomes(), 0), "</section>\n");
  }

  std::string PValue(double p) const {
    if (p < 0.001) return "&lt; " + Number(language_, 0.001, 3);
    return Number(language_, p, 3);
  }

  void WriteSegments(std::string* html) const {
    if (report_.segments_size() == 0) return;
    absl::StrAppend(html, "<section id=\"segments\">\n<h2>",
                    messages_.segments_title, "</h2>\n");
    for (const v1::SegmentReport& segment : report_.segments()) {
      absl::StrAppend(
          html, "<h3>",
          absl::Substitute(messages_.segment_heading,
                           EscapeMarkup(segment.name()),
                           Count(language_, segment.respondent_count()),
                           Count(language_, segment.rest_respondent_count())),
          "</h3>\n<p class=\"note\">", messages_.segment_top, "</p>\n",
          RankedTable(segment.outcomes(), kSegmentTop));
      std::string rows;
      for (const v1::SegmentComparison& comparison : segment.comparisons()) {
        if (!comparison.more_underserved()) continue;
        const v1::OutcomeScore* score = nullptr;
        for (const v1::OutcomeScore& candidate : segment.outcomes()) {
          if (candidate.outcome_id() == comparison.outcome_id()) {
            score = &candidate;
          }
        }
        if (score == nullptr) continue;
        const v1::SignificanceTest& test = comparison.opportunity_test();
        absl::StrAppend(
            &rows, "<tr><td>", OutcomeCell(*score), "</td><td class=\"num\">",
            OpportunityText(report_, language_, score->opportunity()),
            "</td><td class=\"num\">",
            OpportunityText(report_, language_, comparison.rest_opportunity()),
            "</td><td class=\"num\">",
            Number(language_, comparison.opportunity_difference(), 1),
            "</td><td class=\"num\">",
            PValue(test.has_adjusted_p_value() ? test.adjusted_p_value()
                                               : test.holm_adjusted_p_value()),
            "</td></tr>\n");
      }
      absl::StrAppend(html, "<p class=\"note\">",
                      rows.empty() ? messages_.segment_none_more_underserved
                                   : messages_.segment_more_underserved,
                      "</p>\n");
      if (rows.empty()) continue;
      absl::StrAppend(
          html, "<div class=\"table-wrap\"><table>\n<thead><tr><th>",
          messages_.column_outcome, "</th><th class=\"num\">",
          messages_.column_opportunity, "</th><th class=\"num\">",
          messages_.column_rest, "</th><th class=\"num\">",
          messages_.column_difference, "</th><th class=\"num\">",
          messages_.column_adjusted_p, "</th></tr></thead>\n<tbody>\n", rows,
          "</tbody>\n</table></div>\n");
    }
    html->append("</section>\n");
  }

  void WriteCompetitors(std::string* html) const {
    if (report_.solutions_size() == 0) return;
    absl::StrAppend(html, "<section id=\"competitors\">\n<h2>",
                    messages_.competitors_title,
                    "</h2>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>",
                    messages_.column_outcome, "</th><th class=\"num\">",
                    messages_.column_ours, "</th>");
    for (const std::string& solution : report_.solutions()) {
      absl::StrAppend(html, "<th class=\"num\">", EscapeMarkup(solution),
                      "</th>");
    }
    absl::StrAppend(html, "<th>", messages_.column_best,
                    "</th><th class=\"num\">", messages_.column_gap,
                    "</th></tr></thead>\n<tbody>\n");
    for (const v1::OutcomeScore& score : report_.outcomes()) {
      absl::StrAppend(html, "<tr><td>", OutcomeCell(score),
                      "</td><td class=\"num\">",
                      Score(score.satisfaction(),
                            score.satisfaction_count() > 0, nullptr, 1),
                      "</td>");
      for (const std::string& solution : report_.solutions()) {
        std::string cell = "\xE2\x80\x93";
        for (const v1::SolutionScore& rated : score.solutions()) {
          if (rated.solution() == solution && rated.count() > 0) {
            cell = Number(language_, rated.satisfaction(), 1);
          }
        }
        absl::StrAppend(html, "<td class=\"num\">", cell, "</td>");
      }
      absl::StrAppend(html, "<td>", EscapeMarkup(score.best_solution()),
                      "</td><td class=\"num\">",
                      score.has_best_solution_gap()
                          ? Number(language_, score.best_solution_gap(), 1)
                          : "\xE2\x80\x93",
                      "</td></tr>\n");
    }
    html->append("</tbody>\n</table></div>\n</section>\n");
  }

  void WriteScreening(std::string* html) const {
    if (!report_.has_screening()) return;
    const v1::ScreeningSummary& screening = report_.screening();
    absl::StrAppend(html, "<section id=\"screening\">\n<h2>",
                    messages_.screening_title, "</h2>\n<p>",
                    absl::Substitute(
                        messages_.screening_text,
                        Count(language_, screening.flagged_respondent_count()),
                        Count(language_, screening.screened_respondent_count()),
                        Count(language_, screening.straight_lining_count()),
                        Count(language_, screening.speeding_count()),
                        Count(language_, screening.blanks_count())),
                    " ",
                    screening.excluded() ? messages_.screening_excluded
                                         : messages_.screening_kept,
                    "</p>\n</section>\n");
  }

  std::string WarningSubject(const v1::Warning& warning) const {
    const std::string outcome = EscapeMarkup(warning.outcome_id());
    const std::string segment = EscapeMarkup(warning.segment());
    if (!warning.outcome_id().empty() && !warning.segment().empty()) {
      return absl::Substitute(messages_.what_outcome_in_segment, outcome,
                              segment);
    }
    if (!warning.outcome_id().empty()) {
      return absl::Substitute(messages_.what_outcome, outcome);
    }
    if (!warning.segment().empty()) {
      return absl::Substitute(messages_.what_segment, segment);
    }
    return messages_.what_whole_sample;
  }

  std::string WarningText(const v1::Warning& warning) const {
    const std::string what = WarningSubject(warning);
    switch (warning.code()) {
      case v1::WARNING_CODE_SMALL_SAMPLE:
        return absl::Substitute(messages_.warning_small_sample, what,
                                Number(language_, warning.value(), 1));
      case v1::WARNING_CODE_BAND_UNCERTAIN:
        return absl::Substitute(messages_.warning_band_uncertain, what);
      case v1::WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE:
        return absl::Substitute(messages_.warning_no_structure,
                                Number(language_, warning.value(), 2));
      case v1::WARNING_CODE_SCREENING_FLAGGED_MANY:
        return absl::Substitute(
            messages_.warning_screening_many,
            EscapeMarkup(Percent(language_, warning.value())));
      default:
        return absl::Substitute(messages_.warning_other, what);
    }
  }

  void WriteWarnings(std::string* html) const {
    absl::StrAppend(html, "<section id=\"warnings\">\n<h2>",
                    messages_.warnings_title, "</h2>\n");
    if (report_.warnings_size() == 0) {
      absl::StrAppend(html, "<p>", messages_.no_warnings, "</p>\n");
    } else {
      html->append("<ul class=\"warnings\">\n");
      for (const v1::Warning& warning : report_.warnings()) {
        absl::StrAppend(html, "<li>", WarningText(warning), "</li>\n");
      }
      html->append("</ul>\n");
    }
    html->append("</section>\n");
  }

  const v1::Report& report_;
  const HtmlOptions& options_;
  const Language language_;
  const Messages& messages_;
};

}  // namespace

std::string RenderSectionsPage(const ReportSections& sections,
                               Language language) {
  const Messages& messages = MessagesFor(language);
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", LanguageCode(language),
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
      EscapeMarkup(messages.report_title), "</title>\n<style>", kStyle,
      "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>",
      EscapeMarkup(messages.report_title),
      "</h1>\n</header>\n<section id=\"summary\">\n<h2>", messages.summary,
      "</h2>\n", SectionsSummaryHtml(sections, language), "</section>\n",
      SectionsHtml(sections, nullptr, language), "<footer>\n<p>",
      messages.generated_by, "</p>\n</footer>\n</main>\n</body>\n</html>\n");
}

absl::StatusOr<std::string> RenderHtmlReport(const v1::Report& report,
                                             const HtmlOptions& options) {
  return HtmlWriter(report, options).Write();
}

}  // namespace visual
}  // namespace jtbd
