#include "render/wave_comparison_render.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "render/band_name.h"
#include "render/p_value_adjustment.h"
#include "render/proto_json.h"
#include "render/table_text.h"

namespace jtbd {
namespace {

using render::AdjustmentWords;
using render::CsvField;
using render::DisplayWidth;
using render::OneLine;
using render::PadRight;
using render::Truncate;
using Changes = google::protobuf::RepeatedPtrField<v1::OutcomeChange>;

// As report_render.cc prints CSV numbers: the shortest text that reads back
// as the same double.
std::string ShortestRoundTrip(double value) {
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

const char* WaveName(v1::Wave wave) {
  return wave == v1::WAVE_FIRST ? "first" : "second";
}

std::string Scores(double before, double after) {
  return absl::StrFormat("%.1f -> %.1f", before, after);
}

// "+1.5", one decimal with its sign; "+0.0", never "-0.0", for a change
// that rounds to nothing.
std::string Signed(double value) {
  const double rounded = std::round(value * 10) / 10;
  return absl::StrFormat("%+.1f", rounded == 0 ? 0.0 : rounded);
}

// "+1.5*": a change rounded for display, starred when significant; "-"
// when it could not be computed.
std::string Change(bool present, const v1::ScoreChange& change) {
  if (!present) return "-";
  return absl::StrFormat("%s%s", Signed(change.difference()),
                         change.significant() ? "*" : "");
}

std::string Interval(bool present, const v1::ScoreChange& change) {
  if (!present) return "";
  return absl::StrFormat("[%s, %s]", Signed(change.interval().low()),
                         Signed(change.interval().high()));
}

std::string Bands(const v1::OutcomeChange& c) {
  if (c.band_before() == c.band_after()) return BandWords(c.band_after());
  return absl::StrCat(BandWords(c.band_before()), " -> ",
                      BandWords(c.band_after()));
}

void AppendTableBlock(const Changes& changes, std::string* out) {
  const std::vector<std::string> header = {
      "outcome",     "importance", "change",   "satisfaction", "change",
      "opportunity", "change",     "interval", "adjusted p",   "band"};
  std::vector<std::vector<std::string>> rows = {header};
  for (const v1::OutcomeChange& c : changes) {
    rows.push_back({
        Truncate(OneLine(c.outcome_id()), 24),
        Scores(c.first().importance(), c.second().importance()),
        Change(c.has_importance(), c.importance()),
        Scores(c.first().satisfaction(), c.second().satisfaction()),
        Change(c.has_satisfaction(), c.satisfaction()),
        Scores(c.first().opportunity(), c.second().opportunity()),
        Change(c.has_opportunity(), c.opportunity()),
        Interval(c.has_opportunity(), c.opportunity()),
        c.has_opportunity()
            ? absl::StrFormat("%.4g", c.opportunity().adjusted_p_value())
            : "-",
        Bands(c),
    });
  }
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& row : rows) {
    for (size_t k = 0; k < row.size(); ++k) {
      widths[k] = std::max(widths[k], DisplayWidth(row[k]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t k = 0; k < row.size(); ++k) {
      absl::StrAppend(
          &line, k == 0 ? "" : "  ",
          k + 1 == row.size() ? row[k] : PadRight(row[k], widths[k]));
    }
    absl::StrAppend(out, "  ", line, "\n");
  }
}

}  // namespace

std::string RenderWaveComparisonTable(const v1::WaveComparison& comparison) {
  const double alpha = 1 - comparison.confidence_level();
  std::string out = absl::StrFormat(
      "Waves compared: %u respondents in the first wave, %u in the second; "
      "changes are second minus first.\n"
      "* significant: %s p < %g across the %u tests of this comparison "
      "(importance, satisfaction and opportunity of every outcome).\n"
      "Intervals at %g%%: Newcombe's hybrid score for importance and "
      "satisfaction (top box), %s for opportunity; the interval "
      "and adjusted p columns are the opportunity change's.\n\n",
      comparison.first_respondent_count(), comparison.second_respondent_count(),
      AdjustmentWords(comparison.p_value_adjustment()), alpha,
      comparison.family_size(), 100 * comparison.confidence_level(),
      // Olsen's opportunity is smooth, so its change keeps the delta
      // method; Ulwick's kink needs MOVER (docs/SCORING.md, "Opportunity
      // differences").
      comparison.score_method() == v1::SCORE_METHOD_OLSEN
          ? "delta method"
          : "MOVER on each wave's moment-selection interval");
  absl::StrAppend(&out, "All respondents\n");
  AppendTableBlock(comparison.changes(), &out);
  for (const v1::OneWaveOutcome& only : comparison.one_wave_outcomes()) {
    absl::StrAppend(&out, "  only in the ", WaveName(only.wave()),
                    " wave: ", OneLine(only.outcome_id()), "\n");
  }
  if (!comparison.segment_by().empty()) {
    absl::StrAppend(
        &out, "\nSegments by ", OneLine(comparison.segment_by()),
        absl::StrFormat(" (%s p across the %u tests of all segments)\n",
                        AdjustmentWords(comparison.p_value_adjustment()),
                        comparison.segment_family_size()));
  }
  for (const v1::WaveGroupComparison& segment : comparison.segments()) {
    absl::StrAppend(&out, "\n", OneLine(comparison.segment_by()), " = ",
                    OneLine(segment.segment()),
                    absl::StrFormat(" (%u -> %u respondents)\n",
                                    segment.first_respondent_count(),
                                    segment.second_respondent_count()));
    AppendTableBlock(segment.changes(), &out);
  }
  for (const v1::OneWaveSegment& only : comparison.one_wave_segments()) {
    absl::StrAppend(&out, "segment only in the ", WaveName(only.wave()),
                    " wave: ", OneLine(comparison.segment_by()), " = ",
                    OneLine(only.segment()), "\n");
  }
  return out;
}

absl::StatusOr<std::string> RenderWaveComparisonJson(
    const v1::WaveComparison& comparison) {
  return render::MessageJson(comparison, /*indented=*/true,
                             "the wave comparison");
}

std::string RenderWaveComparisonCsv(const v1::WaveComparison& comparison) {
  constexpr absl::string_view kEnd = "\r\n";
  std::string out = "segment,outcome_id,only_in,statement";
  for (const char* measure : {"importance", "satisfaction", "opportunity"}) {
    absl::StrAppend(&out, ",", measure, "_first,", measure, "_second,", measure,
                    "_change,", measure, "_low,", measure, "_high,", measure,
                    "_p,", measure, "_adjusted_p,", measure, "_significant");
  }
  absl::StrAppend(&out, ",band_before,band_after,crossed_band,significant",
                  kEnd);
  auto append_change = [&out](bool present, double first, double second,
                              const v1::ScoreChange& change) {
    absl::StrAppend(&out, ",", ShortestRoundTrip(first), ",",
                    ShortestRoundTrip(second));
    if (!present) {
      absl::StrAppend(&out, ",,,,,,");
      return;
    }
    absl::StrAppend(&out, ",", ShortestRoundTrip(change.difference()), ",",
                    ShortestRoundTrip(change.interval().low()), ",",
                    ShortestRoundTrip(change.interval().high()), ",",
                    ShortestRoundTrip(change.p_value()), ",",
                    ShortestRoundTrip(change.adjusted_p_value()), ",",
                    change.significant() ? "true" : "false");
  };
  auto append_rows = [&](absl::string_view segment, const Changes& changes) {
    for (const v1::OutcomeChange& c : changes) {
      absl::StrAppend(&out, CsvField(segment), ",", CsvField(c.outcome_id()),
                      ",,", CsvField(c.statement()));
      append_change(c.has_importance(), c.first().importance(),
                    c.second().importance(), c.importance());
      append_change(c.has_satisfaction(), c.first().satisfaction(),
                    c.second().satisfaction(), c.satisfaction());
      append_change(c.has_opportunity(), c.first().opportunity(),
                    c.second().opportunity(), c.opportunity());
      absl::StrAppend(&out, ",", BandName(c.band_before()), ",",
                      BandName(c.band_after()), ",",
                      c.crossed_band() ? "true" : "false", ",",
                      c.significant() ? "true" : "false", kEnd);
    }
  };
  append_rows("", comparison.changes());
  // 3 x 8 figures, then 4 band and flag columns, all blank.
  const std::string blank_figures(3 * 8 + 4, ',');
  for (const v1::OneWaveOutcome& only : comparison.one_wave_outcomes()) {
    absl::StrAppend(&out, ",", CsvField(only.outcome_id()), ",",
                    WaveName(only.wave()), ",", blank_figures, kEnd);
  }
  for (const v1::WaveGroupComparison& segment : comparison.segments()) {
    append_rows(segment.segment(), segment.changes());
  }
  return out;
}

}  // namespace jtbd
