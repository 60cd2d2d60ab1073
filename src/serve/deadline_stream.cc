// The sidecar's connection stream with whole-request deadlines (see the
// header for why httplib's own is not enough).
#include "serve/deadline_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <string>

namespace jtbd {
namespace serve {

DeadlineStream::DeadlineStream(int socket,
                               std::chrono::milliseconds write_timeout)
    : socket_(socket), write_timeout_(write_timeout) {}

void DeadlineStream::StartRequest(Clock::time_point deadline) {
  read_deadline_ = deadline;
  write_deadline_ = Clock::time_point::max();
  timed_out_ = false;
  request_bytes_read_ = 0;
}

int DeadlineStream::PollFor(PollEvent event, Clock::duration wait) const {
  pollfd entry{};
  entry.fd = socket_;
  entry.events = event == POLL_IN ? POLLIN : POLLOUT;
  // Rounded up, so that a wait of less than a millisecond still waits.
  const auto millis =
      std::chrono::ceil<std::chrono::milliseconds>(wait).count();
  const int timeout = static_cast<int>(
      std::clamp<long long>(millis, 0, std::numeric_limits<int>::max()));
  for (;;) {
    const int ready = ::poll(&entry, 1, timeout);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return -1;
    return ready > 0 ? 1 : 0;
  }
}

bool DeadlineStream::WaitUntil(PollEvent event,
                               Clock::time_point deadline) const {
  for (;;) {
    const Clock::time_point now = Clock::now();
    if (now >= deadline) return false;
    const int ready = PollFor(event, deadline - now);
    if (ready != 0) return ready > 0;
  }
}

bool DeadlineStream::is_readable() const {
  return buffered_ > 0 || WaitUntil(POLL_IN, read_deadline_);
}

bool DeadlineStream::is_writable() const {
  // Asked before the first write of an answer: as long as that may take.
  return WaitUntil(POLL_OUT, write_deadline_ == Clock::time_point::max()
                                 ? Clock::now() + write_timeout_
                                 : write_deadline_);
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (size == 0) return 0;
  while (buffered_ == 0) {
    if (!WaitUntil(POLL_IN, read_deadline_)) {
      timed_out_ = Clock::now() >= read_deadline_;
      return -1;
    }
    ssize_t got;
    do {
      got = ::recv(socket_, buffer_, sizeof(buffer_), MSG_DONTWAIT);
    } while (got < 0 && errno == EINTR);
    // Readable but nothing there (a spurious wakeup): wait again, since
    // httplib takes anything but a positive count as the end.
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (got <= 0) return got;
    buffer_start_ = 0;
    buffered_ = static_cast<size_t>(got);
  }
  const size_t n = std::min(size, buffered_);
  std::memcpy(ptr, buffer_ + buffer_start_, n);
  buffer_start_ += n;
  buffered_ -= n;
  request_bytes_read_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  if (write_deadline_ == Clock::time_point::max()) {
    // The answer's writing starts: a client that reads it slowly is
    // cut off as one that sends slowly is.
    write_deadline_ = Clock::now() + write_timeout_;
  }
  wrote_ = true;
  if (!WaitUntil(POLL_OUT, write_deadline_)) return -1;
  ssize_t sent;
  do {
    sent = ::send(socket_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
  } while (sent < 0 && errno == EINTR);
  if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
  return sent;
}

namespace {

void AddressOf(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
    port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
    port = ntohs(v6->sin6_port);
  }
  ip = text;
}

}  // namespace

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) ==
      0) {
    AddressOf(address, ip, port);
  }
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) ==
      0) {
    AddressOf(address, ip, port);
  }
}

}  // namespace serve
}  // namespace jtbd
