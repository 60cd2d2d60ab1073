// The sidecar's cap on concurrent connections (see the header).
#include "serve/connection_gate.h"

#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace jtbd {
namespace serve {
namespace {

thread_local ConnectionGate::Verdict verdict = ConnectionGate::Verdict::kServe;

}  // namespace

ConnectionGate::ConnectionGate(size_t max_connections)
    : max_connections_(max_connections < 1 ? 1 : max_connections) {
  rejector_ = std::thread([this] { RejectLoop(); });
}

ConnectionGate::~ConnectionGate() { shutdown(); }

ConnectionGate::Verdict ConnectionGate::Current() { return verdict; }

void ConnectionGate::enqueue(std::function<void()> fn) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (running_ + jobs_.size() < max_connections_) {
    jobs_.push_back(std::move(fn));
    if (idle_ < jobs_.size() && workers_.size() < max_connections_) {
      workers_.emplace_back([this] { Work(); });
    }
    lock.unlock();
    work_ready_.notify_one();
    return;
  }
  if (rejected_.size() < kMaxWaitingRejections) {
    rejected_.push_back(std::move(fn));
    lock.unlock();
    reject_ready_.notify_one();
    return;
  }
  lock.unlock();
  // Even the rejecting thread is behind: the connection is closed here, on
  // the listening thread, without a word (never waiting on the client).
  verdict = Verdict::kClose;
  fn();
  verdict = Verdict::kServe;
}

void ConnectionGate::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    work_ready_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (jobs_.empty()) return;  // shut down with nothing left
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    ++running_;
    lock.unlock();
    job();
    lock.lock();
    --running_;
  }
}

void ConnectionGate::RejectLoop() {
  verdict = Verdict::kAnswer503;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    reject_ready_.wait(lock,
                       [this] { return !rejected_.empty() || shutdown_; });
    if (rejected_.empty()) return;
    std::function<void()> job = std::move(rejected_.front());
    rejected_.pop_front();
    lock.unlock();
    job();
    lock.lock();
  }
}

void ConnectionGate::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutdown_) return;
    shutdown_ = true;
  }
  work_ready_.notify_all();
  reject_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  rejector_.join();
}

}  // namespace serve
}  // namespace jtbd
