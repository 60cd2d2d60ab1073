#include "render/segmentation_render.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "render/band_name.h"
#include "render/p_value_adjustment.h"
#include "render/proto_json.h"
#include "render/respondent_segments_render.h"
#include "render/table_text.h"
#include "render/warnings_render.h"

namespace jtbd {
namespace {

using render::DisplayWidth;
using render::OneLine;
using render::PadRight;
using render::WrapText;

// Outcomes listed per segment: the most underserved ones, by rank.
constexpr int kTopOutcomes = 5;
// Statements are cut to this many characters in the outcome tables.
constexpr size_t kStatementWidth = 50;

const char* Respondents(uint64_t count) {
  return count == 1 ? "respondent" : "respondents";
}

std::string FeatureWords(v1::SegmentFeature feature) {
  switch (feature) {
    case v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY:
      return "top-box opportunity (0, 10 or 20 per outcome)";
    case v1::SEGMENT_FEATURE_RATING_OPPORTUNITY:
      return "rating opportunity (I + max(I - S, 0) on the ratings)";
    default:
      return "unspecified";
  }
}

std::string Percent(double share) {
  return absl::StrFormat("%.1f%%", 100 * share);
}

// "< 0.0001", "= 0.0031".
std::string PValue(double p) {
  if (p < 0.0001) return "< 0.0001";
  return absl::StrFormat("= %.4f", p);
}

// One line naming the attributes set aside, or nothing.
std::string SetAsideLines(const v1::SegmentationReport& report) {
  if (report.set_aside_attributes().empty()) return "";
  std::vector<std::string> names;
  for (const v1::SetAsideAttribute& a : report.set_aside_attributes()) {
    names.push_back(absl::StrCat(OneLine(a.attribute()), " (",
                                 a.distinct_value_count(), " distinct of ",
                                 a.respondent_count(), ")"));
  }
  return absl::StrCat(
      "Attributes set aside (most values unique: identifiers, emails or free "
      "text; not tested): ",
      absl::StrJoin(names, ", "), "\n");
}

// The first lines: what was clustered, how k came about, what was left out.
std::string Summary(const v1::SegmentationReport& report) {
  std::string out = absl::StrFormat(
      "Segmentation: %u %s clustered into %u segments (%s)\n",
      report.respondent_count(), Respondents(report.respondent_count()),
      report.k(),
      report.k_chosen() ? "k chosen by mean silhouette" : "k given");
  absl::StrAppend(&out, "Feature: ", FeatureWords(report.feature()), "; ",
                  report.outcome_ids_size(), " outcomes clustered on; ",
                  report.starts(), " k-means++ starts per k, seed ",
                  report.seed(), "\n");
  if (report.component_count() > 0) {
    absl::StrAppend(&out, "Principal components: ", report.component_count(),
                    " kept (eigenvalue > 1, at least 2) of ",
                    report.eigenvalues_size(), "\n");
  }
  if (report.dropped_outcome_ids_size() > 0) {
    std::vector<std::string> dropped;
    for (const std::string& id : report.dropped_outcome_ids()) {
      dropped.push_back(OneLine(id));
    }
    absl::StrAppend(
        &out, "Dropped (did not vary): ", absl::StrJoin(dropped, ", "), "\n");
  }
  absl::StrAppend(&out, SetAsideLines(report));
  if (report.imputed_feature_count() > 0 ||
      report.unclustered_respondent_count() > 0) {
    absl::StrAppend(&out, "Missing answers: ", report.imputed_feature_count(),
                    " features imputed with the outcome's mean");
    if (report.unclustered_respondent_count() > 0) {
      absl::StrAppend(&out, "; ", report.unclustered_respondent_count(), " ",
                      Respondents(report.unclustered_respondent_count()),
                      " not clustered (no usable answer)");
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

// Every candidate k with its mean silhouette; the chosen one marked.
std::string Candidates(const v1::SegmentationReport& report) {
  std::vector<std::string> inertias;
  size_t inertia_width = std::string("Inertia").size();
  for (const v1::SegmentCount& candidate : report.candidates()) {
    inertias.push_back(absl::StrFormat("%.1f", candidate.inertia()));
    inertia_width = std::max(inertia_width, inertias.back().size());
  }
  const int width = static_cast<int>(inertia_width);
  std::string out = absl::StrFormat("\n     k  Silhouette  %*s  Iterations\n",
                                    width, "Inertia");
  for (int c = 0; c < report.candidates_size(); ++c) {
    const v1::SegmentCount& candidate = report.candidates(c);
    absl::StrAppend(
        &out, absl::StrFormat("  %s %3u  %10.3f  %*s  %10u\n",
                              candidate.k() == report.k() ? "*" : " ",
                              candidate.k(), candidate.silhouette(), width,
                              inertias[c], candidate.iterations()));
  }
  const uint64_t clustered = report.respondent_count();
  if (report.silhouette_respondent_count() < clustered) {
    absl::StrAppend(&out, "Silhouettes of a seeded sample of ",
                    report.silhouette_respondent_count(), " of ", clustered,
                    " respondents (each exact; the mean is an estimate)\n");
  } else {
    absl::StrAppend(&out, "Silhouettes of all ", clustered, " ",
                    Respondents(clustered), " clustered\n");
  }
  return out;
}

// One outcome's cells in a segment's table.
struct OutcomeRow {
  std::string rank;
  std::string id;
  std::string statement;
  std::string importance;
  std::string satisfaction;
  std::string opportunity;
  std::string interval;
  std::string band;
};

std::vector<OutcomeRow> TopRows(const v1::SegmentReport& scores) {
  std::vector<OutcomeRow> rows;
  for (const v1::OutcomeScore& score : scores.outcomes()) {
    if (rows.size() == kTopOutcomes) break;
    if (score.rank() == 0) continue;  // no data: nothing to rank
    OutcomeRow row;
    row.rank = absl::StrCat(score.rank());
    row.id = OneLine(score.outcome_id());
    row.statement = OneLine(score.statement());
    row.importance = absl::StrFormat("%.1f", score.importance());
    row.satisfaction = absl::StrFormat("%.1f", score.satisfaction());
    row.opportunity = absl::StrFormat("%.1f", score.opportunity());
    row.interval = score.has_opportunity_interval()
                       ? absl::StrFormat("[%.1f, %.1f]",
                                         score.opportunity_interval().low(),
                                         score.opportunity_interval().high())
                       : "-";
    row.band = BandWords(score.band());
    rows.push_back(row);
  }
  return rows;
}

// Column widths shared by every segment's table, so that they line up.
struct Layout {
  size_t id_width = std::string("Outcome").size();
  size_t statement_width = 0;  // 0: no statement column
  size_t interval_width = std::string("Interval").size();
  size_t band_width = std::string("Band").size();
};

Layout LayoutFor(const std::vector<std::vector<OutcomeRow>>& tables) {
  Layout layout;
  for (const std::vector<OutcomeRow>& rows : tables) {
    for (const OutcomeRow& row : rows) {
      layout.id_width = std::max(layout.id_width, DisplayWidth(row.id));
      layout.statement_width =
          std::max(layout.statement_width, DisplayWidth(row.statement));
      layout.interval_width =
          std::max(layout.interval_width, row.interval.size());
      layout.band_width = std::max(layout.band_width, row.band.size());
    }
  }
  if (layout.statement_width > 0) {
    layout.statement_width =
        std::clamp(layout.statement_width, std::string("Statement").size(),
                   kStatementWidth);
  }
  return layout;
}

void AppendRow(const Layout& layout, const OutcomeRow& row, std::string* out) {
  std::string line = absl::StrFormat("  %4s  %s  ", row.rank,
                                     PadRight(row.id, layout.id_width));
  // Long statements wrap onto continuation lines rather than being cut.
  std::vector<std::string> statement_lines;
  if (layout.statement_width > 0) {
    statement_lines = WrapText(row.statement, layout.statement_width);
    absl::StrAppend(&line, PadRight(statement_lines[0], layout.statement_width),
                    "  ");
  }
  absl::StrAppend(
      &line,
      absl::StrFormat("%5s  %5s  %5s  %s  %s", row.importance, row.satisfaction,
                      row.opportunity,
                      PadRight(row.interval, layout.interval_width), row.band));
  while (!line.empty() && line.back() == ' ') line.pop_back();
  absl::StrAppend(out, line, "\n");
  const std::string indent(2 + 4 + 2 + layout.id_width + 2, ' ');
  for (size_t i = 1; i < statement_lines.size(); ++i) {
    absl::StrAppend(out, indent, statement_lines[i], "\n");
  }
}

void AppendOutcomes(const Layout& layout, const std::vector<OutcomeRow>& rows,
                    std::string* out) {
  if (rows.empty()) {
    absl::StrAppend(out, "No outcome with answers in this segment\n");
    return;
  }
  absl::StrAppend(out, "Most underserved outcomes (opportunity, interval):\n");
  OutcomeRow heading{"Rank", "Outcome", "Statement", "Imp",
                     "Sat",  "Opp",     "Interval",  "Band"};
  AppendRow(layout, heading, out);
  for (const OutcomeRow& row : rows) AppendRow(layout, row, out);
}

// The outcomes significantly more underserved than in the rest, with the
// opportunity difference, its interval and its adjusted p-value.
std::string MoreUnderserved(const v1::SegmentReport& scores,
                            v1::PValueAdjustment adjustment) {
  if (scores.comparisons().empty()) return "";
  const std::string rest =
      absl::StrCat("the other ", scores.rest_respondent_count(), " ",
                   Respondents(scores.rest_respondent_count()));
  if (scores.more_underserved_outcome_ids().empty()) {
    return absl::StrCat("No outcome significantly more underserved than for ",
                        rest, "\n");
  }
  std::string out = absl::StrCat("More underserved than for ", rest, " (",
                                 render::AdjustmentWords(adjustment),
                                 " across segments and outcomes):\n");
  for (const v1::SegmentComparison& c : scores.comparisons()) {
    if (!c.more_underserved()) continue;
    const double here = c.rest_opportunity() + c.opportunity_difference();
    absl::StrAppend(&out, "  ", OneLine(c.outcome_id()), "  opportunity ",
                    absl::StrFormat("%+.1f", c.opportunity_difference()));
    if (c.has_opportunity_difference_interval()) {
      absl::StrAppend(
          &out, absl::StrFormat(" [%.1f, %.1f]",
                                c.opportunity_difference_interval().low(),
                                c.opportunity_difference_interval().high()));
    }
    absl::StrAppend(
        &out, absl::StrFormat(" (%.1f vs %.1f)", here, c.rest_opportunity()),
        ", adjusted p ", PValue(render::AdjustedPValue(c.opportunity_test())),
        "\n");
  }
  return out;
}

std::string Overrepresented(const v1::SegmentProfile& profile,
                            uint32_t min_count) {
  if (profile.overrepresented_attributes().empty()) {
    return "No attribute value significantly over-represented\n";
  }
  std::string out = absl::StrCat(
      "Over-represented attribute values (Fisher mid-p, Holm-adjusted; ",
      "held by at least ", std::max<uint32_t>(min_count, 1),
      " of the segment):\n");
  for (const v1::AttributeOverrepresentation& a :
       profile.overrepresented_attributes()) {
    absl::StrAppend(
        &out, "  ", OneLine(a.attribute()), " = ", OneLine(a.value()), "  ",
        Percent(a.segment_share()), " of the segment (", a.segment_count(), "/",
        a.segment_total(), ") vs ", Percent(a.rest_share()), " of the rest (",
        a.rest_count(), "/", a.rest_total(), "), ");
    if (a.has_lift()) {
      absl::StrAppend(&out, absl::StrFormat("lift %.2f", a.lift()));
    } else {
      absl::StrAppend(&out, "only in this segment");
    }
    absl::StrAppend(&out, ", adjusted p ",
                    PValue(a.test().holm_adjusted_p_value()), "\n");
  }
  return out;
}

}  // namespace

std::string RenderSegmentationTable(const v1::SegmentationReport& report) {
  std::string out = Summary(report);
  absl::StrAppend(&out, Candidates(report));
  std::vector<std::vector<OutcomeRow>> tables;
  for (const v1::SegmentProfile& profile : report.segments()) {
    tables.push_back(TopRows(profile.scores()));
  }
  const Layout layout = LayoutFor(tables);
  for (int s = 0; s < report.segments_size(); ++s) {
    const v1::SegmentProfile& profile = report.segments(s);
    absl::StrAppend(
        &out, absl::StrFormat("\nSegment %u: %u %s (%s), silhouette %.3f\n",
                              profile.cluster(), profile.respondent_count(),
                              Respondents(profile.respondent_count()),
                              Percent(profile.share()), profile.silhouette()));
    AppendOutcomes(layout, tables[s], &out);
    absl::StrAppend(
        &out, MoreUnderserved(profile.scores(), report.p_value_adjustment()),
        Overrepresented(profile, report.min_attribute_count()));
  }
  absl::StrAppend(&out, WarningLines(report.warnings()));
  return out;
}

absl::StatusOr<std::string> RenderSegmentationJson(
    const v1::SegmentationReport& report) {
  return render::MessageJson(report, /*indented=*/true,
                             "the segmentation report");
}

std::string RenderSegmentationCsv(const v1::SegmentationReport& report) {
  return RenderRespondentSegmentsCsv(report.respondents());
}

std::string RenderSegmentationNotes(const v1::SegmentationReport& report) {
  return SetAsideLines(report);
}

}  // namespace jtbd
