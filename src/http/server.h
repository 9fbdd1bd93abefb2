// The HTTP server: RESTinio underneath (this is the only place that includes it), the API
// router for /api/, the web UI's files for everything else.
#pragma once

#include <cstdint>
#include <string>

#include "http/router.h"
#include "http/static_files.h"

namespace chibo::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  unsigned threads = 2;
};

// Answers one request: routing, errors as problem+json, common security headers.
HttpResponse dispatch(const Router& api, const StaticFiles& web, HttpRequest& request);

// Serves until SIGINT or SIGTERM, then stops cleanly (in-flight requests finish). Returns
// false with `error` set when it cannot listen.
bool serve_until_signal(const ServerOptions& options, const Router& api, const StaticFiles& web,
                        std::string& error);

}  // namespace chibo::http
