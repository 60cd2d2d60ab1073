#ifndef JTBD_SERVE_SERVER_H_
#define JTBD_SERVE_SERVER_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "core/resource_limits.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace jtbd {
namespace serve {

// The sidecar's limits: the library's, but a body of at most 64 MiB
// (max_request_bytes), since the server buffers each body whole.
ResourceLimits DefaultServeLimits();

struct ServerOptions {
  // Loopback unless told otherwise: the sidecar has no TLS of its own.
  std::string bind_address = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  // Empty: no authentication. Otherwise every /v1/ request needs
  // "Authorization: Bearer <token>"; /healthz stays open for probes.
  std::string token;
  // What a request may make the server allocate or do (docs/LIMITS.md):
  // bodies over max_request_bytes are refused with 413 before being read;
  // CSV bodies are read, JSON requests checked, with all of them (413 with
  // the limit named).
  ResourceLimits limits = DefaultServeLimits();
  // One line per request on stderr: method, path, status (never the body).
  bool access_log = false;
  // A request must arrive whole (headers and body) within this of its
  // first byte, or of the connection's opening for its first request, and
  // its answer be taken as fast: a slow client is cut off (408) rather than
  // holding a thread. Positive.
  std::chrono::milliseconds read_timeout{10000};
  // Connections held at once, each on a thread of its own; one more is
  // answered 503 with Retry-After without being read. At least 1.
  int max_connections = 32;
};

// The jtbd HTTP sidecar, for hosts that cannot load native code:
//   POST /v1/score    text/csv or application/json -> the report JSON
//   POST /v1/segment  text/csv -> the segmentation report JSON
//   GET  /healthz     {"status":"ok","version":"..."}
// Errors are JSON ({"error":{"code","message"}}): 400 bad input, 401 missing
// or wrong token, 404 unknown path, 405 wrong method, 413 over a limit,
// 415 unsupported media type, 408 sent too slowly, 503 over the connection
// cap (guarded_http_server.h). Requests share no mutable state, so the
// worker threads serve them concurrently.
class Server {
 public:
  // Binds (the port is known on return) and serves on a background thread.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerOptions& options);

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();  // Stop()

  // The bound port: options.port, or the one chosen for port 0.
  int port() const { return port_; }

  // False once the server has stopped, by Stop() or a failure of its
  // listening socket.
  bool serving() const { return !listener_done_; }

  // Stops accepting, finishes the requests in flight (those sent already),
  // closes idle connections and joins the threads.
  // Idempotent; not to be called from two threads at once.
  void Stop();

 private:
  Server(const ServerOptions& options, std::unique_ptr<httplib::Server> http);
  void Route();

  const ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;
  std::thread listener_;
  std::atomic<bool> listener_done_{false};
};

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_SERVER_H_
