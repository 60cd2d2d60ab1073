#include "render/roadmap_render.h"

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "render/proto_json.h"
#include "render/table_text.h"

namespace jtbd {
namespace {

constexpr size_t kNameWidth = 28;

std::string Number(double x) { return absl::StrFormat("%.2f", x); }

// 15 significant digits unless the number needs 17 to read back exactly:
// 0.1 stays "0.1".
std::string CsvNumber(double x) {
  std::string text = absl::StrFormat("%.15g", x);
  double back = 0;
  if (!absl::SimpleAtod(text, &back) || back != x) {
    text = absl::StrFormat("%.17g", x);
  }
  return text;
}

absl::flat_hash_map<std::string, const v1::MarginalValue*> MarginalsByName(
    const v1::RoadmapReport& report) {
  absl::flat_hash_map<std::string, const v1::MarginalValue*> marginals;
  for (const v1::MarginalValue& marginal : report.marginal_values()) {
    marginals.emplace(marginal.initiative(), &marginal);
  }
  return marginals;
}

std::string Cell(absl::string_view text, size_t width) {
  return render::PadRight(render::Truncate(render::OneLine(text), width),
                          width);
}

}  // namespace

std::string RenderRoadmapTable(const v1::RoadmapReport& report) {
  std::string out;
  absl::StrAppend(&out, "Portfolio: ",
                  report.selected_initiatives().empty()
                      ? std::string("(none)")
                      : absl::StrJoin(report.selected_initiatives(), ", "),
                  "\n");
  absl::StrAppend(&out, "Value (opportunity closed): ", Number(report.value()),
                  "   cost ", Number(report.cost()), " of budget ",
                  Number(report.budget()),
                  " (all initiatives: ", Number(report.total_cost()), ")\n");
  if (report.optimal()) {
    absl::StrAppend(&out, "Proven optimal (", report.nodes_explored(),
                    " branch-and-bound nodes).\n");
  } else {
    absl::StrAppend(&out, "NOT proven optimal: search stopped at ",
                    report.nodes_explored(), " nodes; bound ",
                    Number(report.bound()), ", gap ",
                    absl::StrFormat("%.2f%%", 100 * report.gap()), ".\n");
  }
  if (!report.segment_by().empty()) {
    absl::StrAppend(&out, "Segments by \"", report.segment_by(),
                    "\", weighted by their share of respondents.\n");
  }
  if (report.resamples() > 0) {
    absl::StrAppend(
        &out, "Still optimal in ",
        absl::StrFormat("%.0f%%", 100 * report.portfolio_optimal_share()),
        " of ", report.resamples(), " bootstrap redraws of the scores.\n");
  }

  const auto marginals = MarginalsByName(report);
  absl::StrAppend(&out, "\n", Cell("Initiative", kNameWidth),
                  "      Cost  Chosen  Marginal  Chosen in redraws\n");
  for (const v1::InitiativeResult& row : report.initiatives()) {
    const auto found = marginals.find(row.initiative());
    absl::StrAppend(
        &out, Cell(row.initiative(), kNameWidth),
        absl::StrFormat("%10.2f", row.cost()),
        row.selected() ? "  yes   " : "  no    ",
        found != marginals.end()
            ? absl::StrFormat("%8.2f", found->second->marginal_value())
            : std::string(8, ' '),
        row.has_chosen_share()
            ? absl::StrFormat("  %5.0f%%", 100 * row.chosen_share())
            : std::string(),
        "\n");
  }

  if (report.contributions_size() > 0) {
    absl::StrAppend(
        &out, "\n", Cell("Outcome", kNameWidth),
        report.segment_by().empty() ? std::string() : Cell("Segment", 14),
        "   I   S now  S after  Opp now  Opp after   Value\n");
    for (const v1::OutcomeContribution& row : report.contributions()) {
      absl::StrAppend(
          &out, Cell(row.outcome_id(), kNameWidth),
          report.segment_by().empty() ? std::string() : Cell(row.segment(), 14),
          absl::StrFormat("%4.1f  %6.1f  %7.1f  %7.1f  %9.1f  %6.2f",
                          row.importance(), row.satisfaction_before(),
                          row.satisfaction_after(), row.opportunity_before(),
                          row.opportunity_after(), row.value()),
          "  ", absl::StrJoin(row.initiatives(), ", "), "\n");
    }
  }

  if (report.frontier_points_size() > 0) {
    absl::StrAppend(&out,
                    "\nEfficient frontier\n    Budget     Value      Cost\n");
    for (const v1::FrontierPoint& point : report.frontier_points()) {
      absl::StrAppend(&out,
                      absl::StrFormat("%10.2f%10.2f%10.2f", point.budget(),
                                      point.value(), point.cost()),
                      point.optimal() ? "" : "  (not proven)", "  ",
                      absl::StrJoin(point.selected_initiatives(), ", "), "\n");
    }
  }
  return out;
}

absl::StatusOr<std::string> RenderRoadmapJson(const v1::RoadmapReport& report) {
  return render::MessageJson(report, /*indented=*/true, "the roadmap report");
}

std::string RenderRoadmapCsv(const v1::RoadmapReport& report) {
  std::string out =
      "initiative,cost,selected,marginal_value,value_without,chosen_share\n";
  const auto marginals = MarginalsByName(report);
  for (const v1::InitiativeResult& row : report.initiatives()) {
    const auto found = marginals.find(row.initiative());
    absl::StrAppend(
        &out, render::CsvField(row.initiative()), ",", CsvNumber(row.cost()),
        ",", row.selected() ? "true" : "false", ",",
        found != marginals.end() ? CsvNumber(found->second->marginal_value())
                                 : std::string(),
        ",",
        found != marginals.end() ? CsvNumber(found->second->value_without())
                                 : std::string(),
        ",", row.has_chosen_share() ? CsvNumber(row.chosen_share()) : "", "\n");
  }
  return out;
}

}  // namespace jtbd
