#ifndef JTBD_SERVE_DEADLINE_STREAM_H_
#define JTBD_SERVE_DEADLINE_STREAM_H_

#include <sys/types.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>

#include "httplib.h"

namespace jtbd {
namespace serve {

// One accepted connection as httplib reads and writes it, with a deadline
// for a whole request rather than for each read. httplib's own stream
// waits at most its read timeout for each recv, so a client trickling a
// byte every few seconds (slowloris) would hold a worker thread forever;
// here reading a request, headers and body, must end by one deadline, and
// writing its answer by another. Kept for the whole connection so that
// bytes of a pipelined next request read ahead into the buffer are not lost.
class DeadlineStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  DeadlineStream(int socket, std::chrono::milliseconds write_timeout);

  // A new request on the connection: reading it must end by `deadline`.
  void StartRequest(Clock::time_point deadline);

  // Whether a byte of the next request is buffered or arrives before
  // `until`; false on an error. Waits in slices of at most `slice`; once
  // `keep_waiting()` is false, only for what has arrived already.
  template <typename KeepWaiting>
  bool WaitForRequest(Clock::time_point until, std::chrono::milliseconds slice,
                      KeepWaiting keep_waiting) {
    while (buffered_ == 0) {
      const Clock::time_point now = Clock::now();
      if (now >= until) return false;
      // Stopping: a request already sent is still answered.
      if (!keep_waiting()) return PollFor(POLL_IN, Clock::duration::zero()) > 0;
      const int ready =
          PollFor(POLL_IN, std::min<Clock::duration>(until - now, slice));
      if (ready < 0) return false;
      if (ready > 0) return true;
    }
    return true;
  }

  // Whether reading the current request ran past its deadline.
  bool timed_out() const { return timed_out_; }
  // Bytes of the current request read so far (0: the client sent nothing).
  size_t request_bytes_read() const { return request_bytes_read_; }
  // Whether anything of an answer has been written on the connection.
  bool wrote() const { return wrote_; }
  // Whether the connection is to be closed after the current answer.
  bool close_after_reply() const { return close_after_reply_; }
  void set_close_after_reply() { close_after_reply_ = true; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return socket_; }

 private:
  enum PollEvent { POLL_IN, POLL_OUT };
  // poll() for `event` at most `wait`: 1 ready (or hung up), 0 not yet,
  // -1 an error.
  int PollFor(PollEvent event, Clock::duration wait) const;
  // Waits for `event` until `deadline`; false past it (or on an error).
  bool WaitUntil(PollEvent event, Clock::time_point deadline) const;

  const int socket_;
  const std::chrono::milliseconds write_timeout_;
  Clock::time_point read_deadline_ = Clock::time_point::max();
  Clock::time_point write_deadline_ = Clock::time_point::max();
  bool timed_out_ = false;
  bool wrote_ = false;
  bool close_after_reply_ = false;
  size_t request_bytes_read_ = 0;
  // httplib reads the request line and headers a byte at a time.
  char buffer_[4096];
  size_t buffer_start_ = 0;
  size_t buffered_ = 0;
};

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_DEADLINE_STREAM_H_
