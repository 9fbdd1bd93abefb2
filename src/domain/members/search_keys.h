// Search keys for finding members by name as people type it. Each name (in use, at birth,
// aliases) contributes every word suffix of its folded form: "Nguyễn Văn An" gives
// "nguyen van an", "van an", "an". A query then matches by key prefix, so "nguyen van an",
// "van a" and "an" all find it through one index range, on SQLite and PostgreSQL alike.
#pragma once

#include <string>
#include <vector>

#include "domain/members/member.h"

namespace chibo::domain {

// Distinct keys for a member's names, each at most kMaxSearchKeyBytes long.
std::vector<std::string> member_search_keys(const Member& member);

inline constexpr size_t kMaxSearchKeyBytes = 120;

}  // namespace chibo::domain
