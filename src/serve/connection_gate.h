#ifndef JTBD_SERVE_CONNECTION_GATE_H_
#define JTBD_SERVE_CONNECTION_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "httplib.h"

namespace jtbd {
namespace serve {

// httplib's task queue for accepted connections, with a cap. httplib's own
// ThreadPool queues every accepted connection without bound; here at most
// `max_connections` are held at once, each on a worker thread of its own
// (started when first needed, never more than the cap), so none waits
// behind a slow one. A connection over the cap is handed to one rejecting
// thread, which runs it under Verdict::kAnswer503: the server answers 503
// there without reading the request (GuardedHttpServer). Over that thread's
// own short queue a connection is closed at once (Verdict::kClose).
class ConnectionGate : public httplib::TaskQueue {
 public:
  explicit ConnectionGate(size_t max_connections);
  ~ConnectionGate() override;  // shutdown()

  void enqueue(std::function<void()> fn) override;
  // Runs every connection accepted so far to its end, then joins.
  void shutdown() override;

  // What the server does with the connection it is running on this thread.
  enum class Verdict {
    kServe,
    kAnswer503,  // over the cap: answer 503 without reading, then close
    kClose,      // over the cap and the rejecting thread's queue: close
  };
  static Verdict Current();

  // How many rejected connections may wait for the rejecting thread.
  static constexpr size_t kMaxWaitingRejections = 64;

 private:
  void Work();
  void RejectLoop();

  const size_t max_connections_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable reject_ready_;
  std::deque<std::function<void()>> jobs_;
  std::deque<std::function<void()>> rejected_;
  size_t running_ = 0;  // jobs taken by a worker, not yet finished
  size_t idle_ = 0;     // workers waiting for a job
  bool shutdown_ = false;
  std::vector<std::thread> workers_;
  std::thread rejector_;
};

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_CONNECTION_GATE_H_
