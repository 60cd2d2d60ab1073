#ifndef JTBD_STATS_LOG_GAMMA_H_
#define JTBD_STATS_LOG_GAMMA_H_

namespace jtbd {
namespace stats {

// log Gamma(x) for x > 0, safe to call from several threads: std::lgamma
// writes the sign into the global signgam, a data race when reports or
// segmentations are computed concurrently (found twice by tests/threads
// under TSan), so this calls lgamma_r.
double LogGamma(double x);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_LOG_GAMMA_H_
