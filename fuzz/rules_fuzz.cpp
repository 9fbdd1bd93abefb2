// libFuzzer: the rule-file parser (rules/*.toml: the versioned legal values). No crash or
// sanitizer report; a bad file is an error naming the file and the parameter.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "io/rules_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"fuzz.toml", std::string(reinterpret_cast<const char*>(data), size)}};
  (void)chibo::io::parse_rules(files, {});
  return 0;
}
