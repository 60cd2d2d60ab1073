#include "core/worker_threads.h"

#include <exception>
#include <thread>
#include <vector>

namespace jtbd {

void RunWorkers(unsigned workers, const std::function<void(unsigned)>& work) {
  if (workers <= 1) {
    work(0);
    return;
  }
  // Everything that allocates comes before the first thread starts: once
  // one runs, nothing here may throw until it is joined.
  std::vector<std::exception_ptr> errors(workers);
  std::vector<char> run_here(workers, 0);
  run_here[0] = 1;
  auto guarded = [&work, &errors](unsigned worker) {
    try {
      work(worker);
    } catch (...) {
      errors[worker] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  try {
    threads.reserve(workers - 1);
  } catch (...) {
    // Without room for the handles every worker runs here.
  }
  for (unsigned worker = 1; worker < workers; ++worker) {
    // Within the capacity reserved, emplace_back cannot reallocate; a
    // thread that cannot start (std::system_error) runs here instead.
    bool started = false;
    if (threads.size() < threads.capacity()) {
      try {
        threads.emplace_back(guarded, worker);
        started = true;
      } catch (...) {
      }
    }
    if (!started) run_here[worker] = 1;
  }
  for (unsigned worker = 0; worker < workers; ++worker) {
    if (run_here[worker]) guarded(worker);
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace jtbd
