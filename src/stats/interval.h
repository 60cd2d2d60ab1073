#ifndef JTBD_STATS_INTERVAL_H_
#define JTBD_STATS_INTERVAL_H_

namespace jtbd {
namespace stats {

// A two-sided confidence interval, low <= high.
struct Interval {
  double low = 0;
  double high = 0;
};

}  // namespace stats
}  // namespace jtbd

#endif  // JTBD_STATS_INTERVAL_H_
