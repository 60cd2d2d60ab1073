#include "visual/label_placement.h"

#include <vector>

namespace jtbd {
namespace visual {
namespace {

size_t CodePoints(absl::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool Inside(const Box& box, const Box& bounds) {
  return box.x >= bounds.x && box.y >= bounds.y &&
         box.x + box.width <= bounds.x + bounds.width &&
         box.y + box.height <= bounds.y + bounds.height;
}

// The label's box at distance `gap` from a mark of radius r in direction
// (dx, dy), each -1, 0 or 1.
Box Candidate(const LabelRequest& request, double r, double gap, int dx,
              int dy) {
  Box box;
  box.width = request.width;
  box.height = request.height;
  const double reach = r + gap;
  if (dx > 0) {
    box.x = request.x + reach;
  } else if (dx < 0) {
    box.x = request.x - reach - request.width;
  } else {
    box.x = request.x - request.width / 2;
  }
  if (dy > 0) {
    box.y = request.y + reach;
  } else if (dy < 0) {
    box.y = request.y - reach - request.height;
  } else {
    box.y = request.y - request.height / 2;
  }
  // Diagonals sit closer vertically so the label still reads as the mark's.
  if (dx != 0 && dy != 0) {
    box.y += dy > 0 ? -request.height / 2 : request.height / 2;
  }
  return box;
}

}  // namespace

bool Overlaps(const Box& a, const Box& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
         b.y < a.y + a.height;
}

double TextWidth(absl::string_view text, double font_size) {
  return static_cast<double>(CodePoints(text)) * font_size * 0.6;
}

std::vector<PlacedLabel> PlaceLabels(const std::vector<LabelRequest>& requests,
                                     double mark_radius,
                                     const std::vector<Box>& obstacles,
                                     const Box& bounds) {
  std::vector<Box> taken = obstacles;
  // Every mark is an obstacle for every label, its own included.
  for (const LabelRequest& request : requests) {
    taken.push_back(Box{request.x - mark_radius, request.y - mark_radius,
                        2 * mark_radius, 2 * mark_radius});
  }
  static const int kDirections[8][2] = {{1, 0},  {-1, 0}, {0, -1},  {0, 1},
                                        {1, -1}, {1, 1},  {-1, -1}, {-1, 1}};
  static const double kGaps[3] = {2, 12, 24};
  std::vector<PlacedLabel> placed(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    for (int ring = 0; ring < 3 && !placed[i].placed; ++ring) {
      for (const auto& direction : kDirections) {
        const Box box = Candidate(requests[i], mark_radius, kGaps[ring],
                                  direction[0], direction[1]);
        if (!Inside(box, bounds)) continue;
        bool free = true;
        for (const Box& other : taken) {
          if (Overlaps(box, other)) {
            free = false;
            break;
          }
        }
        if (!free) continue;
        placed[i] = PlacedLabel{true, box, ring > 0};
        taken.push_back(box);
        break;
      }
    }
  }
  return placed;
}

}  // namespace visual
}  // namespace jtbd
