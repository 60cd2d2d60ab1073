#include "render/coverage_render.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "render/table_text.h"

namespace jtbd {
namespace {

using render::CsvField;
using render::DisplayWidth;
using render::OneLine;
using render::PadRight;
using render::Truncate;

// As report_render's CSV numbers: the shortest form that reads back exactly.
std::string ShortestRoundTrip(double value) {
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

const char* Bool(bool value) { return value ? "true" : "false"; }

std::string UniversalName(v1::UniversalStep step) {
  if (step == v1::UNIVERSAL_STEP_UNSPECIFIED) return "custom";
  return absl::AsciiStrToLower(
      v1::UniversalStep_Name(step).substr(sizeof("UNIVERSAL_STEP_") - 1));
}

}  // namespace

namespace {

// One coverage as the table's step lines, then the step with the most
// opportunity; the design's own lists (steps and outcomes without the
// other) only when `design_lists`, as they are the same in every segment.
void AppendCoverageBlock(const v1::JobMapCoverage& coverage, bool design_lists,
                         std::string* out) {
  size_t name_width = 4;
  for (const v1::StepCoverage& step : coverage.steps()) {
    name_width = std::max(name_width, DisplayWidth(OneLine(step.name())));
  }
  name_width = std::min<size_t>(name_width, 30);
  absl::StrAppend(out, "  ", PadRight("Step", name_width),
                  "  Outcomes  Scored  Under  Over  Opp>10  Max opp  Note\n");
  for (const v1::StepCoverage& step : coverage.steps()) {
    std::string note;
    if (step.outcome_count() == 0) {
      note = "no outcome";
    } else if (step.all_underserved()) {
      note = "all underserved";
    } else if (step.all_overserved()) {
      note = "all overserved";
    }
    if (step.step_id() == coverage.most_opportunity_step_id()) {
      note = note.empty() ? "most opportunity"
                          : absl::StrCat(note, ", most opportunity");
    }
    const std::string max =
        step.has_max_opportunity()
            ? absl::StrFormat("%.1f", step.max_opportunity())
            : std::string("-");
    absl::StrAppend(
        out, "  ",
        PadRight(Truncate(OneLine(step.name()), name_width), name_width),
        absl::StrFormat("  %8u  %6u  %5u  %4u  %6.1f  %7s  ",
                        step.outcome_count(), step.scored_outcome_count(),
                        step.underserved_count(), step.overserved_count(),
                        step.opportunity_excess(), max),
        note);
    while (!out->empty() && out->back() == ' ') out->pop_back();
    out->push_back('\n');
  }
  auto list = [out](
                  const char* label,
                  const google::protobuf::RepeatedPtrField<std::string>& ids) {
    if (ids.empty()) return;
    std::string joined;
    for (const std::string& id : ids) {
      absl::StrAppend(&joined, joined.empty() ? "" : ", ", OneLine(id));
    }
    absl::StrAppend(out, "  ", label, ": ", joined, "\n");
  };
  if (design_lists) list("Steps without outcomes", coverage.uncovered_step_ids());
  if (!coverage.most_opportunity_step_id().empty()) {
    absl::StrAppend(out, "  Most opportunity: ",
                    OneLine(coverage.most_opportunity_step_id()),
                    " (largest sum of opportunity above 10)\n");
  }
  if (design_lists) list("Outcomes on no step", coverage.unassigned_outcome_ids());
  list("Outcomes without scores", coverage.unscored_outcome_ids());
}

void AppendCoverageRows(const v1::JobMapCoverage& coverage,
                        const std::string* segment, std::string* out) {
  for (const v1::StepCoverage& step : coverage.steps()) {
    if (segment != nullptr) absl::StrAppend(out, CsvField(*segment), ",");
    absl::StrAppend(
        out, CsvField(step.step_id()), ",", CsvField(step.name()), ",",
        UniversalName(step.universal_step()), ",", step.outcome_count(), ",",
        step.scored_outcome_count(), ",", step.underserved_count(), ",",
        step.overserved_count(), ",", Bool(step.all_underserved()), ",",
        Bool(step.all_overserved()), ",",
        ShortestRoundTrip(step.opportunity_excess()), ",",
        step.has_max_opportunity() ? ShortestRoundTrip(step.max_opportunity())
                                   : std::string(),
        ",", CsvField(step.top_outcome_id()), ",",
        Bool(step.step_id() == coverage.most_opportunity_step_id()), "\r\n");
  }
}

bool HasSegmentCoverage(const v1::Report& report) {
  for (const v1::SegmentReport& segment : report.segments()) {
    if (segment.has_coverage()) return true;
  }
  return false;
}

}  // namespace

std::string RenderCoverageTable(const v1::Report& report) {
  if (!report.has_coverage()) return std::string();
  std::string out = "\nJob map coverage";
  if (!report.design().job().statement().empty()) {
    absl::StrAppend(&out, ": ", OneLine(report.design().job().statement()));
  }
  if (!report.design().job().executor().empty()) {
    absl::StrAppend(&out, " (", OneLine(report.design().job().executor()), ")");
  }
  absl::StrAppend(&out, "\n");
  AppendCoverageBlock(report.coverage(), /*design_lists=*/true, &out);
  for (const v1::SegmentReport& segment : report.segments()) {
    if (!segment.has_coverage()) continue;
    absl::StrAppend(&out, "\nJob map coverage in segment ",
                    OneLine(report.segment_by()), " = ",
                    OneLine(segment.name()), " (", segment.respondent_count(),
                    " respondents)\n");
    AppendCoverageBlock(segment.coverage(), /*design_lists=*/false, &out);
  }
  return out;
}

std::string RenderCoverageCsv(const v1::Report& report) {
  // The segment column only when there are segments, so that the CSV of an
  // unsegmented report keeps its columns.
  const bool segmented = HasSegmentCoverage(report);
  std::string out = absl::StrCat(
      segmented ? "segment," : "",
      "step_id,name,universal_step,outcomes,scored,underserved,overserved,"
      "all_underserved,all_overserved,opportunity_excess,max_opportunity,"
      "top_outcome_id,most_opportunity\r\n");
  if (!report.has_coverage()) return out;
  const std::string whole;
  AppendCoverageRows(report.coverage(), segmented ? &whole : nullptr, &out);
  for (const v1::SegmentReport& segment : report.segments()) {
    if (segment.has_coverage()) {
      AppendCoverageRows(segment.coverage(), &segment.name(), &out);
    }
  }
  return out;
}

}  // namespace jtbd
