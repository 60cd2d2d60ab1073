#include "render/screening_render.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "render/table_text.h"

namespace jtbd {
namespace {

std::string Seconds(double seconds) {
  return absl::StrFormat("%.1f s", seconds);
}

std::string Percent(double share) {
  return absl::StrFormat("%.0f%%", share * 100);
}

}  // namespace

const char* ScreeningReasonName(v1::ScreeningReason reason) {
  switch (reason) {
    case v1::SCREENING_REASON_STRAIGHT_LINING:
      return "straight_lining";
    case v1::SCREENING_REASON_SPEEDING:
      return "speeding";
    case v1::SCREENING_REASON_BLANKS:
      return "blanks";
    default:
      return "unspecified";
  }
}

std::string ScreeningSummaryLines(const v1::Report& report) {
  if (!report.has_screening()) return "";
  const v1::ScreeningSummary& summary = report.screening();
  const v1::ScreeningCriteria& criteria = summary.criteria();
  std::string speed;
  if (!criteria.has_speed_threshold_seconds()) {
    speed = "speeding not judged (no durations)";
  } else if (criteria.has_speed_min_seconds()) {
    speed = absl::StrCat("speeding < ",
                         Seconds(criteria.speed_threshold_seconds()));
  } else {
    speed = absl::StrCat(
        "speeding < ", Seconds(criteria.speed_threshold_seconds()), " (",
        absl::StrFormat("%.3g", criteria.speed_median_fraction()), " x median ",
        Seconds(criteria.median_duration_seconds()), " of ",
        summary.duration_count(), " durations)");
  }
  return absl::StrCat(
      "Screening: ", summary.flagged_respondent_count(), " of ",
      summary.screened_respondent_count(), " respondents flagged (",
      "straight-lining ", summary.straight_lining_count(), ", speeding ",
      summary.speeding_count(), ", blanks ", summary.blanks_count(), "); ",
      summary.excluded() ? "excluded from every score"
                         : "still counted in the scores",
      "\n  rules: straight-lining = at least ",
      criteria.straight_line_min_ratings(), " equal ratings in a battery; ",
      speed, "; blanks > ", Percent(criteria.max_blank_share()),
      " of outcomes\n");
}

std::string ScreenedRespondentLines(const v1::Report& report) {
  if (!report.has_screening()) return "";
  const v1::ScreeningSummary& summary = report.screening();
  if (summary.respondents().empty()) return "\nScreened respondents: none\n";
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"respondent", "reasons", "duration", "blank"});
  for (const v1::ScreenedRespondent& flagged : summary.respondents()) {
    std::vector<std::string> reasons;
    for (int reason : flagged.reasons()) {
      reasons.push_back(
          ScreeningReasonName(static_cast<v1::ScreeningReason>(reason)));
    }
    rows.push_back({flagged.respondent_id().empty()
                        ? absl::StrCat("#", flagged.index() + 1)
                        : render::OneLine(flagged.respondent_id()),
                    absl::StrJoin(reasons, ", "),
                    flagged.has_duration_seconds()
                        ? Seconds(flagged.duration_seconds())
                        : std::string("-"),
                    Percent(flagged.blank_share())});
  }
  std::vector<size_t> widths(4, 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], render::DisplayWidth(row[c]));
    }
  }
  std::string out =
      absl::StrCat("\nScreened respondents (",
                   summary.excluded() ? "excluded" : "kept", "):\n");
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c) {
      absl::StrAppend(&line, " ", render::PadRight(row[c], widths[c]));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

}  // namespace jtbd
