// Proof that tests/sanitize/tsan.supp hides only Debian's uninstrumented
// cpp-httplib, never a race in our code: a deliberate data race in a jtbd
// frame must still be reported with the suppressions loaded. Built only in
// -DJTBD_SANITIZE=thread builds; ctest passes when ThreadSanitizer reports
// the race (tests/CMakeLists.txt).
//
//   tsan_selftest threads   two std::threads race on one int
//   tsan_selftest handler   the same race inside two concurrent request
//                           handlers, on httplib's worker threads (their
//                           stacks are mostly libcpp-httplib.so frames, the
//                           library the suppression file names)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "httplib.h"

namespace jtbd {
namespace tsan_selftest {

// Deliberately unsynchronized: the one thing this program exists to do.
int racy_counter = 0;

// noinline: the frame TSan must name in its report.
__attribute__((noinline)) void RacyIncrement() { ++racy_counter; }

// Plain threads: no sync between the two writes.
int RaceOnThreads() {
  std::thread first(RacyIncrement);
  std::thread second(RacyIncrement);
  first.join();
  second.join();
  return 0;
}

// Both handlers write, then wait (relaxed atomics: no happens-before for
// TSan) until both have arrived, so neither write can be ordered before
// the other by anything httplib does.
int RaceInHandlers() {
  std::atomic<int> arrived{0};
  httplib::Server server;
  server.Get("/race", [&](const httplib::Request&, httplib::Response& res) {
    RacyIncrement();
    arrived.fetch_add(1, std::memory_order_relaxed);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (arrived.load(std::memory_order_relaxed) < 2 &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    res.set_content("ok", "text/plain");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::fprintf(stderr, "tsan_selftest: cannot bind a loopback port\n");
    return 2;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  auto get = [port] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30, 0);
    client.Get("/race");
  };
  std::thread first(get);
  std::thread second(get);
  first.join();
  second.join();
  server.stop();
  listener.join();
  return 0;
}

}  // namespace tsan_selftest
}  // namespace jtbd

int main(int argc, char** argv) {
  // Without the suppression file loaded the proof would prove nothing.
  const char* options = std::getenv("TSAN_OPTIONS");
  if (options == nullptr || std::strstr(options, "tsan.supp") == nullptr) {
    std::fprintf(stderr, "tsan_selftest: TSAN_OPTIONS names no tsan.supp\n");
    return 3;
  }
  std::fprintf(stderr, "tsan_selftest: TSAN_OPTIONS=%s\n", options);
  if (argc == 2 && std::strcmp(argv[1], "threads") == 0) {
    return jtbd::tsan_selftest::RaceOnThreads();
  }
  if (argc == 2 && std::strcmp(argv[1], "handler") == 0) {
    return jtbd::tsan_selftest::RaceInHandlers();
  }
  std::fprintf(stderr, "usage: tsan_selftest threads|handler\n");
  return 2;
}
