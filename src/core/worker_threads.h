// Runs a task on several workers (threads), for k-means starts, silhouette
// batches, bootstrap intervals and bulk counting, so that a failure in a worker
// reaches the caller instead of ending the process: an exception escaping a
// std::thread calls std::terminate, which in a CRM plugin would take the host
// process down (an allocation failure must come back as RESOURCE_EXHAUSTED,
// jtbd.h convention 9).
#ifndef JTBD_CORE_WORKER_THREADS_H_
#define JTBD_CORE_WORKER_THREADS_H_

#include <functional>

namespace jtbd {

// Calls work(0) .. work(workers - 1), worker 0 on the calling thread and
// the others on threads of their own, and returns when all have returned.
// A worker whose thread cannot be started runs on the calling thread
// instead. If workers throw, every worker still runs to its end and the
// first exception (by worker number) is rethrown on the calling thread.
void RunWorkers(unsigned workers, const std::function<void(unsigned)>& work);

}  // namespace jtbd

#endif  // JTBD_CORE_WORKER_THREADS_H_
