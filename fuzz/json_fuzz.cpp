// libFuzzer: the JSON request-body decoder (every write route): strict parsing, UTF-8 checks,
// then the typed field readers. No crash or sanitizer report; bad input is an error value.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chibo::http::HttpRequest request;
  request.method = "POST";
  request.headers = {{"content-type", "application/json; charset=utf-8"}};
  request.body.assign(reinterpret_cast<const char*>(data), size);
  auto parsed = chibo::http::read_json_object(request);
  if (!parsed) return 0;
  chibo::http::JsonFields fields(*parsed);
  for (const std::string& name : {"name", "org_id", "tasks", "due_on", "amount"}) {
    (void)fields.text(name);
    (void)fields.text_or_number(name);
    (void)fields.string_list(name);
    (void)fields.integer(name, false);
    (void)fields.nullable_integer(name);
    (void)fields.boolean(name);
  }
  return 0;
}
