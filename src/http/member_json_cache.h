// Rendered JSON of member records, reused while the record's version, its organization's
// name and the day (the age changes with it) stay the same: a search page is then mostly
// copies of ready text. Nothing needs invalidating: a key that differs renders anew.
//
// Thread safety: get() may be called from any thread.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/date.h"
#include "domain/members/member.h"

namespace chibo::http {

class MemberJsonCache {
 public:
  std::shared_ptr<const std::string> get(const domain::Member& member, const std::string& org_name,
                                         Date today);

 private:
  struct Entry {
    long long version = 0;
    std::string org_name;
    Date today;
    std::shared_ptr<const std::string> json;
  };
  static constexpr size_t kMaxEntries = 200'000;  // then it starts over

  std::shared_mutex mutex_;
  std::unordered_map<long long, Entry> entries_;
};

}  // namespace chibo::http
