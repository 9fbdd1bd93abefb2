// Files compiled into the binary (rule data, catalogs, migrations, the OpenAPI document).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace chibo::resources {

struct Resource {
  std::string_view path;  // relative to the repository root, e.g. "rules/organization.toml"
  std::string_view data;
};

const std::vector<Resource>& all();

// The bytes of `path`, or nullopt.
std::optional<std::string_view> find(std::string_view path);

// Resources whose path starts with `prefix`, in path order.
std::vector<Resource> under(std::string_view prefix);

}  // namespace chibo::resources
