#ifndef JTBD_CORE_OPPORTUNITY_BOOTSTRAP_H_
#define JTBD_CORE_OPPORTUNITY_BOOTSTRAP_H_

#include <cstddef>
#include <cstdint>

#include "core/aggregate.h"
#include "jtbd/v1/scoring.pb.h"
#include "stats/bootstrap.h"

namespace jtbd {

// Bootstraps one outcome's opportunity under a method by resampling its
// joint answer table as a multinomial (a respondent-level bootstrap without
// visiting respondents): O(cells) per resample. Top-box methods resample
// the table collapsed to 3 x 3 (no answer / not top box / top box on each
// axis); SCORE_METHOD_MEAN needs every rating, so the full table.
//
// Unweighted tables draw n respondents with probabilities count / n.
// Weighted tables draw round(n_eff) respondents, n_eff the Kish effective
// number of respondents, with probabilities weight sum / total weight: the
// resampled shares then have the weighted shares as means and the Kish
// variances p(1 - p) / n_eff, the same assumption (weights unrelated to the
// answers) as the Wilson and delta intervals.
//
// The summary's threshold is opportunity >= 10, decided exactly for the
// top-box methods (integer arithmetic on the resampled counts). Resamples
// in which nobody rated importance or satisfaction are left out.
stats::BootstrapSummary BootstrapOpportunity(
    const Aggregate& aggregate, size_t outcome, v1::ScoreMethod method,
    uint32_t resamples, uint64_t stream_seed, double confidence_level);

}  // namespace jtbd

#endif  // JTBD_CORE_OPPORTUNITY_BOOTSTRAP_H_
