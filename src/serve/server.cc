// The HTTP sidecar over cpp-httplib (Debian's libcpp-httplib). The handlers
// read only the immutable options and call the pure functions of
// score_endpoint.h, so httplib's worker threads need no locking.
#include "serve/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "httplib.h"
#include "serve/bearer_token.h"
#include "serve/compare_endpoint.h"
#include "serve/forces_endpoint.h"
#include "serve/guarded_http_server.h"
#include "serve/lint_endpoint.h"
#include "serve/prioritize_endpoint.h"
#include "serve/score_endpoint.h"
#include "serve/segment_endpoint.h"
#include "serve/tag_notes_endpoint.h"
#include "serve/visual_reply.h"

namespace jtbd {
namespace serve {

ResourceLimits DefaultServeLimits() {
  ResourceLimits limits;
  limits.max_request_bytes = uint64_t{64} << 20;
  return limits;
}

namespace {

constexpr absl::string_view kAuthenticatedPrefix = "/v1/";
constexpr char kPaths[] =
    "POST /v1/score, POST /v1/segment, POST /v1/compare, POST /v1/prioritize, "
    "POST /v1/forces, POST /v1/forces/predict, POST /v1/tag-notes, "
    "POST /v1/lint, GET /healthz";

// The endpoints that take a body: the media types each reads (asked
// before the body is read), its 415, and its answer.
struct PostRoute {
  const char* path;
  bool (*reads)(absl::string_view content_type);
  JsonReply (*unsupported)(absl::string_view content_type);
  JsonReply (*answer)(absl::string_view content_type, absl::string_view body,
                      const QueryParams& params, const ResourceLimits& limits);
};
constexpr PostRoute kPostRoutes[] = {
    {"/v1/score", IsScoreMediaType, UnsupportedMediaType, Score},
    {"/v1/segment", IsSegmentMediaType, UnsupportedSegmentMediaType, Segment},
    {"/v1/compare", IsCompareMediaType, UnsupportedCompareMediaType, Compare},
    {"/v1/prioritize", IsPrioritizeMediaType, UnsupportedPrioritizeMediaType,
     Prioritize},
    {"/v1/forces", IsForcesMediaType, UnsupportedForcesMediaType, Forces},
    {"/v1/forces/predict", IsForcesPredictMediaType,
     UnsupportedForcesPredictMediaType, ForcesPredict},
    {"/v1/tag-notes", IsTagNotesMediaType, UnsupportedTagNotesMediaType,
     TagNotes},
    {"/v1/lint", IsLintMediaType, UnsupportedLintMediaType, Lint},
};

// The form of a route's answer that Accept may choose; null for routes
// that answer JSON only.
using ViewedAnswer = JsonReply (*)(absl::string_view, absl::string_view,
                                   const QueryParams&, const ResourceLimits&,
                                   const ReportView&);
ViewedAnswer ViewedAnswerOf(decltype(PostRoute::answer) answer) {
  if (answer == Score) return ScoreAs;
  if (answer == Forces) return ForcesAs;
  if (answer == Compare) return CompareAs;
  if (answer == Prioritize) return PrioritizeAs;
  return nullptr;
}

void Send(const JsonReply& reply, httplib::Response& response) {
  response.status = reply.status;
  response.set_content(reply.body, reply.content_type);
}

httplib::Server::Handler MethodNotAllowed(std::string allowed) {
  return [allowed = std::move(allowed)](const httplib::Request& request,
                                        httplib::Response& response) {
    response.set_header("Allow", allowed);
    Send(ErrorReply(405, "UNIMPLEMENTED",
                    absl::StrCat(request.method, " ", request.path, ": only ",
                                 allowed, " is allowed")),
         response);
  };
}

// Reads the body into one buffer of the announced size. httplib's own
// reading appends to a string that doubles as it grows, so that at the last
// doubling it holds up to twice the body; the body is by far the largest
// thing a request keeps (a segmented CSV is scored without keeping any
// respondent), so it is held once. False when the body could not be read
// (httplib has set the status: 413 over the limit, 400 otherwise).
bool ReadBody(const httplib::Request& request,
              const httplib::ContentReader& content_reader,
              uint64_t max_request_bytes, httplib::Response& response,
              std::string* body) {
  uint64_t length = 0;
  if (absl::SimpleAtoi(request.get_header_value("Content-Length"), &length) &&
      length <= max_request_bytes && length <= body->max_size()) {
    body->reserve(static_cast<size_t>(length));
  }
  const bool read = content_reader([body](const char* data, size_t size) {
    body->append(data, size);
    return true;
  });
  if (!read && response.status < 400) response.status = 400;
  return read;
}

}  // namespace

Server::Server(const ServerOptions& options,
               std::unique_ptr<httplib::Server> http)
    : options_(options), http_(std::move(http)) {}

Server::~Server() { Stop(); }

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    const ServerOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("port ", options.port, " is not in 0-65535"));
  }
  if (options.read_timeout <= std::chrono::milliseconds::zero()) {
    return absl::InvalidArgumentError("the read timeout must be positive");
  }
  if (options.max_connections < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_connections ", options.max_connections, " is not at least 1"));
  }
  auto http = std::make_unique<GuardedHttpServer>(
      options.read_timeout, static_cast<size_t>(options.max_connections));
  if (!http->is_valid()) {
    return absl::InternalError("the HTTP server could not be created");
  }
  std::unique_ptr<Server> server(new Server(options, std::move(http)));
  server->Route();

  errno = 0;
  int port = -1;
  if (options.port == 0) {
    port = server->http_->bind_to_any_port(options.bind_address);
  } else if (server->http_->bind_to_port(options.bind_address, options.port)) {
    port = options.port;
  }
  if (port <= 0) {
    const int error = errno;
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.bind_address, " port ", options.port,
        error != 0 ? absl::StrCat(": ", std::strerror(error)) : ""));
  }
  server->port_ = port;
  Server* raw = server.get();
  server->listener_ = std::thread([raw] {
    raw->http_->listen_after_bind();
    raw->listener_done_ = true;
  });
  return server;
}

void Server::Stop() {
  if (!listener_.joinable()) return;
  // httplib's stop() does nothing until listen_after_bind() has marked the
  // server running, which the listener thread may not have reached yet.
  while (!http_->is_running() && !listener_done_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  http_->stop();
  listener_.join();
}

void Server::Route() {
  httplib::Server& http = *http_;
  // Capped at size_t: a limit raised past it lets anything through here,
  // and the endpoint checks the body it got against the full value.
  http.set_payload_max_length(static_cast<size_t>(std::min<uint64_t>(
      options_.limits.max_request_bytes, std::numeric_limits<size_t>::max())));
  // httplib's default also sets SO_REUSEPORT, which lets a second server
  // bind the same port and silently take half the connections. Only
  // SO_REUSEADDR: a restart may reuse a port in TIME_WAIT, nothing more.
  http.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });

  // Authentication and the media type are checked before routing, hence
  // before the body is read (httplib would parse a form post itself). The
  // unread body must not be taken for a next request: such replies close.
  http.set_pre_routing_handler([this](const httplib::Request& request,
                                      httplib::Response& response) {
    if (!options_.token.empty() &&
        absl::StartsWith(request.path, kAuthenticatedPrefix) &&
        !IsAuthorized(request.get_header_value("Authorization"),
                      options_.token)) {
      response.set_header("WWW-Authenticate", "Bearer realm=\"jtbd\"");
      response.set_header("Connection", "close");
      GuardedHttpServer::CloseAfterReply();
      Send(ErrorReply(401, "UNAUTHENTICATED",
                      request.has_header("Authorization")
                          ? "the bearer token is wrong"
                          : "this server needs \"Authorization: Bearer "
                            "<token>\""),
           response);
      return httplib::Server::HandlerResponse::Handled;
    }
    for (const PostRoute& route : kPostRoutes) {
      if (request.method != "POST" || request.path != route.path) continue;
      const std::string content_type = request.get_header_value("Content-Type");
      if (!route.reads(content_type)) {
        response.set_header("Connection", "close");
        GuardedHttpServer::CloseAfterReply();
        Send(route.unsupported(content_type), response);
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  for (const PostRoute& route : kPostRoutes) {
    http.Post(route.path, [this, route = &route](
                              const httplib::Request& request,
                              httplib::Response& response,
                              const httplib::ContentReader& content_reader) {
      std::string body;
      if (!ReadBody(request, content_reader, options_.limits.max_request_bytes,
                    response, &body)) {
        return;
      }
      // /v1/score, /v1/forces, /v1/compare and /v1/prioritize answer
      // people too: Accept chooses JSON or HTML (and the landscape SVG for
      // /v1/score; visual_reply.h).
      if (const ViewedAnswer viewed = ViewedAnswerOf(route->answer);
          viewed != nullptr) {
        response.set_header("Vary", "Accept, Accept-Language");
        Send(viewed(
                 request.get_header_value("Content-Type"), body, request.params,
                 options_.limits,
                 ViewFromHeaders(request.get_header_value("Accept"),
                                 request.get_header_value("Accept-Language"))),
             response);
        return;
      }
      Send(route->answer(request.get_header_value("Content-Type"), body,
                         request.params, options_.limits),
           response);
    });
    http.Get(route.path, MethodNotAllowed("POST"));
    http.Put(route.path, MethodNotAllowed("POST"));
    http.Patch(route.path, MethodNotAllowed("POST"));
    http.Delete(route.path, MethodNotAllowed("POST"));
    http.Options(route.path, MethodNotAllowed("POST"));
  }
  http.Get("/healthz",
           [](const httplib::Request&, httplib::Response& response) {
             Send(Health(), response);
           });
  http.Post("/healthz", MethodNotAllowed("GET"));
  http.Put("/healthz", MethodNotAllowed("GET"));
  http.Patch("/healthz", MethodNotAllowed("GET"));
  http.Delete("/healthz", MethodNotAllowed("GET"));
  http.Options("/healthz", MethodNotAllowed("GET"));

  // Statuses httplib sets itself (no route, body too large, bad request
  // line) get a JSON body too; replies already written keep theirs.
  // A request cut off by the read timeout (the body, or headers after the
  // request line) fails as a bad request in httplib: 408 instead.
  const httplib::Server::HandlerWithResponse error_handler =
      [this,
       timeout_body = static_cast<GuardedHttpServer&>(http).TimeoutBody()](
          const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        JsonReply reply;
        if (GuardedHttpServer::RequestTimedOut()) {
          reply = JsonReply{408, timeout_body};
          response.set_header("Connection", "close");
          GuardedHttpServer::CloseAfterReply();
        } else if (response.status == 404) {
          reply = ErrorReply(404, "NOT_FOUND",
                             absl::StrCat("no such path: ", request.path,
                                          " (this server has ", kPaths, ")"));
        } else if (response.status == 413) {
          reply = ErrorReply(
              413, "RESOURCE_EXHAUSTED",
              absl::StrCat("the request body exceeds the limit ",
                           LimitHint(LimitKind::kRequestBytes,
                                     options_.limits.max_request_bytes)));
        } else {
          reply = ErrorReply(
              response.status,
              response.status < 500 ? "INVALID_ARGUMENT" : "INTERNAL",
              absl::StrCat("HTTP ", response.status));
        }
        Send(reply, response);
        return httplib::Server::HandlerResponse::Handled;
      };
  http.set_error_handler(error_handler);
  http.set_exception_handler([](const httplib::Request&,
                                httplib::Response& response,
                                std::exception_ptr) {
    Send(ErrorReply(500, "INTERNAL", "unexpected failure"), response);
  });

  if (options_.access_log) {
    http.set_logger([](const httplib::Request& request,
                       const httplib::Response& response) {
      // One call per line: stdio locks the stream for each call.
      std::fprintf(stderr, "jtbd serve: %s %s %d %zu\n", request.method.c_str(),
                   request.path.c_str(), response.status, response.body.size());
    });
  }
}

}  // namespace serve
}  // namespace jtbd
