// Vietnamese personal names: family name first, given name last, middle name(s) between.
#pragma once

#include <string>
#include <string_view>

namespace chibo::text {

struct NameParts {
  std::string family;
  std::string middle;
  std::string given;
};

// Splits a cleaned name on spaces: "Nguyễn Thị Minh Khai" -> {Nguyễn, Thị Minh, Khai}.
// A single word is a given name.
NameParts split_name(std::string_view full_name);

// Key that orders names the Vietnamese way: by given name, then middle, then family name,
// each compared with the "vi" collation (hex, comparable bytewise).
std::string name_sort_key(std::string_view full_name);

}  // namespace chibo::text
