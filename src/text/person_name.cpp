#include "text/person_name.h"

#include "text/collation.h"

namespace chibo::text {

NameParts split_name(std::string_view full_name) {
  NameParts parts;
  const size_t first_space = full_name.find(' ');
  if (first_space == std::string_view::npos) {
    parts.given = std::string(full_name);
    return parts;
  }
  const size_t last_space = full_name.rfind(' ');
  parts.family = std::string(full_name.substr(0, first_space));
  parts.given = std::string(full_name.substr(last_space + 1));
  if (last_space > first_space) {
    parts.middle = std::string(full_name.substr(first_space + 1, last_space - first_space - 1));
  }
  return parts;
}

std::string name_sort_key(std::string_view full_name) {
  const NameParts parts = split_name(full_name);
  // Each ICU key ends with a 00 byte that no other key byte equals, so concatenated keys
  // compare part by part.
  return sort_key_hex(parts.given) + sort_key_hex(parts.middle) + sort_key_hex(parts.family);
}

}  // namespace chibo::text
