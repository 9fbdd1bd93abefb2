// Member records as last read, for the embedded server's search pages: a page of results
// then costs no SQL when its members are cached at the version the search index reports.
// A cached entry is only used when its version equals the current one, so a stale entry is
// never served; organization names are dropped when an organization is renamed.
//
// Thread safety: all methods may be called from any thread.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/members/member.h"

namespace chibo::storage {

class RecordCache {
 public:
  // The member with this id if cached at exactly `version`.
  std::shared_ptr<const domain::Member> member(long long id, long long version) const;
  void put_member(std::shared_ptr<const domain::Member> member);
  std::optional<std::string> org_name(long long org_id) const;
  void put_org_name(long long org_id, const std::string& name);
  void forget_orgs(const std::vector<long long>& org_ids);
  void clear();

 private:
  // Bounds memory: when reached, the cache starts over (a simple policy that keeps the
  // common case, a working set smaller than this, entirely in memory).
  static constexpr size_t kMaxMembers = 200'000;

  mutable std::shared_mutex mutex_;
  std::unordered_map<long long, std::shared_ptr<const domain::Member>> members_;
  std::unordered_map<long long, std::string> org_names_;
};

}  // namespace chibo::storage
