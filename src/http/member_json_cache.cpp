#include "http/member_json_cache.h"

#include <mutex>

#include "http/json_views.h"
#include "http/json_writer.h"

namespace chibo::http {

std::shared_ptr<const std::string> MemberJsonCache::get(const domain::Member& member,
                                                        const std::string& org_name, Date today) {
  {
    std::shared_lock lock(mutex_);
    const auto found = entries_.find(member.id.value);
    if (found != entries_.end() && found->second.version == member.version &&
        found->second.today == today && found->second.org_name == org_name) {
      return found->second.json;
    }
  }
  auto json = std::make_shared<std::string>();
  JsonWriter writer(*json);
  write_member(writer, member, org_name, today);
  std::shared_ptr<const std::string> rendered = std::move(json);
  std::unique_lock lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[member.id.value] = Entry{member.version, org_name, today, rendered};
  return rendered;
}

}  // namespace chibo::http
