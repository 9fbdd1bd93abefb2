// The HTTP server: RESTinio underneath (this is the only place that includes it), the API
// router for /api/, the web UI's files for everything else.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/router.h"
#include "http/static_files.h"

namespace chibo::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  unsigned threads = 2;
  // Peers (a reverse proxy such as nginx) whose X-Forwarded-For names the client: requests from
  // them take the header's last address, the one the proxy appended, for login throttling and
  // the audit trail. From any other peer the header is ignored (a client could forge it).
  std::vector<std::string> trusted_proxies;
  // Larger request bodies are cut off by the transport (the connection closes).
  std::uint64_t max_body_bytes = 16 * 1024 * 1024;
  // Connections served at once; more wait in the kernel's accept queue (file descriptors stay
  // bounded). A client gets `read_timeout_seconds` for each whole request, headers and body,
  // however it trickles them in: then its connection closes, so slow clients (slowloris) hold a
  // slot for that long at most.
  std::size_t max_connections = 2048;
  unsigned read_timeout_seconds = 60;
};

// Decides whether a matched API request reaches its handler (see session_gate.h): a
// response stops it there.
using Admission = std::function<std::optional<HttpResponse>(Gate, HttpRequest&)>;

// Answers one request: routing, admission, errors as problem+json, common security headers.
HttpResponse dispatch(const Router& api, const Admission& admission, const StaticFiles& web,
                      HttpRequest& request);

// Serves until SIGINT or SIGTERM, then stops cleanly (in-flight requests finish). Returns
// false with `error` set when it cannot listen.
bool serve_until_signal(const ServerOptions& options, const Router& api, const Admission& admission,
                        const StaticFiles& web, std::string& error);

}  // namespace chibo::http
