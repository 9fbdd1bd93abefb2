// The single place where Errors become HTTP: a status code and an application/problem+json
// body (RFC 9457) with a stable code, the failing fields and a message in Vietnamese or
// English per Accept-Language.
#pragma once

#include "core/error.h"
#include "http/message.h"

namespace chibo::http {

int http_status(const Error& error);

HttpResponse problem_response(const Error& error, const HttpRequest& request);

}  // namespace chibo::http
