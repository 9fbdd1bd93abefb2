#include "storage/sql/search/record_cache.h"

namespace chibo::storage {

std::shared_ptr<const domain::Member> RecordCache::member(long long id, long long version) const {
  std::shared_lock lock(mutex_);
  const auto found = members_.find(id);
  if (found == members_.end() || found->second->version != version) return nullptr;
  return found->second;
}

void RecordCache::put_member(std::shared_ptr<const domain::Member> member) {
  std::unique_lock lock(mutex_);
  if (members_.size() >= kMaxMembers) members_.clear();
  const long long id = member->id.value;
  members_[id] = std::move(member);
}

std::optional<std::string> RecordCache::org_name(long long org_id) const {
  std::shared_lock lock(mutex_);
  const auto found = org_names_.find(org_id);
  if (found == org_names_.end()) return std::nullopt;
  return found->second;
}

void RecordCache::put_org_name(long long org_id, const std::string& name) {
  std::unique_lock lock(mutex_);
  org_names_[org_id] = name;
}

void RecordCache::forget_orgs(const std::vector<long long>& org_ids) {
  std::unique_lock lock(mutex_);
  for (long long id : org_ids) org_names_.erase(id);
}

void RecordCache::clear() {
  std::unique_lock lock(mutex_);
  members_.clear();
  org_names_.clear();
}

}  // namespace chibo::storage
