#ifndef JTBD_STATS_BINOMIAL_H_
#define JTBD_STATS_BINOMIAL_H_

#include <cstdint>
#include <random>

namespace jtbd {
namespace stats {

// A uniform double in [0, 1) from the top 53 bits of one draw.
inline double UniformUnit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// One Binomial(trials, probability) draw. jtbd samples binomials itself,
// instead of with std::binomial_distribution, whose algorithm differs
// between standard libraries: std::mt19937_64 is specified exactly, so a
// seed gives the same draws wherever jtbd runs (up to the last-bit accuracy
// of std::log and std::exp in rare rejection decisions). Small means
// (trials x min(p, 1 - p) < 10) use inversion by sequential search; larger
// ones Hormann's BTRS transformed rejection (Hormann 1993, "The generation
// of binomial random variates", J. Statist. Comput. Simul. 46:101-110), in
// expected constant time. probability is clamped to [0, 1].
uint64_t SampleBinomial(uint64_t trials, double probability,
                        std::mt19937_64& rng);

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_BINOMIAL_H_
