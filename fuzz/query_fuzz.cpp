// libFuzzer: the query-string decoder of every list route. No crash or sanitizer report; what
// it decodes is valid UTF-8 or an error naming the parameter.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/query_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  (void)chibo::http::percent_decode(raw);
  chibo::http::QueryParams params(raw);
  (void)params.empty();
  (void)params.text("q");
  (void)params.list("status");
  (void)params.integer("limit", 1, 1000);
  (void)params.integer("org_id", 1, INT64_MAX);
  (void)params.flag("overdue");
  (void)params.finish();
  return 0;
}
