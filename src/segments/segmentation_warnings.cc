#include "segments/segmentation_warnings.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/report_warnings.h"

namespace jtbd {

void AddSegmentationWarnings(v1::SegmentationReport* report) {
  auto* warnings = report->mutable_warnings();
  warnings->Clear();
  for (const v1::SegmentCount& candidate : report->candidates()) {
    if (candidate.k() != report->k() ||
        candidate.silhouette() >= kWeakSilhouetteWarning) {
      continue;
    }
    v1::Warning* warning = warnings->Add();
    warning->set_code(v1::WARNING_CODE_NO_SUBSTANTIAL_STRUCTURE);
    warning->set_value(candidate.silhouette());
    warning->set_message(absl::StrFormat(
        "the %u segments have a mean silhouette of %.2f, below %.2f: no "
        "substantial structure; they may not be real groups",
        candidate.k(), candidate.silhouette(), kWeakSilhouetteWarning));
  }
  for (const v1::SegmentProfile& profile : report->segments()) {
    const v1::SegmentReport& scores = profile.scores();
    AppendUnitWarnings(scores.outcomes(),
                       scores.has_effective_respondent_count()
                           ? scores.effective_respondent_count()
                           : profile.respondent_count(),
                       absl::StrCat(profile.cluster()), warnings);
  }
}

}  // namespace jtbd
