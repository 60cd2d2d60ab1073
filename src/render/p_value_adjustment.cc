#include "render/p_value_adjustment.h"

namespace jtbd {
namespace render {

std::string AdjustmentWords(v1::PValueAdjustment adjustment) {
  return adjustment == v1::P_VALUE_ADJUSTMENT_BH
             ? "Benjamini\u2013Hochberg-adjusted"
             : "Holm-adjusted";
}

double AdjustedPValue(const v1::SignificanceTest& test) {
  return test.has_adjusted_p_value() ? test.adjusted_p_value()
                                     : test.holm_adjusted_p_value();
}

}  // namespace render
}  // namespace jtbd
