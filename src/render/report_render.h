#ifndef JTBD_RENDER_REPORT_RENDER_H_
#define JTBD_RENDER_REPORT_RENDER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// Lines of a table stay within this many columns when the terminal's width
// is unknown (output to a file or a pipe).
constexpr size_t kDefaultTableWidth = 120;

// Aligned text for people: one block for all respondents and one per
// segment, outcomes ranked by opportunity, scores rounded to one decimal
// (display only), with band and answer counts. Statements wrap within the
// room `width` columns leave (never less than 20 columns).
std::string RenderTable(const v1::Report& report,
                        size_t width = kDefaultTableWidth);

// The protobuf JSON mapping of the report (lowerCamelCase, enums by name,
// default values printed, numbers unrounded), newline-terminated.
absl::StatusOr<std::string> RenderJson(const v1::Report& report);

// RFC 4180 CSV, one row per (segment, outcome); segment "" is all
// respondents. Numbers unrounded (shortest round-trip form).
std::string RenderCsv(const v1::Report& report);

}  // namespace jtbd

#endif  // JTBD_RENDER_REPORT_RENDER_H_
