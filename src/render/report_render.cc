#include "render/report_render.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/util/json_util.h"
#include "render/band_name.h"
#include "render/coverage_render.h"
#include "render/p_value_adjustment.h"
#include "render/screening_render.h"
#include "render/table_text.h"
#include "render/warnings_render.h"

namespace jtbd {
namespace {

using render::CsvField;
using render::DisplayWidth;
using render::OneLine;
using render::PadRight;
using render::WrapText;

// A statement column narrower than this is not worth showing.
constexpr size_t kMinStatementWidth = 20;

// The scale a report was scored on; an all-zero proto means the default.
struct DisplayScale {
  int min = 1;
  int max = 5;
  int top_box_min = 4;
};

DisplayScale ScaleOf(const v1::Report& report) {
  DisplayScale scale;
  const v1::Scale& proto = report.scale();
  if (proto.min() != 0 || proto.max() != 0 || proto.top_box_min() != 0) {
    scale.min = proto.min();
    scale.max = proto.max();
    scale.top_box_min = proto.top_box_min();
  }
  return scale;
}

// Shortest decimal form that reads back as exactly the same double, so CSV
// consumers recompute nothing and lose nothing ("7.407407407407407", "10").
// std::to_chars is locale-independent and picks fixed notation unless
// scientific is shorter.
std::string ShortestRoundTrip(double value) {
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

// A CSV number, or an empty field for a figure that does not exist.
std::string OptionalNumber(bool present, double value) {
  return present ? ShortestRoundTrip(value) : std::string();
}

std::string OneDecimal(double value) { return absl::StrFormat("%.1f", value); }

using Scores = google::protobuf::RepeatedPtrField<v1::OutcomeScore>;

// How the report's numbers are shown: Olsen opportunities run from 0 to 1,
// where one decimal would hide every difference.
struct NumberStyle {
  int opportunity_decimals = 1;
};

NumberStyle StyleOf(const v1::Report& report) {
  NumberStyle style;
  if (report.score_method() == v1::SCORE_METHOD_OLSEN) {
    style.opportunity_decimals = 3;
  }
  return style;
}

std::string Opportunity(const NumberStyle& style, double value) {
  return absl::StrFormat("%.*f", style.opportunity_decimals, value);
}

// "95" for 0.95, "97.5" for 0.975.
std::string Percent(double level) { return absl::StrFormat("%g", level * 100); }

// One outcome's cells, as displayed.
struct Row {
  std::string rank;
  std::string id;
  std::string statement;
  std::string importance;
  std::string satisfaction;
  std::string opportunity;
  std::string interval_low;  // empty: no interval
  std::string interval_high;
  std::string probability;  // P(opportunity >= 10)
  std::string band;
  std::string importance_count;
  std::string satisfaction_count;
};

Row MakeRow(const NumberStyle& style, const v1::OutcomeScore& score) {
  // Without answers there is no score to show, only the missing counts.
  const bool has_importance = score.importance_count() > 0;
  const bool has_satisfaction = score.satisfaction_count() > 0;
  const bool scored = has_importance && has_satisfaction;
  Row row;
  row.rank = score.rank() > 0 ? absl::StrCat(score.rank()) : "-";
  row.id = OneLine(score.outcome_id());
  row.statement = OneLine(score.statement());
  row.importance = has_importance ? OneDecimal(score.importance()) : "-";
  row.satisfaction = has_satisfaction ? OneDecimal(score.satisfaction()) : "-";
  row.opportunity = scored ? Opportunity(style, score.opportunity()) : "-";
  if (score.has_opportunity_interval()) {
    row.interval_low = Opportunity(style, score.opportunity_interval().low());
    row.interval_high = Opportunity(style, score.opportunity_interval().high());
  }
  row.probability =
      score.has_opportunity_at_least_10_probability()
          ? absl::StrFormat("%.2f", score.opportunity_at_least_10_probability())
          : "-";
  row.band = BandWords(score.band());
  row.importance_count = absl::StrCat(score.importance_count());
  row.satisfaction_count = absl::StrCat(score.satisfaction_count());
  return row;
}

struct Block {
  std::vector<Row> rows;
};

// Column widths shared by every block of one table, so that the overall and
// segment blocks line up. A width of 0 leaves the column out.
struct Layout {
  size_t id_width = 7;         // "Outcome"
  size_t statement_width = 0;  // 0: no statement column
  size_t opportunity_width = 5;
  size_t low_width = 0;  // the interval's bounds; 0: no interval column
  size_t high_width = 0;
  size_t interval_width = 0;     // "[low, high]" or its heading
  size_t probability_width = 0;  // 0: no P(opportunity >= 10) column
  size_t band_width = 4;         // "Band"
  size_t count_width = 3;        // "n_I"
  std::string interval_heading;
};

Layout LayoutFor(const v1::Report& report, const std::vector<Block>& blocks,
                 size_t table_width) {
  Layout layout;
  size_t statement_length = 0;
  bool any_interval = false;
  bool any_probability = false;
  for (const Block& block : blocks) {
    for (const Row& row : block.rows) {
      layout.id_width = std::max(layout.id_width, DisplayWidth(row.id));
      statement_length =
          std::max(statement_length, DisplayWidth(row.statement));
      layout.opportunity_width =
          std::max(layout.opportunity_width, row.opportunity.size());
      if (!row.interval_low.empty()) {
        any_interval = true;
        layout.low_width = std::max(layout.low_width, row.interval_low.size());
        layout.high_width =
            std::max(layout.high_width, row.interval_high.size());
      }
      any_probability = any_probability || row.probability != "-";
      layout.band_width = std::max(layout.band_width, row.band.size());
      layout.count_width =
          std::max({layout.count_width, row.importance_count.size(),
                    row.satisfaction_count.size()});
    }
  }
  if (any_interval) {
    layout.interval_heading =
        report.confidence_level() > 0
            ? absl::StrCat(Percent(report.confidence_level()), "% CI")
            : "CI";
    // "[" low ", " high "]"
    layout.interval_width =
        std::max(layout.interval_heading.size(),
                 1 + layout.low_width + 2 + layout.high_width + 1);
  } else {
    layout.low_width = layout.high_width = 0;
  }
  if (any_probability) layout.probability_width = std::string("P>=10").size();
  if (statement_length > 0) {
    // Every other column and the two spaces between columns.
    size_t others = 4 + 2 + layout.id_width + 2 + 2 + 5 + 2 + 5 + 2 +
                    layout.opportunity_width + 2 + layout.band_width + 2 +
                    layout.count_width + 2 + layout.count_width;
    if (layout.interval_width > 0) others += layout.interval_width + 2;
    if (layout.probability_width > 0) others += layout.probability_width + 2;
    const size_t room = others < table_width ? table_width - others : 0;
    layout.statement_width =
        std::min(std::max(statement_length, std::string("Statement").size()),
                 std::max(room, kMinStatementWidth));
  }
  return layout;
}

// The interval column: bounds right-aligned so that brackets and commas
// line up down the column.
std::string IntervalCell(const Layout& layout, const Row& row) {
  if (row.interval_low.empty()) return "-";
  return absl::StrFormat("[%*s, %*s]", static_cast<int>(layout.low_width),
                         row.interval_low, static_cast<int>(layout.high_width),
                         row.interval_high);
}

void AppendLine(const Layout& layout, const Row& row,
                absl::string_view interval, std::string* out) {
  std::string line =
      absl::StrFormat("%4s  %s  ", row.rank, PadRight(row.id, layout.id_width));
  // Long statements wrap onto continuation lines rather than being cut:
  // cut, twenty "Minimize the time it takes t..." would read alike.
  std::vector<std::string> statement_lines;
  if (layout.statement_width > 0) {
    statement_lines = WrapText(row.statement, layout.statement_width);
    absl::StrAppend(&line, PadRight(statement_lines[0], layout.statement_width),
                    "  ");
  }
  absl::StrAppend(
      &line, absl::StrFormat(
                 "%5s  %5s  %*s  ", row.importance, row.satisfaction,
                 static_cast<int>(layout.opportunity_width), row.opportunity));
  if (layout.interval_width > 0) {
    absl::StrAppend(&line, PadRight(interval, layout.interval_width), "  ");
  }
  if (layout.probability_width > 0) {
    absl::StrAppend(
        &line,
        absl::StrFormat("%*s  ", static_cast<int>(layout.probability_width),
                        row.probability));
  }
  absl::StrAppend(
      &line, absl::StrFormat(
                 "%s  %*s  %*s", PadRight(row.band, layout.band_width),
                 static_cast<int>(layout.count_width), row.importance_count,
                 static_cast<int>(layout.count_width), row.satisfaction_count));
  while (!line.empty() && line.back() == ' ') line.pop_back();
  absl::StrAppend(out, line, "\n");
  const std::string indent(4 + 2 + layout.id_width + 2, ' ');
  for (size_t i = 1; i < statement_lines.size(); ++i) {
    absl::StrAppend(out, indent, statement_lines[i], "\n");
  }
}

void AppendBlock(const Layout& layout, const Block& block, std::string* out) {
  Row heading;
  heading.rank = "Rank";
  heading.id = "Outcome";
  heading.statement = "Statement";
  heading.importance = "Imp";
  heading.satisfaction = "Sat";
  heading.opportunity = "Opp";
  heading.probability = "P>=10";
  heading.band = "Band";
  heading.importance_count = "n_I";
  heading.satisfaction_count = "n_S";
  AppendLine(layout, heading, layout.interval_heading, out);
  for (const Row& row : block.rows) {
    AppendLine(layout, row, IntervalCell(layout, row), out);
  }
}

Block MakeBlock(const NumberStyle& style, const Scores& scores) {
  Block block;
  for (const v1::OutcomeScore& score : scores) {
    block.rows.push_back(MakeRow(style, score));
  }
  return block;
}

const char* Respondents(uint32_t count) {
  return count == 1 ? "respondent" : "respondents";
}

// The method in words, for the title block.
std::string MethodWords(const v1::Report& report) {
  switch (report.score_method()) {
    case v1::SCORE_METHOD_ULWICK:
      return "Ulwick top box, opportunity = I + max(I - S, 0)";
    case v1::SCORE_METHOD_MEAN:
      return "mean ratings rescaled to 0-10, opportunity = I + max(I - S, 0)";
    case v1::SCORE_METHOD_OLSEN:
      return "Olsen, opportunity = I/10 x (1 - S/10)";
    case v1::SCORE_METHOD_TOP_BOX_ONLY:
      return "top box only, opportunity = I + max(I - S, 0)";
    default:
      return report.method();
  }
}

// The lines under the title that say how the scores were computed; nothing
// for a report that does not say (one built by hand).
std::string MethodLines(const v1::Report& report) {
  std::string out;
  if (!report.method().empty() ||
      report.score_method() != v1::SCORE_METHOD_UNSPECIFIED) {
    absl::StrAppend(&out, "Method: ", MethodWords(report), "\n");
  }
  if (report.confidence_level() > 0) {
    absl::StrAppend(&out, "Intervals: ", Percent(report.confidence_level()),
                    "%; opportunity ");
    const bool bootstrap = report.bootstrap_resamples() > 0;
    if (report.opportunity_interval_method() ==
        v1::OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION) {
      absl::StrAppend(&out,
                      "by moment selection (valid where I is close to S)");
      if (bootstrap) {
        absl::StrAppend(&out, "; bootstrap ", report.bootstrap_resamples(),
                        " resamples, seed ", report.seed());
      }
      absl::StrAppend(&out, "\n");
    } else if (bootstrap) {
      absl::StrAppend(&out, "by bootstrap, ", report.bootstrap_resamples(),
                      " resamples, seed ", report.seed(), "\n");
    } else {
      absl::StrAppend(&out, "by the delta method (no bootstrap)\n");
    }
  }
  if (report.weighted()) {
    absl::StrAppend(
        &out, "Weighted: Kish effective sample size ",
        absl::StrFormat("%.1f", report.effective_respondent_count()), "\n");
  }
  return out;
}

// "0.0031", "< 0.0001".
std::string PValue(double p) {
  if (p < 0.0001) return "< 0.0001";
  return absl::StrFormat("= %.4f", p);
}

// The outcomes significantly more underserved in a segment than in the
// rest, with the opportunity difference, its interval and its adjusted
// p-value (Holm or Benjamini-Hochberg across segments and outcomes, as the
// report says).
std::string MoreUnderserved(const NumberStyle& style, const v1::Report& report,
                            const v1::SegmentReport& segment) {
  if (segment.comparisons().empty()) return "";
  std::string test =
      absl::StrCat(render::AdjustmentWords(report.p_value_adjustment()),
                   " across segments and outcomes");
  if (report.confidence_level() > 0) {
    absl::StrAppend(&test, ", p < ",
                    absl::StrFormat("%g", 1 - report.confidence_level()));
  }
  const std::string rest =
      absl::StrCat("the other ", segment.rest_respondent_count(), " ",
                   Respondents(segment.rest_respondent_count()));
  if (segment.more_underserved_outcome_ids().empty()) {
    return absl::StrCat("No outcome significantly more underserved than for ",
                        rest, " (", test, ")\n");
  }
  std::string out =
      absl::StrCat("More underserved than for ", rest, " (", test, "):\n");
  for (const v1::SegmentComparison& c : segment.comparisons()) {
    if (!c.more_underserved()) continue;
    const double here = c.rest_opportunity() + c.opportunity_difference();
    absl::StrAppend(&out, "  ", OneLine(c.outcome_id()), "  opportunity ",
                    c.opportunity_difference() >= 0 ? "+" : "",
                    Opportunity(style, c.opportunity_difference()));
    if (c.has_opportunity_difference_interval()) {
      // The difference's interval at the report's level (docs/SCORING.md,
      // "Opportunity differences"): how large the gap may be, not only
      // that it exists.
      absl::StrAppend(
          &out, " [",
          Opportunity(style, c.opportunity_difference_interval().low()), ", ",
          Opportunity(style, c.opportunity_difference_interval().high()), "]");
    }
    absl::StrAppend(&out, " (", Opportunity(style, here), " vs ",
                    Opportunity(style, c.rest_opportunity()), "), adjusted p ",
                    PValue(render::AdjustedPValue(c.opportunity_test())), "\n");
  }
  return out;
}

// Competing solutions of a block's outcomes (docs/SCORING.md, "Competing
// solutions"): each solution's satisfaction and raters, the best one, the
// gap to ours with its p-value, and the "20 % better" target; empty when
// the report has no solutions.
std::string CompetitorLines(const v1::Report& report, const Scores& scores) {
  if (report.solutions_size() == 0) return "";
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"outcome"};
  for (const std::string& solution : report.solutions()) {
    header.push_back(absl::StrCat(OneLine(solution), " S (n)"));
  }
  // "adj p": Holm over every solution's gap test, so that picking the best
  // is accounted for; the target is ODI's rule of thumb, so it says so and
  // carries its interval (docs/SCORING.md, "Competing solutions").
  for (const char* title : {"best", "gap", "adj p", "heuristic target [CI]"}) {
    header.push_back(title);
  }
  rows.push_back(std::move(header));
  for (const v1::OutcomeScore& score : scores) {
    std::vector<std::string> row{OneLine(score.outcome_id())};
    for (const v1::SolutionScore& solution : score.solutions()) {
      row.push_back(solution.count() == 0
                        ? std::string("-")
                        : absl::StrCat(OneDecimal(solution.satisfaction()),
                                       " (", solution.count(), ")"));
    }
    row.resize(1 + report.solutions_size(), "-");
    row.push_back(
        score.best_solution().empty() ? "-" : OneLine(score.best_solution()));
    row.push_back(score.has_best_solution_gap()
                      ? absl::StrFormat("%+.1f", score.best_solution_gap())
                      : "-");
    row.push_back(score.has_best_solution_gap_test()
                      ? absl::StrFormat("%.4f", score.best_solution_gap_test()
                                                    .holm_adjusted_p_value())
                      : "-");
    row.push_back(
        score.has_satisfaction_target()
            ? absl::StrCat(
                  OneDecimal(score.satisfaction_target()), " [",
                  OneDecimal(score.satisfaction_target_interval().low()), ", ",
                  OneDecimal(score.satisfaction_target_interval().high()), "]")
            : "-");
    rows.push_back(std::move(row));
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  std::string out =
      "Competing solutions: satisfaction among each one's raters; gap = best "
      "- ours; target = min(10, 1.2 x best)\n";
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c) {
      absl::StrAppend(&line, " ", PadRight(row[c], widths[c]));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

}  // namespace

std::string RenderTable(const v1::Report& report, size_t width) {
  const DisplayScale scale = ScaleOf(report);
  const NumberStyle style = StyleOf(report);
  std::vector<Block> blocks;
  blocks.push_back(MakeBlock(style, report.outcomes()));
  for (const v1::SegmentReport& segment : report.segments()) {
    blocks.push_back(MakeBlock(style, segment.outcomes()));
  }
  const Layout layout = LayoutFor(report, blocks, width);
  std::string out = absl::StrFormat(
      "Opportunity scores: %u %s, scale %d-%d, top box %d-%d\n",
      report.respondent_count(), Respondents(report.respondent_count()),
      scale.min, scale.max, scale.top_box_min, scale.max);
  absl::StrAppend(&out, MethodLines(report));
  absl::StrAppend(&out, ScreeningSummaryLines(report));
  AppendBlock(layout, blocks[0], &out);
  absl::StrAppend(&out, CompetitorLines(report, report.outcomes()));
  for (int s = 0; s < report.segments_size(); ++s) {
    const v1::SegmentReport& segment = report.segments(s);
    absl::StrAppend(&out, "\nSegment: ", OneLine(segment.name()), " (",
                    segment.respondent_count(), " ",
                    Respondents(segment.respondent_count()), ")\n");
    AppendBlock(layout, blocks[s + 1], &out);
    absl::StrAppend(&out, CompetitorLines(report, segment.outcomes()));
    absl::StrAppend(&out, MoreUnderserved(style, report, segment));
  }
  if (report.unsegmented_respondent_count() > 0) {
    absl::StrAppend(&out, "\n", report.unsegmented_respondent_count(), " ",
                    Respondents(report.unsegmented_respondent_count()),
                    " without a \"", OneLine(report.segment_by()),
                    "\" value in no segment\n");
  }
  absl::StrAppend(&out, ScreenedRespondentLines(report));
  absl::StrAppend(&out, RenderCoverageTable(report));
  absl::StrAppend(&out, WarningLines(report.warnings()));
  return out;
}

absl::StatusOr<std::string> RenderJson(const v1::Report& report) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = false;  // lowerCamelCase
  options.always_print_enums_as_ints = false;  // "BAND_HIGH"
  std::string json;
  const google::protobuf::util::Status status =
      google::protobuf::util::MessageToJsonString(report, &json, options);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.code()),
                        absl::StrCat("cannot render the report as JSON: ",
                                     std::string(status.message())));
  }
  if (json.empty() || json.back() != '\n') json.push_back('\n');
  return json;
}

std::string RenderCsv(const v1::Report& report) {
  // RFC 4180 ends every record with CRLF.
  constexpr absl::string_view kEnd = "\r\n";
  std::string out = absl::StrCat(
      "segment,rank,outcome_id,statement,importance,satisfaction,opportunity,"
      "band,importance_count,importance_top_box_count,satisfaction_count,"
      "satisfaction_top_box_count,both_count,both_top_box_count,"
      "importance_low,importance_high,satisfaction_low,satisfaction_high,"
      "opportunity_low,opportunity_high,opportunity_se,"
      "p_opportunity_at_least_10");
  // Competing solutions, only when the report has some, so that files
  // without them keep their columns.
  if (report.solutions_size() != 0) {
    absl::StrAppend(&out,
                    ",best_solution,best_solution_gap,best_solution_gap_p,"
                    "satisfaction_target");
    for (const std::string& solution : report.solutions()) {
      absl::StrAppend(&out, ",",
                      CsvField(absl::StrCat("satisfaction:", solution)), ",",
                      CsvField(absl::StrCat("count:", solution)));
    }
  }
  absl::StrAppend(&out, kEnd);
  auto append_rows = [&out, &report, kEnd](absl::string_view segment,
                                           const Scores& scores) {
    for (const v1::OutcomeScore& score : scores) {
      absl::StrAppend(
          &out, CsvField(segment), ",", score.rank(), ",",
          CsvField(score.outcome_id()), ",", CsvField(score.statement()), ",",
          ShortestRoundTrip(score.importance()), ",",
          ShortestRoundTrip(score.satisfaction()), ",",
          ShortestRoundTrip(score.opportunity()), ",", BandName(score.band()),
          ",", score.importance_count(), ",", score.importance_top_box_count(),
          ",", score.satisfaction_count(), ",");
      absl::StrAppend(&out, score.satisfaction_top_box_count(), ",",
                      score.both_count(), ",", score.both_top_box_count());
      // Statistics last, so that readers of the older columns by position
      // keep working; a blank field is a figure that does not exist.
      for (const auto& [present, interval] :
           {std::pair<bool, const v1::Interval*>{
                score.has_importance_interval(), &score.importance_interval()},
            {score.has_satisfaction_interval(), &score.satisfaction_interval()},
            {score.has_opportunity_interval(),
             &score.opportunity_interval()}}) {
        absl::StrAppend(&out, ",", OptionalNumber(present, interval->low()),
                        ",", OptionalNumber(present, interval->high()));
      }
      absl::StrAppend(
          &out, ",",
          OptionalNumber(score.has_opportunity_standard_error(),
                         score.opportunity_standard_error()),
          ",",
          OptionalNumber(score.has_opportunity_at_least_10_probability(),
                         score.opportunity_at_least_10_probability()));
      if (report.solutions_size() != 0) {
        absl::StrAppend(
            &out, ",", CsvField(score.best_solution()), ",",
            OptionalNumber(score.has_best_solution_gap(),
                           score.best_solution_gap()),
            ",",
            OptionalNumber(score.has_best_solution_gap_test(),
                           score.best_solution_gap_test().p_value()),
            ",",
            OptionalNumber(score.has_satisfaction_target(),
                           score.satisfaction_target()));
        for (int s = 0; s < report.solutions_size(); ++s) {
          const bool rated =
              s < score.solutions_size() && score.solutions(s).count() != 0;
          absl::StrAppend(
              &out, ",",
              OptionalNumber(rated,
                             rated ? score.solutions(s).satisfaction() : 0),
              ",", s < score.solutions_size() ? score.solutions(s).count() : 0);
        }
      }
      absl::StrAppend(&out, kEnd);
    }
  };
  append_rows("", report.outcomes());
  for (const v1::SegmentReport& segment : report.segments()) {
    append_rows(segment.name(), segment.outcomes());
  }
  return out;
}

}  // namespace jtbd
