#include "core/band.h"

#include "absl/numeric/int128.h"

namespace jtbd {
namespace {

// With I = 10 xi / ni and S = 10 xs / ns, every threshold test becomes an
// integer comparison after multiplying through by ni * ns (> 0).
struct ExactScores {
  absl::int128 i;     // I * ni * ns / 10 = xi * ns
  absl::int128 s;     // S * ni * ns / 10 = xs * ni
  absl::int128 unit;  // ni * ns: a score of 10 in the same units
};

// opportunity >= threshold (threshold in tenths of a point: 150 = 15.0).
bool OpportunityAtLeast(const ExactScores& e, int tenths) {
  absl::int128 opportunity = e.i > e.s ? 2 * e.i - e.s : e.i;
  // opportunity / unit * 10 >= tenths / 10  <=>  100 * opp >= tenths * unit
  return 100 * opportunity >= tenths * e.unit;
}

bool OpportunityAbove(const ExactScores& e, int tenths) {
  absl::int128 opportunity = e.i > e.s ? 2 * e.i - e.s : e.i;
  return 100 * opportunity > tenths * e.unit;
}

bool ScoreAtLeast(absl::int128 score, const ExactScores& e, int tenths) {
  return 100 * score >= tenths * e.unit;
}

}  // namespace

v1::Band ClassifyBand(const TopBoxCounts& c) {
  if (c.importance_count == 0 || c.satisfaction_count == 0) {
    return v1::BAND_INSUFFICIENT_DATA;
  }
  ExactScores e;
  e.i = absl::int128(c.importance_top_box) * c.satisfaction_count;
  e.s = absl::int128(c.satisfaction_top_box) * c.importance_count;
  e.unit = absl::int128(c.importance_count) * c.satisfaction_count;
  if (OpportunityAbove(e, 150)) return v1::BAND_EXTREME;
  if (OpportunityAtLeast(e, 120)) return v1::BAND_HIGH;
  if (OpportunityAtLeast(e, 100)) return v1::BAND_UNDERSERVED;
  if (e.s > e.i) return v1::BAND_OVERSERVED;
  if (ScoreAtLeast(e.i, e, 75) && ScoreAtLeast(e.s, e, 75)) {
    return v1::BAND_TABLE_STAKES;
  }
  return v1::BAND_APPROPRIATELY_SERVED;
}

v1::Band ClassifyBandFromScores(double importance, double satisfaction) {
  const double opportunity =
      importance + (importance > satisfaction ? importance - satisfaction : 0);
  if (opportunity > 15) return v1::BAND_EXTREME;
  if (opportunity >= 12) return v1::BAND_HIGH;
  if (opportunity >= 10) return v1::BAND_UNDERSERVED;
  if (satisfaction > importance) return v1::BAND_OVERSERVED;
  if (importance >= 7.5 && satisfaction >= 7.5) return v1::BAND_TABLE_STAKES;
  return v1::BAND_APPROPRIATELY_SERVED;
}

}  // namespace jtbd
