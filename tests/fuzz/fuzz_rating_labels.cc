// Fuzzes the rating label map reader (CSV or JSON, chosen by the first
// non-blank character): RatingLabels::Parse.
#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "core/scale.h"
#include "fuzz_check.h"
#include "io/rating_labels.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr absl::string_view kSource = "fuzz-labels";
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<jtbd::RatingLabels> labels =
      jtbd::RatingLabels::Parse(text, kSource);
  if (!labels.ok()) {
    jtbd::fuzz::CheckRefusalNames(labels.status(), kSource);
    return 0;
  }
  // Every label read is found again, for each kind it was given for (a
  // later label may replace its rating, never remove it).
  const jtbd::Scale scale;
  for (const jtbd::RatingLabels::Entry& entry : labels->entries()) {
    if (entry.importance) {
      JTBD_FUZZ_CHECK(labels->Find(jtbd::RatingKind::kImportance, entry.label,
                                   scale) != jtbd::RatingLabels::kUnknown,
                      absl::StrCat("importance label \"", entry.label, "\""));
    }
    if (entry.satisfaction) {
      JTBD_FUZZ_CHECK(labels->Find(jtbd::RatingKind::kSatisfaction, entry.label,
                                   scale) != jtbd::RatingLabels::kUnknown,
                      absl::StrCat("satisfaction label \"", entry.label, "\""));
    }
  }
  // Checking against a scale refuses with a message or accepts.
  const absl::Status on_scale = labels->CheckScale(scale);
  if (!on_scale.ok()) jtbd::fuzz::CheckRefusal(on_scale);
  return 0;
}
