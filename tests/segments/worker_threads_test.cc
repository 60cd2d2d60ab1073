// RunWorkers (segments/worker_threads.h): every worker runs once, and an
// exception thrown in a worker thread comes back to the caller instead of
// ending the process.
#include "core/worker_threads.h"

#include <atomic>
#include <new>
#include <stdexcept>
#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace {

TEST(RunWorkersTest, EveryWorkerRunsOnce) {
  for (unsigned workers : {1u, 2u, 5u}) {
    std::vector<std::atomic<int>> runs(workers);
    RunWorkers(workers, [&](unsigned worker) { ++runs[worker]; });
    for (unsigned w = 0; w < workers; ++w) EXPECT_EQ(runs[w].load(), 1) << w;
  }
}

TEST(RunWorkersTest, AWorkersExceptionReachesTheCaller) {
  std::atomic<int> finished{0};
  EXPECT_THROW(RunWorkers(4,
                          [&](unsigned worker) {
                            if (worker == 3) throw std::bad_alloc();
                            ++finished;
                          }),
               std::bad_alloc);
  // The others ran to their end before the exception was rethrown.
  EXPECT_EQ(finished.load(), 3);
}

TEST(RunWorkersTest, TheFirstExceptionByWorkerNumberWins) {
  try {
    RunWorkers(3, [](unsigned worker) {
      if (worker == 1) throw std::runtime_error("one");
      if (worker == 2) throw std::runtime_error("two");
    });
    ADD_FAILURE() << "nothing thrown";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "one");
  }
}

}  // namespace
}  // namespace jtbd
