// The sidecar's guards over httplib's server (see the header).
#include "serve/guarded_http_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>

#include "absl/strings/str_cat.h"
#include "serve/connection_gate.h"
#include "serve/deadline_stream.h"
#include "serve/score_endpoint.h"

namespace jtbd {
namespace serve {
namespace {

using Clock = DeadlineStream::Clock;

// The stream of the request this worker thread is handling, if any.
thread_local DeadlineStream* current_stream = nullptr;

// How long a kept-alive connection may wait idle for its next request.
constexpr std::chrono::milliseconds kKeepAliveIdle{5000};
// How often an idle connection looks whether the server is stopping.
constexpr std::chrono::milliseconds kStopCheck{50};
// How long a closing connection waits for the client to close (see
// LingeringClose).
constexpr std::chrono::milliseconds kLinger{250};

std::string Seconds(std::chrono::milliseconds duration) {
  return absl::StrCat(static_cast<double>(duration.count()) / 1000.0);
}

void SendAll(int socket, const std::string& bytes) {
  // Small replies on a connection not written yet: they fit the socket's
  // buffer, so a failure (the client gone) just loses them.
  ::send(socket, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

std::string RawReply(int status, const char* reason, const std::string& body,
                     const char* extra_headers) {
  return absl::StrCat("HTTP/1.1 ", status, " ", reason,
                      "\r\nContent-Type: application/json\r\n", extra_headers,
                      "Connection: close\r\nContent-Length: ", body.size(),
                      "\r\n\r\n", body);
}

void Close(socket_t socket) {
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
}

// Closing a socket with bytes of the request unread makes the kernel reset
// the connection, and the client may lose the answer with it: the answer
// is ended (FIN), then what the client still sends is read and dropped
// until it closes, for a moment at most.
void LingeringClose(socket_t socket) {
  ::shutdown(socket, SHUT_WR);
  const Clock::time_point until = Clock::now() + kLinger;
  char sink[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - Clock::now());
    if (left.count() <= 0) break;
    pollfd entry{};
    entry.fd = socket;
    entry.events = POLLIN;
    const int ready = ::poll(&entry, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    const ssize_t got = ::recv(socket, sink, sizeof(sink), MSG_DONTWAIT);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) break;
  }
  Close(socket);
}

}  // namespace

GuardedHttpServer::GuardedHttpServer(std::chrono::milliseconds read_timeout,
                                     size_t max_connections)
    : read_timeout_(read_timeout), max_connections_(max_connections) {
  new_task_queue = [max_connections] {
    return new ConnectionGate(max_connections);
  };
  // httplib's own per-recv timeout, for what it reads itself (nothing
  // through process_and_close_socket below, which uses DeadlineStream).
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(read_timeout);
  set_read_timeout(seconds.count(),
                   std::chrono::duration_cast<std::chrono::microseconds>(
                       read_timeout - seconds)
                       .count());
}

bool GuardedHttpServer::RequestTimedOut() {
  return current_stream != nullptr && current_stream->timed_out();
}

std::string GuardedHttpServer::TimeoutBody() const {
  return ErrorReply(408, "DEADLINE_EXCEEDED",
                    absl::StrCat("the request did not arrive whole within ",
                                 Seconds(read_timeout_), " s (--read-timeout)"))
      .body;
}

std::string GuardedHttpServer::BusyBody() const {
  return ErrorReply(503, "UNAVAILABLE",
                    absl::StrCat("the server is serving its limit of ",
                                 max_connections_,
                                 " connections (--max-connections); retry "
                                 "later"))
      .body;
}

void GuardedHttpServer::CloseAfterReply() {
  if (current_stream != nullptr) current_stream->set_close_after_reply();
}

bool GuardedHttpServer::process_and_close_socket(socket_t socket) {
  switch (ConnectionGate::Current()) {
    case ConnectionGate::Verdict::kClose:
      Close(socket);
      return false;
    case ConnectionGate::Verdict::kAnswer503:
      SendAll(socket, RawReply(503, "Service Unavailable", BusyBody(),
                               "Retry-After: 1\r\n"));
      LingeringClose(socket);
      return false;
    case ConnectionGate::Verdict::kServe:
      break;
  }
  DeadlineStream stream(socket, read_timeout_);
  const auto serving = [this] { return svr_sock_ != INVALID_SOCKET; };
  // The first request's deadline runs from the acceptance, so that a
  // client that connects and sends nothing is cut off too.
  Clock::time_point deadline = Clock::now() + read_timeout_;
  bool ok = false;
  for (size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.WaitForRequest(deadline, kStopCheck, serving)) break;
    stream.StartRequest(deadline);
    bool connection_closed = false;
    current_stream = &stream;
    ok = process_request(stream, /*close_connection=*/left == 1 || !serving(),
                         connection_closed, nullptr);
    current_stream = nullptr;
    if (stream.timed_out()) {
      // Cut off before httplib could answer (in the request line): 408,
      // if the client sent anything at all.
      if (!stream.wrote() && stream.request_bytes_read() > 0) {
        SendAll(socket, RawReply(408, "Request Timeout", TimeoutBody(), ""));
      }
      break;
    }
    if (!ok || connection_closed || stream.close_after_reply() || !serving()) {
      break;
    }
    // The next request: first its wait, idle, then its own deadline.
    deadline = Clock::now() + std::min(read_timeout_, kKeepAliveIdle);
    if (!stream.WaitForRequest(deadline, kStopCheck, serving)) break;
    deadline = Clock::now() + read_timeout_;
  }
  LingeringClose(socket);
  return ok;
}

}  // namespace serve
}  // namespace jtbd
