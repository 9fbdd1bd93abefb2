// HTTP requests and responses as plain values, so that routing, handlers and their tests
// never see the transport (RESTinio lives in server.cpp only).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/context.h"

namespace chibo::http {

struct HttpRequest {
  std::string method;  // "GET", "POST" ...
  std::string path;    // decoded? no: as received, without the query string
  std::string query;   // the raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  std::string request_id;
  std::map<std::string, std::string> path_params;  // filled by the router
  std::optional<app::Actor> actor;                 // set by the session gate

  // The first header named `name` (lower case), or "".
  std::string_view header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  HttpResponse& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// The reason phrase for a status code ("Not Found").
const char* reason_phrase(int status);

}  // namespace chibo::http
