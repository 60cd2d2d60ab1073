// The opportunity landscape of a report as a standalone SVG document:
// importance on x and satisfaction on y, both 0-10; the diagonal (I = S) and
// the opportunity 10, 12 and 15 lines (I = (S + k) / 2 where I >= S); the
// regions named (overserved above the diagonal, underserved to the lower
// right of the opportunity-10 line); one mark per outcome, per segment a
// colour of the Okabe-Ito palette and a shape of its own (readable by
// colour-blind readers and in black and white); labels placed without
// overlaps (label_placement.h), or numbers and a numbered legend when
// statements are long or marks crowd; optional whiskers for the importance
// and satisfaction intervals. System fonts only, every text escaped,
// coordinates with two decimals: the same report always gives the same
// bytes.
#ifndef JTBD_VISUAL_LANDSCAPE_SVG_H_
#define JTBD_VISUAL_LANDSCAPE_SVG_H_

#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/report.pb.h"
#include "visual/messages.h"

namespace jtbd {
namespace visual {

struct LandscapeOptions {
  // Which scores: kAuto draws every segment when the report has segments,
  // else all respondents; kWholeSample all respondents; kOneSegment only
  // `segment`.
  enum class Series { kAuto, kWholeSample, kOneSegment };
  Series series = Series::kAuto;
  std::string segment;
  // Whiskers: the importance interval across, the satisfaction interval
  // up and down.
  bool intervals = false;
  Language language = Language::kEnglish;
  // Inside an HTML page: no XML declaration, and the SVG scales to its box.
  bool embedded = false;
};

// The chart's geometry, shared with the tests: a score (0-10) to pixels.
struct LandscapeGeometry {
  static constexpr double kWidth = 720;
  static constexpr double kLeft = 72;   // x of importance 0
  static constexpr double kTop = 56;    // y of satisfaction 10
  static constexpr double kPlot = 520;  // pixels from 0 to 10
  static double X(double importance) { return kLeft + importance * kPlot / 10; }
  static double Y(double satisfaction) {
    return kTop + (10 - satisfaction) * kPlot / 10;
  }
};

// The SVG; NOT_FOUND when options name a segment the report does not have,
// INVALID_ARGUMENT for a report whose scores are not on the 0-10 scale
// (Olsen's opportunity keeps I and S on it, so it is drawn too).
absl::StatusOr<std::string> RenderLandscapeSvg(const v1::Report& report,
                                               const LandscapeOptions& options);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_LANDSCAPE_SVG_H_
