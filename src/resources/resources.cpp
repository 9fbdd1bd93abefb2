#include "resources/resources.h"

namespace chibo::resources {

std::optional<std::string_view> find(std::string_view path) {
  for (const Resource& resource : all()) {
    if (resource.path == path) return resource.data;
  }
  return std::nullopt;
}

std::vector<Resource> under(std::string_view prefix) {
  std::vector<Resource> found;
  for (const Resource& resource : all()) {
    if (resource.path.substr(0, prefix.size()) == prefix) found.push_back(resource);
  }
  return found;
}

}  // namespace chibo::resources
