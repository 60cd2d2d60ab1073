// jtbd serve: the HTTP sidecar (src/serve) for hosts that cannot load
// native code. Runs until SIGINT or SIGTERM, then finishes the requests in
// flight.
#include <signal.h>
#include <time.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "cli/commands.h"
#include "cli/survey_input.h"
#include "serve/bearer_token.h"
#include "serve/server.h"

namespace jtbd {
namespace cli {
namespace {

// Each connection has a thread: a cap far beyond what one process should
// run at once is a mistake.
constexpr int kMaxConnections = 4096;

struct ServeArgs {
  serve::ServerOptions server;
  // How long a stop waits for the requests in flight.
  std::chrono::milliseconds shutdown_timeout{30000};
  std::string token_file;
  bool help = false;
};

using UsageProblem = std::string;

// Accepts "--name value" and "--name=value", as `jtbd score` does.
UsageProblem ParseArgs(const std::vector<std::string>& raw, ServeArgs* args) {
  for (size_t i = 0; i < raw.size(); ++i) {
    const std::string& arg = raw[i];
    if (arg == "-h" || arg == "--help") {
      args->help = true;
      continue;
    }
    std::string name = arg;
    absl::optional<std::string> value;
    const size_t equals = arg.find('=');
    if (equals != std::string::npos) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
    }
    if (name != "--port" && name != "--bind" && name != "--token-file" &&
        name != "--max-body-bytes" && name != "--read-timeout" &&
        name != "--max-connections" && name != "--shutdown-timeout" &&
        !IsLimitFlag(name, /*with_request_limits=*/true)) {
      return name.rfind("--", 0) == 0
                 ? absl::StrCat("unknown option \"", name, "\"")
                 : absl::StrCat("serve takes no arguments, got \"", arg, "\"");
    }
    if (!value.has_value()) {
      if (i + 1 >= raw.size()) {
        return absl::StrCat("option ", name, " needs a value");
      }
      value = raw[++i];
    }
    if (name == "--port") {
      int port = 0;
      if (!absl::SimpleAtoi(*value, &port) || port < 0 || port > 65535) {
        return absl::StrCat("bad --port \"", *value,
                            "\" (expected 0-65535; 0 picks a free port)");
      }
      args->server.port = port;
    } else if (name == "--bind") {
      if (value->empty()) return "--bind needs an address";
      args->server.bind_address = *value;
    } else if (name == "--read-timeout" || name == "--shutdown-timeout") {
      double seconds = 0;
      if (!absl::SimpleAtod(*value, &seconds) || !(seconds >= 0.001) ||
          seconds > 86400) {
        return absl::StrCat("bad ", name, " \"", *value,
                            "\" (expected seconds, 0.001-86400)");
      }
      const std::chrono::milliseconds millis(
          static_cast<int64_t>(seconds * 1000 + 0.5));
      (name == "--read-timeout" ? args->server.read_timeout
                                : args->shutdown_timeout) = millis;
    } else if (name == "--max-connections") {
      int connections = 0;
      if (!absl::SimpleAtoi(*value, &connections) || connections < 1 ||
          connections > kMaxConnections) {
        return absl::StrCat("bad --max-connections \"", *value,
                            "\" (expected 1-", kMaxConnections, ")");
      }
      args->server.max_connections = connections;
    } else if (name == "--token-file") {
      if (value->empty()) return "--token-file needs a file name";
      args->token_file = *value;
    } else {
      // --max-body-bytes: the name it had before the other limits came.
      const std::string flag =
          name == "--max-body-bytes" ? "--max-request-bytes" : name;
      UsageProblem limit = ParseLimitFlag(flag, *value, &args->server.limits);
      if (!limit.empty()) {
        return name == flag ? limit
                            : absl::StrCat(limit, " (given as ", name, ")");
      }
    }
  }
  return "";
}

}  // namespace

const char* ServeSynopsis() {
  return "Usage: jtbd serve [--port N] [--bind ADDRESS] [--token-file FILE]\n"
         "                  [--read-timeout SECONDS] [--max-connections N]\n"
         "                  [--shutdown-timeout SECONDS]\n"
         "                  [--max-request-bytes N] [--max-* N]\n"
         "Run `jtbd serve --help` for details.\n";
}

const char* ServeUsage() {
  // Built once: the limit flags come from the text score and inspect share.
  static const std::string* const kUsage = new std::string(absl::StrCat(
      "Usage: jtbd serve [options]\n"
      "\n"
      "Serves scoring over HTTP for hosts that cannot load libjtbd\n"
      "(Salesforce, HubSpot, Dynamics), until SIGINT or SIGTERM:\n"
      "  POST /v1/score    body text/csv (a survey, as `jtbd score` reads;\n"
      "                    query parameters segment_by, scale, top_box) or\n"
      "                    application/json (a jtbd.v1.ScoreRequest):\n"
      "                    answers `jtbd score --format json`'s JSON; or\n"
      "                    application/x-protobuf (a serialized\n"
      "                    jtbd.v1.ScoreRequest): answers the serialized\n"
      "                    jtbd.v1.Report\n"
      "  POST /v1/segment  body text/csv; query parameters k, min_k,\n"
      "                    max_k, starts, seed, feature, pca (true or\n"
      "                    false), threads, confidence, bootstrap, scale,\n"
      "                    top_box as `jtbd segment`'s flags; answers\n"
      "                    `jtbd segment --format json`'s JSON\n"
      "  POST /v1/compare  body application/json {\"first\": survey text,\n"
      "                    \"second\": survey text} (or firstBase64,\n"
      "                    secondBase64: bytes, e.g. a saved aggregate);\n"
      "                    query parameters segment_by, adjust,\n"
      "                    confidence, scale, top_box; answers\n"
      "                    `jtbd compare --format json`'s JSON\n"
      "  POST /v1/prioritize  body application/json {\"survey\": ...,\n"
      "                    \"initiatives\": CSV text} (or surveyBase64);\n"
      "                    query parameters budget (required),\n"
      "                    node_limit, time_limit, resamples, seed,\n"
      "                    frontier (budgets separated by commas),\n"
      "                    segment_by, scale, top_box; answers\n"
      "                    `jtbd prioritize --format json`'s JSON\n"
      "  GET /healthz      {\"status\":\"ok\",\"version\":...}\n"
      "Errors are JSON {\"error\":{\"code\",\"message\"}}: 400 bad input,\n"
      "401 missing or wrong token, 404, 405, 408 sent too slowly\n"
      "(--read-timeout), 413 over a limit (below), 415, 503 over\n"
      "--max-connections.\n"
      "\n"
      "Options:\n"
      "  --port N            TCP port (default: 8080; 0 picks a free "
      "one)\n"
      "  --bind ADDRESS      address to listen on (default: 127.0.0.1;\n"
      "                      put TLS in front before binding others)\n"
      "  --token-file FILE   require \"Authorization: Bearer <token>\" on\n"
      "                      /v1/ with the token in FILE\n"
      "  --read-timeout SECONDS\n"
      "                      a request must arrive whole, headers and\n"
      "                      body, within SECONDS of its first byte (of\n"
      "                      the connection's opening, for its first),\n"
      "                      and its answer be read as fast; a slower\n"
      "                      client is answered 408 and cut off\n"
      "                      (default: 10)\n"
      "  --max-connections N connections served at once, each on a thread\n"
      "                      of its own; one more is answered 503 with\n"
      "                      Retry-After, unread (default: 32)\n"
      "  --shutdown-timeout SECONDS\n"
      "                      on SIGINT or SIGTERM, stop accepting and wait\n"
      "                      this long at most for the requests in flight\n"
      "                      (default: 30)\n"
      "  -h, --help          print this help\n"
      "\n"
      "Limits of each request (over one: 413 naming it):\n",
      LimitFlagsHelp(serve::DefaultServeLimits(),
                     /*with_request_limits=*/true),
      "  --max-body-bytes N       the same as --max-request-bytes (its older\n"
      "                           name); a body is refused before it is read\n"
      "                           (default here: 67108864, 64 MiB)\n"
      "\n"
      "Prints \"listening on http://ADDRESS:PORT\" on standard output once\n"
      "ready, and one line per request on standard error.\n"
      "Exit status: 0 stopped by a signal with every request in flight\n"
      "answered, 1 cannot serve (or requests still running at the\n"
      "shutdown timeout), 2 usage error.\n"));
  return kUsage->c_str();
}

int RunServe(const std::vector<std::string>& raw_args) {
  ServeArgs args;
  const UsageProblem problem = ParseArgs(raw_args, &args);
  if (!problem.empty()) return UsageError(problem, ServeSynopsis());
  if (args.help) {
    std::fputs(ServeUsage(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitBadData;
  }
  if (!args.token_file.empty()) {
    absl::StatusOr<std::string> token = serve::ReadTokenFile(args.token_file);
    if (!token.ok()) {
      std::fprintf(stderr, "jtbd: %s\n",
                   std::string(token.status().message()).c_str());
      return kExitBadData;
    }
    args.server.token = *token;
  }
  args.server.access_log = true;

  // Block the stop signals before any thread starts, so that every worker
  // inherits the mask and only sigtimedwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  absl::StatusOr<std::unique_ptr<serve::Server>> server =
      serve::Server::Start(args.server);
  if (!server.ok()) {
    std::fprintf(stderr, "jtbd: %s\n",
                 std::string(server.status().message()).c_str());
    return kExitBadData;
  }
  const std::string& address = args.server.bind_address;
  const bool ipv6 = address.find(':') != std::string::npos;
  std::printf("listening on http://%s%s%s:%d\n", ipv6 ? "[" : "",
              address.c_str(), ipv6 ? "]" : "", (*server)->port());
  std::fflush(stdout);

  const timespec poll_interval = {0, 200 * 1000 * 1000};
  while ((*server)->serving()) {
    if (sigtimedwait(&stop_signals, nullptr, &poll_interval) > 0) break;
  }
  const bool failed = !(*server)->serving();
  if (failed) {
    (*server)->Stop();
    std::fputs("jtbd: the server stopped unexpectedly\n", stderr);
    return kExitBadData;
  }
  // Stop() finishes the requests in flight; a request still computing at
  // the shutdown timeout is abandoned with the process (the supervisor's
  // own kill would come next anyway).
  std::mutex mutex;
  std::condition_variable stopped_signal;
  bool stopped = false;
  std::thread stopper([&] {
    (*server)->Stop();
    std::lock_guard<std::mutex> lock(mutex);
    stopped = true;
    stopped_signal.notify_all();
  });
  std::unique_lock<std::mutex> lock(mutex);
  if (!stopped_signal.wait_for(lock, args.shutdown_timeout,
                               [&] { return stopped; })) {
    std::fprintf(stderr,
                 "jtbd: requests still running after --shutdown-timeout; "
                 "stopping without them\n");
    std::fflush(stderr);
    std::_Exit(kExitBadData);
  }
  lock.unlock();
  stopper.join();
  return kExitOk;
}

}  // namespace cli
}  // namespace jtbd
