#include "domain/members/search_keys.h"

#include <algorithm>

#include "text/fold.h"

namespace chibo::domain {

namespace {

void add_suffixes(const std::string& name, std::vector<std::string>& keys) {
  const std::string folded = text::fold(name);
  if (folded.empty()) return;
  size_t start = 0;
  while (true) {
    keys.push_back(folded.substr(start, kMaxSearchKeyBytes));
    const size_t space = folded.find(' ', start);
    if (space == std::string::npos) break;
    start = space + 1;
  }
}

}  // namespace

std::vector<std::string> member_search_keys(const Member& member) {
  std::vector<std::string> keys;
  add_suffixes(member.full_name, keys);
  add_suffixes(member.birth_name, keys);
  for (const std::string& alias : member.aliases) add_suffixes(alias, keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace chibo::domain
