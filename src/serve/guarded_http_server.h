#ifndef JTBD_SERVE_GUARDED_HTTP_SERVER_H_
#define JTBD_SERVE_GUARDED_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <string>

#include "httplib.h"

namespace jtbd {
namespace serve {

// httplib's server with the sidecar's guards against slow and many clients:
// - every request must arrive whole, headers and body, within
//   `read_timeout` of its first byte (of the connection's acceptance, for
//   the first request), and its answer be written within as long again; a
//   request cut off answers 408 (written here, or by the error handler
//   when RequestTimedOut()), then the connection is closed;
// - at most `max_connections` connections are held at once
//   (ConnectionGate); one over that is answered 503 with Retry-After
//   without its request being read;
// - once stop() is called, a connection waiting idle for its next request
//   is closed, and requests already sent are answered.
class GuardedHttpServer : public httplib::Server {
 public:
  GuardedHttpServer(std::chrono::milliseconds read_timeout,
                    size_t max_connections);

  // Whether reading the request being handled on this thread ran past its
  // deadline (for the error handler: answer 408 rather than 400).
  static bool RequestTimedOut();

  // For a handler whose reply says "Connection: close" (httplib itself
  // would keep the connection): the connection is closed after the reply,
  // the rest of the request read and dropped for a moment first (see
  // LingeringClose in the .cc).
  static void CloseAfterReply();

  // The 408 and 503 answers' JSON bodies.
  std::string TimeoutBody() const;
  std::string BusyBody() const;

 private:
  // httplib's hook for one accepted connection (private there, virtual so
  // that its TLS server can read through OpenSSL): reads the requests with
  // a DeadlineStream through the protected process_request.
  bool process_and_close_socket(socket_t sock) override;

  const std::chrono::milliseconds read_timeout_;
  const size_t max_connections_;
};

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_GUARDED_HTTP_SERVER_H_
