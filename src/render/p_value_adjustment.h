#ifndef JTBD_RENDER_P_VALUE_ADJUSTMENT_H_
#define JTBD_RENDER_P_VALUE_ADJUSTMENT_H_

#include <string>

#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

namespace jtbd {
namespace render {

// "Holm-adjusted" or "Benjamini-Hochberg-adjusted" (with an en dash);
// unspecified, as in reports written before the option existed, reads as
// Holm, the only adjustment there was.
std::string AdjustmentWords(v1::PValueAdjustment adjustment);

// The p-value that decided the test: adjusted_p_value when present (an
// adjustment other than Holm), else holm_adjusted_p_value.
double AdjustedPValue(const v1::SignificanceTest& test);

}  // namespace render
}  // namespace jtbd

#endif  // JTBD_RENDER_P_VALUE_ADJUSTMENT_H_
