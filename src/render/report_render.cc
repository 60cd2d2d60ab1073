#include "render/report_render.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "core/band.h"
#include "google/protobuf/util/json_util.h"

namespace jtbd {
namespace {

// Lines of the table stay within this many characters (statements are
// truncated to fit).
constexpr size_t kTableWidth = 120;
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

// RFC 4180: a field containing a comma, a quote, CR or LF is quoted, with
// quotes doubled.
std::string CsvField(absl::string_view field) {
  if (field.find_first_of(",\"\r\n") == absl::string_view::npos) {
    return std::string(field);
  }
  return absl::StrCat("\"", absl::StrReplaceAll(field, {{"\"", "\"\""}}), "\"");
}

// Band names for people: "table stakes", "insufficient data".
std::string BandWords(v1::Band band) {
  return absl::StrReplaceAll(BandName(band), {{"_", " "}});
}

// Display width of UTF-8 text, counted in code points (continuation bytes
// 10xxxxxx do not start a character).
size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

// Text cut to at most `width` code points, ending in "..." when cut; never
// splits a UTF-8 sequence.
std::string Truncate(absl::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  const size_t keep = width > 3 ? width - 3 : 0;
  size_t kept = 0;
  size_t end = 0;
  while (end < text.size()) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
      if (kept == keep) break;
      ++kept;
    }
    ++end;
  }
  std::string cut(text.substr(0, end));
  // No trailing blank before the ellipsis.
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return absl::StrCat(cut, "...");
}

// One line of text: control characters (a newline inside a quoted CSV
// field, a tab) would break the table's rows and columns.
std::string OneLine(absl::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return line;
}

// Left-aligned in `width` code points.
std::string PadRight(absl::string_view text, size_t width) {
  std::string padded(text);
  const size_t shown = DisplayWidth(text);
  if (shown < width) padded.append(width - shown, ' ');
  return padded;
}

std::string OneDecimal(double value) { return absl::StrFormat("%.1f", value); }

using Scores = google::protobuf::RepeatedPtrField<v1::OutcomeScore>;

// Column widths shared by every block of one table, so that the overall and
// segment blocks line up.
struct Layout {
  size_t id_width = 7;         // "Outcome"
  size_t statement_width = 0;  // 0: no statement column
  size_t band_width = 4;       // "Band"
  size_t count_width = 3;      // "n_I"
};

void Widen(const Scores& scores, size_t* id_width, size_t* statement_length,
           size_t* band_width, size_t* count_width) {
  for (const v1::OutcomeScore& score : scores) {
    *id_width = std::max(*id_width, DisplayWidth(score.outcome_id()));
    *statement_length =
        std::max(*statement_length, DisplayWidth(score.statement()));
    *band_width = std::max(*band_width, BandWords(score.band()).size());
    *count_width =
        std::max({*count_width, absl::StrCat(score.importance_count()).size(),
                  absl::StrCat(score.satisfaction_count()).size()});
  }
}

Layout LayoutFor(const v1::Report& report) {
  Layout layout;
  size_t statement_length = 0;
  Widen(report.outcomes(), &layout.id_width, &statement_length,
        &layout.band_width, &layout.count_width);
  for (const v1::SegmentReport& segment : report.segments()) {
    Widen(segment.outcomes(), &layout.id_width, &statement_length,
          &layout.band_width, &layout.count_width);
  }
  if (statement_length > 0) {
    // rank(4) id band imp(5) sat(5) opp(5) n_I n_S, two spaces between.
    const size_t others = 4 + 2 + layout.id_width + 2 + 2 + 5 + 2 + 5 + 2 + 5 +
                          2 + layout.band_width + 2 + layout.count_width + 2 +
                          layout.count_width;
    const size_t room = others < kTableWidth ? kTableWidth - others : 0;
    layout.statement_width =
        std::min(std::max(statement_length, std::string("Statement").size()),
                 std::max(room, kMinStatementWidth));
  }
  return layout;
}

void AppendRow(const Layout& layout, absl::string_view rank,
               absl::string_view id, absl::string_view statement,
               absl::string_view importance, absl::string_view satisfaction,
               absl::string_view opportunity, absl::string_view band,
               absl::string_view importance_count,
               absl::string_view satisfaction_count, std::string* out) {
  std::string line =
      absl::StrFormat("%4s  %s  ", rank, PadRight(id, layout.id_width));
  if (layout.statement_width > 0) {
    absl::StrAppend(&line,
                    PadRight(Truncate(statement, layout.statement_width),
                             layout.statement_width),
                    "  ");
  }
  absl::StrAppend(
      &line, absl::StrFormat(
                 "%5s  %5s  %5s  %s  %*s  %*s", importance, satisfaction,
                 opportunity, PadRight(band, layout.band_width),
                 static_cast<int>(layout.count_width), importance_count,
                 static_cast<int>(layout.count_width), satisfaction_count));
  while (!line.empty() && line.back() == ' ') line.pop_back();
  absl::StrAppend(out, line, "\n");
}

void AppendBlock(const Layout& layout, const Scores& scores, std::string* out) {
  AppendRow(layout, "Rank", "Outcome", "Statement", "Imp", "Sat", "Opp", "Band",
            "n_I", "n_S", out);
  for (const v1::OutcomeScore& score : scores) {
    // Without answers there is no score to show, only the missing counts.
    const bool has_importance = score.importance_count() > 0;
    const bool has_satisfaction = score.satisfaction_count() > 0;
    const bool scored = has_importance && has_satisfaction;
    AppendRow(layout, score.rank() > 0 ? absl::StrCat(score.rank()) : "-",
              OneLine(score.outcome_id()), OneLine(score.statement()),
              has_importance ? OneDecimal(score.importance()) : "-",
              has_satisfaction ? OneDecimal(score.satisfaction()) : "-",
              scored ? OneDecimal(score.opportunity()) : "-",
              BandWords(score.band()), absl::StrCat(score.importance_count()),
              absl::StrCat(score.satisfaction_count()), out);
  }
}

const char* Respondents(uint32_t count) {
  return count == 1 ? "respondent" : "respondents";
}

}  // namespace

std::string RenderTable(const v1::Report& report) {
  const DisplayScale scale = ScaleOf(report);
  const Layout layout = LayoutFor(report);
  std::string out = absl::StrFormat(
      "Opportunity scores: %u %s, scale %d-%d, top box %d-%d\n",
      report.respondent_count(), Respondents(report.respondent_count()),
      scale.min, scale.max, scale.top_box_min, scale.max);
  AppendBlock(layout, report.outcomes(), &out);
  for (const v1::SegmentReport& segment : report.segments()) {
    absl::StrAppend(&out, "\nSegment: ", OneLine(segment.name()), " (",
                    segment.respondent_count(), " ",
                    Respondents(segment.respondent_count()), ")\n");
    AppendBlock(layout, segment.outcomes(), &out);
  }
  if (report.unsegmented_respondent_count() > 0) {
    absl::StrAppend(&out, "\n", report.unsegmented_respondent_count(), " ",
                    Respondents(report.unsegmented_respondent_count()),
                    " without a \"", OneLine(report.segment_by()),
                    "\" value in no segment\n");
  }
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
      "satisfaction_top_box_count,both_count,both_top_box_count",
      kEnd);
  auto append_rows = [&out, kEnd](absl::string_view segment,
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
                      score.both_count(), ",", score.both_top_box_count(),
                      kEnd);
    }
  };
  append_rows("", report.outcomes());
  for (const v1::SegmentReport& segment : report.segments()) {
    append_rows(segment.name(), segment.outcomes());
  }
  return out;
}

}  // namespace jtbd
