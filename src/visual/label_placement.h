// Where the labels of a chart's marks go: a simple deterministic placement
// that never lets two labels, or a label and a mark or another obstacle,
// overlap. Each mark tries candidate positions around itself, nearest
// first (right, left, above, below, then the diagonals, then the same at
// two larger distances with a leader line); the first that stays inside the
// bounds and touches nothing already placed wins. Marks are placed in the
// order given (the caller puts the most important first), so the same
// input always gives the same picture.
#ifndef JTBD_VISUAL_LABEL_PLACEMENT_H_
#define JTBD_VISUAL_LABEL_PLACEMENT_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace visual {

struct Box {
  double x = 0;  // left
  double y = 0;  // top
  double width = 0;
  double height = 0;
};

// Whether two boxes share more than an edge.
bool Overlaps(const Box& a, const Box& b);

// Estimated width in pixels of `text` in a sans-serif face of `font_size`:
// code points x 0.6 em, wide enough for the system fonts' digits and most
// lower-case text (SVG cannot measure without a browser).
double TextWidth(absl::string_view text, double font_size);

struct LabelRequest {
  double x = 0;  // the mark's centre
  double y = 0;
  double width = 0;  // the label's box
  double height = 0;
};

struct PlacedLabel {
  bool placed = false;
  Box box;              // where the label's box goes (when placed)
  bool leader = false;  // far from its mark: draw a leader line
};

// Places every request's label; `mark_radius` keeps labels off every mark,
// `obstacles` (region names, legends) are avoided too, and every box stays
// inside `bounds`. A label with no free position is not placed.
std::vector<PlacedLabel> PlaceLabels(const std::vector<LabelRequest>& requests,
                                     double mark_radius,
                                     const std::vector<Box>& obstacles,
                                     const Box& bounds);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_LABEL_PLACEMENT_H_
