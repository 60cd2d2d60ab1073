#ifndef JTBD_STATS_KISH_H_
#define JTBD_STATS_KISH_H_

namespace jtbd {
namespace stats {

// Kish's effective sample size of weighted answers, (sum w)^2 / sum w^2: the
// number of unweighted answers that would give a share the same variance,
// p(1 - p) / n_eff, when weights are unrelated to the answers. Equals the
// count for unit weights and is at most the count otherwise. 0 when there
// is no weight.
double KishEffectiveCount(double weight_sum, double weight_square_sum);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_KISH_H_
