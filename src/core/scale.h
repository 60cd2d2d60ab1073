#ifndef JTBD_CORE_SCALE_H_
#define JTBD_CORE_SCALE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "jtbd/v1/study.pb.h"

namespace jtbd {

// A rating scale and the rule that makes a rating "top box". Stored with
// every dataset; never guessed. Ratings are integers min..max with min >= 1,
// because 0 means "no answer" everywhere in jtbd.
struct Scale {
  // Caps the joint answer table at 12 x 12 cells per outcome.
  static constexpr int kMaxPoints = 11;
  // Ratings travel as uint8_t through the C ABI and the study's storage.
  static constexpr int kMaxRating = 255;

  int min = 1;
  int max = 5;
  int top_box_min = 4;

  // Checks the invariants above; the error says which one fails.
  static absl::StatusOr<Scale> Make(int min, int max, int top_box_min);
  // A scale given in part, as the CLI's --scale and --top-box or the
  // sidecar's scale and top_box give it: the bounds given, else those of
  // `defaults`; the top box given, else max - 1 (Ulwick's top two box)
  // when the upper bound is given, else that of `defaults`. Checked as
  // Make checks.
  static absl::StatusOr<Scale> FromParts(const Scale& defaults,
                                         absl::optional<int> min,
                                         absl::optional<int> max,
                                         absl::optional<int> top_box_min);
  absl::Status Validate() const;

  int points() const { return max - min + 1; }
  bool Contains(int rating) const { return rating >= min && rating <= max; }
  bool IsTopBox(int rating) const {
    return rating >= top_box_min && rating <= max;
  }
  // "1-5, top box 4-5"
  std::string ToString() const;

  // An absent or all-zero proto means the default scale.
  static absl::StatusOr<Scale> FromProto(const v1::Scale& proto);
  v1::Scale ToProto() const;

  friend bool operator==(const Scale& a, const Scale& b) {
    return a.min == b.min && a.max == b.max && a.top_box_min == b.top_box_min;
  }
  friend bool operator!=(const Scale& a, const Scale& b) { return !(a == b); }
};

}  // namespace jtbd

#endif  // JTBD_CORE_SCALE_H_
