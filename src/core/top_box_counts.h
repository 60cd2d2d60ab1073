#ifndef JTBD_CORE_TOP_BOX_COUNTS_H_
#define JTBD_CORE_TOP_BOX_COUNTS_H_

#include <cstdint>

namespace jtbd {

// The counts behind one outcome's Ulwick scores, read off its joint table.
// Each share counts only the respondents who answered that rating.
struct TopBoxCounts {
  uint64_t importance_count = 0;      // n_I: rated importance
  uint64_t importance_top_box = 0;    // of those, top box
  uint64_t satisfaction_count = 0;    // n_S: rated satisfaction
  uint64_t satisfaction_top_box = 0;  // of those, top box
  uint64_t both_count = 0;            // rated both
  uint64_t both_top_box = 0;          // top box on both
};

}  // namespace jtbd

#endif  // JTBD_CORE_TOP_BOX_COUNTS_H_
