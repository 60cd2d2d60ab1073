#include "serve/connection_gate.h"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace serve {
namespace {

using Verdict = ConnectionGate::Verdict;

// Jobs that note the verdict they ran under, then wait for Release().
class Jobs {
 public:
  std::function<void()> Blocking() {
    return [this] {
      std::unique_lock<std::mutex> lock(mutex_);
      verdicts_.push_back(ConnectionGate::Current());
      changed_.notify_all();
      changed_.wait(lock, [this] { return released_; });
    };
  }
  void WaitFor(size_t count) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return verdicts_.size() >= count; });
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }
  size_t Count(Verdict verdict) {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t n = 0;
    for (Verdict v : verdicts_) n += v == verdict;
    return n;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Verdict> verdicts_;
  bool released_ = false;
};

TEST(ConnectionGateTest, ServesUpToTheCapAndAnswers503Beyond) {
  Jobs jobs;
  ConnectionGate gate(2);
  gate.enqueue(jobs.Blocking());
  gate.enqueue(jobs.Blocking());
  jobs.WaitFor(2);
  // Both slots are held: the third goes to the rejecting thread.
  gate.enqueue(jobs.Blocking());
  jobs.WaitFor(3);
  EXPECT_EQ(jobs.Count(Verdict::kServe), 2u);
  EXPECT_EQ(jobs.Count(Verdict::kAnswer503), 1u);
  jobs.Release();
  gate.shutdown();
}

TEST(ConnectionGateTest, ClosesWhenEvenTheRejectingThreadIsBehind) {
  Jobs jobs;
  ConnectionGate gate(1);
  gate.enqueue(jobs.Blocking());
  jobs.WaitFor(1);
  gate.enqueue(jobs.Blocking());  // holds the rejecting thread
  jobs.WaitFor(2);
  for (size_t i = 0; i < ConnectionGate::kMaxWaitingRejections; ++i) {
    gate.enqueue([] {});
  }
  // Over that queue too: run at once, here, to be closed.
  Verdict last = Verdict::kServe;
  gate.enqueue([&last] { last = ConnectionGate::Current(); });
  EXPECT_EQ(last, Verdict::kClose);
  EXPECT_EQ(ConnectionGate::Current(), Verdict::kServe);
  jobs.Release();
  gate.shutdown();
  EXPECT_EQ(jobs.Count(Verdict::kServe), 1u);
  EXPECT_EQ(jobs.Count(Verdict::kAnswer503), 1u);
}

TEST(ConnectionGateTest, ShutdownRunsTheAcceptedJobs) {
  std::mutex mutex;
  int ran = 0;
  {
    ConnectionGate gate(4);
    for (int i = 0; i < 4; ++i) {
      gate.enqueue([&] {
        std::lock_guard<std::mutex> lock(mutex);
        ++ran;
      });
    }
    gate.shutdown();
  }
  EXPECT_EQ(ran, 4);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
