#ifndef JTBD_CORE_BAND_H_
#define JTBD_CORE_BAND_H_

#include "core/top_box_counts.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// The band of an outcome from its counts, decided in exact rational
// arithmetic so that a score sitting exactly on 10, 12 or 15 is classified
// as documented (jtbd.v1.Band), not by floating-point noise.
v1::Band ClassifyBand(const TopBoxCounts& counts);

// The same rules on importance and satisfaction scores (0-10) that are not
// ratios of counts (weighted shares): compared in floating point. Callers
// decide BAND_INSUFFICIENT_DATA themselves.
v1::Band ClassifyBandFromScores(double importance, double satisfaction);

}  // namespace jtbd

#endif  // JTBD_CORE_BAND_H_
